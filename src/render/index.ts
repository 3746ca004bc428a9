// Model -> generated files: the marker line, the format's body, `\n` line endings, one final newline.

import type { Model } from '../derive/model.js';
import type { FormatDef, RenderContext } from './formats.js';
import { markerLine } from './marker.js';

export interface RenderedFile {
  format: string;
  file: string;
  content: string;
}

export interface SkippedFormat {
  format: string;
  reason: string;
}

export function renderFiles(
  model: Model,
  formats: readonly FormatDef[],
  ctx: RenderContext,
): { files: RenderedFile[]; skipped: SkippedFormat[] } {
  const { applying, skipped } = applyingFormats(model, formats);
  return { files: [...renderEach(model, applying, ctx)], skipped };
}

/** The formats that apply to this model, and those that do not, with why. */
export function applyingFormats(model: Model, formats: readonly FormatDef[]): { applying: FormatDef[]; skipped: SkippedFormat[] } {
  const applying: FormatDef[] = [];
  const skipped: SkippedFormat[] = [];
  for (const format of formats) {
    const reason = format.skipReason(model);
    if (reason) skipped.push({ format: format.name, reason });
    else applying.push(format);
  }
  return { applying, skipped };
}

/** Each format's file, rendered only when the caller asks for the next one. */
export function* renderEach(model: Model, formats: readonly FormatDef[], ctx: RenderContext): Generator<RenderedFile> {
  for (const format of formats) {
    const body = tidy(format.render(model, ctx), format.comment === 'markdown');
    yield { format: format.name, file: format.file, content: `${markerLine(format.comment, model.source)}\n${body}` };
  }
}

/**
 * `\n` endings, one final newline; in Markdown also no trailing blanks on a line and at most one blank line in a
 * row. YAML and SQL are left as rendered: a blank at the end of a line there can be inside a block scalar or a
 * string literal, part of the user's text.
 */
export function tidy(text: string, markdown: boolean): string {
  let s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (markdown) s = collapseBlankLines(s);
  // Leading and trailing newlines dropped (by index: a regex anchored at the end scans the whole text).
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 10) start++;
  while (end > start && s.charCodeAt(end - 1) === 10) end--;
  return `${s.slice(start, end)}\n`;
}

/**
 * Trailing blanks dropped from every line, then blank-line runs shrink to one, except inside fenced code
 * blocks, whose text is kept as written (but for the trailing blanks). One pass over the lines, copying the
 * text in spans between the lines it changes (plans run to tens of megabytes; most lines stay as they are).
 */
function collapseBlankLines(text: string): string {
  // As /[ \t]+$/gm over the whole text, which also ends a line at U+2028 and U+2029: rare, done line by line.
  if (text.includes('\u2028') || text.includes('\u2029')) return collapseBlankLinesBySplit(text);
  const pieces: string[] = [];
  let fence = '';
  let spanStart = 0; // start of the text copied as is since the last change
  let lastBlank = false; // the last line kept was blank
  let pos = 0;
  for (;;) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    let trimmed = end;
    for (let c = text.charCodeAt(trimmed - 1); trimmed > pos && (c === 32 || c === 9); c = text.charCodeAt(trimmed - 1)) trimmed--;
    const first = text.charCodeAt(pos);
    const opener = trimmed > pos && (first === 96 || first === 126) ? /^(`{3,}|~{3,})/.exec(text.slice(pos, trimmed))?.[1] : undefined; // ` or ~
    let skip = false;
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && text.slice(pos, trimmed).trim() === opener) fence = '';
    } else if (opener) {
      fence = opener;
    } else if (trimmed === pos && lastBlank) {
      skip = true;
    }
    // A change removes a range of the text: a skipped line with the newline before it (it never is the first
    // line: a line before it was kept), or a line's trailing blanks.
    if (skip) pieces.push(text.slice(spanStart, pos - 1));
    else if (trimmed < end) pieces.push(text.slice(spanStart, trimmed));
    if (skip || trimmed < end) spanStart = end;
    if (!skip) lastBlank = trimmed === pos;
    if (newline < 0) break;
    pos = newline + 1;
  }
  pieces.push(text.slice(spanStart));
  return pieces.join('');
}

/** collapseBlankLines by splitting into lines, for text with U+2028 or U+2029 (which also end a line there). */
function collapseBlankLinesBySplit(text: string): string {
  const out: string[] = [];
  let fence = '';
  for (const raw of text.split('\n')) {
    const lineText = raw.replace(/[ \t]+$/gm, '');
    const opener = /^(`{3,}|~{3,})/.exec(lineText)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && lineText.trim() === opener) fence = '';
    } else if (opener) {
      fence = opener;
    } else if (lineText === '' && out.length > 0 && out[out.length - 1] === '') {
      continue;
    }
    out.push(lineText);
  }
  return out.join('\n');
}
