// The compiled answers schema, compiled once on first use. Kept alone in this module so a precompiled
// (ajv standalone) validator can replace the compile step without touching its callers.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { answersSchema } from './schema.js';

let compiled: ValidateFunction | undefined;

/** Validates without touching the data: no removeAdditional, coerceTypes or useDefaults. */
export function schemaErrors(data: unknown): ErrorObject[] {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    compiled = ajv.compile(answersSchema);
  }
  const validate = compiled;
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
