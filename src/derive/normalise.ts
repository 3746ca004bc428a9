// Answers -> resolved model, first half: defaults filled, resources expanded, names resolved. Pure.
// The planning rules (plan/) then add their decisions; see docs/rules.md.

import {
  CRUD_OPERATIONS, FRAMEWORKS,
  type AnswerEndpoint, type AnswerEntity, type AnswerField, type AnswerIntegration, type AnswerResource,
  type Answers, type Compute, type CrudOperation, type Cloud,
} from '../answers/answers.js';
import { aOrAn } from './plan/text.js';
import { pluralize, proseWords, resourceItemPath, resourcePath, tableName, toCamel, toKebab, toPascal, toSnake } from '../answers/names.js';
import { defaultStatus, reasonPhrase } from './http.js';
import { storageTerms } from './plan/storage.js';
import type {
  Assumption, DomainError, Endpoint, Entity, Field, Index, Integration, Model, Module, Names, PathParam,
  Requirements, ResponseBody, Stack,
} from './model.js';

/** The model before the planning rules: everything but `plan`. */
export type ResolvedAnswers = Omit<Model, 'plan'>;

const DEFAULT_TEAM_SIZE = 3;
const DEFAULT_COMPUTE: Record<Cloud, Compute> = { aws: 'ecs', gcp: 'cloud-run', azure: 'kubernetes', 'on-prem': 'kubernetes' };
const DEFAULT_TIMEOUT_MS = 5000;
const RELATIONAL = new Set(['postgresql', 'mysql', 'sqlite']);

export function names(word: string): Names {
  return { pascal: toPascal(word), camel: toCamel(word), snake: toSnake(word), kebab: toKebab(word), prose: proseWords(word) };
}

export function normalise(answers: Answers, source: string): ResolvedAnswers {
  const assumptions: Assumption[] = [];
  const assume = (key: string, value: string, reason: string): void => {
    assumptions.push({ key, value, reason });
  };

  const p = answers.project;
  // Accented letters keep their base letter in the slug (`Café` -> `cafe`), not a dropped one (`caf`): toKebab
  // folds them (NAMES-1).
  const slug = p.slug ?? (toKebab(p.name) || 'project');
  if (p.slug === undefined) assume('project.slug', slug, 'derived from the project name');
  const teamSize = p.team_size ?? DEFAULT_TEAM_SIZE;
  if (p.team_size === undefined) assume('project.team_size', String(teamSize), 'the default team size');

  const stack = resolveStack(answers, assume);
  const modulesOf = moduleIndex(answers);
  const entities = answers.entities.map((e) => resolveEntity(e, modulesOf.get(e.name) ?? '', storageTerms(stack.database).record));
  const lookup = entityLookup(entities);
  const byName = lookup.byName;
  const modules = resolveModules(answers, entities);
  for (const m of modules) for (const name of m.entities) {
    const entity = byName.get(name);
    if (entity && !entity.module) entity.module = m.name;
  }

  const defaultAuth = stack.auth === 'none' ? 'none' : 'user';
  const endpoints: Endpoint[] = [
    ...(answers.resources ?? []).flatMap((r, index) => expandResource(r, index, lookup, defaultAuth)),
    ...(answers.endpoints ?? []).map((e, index) => resolveEndpoint(e, index, lookup, defaultAuth, stack.queue !== 'none')),
  ];

  const errors: DomainError[] = (answers.errors ?? []).map((e) => ({
    name: e.name,
    status: e.status,
    title: reasonPhrase(e.status),
    message: e.message,
    when: e.when ?? '',
    usedBy: endpoints.filter((ep) => ep.errors.includes(e.name)).map((ep) => ep.id),
  }));
  const integrations = (answers.integrations ?? []).map((i) => resolveIntegration(i, endpoints, assume));

  const nf = answers.requirements?.non_functional ?? {};
  const requirements: Requirements = {
    functional: [...(answers.requirements?.functional ?? [])],
    latencyP95Ms: nf.latency_p95_ms ?? null,
    throughputRps: nf.throughput_rps ?? null,
    availability: nf.availability ?? '',
    dataRetention: nf.data_retention ?? '',
    compliance: [...(nf.compliance ?? [])],
  };

  return {
    source,
    project: {
      name: p.name,
      slug,
      summary: p.summary,
      platform: p.platform ?? '',
      teamSize,
      start: p.start ?? '',
      goals: [...(p.goals ?? [])],
    },
    requirements,
    stack,
    entities,
    endpoints,
    errors,
    integrations,
    modules,
    assumptions,
  };
}

