// Random valid answers for property tests of the ddl and openapi formats: reserved words as names, every
// field type, constraints and defaults that fit their type, references (self, forward, cycles), and
// descriptions and enum values written to break out of literals and comments.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readAnswers } from '../../src/answers/index.js';
import type { Model } from '../../src/derive/model.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';

const ENTITY_NAMES = ['User', 'Order', 'Group', 'Select', 'Table', 'Item', 'Where', 'Key'];
const FIELD_NAMES = ['order', 'group', 'select', 'from', 'where', 'key', 'table', 'user', 'name', 'value', 'limit', 'offset',
  'index', 'check', 'default', 'column', 'values', 'primary', 'desc', 'count', 'amount', 'title', 'status', 'note'];
const HOSTILE = ["it's", 'back\\slash', 'line\nDROP TABLE users; --', "'); DROP TABLE x; --", '*/ -- /*', 'ünïcødé', '#x', 'no', '`tick`', '"dq"'];
const TEXT_TYPES = ['string', 'text', 'email', 'url'] as const;
const TYPES = ['string', 'text', 'integer', 'bigint', 'decimal', 'boolean', 'uuid', 'date', 'datetime', 'json', 'email', 'url', 'enum'] as const;

type Obj = Record<string, unknown>;

const fieldArb = (name: string): fc.Arbitrary<Obj> => fc.record({
  type: fc.constantFrom(...TYPES),
  required: fc.boolean(),
  unique: fc.boolean(),
  hasDefault: fc.boolean(),
  bounds: fc.tuple(fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined })),
  maxLength: fc.option(fc.integer({ min: 12, max: 300 }), { nil: undefined }),
  pattern: fc.option(fc.constantFrom('^[a-z]+$', "^[A-Z]{2}\\d{3}$", "^it's$"), { nil: undefined }),
  values: fc.uniqueArray(fc.constantFrom('a', ...HOSTILE), { minLength: 1, maxLength: 4 }),
  description: fc.option(fc.constantFrom(...HOSTILE), { nil: undefined }),
  pick: fc.nat(),
}).map((r) => {
  const f: Obj = { name, type: r.type };
  if (r.required) f.required = true;
  // MySQL cannot index a JSON column at all: no unique json.
  if (r.unique && r.type !== 'json') f.unique = true;
  if (r.description !== undefined) f.description = r.description;
  const [lo, hi] = r.bounds;
  const min = lo !== undefined && hi !== undefined ? Math.min(lo, hi) : lo;
  const max = lo !== undefined && hi !== undefined ? Math.max(lo, hi) : hi;
  if (r.type === 'integer' || r.type === 'bigint' || r.type === 'decimal') {
    if (min !== undefined) f.min = min;
    if (max !== undefined) f.max = max;
    if (r.hasDefault) f.default = min ?? max ?? 0;
  } else if ((TEXT_TYPES as readonly string[]).includes(r.type)) {
    if (r.maxLength !== undefined) f.max_length = r.maxLength;
    if (r.pattern !== undefined && r.type !== 'email' && r.type !== 'url') f.pattern = r.pattern;
    else if (r.hasDefault) {
      f.default = HOSTILE[r.pick % HOSTILE.length];
      // A default must fit the field's own max_length (validation refuses it otherwise).
      const length = [...String(f.default)].length;
      if (typeof f.max_length === 'number' && f.max_length < length) f.max_length = length;
    }
  } else if (r.type === 'enum') {
    f.values = r.values;
    if (r.hasDefault) f.default = r.values[r.pick % r.values.length];
  } else if (r.hasDefault) {
    f.default = ({
      boolean: r.pick % 2 === 0, uuid: '00000000-0000-4000-8000-000000000000', date: '2026-01-05',
      datetime: '2026-01-05 10:00:00+00', json: ['{}', '[1,2]', 'abc', 5, true][r.pick % 5],
    } as Obj)[r.type];
  }
  return f;
});

const entityArb = (name: string, all: string[]): fc.Arbitrary<Obj> => fc.record({
  names: fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { minLength: 1, maxLength: 5 }),
  timestamps: fc.boolean(),
  softDelete: fc.boolean(),
  description: fc.option(fc.constantFrom(...HOSTILE), { nil: undefined }),
  refs: fc.array(fc.record({ to: fc.constantFrom(...all), required: fc.boolean(), onDelete: fc.constantFrom('restrict', 'cascade', 'set-null') }), { maxLength: 2 }),
  index: fc.boolean(),
}).chain((r) => fc.tuple(...r.names.map(fieldArb)).map((fields) => {
  const refs = r.refs.map((ref, i) => {
    const f: Obj = { name: `${ref.to.toLowerCase()}_ref_${i}`, type: 'uuid', references: ref.to };
    if (ref.onDelete === 'set-null') f.on_delete = 'set-null';
    else {
      f.on_delete = ref.onDelete;
      if (ref.required && ref.to !== name) f.required = true;
    }
    return f;
  });
  const e: Obj = { name, fields: [...fields, ...refs] };
  if (r.description !== undefined) e.description = r.description;
  if (r.timestamps) e.timestamps = true;
  if (r.softDelete) e.soft_delete = true;
  const names = (e.fields as Obj[]).map((f) => f.name as string);
  if (r.index && names.length >= 2) e.indexes = [{ fields: names.slice(0, 2) }];
  return e;
}));

/** Answers (as an object) for 1 to 4 entities with reserved names; each resource gets list/get/create. */
export const answersArb: fc.Arbitrary<Obj> = fc.uniqueArray(fc.constantFrom(...ENTITY_NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map((n) => entityArb(n, names))))
  .map((entities) => ({
    version: 1,
    project: { name: 'Property', summary: "Random answers: it's a test" },
    stack: { language: 'go', database: 'postgresql' },
    entities,
    resources: entities.map((e) => ({ entity: e.name, operations: ['list', 'get', 'create', 'update', 'delete'] })),
  }));

/** Validated and planned; throws with the problems when the answers are not valid (a generator bug). */
export function planned(answers: Obj): Model {
  const text = stringify(answers);
  const read = readAnswers(text, 'property.yaml');
  if (!read.answers) throw new Error(`invalid generated answers:\n${read.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}\n${text}`);
  return plan(normalise(read.answers, 'property.yaml'));
}

/** Fixed seed: the same cases on every run, so a failure is reproducible and the suite stays deterministic. */
export const PROPERTY_RUNS = { seed: 20261125, numRuns: 40 } as const;
