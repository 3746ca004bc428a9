// Reading an input file a command names (the answers, a context file), with the reason in words when it cannot
// be read. Apart from load.ts so that `validate` does not load the planning engine through it.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Why a file could not be read, in words rather than the system's code. */
const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path before the file name is a file, not a folder',
  ELOOP: 'the path has a loop of symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

export function readInputFile(file: string, cwd: string, what = 'answers file'): Buffer {
  try {
    return readFileSync(resolve(cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = Object.hasOwn(WHY, code ?? '') ? WHY[code!]! : `${code ?? 'unreadable'}`;
    throw new UsageError(`cannot read the ${what} ${file}: ${why}`);
  }
}
