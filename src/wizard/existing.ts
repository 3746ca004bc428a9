// An existing answers file as the wizard's starting point. A valid file gives its answers; a file with
// problems still gives its values (the wizard asks every question again, so it is a way to fix one); a file
// that is not YAML, or not a mapping, is refused with its problems.

import { parseDocument } from 'yaml';
import { parsePath, readAnswers } from '../answers/index.js';
import { InvalidInputError } from '../errors.js';
import { isObj, type Obj } from './scope.js';

export interface Existing {
  answers: Obj;
  /** How many errors the file has (0 for a valid file). */
  problems: number;
  /** Unknown keys left out (no question could ever fix them), as key paths. */
  dropped: string[];
}

export function loadExisting(bytes: Uint8Array, file: string): Existing {
  const read = readAnswers(bytes, file);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (read.answers && errors.length === 0) return { answers: plain(read.answers), problems: 0, dropped: [] };
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
  const answers = plain(values);
  const dropped: string[] = [];
  for (const p of errors) {
    if (!p.message.startsWith('unknown key') || !dropKey(answers, parsePath(p.path))) continue;
    dropped.push(p.path);
  }
  return { answers, problems: errors.length, dropped };
}

/** Deletes the key at `path` (an own key of a plain object); whether there was one. */
function dropKey(root: Obj, path: (string | number)[]): boolean {
  const last = path.at(-1);
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (typeof seg === 'number' ? !Array.isArray(node) : !isObj(node)) return false;
    node = (node as Record<string | number, unknown>)[seg];
  }
  if (typeof last !== 'string' || !isObj(node) || !Object.hasOwn(node, last)) return false;
  delete node[last];
  return true;
}

/** A copy made only of plain objects, arrays and scalars (no Map, Set, Date or prototype from the parser). */
function plain(value: unknown): Obj {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? undefined : v))) as Obj;
}
