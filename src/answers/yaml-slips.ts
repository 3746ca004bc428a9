// Indentation slips told from the text's lines, for the files the yaml parser refuses: a key or list item not
// lined up with the ones it belongs with, a list item without its space after "-", an indented first line. yaml
// reports such a slip in its own words, often on the line above it and again on every line the slip unsettles;
// this finds the line at fault, says what to write, and which of yaml's reports it explains. Pure; runs only
// when yaml reported an error, so a valid file pays nothing.

/** A slip at one line, and the lines (0-based, inclusive) whose unexplained yaml errors it stands for. */
export interface Slip {
  offset: number;
  message: string;
  line: number;
  from: number;
  to: number;
}

/** An open key or list item: its column and kind, and, for a key, its name (shown in messages). */
interface Frame {
  col: number;
  kind: 'key' | 'item';
  name: string;
  line: number;
}

interface Line {
  index: number;
  offset: number;
  indent: number;
  text: string;
}

/** `key:` followed by a blank or the end of the line; the name plain or quoted. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^#:]*?|-[^\s#:][^#:]*?)\s*:(?:\s|$)/;

/**
 * The slips near the lines of yaml's unexplained errors (0-based). Only a slip with such an error on its own
 * line or the line above (where yaml often reports it) is returned: a layout this reading finds odd but yaml
 * read without complaint is not second-guessed.
 */
export function layoutSlips(text: string, errorLines: readonly number[]): Slip[] {
  if (errorLines.length === 0) return [];
  const lines = contentLines(text);
  const slips: Slip[] = [];
  const errors = new Set(errorLines);
  const near = (l: Line, before: Line | undefined): boolean => {
    for (let i = before?.index ?? l.index; i <= l.index; i++) if (errors.has(i)) return true;
    return false;
  };
  const first = lines[0];
  if (first && first.indent > 0 && lines.some((l) => l.indent < first.indent)) {
    const key = KEY.exec(first.text.slice(first.indent));
    const what = key ? `the first key, ${shown(key[1]!)},` : 'the first line';
    slips.push({
      offset: first.offset + first.indent,
      message: `${what} is indented ${spaces(first.indent)}; the top-level keys start at the beginning of the line: remove the indentation`,
      line: first.index,
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
    });
    return slips;
  }

  // For each content line, the index (in `lines`) of the next top-level key after it.
  const nextTop = new Array<number>(lines.length);
  for (let i = lines.length - 1, next = -1; i >= 0; i--) {
    nextTop[i] = next;
    if (lines[i]!.indent === 0 && !lines[i]!.text.startsWith('-')) next = i;
  }
  let lastTo = -1;
  let stack: Frame[] = [];
  // Where a child of the line above may start: deeper than `childFrom`, or, for a key's list, at its column.
  let childFrom: number | undefined = -1;
  let childOfKey = false;
  let before: Line | undefined;
  for (const [n, l] of lines.entries()) {
    let rest = l.text.slice(l.indent);
    let col = l.indent;
    let slip: string | undefined;
    // `-name: x`, `-{ ... }`: an item without its space is read as text (or as a key "-name").
    const noSpace = /^-([^\s-].*)$/.exec(rest);
    const isItem = rest === '-' || rest.startsWith('- ') || (noSpace !== null && couldBeItem(col, stack, childFrom));
    if (noSpace && isItem) slip = `a list item needs a space after "-": write - ${noSpace[1]!.trimEnd()}`;
    const kind: Frame['kind'] | undefined = isItem ? 'item' : KEY.test(rest) ? 'key' : undefined;
    if (kind === undefined) {
      // A continued value: nothing to check, and it opens nothing.
      before = l;
      continue;
    }
    const fits = (childFrom !== undefined && (col > childFrom || (kind === 'item' && childOfKey && col === childFrom))) ||
      stack.some((f) => f.col === col && f.kind === kind) || (kind === 'key' && col === 0);
    let meant = col;
    if (slip === undefined && !fits) {
      // The nearest column of its kind; of two as near, the deeper (a dedent to the top would change its parent).
      let ref: Frame | undefined;
      for (const f of stack) {
        if (f.kind !== kind) continue;
        const d = Math.abs(f.col - col);
        const refD = ref ? Math.abs(ref.col - col) : Infinity;
        if (d < refD || (d === refD && ref !== undefined && f.col > ref.col)) ref = f;
      }
      if (ref) {
        meant = ref.col;
        const name = kind === 'key' ? shown(KEY.exec(rest)![1]!) : '';
        // Deeper than the key just above: meant as its child, perhaps, but that key has a value on its line.
        const under = kind === 'key' && col > ref.col && before !== undefined && ref.line === before.index;
        slip = under
          ? `${name} is indented ${spaces(col)}, more than ${shown(ref.name)} on line ${ref.line + 1} (${ref.col}), which has a value and so holds no keys: line them up, or move that value`
          : kind === 'key'
          ? `${name} is indented ${spaces(col)} but ${shown(ref.name)} on line ${ref.line + 1} is indented ${ref.col}: line them up (the keys of one mapping start at the same column)`
          : `this list item is indented ${spaces(col)} but the one on line ${ref.line + 1} is indented ${ref.col}: line them up (the items of one list start at the same column)`;
      }
    }
    // One slip a section: the lines after it up to the next top-level key are read as unsettled by it.
    if (slip !== undefined && l.index > lastTo && near(l, before)) {
      // The slip unsettles the lines after it up to the next top-level key.
      const sectionEnd = nextTop[n]! >= 0 ? lines[nextTop[n]!] : undefined;
      slips.push({
        offset: l.offset + l.indent,
        message: slip,
        line: l.index,
        from: before?.index ?? l.index,
        to: sectionEnd ? sectionEnd.index - 1 : Number.MAX_SAFE_INTEGER,
      });
      lastTo = slips[slips.length - 1]!.to;
    }
    // Read on as the writer meant it (lined up), so one slip is one problem. The frames still open, then the ones
    // it opens; a list may start at its key's column, so the key stays open beside its items.
    col = meant;
    stack = stack.filter((f) => f.col < col || (kind === 'item' && f.kind === 'key' && f.col === col));
    childFrom = undefined;
    childOfKey = false;
    if (isItem) {
      stack.push({ col, kind: 'item', name: '-', line: l.index });
      if (noSpace) {
        rest = noSpace[1]!;
        col += 2;
      } else {
        const inner = rest.slice(1).trimStart();
        col += rest.length - inner.length;
        rest = inner;
      }
      if (rest === '' || rest.startsWith('#')) childFrom = meant;
    }
    const key = KEY.exec(rest);
    if (key) {
      stack.push({ col, kind: 'key', name: key[1]!, line: l.index });
      const value = rest.slice(key[0].length).trim();
      if (value === '' || value.startsWith('#')) {
        childFrom = col;
        childOfKey = true;
      }
    }
    before = l;
  }
  return slips;
}

