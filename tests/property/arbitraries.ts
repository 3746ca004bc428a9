// fast-check arbitraries: valid answers models built by construction (entities with references, resources,
// endpoints, errors, integrations, modules, every stack choice, hostile strings), and mutations that make one
// invalid in a known place.

import fc from 'fast-check';
import {
  ARCHITECTURES, AUTHS, CACHES, CLOUDS, COMPUTES, CRUD_OPERATIONS, DATABASES, FIELD_TYPES, FRAMEWORKS, HTTP_METHODS,
  IACS, LANGUAGES, QUEUES, RETRY_POLICIES, type Language,
} from '../../src/answers/answers.js';
import { ALL_TEXTS } from '../hardening/nasty.js';

/** Cases per property: 40 in `npm test`; FC_RUNS=2000 for the long run. */
export const RUNS = Number(process.env.FC_RUNS ?? 40);
/** A test timeout that grows with the runs (a case takes up to about a second on a slow machine). */
export const TIMEOUT = Math.max(60_000, RUNS * 1500);

/** Seeds fixed so a failure reproduces; FC_SEED and FC_RUNS for other seeds and the long run. */
export function configureFastCheck(): void {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 42), numRuns: RUNS });
}

/** Words a plan must never print by mistake (tests look for them); kept out of user text so a hit is ours. */
const LEAK_WORDS = /undefined|NaN|null|\[object/;

const SPECIAL = [
  ...ALL_TEXTS, '|', '`', '```', '~~~', '<!--', '-->', '*/', '/*', "'", '"', '--', ';', 'no', 'yes', 'on', 'off', 'y', '~',
  '0x1F', '0o17', '1e3', '.5', ':', '- ', '# ', '? x', '@at', '%', '{{x}}', '<%= it %>', '${x}', '\\', '\t', '\u2028', '\u00a0',
  'é', '日本語', '👍🏽', 'a\r\nb', ' lead', 'trail ', '$$', 'E\'x\'', 'DROP TABLE x; --',
];

/** Text a user might type, or one made to break some format. */
export const nasty: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...SPECIAL), { minLength: 2, maxLength: 4 }).map((p) => p.join(' ')) },
  )
  .filter((s) => !LEAK_WORDS.test(s));

/** Text the schema requires to be non-empty. */
export const nonEmpty = nasty.filter((s) => s !== '');

const ENTITY_NAMES = ['Note', 'User', 'OrderLine', 'Category', 'Box', 'Payment', 'Item'] as const;
const FIELD_NAMES = ['title', 'body', 'amount', 'status', 'price', 'count', 'flag', 'data', 'email', 'site', 'code', 'starts_on', 'seen_at'] as const;
const ERROR_NAMES = ['Conflict', 'Gone', 'TooMany', 'Declined'] as const;
const INTEGRATION_NAMES = ['Stripe', 'Mailer', 'Search engine'] as const;

type Obj = Record<string, unknown>;

function field(name: string): fc.Arbitrary<Obj> {
  return fc.constantFrom(...FIELD_TYPES.filter((t) => t !== 'uuid')).chain((type) => {
    const base = fc.record(
      { required: fc.boolean(), unique: fc.boolean(), description: nasty },
      { requiredKeys: [] },
    );
    const extra: fc.Arbitrary<Obj> =
      type === 'enum'
        ? fc.uniqueArray(nonEmpty, { minLength: 1, maxLength: 4 }).chain((values) =>
            fc.record({ values: fc.constant(values), default: fc.constantFrom(...values) }, { requiredKeys: ['values'] }),
          )
        : type === 'integer' || type === 'bigint'
          ? fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(1000)).map(([min, span]) => ({ min, max: min + span }))
          : type === 'string' || type === 'text'
            ? fc.record({ max_length: fc.integer({ min: 1, max: 500 }), default: nasty }, { requiredKeys: [] }).map((r) =>
                typeof r.default === 'string' && r.max_length !== undefined && [...r.default].length > r.max_length ? { max_length: r.max_length } : r,
              )
            : type === 'boolean'
              ? fc.record({ default: fc.boolean() }, { requiredKeys: [] })
              : fc.constant({});
    return fc.tuple(base, extra).map(([b, e]) => ({ name, type, ...b, ...e }));
  });
}

