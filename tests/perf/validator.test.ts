// The precompiled answers validator (ajv standalone, scripts/build-validator.mjs) and the one ajv compiles at
// run time must be the same validator: same verdict and the very same error objects, on valid and invalid input.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  AJV_OPTIONS, compileAtRunTime, loadPrecompiled, schemaErrors, type SchemaValidator,
} from '../../src/answers/schema-validator.js';
import { buildValidator } from '../../scripts/build-validator.mjs';

const root = new URL('../../', import.meta.url);
const examplesDir = new URL('examples/', root);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, value: parse(readFileSync(new URL(f, examplesDir), 'utf8')) as unknown }));

let dir: string;
let precompiled: SchemaValidator;
let runtime: SchemaValidator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archplan-validator-'));
  const file = await buildValidator({ outFile: join(dir, 'answers-validator.cjs'), options: AJV_OPTIONS });
  const loaded = loadPrecompiled(file);
  if (!loaded) throw new Error('the freshly built validator did not load (schemas/answers.schema.json out of date?)');
  precompiled = loaded;
  runtime = compileAtRunTime();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verdicts(data: unknown): { precompiled: unknown; runtime: unknown } {
  const a = precompiled(data);
  const aErrors = structuredClone(precompiled.errors ?? []);
  const b = runtime(data);
  const bErrors = structuredClone(runtime.errors ?? []);
  return { precompiled: { valid: a, errors: aErrors }, runtime: { valid: b, errors: bErrors } };
}

const clone = <T>(v: T): T => structuredClone(v);
const payments = (): any => clone(examples.find((e) => e.name === 'payments.yaml')!.value);

describe('precompiled answers validator', () => {
  it('accepts every bundled example, as the run-time one does', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      const v = verdicts(e.value);
      expect(v.precompiled, e.name).toEqual({ valid: true, errors: [] });
      expect(v.precompiled, e.name).toEqual(v.runtime);
    }
  });

  const invalid: Array<[string, (a: any) => void]> = [
    ['an unknown top-level key', (a) => (a.extra = 1)],
    ['a missing required key', (a) => delete a.project],
    ['a wrong version', (a) => (a.version = 2)],
    ['a language outside the enum', (a) => (a.stack.language = 'rust')],
    ['a framework of another language', (a) => (a.stack.framework = 'fastapi')],
    ['a name that is not PascalCase', (a) => (a.entities[0].name = 'customer')],
    ['values on a string field', (a) => (a.entities[0].fields[1].values = ['x'])],
    ['an enum field without values', (a) => delete a.entities[1].fields[4].values],
    ['min on a text field', (a) => (a.entities[0].fields[2].min = 1)],
    ['a number where text belongs', (a) => (a.project.name = 42)],
    ['duplicate items where they must be unique', (a) => (a.stack.observability = ['x', 'x'])],
    ['a bad rate limit and a bad status', (a) => Object.assign(a.endpoints[0], { rate_limit: 'fast', status: 404 })],
    ['a typo in an entity key', (a) => (a.entities[2].feilds = a.entities[2].fields)],
    ['an array where an object belongs', (a) => (a.stack = [])],
    ['not an object at all', (a) => Object.keys(a).forEach((k) => delete a[k])],
  ];
  for (const [what, mutate] of invalid) {
    it(`rejects ${what} with the run-time validator's very errors`, () => {
      const data = payments();
      mutate(data);
      const v = verdicts(data);
      expect((v.runtime as { valid: boolean }).valid).toBe(false);
      expect(v.precompiled).toEqual(v.runtime);
    });
  }

  it('agrees with the run-time validator on random edits of the payments example', () => {
    const paths: string[][] = [];
    const walk = (v: unknown, at: string[]): void => {
      paths.push(at);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...at, k]);
    };
    walk(payments(), []);
    let rejected = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, value) => {
        const data = payments();
        const path = paths[i]!;
        let node = data;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path[path.length - 1]!] = value;
        const v = verdicts(data);
        if (!(v.runtime as { valid: boolean }).valid) rejected++;
        expect(v.precompiled).toEqual(v.runtime);
      }),
      { seed: 9, numRuns: 300 },
    );
    // The edits must mostly break the file, or the agreement says little.
    expect(rejected).toBeGreaterThan(150);
  });

  it('is what schemaErrors uses to report (compiled at run time when running from src/)', () => {
    const data = payments();
    data.stack.language = 'rust';
    precompiled(data);
    expect(schemaErrors(data)).toEqual(precompiled.errors);
  });

  it('is refused when it was compiled from another schema', async () => {
    const other = join(dir, 'other.schema.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(other, JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }));
    const file = await buildValidator({ schemaFile: other, outFile: join(dir, 'other-validator.cjs'), options: AJV_OPTIONS });
    expect(loadPrecompiled(file)).toBeUndefined();
    expect(loadPrecompiled(join(dir, 'absent.cjs'))).toBeUndefined();
  });
});
