// Shared helpers of the answers tests: problems as text, positions found by searching the text, random edits.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatProblem } from '../../src/errors.js';
import { readAnswers } from '../../src/answers/index.js';

export const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/answers/${name}`, import.meta.url), 'utf8');

/** The reference answers file (a copy of shared/spec/payments.yaml). */
export const payments = fixture('payments.yaml');

/** Every problem of a text, formatted `file:line:col path: message`. */
export function problemsOf(text: string | Uint8Array, file = 'a.yaml'): string[] {
  return readAnswers(text, file).problems.map(formatProblem);
}

/** `line:col` of the `nth` (0-based) occurrence of `needle`, plus `shift` columns. */
export function at(text: string, needle: string, shift = 0, nth = 0): string {
  let index = -1;
  for (let n = 0; n <= nth; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const col = index - before.lastIndexOf('\n') + shift;
  return `${line}:${col}`;
}

/** The text with each `from` replaced once by its `to`; throws when one is missing so tests stay honest. */
export function edit(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`"${from}" not found`);
    out = out.replace(from, to);
  }
  return out;
}

/**
 * Texts made from `text` by one to three random edits, each inserting one of `tokens` into a line or dropping a
 * character: the shapes a hand edit leaves, for comparing two readers.
 */
export function editsOf(text: string, tokens: readonly string[]): fc.Arbitrary<string> {
  const lines = text.split('\n');
  const edit = fc.record({ at: fc.nat(lines.length - 1), col: fc.nat(60), token: fc.constantFrom(...tokens), drop: fc.boolean() });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = [...lines];
    for (const e of edits) {
      const line = copy[e.at] ?? '';
      const col = Math.min(e.col, line.length);
      copy[e.at] = e.drop ? line.slice(0, col) + line.slice(col + 1) : line.slice(0, col) + e.token + line.slice(col);
    }
    return copy.join('\n');
  });
}
