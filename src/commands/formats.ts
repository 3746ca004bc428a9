// archplan formats: the formats, their files and the seed each follows.

import { BUILTIN_FORMATS } from '../render/formats.js';
import { print, type Io } from './io.js';

export function runFormats(io: Io): number {
  const width = Math.max(...BUILTIN_FORMATS.map((f) => f.name.length));
  const fileWidth = Math.max(...BUILTIN_FORMATS.map((f) => f.file.length));
  for (const f of BUILTIN_FORMATS) {
    print(io.stdout, `${f.name.padEnd(width)}  ${f.file.padEnd(fileWidth)}  ${f.summary} (seed ${f.seed}; built-in)`);
  }
  return 0;
}
