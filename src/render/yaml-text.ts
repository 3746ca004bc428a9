// Block YAML for plain data (maps, lists, strings, numbers, booleans, null), written straight to text: the
// same bytes as `new Document(data, { version: '1.1', aliasDuplicateObjects: false }).toString({ lineWidth: 0 })`
// at a fraction of the time and memory, since no node tree of the whole document is built (the OpenAPI
// document of a 1,000-entity model is 23 MB). Only the layout (indents, `key:`, `- `, `{}`, `[]`) is written
// here; an everyday text is written as the library would by yaml-scalar.ts, and every other scalar by the
// library's own stringifyString and stringifyNumber with the context its Document would give, so quoting (YAML
// 1.1 keywords, numbers, indicators, block scalars) is the library's. tests/render/yaml-text.test.ts compares
// both on tricky data.

import type { Document, Scalar } from 'yaml';
import type { StringifyContext } from 'yaml/util';
import { yamlLibrary, yamlUtil } from '../yaml-library.js';
import { everydayScalar, isPlainAsIs } from './yaml-scalar.js';

export type YamlData = null | boolean | number | string | YamlData[] | { [key: string]: YamlData } | LazyMap;

/**
 * A map whose entries are made only as they are written, in order (and dropped after): a large document's
 * biggest part need not be held whole. `size` is their number; no value may be null.
 */
export class LazyMap {
  constructor(
    readonly size: number,
    readonly entries: () => Iterable<[string, YamlData]>,
  ) {}
}

/** A shape the layout here does not cover (a map whose values are all null, a key over 1,024 characters,
 *  undefined in a list, a value that is not plain data): the caller falls back to the yaml Document. */
export class UnsupportedYaml extends Error {}

/** The options the yaml library's stringify context starts from (createStringifyContext in yaml 2). */
const CONTEXT_OPTIONS = {
  blockQuote: true,
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  directives: null,
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  falseStr: 'false',
  flowCollectionPadding: true,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 20,
  nullStr: 'null',
  simpleKeys: false,
  singleQuote: null,
  trailingComma: false,
  trueStr: 'true',
  verifyAliasOrder: true,
};

const INDENT_STEP = '  ';

/**
 * Pieces joined into one chunk of the text: tens of kilobytes (with the texts of frozen parts among them), under
 * the 128 KB past which V8 allocates a string apart, in pages of its own, at many times the cost.
 */
const PIECES_PER_CHUNK = 1024;

/**
 * Texts whose JSON form has no escape (no `"`, backslash, control character or surrogate). Double-quoted, the
 * library writes exactly their JSON form when no line width folds them (ours is 0): its character-by-character
 * rewriting of JSON escapes finds nothing to rewrite. For them, its `doubleQuotedAsJSON` option, which returns the
 * JSON form at once, gives the same bytes faster (most quoted texts of an OpenAPI document are such descriptions).
 */
const JSON_AS_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `data` as a YAML 1.1 block document ending in a newline. `forceDoubleQuote(text, isKey)` marks strings (keys and
 * values) to write double-quoted, as setting a scalar node's type to QUOTE_DOUBLE does. With `sink`, the text goes
 * to it in pieces as it is written (and '' is returned); an UnsupportedYaml can then come after some pieces.
 */
