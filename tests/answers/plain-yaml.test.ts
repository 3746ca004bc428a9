// The fast path (js-yaml, no positions) must read every text it accepts exactly as the strict loader does, and
// accept that text without an issue there; anything else it leaves to the strict loader.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStrict, loadYaml } from '../../src/answers/load.js';
import { loadPlainYaml } from '../../src/answers/plain-yaml.js';
import { readSimpleYaml } from '../../src/answers/simple-yaml.js';
import { editsOf, payments } from './helpers.js';
import { answersFiles } from '../helpers/inputs.js';



/** The fast path agrees with the strict loader on `text`; returns whether it took it. */
function agrees(text: string): boolean {
  const plain = loadPlainYaml(text);
  if (plain === undefined) return false;
  const strict = loadStrict(text);
  expect(strict.issues, text).toEqual([]);
  // toEqual compares numbers with Object.is (0 and -0 differ) and checks every key.
  expect(plain, text).toEqual(strict.value);
  expect(Object.keys(plain)).toEqual(Object.keys(strict.value as object));
  return true;
}

describe('the plain YAML fast path', () => {
  const files = answersFiles();

  it('takes every bundled example and fixture it can, reading each as the strict loader does', () => {
    expect(files.length).toBeGreaterThan(5);
    const taken = files.filter((f) => agrees(readFileSync(f, 'utf8')));
    // Windows line endings too, with block scalars, folding and a quoted text over two lines.
    for (const f of files) agrees(`${readFileSync(f, 'utf8')}\nx_block: |\n  one\n  two\nx_folded: >\n  a\n  b\n\n  c\nx_quoted: "a\n  b"\n`.replace(/\n/g, '\r\n'));
    // The examples are plain YAML: they must go the fast way, or the fast path is worth nothing.
    for (const f of files.filter((f) => f.includes('/examples/'))) expect(taken, f).toContain(f);
  });

  // Scalars whose reading differs between YAML 1.1, YAML 1.2's core schema and JSON.
  const scalars = [
    '0o17', '017', '0x1F', '0b101', '1_000', '1e3', '1E3', '1.5e-3', '.5', '+.5', '-.5', '5.', '+1', '-0', '0', '00', '-0.0',
    '1.0', '.inf', '-.Inf', '.NaN', 'true', 'True', 'TRUE', 'tRue', 'yes', 'No', 'on', 'off', 'y', 'n', 'null', 'Null',
    'NULL', '~', '', 'nulls', 'nullable', 'Truest', 'falsey', 'FALSE1', 'Fals', 'tru', 'nul', '2026-12-06', '2026-12-06T10:00:00Z', '12:30', '1:30:00', '9007199254740993', '1e400', '0x',
    '"0o17"', "'true'", '"\\u00e9"', '"a\\tb"', "'it''s'", '"\\x41"', '"\\N"', '@x', '`x`', 'a: b', '"a: b"', 'a #c',
    '|\n  one\n  two\n', '>\n  one\n  two\n\n  three\n', '|-\n  x\n', '>+\n  x\n\n', '|2\n    x\n',
    '[1, "2", three]', '{a: 1, b: [x]}', '[]', '{}', '[a, [b, {c: d}]]', '"multi\n  line"', 'plain\n  continued',
  ];
  it('reads tricky scalars, block scalars and flow collections as the strict loader does', () => {
    let taken = 0;
    for (const s of scalars) {
      for (const text of [`value: ${s}\n`, `list:\n  - ${s}\n`, `${s.includes('\n') ? 'k' : s}: 1\n`]) {
        if (agrees(text)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(scalars.length);
  });

  it('leaves to the strict loader what it does not read the same way or would refuse', () => {
    const declined = [
      'a: &x 1\nb: *x\n', // an alias
      'a: !!set {x}\n', // a tag
      'a: !custom x\n',
      '%YAML 1.1\n---\na: 1\n', // a directive
      '<<: {a: 1}\n', // a merge key
      'a: 1\na: 2\n', // a duplicate key
      '1: x\n"1": y\n', // the same key once the keys are text
      '~: x\n', // a null key
      '__proto__: 1\n',
      'a: .nan\n',
      'a: 99999999999999999999\n',
      'a: -0\n',
      '- a\n- b\n', // not a mapping
      'a: 1\n---\nb: 2\n', // two documents
      '',
      '# only a comment\n',
      'a:\n\t- b\n', // a tab as indentation
      `${'x:\n'.repeat(1)}${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`, // too deep
    ];
    for (const text of declined) expect(loadPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('agrees with the strict loader on 500 random edits of the reference example', () => {
    const tokens = ['', ':', '- ', '[', ']', '{', '}', '"', "'", '#', '~', ' ', '  ', '|', '>', '?', '.5', '0o7', '1_0', 'yes', ': x', '\\', '\r', '\t'];
    let taken = 0;
    fc.assert(
      fc.property(editsOf(payments, tokens), (edited) => {
        if (agrees(edited)) taken++;
      }),
      { seed: 20261206, numRuns: 500 },
    );
    // Most edits still leave plain YAML: the comparison above must have had work to do.
    expect(taken).toBeGreaterThan(100);
  });

  it('still locates problems in a file js-yaml took, through the strict loader', () => {
    // A flow mapping over two lines: the everyday-shape reader declines it (it would place problems itself).
    const text = 'project:\n  name: x\nstack: {language: rust,\n  framework: none}\n';
    expect(readSimpleYaml(text)).toBeUndefined();
    expect(loadPlainYaml(text)).toEqual({ project: { name: 'x' }, stack: { language: 'rust', framework: 'none' } });
    const loaded = loadYaml(text);
    expect(loaded.issues).toEqual([]);
    expect(loaded.position(loaded.offsetOf(['stack', 'language']))).toEqual({ line: 3, col: 19 });
    expect(loaded.position(loaded.offsetOf(['stack', 'framework'], true))).toEqual({ line: 4, col: 3 });
  });
});
