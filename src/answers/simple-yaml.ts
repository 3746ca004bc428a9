// The first way in for the everyday answers file: block mappings and lists of plain and quoted texts (either
// wrapped over lines too), one-line flow collections (`{ name: id, type: uuid }`, `[a, b]`), `|` and `>` texts
// and comments. Read here in one pass over the lines, which costs a fraction of a general YAML parser's first (cold) run: at start-up,
// js-yaml's was the largest single step of `validate` and `generate` on a small file. Anything else, and anything
// this reader is unsure of, it declines (undefined) and plain-yaml.ts reads the file with js-yaml. What it
// accepts, the strict loader (load.ts) reads as the same value with no issue (tests/answers/simple-yaml.test.ts).

import { isPlain } from './limits.js';
import { INFINITIES_AND_NAN, isDecimalInteger, isDecimalNumber, prefixedIntegerBase } from './yaml-number.js';

/** Thrown where the reader is unsure of the text; readSimpleYaml then declines it. */
const decline = (): never => {
  throw new Error('declined');
};

/**
 * Characters this reader leaves to the others: tabs, carriage returns and other control characters, the
 * characters YAML 1.1 and 1.2 disagree on as line breaks, lone surrogates (in unicode mode a pair is one
 * character, which passes), BOMs and non-characters.
 */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\u{d800}-\u{dfff}]/u;
/** A key: a word of letters, digits, `_`, `-` and `.`, starting with a letter or `_`. */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Keys the core schema would read as null or a boolean, and a key the strict loader keeps apart. */
const SPECIAL_KEYS: ReadonlySet<string> = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

