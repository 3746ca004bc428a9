// The pure pipeline: answers text -> validated answers -> resolved model. No I/O.

import { readAnswers } from './answers/index.js';
import type { Model, PlanWarning } from './derive/model.js';
import { normalise, type ResolvedAnswers } from './derive/normalise.js';
import { plan, planWarnings } from './derive/plan.js';
import { sortProblems, type Problem } from './errors.js';

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

/**
 * What `validate` needs: the resolved answers and every problem, the planning rules' warnings included, without
 * deciding the rest of the plan.
 */
export function validateAnswers(text: string | Uint8Array, file: string, source: string): { resolved: ResolvedAnswers | null; problems: Problem[] } {
  const checked = checkAnswers(text, file, source, (resolved) => ({ result: resolved, warnings: planWarnings(resolved) }));
  return { resolved: checked.result, problems: checked.problems };
}

/** Reads and checks the answers, then `decide`s on the resolved answers; its warnings are located in the file. */
function checkAnswers<T>(
  text: string | Uint8Array,
  file: string,
  source: string,
  decide: (resolved: ResolvedAnswers) => { result: T; warnings: readonly PlanWarning[] },
): { result: T | null; problems: Problem[] } {
  const read = readAnswers(text, file);
  if (!read.answers) return { result: null, problems: read.problems };
  const { result, warnings } = decide(normalise(read.answers, source));
  const located: Problem[] = warnings.map((w) => ({
    file,
    ...read.locate(w.path),
    path: w.path,
    message: w.message,
    severity: 'warning',
  }));
  return { result, problems: sortProblems([...read.problems, ...located]) };
}
