// The compiled answers schema, kept alone in this module so its callers need not know how it was compiled.
// A build (scripts/build-validator.mjs) precompiles it with ajv standalone into answers-validator.cjs beside
// this module's compiled form: loading that takes a few milliseconds, where importing ajv and compiling takes
// well over a hundred. Without it (tests run from src/), or when it was compiled from another schema, ajv compiles
// the schema here on first use. Both give the same errors (tests/perf/validator.test.ts).

import type { ErrorObject } from 'ajv';
import { lazyRequire } from '../lazy-require.js';
import { answersSchema } from './schema.js';

/** Validates without touching the data: no removeAdditional, coerceTypes or useDefaults. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Named so bundlers leave it alone: a run-time require of files beside this module. scripts/bundle.mjs turns
// the default file's require into one esbuild follows, so the bundled CLI carries the validator inside.
const requireHere = lazyRequire(import.meta.url);

/** The precompiled validator at `file` when it exists and was compiled from this schema, else undefined. */
export function loadPrecompiled(file = './answers-validator.cjs'): SchemaValidator | undefined {
  let loaded: SchemaValidator & { schemaText?: unknown };
  try {
    loaded = requireHere(file) as SchemaValidator & { schemaText?: unknown };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  return loaded.schemaText === JSON.stringify(answersSchema) ? loaded : undefined;
}

/** Imports ajv and compiles the schema: the slow way, for when no precompiled validator fits. */
export function compileAtRunTime(): SchemaValidator {
  const { Ajv2020 } = requireHere('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020(AJV_OPTIONS).compile(answersSchema);
}

let compiled: SchemaValidator | undefined;

export function schemaErrors(data: unknown): ErrorObject[] {
  compiled ??= loadPrecompiled() ?? compileAtRunTime();
  const validate = compiled;
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
