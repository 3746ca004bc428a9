import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, readAnswers } from '../../src/answers/index.js';

const head = 'version: 1\nproject: { name: A, summary: B }\nstack: { language: go, database: sqlite }\n';

/** Runs a file, asserts it ends within the time, is invalid, and lists at most MAX_PROBLEMS + 1 problems. */
function refusedQuickly(text: string, ms = 8000): string[] {
  expect(text.length).toBeLessThan(1024 * 1024);
  const started = Date.now();
  const read = readAnswers(text, 's.yaml');
  expect(Date.now() - started).toBeLessThan(ms);
  expect(read.answers).toBeNull();
  expect(read.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  return read.problems.map((p) => p.message);
}

describe('pathological but small files end quickly', () => {
  it('one entity with 50,000 fields of one name', () => {
    const messages = refusedQuickly(`${head}entities:\n  - name: A\n    fields:\n${'      - {name: a, type: uuid}\n'.repeat(30_000)}`);
    expect(messages[0]).toBe('duplicate field "a" in A');
  });

  it('a mapping of 50,000 unknown keys', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const messages = refusedQuickly(`${head.replace('stack: { language: go, database: sqlite }\n', '')}stack:\n  language: go\n  database: sqlite\n${keys}entities: []\n`);
    expect(messages[0]).toBe('unknown key "k0"');
  });

  it('20,000 layout slips, one a section, and 30,000 tabs as indentation: each one problem, found quickly', () => {
    const slips = refusedQuickly(Array.from({ length: 20_000 }, (_, i) => `k${i}:\n  a: 1\n   b: 2\n`).join(''));
    expect(slips[0]).toBe('"b" is indented 3 spaces, more than "a" on line 2 (2), which has a value and so holds no keys: line them up, or move that value');
    expect(slips.length).toBe(MAX_PROBLEMS + 1);
    const tabs = refusedQuickly(Array.from({ length: 30_000 }, (_, i) => `k${i}:\n\tx: 1\n`).join(''));
    expect(tabs[0]).toBe('tabs are not allowed as indentation; use spaces');
  });

  it('a list of 100,000 operations', () => {
    const messages = refusedQuickly(`${head}entities: [{name: A, fields: [{name: a, type: uuid}]}]\nresources:\n  - entity: A\n    operations:\n${'      - get\n'.repeat(80_000)}`);
    expect(messages[0]).toBe('duplicate item "get"');
  });

  it('a request of 50,000 unknown fields and an index of as many', () => {
    const names = Array.from({ length: 25_000 }, (_, i) => `f${i}`).join(', ');
    const messages = refusedQuickly(
      `${head}entities:\n  - name: A\n    fields: [{name: a, type: uuid}]\n    indexes: [{fields: [${names}]}]\nendpoints:\n  - {method: POST, path: /a, entity: A, request: [${names}]}\n`,
    );
    expect(messages[0]).toBe('unknown field "f0" in A');
  });

  it('deep nesting', () => {
    const depth = 5000;
    const messages = refusedQuickly(`${head}entities: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(messages.length).toBeGreaterThan(0);
  });
});
