// Property: a valid answers model with one known mistake (tests/property/arbitraries.ts `mutations`) is refused
// by `archplan generate` (src/main.ts, in-process with in-memory streams): exit 1, a problem located at
// `file:line:col` naming the mutated key path, no stack trace, and nothing written.

import fc from 'fast-check';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { TIMEOUT, configureFastCheck, mutations, validAnswers } from './arbitraries.js';

configureFastCheck();

function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

describe('a valid model with one mistake is refused where the mistake is', () => {
  it('exit 1, located at the mutated key, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archplan-prop-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(validAnswers, fc.constantFrom(...mutations), async (answers, mutation) => {
        const model = structuredClone(answers);
        mutation.apply(model);
        const file = `m${n++}.yaml`;
        const text = stringify(model, { version: '1.2' });
        writeFileSync(join(dir, file), text);
        const out = join(dir, `out-${n}`);
        const stdout = sink();
        const stderr = sink();
        const code = await main(['generate', file, '--out', out], { stdout, stderr, env: {}, cwd: dir });
        const lines = stderr.text.trimEnd().split('\n');
        expect(code, stderr.text).toBe(1);
        expect(existsSync(out)).toBe(false);
        expect(stdout.text).toBe('');
        expect(stderr.text).not.toContain('\n    at ');
        expect(lines.at(-1)).toMatch(new RegExp(`^${file} is not valid: \\d+ problems?; nothing was written\\.$`));
        const count = text.split('\n').length;
        const located = lines.slice(0, -1).map((l) => {
          const m = new RegExp(`^${file}:(\\d+):(\\d+)(?: (\\S+))?: .+$`).exec(l);
          expect(m, l).not.toBeNull();
          expect(Number(m![1])).toBeGreaterThanOrEqual(1);
          expect(Number(m![1])).toBeLessThanOrEqual(count);
          expect(Number(m![2])).toBeGreaterThanOrEqual(1);
          return m![3] ?? '';
        });
        // The mistake itself is among the problems, at its key path (or inside it).
        expect(
          located.some((p) => p === mutation.path || p.startsWith(`${mutation.path}.`) || p.startsWith(`${mutation.path}[`)),
          `${mutation.name}: ${stderr.text}`,
        ).toBe(true);
      }),
    );
  }, TIMEOUT);
});
