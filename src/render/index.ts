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
  const files: RenderedFile[] = [];
  const skipped: SkippedFormat[] = [];
  for (const format of formats) {
    const reason = format.skipReason(model);
    if (reason) {
      skipped.push({ format: format.name, reason });
      continue;
    }
    const body = tidy(format.render(model, ctx), format.comment === 'markdown');
    files.push({ format: format.name, file: format.file, content: `${markerLine(format.comment, model.source)}\n${body}` });
  }
  return { files, skipped };
}

/**
 * `\n` endings, one final newline; in Markdown also no trailing blanks on a line and at most one blank line in a
 * row. YAML and SQL are left as rendered: a blank at the end of a line there can be inside a block scalar or a
 * string literal, part of the user's text.
 */
export function tidy(text: string, markdown: boolean): string {
  let s = text.replace(/\r\n?/g, '\n');
  if (markdown) s = collapseBlankLines(s.replace(/[ \t]+$/gm, ''));
  return `${s.replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
}

/** Blank-line runs shrink to one, except inside fenced code blocks, whose text is kept as written. */
function collapseBlankLines(text: string): string {
  const out: string[] = [];
  let fence = '';
  for (const lineText of text.split('\n')) {
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