/** A line starting `-x` could be a list item without its space: where an item may start. */
function couldBeItem(col: number, stack: readonly Frame[], childFrom: number | undefined): boolean {
  return (childFrom !== undefined && col >= childFrom) || stack.some((f) => f.kind === 'item' && f.col === col);
}

/**
 * The lines a person laid out: not blank, not only a comment, not inside a block scalar (`|`, `>`) or a flow
 * collection left open on an earlier line, nor a line holding a tab before its first character (yaml says so).
 */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  let offset = 0;
  let blockAbove: number | undefined; // the indent of the key whose block scalar is being read
  let blockIndent: number | undefined; // the indent of that block's first line, which all its lines keep
  let depth = 0; // open [ and { (outside quotes)
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = offset;
    offset += raw.length + 1;
    const indent = /^ */.exec(line)![0].length;
    const body = line.slice(indent);
    if (body === '' || body.startsWith('#')) continue;
    if (blockAbove !== undefined) {
      if (indent > blockAbove && indent >= (blockIndent ??= indent)) continue;
      blockAbove = undefined;
      blockIndent = undefined;
    }
    const inFlow = depth > 0;
    depth = Math.max(0, depth + bracketBalance(body));
    if (inFlow || body.startsWith('\t')) continue;
    if (/(?:^|[:\-]\s+)[|>][-+0-9]*\s*(?:#.*)?$/.test(body)) blockAbove = indent;
    out.push({ index, offset: start, indent, text: line });
  }
  return out;
}

/** Opened minus closed brackets on a line, outside quotes and comments. */
function bracketBalance(body: string): number {
  let n = 0;
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(body[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(body[i - 1]!))) break;
    else if (c === '[' || c === '{') n++;
    else if (c === ']' || c === '}') n--;
  }
  return n;
}

function shown(name: string): string {
  return /^["']/.test(name) ? name : JSON.stringify(name);
}

function spaces(n: number): string {
  return `${n} ${n === 1 ? 'space' : 'spaces'}`;
}
