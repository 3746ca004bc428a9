// blockYaml writes the same bytes as the yaml library's Document (version 1.1, no aliases, no folding), with
// the same strings forced to double quotes: on every example's OpenAPI document, on hand-picked hard texts,
// and on random plain data. If a yaml upgrade changes its writer, these fail before any plan changes.
import fc from 'fast-check';
import { Document, isScalar, parse, visit } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildOpenApi, renderOpenApi } from '../../src/render/openapi.js';
import { blockYaml, LazyMap, UnsupportedYaml } from '../../src/render/yaml-text.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

const NUMBERISH = /^[0-9]+$|^0o[0-7]+$|e[0-9]$/;

/** The writer blockYaml replaces, as renderOpenApi had it. */
function viaDocument(data: unknown, forceDoubleQuote: (text: string) => boolean): string {
  const doc = new Document(data, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && forceDoubleQuote(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

const HARD_TEXTS = [
  '', ' ', 'no', 'No', 'yes', 'on', 'OFF', 'y', 'n', '~', 'null', 'true', '1_000', '0x1F', '017', '0o17', '1e3', '12:30', '.inf', '.NaN',
  '2026-01-01', '#x', 'a #b', 'a#b', '*a', '&b', '!tag', '%d', '@x', '`x`', '- x', '-', '?', '? x', 'a: b', 'a:', 'a:b', ':a',
  '[x]', '{x}', 'a, b', '|', '>', "it's", 'say "hi"', `both ' and "`, 'trailing ', ' leading', 'tab\there',
  'two\nlines', 'two\nlines\n', 'ends\n\n', '\nstarts', '  indented\nblock', 'line \nspace', 'line\n space', '---\nmarker', '...',
  '--- x', 'x\n---\ny', '%YAML', 'control\u0007bell', 'nbsp\u00a0here', 'emoji 😀', 'a'.repeat(1100), 'long '.repeat(40),
  'a long double quoted text of more than forty characters\nwith a newline and a " quote and a \' quote',
  '/payments/{id}', 'application/problem+json', '200', '4XX', '__proto__x',
  // Quoted, with nothing for JSON to escape (written as their JSON form): long, short, accented, at the edges.
  'a long text: with a colon and more than forty characters in it', 'é → ü: accents', '#' + ' x'.repeat(30), ' lead: ', '- a: b',
];

describe('blockYaml writes what the yaml Document writes', () => {
  const models = [REFERENCE, ...EXAMPLES, FIXTURES.allTypes, FIXTURES.cycle, FIXTURES.names];
  test.each(models.map((p) => [p.split('/').slice(-2).join('/'), p] as const))('%s: the OpenAPI document', (_name, path) => {
    const data = buildOpenApi(modelOf(path));
    const force = (t: string): boolean => NUMBERISH.test(t);
    expect(blockYaml(data, force)).toBe(viaDocument(data, force));
  });

  test('hard texts as keys, values, list items, at several depths', () => {
    const data = {
      top: Object.fromEntries(HARD_TEXTS.filter((t) => t.length <= 1024).map((t, i) => [t, i % 3 === 0 ? t : i % 3 === 1 ? [t, { [t]: t }] : { deeper: { text: t, list: [[t], []] } }])),
      values: HARD_TEXTS,
      numbers: [0, -1, 1.5, -0.25, 1e21, 123456789012, 3.0],
      flags: [true, false, null],
      empty: { map: {}, list: [], mixed: [{}, [], null, 'x'] },
      someNull: { a: null, b: 1 },
      ...Object.fromEntries(HARD_TEXTS.filter((t) => t.length <= 1024).map((t) => [`${t}`, t])), // first-level keys
    };
    // Every string forced too (options.yaml forces every value): most take the JSON shortcut.
    for (const force of [(t: string): boolean => NUMBERISH.test(t), (): boolean => false, (): boolean => true]) {
      const text = blockYaml(data, force);
      expect(text).toBe(viaDocument(data, force));
      expect(parse(text, { version: '1.1' })).toEqual(data);
    }
  });

  test('random plain data', () => {
    // Texts near the plain-as-is fast path too: letters, blanks and the punctuation it allows or refuses.
    const near = fc.string({ unit: fc.constantFrom(...'aeEZy05 _.,/()\'+=-:#\t\n~!&*"?%`|>{}[]\\\u00a0é\u2028\u0085'.split('')), maxLength: 12 });
    const texts = fc.oneof(fc.constantFrom(...HARD_TEXTS), fc.string(), fc.string({ unit: 'grapheme' }), near, fc.constantFrom('y', 'No', 'off', 'NULL', 'a ', 'a -', 'a.', 'x/y', "it's"));
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, texts, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(texts, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(fc.property(fc.oneof(data.map, data.list), (value) => {
      const force = (t: string): boolean => NUMBERISH.test(t);
      let text: string;
      try {
        text = blockYaml(value, force);
      } catch (e) {
        if (e instanceof UnsupportedYaml) return; // renderOpenApi falls back to the Document for these
        throw e;
      }
      expect(text).toBe(viaDocument(value, force));
    }), { numRuns: 1500, seed: 9 });
  });

  test('texts near the edges of what it writes without the library, as keys and values at three depths', () => {
    const unit = fc.constantFrom(...'aeEZy05 _.,/()\'+=-:#\t\n~!&*"?%@`|>{}[]\\\u00a0é→\u2028\u0085\ud83d\ude00\ud800'.split(''));
    const texts = fc.oneof(fc.string({ unit, maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ maxLength: 10 }));
    fc.assert(fc.property(texts, (t) => {
      const data = { [t]: t, at: { [t]: [t, { [t]: t }] } };
      for (const force of [(): boolean => false, (s: string): boolean => NUMBERISH.test(s)]) {
        expect(blockYaml(data, force)).toBe(viaDocument(data, force));
      }
    }), { numRuns: 3000, seed: 11 });
  });

  test('shapes it leaves to the Document are refused, not written differently', () => {
    expect(() => blockYaml({ a: null, b: null }, () => false)).toThrow(UnsupportedYaml);
    expect(() => blockYaml({ ['k'.repeat(1100)]: 1 }, () => false)).toThrow(UnsupportedYaml);
    expect(() => blockYaml({ when: new Date(0) }, () => false)).toThrow(UnsupportedYaml);
    expect(() => blockYaml('text', () => false)).toThrow(UnsupportedYaml);
  });

  test('a LazyMap is written as the map of its entries, made one at a time', () => {
    const entries: [string, unknown][] = [['/a', { get: { summary: 'no' } }], ['b: c', ['x', {}]], ['d', 'text'], ['e', {}]];
    const made: string[] = [];
    const lazy = new LazyMap(entries.length, function* () {
      for (const [k, v] of entries) {
        made.push(k);
        yield [k, v as never];
      }
    });
    const force = (t: string): boolean => NUMBERISH.test(t);
    const plain = { before: 1, paths: Object.fromEntries(entries), after: [true] };
    expect(blockYaml({ before: 1, paths: lazy, after: [true] }, force)).toBe(blockYaml(plain, force));
    expect(made).toEqual(entries.map(([k]) => k));
    expect(blockYaml({ paths: new LazyMap(0, () => []) }, force)).toBe(blockYaml({ paths: {} }, force));
    expect(() => blockYaml({ paths: new LazyMap(1, () => [['k', null]]) }, force)).toThrow(UnsupportedYaml);
  });

  test('a frozen part met again, at any depth, is written as the first time (its text is reused)', () => {
    const deepFreeze = <T>(v: T): T => {
      if (v !== null && typeof v === 'object') {
        Object.values(v).forEach(deepFreeze);
        Object.freeze(v);
      }
      return v;
    };
    const part = deepFreeze({ description: 'no', content: { 'a: b': ['x', { y: 'two\nlines' }, []], empty: {} } });
    const list = deepFreeze(['- a', { k: 1 }]);
    const none = deepFreeze({});
    const data = {
      a: part, b: [part, part, { c: part, d: list }], e: { f: { g: part, h: list } }, i: [list, [list, none]], j: none, k: [none, none],
      l: [[part]], m: part,
    };
    const force = (t: string): boolean => NUMBERISH.test(t);
    const text = blockYaml(data, force);
    expect(text).toBe(viaDocument(data, force));
    expect(text).toBe(blockYaml(JSON.parse(JSON.stringify(data)), force));
  });

  test('renderOpenApi still reads back in YAML 1.1 and 1.2', () => {
    const model = modelOf(REFERENCE);
    const text = renderOpenApi(model);
    const data = JSON.parse(JSON.stringify(buildOpenApi(model)));
    expect(parse(text)).toEqual(data);
    expect(parse(text, { version: '1.1' })).toEqual(data);
  });
});
