// archplan formats: the formats, their files, the seed each follows, and where each comes from (built-in, or a
// templates folder that overrides or adds one).

import type { TemplateOptions } from './config.js';
import { print, type Io } from './io.js';
import { formatRegistry, formatSource } from './registry.js';

export function runFormats(options: TemplateOptions, io: Io): number {
  // Listing reads the folder but runs none of its templates: a config-file folder is shown even without --trust-templates.
  const registry = formatRegistry(options, io, true);
  const formats = registry.formats;
  const width = Math.max(...formats.map((f) => f.name.length));
  const fileWidth = Math.max(...formats.map((f) => f.file.length));
  for (const f of formats) {
    const seed = f.seed === 'custom' ? '' : f.seed.startsWith('beyond') ? `${f.seed}; ` : `seed ${f.seed}; `;
    print(io.stdout, `${f.name.padEnd(width)}  ${f.file.padEnd(fileWidth)}  ${f.summary} (${seed}${formatSource(registry, f)})`);
  }
  return 0;
}
