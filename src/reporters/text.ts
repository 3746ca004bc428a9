// The reports a person reads in a terminal: problems as `file:line:col key.path: message`, drift as a status
// line per file and a unified diff, coloured only when the caller's chalk has colour.

import type { Colors } from '../commands/io.js';
import { formatProblem, type Problem } from '../errors.js';
// Only the type: drift.ts imports `diff`, which validate and generate must not load.
import type { DriftEntry } from '../output/drift.js';

export function problemLine(p: Problem, c: Colors): string {
  return p.severity === 'error' ? c.red(formatProblem(p)) : c.yellow(`${formatProblem(p)} (warning)`);
}

const LABEL: Record<DriftEntry['status'], string> = {
  unchanged: 'unchanged',
  changed: 'changed  ',
  missing: 'missing  ',
  stale: 'stale    ',
};

/** One block per drifted file: `changed  plans/x/blueprint.md: why`, then its diff. */
export function driftText(entries: readonly { path: string; entry: DriftEntry }[], c: Colors): string {
  const out: string[] = [];
  for (const { path, entry } of entries) {
    if (entry.status === 'unchanged') continue;
    const label = entry.status === 'stale' ? c.yellow(LABEL[entry.status]) : c.red(LABEL[entry.status]);
    out.push(`${label} ${path}: ${entry.note}`);
    if (entry.diff) out.push(colorDiff(entry.diff, c).replace(/\n$/, ''));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** Red removals, green additions, cyan hunk headers; unchanged when colour is off. */
export function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((l) =>
      l.startsWith('+++') || l.startsWith('---') ? c.bold(l) : l.startsWith('@@') ? c.cyan(l) : l.startsWith('+') ? c.green(l) : l.startsWith('-') ? c.red(l) : l,
    )
    .join('\n');
}