/** The core schema's words (null, true, false in three spellings each): none longer than 5 characters. */
const CORE_WORDS: ReadonlyMap<string, null | boolean> = new Map([
  ...['null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['true', 'True', 'TRUE'].map((w) => [w, true] as const),
  ...['false', 'False', 'FALSE'].map((w) => [w, false] as const),
]);
const CORE_WORD_LENGTH = 5;

/** What coreScalar answers for a plain scalar that is text. */
export const AS_TEXT: unique symbol = Symbol('text');

/**
 * The value of a plain scalar's text as the `yaml` package's core schema (the strict loader's) resolves it: null,
 * a boolean, an integer (decimal, octal, hexadecimal), a float; or AS_TEXT when it is text. A value the strict
 * loader refuses (not finite, not a safe integer) is declined by isPlain (limits.ts).
 */
export function coreScalar(source: string): unknown {
  if (source === '' || source === '~') return null;
  // Of the core schema's values only null, true and false start with a letter (n, t, f), and none is longer
  // than 5 characters: every other such scalar (most of them) is text at once.
  const c = source.charCodeAt(0) | 32; // lower case, for a letter
  if (c >= 97 && c <= 122) {
    if ((c !== 110 && c !== 116 && c !== 102) || source.length > CORE_WORD_LENGTH) return AS_TEXT;
    const word = CORE_WORDS.get(source);
    return word !== undefined ? word : AS_TEXT;
  }
  if (isDecimalInteger(source)) return parseInt(source, 10);
  if (isDecimalNumber(source)) return parseFloat(source);
  const base = prefixedIntegerBase(source);
  if (base !== 0) return parseInt(source.slice(2), base);
  return INFINITIES_AND_NAN.get(source) ?? AS_TEXT;
}

/**
 * One line: where it starts in the text, its indent (leading spaces) and the rest (without a Windows line end);
 * the rest of a blank line is '', of a comment line `#...`.
 */
interface Line {
  start: number;
  indent: number;
  text: string;
}

/** `text`'s data when this reader is sure of it; undefined otherwise. */
export function readSimpleYaml(text: string): Record<string, unknown> | undefined {
  return readSimpleYamlPlaced(text)?.value;
}

/**
 * Where a node of the data starts in the text, as the strict loader's offsetOf finds it (load.ts): the node at
 * `segments`, or the nearest existing parent; with `key`, a mapping key itself. Such offsets place a problem
 * without the strict loader.
 */
export type OffsetOf = (segments: readonly (string | number)[], key?: boolean) => number;

/**
 * readSimpleYaml, with where each node starts. The places are found by a second read, when first asked for: most
 * files have no problem to place, and keeping every node's start costs a large file tens of MB.
 */
export function readSimpleYamlPlaced(text: string): { value: Record<string, unknown>; offsetOf: OffsetOf } | undefined {
  // Windows line endings: a line break is a line break (YAML reads every one as \n); a lone \r is declined.
  if (UNUSUAL.test(text.includes('\r') ? text.replaceAll('\r\n', '\n') : text)) return undefined;
  try {
    const value = new Reader(text, false).document();
    if (!isPlain(value)) return undefined;
    let placed: OffsetOf | undefined;
    const offsetOf: OffsetOf = (segments, key) => {
      if (placed === undefined) {
        const reader = new Reader(text, true);
        placed = reader.offsetOf(reader.document());
      }
      return placed(segments, key);
    };
    return { value, offsetOf };
  } catch {
    // Declined, or deeper than the call stack allows (flow brackets nested thousands deep): the others decide.
    return undefined;
  }
}

/** Where a collection's entries start: a mapping's by key (the key and its value), a list's by index. */
type Places = Map<string | number, { key?: number; value: number }>;

class Reader {
  private readonly lines: Line[];
  private at = 0;
  /** Where each mapping and list read starts its entries, and where the document's mapping starts. */
  private readonly places = new Map<object, Places>();
  private start = 0;
  /** Where the node the last call of value (or block) read starts. */
  private startOfValue = 0;

  /** `placing`: note where each node starts (see place). */
  constructor(
    text: string,
    private readonly placing: boolean,
  ) {
    let start = 0;
    this.lines = text.split('\n').map((raw) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      const read = { start, indent, text: line.slice(indent) };
      start += raw.length + 1;
      return read;
    });
  }

  /** The top-level mapping, at indent 0, with nothing after it but blank and comment lines. */
  document(): Record<string, unknown> {
    const first = this.next();
    if (first === undefined || first.indent !== 0 || isItem(first.text)) decline();
    this.start = first!.start;
    const value = this.mapping(0);
    if (this.next() !== undefined) decline();
    return value;
  }

  /** The offsets of the nodes of `root`, the document this read (see OffsetOf). */
  offsetOf(root: Record<string, unknown>): OffsetOf {
    return (segments, key = false) => {
      let node: unknown = root;
      let offset = this.start;
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        const places = node !== null && typeof node === 'object' ? this.places.get(node) : undefined;
        const found = places !== undefined && (Array.isArray(node) ? typeof s === 'number' : typeof s === 'string') ? places.get(s) : undefined;
        if (found === undefined) break;
        offset = i === segments.length - 1 && key && found.key !== undefined ? found.key : found.value;
        node = (node as Record<string | number, unknown>)[s];
      }
      return offset;
    };
  }

  /** Records where `collection` starts its entry `at` (and the entry's key). */
  private place(collection: object, at: string | number, value: number, key?: number): void {
    if (!this.placing) return;
    let places = this.places.get(collection);
    if (places === undefined) this.places.set(collection, (places = new Map()));
    places.set(at, key === undefined ? { value } : { key, value });
  }

  /** The next line with content (skipping blank and comment lines), not taken. */
  private next(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.text !== '' && line.text[0] !== '#') return line;
      this.at++;
    }
    return undefined;
  }

  /**
   * A block node whose lines start deeper than `parent` (or a list at `parent` under a key); null if none, which
   * starts at `emptyAt` (after the key's colon or the item's dash, and the spaces after it).
   */
  private block(parent: number, listAtParent: boolean, emptyAt: number): unknown {
    const line = this.next();
    this.startOfValue = emptyAt;
    if (line === undefined || line.indent < parent) return null;
    if (line.indent === parent && !(listAtParent && isItem(line.text))) return null;
    const node = line.indent === parent || isItem(line.text) ? this.list(line.indent) : this.mapping(line.indent);
    this.startOfValue = line.start + line.indent;
    return node;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.next(); line !== undefined && line.indent >= indent; line = this.next()) {
      if (line.indent > indent || isItem(line.text)) decline();
      const colon = line.text.indexOf(':');
      const key = line.text.slice(0, colon);
      if (colon < 0 || !KEY.test(key) || SPECIAL_KEYS.has(key) || Object.hasOwn(map, key)) decline();
      const rest = line.text.slice(colon + 1);
      if (rest !== '' && rest[0] !== ' ') decline();
      this.at++;
      const keyAt = line.start + line.indent;
      const content = trimStartSpaces(rest);
      map[key] = this.value(trimEndSpaces(content), keyAt + colon + 1 + rest.length - content.length, indent, true);
      this.place(map, key, this.startOfValue, keyAt);
    }
    return map;
  }

  private list(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.next(); line !== undefined && line.indent >= indent; line = this.next()) {
      if (line.indent > indent) decline();
      if (!isItem(line.text)) break; // the next key of the mapping this list is the value of
      const rest = line.text.slice(1);
      const gap = rest.length - trimStartSpaces(rest).length;
      const content = trimSpaces(rest);
      const contentAt = line.start + indent + 1 + gap;
      if (content !== '' && content[0] !== '#' && isMappingLine(content)) {
        // `- key: value`: a mapping whose keys line up with this first one. It is read in place of the item line.
        this.lines[this.at] = { start: line.start, indent: indent + 1 + gap, text: rest.slice(gap) };
        items.push(this.mapping(indent + 1 + gap));
        this.place(items, items.length - 1, contentAt);
      } else {
        this.at++;
        items.push(this.value(content, contentAt, indent, false));
        this.place(items, items.length - 1, this.startOfValue);
      }
    }
    return items;
  }

  /**
   * The value after `key:` or `-` on a line at `indent` (`rest`, trimmed, which starts at `restAt` in the text),
   * with what follows it. Where the value starts is left in startOfValue.
   */
  private value(rest: string, restAt: number, indent: number, underKey: boolean): unknown {
    if (rest === '' || rest[0] === '#') return this.block(indent, underKey, restAt);
    this.startOfValue = restAt;
    let value: unknown;
    const c = rest[0]!;
    if (c === '|' || c === '>') return this.blockText(rest, indent);
    if (c === '[' || c === '{') {
      const flow = new Flow(rest, restAt, (collection, at, value, key) => this.place(collection, at, value, key));
      value = flow.node();
      flow.end();
    } else if (c === '"' || c === "'") {
      const oneLine = quoted(rest, 0);
      if (oneLine === null) {
        value = this.quotedLines(rest, indent);
      } else {
        if (!isEnd(rest, oneLine[1])) decline();
        value = oneLine[0];
      }
    } else {
      const first = stripComment(rest);
      value = plain(first === trimEndSpaces(rest) ? first + this.continuation(indent) : first, false);
    }
    // A line deeper than this one would continue the scalar (or be an error): left to the others.
    const after = this.next();
    if (after !== undefined && after.indent > indent) decline();
    return value;
  }

  /**
   * A quoted text begun on a line at `indent` (`first`, from its opening quote) and closed on a later line, each
   * deeper than `indent`: folded as YAML folds it (a line break between two lines a space, each blank line between
   * them a line break; the blanks around each line break dropped). Declined: a line break escaped by a backslash.
   */
  private quotedLines(first: string, indent: number): string {
    const quote = first[0]!;
    const lines = [first.slice(1)];
    for (;;) {
      const line = this.lines[this.at++];
      if (line === undefined || (line.text !== '' && line.indent <= indent)) decline();
      const close = closingQuote(line!.text, quote);
      if (close < 0) {
        lines.push(line!.text);
        continue;
      }
      if (!isEnd(line!.text, close + 1)) decline();
      lines.push(line!.text.slice(0, close));
      break;
    }
    const content = (raw: string): string => {
      if (quote === "'") return raw.replaceAll("''", "'");
      let backslashes = 0;
      while (raw[raw.length - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 1) decline(); // an escaped line break
      return (quoted(`"${raw}"`, 0) ?? decline())[0];
    };
    // The blanks before a line break go, but for an escaped one (`\ `), which is the text's.
    const trimEnd = (raw: string): string => {
      const trimmed = trimEndSpaces(raw);
      let backslashes = 0;
      while (quote === '"' && trimmed[trimmed.length - 1 - backslashes] === '\\') backslashes++;
      return backslashes % 2 === 1 && trimmed.length < raw.length ? `${trimmed} ` : trimmed;
    };
    let text = content(trimEnd(lines[0]!));
    let blanks = 0;
    for (let i = 1; i < lines.length; i++) {
      const last = i === lines.length - 1;
      const words = last ? lines[i]! : trimEnd(lines[i]!);
      if (!last && words === '') {
        blanks++;
        continue;
      }
      text += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + content(words);
      blanks = 0;
    }
    // A line deeper than this one would continue the scalar (or be an error): left to the others.
    const after = this.next();
    if (after !== undefined && after.indent > indent) decline();
    return text;
  }

  /**
   * The lines that continue a plain text begun on a line at `indent`: lines indented deeper, each joined by a space
   * (or by a line break per blank line between them), as YAML folds them; '' when none. A line that could be
   * anything but text (a comment, a key, an indicator first) is declined.
   */
  private continuation(indent: number): string {
    let text = '';
    let blanks = 0;
    for (; this.at < this.lines.length; this.at++) {
      const line = this.lines[this.at]!;
      if (line.text === '') {
        blanks++;
        continue;
      }
      if (line.indent <= indent) break;
      const words = trimEndSpaces(line.text);
      if (INDICATORS.includes(words[0]!) || words[0] === '-' || words.includes(': ') || words.includes(' #') || words.endsWith(':')) decline();
      text += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + words;
      blanks = 0;
    }
    return text;
  }

  /**
   * A `|` (literal) or `>` (folded) text, clipped (one final newline) or stripped (`-`). Declined: kept (`+`)
   * and explicitly indented texts, leading blank lines, blank lines with more spaces than the text's indent, and
   * folded lines indented further (folding keeps their line breaks).
   */
  private blockText(header: string, parent: number): string {
    const style = header[0];
    const chomp = header[1] === '-' ? '-' : '';
    if (!isEnd(header, 1 + chomp.length)) decline();
    const first = this.lines[this.at];
    if (first === undefined || first.text === '' || first.indent <= parent) decline();
    const indent = first!.indent;
    const lines: string[] = [];
    let blanks = 0;
    for (; this.at < this.lines.length; this.at++) {
      const line = this.lines[this.at]!;
      if (line.text === '') {
        if (line.indent > indent) decline();
        blanks++;
        continue;
      }
      if (line.indent < indent) break;
      for (; blanks > 0; blanks--) lines.push('');
      lines.push(' '.repeat(line.indent - indent) + line.text);
    }
    // Trailing blank lines belong to the text only to be chomped away; the next line is the parent's.
    let body: string;
    if (style === '|') {
      body = lines.join('\n');
    } else {
      if (lines.some((l) => l[0] === ' ')) decline();
      body = '';
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (i === 0) body = l;
        else if (l === '') body += '\n';
        else body += lines[i - 1] === '' ? l : ` ${l}`;
      }
    }
    const after = this.next();
    if (after !== undefined && after.indent > parent && after.indent < indent) decline();
    return chomp === '-' ? body : `${body}\n`;
  }
}