export function blockYaml(data: unknown, forceDoubleQuote: (text: string, isKey: boolean) => boolean, sink?: (text: string) => void): string {
  // Single-line texts come out the same at any indent but the first level (document markers), so each is
  // written once per kind (key or value, first level or deeper): names and descriptions recur thousands of
  // times in a large document.
  const caches = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];

  // The layout strings of each depth, made once (not per collection: a large document has millions).
  const indents: string[] = [''];
  const newlines: string[] = ['\n'];
  const dashes: string[] = ['\n- '];
  const colons: string[] = [':\n'];
  const at = (depth: number): void => {
    for (let d = indents.length; d <= depth; d++) {
      indents.push(indents[d - 1]! + INDENT_STEP);
      newlines.push(`\n${indents[d]!}`);
      dashes.push(`\n${indents[d]!}- `);
      colons.push(`:\n${indents[d]!}`);
    }
  };

  // The library's stringify context at each depth, key or value, with and without the JSON shortcut (not one per
  // text; the library sets forceBlockIndent on a context at indent '', so that one is made afresh for each text):
  // made when a text first needs the library, which an everyday document never does.
  let library: { doc: Document; options: object[] } | undefined;
  const contexts: StringifyContext[][] = [];
  const contextsAt = (depth: number): StringifyContext[] => {
    if (library === undefined) {
      const doc = new (yamlLibrary().Document)(null, { version: '1.1' });
      const options = { ...CONTEXT_OPTIONS, ...(doc.schema as unknown as { toStringOptions: object | null }).toStringOptions, lineWidth: 0 };
      library = { doc, options: [options, { ...options, doubleQuotedAsJSON: true }] };
    }
    const { doc, options } = library;
    for (let d = contexts.length; d <= depth; d++) {
      const base = { anchors: new Set<string>(), doc, flowCollectionPadding: ' ', indentStep: INDENT_STEP, inFlow: null, actualString: true, indent: indents[d]! };
      contexts.push([false, true].flatMap((implicitKey) => options.map((o) => ({ ...base, options: o, implicitKey }) as unknown as StringifyContext)));
    }
    return contexts[depth]!;
  };

  // A string at `depth` (its indent for block scalars).
  const text = (value: string, depth: number, implicitKey: boolean): string => {
    // Most keys and names: tested before the cache, whose lookup costs a hash of each new text.
    if (isPlainAsIs(value) && !forceDoubleQuote(value, implicitKey)) return value;
    const cache = depth === 0 || value.includes('\n') ? undefined : caches[(implicitKey ? 2 : 0) + (depth === 1 ? 1 : 0)]!;
    const hit = cache?.get(value);
    if (hit !== undefined) return hit;
    const quote = forceDoubleQuote(value, implicitKey);
    let out = quote ? undefined : everydayScalar(value, indents[depth]!, implicitKey);
    if (out === undefined) {
      const asJson = JSON_AS_IS.test(value);
      if (quote && asJson) {
        // What the library returns for it (doubleQuotedString with doubleQuotedAsJSON), without a node and context.
        out = JSON.stringify(value);
      } else {
        const node = { value, type: quote ? 'QUOTE_DOUBLE' : undefined };
        const kind = (implicitKey ? 2 : 0) + (asJson ? 1 : 0);
        const ctx = depth === 0 ? { ...contextsAt(1)[kind]!, indent: '' } : contextsAt(depth)[kind]!;
        out = yamlUtil().stringifyString(node as Scalar, ctx);
      }
    }
    cache?.set(value, out);
    return out;
  };

  const scalar = (value: YamlData | undefined, depth: number): string => {
    if (value === null) return 'null';
    if (typeof value === 'string') return text(value, depth, false);
    // What the library's stringifyNumber writes for a finite number.
    if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : JSON.stringify(value)) : yamlUtil().stringifyNumber({ value } as Scalar);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    throw new UnsupportedYaml(`not plain data: ${typeof value}`);
  };

  // Pieces are joined a thousand at a time into flat chunks (handed to the sink, if any), so the small strings
  // die young instead of living (and being copied by the garbage collector) until the whole document is done.
  const chunks: string[] = [];
  const take = sink ?? ((chunk: string): void => void chunks.push(chunk));
  let parts: string[] = [];
  // While a frozen collection's text is gathered (see `collection`), its pieces stay together.
  let gathering = 0;
  const flush = (): void => {
    if (parts.length >= PIECES_PER_CHUNK && gathering === 0) {
      take(parts.join(''));
      parts = [];
    }
  };

  // The frozen collections met once so far, and the text of those met again (after their `open`), by depth.
  const frozenSeen: Set<object>[] = [];
  const frozenTexts: Map<object, string>[] = [];

  // A collection at `depth`, after `open` (`open` and `{}` or `[]` when it is empty): its items on lines of their
  // own, joined at that depth's indent. A frozen one (frozen all through: the caller's promise) cannot change, so
  // its text at a depth is made at most twice: a document that repeats a part (OpenAPI's error responses) shares
  // one object. Only the text of a part met again is kept: most are met once.
  const collection = (value: YamlData[] | { [key: string]: YamlData } | LazyMap, depth: number, open: string, openEmpty: string): void => {
    if (!Object.isFrozen(value)) {
      items(value, depth, open, openEmpty);
      return;
    }
    const texts = (frozenTexts[depth] ??= new Map());
    const known = texts.get(value);
    if (known !== undefined) {
      parts.push(open, known);
      return;
    }
    const seen = (frozenSeen[depth] ??= new Set());
    if (!seen.has(value)) {
      seen.add(value);
      items(value, depth, open, openEmpty);
      return;
    }
    const outer = parts;
    parts = [];
    gathering++;
    const full = items(value, depth, '', '');
    gathering--;
    const written = parts.join('');
    parts = outer;
    if (full) texts.set(value, written);
    parts.push(full ? open : openEmpty, written);
  };

  // What `collection` writes, but for the frozen ones; false when the collection is empty.
  const items = (value: YamlData[] | { [key: string]: YamlData } | LazyMap, depth: number, open: string, openEmpty: string): boolean => {
    at(depth + 1);
    if (Array.isArray(value)) {
      if (value.length === 0) {
        parts.push(openEmpty, '[]');
        return false;
      }
      parts.push(open);
      const dash = dashes[depth]!;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item === undefined) throw new UnsupportedYaml('undefined in a list');
        const lead = i === 0 ? '- ' : dash;
        if (item !== null && typeof item === 'object') collection(item, depth + 1, lead, lead);
        else parts.push(lead, scalar(item, depth + 1));
        flush();
      }
      return true;
    }
    if (value instanceof LazyMap) {
      if (value.size === 0) {
        parts.push(openEmpty, '{}');
        return false;
      }
      parts.push(open);
      let i = 0;
      for (const [k, v] of value.entries()) {
        if (v === null) throw new UnsupportedYaml('null in a lazy map');
        entry(k, v, i++, depth);
      }
      return true;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new UnsupportedYaml('not a plain object');
    // Counted in one pass, without the arrays and callbacks of filter and every: a large document has a quarter of
    // a million maps.
    const keys = Object.keys(value);
    let defined = 0;
    let nulls = 0;
    for (let i = 0; i < keys.length; i++) {
      const v = value[keys[i]!];
      if (v !== undefined) defined++;
      if (v === null) nulls++;
    }
    if (defined === 0) {
      parts.push(openEmpty, '{}');
      return false;
    }
    if (nulls === defined) throw new UnsupportedYaml('a map of null values');
    parts.push(open);
    for (let i = 0, written = 0; i < keys.length; i++) {
      const v = value[keys[i]!];
      if (v !== undefined) entry(keys[i]!, v, written++, depth);
    }
    return true;
  };

  // The i-th entry of a map at `depth`; its value one level deeper.
  const entry = (k: string, v: YamlData, i: number, depth: number): void => {
    const keyText = text(k, depth + 1, true);
    if (keyText.length > 1024) throw new UnsupportedYaml('a key over 1,024 characters');
    if (i > 0) parts.push(newlines[depth]!);
    parts.push(keyText);
    if (v !== null && typeof v === 'object') {
      collection(v, depth + 1, colons[depth + 1]!, ': ');
    } else {
      const s = scalar(v, depth + 1);
      parts.push(s === '' || s[0] === '\n' ? ':' : ': ', s);
    }
    flush();
  };

  if (data === null || typeof data !== 'object') throw new UnsupportedYaml('a document that is not a map or a list');
  collection(data as YamlData[] | { [key: string]: YamlData } | LazyMap, 0, '', '');
  parts.push('\n');
  take(parts.join(''));
  return chunks.join('');
}
