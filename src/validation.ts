// The pipeline's first half: answers text -> validated, resolved answers and every problem, the planning
// rules' warnings included. What `validate` runs: it loads none of the planning engine's other modules. Pure.

import { readAnswers } from './answers/index.js';
import type { PlanWarning } from './derive/model.js';
import { normalise, type ResolvedAnswers } from './derive/normalise.js';
import { planWarnings } from './derive/warnings.js';
import { sortProblems, type Problem } from './errors.js';

/** The resolved answers (null when any problem is an error) and every problem, warnings located in the file. */
export function validateAnswers(text: string | Uint8Array, file: string, source: string): { resolved: ResolvedAnswers | null; problems: Problem[] } {
  const checked = checkAnswers(text, file, source, (resolved) => ({ result: resolved, warnings: planWarnings(resolved) }));
  return { resolved: checked.result, problems: checked.problems };
}

/** Reads and checks the answers, then `decide`s on the resolved answers; its warnings are located in the file. */
export function checkAnswers<T>(
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