function resolveStack(answers: Answers, assume: (k: string, v: string, r: string) => void): Stack {
  const s = answers.stack;
  const pick = <T extends string>(key: string, given: T | undefined, fallback: T, reason: string): T => {
    if (given !== undefined) return given;
    assume(`stack.${key}`, fallback, reason);
    return fallback;
  };
  const cloud = pick('cloud', s.cloud, 'aws', 'the default cloud');
  return {
    language: s.language,
    framework: pick('framework', s.framework, FRAMEWORKS[s.language][0] ?? 'none', `the default framework for ${s.language}`),
    architecture: pick('architecture', s.architecture, 'modular-monolith', 'the default architecture'),
    database: s.database,
    cache: pick('cache', s.cache, 'none', 'no cache unless one is chosen'),
    queue: pick('queue', s.queue, 'none', 'no queue unless one is chosen'),
    cloud,
    compute: pick('compute', s.compute, DEFAULT_COMPUTE[cloud], `the default compute on ${cloud}`),
    iac: pick('iac', s.iac, 'terraform', 'the default infrastructure-as-code tool'),
    auth: pick('auth', s.auth, 'jwt', 'the default authentication'),
    observability: s.observability ? [...s.observability] : defaultObservability(assume),
    relational: RELATIONAL.has(s.database),
  };
}

function defaultObservability(assume: (k: string, v: string, r: string) => void): string[] {
  assume('stack.observability', 'opentelemetry', 'the default observability');
  return ['opentelemetry'];
}

function moduleIndex(answers: Answers): Map<string, string> {
  const index = new Map<string, string>();
  for (const m of answers.modules ?? []) for (const e of m.entities) if (!index.has(e)) index.set(e, m.name);
  return index;
}

/**
 * MOD-1: the entity that names a derived module: the one the group's other members reference most (by
 * reference fields, a self-reference not counted), ties by answer order. A ride-sharing group of Rider,
 * Driver, Vehicle, Trip, Payment... is `trips`, the entity the others hang off, not `drivers` for coming first.
 */
function groupRoot(members: readonly string[], byName: ReadonlyMap<string, Entity>): string {
  const inGroup = new Set(members);
  const incoming = new Map(members.map((n) => [n, 0]));
  for (const n of members) for (const f of byName.get(n)?.fields ?? []) {
    if (f.references && f.references !== n && inGroup.has(f.references)) incoming.set(f.references, (incoming.get(f.references) ?? 0) + 1);
  }
  let root = members[0]!;
  for (const n of members) if ((incoming.get(n) ?? 0) > (incoming.get(root) ?? 0)) root = n;
  return root;
}

/**
 * Declared modules first; entities no module names are grouped by the references that connect them
 * (one module per connected group, named after its root, MOD-1), groups in the answer order of their first entity.
 */
