// Model -> generated files: the marker line, the format's body, `\n` line endings, one final newline.

import type { Model } from '../derive/model.js';
import type { FormatDef, RenderContext } from './formats.js';
import { markerLine } from './marker.js';
import { collector, Tidy, tidy, type TextSink } from './tidy.js';

export { tidy };

export interface RenderedFile {
  format: string;
  file: string;
  content: string;
}

/**
 * A plan as `generate` writes it: `writeTo` renders it into `out` (which starts empty) as it is made, so a large
 * plan is never held whole (see applyWrites).
 */
export interface PlanFile {
  format: string;
  file: string;
  writeTo(out: TextSink): void;
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
  for (const plan of planFiles(model, formats, ctx)) yield wholeText(plan);
}

/** A plan's whole text. */
export function wholeText(plan: PlanFile): RenderedFile {
  const pieces: string[] = [];
  plan.writeTo(collector(pieces));
  return { format: plan.format, file: plan.file, content: pieces.join('') };
}

/** Each format's file, rendered as it is written. */
export function planFiles(model: Model, formats: readonly FormatDef[], ctx: RenderContext): PlanFile[] {
  return formats.map((format) => ({ format: format.name, file: format.file, writeTo: (out) => renderInto(model, format, ctx, out) }));
}

/** A format's file into `out`: the marker line, then the body, tidied, as the format renders it. */
function renderInto(model: Model, format: FormatDef, ctx: RenderContext, out: TextSink): void {
  const marker = `${markerLine(format.comment, model.source)}\n`;
  out.write(marker);
  const body = new Tidy(
    {
      write: (text) => out.write(text),
      restart: () => {
        out.restart();
        out.write(marker);
      },
    },
    format.comment === 'markdown',
  );
  format.render(model, ctx, body);
  body.end();
}
