// --format LIST -> the formats to render.

import { didYouMean, quote } from '../answers/similar.js';
import { UsageError } from '../errors.js';
import type { FormatDef } from '../render/formats.js';

/** `all` (the default) or a comma-separated list of names; unknown names and an empty list are usage errors. */
export function selectFormats(all: readonly FormatDef[], list: string | undefined): FormatDef[] {
  const wanted = (list ?? 'all').split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) {
    throw new UsageError(`--format names no format; give "all" or some of: ${all.map((f) => f.name).join(', ')}`);
  }
  if (wanted.includes('all')) return [...all];
  const unknown = wanted.filter((w) => !all.some((f) => f.name === w));
  if (unknown.length > 0) {
    const named = unknown.map((u) => `${quote(u)}${suggestion(u, all)}`).join(', ');
    throw new UsageError(`unknown ${unknown.length === 1 ? 'format' : 'formats'} ${named}; the formats are: all, ${all.map((f) => f.name).join(', ')}`);
  }
  // Registry order, not the order typed, so output and messages are stable.
  return all.filter((f) => wanted.includes(f.name));
}

/** ` (did you mean "ddl"?)` for a near name, or for the file a format writes (`schema.sql` -> ddl). */
function suggestion(name: string, all: readonly FormatDef[]): string {
  const byFile = all.find((f) => f.file === name || f.file.replace(/\.[^.]+$/, '') === name);
  return byFile ? ` (did you mean ${quote(byFile.name)}?)` : didYouMean(name, all.map((f) => f.name));
}