/**
 * A one-line flow collection: `[a, "b", {c: d}]`, `{ name: id, values: [x, y] }`. `text` starts at `start` in the
 * answers text; `place` is told where each entry starts.
 */
class Flow {
  private at = 0;
  /** Where the node the last call of node read starts. */
  private startOfNode = 0;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly place: (collection: object, at: string | number, value: number, key?: number) => void,
  ) {}

  node(): unknown {
    this.skipSpaces();
    const start = this.start + this.at;
    const c = this.text[this.at];
    if (c === '[' || c === '{') {
      const collection = c === '[' ? this.sequence() : this.map();
      this.startOfNode = start; // after its items, which set it for themselves
      return collection;
    }
    this.startOfNode = start;
    if (c === '"' || c === "'") {
      const [text, end] = quoted(this.text, this.at) ?? decline();
      this.at = end;
      return text;
    }
    // A plain scalar runs to the next `,`, `]` or `}`; one that holds a mapping indicator or a comment is declined.
    let end = this.at;
    while (end < this.text.length && !',[]{}'.includes(this.text[end]!)) end++;
    const source = trimEndSpaces(this.text.slice(this.at, end));
    if (source === '' || source.includes(' #') || source.includes(':')) decline();
    this.at = end;
    return plain(source, true);
  }

  /** Only spaces and a comment after the collection. */
  end(): void {
    if (!isEnd(this.text, this.at)) decline();
  }

  private sequence(): unknown[] {
    const items: unknown[] = [];
    if (this.opensEmpty(']')) return items;
    for (;;) {
      items.push(this.node());
      this.place(items, items.length - 1, this.startOfNode);
      if (this.separator(']')) return items;
    }
  }

  private map(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    if (this.opensEmpty('}')) return map;
    for (;;) {
      const colon = this.text.indexOf(':', this.at);
      const key = colon < 0 ? '' : this.text.slice(this.at, colon);
      if (!KEY.test(key) || SPECIAL_KEYS.has(key) || Object.hasOwn(map, key) || this.text[colon + 1] !== ' ') decline();
      const keyAt = this.start + this.at;
      this.at = colon + 1;
      map[key] = this.node();
      this.place(map, key, this.startOfNode, keyAt);
      if (this.separator('}')) return map;
    }
  }

  /** Past the opening bracket: whether `close` follows at once (then past it too). */
  private opensEmpty(close: string): boolean {
    this.at++;
    this.skipSpaces();
    if (this.text[this.at] !== close) return false;
    this.at++;
    return true;
  }

  /** After an item: `,` then more, or `close` (true). A trailing comma or anything else is declined. */
  private separator(close: string): boolean {
    this.skipSpaces();
    const c = this.text[this.at++];
    if (c === close) return true;
    if (c !== ',') decline();
    this.skipSpaces();
    if (this.text[this.at] === close) decline();
    return false;
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}

