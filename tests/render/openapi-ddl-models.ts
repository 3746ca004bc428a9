// Models for the openapi and ddl tests: answers files read with the validating reader, then planned.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readAnswers } from '../../src/answers/index.js';
import type { Model } from '../../src/derive/model.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';

const root = new URL('../../', import.meta.url);

/** The examples, the reference answers and the fixtures, as paths. */
export const EXAMPLES: readonly string[] = ['events', 'library', 'notes', 'payments', 'shop'].map((n) => new URL(`examples/${n}.yaml`, root).pathname);
export const REFERENCE = new URL('../shared/spec/payments.yaml', root).pathname;
export const FIXTURES = {
  allTypes: new URL('tests/fixtures/ddl/all-types.yaml', root).pathname,
  cycle: new URL('tests/fixtures/ddl/cycle.yaml', root).pathname,
  /** Entity and field names that split badly before NAMES-1..5 (IoTDevice, SensorReading4K, UserID, SKU, Person). */
  names: new URL('tests/fixtures/qa/awkward-names.yaml', root).pathname,
};

/** Reads, validates (any problem fails the test that asked) and plans one answers file. */
export function modelOf(path: string, edit?: (text: string) => string): Model {
  const text = edit ? edit(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8');
  const read = readAnswers(text, basename(path));
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (!read.answers || errors.length > 0) {
    throw new Error(`${path} is not valid:\n${errors.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`);
  }
  return plan(normalise(read.answers, basename(path)));
}
