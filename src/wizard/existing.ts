// An existing answers file as the wizard's starting point. A valid file gives its answers; a file with
// problems still gives its values (the wizard asks every question again, so it is a way to fix one); a file
// that is not YAML, or not a mapping, is refused with its problems.

import { parseDocument } from 'yaml';
import { readAnswers } from '../answers/index.js';
import { InvalidInputError } from '../errors.js';
import { isObj, type Obj } from './scope.js';

export interface Existing {
  answers: Obj;
  /** How many errors the file has (0 for a valid file). */
  problems: number;
}

export function loadExisting(bytes: Uint8Array, file: string): Existing {
  const read = readAnswers(bytes, file);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (read.answers && errors.length === 0) return { answers: plain(read.answers), problems: 0 };
  let values: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) throw new Error('not YAML');
    // A small alias budget: a file that expands beyond it is not one to start from.
    values = doc.toJS({ maxAliasCount: 100 });
  } catch {
    values = undefined;
  }
  if (!isObj(values)) throw new InvalidInputError(`${file} cannot be edited by the wizard; fix it by hand or start a new file`, errors);
  return { answers: plain(values), problems: errors.length };
}

/** A copy made only of plain objects, arrays and scalars (no Map, Set, Date or prototype from the parser). */
function plain(value: unknown): Obj {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? undefined : v))) as Obj;
}
