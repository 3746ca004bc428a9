import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { payments } from './helpers.js';

const lines = payments.split('\n');
const SPECIAL = ['', ':', '- ', '[', ']', '{', '}', '&a ', '*a', '!!set ', '<<: ', '\t', '"', "'", '#', '~', '.inf', '99999999999999999999', '__proto__: 1', '---'];

/** One edit of the reference file: drop, repeat or change a line, or insert a special token. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(lines.length - 1) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(lines.length - 1),
    col: fc.nat(40),
    token: fc.constantFrom(...SPECIAL),
  }),
);

interface Mutation {
  kind: 'drop' | 'repeat' | 'insert';
  at: number;
  col?: number;
  token?: string;
}

function apply(text: string, m: Mutation): string {
  const copy = text.split('\n');
  if (copy.length === 0 || m.at >= copy.length) return text;
  if (m.kind === 'drop') copy.splice(m.at, 1);
  else if (m.kind === 'repeat') copy.splice(m.at, 0, copy[m.at]!);
  else {
    const line = copy[m.at]!;
    const col = Math.min(m.col ?? 0, line.length);
    copy[m.at] = line.slice(0, col) + (m.token ?? '') + line.slice(col);
  }
  return copy.join('\n');
}

describe('mutated answers files', () => {
  it('never throw; invalid ones always say where', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const text = ms.reduce<string>(apply, payments);
        const read = readAnswers(text, 'm.yaml');
        if (read.answers === null) expect(read.problems.length).toBeGreaterThan(0);
        const count = text.split('\n').length;
        for (const p of read.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(count);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/undefined|\[object/);
          expect(p.message).not.toContain('\n');
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
