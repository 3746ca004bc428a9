// Markdown sanity for generated plans: fences close, tables keep their column count, no leaked
// `undefined` / `[object Object]` / `NaN` / `null`, and the headings in order for structural tests.

export interface MarkdownProblem {
  line: number;
  message: string;
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

interface Line {
  text: string;
  /** 1-based. */
  line: number;
  inFence: boolean;
}

/** Each line with whether it is inside a fenced code block (fence lines themselves count as inside). */
function classify(markdown: string): { lines: Line[]; unclosed: number } {
  const out: Line[] = [];
  let fence = '';
  let openedAt = 0;
  markdown.split('\n').forEach((text, i) => {
    const run = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      out.push({ text, line: i + 1, inFence: true });
      if (run && run[0] === fence[0] && run.length >= fence.length && text.trim() === run) fence = '';
    } else if (run && !(run[0] === '`' && text.slice(text.indexOf(run) + run.length).includes('`'))) {
      fence = run;
      openedAt = i + 1;
      out.push({ text, line: i + 1, inFence: true });
    } else {
      out.push({ text, line: i + 1, inFence: false });
    }
  });
  return { lines: out, unclosed: fence ? openedAt : 0 };
}

/** ATX headings outside code blocks, in order. */
export function headings(markdown: string): Heading[] {
  const out: Heading[] = [];
  for (const l of classify(markdown).lines) {
    if (l.inFence) continue;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l.text);
    if (m) out.push({ level: (m[1] ?? '').length, text: m[2] ?? '', line: l.line });
  }
  return out;
}

/** The text under a heading (exact text), up to the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
  const all = headings(markdown);
  const start = all.findIndex((h) => h.text === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const h = all[start] as Heading;
  const next = all.slice(start + 1).find((x) => x.level <= h.level);
  const lines = markdown.split('\n');
  return lines.slice(h.line, next ? next.line - 1 : lines.length).join('\n');
}

/** A table row's cells: split on pipes that are not backslash-escaped, outer pipes dropped. */
export function tableCells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  const cells: string[] = [];
  let current = '';
  let escaped = false;
  for (const c of s) {
    if (escaped) {
      current += c;
      escaped = false;
    } else if (c === '\\') {
      current += c;
      escaped = true;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '' || !s.endsWith('|')) cells.push(current);
  return cells.map((x) => x.trim());
}

const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const LEAKS: Array<[RegExp, string]> = [
  [/\bundefined\b/, 'undefined'],
  [/\[object \w+\]/, '[object Object]'],
  [/\bNaN\b/, 'NaN'],
];
/** `null` as a word of its own (not `set-null`, not `nullable`). */
const NULL_WORD = /(?<![\w-])null(?![\w-])/;

export interface MarkdownCheckOptions {
  /** Report empty table cells (a cell the model had a value for); default true. */
  emptyCells?: boolean;
}

/**
 * Everything wrong with a generated Markdown text: an unclosed fence; a table row whose cell count differs
 * from its header; an empty cell; `undefined`, `[object Object]` or `NaN` anywhere; `null` outside code
 * blocks (inside code it may be a type, as in `string | null`).
 */
export function markdownProblems(markdown: string, options: MarkdownCheckOptions = {}): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const { lines, unclosed } = classify(markdown);
  if (unclosed) problems.push({ line: unclosed, message: 'code fence never closed' });

  for (const l of lines) {
    for (const [re, what] of LEAKS) if (re.test(l.text)) problems.push({ line: l.line, message: `"${what}" in the text` });
    if (!l.inFence && NULL_WORD.test(l.text)) problems.push({ line: l.line, message: '"null" in the text' });
  }

  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as Line;
    const delimiter = lines[i + 1];
    if (header.inFence || !delimiter || delimiter.inFence) continue;
    if (!header.text.includes('|') || !DELIMITER_ROW.test(delimiter.text)) continue;
    const columns = tableCells(header.text).length;
    const delimiterColumns = tableCells(delimiter.text).length;
    if (delimiterColumns !== columns) {
      problems.push({ line: delimiter.line, message: `delimiter row has ${delimiterColumns} cells, header ${columns}` });
    }
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j] as Line;
      if (row.inFence || row.text.trim() === '' || !row.text.includes('|')) break;
      const cells = tableCells(row.text);
      if (cells.length !== columns) problems.push({ line: row.line, message: `row has ${cells.length} cells, header ${columns}` });
      if (options.emptyCells !== false && cells.some((c) => c === '')) problems.push({ line: row.line, message: 'empty table cell' });
    }
    i = j - 1;
  }
  return problems.sort((a, b) => a.line - b.line);
}
