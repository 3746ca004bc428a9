// The answers stage: text -> validated answers and every problem at once, each located. Pure.
// Three steps: load (YAML, strict), schema (shape), cross-references (names that must exist, be unique, fit).

import { sortProblems, type Problem } from '../errors.js';
import type { Answers } from './answers.js';
import { crossReferenceFindings } from './crossref.js';
import { loadYaml } from './load.js';
import { formatPath, parsePath } from './paths.js';
import { schemaErrors } from './schema-validator.js';
import { answersSchema as schemaObject } from './schema.js';
import { translateSchemaErrors, type Finding } from './schema-problems.js';
import { withDidYouMean } from './similar.js';

export type { Answers } from './answers.js';
export { MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES } from './load.js';
export { MAX_NAME_BYTES, PATTERNS } from './schema.js';
export { unsafeName, validateName, type NameKind } from './validate-name.js';
export { closest, didYouMean } from './similar.js';
export { formatPath, parsePath } from './paths.js';

type Suggestion = NonNullable<Finding['suggest']>;

/** Most problems reported; past it a last problem says how many more there are. */
export const MAX_PROBLEMS = 200;
/** Most raw errors of each step turned into messages and located; the rest are only counted (keeps huge files fast). */
const MAX_EXAMINED = 10 * MAX_PROBLEMS;

export interface ReadResult {
  /** The validated answers; null when any problem has severity 'error'. */
  answers: Answers | null;
  /** Every problem at once, sorted by position (sortProblems from src/errors.ts). */
  problems: Problem[];
  /** Line/column of a key path like `endpoints[0].errors[1]` (nearest existing node; 1:1 for the document). */
  locate(path: string): { line: number; col: number };
}

/** The JSON Schema object (for `archplan schema`). */
export const answersSchema: object = schemaObject;

/** Pure: parse + schema + cross-reference checks. `file` is the name to put in problems. */
export function readAnswers(text: string | Uint8Array, file: string): ReadResult {
  const loaded = loadYaml(text);
  const locate = (path: string): { line: number; col: number } => {
    const segments = parsePath(path);
    return segments.length === 0 && path === '' ? { line: 1, col: 1 } : loaded.position(loaded.offsetOf(segments));
  };
  const problems: Problem[] = loaded.issues.map((i) => ({
    file,
    ...loaded.position(i.offset),
    path: i.path,
    message: i.message,
    severity: 'error',
  }));
  if (loaded.value === undefined || problems.length > 0) {
    // Not checked further: the data has gaps where refused nodes were, and would report each problem twice.
    return { answers: null, problems: bound(problems), locate };
  }

  // ajv lists errors item by item, so the first ones examined are near the top of a long list.
  const raw = schemaErrors(loaded.value).filter((e) => e.keyword !== 'if');
  const crossReferences = crossReferenceFindings(loaded.value);
  const skipped = Math.max(0, raw.length - MAX_EXAMINED) + Math.max(0, crossReferences.length - MAX_EXAMINED);
  const references = crossReferences.slice(0, MAX_EXAMINED);
  // `references: note` is one mistake: "unknown entity "note" (did you mean "Note"?)" says it and its fix, so
  // the schema's "must be PascalCase" at the same node is not reported beside it.
  const unknownAt = new Set(references.filter((f) => f.suggest).map((f) => f.path.join('\u0000')));
  const findings: Finding[] = [
    ...translateSchemaErrors(raw.slice(0, MAX_EXAMINED), loaded.value).filter((f) => !(f.pattern && unknownAt.has(f.path.join('\u0000')))),
    ...references,
  ];
  const suggestions = new Map<Problem, Suggestion>();
  for (const f of findings) {
    const problem: Problem = {
      file,
      ...loaded.position(loaded.offsetOf(f.path, f.atKey ?? false)),
      path: formatPath(f.path),
      message: f.message,
      severity: 'error',
    };
    problems.push(problem);
    if (f.suggest) suggestions.set(problem, f.suggest);
  }
  const ok = skipped === 0 && !problems.some((p) => p.severity === 'error');
  return { answers: ok ? (loaded.value as Answers) : null, problems: bound(problems, skipped, suggestions), locate };
}

/** Sorted, and at most MAX_PROBLEMS of them plus a last one counting the rest (and those never examined). */
function bound(problems: Problem[], skipped = 0, suggestions = new Map<Problem, Suggestion>()): Problem[] {
  const sorted = sortProblems(problems);
  const kept = sorted.slice(0, MAX_PROBLEMS);
  // Suggestions are searched only now, for the problems reported; they can change the order of equal places.
  for (const p of kept) {
    const s = suggestions.get(p);
    if (s) p.message = withDidYouMean(p.message, s.name, s.candidates);
  }
  const out = suggestions.size > 0 ? sortProblems(kept) : kept;
  const rest = sorted.length - kept.length + skipped;
  if (rest === 0) return out;
  const last = sorted[Math.min(MAX_PROBLEMS, sorted.length - 1)]!;
  out.push({ file: last.file, line: last.line, col: last.col, path: '', message: `... ${rest} more ${rest === 1 ? 'problem' : 'problems'}`, severity: 'error', more: rest });
  return out;
}
