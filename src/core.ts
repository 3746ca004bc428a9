// The pure pipeline: answers text -> validated answers -> resolved model. No I/O.

import { readAnswers } from './answers/index.js';
import type { Model } from './derive/model.js';
import { normalise } from './derive/normalise.js';
import { plan } from './derive/plan.js';
import { sortProblems, type Problem } from './errors.js';

export interface ResolveResult {
  /** null when any problem is an error. */
  model: Model | null;
  /** Errors, and the planning rules' warnings located in the file. */
  problems: Problem[];
}

/** `file` is the answers file as the user named it (for problems); `source` is its name for the plans' marker. */
export function resolveAnswers(text: string | Uint8Array, file: string, source: string): ResolveResult {
  const read = readAnswers(text, file);
  if (!read.answers) return { model: null, problems: read.problems };
  const model = plan(normalise(read.answers, source));
  const warnings: Problem[] = model.plan.warnings.map((w) => ({
    file,
    ...read.locate(w.path),
    path: w.path,
    message: w.message,
    severity: 'warning',
  }));
  return { model, problems: sortProblems([...read.problems, ...warnings]) };
}
