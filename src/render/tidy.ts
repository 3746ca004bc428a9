// The last touch on every plan: `\n` line endings, one final newline; in Markdown also no trailing blanks on a line
// and at most one blank line in a row. Done a piece at a time as the plan is rendered, so a large plan goes to its
// file in pieces that die young instead of being held (and copied by the garbage collector) whole.

/** Where a plan's text goes, a piece at a time, in order; `restart` forgets every piece so far (a renderer starting over). */
export interface TextSink {
  write(text: string): void;
  restart(): void;
}

/**
 * tidy, for text that comes in pieces cut anywhere (inside a line, between `\r` and `\n`, inside a surrogate pair):
 * `write` each piece, then `end`. What reaches `out`, joined, is the text `tidy` gives for the pieces joined.
 *
 * YAML and SQL are left as rendered but for the line endings and the leading and trailing newlines: a blank at the
 * end of a line there can be inside a block scalar or a string literal, part of the user's text.
 */
export class Tidy implements TextSink {
  /** Text held back: the incomplete last line (Markdown), and a `\r` that a `\n` may follow. */
  private carry = '';
  /** Markdown: the fence of the code block the lines are in ('' outside one), and whether the last line kept was blank. */
  private readonly lines = { fence: '', lastBlank: false };
  /** Whether text other than newlines has gone out (leading newlines are dropped). */
  private started = false;
  /** Newlines held back until text follows them: trailing ones are dropped. */
  private newlines = 0;

  constructor(
    private readonly out: TextSink,
    private readonly markdown: boolean,
  ) {}

  write(piece: string): void {
    let s = this.carry + piece;
    this.carry = '';
    if (s.charCodeAt(s.length - 1) === 13) {
      this.carry = '\r';
      s = s.slice(0, -1);
    }
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
    if (this.markdown) {
      const cut = s.lastIndexOf('\n') + 1;
      this.carry = s.slice(cut) + this.carry;
      s = collapseLines(s.slice(0, cut), this.lines);
    }
    this.emit(s);
  }

  restart(): void {
    this.carry = '';
    this.lines.fence = '';
    this.lines.lastBlank = false;
    this.started = false;
    this.newlines = 0;
    this.out.restart();
  }

  end(): void {
    // A `\r` at the very end is a line end. The last line is tidied as if it had a line end of its own: trailing
    // newlines go anyway.
    let last = this.carry;
    this.carry = '';
    if (last.endsWith('\r')) last = `${last.slice(0, -1)}\n`;
    if (this.markdown && last !== '') last = collapseLines(last.endsWith('\n') ? last : `${last}\n`, this.lines);
    this.emit(last);
    this.out.write('\n');
  }

  private emit(text: string): void {
    let start = 0;
    if (!this.started) {
      while (start < text.length && text.charCodeAt(start) === 10) start++;
      if (start === text.length) return;
      this.started = true;
    }
    let end = text.length;
    while (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end === start) {
      this.newlines += text.length - start;
      return;
    }
    // The newlines held, apart: joined to the text, they would make a copy of it.
    if (this.newlines > 0) this.out.write('\n'.repeat(this.newlines));
    this.newlines = text.length - end;
    this.out.write(start === 0 && end === text.length ? text : text.slice(start, end));
  }
}

/** The whole text tidied at once (check, dry runs, tests). */
export function tidy(text: string, markdown: boolean): string {
  const pieces: string[] = [];
  const t = new Tidy(collector(pieces), markdown);
  t.write(text);
  t.end();
  return pieces.join('');
}

/** A sink that keeps the pieces in `pieces`. */
export function collector(pieces: string[]): TextSink {
  return {
    write: (text) => void pieces.push(text),
    restart: () => void (pieces.length = 0),
  };
}

/**
 * Markdown lines (`text` ends with `\n`), `state` carried from the lines before: trailing blanks dropped from every
 * line, then a blank line after a blank line dropped, except inside fenced code blocks, whose text is kept as
 * written (but for the trailing blanks). One pass, copying the text in spans between the lines it changes (plans run
 * to tens of megabytes; most lines stay as they are).
 */
function collapseLines(text: string, state: { fence: string; lastBlank: boolean }): string {
  // As /[ \t]+$/gm, which also ends a line at U+2028 and U+2029 (rare): such lines are trimmed by it.
  const separators = text.includes('\u2028') || text.includes('\u2029');
  const pieces: string[] = [];
  let { fence, lastBlank } = state;
  let spanStart = 0; // start of the text copied as is since the last change
  for (let pos = 0; pos < text.length; ) {
    const newline = text.indexOf('\n', pos);
    let line: string | undefined; // the line trimmed, when that is not a span of the text
    let trimmed = newline;
    if (separators && /[\u2028\u2029]/.test(text.slice(pos, newline))) {
      line = text.slice(pos, newline).replace(/[ \t]+$/gm, '');
      trimmed = pos + line.length;
    } else {
      for (let c = text.charCodeAt(trimmed - 1); trimmed > pos && (c === 32 || c === 9); c = text.charCodeAt(trimmed - 1)) trimmed--;
    }
    const first = text.charCodeAt(pos);
    // The line as shown, made only for a line that may open or close a fence (starting with ` or ~).
    const shown = trimmed > pos && (first === 96 || first === 126) ? (line ?? text.slice(pos, trimmed)) : '';
    const opener = shown === '' ? undefined : /^(`{3,}|~{3,})/.exec(shown)?.[1];
    let skip = false;
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && shown.trim() === opener) fence = '';
    } else if (opener) {
      fence = opener;
    } else if (trimmed === pos && lastBlank) {
      skip = true;
    }
    if (skip) {
      // The line and its line end go.
      pieces.push(text.slice(spanStart, pos));
      spanStart = newline + 1;
    } else {
      if (line !== undefined) {
        pieces.push(text.slice(spanStart, pos), line);
        spanStart = newline;
      } else if (trimmed < newline) {
        pieces.push(text.slice(spanStart, trimmed));
        spanStart = newline;
      }
      lastBlank = trimmed === pos;
    }
    pos = newline + 1;
  }
  state.fence = fence;
  state.lastBlank = lastBlank;
  if (spanStart === 0) return text;
  pieces.push(text.slice(spanStart));
  return pieces.join('');
}