// Spaces only: YAML's white space is the space and the tab (declined), where String.prototype.trim would also
// take a no-break space or an ideographic space that the text holds.
function trimStartSpaces(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return text.slice(i);
}

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

const trimSpaces = (text: string): string => trimEndSpaces(trimStartSpaces(text));

/** Characters a plain text may not start with here (`-` is tested apart: only `- ` and `-` alone are items). */
const INDICATORS = '#&*!|>\'"%@`,[]{}?:';

/** A line that starts a list item: `-` alone or followed by a space. */
function isItem(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ');
}

/** `key: value` or `key:` (a mapping's first line), as opposed to a scalar. */
function isMappingLine(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && (colon === text.length - 1 || text[colon + 1] === ' ') && KEY.test(text.slice(0, colon));
}

/** Nothing but spaces, or spaces and a comment, from `at` to the end of `text`. */
function isEnd(text: string, at: number): boolean {
  const rest = text.slice(at);
  const trimmed = trimStartSpaces(rest);
  return trimmed === '' || (trimmed[0] === '#' && trimmed.length < rest.length);
}

/** A plain scalar's text without a trailing ` # comment`. */
function stripComment(text: string): string {
  const hash = text.indexOf(' #');
  return trimEndSpaces(hash < 0 ? text : text.slice(0, hash));
}

