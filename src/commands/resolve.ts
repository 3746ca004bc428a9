// archplan resolve <answers>: the resolved model as JSON, the data contract of every template.

import { print, type Io } from './io.js';
import { loadModel } from './load.js';

export function runResolve(file: string, io: Io): number {
  const { model } = loadModel(file, io.cwd);
  print(io.stdout, JSON.stringify(model, null, 2));
  return 0;
}
