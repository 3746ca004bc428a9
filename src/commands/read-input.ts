// Reading an input file a command names (the answers, a context file), with the reason in words when it cannot
// be read. Apart from load.ts so that `validate` does not load the planning engine through it.

import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../answers/limits.js';
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

/**
 * The file's bytes, at most `limit` + 1 of them: one byte over the limit is enough to say the file is too large,
 * and `/dev/zero` or a pipe that never ends cannot make archplan read forever.
 */
export function readInputFile(file: string, cwd: string, what = 'answers file', limit = MAX_FILE_BYTES): Buffer {
  try {
    return readAtMost(resolve(cwd, file), limit + 1);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = Object.hasOwn(WHY, code ?? '') ? WHY[code!]! : `${code ?? 'unreadable'}`;
    throw new UsageError(`cannot read the ${what} ${file}: ${why}`);
  }
}

function readAtMost(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(max);
    let size = 0;
    while (size < max) {
      const n = readSync(fd, buffer, size, max - size, null);
      if (n === 0) break;
      size += n;
    }
    return buffer.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}
