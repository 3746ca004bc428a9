// Is a plan on disk as the answers produce it? Compared a piece at a time as the plan is rendered (for check,
// generate --dry-run): kept apart from drift.ts, whose diffs need a library generate never loads.

import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanFile } from '../render/index.js';
import { utf8Sink } from './utf8-sink.js';

/**
 * Whether the regular file `outDir/file` holds what `plan` renders, byte for byte: compared a piece at a time as the
 * plan is rendered, so neither is held whole (the plans of a large model run to tens of megabytes). Links are not
 * followed: false.
 */
export function matchesOnDisk(outDir: string, plan: PlanFile): boolean {
  const path = join(outDir, plan.file);
  let fd: number;
  try {
    if (!lstatSync(path).isFile()) return false;
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    let position = 0;
    let same = true;
    let disk = Buffer.alloc(0);
    const out = utf8Sink(
      (bytes) => {
        if (!same) return;
        if (position + bytes.length > size) {
          same = false;
          return;
        }
        if (disk.length < bytes.length) disk = Buffer.alloc(bytes.length);
        const read = readSync(fd, disk, 0, bytes.length, position);
        same = read === bytes.length && disk.subarray(0, read).equals(bytes);
        position += bytes.length;
      },
      () => {
        position = 0;
        same = true;
      },
    );
    plan.writeTo(out);
    out.end();
    return same && position === size;
  } finally {
    closeSync(fd);
  }
}

