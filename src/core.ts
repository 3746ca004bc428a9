// The pure pipeline: answers text -> validated answers -> resolved model. No I/O.

import type { Model } from './derive/model.js';
import { plan } from './derive/plan.js';
import type { Problem } from './errors.js';
import { checkAnswers } from './validation.js';

export interface ResolveResult {
  /** null when any problem is an error. */
  model: Model | null;
  /** Errors, and the planning rules' warnings located in the file. */
  problems: Problem[];
}

/** `file` is the answers file as the user named it (for problems); `source` is its name for the plans' marker. */
export function resolveAnswers(text: string | Uint8Array, file: string, source: string): ResolveResult {
  const checked = checkAnswers(text, file, source, (resolved) => {
    const model = plan(resolved);
    return { result: model, warnings: model.plan.warnings };
  });
  return { model: checked.result, problems: checked.problems };
}
