// Reading the answers file and resolving it: the I/O edge around the pure pipeline of src/core.ts.

import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { resolveAnswers } from '../core.js';
import type { Model } from '../derive/model.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';

export interface Loaded {
  model: Model;
  /** Warnings only (errors throw). */
  problems: Problem[];
}

export function readInputFile(file: string, cwd: string, what = 'answers file'): Buffer {
  try {
    return readFileSync(resolve(cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read the ${what} ${file}: ${why}`);
  }
}

/** Reads, validates and resolves; throws InvalidInputError with every problem when the answers are invalid. */
export function loadModel(file: string, cwd: string): Loaded {
  const bytes = readInputFile(file, cwd);
  const { model, problems } = resolveAnswers(bytes, file, basename(file));
  if (!model) throw new InvalidInputError(`${file} is not valid`, problems);
  return { model, problems };
}
