// YAML text -> plain data, with every node's position kept. Strict on purpose: the answers file is data, so
// anything YAML can do beyond plain mappings, lists and scalars is refused at its position.

import { Buffer, isUtf8 } from 'node:buffer';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node as YamlNode, Pair, ParsedNode, YAMLError, YAMLMap } from 'yaml';
import { yamlLibrary } from '../yaml-library.js';
import type { Segment } from './paths.js';
import { formatPath } from './paths.js';
import { quote } from './similar.js';
import { MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';
import { loadPlainYamlPlaced } from './plain-yaml.js';
import { layoutSlips } from './yaml-slips.js';

export { MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';

// The yaml package's node tests, from the package loaded when first called (yaml-library.ts): most runs never
// load a file here.
const isAlias = ((node: unknown) => yamlLibrary().isAlias(node)) as typeof Yaml.isAlias;
const isMap = ((node: unknown) => yamlLibrary().isMap(node)) as typeof Yaml.isMap;
const isScalar = ((node: unknown) => yamlLibrary().isScalar(node)) as typeof Yaml.isScalar;
const isSeq = ((node: unknown) => yamlLibrary().isSeq(node)) as typeof Yaml.isSeq;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A problem found while loading: located by offset in the text. */
export interface LoadIssue {
  offset: number;
  path: string;
  message: string;
}

export interface Loaded {
  /** Plain data (objects, arrays, strings, numbers, booleans, null); undefined when the file cannot be read. */
  value: unknown;
  issues: LoadIssue[];
  /** Line and column (1-based) of an offset. */
  position(offset: number): { line: number; col: number };
  /** Offset of the node at a path, or of the nearest existing parent; `key` asks for a mapping key itself. */
  offsetOf(segments: readonly Segment[], key?: boolean): number;
}

class AliasBudgetExceeded extends Error {}

/** Loads the answers text. Never throws. */
export function loadYaml(input: string | Uint8Array): Loaded {
  const none = (message: string): Loaded => ({
    value: undefined,
    issues: [{ offset: 0, path: '', message }],
    position: () => ({ line: 1, col: 1 }),
    offsetOf: () => 0,
  });

  let text: string;
  if (typeof input === 'string') {
    // Cheap upper bound first (a UTF-16 unit is at most 3 UTF-8 bytes), exact count only near the limit.
    if (input.length * 3 > MAX_FILE_BYTES && new TextEncoder().encode(input).length > MAX_FILE_BYTES) {
      return none(tooLarge());
    }
    text = input;
  } else {
    if (input.length > MAX_FILE_BYTES) return none(tooLarge());
    if (!isUtf8(input)) return notUtf8(input);
    // Decoded as TextDecoder('utf-8') decodes, its leading BOM dropped, at less cost (about 0.3 M instructions
    // a run): a BOM the text then starts with is dropped below, as a string's.
    const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
    text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8', bom);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const plain = loadPlainYamlPlaced(text);
  if (plain?.offsetOf) {
    // Placed by the everyday-shape reader, which finds where each node starts as the strict loader would (by
    // reading the file again, when a problem first asks).
    let lineStarts: number[] | undefined;
    return { value: plain.value, issues: [], position: (offset) => linePosition((lineStarts ??= lineStartsOf(text)), offset), offsetOf: plain.offsetOf };
  }
  if (plain) {
    // Positions only when asked (to locate a problem or a warning): the strict load, once.
    let strict: Loaded | undefined;
    const located = (): Loaded => (strict ??= loadStrict(text));
    return {
      value: plain.value,
      issues: [],
      position: (offset) => located().position(offset),
      offsetOf: (segments, key) => located().offsetOf(segments, key),
    };
  }
  return loadStrict(text);
}

/** Where each line starts: after each line break (a Windows one too: its \r ends the line before). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Line and column (1-based) of an offset, as the yaml package's LineCounter gives them. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offset < lineStarts[mid]!) high = mid;
    else low = mid + 1;
  }
  return low === 0 ? { line: 0, col: offset } : { line: low, col: offset - lineStarts[low - 1]! + 1 };
}

/**
 * The strict load of decoded text: every node's position kept, every refused construct an issue. Exported for
 * the tests that hold the fast path (plain-yaml.ts) to it.
 */
export function loadStrict(text: string): Loaded {
  const issues: LoadIssue[] = [];
  const lineCounter = new (yamlLibrary().LineCounter)();
  const docs = yamlLibrary().parseAllDocuments(text, {
    // Force YAML 1.2 and its core schema even under a `%YAML 1.1` directive: `no` stays a string, 0777 is decimal.
    version: '1.2',
    schema: 'core',
    merge: false,
    // Without this, !!set, !!omap, !!binary, !!timestamp become Set, Map, Buffer, Date.
    resolveKnownTags: false,
    // Duplicate keys are found while converting, with a Set: yaml's own check compares each key with every
    // earlier one, which took 20 s on a mapping of 50,000 keys.
    uniqueKeys: false,
    // Every key is read as text: `1:` and `"1":` are then the same key, so the duplicate is caught.
    stringKeys: true,
    prettyErrors: false,
    logLevel: 'silent',
    lineCounter,
  });
  const position = (offset: number): { line: number; col: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const base = { position };

  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) {
    const message = text.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    return { ...base, value: undefined, issues: [{ offset: 0, path: '', message }], offsetOf: () => 0 };
  }
  const offsetOf = (segments: readonly Segment[], key = false): number => nodeOffset(doc, segments, key);
  // A trailing `---` with nothing after it is harmless; a second document with content is not.
  const withContent = list.filter((d, i) => i === 0 || !isEmpty(d.contents));
  if (withContent.length > 1) {
    issues.push({
      offset: withContent[1]!.range[0],
      path: '',
      message: `the file holds ${withContent.length} YAML documents; an answers file is one document`,
    });
  }

  // Unresolved tags are only warnings to yaml; their positions point at the tag itself.
  const tagOffsets: number[] = [];
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') tagOffsets.push(w.pos[0]);
    else issues.push(yamlIssue(w));
  }
  const open = openers(text, doc.errors);
  // Each error in plain words where it is one of the everyday slips. yaml reports one slip again on the lines it
  // unsettles: its other words there are dropped, and so are its reports a layout slip (yaml-slips.ts) explains.
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line - 1;
  const explained = new Set<number>();
  // What a slip unsettles: the lines after it, up to the next top-level key.
  const sections = new Sections(text);
  const soft: LoadIssue[] = [];
  const unexplained: YAMLError[] = [];
  // Once yaml loses the thread it reports every token after as "unexpected ... in YAML stream": the first says it.
  const inStream = (e: YAMLError): boolean => e.code === 'UNEXPECTED_TOKEN' && / in YAML stream/.test(e.message);
  const firstInStream = doc.errors.find(inStream);
  for (const e of doc.errors) {
    if (inStream(e) && e !== firstInStream) continue;
    const opened = openerIssue(e, open);
    const own = opened ?? colonIssue(e, text) ?? (e.code === 'TAB_AS_INDENT' ? yamlIssue(e) : null);
    if (own) {
      issues.push(own);
      explained.add(lineOf(own.offset)).add(lineOf(e.pos[0]));
      // A tab or a bracket left open unsettles the lines after it, up to the next top-level key, as a slip does.
      if (opened || e.code === 'TAB_AS_INDENT') sections.cover(lineOf(own.offset));
      continue;
    }
    // Words for one line, or yaml's for a few codes: a layout slip on the same line is the cause, and says it.
    const line = lineIssue(e, text, lineCounter) ?? (Object.hasOwn(YAML_MESSAGES, e.code) ? yamlIssue(e) : null);
    if (line) soft.push(line);
    else unexplained.push(e);
  }
  const slipLines = [...soft.map((i) => i.offset), ...unexplained.map((e) => e.pos[0])].map(lineOf).filter((l) => !explained.has(l));
  const slips = layoutSlips(text, slipLines).filter((s) => !explained.has(s.line));
  for (const s of slips) {
    if (s.from === 0 && s.to === Number.MAX_SAFE_INTEGER) sections.coverAll();
    sections.cover(s.from);
    sections.cover(s.line);
  }
  const bySlip = (offset: number): boolean => sections.covered(lineOf(offset));
  for (const s of slips) issues.push({ offset: s.offset, path: '', message: s.message });
  for (const i of soft) {
    if (bySlip(i.offset) || explained.has(lineOf(i.offset))) continue;
    issues.push(i);
    explained.add(lineOf(i.offset));
    // A key without its colon leaves the lines under it unread, up to the next top-level key.
    if (i.message.startsWith('a key needs a colon after it')) sections.cover(lineOf(i.offset));
  }
  for (const e of unexplained) if (!bySlip(e.pos[0]) && !explained.has(lineOf(e.pos[0]))) issues.push(yamlIssue(e));

  const contents = doc.contents;
  if (contents === null || isEmpty(contents)) {
    // `---` alone, or with comments: no keys either way.
    issues.push({ offset: 0, path: '', message: /(?:^|\s)#/.test(text) ? 'the file holds only comments' : 'the file is empty' });
    return { ...base, value: undefined, issues, offsetOf };
  }
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    issues.push({
      offset: contents.range[0],
      path: '',
      message: `the top level must be a mapping of keys (version, project, stack, ...), not ${what}`,
    });
    return { ...base, value: undefined, issues, offsetOf };
  }

  // The data read around a slip is not what the writer meant: no more problems are looked for there.
  const loaded = issues.length;
  const converter = new Converter(doc, tagOffsets, issues);
  let value: unknown;
  try {
    value = converter.convert(contents, []);
  } catch (err) {
    if (!(err instanceof AliasBudgetExceeded)) throw err;
    issues.push({
      offset: converter.firstAlias,
      path: formatPath(converter.firstAliasPath),
      message: `aliases expand to more than ${MAX_ALIAS_NODES} nodes; write the values out or use fewer aliases`,
    });
    value = undefined;
  }
  if (slips.length > 0) {
    const found = issues.splice(loaded).filter((i) => !bySlip(i.offset));
    issues.push(...found);
  }
  return { ...base, value, issues, offsetOf };
}

/**
 * The file's top-level sections (a top-level key and the lines under it), and which lines of each a slip has
 * unsettled: from the slip's line to the section's end. Each question is answered in constant time, so a file of
 * 50,000 slips stays fast.
 */
class Sections {
  /** Line (0-based) -> its section: the count of top-level keys at or before it. */
  private readonly of: Uint32Array;
  /** Section -> the first line unsettled in it. */
  private readonly from = new Map<number, number>();
  private all = false;

  constructor(text: string) {
    const lines = text.split('\n');
    this.of = new Uint32Array(lines.length);
    let id = 0;
    lines.forEach((l, i) => {
      if (/^[^\s#-]/.test(l)) id++;
      this.of[i] = id;
    });
  }

  cover(line: number): void {
    const id = this.of[line] ?? 0;
    const first = this.from.get(id);
    if (first === undefined || line < first) this.from.set(id, line);
  }

  coverAll(): void {
    this.all = true;
  }

  covered(line: number): boolean {
    if (this.all) return true;
    const first = this.from.get(this.of[line] ?? 0);
    return first !== undefined && first <= line;
  }
}

/** A document with nothing but comments, or nothing at all. */
function isEmpty(contents: unknown): boolean {
  return contents === null || (isScalar(contents) && contents.value === null && contents.source === '');
}

/**
 * Bytes that are not UTF-8, located at the first byte that is not (often a file saved as Latin-1 or
 * Windows-1252: `Café` with é as the one byte 0xE9).
 */
function notUtf8(bytes: Uint8Array): Loaded {
  const at = firstInvalidUtf8(bytes);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at)).replace(/^\uFEFF/, '');
  const lineStart = before.lastIndexOf('\n') + 1;
  const where = { line: before.split('\n').length, col: [...before.slice(lineStart)].length + 1 };
  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    value: undefined,
    issues: [{ offset: 0, path: '', message: `the file is not UTF-8 text: byte 0x${byte} here is not UTF-8; save the file as UTF-8` }],
    position: () => where,
    offsetOf: () => 0,
  };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [n, low, high] = b < 0x80 ? [0, 0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] :
      b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] :
      b === 0xf4 ? [3, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : [-1, 0, 0];
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += n + 1;
  }
  return Math.min(i, bytes.length - 1);
}

function tooLarge(): string {
  return `the file is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the limit for an answers file`;
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tabs are not allowed as indentation; use spaces',
  NON_STRING_KEY: 'keys must be plain text, not lists or mappings',
  MULTIPLE_DOCS: 'the file holds several YAML documents; an answers file is one document',
  BAD_ALIAS: 'invalid alias',
};

function yamlIssue(e: YAMLError): LoadIssue {
  const own = YAML_MESSAGES[e.code];
  const first = e.message.split('\n')[0] ?? e.message;
  const message = own ?? `yaml: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return { offset: e.pos[0], path: '', message };
}

/** yaml's words for a `[` or `{` whose closing bracket it did not find; it points where it gave up looking. */
const FLOW_NOT_ENDED = /^Flow (map|sequence) in block collection must be sufficiently indented and end with a [\]}]/;
/** yaml's words for a quoted value without its closing quote; it points at the end of the file or the value. */
const QUOTE_NOT_ENDED = /^Missing closing (["'])quote/;

/** What yaml's token tree says about brackets and quotes left open. */
interface Openers {
  /** `[` and `{` that no matching bracket ends. */
  brackets: { offset: number; kind: 'map' | 'sequence'; used: boolean }[];
  /** Quoted values: where each starts and ends. */
  quoted: { offset: number; end: number; quote: string }[];
}

/** Searched only when yaml reported a bracket or quote left open, so a valid file pays nothing. */
function openers(text: string, errors: readonly YAMLError[]): Openers {
  const found: Openers = { brackets: [], quoted: [] };
  if (!errors.some((e) => FLOW_NOT_ENDED.test(e.message) || QUOTE_NOT_ENDED.test(e.message))) return found;
  const walk = (token: unknown, depth: number): void => {
    if (token === null || typeof token !== 'object' || depth > 4 * MAX_DEPTH + 16) return;
    if (Array.isArray(token)) {
      for (const t of token) walk(t, depth + 1);
      return;
    }
    const t = token as { type?: unknown; offset?: unknown; source?: unknown; start?: { source?: string; offset?: number }; end?: unknown };
    if (t.type === 'flow-collection' && t.start && typeof t.start.offset === 'number') {
      const closer = t.start.source === '{' ? '}' : ']';
      const ends = Array.isArray(t.end) ? (t.end as { source?: unknown }[]) : [];
      if (!ends.some((e) => e.source === closer)) {
        found.brackets.push({ offset: t.start.offset, kind: t.start.source === '{' ? 'map' : 'sequence', used: false });
      }
    }
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && typeof t.offset === 'number' && typeof t.source === 'string') {
      found.quoted.push({ offset: t.offset, end: t.offset + t.source.length, quote: t.type === 'double-quoted-scalar' ? '"' : "'" });
    }
    for (const [key, value] of Object.entries(t)) if (key !== 'start' || t.type !== 'flow-collection') walk(value, depth + 1);
  };
  for (const token of new (yamlLibrary().Parser)().parse(text)) {
    walk(token, 0);
    if (token.type === 'document') break; // only the first document is read
  }
  found.brackets.sort((a, b) => a.offset - b.offset);
  return found;
}

/**
 * yaml reports a `[`, `{` or quote left open where it stopped looking for its end, often the next key or the
 * end of the file; the problem is shown at the opening bracket or quote instead.
 */
function openerIssue(e: YAMLError, open: Openers): LoadIssue | null {
  const at = e.pos[0];
  const bracket = e.code === 'BAD_INDENT' ? FLOW_NOT_ENDED.exec(e.message) : null;
  if (bracket) {
    const kind = bracket[1] === 'map' ? 'map' : 'sequence';
    let found: Openers['brackets'][number] | undefined;
    for (const o of open.brackets) if (!o.used && o.kind === kind && o.offset < at) found = o;
    if (!found) return null;
    found.used = true;
    const [opener, closer, what] = kind === 'map' ? ['{', '}', 'mapping'] : ['[', ']', 'list'];
    return {
      offset: found.offset,
      path: '',
      message: `the ${opener} opened here is never closed: end the ${what} with ${closer} (on the same line, or on lines indented more than its key)`,
    };
  }
  const quote = e.code === 'MISSING_CHAR' ? QUOTE_NOT_ENDED.exec(e.message) : null;
  if (quote) {
    const found = open.quoted.find((q) => q.quote === quote[1] && q.offset < at && at <= q.end);
    if (!found) return null;
    return { offset: found.offset, path: '', message: `the ${quote[1]} opened here is never closed: end the text with ${quote[1]}` };
  }
  return null;
}

/**
 * Two everyday slips yaml words obscurely, told from the line at fault: `database:postgresql` (no space after
 * the colon, so no key) and `summary: Sell: things` (a value holding ": ", read as a second key).
 */
function colonIssue(e: YAMLError, text: string): LoadIssue | null {
  const at = e.pos[0];
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  if (e.message.startsWith('Implicit map keys need to be followed by map values')) {
    const m = /^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*):([^\s/].*)$/.exec(line);
    if (m) return { offset: start + m[1]!.length, path: '', message: `a key needs a space after its colon: write ${m[2]!}: ${m[3]!}` };
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const m = /^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*):\s+([^\s"'[{|>&*!#][^#]*?:\s.*?)\s*$/.exec(line);
    if (m && !m[3]!.includes('"')) {
      const valueAt = start + line.indexOf(m[3]!, m[1]!.length + m[2]!.length + 1);
      return { offset: valueAt, path: '', message: `a value holding ": " must be quoted: write ${m[2]!}: ${JSON.stringify(m[3]!)}` };
    }
  }
  return null;
}

/**
 * Slips on one line that yaml words in parser terms: a value starting with a character YAML reserves (`@`,
 * a backquote), text after a quoted value or a list (`summary: "Fast" notes`, `[draft] notes`), a list begun on
 * its key's line, a key without its colon (`summary A tiny service`).
 */
function lineIssue(e: YAMLError, text: string, lines: LineCounter): LoadIssue | null {
  const at = e.pos[0];
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const head = /^(\s*(?:- )?)(?:([A-Za-z_][A-Za-z0-9_-]*):\s+)?/.exec(line)!;
  const valueAt = head[0].length;
  const value = line.slice(valueAt).replace(/\s+#.*$/, '').trimEnd();
  const write = `${head[2] === undefined ? (head[1]!.endsWith('- ') ? '- ' : '') : `${head[2]}: `}${quoteText(value)}`;
  const reserved = e.code === 'BAD_SCALAR_START' ? /cannot start with [a-z ]*character (\S)/.exec(e.message) : null;
  if (reserved) {
    const c = reserved[1] === '`' ? 'a backquote' : `"${reserved[1]!}"`;
    const fix = start + valueAt === at ? `: write ${write}` : '';
    return { offset: at, path: '', message: `a value starting with ${c} must be quoted${fix}` };
  }
  if (e.code === 'UNEXPECTED_TOKEN' && /^Unexpected [a-z-]*scalar at node end/.test(e.message) && at > start + valueAt) {
    const opener = value.charAt(0);
    if (opener === '"' || opener === "'") {
      return { offset: start + valueAt, path: '', message: `text follows the closing quote: quote the whole value: write ${write}` };
    }
    if (opener === '[' || opener === '{') {
      // Inside the brackets, a comma is missing (`[a, [b] c]`); after them, text follows the list.
      const closed = start + valueAt + closingBracket(value);
      if (at < closed) return { offset: at, path: '', message: `a comma is missing before this item of the ${opener === '[' ? '[ ] list' : '{ } mapping'}` };
      const what = opener === '[' ? 'a list' : 'a mapping';
      return { offset: start + valueAt, path: '', message: `a value starting with ${opener} is ${what}, and text follows its ${opener === '[' ? ']' : '}'}: for text, quote the whole value: write ${write}` };
    }
  }
  const closer = e.code === 'UNEXPECTED_TOKEN' ? /^Unexpected flow-(map|seq)-end token/.exec(e.message) : null;
  if (closer) {
    const [c, o] = closer[1] === 'map' ? ['}', '{'] : [']', '['];
    return { offset: at, path: '', message: `this ${c} closes no ${o}: remove it` };
  }
  if (e.code === 'UNEXPECTED_TOKEN' && /^Unexpected , in flow (sequence|map)/.test(e.message)) {
    return { offset: at, path: '', message: 'nothing stands between this comma and the one before it (or the bracket): remove the comma, or write the missing item' };
  }
  if (e.code === 'MISSING_CHAR' && e.message.startsWith('Missing , or : between flow sequence items')) {
    return { offset: at, path: '', message: 'a comma is missing before this item of the [ ] list' };
  }
  if (e.code === 'UNEXPECTED_TOKEN' && e.message.startsWith('Unexpected block-seq-ind on same line with key')) {
    return { offset: at, path: '', message: 'a list cannot start on its key\'s line: put each item ("- ...") on a line of its own below the key, indented, or quote the text' };
  }
  // `{ name: id, type: uuid primary: true }`: without the comma, "uuid primary" reads as a key.
  if (e.code === 'BLOCK_IN_FLOW' && /[[{]/.test(line.slice(0, at - start))) {
    const m = /^([^\s,:{}[\]]+)\s+([A-Za-z_][A-Za-z0-9_-]*):(?:\s|$)/.exec(line.slice(at - start));
    if (m) return { offset: at + m[0].indexOf(m[2]!, m[1]!.length), path: '', message: `a comma is missing before ${quote(m[2]!)}: write ${m[1]!}, ${m[2]!}:` };
  }
  // `integrations` alone on its line, its items below: a key without its colon.
  if (e.code === 'MULTILINE_IMPLICIT_KEY' && at === start + (/^ */.exec(line)![0].length)) {
    const bare = /^(\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*(?:#.*)?$/.exec(line);
    if (bare) return { offset: at, path: '', message: `a key needs a colon after it: write ${bare[2]!}:` };
  }
  if ((e.code === 'MULTILINE_IMPLICIT_KEY' || e.message.startsWith('Implicit map keys need to be followed by map values')) && !line.includes(':')) {
    // A line of a block of text (after | or >) that lost its indentation reads as a key without its colon.
    const block = blockAbove(text, lines.linePos(start).line - 1, lines.lineStarts);
    if (block) return { offset: at, path: '', message: `this line reads as text of ${quote(block.key)} (after ${block.indicator} on line ${block.line}) but is not indented as that text: indent every line of it the same, more than ${quote(block.key)}` };
    const m = /^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*)\s+(\S.*?)\s*$/.exec(line);
    if (m && at === start + m[1]!.length) return { offset: at, path: '', message: `a key needs a colon after it: write ${m[2]!}: ${m[3]!}` };
  }
  return null;
}

/**
 * The key whose block of text (`summary: >-`) a line may belong to: the first line above it that is not more
 * indented than it (the lines between being the block's text), when that line ends with `|` or `>`.
 */
function blockAbove(text: string, line: number, lineStarts: readonly number[]): { key: string; indicator: string; line: number } | undefined {
  const indentOf = (s: string): number => /^ */.exec(s)![0].length;
  const lineAt = (i: number): string => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length).replace(/\r$/, '');
  let index = line;
  const own = indentOf(lineAt(index));
  while (--index >= 0) {
    const l = lineAt(index);
    if (l.trim() === '' || l.trim().startsWith('#') || indentOf(l) > own) continue;
    const m = /^\s*(?:- )?([A-Za-z_][A-Za-z0-9_-]*):\s+([|>][-+0-9]*)\s*(?:#.*)?$/.exec(l);
    return m ? { key: m[1]!, indicator: m[2]!, line: index + 1 } : undefined;
  }
  return undefined;
}

/** The offset in `value` of the bracket closing its first character, or past its end when it is not closed. */
function closingBracket(value: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i;
  }
  return value.length;
}

/** A value as YAML text: in single quotes when it holds a double one (and no single one), else in double quotes. */
function quoteText(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** Walks the YAML tree into plain data, refusing what the answers file does not allow. */
class Converter {
  private aliasNodes = 0;
  firstAlias = 0;
  firstAliasPath: Segment[] = [];
  private seenAlias = false;
  /** The mappings and lists being converted: an alias to one of them would never end. */
  private readonly ancestors = new Set<unknown>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly tagOffsets: number[],
    private readonly issues: LoadIssue[],
  ) {}

  convert(node: unknown, path: Segment[], viaAlias = false): unknown {
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) throw new AliasBudgetExceeded();
    if (isAlias(node)) {
      const start = node.range?.[0] ?? 0;
      if (!this.seenAlias) {
        this.seenAlias = true;
        this.firstAlias = start;
        this.firstAliasPath = [...path];
      }
      const target = node.resolve(this.doc);
      // yaml reports nothing for an alias whose anchor is missing (or comes later); it would read as empty.
      if (target === undefined) return this.issue(start, path, `no anchor &${node.source} before the alias *${node.source}`);
      if (this.ancestors.has(target)) {
        this.issue(start, path, 'an alias cannot refer to a node that contains it');
        return null;
      }
      return this.convert(target, path, true);
    }
    const n = node as YamlNode | null;
    if (n === null || n === undefined) return null;
    if (path.length > MAX_DEPTH) {
      this.issue(n.range?.[0] ?? 0, path.slice(0, MAX_DEPTH), `nested more than ${MAX_DEPTH} levels deep`);
      return null;
    }
    if (n.tag !== undefined && !CORE_TAGS.has(n.tag)) {
      const start = n.range?.[0] ?? 0;
      this.issue(this.tagOffset(start), path, `unsupported tag ${quote(shortTag(n.tag))}`);
      return null;
    }
    if (isScalar(n)) return this.convertScalar(n.value, n.range?.[0] ?? 0, path);
    if (!isMap(n) && !isSeq(n)) return null;
    this.ancestors.add(n);
    try {
      return isMap(n) ? this.convertMap(n.items, path, viaAlias) : n.items.map((item, i) => this.convert(item, [...path, i], viaAlias));
    } finally {
      this.ancestors.delete(n);
    }
  }

  private convertMap(items: readonly { key: unknown; value: unknown }[], path: Segment[], viaAlias: boolean): unknown {
    // A plain object whose keys are all own data properties: `__proto__` stays an ordinary (unknown) key.
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of items) {
      const keyNode = pair.key;
      if (isAlias(keyNode)) {
        this.issue(keyNode.range?.[0] ?? 0, path, 'an alias cannot be a key');
        continue;
      }
      if (!isScalar(keyNode)) continue; // yaml has reported the non-string key
      const key = String(keyNode.value ?? '');
      const keyAt = keyNode.range?.[0] ?? 0;
      if (keyNode.tag !== undefined && !CORE_TAGS.has(keyNode.tag)) {
        this.issue(this.tagOffset(keyAt), [...path, key], `unsupported tag ${quote(shortTag(keyNode.tag))}`);
        continue;
      }
      if (key === '<<' && keyNode.type === 'PLAIN') {
        this.issue(keyAt, [...path, key], 'merge keys (<<) are not supported; write the keys out');
        continue;
      }
      if (seen.has(key)) {
        this.issue(keyAt, [...path, key], `duplicate key ${quote(key)}`);
        continue;
      }
      seen.add(key);
      if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) throw new AliasBudgetExceeded();
      Object.defineProperty(out, key, {
        value: this.convert(pair.value, [...path, key], viaAlias),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  private convertScalar(value: unknown, at: number, path: Segment[]): unknown {
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return this.issue(at, path, '.nan is not allowed; write a number');
      if (!Number.isFinite(value)) return this.issue(at, path, 'infinity is not allowed; write a number');
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        return this.issue(at, path, 'integer is too large (beyond 2^53); quote it if it is text');
      }
    }
    if (typeof value === 'bigint') return this.issue(at, path, 'integer is too large (beyond 2^53); quote it if it is text');
    return value;
  }

  private issue(offset: number, path: Segment[], message: string): null {
    this.issues.push({ offset, path: formatPath(path), message });
    return null;
  }

  /** The position of the tag that yaml warned about, just before the node; else the node. */
  private tagOffset(nodeStart: number): number {
    let best = -1;
    for (const t of this.tagOffsets) if (t <= nodeStart && t > best) best = t;
    return best >= 0 ? best : nodeStart;
  }
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Offset of the node at a path (through aliases), or of the nearest existing parent; 0 for the document. */
function nodeOffset(doc: Document.Parsed, segments: readonly Segment[], key: boolean): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node) && typeof s === 'string') {
      const pair = pairsOf(node).get(s);
      if (!pair) break;
      next = pair.value;
      keyNode = pair.key;
    } else if (isSeq(node) && typeof s === 'number') {
      next = node.items[s];
      if (next === undefined) break;
    } else break;
    const last = i === segments.length - 1;
    const at = last && key && keyNode !== undefined ? startOf(keyNode) : (startOf(next) ?? startOf(keyNode));
    if (at === undefined) break;
    offset = at;
    node = next;
  }
  return offset;
}

/** Key -> first pair of a mapping, built once per mapping: locating stays fast in mappings of many keys. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      if (!isScalar(p.key)) continue;
      const key = String(p.key.value ?? '');
      if (!index.has(key)) index.set(key, p);
    }
    pairIndex.set(map, index);
  }
  return index;
}

function startOf(node: unknown): number | undefined {
  const range = (node as ParsedNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}