/** Entities, each with fields of every type, some referencing earlier entities (uuid foreign keys). */
const entities: fc.Arbitrary<Obj[]> = fc
  .uniqueArray(fc.constantFrom(...ENTITY_NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name, i) =>
        fc
          .record({
            description: nasty,
            timestamps: fc.boolean(),
            soft_delete: fc.boolean(),
            fields: fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { minLength: 1, maxLength: 5 }).chain((fs) => fc.tuple(...fs.map(field))),
            refs: fc.subarray(names.slice(0, i)),
            onDelete: fc.constantFrom('restrict', 'cascade', 'set-null'),
            indexed: fc.boolean(),
          })
          .map(({ refs, onDelete, indexed, fields, ...rest }) => {
            const refFields = refs.map((target) => ({
              name: `${target.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()}_id`,
              type: 'uuid',
              references: target,
              on_delete: onDelete,
              required: onDelete !== 'set-null',
            }));
            const all = [...fields, ...refFields];
            return {
              name,
              ...rest,
              fields: all,
              ...(indexed ? { indexes: [{ fields: [String(all[0]!.name)], unique: false }] } : {}),
            };
          }),
      ),
    ),
  );

const stack: fc.Arbitrary<Obj> = fc.constantFrom(...LANGUAGES).chain((language: Language) =>
  fc.record(
    {
      language: fc.constant(language),
      framework: fc.constantFrom(...FRAMEWORKS[language]),
      architecture: fc.constantFrom(...ARCHITECTURES),
      database: fc.constantFrom(...DATABASES),
      cache: fc.constantFrom(...CACHES),
      queue: fc.constantFrom(...QUEUES),
      cloud: fc.constantFrom(...CLOUDS),
      compute: fc.constantFrom(...COMPUTES),
      iac: fc.constantFrom(...IACS),
      auth: fc.constantFrom(...AUTHS),
      observability: fc.uniqueArray(nonEmpty, { maxLength: 3 }),
    },
    { requiredKeys: ['language', 'database'] },
  ),
);

/** A valid answers model: the names it uses exist, lists hold no duplicates, routes are unique. */
export const validAnswers: fc.Arbitrary<Obj> = fc
  .record({
    project: fc.record(
      {
        name: nonEmpty.map((s) => s.slice(0, 100)),
        summary: nonEmpty,
        platform: nasty,
        team_size: fc.integer({ min: 1, max: 1000 }),
        goals: fc.uniqueArray(nonEmpty, { maxLength: 3 }),
      },
      { requiredKeys: ['name', 'summary'] },
    ),
    requirements: fc.option(
      fc.record({
        functional: fc.uniqueArray(nonEmpty, { maxLength: 3 }),
        non_functional: fc.record(
          { latency_p95_ms: fc.integer({ min: 1, max: 10_000 }), throughput_rps: fc.integer({ min: 1, max: 100_000 }), availability: fc.constantFrom('99', '99.9', '99.99'), data_retention: nasty, compliance: fc.uniqueArray(nonEmpty, { maxLength: 2 }) },
          { requiredKeys: [] },
        ),
      }),
      { nil: undefined },
    ),
    stack,
    entities,
    errors: fc.uniqueArray(fc.constantFrom(...ERROR_NAMES), { maxLength: 3 }).chain((names) =>
      fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), status: fc.integer({ min: 400, max: 599 }), message: nonEmpty, when: nasty }, { requiredKeys: ['name', 'status', 'message'] }))),
    ),
    integrations: fc.uniqueArray(fc.constantFrom(...INTEGRATION_NAMES), { maxLength: 2 }).chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.record(
            { name: fc.constant(name), purpose: nasty, protocol: nasty, auth: nasty, timeout_ms: fc.integer({ min: 1, max: 600_000 }), retry: fc.constantFrom(...RETRY_POLICIES), idempotent: fc.boolean(), rate_limit: fc.constantFrom('100/s', '6000/min', '10/h') },
            { requiredKeys: ['name'] },
          ),
        ),
      ),
    ),
    withModule: fc.option(nasty, { nil: undefined }),
    endpointSeeds: fc.array(
      fc.record({ method: fc.constantFrom(...HTTP_METHODS), item: fc.boolean(), summary: nasty, auth: fc.constantFrom('none', 'user', 'admin', 'editor'), paginated: fc.boolean(), pick: fc.nat(), request: fc.constantFrom('fields', 'raw', 'none'), errorMask: fc.nat(7), integrationMask: fc.nat(3) }),
      { maxLength: 4 },
    ),
    resourceOps: fc.subarray([...CRUD_OPERATIONS], { minLength: 1 }),
  })
  .map(({ withModule, endpointSeeds, resourceOps, requirements, errors, integrations, ...rest }) => {
    const ents = rest.entities;
    const entity = ents[0]!;
    const errorNames = errors.map((e) => String(e.name));
    const integrationNames = integrations.map((g) => String(g.name));
    const endpoints = endpointSeeds.map((s, i) => {
      const target = ents[s.pick % ents.length]!;
      const fieldNames = (target.fields as Obj[]).map((f) => String(f.name));
      return {
        method: s.method,
        path: s.item ? `/ep${i}/{id}` : `/ep${i}`,
        summary: s.summary,
        auth: s.auth,
        entity: target.name,
        ...(s.request === 'fields' ? { request: fieldNames.slice(0, 2) } : s.request === 'raw' ? { request: 'raw' } : {}),
        ...(s.method === 'GET' && !s.item ? { paginated: s.paginated } : {}),
        errors: errorNames.filter((_, k) => (s.errorMask >> k) & 1),
        integrations: integrationNames.filter((_, k) => (s.integrationMask >> k) & 1),
      };
    });
    return {
      version: 1,
      ...rest,
      ...(requirements ? { requirements } : {}),
      resources: [{ entity: entity.name, operations: resourceOps }],
      endpoints,
      errors,
      integrations,
      ...(withModule !== undefined ? { modules: [{ name: 'core', description: withModule, entities: ents.map((e) => e.name) }] } : {}),
    };
  });