function resolveModules(answers: Answers, entities: Entity[]): Module[] {
  const declared: Module[] = (answers.modules ?? []).map((m) => ({
    name: m.name,
    description: m.description ?? '',
    entities: [...m.entities],
    origin: 'declared',
  }));
  const loose = entities.filter((e) => !e.module);
  if (loose.length === 0) return declared;

  const looseNames = new Set(loose.map((e) => e.name));
  const parent = new Map(loose.map((e) => [e.name, e.name]));
  const position = new Map(loose.map((e, i) => [e.name, i]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  for (const e of loose) for (const f of e.fields) {
    if (f.references && looseNames.has(f.references)) {
      const a = find(e.name);
      const b = find(f.references);
      // The earlier entity in answer order names the group.
      if (a !== b) {
        if ((position.get(a) ?? 0) < (position.get(b) ?? 0)) parent.set(b, a);
        else parent.set(a, b);
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const e of loose) {
    const root = find(e.name);
    groups.set(root, [...(groups.get(root) ?? []), e.name]);
  }
  const taken = new Set(declared.map((m) => m.name));
  const derived: Module[] = [];
  const byName = new Map(loose.map((e) => [e.name, e]));
  for (const members of groups.values()) {
    const root = groupRoot(members, byName);
    let name = toKebab(pluralize(root));
    for (let n = 2; taken.has(name); n++) name = `${toKebab(pluralize(root))}-${n}`;
    taken.add(name);
    derived.push({
      name,
      description: members.length > 1 ? `${members.join(', ')}, connected by references` : '',
      entities: members,
      origin: 'derived',
    });
  }
  return [...declared, ...derived];
}

/** `record`: what the database calls one stored entity (STORE-1: row, document, item, node), for the generated fields' descriptions. */
function resolveEntity(e: AnswerEntity, module: string, record: string): Entity {
  const timestamps = e.timestamps ?? false;
  const softDelete = e.soft_delete ?? false;
  const declared = e.fields.map(resolveField);
  const fields: Field[] = [];
  if (!declared.some((f) => f.primary)) {
    fields.push({ ...blankField('id', 'uuid'), primary: true, required: true, generated: 'primary', description: 'Primary key' });
  }
  fields.push(...declared);
  const has = (name: string): boolean => fields.some((f) => f.name === name);
  if (timestamps) {
    if (!has('created_at')) fields.push({ ...blankField('created_at', 'datetime'), required: true, generated: 'timestamp', description: `When the ${record} was created` });
    if (!has('updated_at')) fields.push({ ...blankField('updated_at', 'datetime'), required: true, generated: 'timestamp', description: `When the ${record} was last changed` });
  }
  if (softDelete && !has('deleted_at')) {
    fields.push({ ...blankField('deleted_at', 'datetime'), generated: 'soft-delete', description: `When the ${record} was soft-deleted; empty while live` });
  }
  const primary = fields.find((f) => f.primary);
  const table = tableName(e.name);
  const indexes: Index[] = (e.indexes ?? []).map((ix) => ({
    name: indexName(table, ix.fields, ix.unique ?? false),
    fields: [...ix.fields],
    unique: ix.unique ?? false,
    origin: 'declared',
    reason: 'declared in the answers',
  }));
  return {
    name: e.name,
    description: e.description ?? '',
    names: names(e.name),
    plural: names(pluralize(e.name)),
    table,
    basePath: resourcePath(e.name),
    timestamps,
    softDelete,
    primaryKey: primary?.name ?? 'id',
    fields,
    indexes,
    module,
  };
}

export function indexName(table: string, fields: readonly string[], unique: boolean): string {
  return `${table}_${fields.join('_')}_${unique ? 'key' : 'idx'}`;
}

function blankField(name: string, type: Field['type']): Field {
  return {
    name, type, required: false, unique: false, primary: false, generated: '', default: null,
    min: null, max: null, maxLength: null, pattern: '', values: [], description: '', references: '', onDelete: '',
  };
}

function resolveField(f: AnswerField): Field {
  const primary = f.primary ?? false;
  return {
    ...blankField(f.name, f.type),
    // A primary key is always present; a reference defaults to restrict so deletes never orphan rows silently.
    required: primary || (f.required ?? false),
    unique: !primary && (f.unique ?? false),
    primary,
    default: f.default ?? null,
    min: f.min ?? null,
    max: f.max ?? null,
    maxLength: f.max_length ?? null,
    pattern: f.pattern ?? '',
    values: f.type === 'enum' ? [...(f.values ?? [])] : [],
    description: f.description ?? '',
    references: f.references ?? '',
    onDelete: f.references ? (f.on_delete ?? 'restrict') : '',
  };
}

const OPERATION_SUMMARY: Record<CrudOperation, (singular: string, plural: string) => string> = {
  list: (_s, p) => `List ${p}`,
  get: (s) => `Get one ${s}`,
  create: (s) => `Create ${article(s)} ${s}`,
  update: (s) => `Update ${article(s)} ${s}`,
  delete: (s) => `Delete ${article(s)} ${s}`,
};

function article(word: string): string {
  return aOrAn(word);
}

function words(pascal: string): string {
  return proseWords(pascal);
}

function expandResource(r: AnswerResource, index: number, lookup: EntityLookup, defaultAuth: string): Endpoint[] {
  const entity = lookup.byName.get(r.entity);
  if (!entity) return [];
  const base = resourcePath(entity.name, r.base_path);
  const item = resourceItemPath(base, entity.primaryKey);
  // RES-1: a field the base path names as a parameter (`/tenants/{tenant_id}/vat-rates`) comes from the path,
  // never from the body too: a body value could contradict the path it was sent on.
  const fromPath = new Set([...base.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]));
  const writable = entity.fields.filter((f) => !f.primary && !f.generated && !fromPath.has(f.name)).map((f) => f.name);
  const ops = CRUD_OPERATIONS.filter((op) => r.operations.includes(op));
  return ops.map((op): Endpoint => {
    const method = ({ list: 'GET', get: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' } as const)[op];
    const path = op === 'list' || op === 'create' ? base : item;
    const response: ResponseBody =
      op === 'list' ? { kind: 'page', entity: entity.name } : op === 'delete' ? { kind: 'none' } : { kind: 'entity', entity: entity.name };
    return {
      id: `${method} ${path}`,
      method,
      path,
      summary: OPERATION_SUMMARY[op](words(entity.name), words(pluralize(entity.name))),
      auth: r.auth ?? defaultAuth,
      entity: entity.name,
      request: (op === 'create' || op === 'update') && writable.length > 0 ? { kind: 'fields', fields: writable } : { kind: 'none' },
      response,
      status: defaultStatus(method),
      errors: [],
      integrations: [],
      paginated: op === 'list',
      rateLimit: '',
      pathParams: pathParams(path, lookup),
      origin: { kind: 'resource', operation: op, index },
      handler: '',
      service: '',
      errorStates: [],
      idempotencyKey: '',
    };
  });
}

function resolveEndpoint(e: AnswerEndpoint, index: number, lookup: EntityLookup, defaultAuth: string, queued: boolean): Endpoint {
  const entity = e.entity ?? '';
  const paginated = e.paginated ?? false;
  const status = e.status ?? defaultStatus(e.method);
  const params = pathParams(e.path, lookup);
  // RES-3: a 202 POST that inserts (no path parameter names its own entity) with a queue is stored later by the
  // consumer (SVC-10): the answer has no row to return yet, so by default it carries no body, not the entity.
  const deferredInsert = queued && status === 202 && e.method === 'POST' && entity !== '' && !params.some((p) => p.entity === entity);
  let response: ResponseBody;
  const target = e.response ?? (status === 204 || deferredInsert ? 'none' : entity);
  if (!target || target === 'none') response = { kind: 'none' };
  else response = paginated ? { kind: 'page', entity: target } : { kind: 'entity', entity: target };
  return {
    id: `${e.method} ${e.path}`,
    method: e.method,
    path: e.path,
    summary: e.summary ?? '',
    auth: e.auth ?? defaultAuth,
    entity,
    // RES-2: an empty field list sends no body, as an absent one does (never an empty `{ }` request type).
    request: e.request === undefined || e.request.length === 0 ? { kind: 'none' } : e.request === 'raw' ? { kind: 'raw' } : { kind: 'fields', fields: [...e.request] },
    response,
    status,
    errors: [...(e.errors ?? [])],
    integrations: [...(e.integrations ?? [])],
    paginated,
    rateLimit: e.rate_limit ?? '',
    pathParams: params,
    origin: { kind: 'endpoint', index },
    handler: '',
    service: '',
    errorStates: [],
    idempotencyKey: '',
  };
}

/** Which entity a path segment or parameter name points at, looked up instead of searched. */
export interface EntityLookup {
  byName: Map<string, Entity>;
  /** Collection segment (`payments`, `user-roles`, `user_roles`) -> entity, the first in answer order. */
  byCollection: Map<string, Entity>;
  /** Parameter name (`payment_id`, `paymentId`) -> entity, the first in answer order. */
  byParam: Map<string, Entity>;
  /** Answer order, to prefer the earlier of two matches. */
  position: Map<string, number>;
}

export function entityLookup(entities: readonly Entity[]): EntityLookup {
  const lookup: EntityLookup = { byName: new Map(), byCollection: new Map(), byParam: new Map(), position: new Map() };
  const first = (map: Map<string, Entity>, key: string, e: Entity): void => {
    if (!map.has(key)) map.set(key, e);
  };
  entities.forEach((e, i) => {
    first(lookup.byName, e.name, e);
    lookup.position.set(e.name, i);
    first(lookup.byCollection, e.plural.kebab, e);
    first(lookup.byCollection, e.table, e);
    first(lookup.byParam, `${e.names.snake}_id`, e);
    first(lookup.byParam, `${e.names.camel}Id`, e);
  });
  return lookup;
}

/**
 * A path parameter identifies an entity when the segment before it is that entity's collection
 * (`/payments/{id}`) or when it is named `<entity>_id` (`{payment_id}`); the earlier entity wins a tie.
 */
export function pathParams(path: string, lookup: EntityLookup): PathParam[] {
  const segments = path.split('/');
  const params: PathParam[] = [];
  segments.forEach((segment, i) => {
    const m = /^\{([^{}]+)\}$/.exec(segment);
    if (!m?.[1]) return;
    const name = m[1];
    const candidates = [lookup.byCollection.get(segments[i - 1] ?? ''), lookup.byParam.get(name)].filter((e): e is Entity => e !== undefined);
    candidates.sort((a, b) => (lookup.position.get(a.name) ?? 0) - (lookup.position.get(b.name) ?? 0));
    params.push({ name, entity: candidates[0]?.name ?? '' });
  });
  return params;
}

function resolveIntegration(i: AnswerIntegration, endpoints: Endpoint[], assume: (k: string, v: string, r: string) => void): Integration {
  const key = `integrations.${i.name}`;
  const idempotent = i.idempotent ?? false;
  if (i.timeout_ms === undefined) assume(`${key}.timeout_ms`, String(DEFAULT_TIMEOUT_MS), 'a bounded default timeout for every outbound call');
  // Retrying a call that is not idempotent could charge or send twice, so the default retries only idempotent calls.
  const retry = i.retry ?? (idempotent ? 'exponential' : 'none');
  if (i.retry === undefined) assume(`${key}.retry`, retry, idempotent ? 'the call is idempotent, so retries are safe' : 'the call is not idempotent, so it is not retried');
  return {
    name: i.name,
    purpose: i.purpose ?? '',
    protocol: i.protocol ?? 'https',
    auth: i.auth ?? 'none',
    timeoutMs: i.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    retry,
    idempotent,
    rateLimit: i.rate_limit ?? '',
    usedBy: endpoints.filter((e) => e.integrations.includes(i.name)).map((e) => e.id),
  };
}