/**
 * A plain scalar's value. Declined: texts starting with an indicator (`-` counts only before a space or at the
 * end), texts holding `: ` or ending in `:` (a mapping), and in a flow, texts with `#`.
 */
function plain(source: string, inFlow: boolean): unknown {
  const c = source[0]!;
  if (INDICATORS.includes(c)) decline();
  if (c === '-' && (source.length === 1 || source[1] === ' ')) decline();
  if (source.includes(': ') || source.endsWith(':') || (inFlow && source.includes('#'))) decline();
  const value = coreScalar(source);
  return value === AS_TEXT ? source : value;
}

/**
 * A quoted scalar starting at `at` on one line: its text and where it ends; null when the line ends before it
 * closes. Single-quoted: `''` is a quote. Double-quoted: the JSON escapes but `\b`, `\f` and `\u` of a surrogate,
 * and `\ `; any other escape is declined.
 */
function quoted(text: string, at: number): [string, number] | null {
  const q = text[at];
  let out = '';
  for (let i = at + 1; i < text.length; ) {
    const close = text.indexOf(q!, i);
    const escape = q === '"' ? text.indexOf('\\', i) : -1;
    if (close < 0) return null;
    if (escape >= 0 && escape < close) {
      out += text.slice(i, escape);
      const [char, length] = unescape(text, escape);
      out += char;
      i = escape + length;
      continue;
    }
    out += text.slice(i, close);
    if (q === "'" && text[close + 1] === "'") {
      out += "'";
      i = close + 2;
      continue;
    }
    return [out, close + 1];
  }
  return null;
}

/** Where a line that continues a text quoted with `quote` closes it; -1 when it does not. */
function closingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', ' ': ' ' };

/** The escape at `at` (a backslash): its character and length. */
function unescape(text: string, at: number): [string, number] {
  const c = text[at + 1];
  if (c !== undefined && Object.hasOwn(ESCAPES, c)) return [ESCAPES[c]!, 2];
  if (c === 'u') {
    const hex = text.slice(at + 2, at + 6);
    const code = /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
    if (code >= 0x20 && (code < 0xd800 || code > 0xdfff) && code !== 0x7f && (code < 0x80 || code > 0x9f)) return [String.fromCharCode(code), 6];
  }
  return decline();
}
