// The everyday-shape reader must read every text it accepts exactly as the strict loader does, and accept that
// text without an issue there; anything it is unsure of it declines (and js-yaml or the strict loader reads it).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadStrict, loadYaml } from '../../src/answers/load.js';
import { AS_TEXT, coreScalar, readSimpleYaml, readSimpleYamlPlaced } from '../../src/answers/simple-yaml.js';
import { editsOf, payments } from './helpers.js';
import { answersFiles } from '../helpers/inputs.js';

/**
 * Every path of `value`, and paths the strict loader answers with the nearest parent: a missing key, an index past
 * the end, a step below a scalar.
 */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at, [...at, 'not-a-key'], [...at, 0]];
  if (Array.isArray(value)) {
    out.push([...at, value.length]);
    value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  }
  return out;
}

/** The reader agrees with the strict loader on `text`, data and places; returns whether it took it. */
function agrees(text: string): boolean {
  const placed = readSimpleYamlPlaced(text);
  const simple = readSimpleYaml(text);
  if (simple === undefined) {
    expect(placed, text).toBeUndefined();
    return false;
  }
  const strict = loadStrict(text);
  expect(strict.issues, text).toEqual([]);
  // toEqual compares numbers with Object.is (0 and -0 differ) and checks every key; the key order must match too.
  expect(simple, text).toEqual(strict.value);
  expect(JSON.stringify(simple), text).toBe(JSON.stringify(strict.value));
  // Where each node (and each key) starts, as the strict loader places it to report a problem there.
  const places = (offsetOf: (path: (string | number)[], key: boolean) => number): string[] =>
    pathsOf(simple).flatMap((path) => [false, true].map((key) => `${JSON.stringify(path)}${key ? ' key' : ''} ${offsetOf(path, key)}`));
  expect(places(placed!.offsetOf), text).toEqual(places(strict.offsetOf));
  // And lines and columns of every offset, as loadYaml gives them for a file this reader took.
  const loaded = loadYaml(text);
  const lines = (position: (offset: number) => { line: number; col: number }): string =>
    Array.from({ length: text.length + 1 }, (_, o) => { const p = position(o); return `${p.line}:${p.col}`; }).join(' ');
  expect(lines(loaded.position), text).toBe(lines(strict.position));
  return true;
}

