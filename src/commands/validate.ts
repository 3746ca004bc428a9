// archplan validate <answers> [--json]: every problem at once, or "valid".

import { basename } from 'node:path';
import { validateAnswers } from '../validation.js';
import { errorCount, problemsSummary } from '../errors.js';
import { colors, print, type Io } from './io.js';
import { readInputFile } from './read-input.js';
import { problemCommand } from '../reporters/github.js';
import { problemLine } from '../reporters/text.js';
import { count } from '../derive/plan/text.js';

export interface ValidateOptions {
  json?: boolean;
  /** `github`: the problems also as GitHub Actions workflow commands on standard output. */
  reporter?: 'text' | 'github';
}

export function runValidate(file: string, options: ValidateOptions, io: Io): number {
  const { resolved, problems } = validateAnswers(readInputFile(file, io.cwd), file, basename(file));
  const failed = resolved === null;
  if (options.json) {
    print(io.stdout, JSON.stringify(problems, null, 2));
    return failed ? 1 : 0;
  }
  if (options.reporter === 'github') for (const p of problems) print(io.stdout, problemCommand(p));
  const c = colors(io.stderr, io.env);
  for (const p of problems) {
    print(io.stderr, problemLine(p, c));
  }
  if (failed) {
    const errors = errorCount(problems);
    print(io.stderr, problemsSummary(`${file} is not valid`, errors, `nothing is generated until ${errors === 1 ? 'it is' : 'they are'} fixed`));
    return 1;
  }
  const m = resolved;
  // The warnings went to standard error: say so here, where a reader of standard output looks.
  const warnings = problems.length > 0 ? `; ${count(problems.length, 'warning', 'warnings')} (see above)` : '';
  print(
    io.stdout,
    colors(io.stdout, io.env).green(`${file} is valid: `) +
      `${count(m.entities.length, 'entity', 'entities')}, ${count(m.endpoints.length, 'endpoint', 'endpoints')}, ${count(m.errors.length, 'error', 'errors')}, ${count(m.integrations.length, 'integration', 'integrations')}${warnings}.`,
  );
  return 0;
}
