// archplan resolve <answers>: the resolved model as JSON, the data contract of every template.

import { problemLine } from '../reporters/text.js';
import { colors, print, type Io } from './io.js';
import { loadModel } from './load.js';

export function runResolve(file: string, io: Io): number {
  const { model, problems } = loadModel(file, io.cwd);
  // Warnings on standard error, as every command that reads answers prints them; the JSON alone on standard output.
  const c = colors(io.stderr, io.env);
  for (const p of problems) print(io.stderr, problemLine(p, c));
  print(io.stdout, JSON.stringify(model, null, 2));
  return 0;
}