describe('the everyday-shape YAML reader', () => {
  const files = answersFiles();

  it('takes every bundled example, and the fixtures it can, reading each as the strict loader does', () => {
    const taken = files.filter((f) => agrees(readFileSync(f, 'utf8')));
    for (const f of files.filter((f) => f.includes('/examples/'))) {
      expect(taken, f).toContain(f);
      // Windows line endings too.
      expect(agrees(readFileSync(f, 'utf8').replace(/\n/g, '\r\n')), f).toBe(true);
    }
    expect(taken.length).toBeGreaterThan(files.length / 2);
  });

  // Scalars whose reading differs between YAML 1.1, YAML 1.2's core schema and JSON, and shapes at its edges.
  const scalars = [
    '0o17', '017', '0x1F', '0b101', '1_000', '1e3', '1E3', '1.5e-3', '.5', '+.5', '-.5', '5.', '+1', '-0', '0', '00', '-0.0',
    '1.0', '.inf', '-.Inf', '.NaN', 'true', 'True', 'TRUE', 'tRue', 'yes', 'No', 'on', 'off', 'y', 'n', 'null', 'Null',
    'NULL', '~', '', 'nulls', 'nullable', 'Truest', 'falsey', 'FALSE1', 'Fals', 'tru', 'nul', '2026-12-06', '2026-12-06T10:00:00Z',
    '12:30', '1:30:00', '9007199254740993', '1e400', '0x', '-x', '- x', '-', '?x', ':x', 'x:', 'a:b', 'http://h/p?q=1#f', 'C#',
    'a #c', 'a#c', 'a, b', 'x[1]', "it's", 'say "hi"', 'back\\slash', 'é ü 日本', 'emoji 😀 ok', '"😀"', '[😀, x]',
    '\u00a0', 'x\u00a0', '\u3000y\u3000', '[\u00a0, x\u2003]', '{a: \u00a0}', '\u00a0# c',
    '"0o17"', "'true'", '"\\u00e9"', '"a\\tb"', "'it''s'", '"\\x41"', '"\\N"', '"\\/"', '"a\\"b"', '""', "''", '"\\u0007"',
    '"x" # c', '"x"#c', "'x' y", '@x', '`x`', '&a x', '*a', '!t x', '%x', 'a: b', '"a: b"',
    '|\n  one\n  two\n', '>\n  one\n  two\n\n  three\n', '|-\n  x\n', '>-\n  a\n  b\n', '>+\n  x\n\n', '|2\n    x\n',
    '|\n  a\n\n  b\n\n\n', '|\n    deep\n  shallow\n', '>\n  a\n    b\n  c\n', '|\n\n  x\n', '|\n  # not a comment\n', '| # c\n  x\n',
    '[1, "2", three]', '{a: 1, b: [x]}', '[]', '{}', '[a, [b, {c: d}]]', '[a, ]', '[a,b]', '{a:1}', '{ a: 1, a: 2 }',
    '[a: b]', '[a #b]', '["x", \'y\']', '{ "k": v }', '[a] # c', '[a]x', '[a', '"multi\n  line"', 'plain\n  continued',
    'three\n  plain\n  lines', 'with\n\n  a blank', 'two\n\n\n  blanks', '12\n  34', 'true\n  false', 'x\n  #not a comment?',
    // Quoted texts over several lines.
    '"a\n  b"', "'a\n  b'", '"a  \n   b  \n  c"', '"a\n\n  b"', '"a\n\n\n  b\n  c"', '"\n  a"', '"a\n  "', '"a\n\n  "',
    '"a\\\n  b"', '"a\\\\\n  b"', '"a\\tb\n  \\u00e9"', "'it''s\n  ok'", '"# no\n  - comment: here"', '"x\n  y" # c',
    '"x\n  y" z', "'a\n\n  b  '", '"😀\n  😀"', '"a\\"\n  b"',
  ];
  it('reads tricky scalars, block scalars and flow collections as the strict loader does', () => {
    let taken = 0;
    for (const s of scalars) {
      const key = s.includes('\n') ? 'k' : s;
      const indented = s.replace(/\n(?=.)/g, '\n  ');
      for (const text of [`value: ${s}\n`, `list:\n  - ${indented}\n`, `list:\n- ${s}\n`, `${key}: 1\n`, `a:\n  b: ${indented}\nc: 1\n`]) {
        if (agrees(text)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(scalars.length * 2);
  });

  it('declines what it does not read the way the strict loader does, or what the strict loader refuses', () => {
    const declined = [
      'a: &x 1\nb: *x\n', // an alias
      'a: !!set {x}\n', // a tag
      '%YAML 1.2\n---\na: 1\n', // a directive
      '---\na: 1\n', // a document marker
      '<<: {a: 1}\n', // a merge key
      'a: 1\na: 2\n', // a duplicate key
      '"a": 1\n', // a quoted key
      '? a\n: 1\n', // an explicit key
      'a : 1\n', // a blank before the colon
      'null: x\n',
      'true: x\n',
      '__proto__: 1\n',
      '- a\n- b\n', // not a mapping
      '  a: 1\n', // an indented document
      'a: 1\n---\nb: 2\n', // two documents
      '',
      '# only a comment\n',
      'a:\n\t- b\n', // a tab
      'a: 1\rb: 2\n', // a lone carriage return
      'a: x\n  - y\n', // a plain text whose next line could be an item
      'a: x\n  y: z\n', // ... or a key
      'a: x # c\n  y\n', // a text after a comment
      'a: "x\n  y\\\n  z"\n', // a line break escaped in a quoted text
      'a: [x,\n  y]\n', // a flow collection over two lines
      'a: |+\n  x\n\n', // kept final newlines
      'a: |1\n  x\n', // an explicit indent
      'a:\n  - - x\n', // a list item that is a list
      'a:\n  b: 1\n   c: 2\n', // a key out of line
      'a: 1\n b: 2\n',
      'a: \ud83d\n', // a lone surrogate
      'a: x\udc00y\n',
      'a: b\u2028c\n',
      'a: [a, b, ]\n',
    ];
    for (const text of declined) expect(readSimpleYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it.each([['the reference example', payments], ...files.filter((f) => f.includes('/examples/')).map((f) => [f.slice(f.indexOf('examples/')), readFileSync(f, 'utf8')])])('agrees with the strict loader on 400 random edits of %s', (_name, text) => {
    const tokens = ['', ':', '- ', '-', '[', ']', '{', '}', ',', '"', "'", '#', ' #', '~', ' ', '  ', '|', '>', '|-', '?', '.5', '0o7', '1_0', 'yes', ': x', '\\', '\\n', '!', '&', '*', '%', '---', '\r', '\r\n', '😀', '\u00a0', '\u3000'];
    let taken = 0;
    fc.assert(
      fc.property(editsOf(text, tokens), (edited) => {
        if (agrees(edited)) taken++;
      }),
      { seed: 20261206, numRuns: 400 },
    );
    // Many edits still leave the everyday shape: the comparison above must have had work to do.
    expect(taken).toBeGreaterThan(100);
  });

  it('agrees with the strict loader on 1,000 random documents written by the yaml package', () => {
    const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const sentence = fc.array(fc.stringMatching(/^[A-Za-z0-9.,;()'/-]{1,8}$/), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      sentence,
      fc.constantFrom('\u00a0', ' \u3000 ', 'x\u2003', 'yes', 'null', '~', 'true', '0o7', '0x1f', '1e3', '.5', '-', 'a: b', '#x', 'x #y', "it's", '"q"', '', ' lead', 'trail ', 'two\nlines', 'three\n\nlines\n'),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    // Shaped like answers files (mappings of lists of mappings, scalars at the leaves), with an empty or nested
    // list now and then.
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { arbitrary: scalar, weight: 4 }, tie('list'), tie('map')),
      list: fc.array(fc.oneof({ arbitrary: scalar, weight: 10 }, { arbitrary: tie('map'), weight: 5 }, { arbitrary: tie('list'), weight: 1 }), { minLength: 1, maxLength: 4 }),
      map: fc.dictionary(word, tie('tree'), { minKeys: 1, maxKeys: 4 }),
    }));
    const options = fc.record({
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 0, 20),
      collectionStyle: fc.constantFrom('block', 'block', 'any', 'flow'),
      defaultKeyType: fc.constantFrom('PLAIN', null),
      defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    } as const);
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(word, tree, { minKeys: 1, maxKeys: 5 }), options, (data, opts) => {
        const text = stringify(data, { ...opts, version: '1.2' });
        if (agrees(text)) taken++;
      }),
      { seed: 20261206, numRuns: 1000 },
    );
    // Many such documents have a shape it declines somewhere (a list item that is a list, a text over two lines,
    // `{}` on a line of its own, a quoted key), but a fifth or so do not.
    expect(taken).toBeGreaterThan(200);
  });

  it('resolves plain scalars as the tests of the core schema do, in their order, shortcuts included', () => {
    // The `yaml` package's core schema, as its tests read (the strict loader's): the specification of coreScalar.
    const core: [RegExp, (s: string) => unknown][] = [
      [/^(?:~|[Nn]ull|NULL)?$/, () => null],
      [/^(?:[Tt]rue|TRUE)$/, () => true],
      [/^(?:[Ff]alse|FALSE)$/, () => false],
      [/^0o[0-7]+$/, (s) => parseInt(s.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.slice(2), 16)],
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (/nan$/i.test(s) ? NaN : s.startsWith('-') ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
    ];
    const expected = (s: string): unknown => {
      const found = core.find(([test]) => test.test(s));
      return found ? found[1](s) : AS_TEXT;
    };
    const piece = fc.constantFrom(...'0123456789+-.eEoxXabfnul~:_ '.split(''), 'null', 'true', 'False', '.inf', '.NaN', '0x', '0o', 'nan');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (s) => {
        expect(Object.is(coreScalar(s), expected(s)), s).toBe(true);
      }),
      { seed: 20261206, numRuns: 20000 },
    );
  });

  it('reads prose wrapped over several lines (plain texts folded by the yaml package) as the strict loader does', () => {
    const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const sentence = fc.array(fc.stringMatching(/^[A-Za-z0-9.,;()'/-]{1,8}$/), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    let wrapped = 0;
    fc.assert(
      fc.property(fc.dictionary(word, fc.oneof(sentence, fc.array(sentence, { maxLength: 3 })), { minKeys: 1, maxKeys: 6 }), (data) => {
        const text = stringify(data, { lineWidth: 20, minContentWidth: 0 });
        if (agrees(text) && /:\n? .*\n {2,}[A-Za-z0-9.,;()'/]/.test(text)) wrapped++;
      }),
      { seed: 20261206, numRuns: 500 },
    );
    expect(wrapped).toBeGreaterThan(50);
  });

  it('reads quoted texts over several lines (folded by the yaml package) as the strict loader does', () => {
    const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    // No tab: the reader declines a file with one. Blanks at a fold are escaped (`\ `), line breaks too (`\n`).
    const piece = fc.oneof(fc.stringMatching(/^[A-Za-z0-9.,;:#()'"/\\-]{1,8}$/), fc.constantFrom('é', '😀', '\n', '\u00a0', '  ', '   '));
    const sentence = fc.array(piece, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
    let folded = 0;
    fc.assert(
      fc.property(
        fc.dictionary(word, fc.oneof(sentence, fc.array(sentence, { maxLength: 3 })), { minKeys: 1, maxKeys: 6 }),
        fc.constantFrom('QUOTE_DOUBLE', 'QUOTE_SINGLE'),
        (data, defaultStringType) => {
          const text = stringify(data, { lineWidth: 20, minContentWidth: 0, defaultStringType, defaultKeyType: 'PLAIN' });
          if (agrees(text) && /^ +[^ -].*["']$/m.test(text)) folded++;
        },
      ),
      { seed: 20261206, numRuns: 500 },
    );
    // Most of them end on a later line than they begin, and are read here rather than declined.
    expect(folded).toBeGreaterThan(150);
  });
});