/** One change that makes a valid model invalid, and the key path its problem must name. */
export interface Mutation {
  name: string;
  path: string;
  apply(model: Obj): void;
}

const at = (model: Obj, key: string): Obj[] => model[key] as Obj[];

export const mutations: readonly Mutation[] = [
  { name: 'drop project.name', path: 'project', apply: (m) => void delete (m.project as Obj).name },
  { name: 'drop stack.database', path: 'stack', apply: (m) => void delete (m.stack as Obj).database },
  { name: 'drop a field type', path: 'entities[0].fields[0]', apply: (m) => void delete (at(m, 'entities')[0]!.fields as Obj[])[0]!.type },
  { name: 'wrong enum: stack.database', path: 'stack.database', apply: (m) => void ((m.stack as Obj).database = 'oracle') },
  { name: 'wrong enum: field type', path: 'entities[0].fields[0].type', apply: (m) => void ((at(m, 'entities')[0]!.fields as Obj[])[0]!.type = 'varchar') },
  { name: 'wrong type: team_size', path: 'project.team_size', apply: (m) => void ((m.project as Obj).team_size = 'many') },
  { name: 'unknown key', path: 'stack.cahce', apply: (m) => void ((m.stack as Obj).cahce = 'redis') },
  { name: 'rename a resource entity', path: 'resources[0].entity', apply: (m) => void (at(m, 'resources')[0]!.entity = 'Ghost') },
  {
    name: 'duplicate entity name',
    path: 'entities[1].name',
    apply: (m) => {
      const list = at(m, 'entities');
      list.splice(1, 0, { ...list[0]!, fields: [{ name: 'x', type: 'string' }] });
    },
  },
  { name: 'duplicate field name', path: 'entities[0].fields[1].name', apply: (m) => void (at(m, 'entities')[0]!.fields as Obj[]).splice(1, 0, { name: (at(m, 'entities')[0]!.fields as Obj[])[0]!.name, type: 'text' }) },
  { name: 'unknown error on an endpoint', path: 'endpoints[0].errors[0]', apply: (m) => void at(m, 'endpoints').unshift({ method: 'GET', path: '/mutated', errors: ['NoSuchError'] }) },
  { name: 'unknown reference', path: 'entities[0].fields[0].references', apply: (m) => void ((at(m, 'entities')[0]!.fields as Obj[])[0] = { name: 'ghost_id', type: 'uuid', references: 'Ghost' }) },
  { name: 'duplicate route', path: 'endpoints[1].path', apply: (m) => void at(m, 'endpoints').unshift({ method: 'GET', path: '/twice' }, { method: 'GET', path: '/twice' }) },
  { name: 'unsafe integration name', path: 'integrations[0].name', apply: (m) => void at(m, 'integrations').unshift({ name: '../escape' }) },
  { name: 'status out of range', path: 'errors[0].status', apply: (m) => void at(m, 'errors').unshift({ name: 'Teapot', status: 299, message: 'x' }) },
];
