// --format LIST -> the formats to render.

import { UsageError } from '../errors.js';
import type { FormatDef } from '../render/formats.js';

/** `all` (the default) or a comma-separated list of names; unknown names are a usage error. */
export function selectFormats(all: readonly FormatDef[], list: string | undefined): FormatDef[] {
  const wanted = (list ?? 'all').split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0 || wanted.includes('all')) return [...all];
  const unknown = wanted.filter((w) => !all.some((f) => f.name === w));
  if (unknown.length > 0) {
    throw new UsageError(`unknown format ${unknown.map((u) => `"${u}"`).join(', ')}; the formats are: all, ${all.map((f) => f.name).join(', ')}`);
  }
  // Registry order, not the order typed, so output and messages are stable.
  return all.filter((f) => wanted.includes(f.name));
}
