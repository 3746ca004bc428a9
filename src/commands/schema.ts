// archplan schema: the JSON Schema of the answers file, for editors and other tools.

import { answersSchema } from '../answers/index.js';
import { print, type Io } from './io.js';

export function runSchema(io: Io): number {
  print(io.stdout, JSON.stringify(answersSchema, null, 2));
  return 0;
}
