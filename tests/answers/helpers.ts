// Shared helpers of the answers tests: problems as text, and positions found by searching the text.

import { readFileSync } from 'node:fs';
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
