// The fast way in for the common case: an answers file of plain YAML (mappings, lists, scalars; no aliases, tags,
// directives or merge keys) is read by simple-yaml.ts when it has the everyday shape (which also finds where each
// node starts, to place a problem), else with js-yaml (loaded then), about five times faster than the strict
// loader in load.ts, which keeps every node's position: for a file js-yaml read, the strict loader runs only to
// place a problem (or when this declines the text). They must agree: whatever this accepts, load.ts reads as the
// same value with no issue (tests/answers/plain-yaml.test.ts compares them on the examples and random edits).

import type * as JsYaml from 'js-yaml';
import { jsYamlLibrary } from '../yaml-library.js';
import { isPlain, MAX_DEPTH } from './limits.js';
import { AS_TEXT, coreScalar as coreValue, readSimpleYamlPlaced, type OffsetOf } from './simple-yaml.js';

/**
 * A tag (`!`, `!!str`) or directive (`%YAML`) anywhere a token may start: left to the strict loader, which
 * refuses the tags the answers file does not allow and words the rest its way. Also matches such characters
 * in prose after a blank (`"say !"`); those files only take the slower path.
 */
const NOT_PLAIN = /(?:^|[\s[{,])!|^%/m;

/** The schema js-yaml reads with, made when a file first needs it. */
let schema: JsYaml.Schema | undefined;

function jsYamlSchema(): JsYaml.Schema {
  if (schema !== undefined) return schema;
  const { defineMappingTag, defineScalarTag, FAILSAFE_SCHEMA, NOT_RESOLVED } = jsYamlLibrary();
  /**
   * Mappings as plain objects whose keys were text in the file. js-yaml resolves a key as any scalar (`0o17:` is
   * 15, `~:` null) and then names it by String(); the strict loader keeps the key's text. So a key that is not
   * text, and the keys the strict loader refuses (`<<`) or keeps apart (`__proto__`), make the load fail here.
   */
  const plainMap = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
    create: () => ({}),
    identify: (data) => data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype,
    addPair: (map, key, value) => {
      if (typeof key !== 'string') return 'a key that is not text';
      if (key === '<<' || key === '__proto__') return `the key ${key}`;
      map[key] = value;
      return '';
    },
    has: (map, key) => typeof key === 'string' && Object.hasOwn(map, key),
    keys: (map) => Object.keys(map),
    get: (map, key) => (typeof key === 'string' && Object.hasOwn(map, key) ? map[key] : null),
  });
  /**
   * Plain scalars resolved by the very tests of the `yaml` package's core schema, which the strict loader uses
   * (coreScalar in simple-yaml.ts), rather than js-yaml's own: js-yaml reads `1e400` as text where the strict
   * loader finds a number too large. A value the strict loader refuses (not finite, not a safe integer) is then
   * declined by isPlain.
   */
  const coreScalar = defineScalarTag<unknown>('tag:yaml.org,2002:core-scalar', {
    implicit: true,
    resolve: (source) => {
      const value = coreValue(source);
      return value === AS_TEXT ? NOT_RESOLVED : value;
    },
    identify: () => false,
  });
  schema = FAILSAFE_SCHEMA.withTags(plainMap, coreScalar);
  return schema;
}

/** The file's data when it is plain YAML the strict loader would accept as is; undefined otherwise. */
export function loadPlainYaml(text: string): Record<string, unknown> | undefined {
  return loadPlainYamlPlaced(text)?.value;
}

/**
 * loadPlainYaml, with where each node starts when the everyday-shape reader took the file (see OffsetOf); a file
 * js-yaml read has none (the strict loader places its problems).
 */
export function loadPlainYamlPlaced(text: string): { value: Record<string, unknown>; offsetOf?: OffsetOf } | undefined {
  const simple = readSimpleYamlPlaced(text);
  if (simple !== undefined) return simple;
  if (NOT_PLAIN.test(text)) return undefined;
  let value: unknown;
  try {
    // maxAliases 0: any alias throws (the strict loader counts them and refuses cycles); duplicate keys throw
    // too. The schema is YAML 1.2's core schema without merge keys, as the strict loader reads it.
    value = jsYamlLibrary().load(text, { schema: jsYamlSchema(), maxAliases: 0, maxDepth: MAX_DEPTH + 1 });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return isPlain(value) ? { value: value as Record<string, unknown> } : undefined;
}
