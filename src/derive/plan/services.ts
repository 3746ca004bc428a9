// Services and their methods: signatures in the chosen language's idiom and ordered steps. Pure.
// Rules (docs/rules.md, "Handlers and services"):
// - SVC-1 one service per entity that endpoints touch (answer order), then one per group of entity-less
//   endpoints (order of first endpoint); a method per endpoint, in endpoint order.
// - SVC-2 signature: path parameters (typed from the primary key they name; uuid is UUID in Python), the
//   paging arguments of a list (Go `page PageRequest`, TypeScript `page: PageQuery`, Python `cursor, limit`), then the request: a
//   `<Handler>Request` type for field requests, raw bytes for `raw`; the result is the entity, `<Entity>Page`
//   for a page, nothing for an empty response.
// - SVC-3 steps, in this order, each only when it applies: validate input (ERR-400), authorize (ERR-401/403),
//   load the items the path names (ERR-404), check uniqueness (ERR-409), load rows the request references (ERR-404), map the declared errors, call each integration
//   (timeout, retry, idempotency key), persist in a transaction (or read), publish an event after the commit
//   when a queue is chosen, return.
// - SVC-4 a method is transactional when it writes an entity in the request and no step before the write leaves
//   its database (no 202 the consumer writes, no load from another service, no call the write waits for).
// - SVC-14 an insert with an idempotency key (ERR-409-IDEM) looks it up first: the same key and body replays the
//   first response, another body is the 409.
// - SVC-15 a raw-body POST that inserts an entity with a unique key dedupes its deliveries on it (webhooks are
//   delivered at least once): a redelivery is acknowledged again, not stored or acted on twice.
// - SVC-5 a service depends on the services of the entities it loads and on the integrations it calls.

import { toCamel, toPascal, toSnake } from '../../answers/names.js';
import type { DomainError, Endpoint, Entity, Integration, PublishedEvent, Service, ServiceMethod, Stack } from '../model.js';
import type { FieldType, Language } from '../../answers/answers.js';
import { declaredConflicts, idempotencyKeyOf, lookups, paramField, restrictingReferences, RETRY_TEXT, requestFields, uniqueWrites, validationTargets } from './errors.js';
import { eventAction, flat, flatAll, joinAnd, unique, uniqueSorted } from './text.js';
import { referrersTo } from './lookup.js';
import { sideEffectAfterCommit } from './after-commit.js';
import { includesAny } from './word-lists.js';

export { sideEffectAfterCommit };
import { storageTerms } from './storage.js';
import type { EndpointNames } from './handlers.js';
import { stackLabel } from '../catalog/technologies.js';

export interface ServiceContext {
  entities: ReadonlyMap<string, Entity>;
  integrations: ReadonlyMap<string, Integration>;
  errors: readonly DomainError[];
  stack: Stack;
}

interface Param {
  name: string;
  /** Field type of the key it carries; `string` when it names no entity. */
  type: FieldType;
}

const NUMERIC = new Set<FieldType>(['integer', 'bigint']);

/** Keywords, and the names the signatures themselves use, per language: a path parameter never takes them. */
const TAKEN: Record<Language, ReadonlySet<string>> = {
  go: new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var', 'ctx', 'in', 's', 'payload', 'page']),
  typescript: new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await', 'input', 'payload', 'page']),
  python: new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'data', 'payload', 'cursor', 'limit']),
};

/** Initialisms Go spells in capitals inside a name (golint): `tenantID`, `callbackURL`, as the structs' `TenantID`. */
const GO_INITIALISMS = new Set(['Id', 'Url', 'Uri', 'Api', 'Http', 'Https', 'Json', 'Sku', 'Uuid', 'Ip', 'Sql', 'Vat', 'Html', 'Xml', 'Uid', 'Guid']);

/** SVC-2: a camelCase Go argument with its later initialisms in capitals: `tenantId` -> `tenantID`. */
function goArg(camel: string): string {
  return camel.replace(/[A-Z][a-z]*/g, (w) => (GO_INITIALISMS.has(w) ? w.toUpperCase() : w));
}

/** A path parameter as an argument name in `lang`: camelCase (snake_case in Python), suffixed when the name is taken. */
export function argName(name: string, lang: Language): string {
  // The same few parameter names come back on every endpoint of an entity: each is worded once per language.
  const known = argNames[lang].get(name);
  if (known !== undefined) return known;
  const arg = argNameOf(name, lang);
  argNames[lang].set(name, arg);
  return arg;
}

const argNames: Record<Language, Map<string, string>> = { go: new Map(), typescript: new Map(), python: new Map() };

function argNameOf(name: string, lang: Language): string {
  const base = lang === 'python' ? toSnake(name) : lang === 'go' ? goArg(toCamel(name)) : toCamel(name);
  const safe = base === '' ? 'param' : /^[0-9]/.test(base) ? `p${base}` : base;
  if (!TAKEN[lang].has(safe)) return safe;
  return lang === 'python' ? `${safe}_` : `${safe}Param`;
}

function langType(t: FieldType, lang: Language): string {
  if (NUMERIC.has(t)) return lang === 'go' ? 'int64' : lang === 'typescript' ? 'number' : 'int';
  // Python's models type a uuid key as uuid.UUID (QA: `get_patient(self, id: str)` against a UUID model).
  if (lang === 'python' && t === 'uuid') return 'UUID';
  return lang === 'python' ? 'str' : 'string';
}

/** A list's paging arguments (SVC-2): one value in Go and TypeScript, cursor and limit in Python. */
function pageArgs(ep: Endpoint, lang: Language | 'blueprint'): string[] {
  if (!ep.paginated && ep.response.kind !== 'page') return [];
  switch (lang) {
    case 'go': return ['page PageRequest'];
    case 'typescript': return ['page: PageQuery'];
    case 'python': return ['cursor: str | None', 'limit: int'];
    case 'blueprint': return ['cursor: string', 'limit: integer'];
  }
}

/** The method's name in the language's case: Go exports PascalCase, Python snake_case, TypeScript camelCase. */
export function languageName(handler: string, lang: Language): string {
  return lang === 'go' ? toPascal(handler) : lang === 'python' ? toSnake(handler) : handler;
}

function paramsOf(ep: Endpoint, ctx: ServiceContext): Param[] {
  return ep.pathParams.map((p) => {
    const e = ctx.entities.get(p.entity);
    const key = paramField(e, p.name);
    return { name: p.name, type: key?.type ?? 'string' };
  });
}

export function inputType(ep: Endpoint, handler: string): string {
  return ep.request.kind === 'fields' ? `${toPascal(handler)}Request` : '';
}

export function outputType(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): string {
  const r = ep.response;
  if (r.kind === 'none') return 'void';
  const pascal = ctx.entities.get(r.entity)?.names.pascal ?? toPascal(r.entity);
  return r.kind === 'page' ? `${pascal}Page` : pascal;
}

/** SVC-2 in the language's idiom. */
export function signature(lang: Language, service: string, handler: string, ep: Endpoint, input: string, output: string, params: Param[]): string {
  const raw = ep.request.kind === 'raw';
  switch (lang) {
    case 'go': {
      const args = ['ctx context.Context', ...params.map((p) => `${argName(p.name, lang)} ${langType(p.type, lang)}`), ...pageArgs(ep, lang)];
      if (input) args.push(`in ${input}`);
      if (raw) args.push('payload []byte');
      const result = output === 'void' ? 'error' : `(*${output}, error)`;
      return `func (s *${service}) ${toPascal(handler)}(${args.join(', ')}) ${result}`;
    }
    case 'typescript': {
      const args = [...params.map((p) => `${argName(p.name, lang)}: ${langType(p.type, lang)}`), ...pageArgs(ep, lang)];
      if (input) args.push(`input: ${input}`);
      if (raw) args.push('payload: Buffer');
      return `${handler}(${args.join(', ')}): Promise<${output}>`;
    }
    case 'python': {
      const args = ['self', ...params.map((p) => `${argName(p.name, lang)}: ${langType(p.type, lang)}`), ...pageArgs(ep, lang)];
      if (input) args.push(`data: ${input}`);
      if (raw) args.push('payload: bytes');
      return `def ${toSnake(handler)}(${args.join(', ')}) -> ${output === 'void' ? 'None' : output}`;
    }
  }
}

/** Seed 003's `name(arg: Type) -> Type`, language-neutral: path parameters typed by their field type. */
export function blueprintSignature(handler: string, ep: Endpoint, input: string, output: string, params: Param[]): string {
  const args = [...params.map((p) => `${p.name}: ${p.type}`), ...pageArgs(ep, 'blueprint')];
  if (input) args.push(`data: ${input}`);
  if (ep.request.kind === 'raw') args.push('payload: bytes');
  return `${handler}(${args.join(', ')}) -> ${output}`;
}

const EVENT_VERB: Record<Endpoint['method'], string> = { GET: '', POST: 'created', PUT: 'replaced', PATCH: 'updated', DELETE: 'deleted' };

/** A path that ends in a parameter: `/x/{id}`, `/x/{id}/`. */
const ENDS_WITH_PARAM = /\}\/?$/;

/**
 * SVC-6: what a POST, PUT or PATCH does to its entity. A write whose path names the entity's own item
 * (`/articles/{id}/publish`, `/x/{id}`) changes a row that exists: `update` (PUT without an action word:
 * `replace`). Only a write on a collection (no parameter naming the entity itself) inserts.
 */
export function writeKind(ep: Endpoint, entity: Entity): 'insert' | 'replace' | 'update' {
  const onItem = ep.pathParams.some((p) => p.entity === entity.name);
  if (!onItem) return ep.method === 'POST' ? 'insert' : ep.method === 'PUT' ? 'replace' : 'update';
  const endsWithParam = ENDS_WITH_PARAM.test(ep.path);
  return ep.method === 'PUT' && endsWithParam ? 'replace' : 'update';
}

/**
 * SVC-15: the unique keys (non-primary unique fields, then unique indexes, in words: `external_id`,
 * `(source, external_id)`) a raw-body POST that inserts dedupes its deliveries on; [] for any other endpoint.
 */
export function dedupeKeys(ep: Endpoint, entity: Entity): string[] {
  if (ep.request.kind !== 'raw' || ep.method !== 'POST' || writeKind(ep, entity) !== 'insert') return [];
  const out = entity.fields.filter((f) => f.unique && !f.primary).map((f) => f.name);
  for (const ix of entity.indexes) if (ix.unique) out.push(ix.fields.length === 1 ? ix.fields[0]! : `(${ix.fields.join(', ')})`);
  return unique(out);
}

/** TEXT-2 / SVC-3: the event a write publishes: `<entity>.<past tense of the action>`, or created/replaced/updated/deleted. */
/** The step that publishes an event after the write commits (SVC-8): the one text services and plan.events share. */
function publishStep(event: string, ctx: ServiceContext): string {
  return flat(`Publish ${event} on ${stackLabel('queue', ctx.stack.queue)} after the commit (${storageTerms(ctx.stack.database).outbox})`);
}

export function eventName(ep: Endpoint, names: Pick<EndpointNames, 'action'>): string {
  // A DELETE deletes its entity whatever word ends its path (DELETE /users/{id}/follow removes a Follow):
  // the action's past tense would announce the opposite (follow.followed).
  return names.action && ep.method !== 'DELETE' ? eventAction(names.action) : EVENT_VERB[ep.method];
}

/**
 * SVC-3: the idempotency key a call carries: the request's `*idempotency*` field, else one per entity (or
 * request) when the call is retried or idempotent; '' when none. The verification checks the same key.
 */
export function idempotencyKeyText(i: Integration, keyField: string, entity: string): string {
  if (keyField) return `idempotency key ${keyField}`;
  if (i.retry !== 'none' || i.idempotent) return `an idempotency key per ${entity || 'request'}`;
  return '';
}

/** An entity a caller can be: it has an email field, or its name says user, account, member, customer, person, ... */
const PERSON_NAME_WORDS: readonly string[] = ['user', 'account', 'member', 'customer', 'person', 'employee', 'manager', 'profile', 'owner', 'staff', 'agent', 'patient', 'student'];
const isPerson = (e: Entity | undefined): boolean => e !== undefined && (includesAny(e.name, PERSON_NAME_WORDS) || e.fields.some((f) => f.type === 'email'));

/**
 * SVC-13: the row a write on a parent's path means (`POST|DELETE /contracts/{id}/watch` on Watch): the path
 * gives the first reference to each parent it names that the request does not send (` whose contract_id is
 * {id}`; two references to that parent, a Follow's follower_id and followee_id, are both named, the answers not
 * saying which); each other required reference neither sent nor in the path is the caller's when it names an
 * entity a caller can be (`manager_id is the caller's`), else it is said to come from nowhere.
 */
export function pathRow(ep: Endpoint, entity: Entity, entities: ReadonlyMap<string, Entity>): { bound: string[]; rest: string[] } {
  // A few names each: lists, not sets (this runs for every insert and delete).
  const sent: readonly string[] = ep.request.kind === 'fields' ? ep.request.fields : [];
  const used: string[] = [];
  const bound: string[] = [];
  for (const p of ep.pathParams) {
    if (p.entity === '' || p.entity === entity.name) continue;
    const refs = entity.fields.filter((f) => f.references === p.entity && !sent.includes(f.name) && !used.includes(f.name));
    if (refs.length === 0) continue;
    // A DELETE sends nothing: two references to the parent stay ambiguous; a POST binds the first one left.
    const taken = ep.method === 'DELETE' ? refs : refs.slice(0, 1);
    for (const f of taken) used.push(f.name);
    const other = ep.auth !== 'none' && isPerson(entities.get(p.entity)) ? '; the other is the caller\'s' : '';
    bound.push(taken.length === 1 ? `${taken[0]!.name} is {${p.name}}` : `${taken.map((f) => f.name).join(' or ')} is {${p.name}} (the answers do not say which${other})`);
  }
  const rest: string[] = [];
  for (const f of entity.fields) {
    if (!f.required || f.references === '' || sent.includes(f.name) || used.includes(f.name)) continue;
    rest.push(ep.auth !== 'none' && isPerson(entities.get(f.references)) ? `${f.name} is the caller's` : `${f.name} comes from neither the path nor the request`);
  }
  return { bound, rest };
}

/** SVC-13 for a DELETE whose path names no item of its own entity: ` whose contract_id is {id} and whose manager_id is the caller's`; '' otherwise. */
export function deletedRow(ep: Endpoint, entity: Entity, entities: ReadonlyMap<string, Entity>): string {
  if (ep.method !== 'DELETE' || ep.pathParams.some((p) => p.entity === entity.name)) return '';
  const { bound, rest } = pathRow(ep, entity, entities);
  if (bound.length === 0) return '';
  return ` ${[...bound, ...rest].map((x) => `whose ${x}`).join(' and ')}`;
}

/** The endpoint's declared errors, less those a uniqueness step already answers (ERR-409-DECL). */
function declaredErrorsLeft(ep: Endpoint, owned: ReadonlyMap<string, DomainError>, ctx: ServiceContext): DomainError[] {
  const answered = new Set(owned.values());
  return ep.errors.map((n) => ctx.errors.find((e) => e.name === n)).filter((e): e is DomainError => e !== undefined && !answered.has(e));
}

/** SVC-3. */
export function steps(ep: Endpoint, names: EndpointNames, ctx: ServiceContext): string[] {
  const out: string[] = [];
  const entity = ctx.entities.get(ep.entity);

  const targets = validationTargets(ep, ctx);
  if (targets.length > 0) out.push(`Validate input: ${joinAnd(targets)} (400 ValidationError)`);

  if (ep.auth !== 'none') {
    const who = ep.auth === 'user' ? 'an authenticated caller' : ep.auth === 'admin' ? 'an authenticated admin' : `an authenticated caller in the ${ep.auth} role`;
    const scheme = ctx.stack.auth === 'none' ? 'no scheme chosen: stack.auth is none' : stackLabel('auth', ctx.stack.auth, true);
    out.push(`Authorize: require ${who} (${scheme}; 401 Unauthorized${ep.auth === 'user' ? '' : ', 403 Forbidden'})`);
  }

  const loadStep = (l: { entity: string; by: string; from: 'path' | 'request' }): string => {
    const e = ctx.entities.get(l.entity)!;
    const where = l.from === 'path' ? `{${l.by}}` : l.by;
    // A reference the request may leave out (any field of a PATCH, an optional one elsewhere) is loaded only when sent.
    const sentOnly = l.from === 'request' && !(ep.method !== 'PATCH' && ctx.entities.get(ep.entity)?.fields.some((f) => f.name === l.by && f.required));
    // SVC-11: with microservices, another module's entity lives in another service's database: it is fetched
    // from that service's API (NAME-4 names it), not read from this service's tables.
    const own = entity?.module ?? '';
    const remote = ctx.stack.architecture === 'microservices' && own !== '' && e.module !== '' && e.module !== own;
    const from = remote ? ` from ${e.names.pascal}Service` : '';
    const over = remote ? `over the ${e.module} service's API; ` : '';
    return `Load the ${e.name} named by ${where}${from}${sentOnly ? ', when sent' : ''} (${over}404 ${e.names.pascal}NotFound)`;
  };
  // SVC-3: the items the path names come first: a request naming a missing item answers 404, never a 409
  // from a uniqueness check or a restricting reference about an item that does not exist.
  const found = lookups(ep, ctx);
  for (const l of found) if (l.from === 'path') out.push(loadStep(l));

  // SVC-14 (ERR-409-IDEM): an idempotency key is looked up first: a repeat with the same body replays the first
  // response; ERR-409-DECL: each unique write answers with the declared 409 that states it, else ConflictError.
  const owned = declaredConflicts(ep, ctx);
  const idemKey = idempotencyKeyOf(ep, ctx);
  const live = entity?.softDelete ? ` among live ${storageTerms(ctx.stack.database).records} (deleted_at not set)` : '';
  const conflictName = (u: string): string => owned.get(u)?.name ?? 'ConflictError';
  if (idemKey && entity) {
    const calls = ep.integrations.length > 0 ? ` or call to ${joinAnd(ep.integrations)}` : '';
    // A 202 with a queue (SVC-10): the consumer writes later, so the repeat is answered 202 again and the consumer stores the key once.
    const queued = ep.status === 202 && ctx.stack.queue !== 'none';
    // The body is compared with what the model stores (the sent fields of the stored record), never with a hash
    // of the body: the data model keeps no column for one.
    const others = requestFields(ep, ctx).filter((f) => f.name !== idemKey).map((f) => f.name);
    const sameBody = others.length > 0 ? `compared by the stored ${entity.name}'s ${joinAnd(others)}` : 'which holds the key alone';
    out.push(queued
      ? `Look up ${idemKey}${live} (a repeat with the same key and the same request body, ${sameBody}, answers 202 again and is not queued twice${calls ? `, with no second${calls.replace(/^ or/, '')}` : ''}; the same key with another body answers 409 ${conflictName(idemKey)}; the consumer skips a key already stored, so a repeat queued before the first was stored is written once)`
      : `Look up ${idemKey}${live} (a ${entity.name} stored with the same key and the same request body, ${sameBody}, is a repeat: return it again, ${ep.status} with the same ${entity.name}, with no second write${calls}; the same key with another body answers 409 ${conflictName(idemKey)}; a concurrent repeat that loses the insert on the unique index is answered the same way)`);
  }
  const uniques = uniqueWrites(ep, ctx).filter((u) => u !== idemKey);
  for (const name of unique(uniques.map(conflictName))) {
    const these = uniques.filter((u) => conflictName(u) === name);
    out.push(`Check uniqueness of ${joinAnd(these)}${live} (409 ${name})`);
  }
  const restricting = restrictingReferences(ep, ctx);
  if (restricting.length > 0 && entity) {
    // REL-5 / SVC-11: under microservices a referrer in another module lives in another service's database: the
    // delete asks that service (over its API), it never reads a table it does not own.
    const micro = ctx.stack.architecture === 'microservices' && entity.module !== '';
    const refs = referrersTo(ctx.entities, entity.name).filter(({ field: f }) => f.onDelete === 'restrict');
    const isRemote = (o: Entity): boolean => micro && o.module !== '' && o.module !== entity.module;
    const local = refs.filter((r) => !isRemote(r.entity)).map((r) => `${r.entity.table}.${r.field.name}`);
    if (local.length > 0) out.push(`Refuse the delete while ${joinAnd(local)} still ${local.length === 1 ? 'references' : 'reference'} it (409 ConflictError)`);
    for (const r of refs.filter((x) => isRemote(x.entity))) {
      out.push(`Ask ${r.entity.names.pascal}Service whether ${r.entity.table}.${r.field.name} still references the ${entity.name}, and refuse the delete while it does (over the ${r.entity.module} service's API; 409 ConflictError)`);
    }
  }

  for (const l of found) if (l.from === 'request') out.push(loadStep(l));

  // A declared 409 a uniqueness step already answers (ERR-409-DECL) is not mapped twice.
  const declared = ep.errors.length === 0 ? [] : declaredErrorsLeft(ep, owned, ctx);
  if (declared.length > 0) out.push(`Map failures to the declared errors: ${declared.map((e) => `${e.name} (${e.status}: ${e.when || e.message})`).join('; ')}`);

  // SVC-15: a raw body (a webhook) is delivered at least once: a redelivery is found by the entity's unique key
  // and acknowledged again, never stored or acted on twice (no 409 either: the sender would retry it).
  const dedupe = entity ? dedupeKeys(ep, entity) : [];
  if (dedupe.length > 0 && entity) {
    // A 202 with a queue (SVC-10) is written by the consumer: it is the one that skips the redelivery.
    const queued = ep.status === 202 && ctx.stack.queue !== 'none';
    const stored = `a delivery already stored${entity.softDelete ? ' (deleted_at not set)' : ''}`;
    out.push(`Deduplicate the delivery on ${joinAnd(dedupe)} (the sender delivers at least once: ${queued ? `the consumer skips ${stored}` : `${stored} is acknowledged again with ${ep.status}`}, not stored or acted on twice; the insert skips a conflict on ${dedupe.length === 1 ? 'that unique key' : 'those unique keys'}, so a concurrent redelivery cannot slip through)`);
  }

  const fields = requestFields(ep, ctx);
  const keyField = fields.find((f) => f.name.includes('idempotency'));
  const event = entity && ep.method !== 'GET' ? eventName(ep, names) : '';
  const terms = storageTerms(ctx.stack.database);
  const deferred = entity !== undefined && ep.status === 202 && ctx.stack.queue !== 'none' && ep.method !== 'GET' && ep.method !== 'DELETE';
  const callText = (i: Integration): string => {
    const parts = [`timeout ${i.timeoutMs} ms`, RETRY_TEXT[i.retry]];
    const key = idempotencyKeyText(i, keyField?.name ?? '', entity?.name ?? '');
    if (key) parts.push(key);
    if (i.rateLimit) parts.push(`within its ${i.rateLimit}`);
    return `Call ${i.name} (${parts.join(', ')})`;
  };
  const before: Integration[] = [];
  const after: Integration[] = [];
  for (const n of ep.integrations) {
    const i = ctx.integrations.get(n);
    if (i !== undefined) (sideEffectAfterCommit(ep, i, ctx) ? after : before).push(i);
  }
  const writes = entity !== undefined && ep.method !== 'GET';
  for (const i of before) {
    // SVC-7: the write needs this answer, so the call comes first; a write that then fails must undo it.
    out.push(writes ? `${callText(i)}; the write needs its answer, so it comes first: if the write then fails, compensate it (cancel, void or reconcile)` : callText(i));
  }

  if (entity) {
    if (ep.method === 'GET') {
      const parents = ep.pathParams.map((p) => p.entity).filter((n) => n !== '' && n !== entity.name);
      const of = parents.length > 0 ? ` of the ${joinAnd(unique(parents))}` : '';
      // A GET on the entity's own item already loaded it (the lookup step): no second read.
      const page = ep.paginated || ep.response.kind === 'page';
      if (page) {
        // Name the index the query can use: the one leading with the reference to the parent, else with created_at.
        const fk = entity.fields.find((f) => parents.includes(f.references))?.name;
        const lead = fk ?? (entity.timestamps ? 'created_at' : '');
        // The page is newest first (created_at) when the entity has timestamps: an index that continues with
        // created_at serves the order too, so it wins over one that only leads with the filter (a unique key).
        const leading = lead ? entity.indexes.filter((ix) => ix.fields[0] === lead) : [];
        const index = leading.find((ix) => entity.timestamps && lead !== 'created_at' && ix.fields[1] === 'created_at') ?? leading[0];
        // An action word names which page it is (GET /users/{id}/followers: the followers).
        const which = names.action ? ` (${names.action.replace(/[-_]+/g, ' ')})` : '';
        // A soft-deleting entity's page holds live records only, as its item reads do (ERR-404).
        // SVC-3: no reference to the parent, but a join entity referencing both (many-to-many: ContractParty for
        // GET /firms/{firm_id}/contracts): the page is read through it, by its reference to the parent.
        const join = fk === undefined && parents.length > 0
          ? referrersTo(ctx.entities, parents[0]!).find((r) => r.entity.name !== entity.name && r.entity.fields.some((f) => f.references === entity.name))
          : undefined;
        const joinIndex = join ? join.entity.indexes.find((ix) => ix.fields[0] === join.field.name) : undefined;
        const through = join ? `, through ${join.entity.table} by ${join.field.name}${joinIndex ? ` (index ${joinIndex.name})` : ''}` : '';
        out.push(`Read a page of ${entity.softDelete ? 'live ' : ''}${entity.plural.prose}${which}${of}${fk ? ` by ${fk}` : ''}${index && !join ? ` (index ${index.name})` : ''}${through}`);
      }
      else if (!lookups(ep, ctx).some((l) => l.entity === entity.name)) out.push(`Read the ${entity.name}`);
    } else if (ep.method === 'DELETE') {
      const children = [...new Set(referrersTo(ctx.entities, entity.name).filter(({ field: f }) => f.onDelete === 'cascade').map((r) => r.entity))];
      // REL-5: under microservices a child in another module lives in another service's database: no cascade reaches it.
      const remote = ctx.stack.architecture === 'microservices' ? children.filter((o) => o.module !== entity.module) : [];
      const local = children.filter((o) => !remote.includes(o));
      const cascades = local.map((o) => o.table);
      // A soft delete never runs the foreign key's cascade: the cascading children that soft-delete are
      // soft-deleted with it; those without a deleted_at of their own stay until the parent is purged.
      const softChildren = local.filter((o) => o.softDelete).map((o) => o.table);
      const kept = local.filter((o) => !o.softDelete);
      const which = deletedRow(ep, entity, ctx.entities);
      const how = entity.softDelete
        ? `Soft-delete the ${entity.name}${which} (set deleted_at)${softChildren.length > 0 ? ` and its ${joinAnd(softChildren)} with it (on delete cascade)` : ''}`
        : `Delete the ${entity.name}${which}${cascades.length > 0 ? ` (cascades to ${joinAnd(cascades)})` : ''}`;
      out.push(`${how} ${terms.transaction}`);
      if (entity.softDelete && kept.length > 0) {
        out.push(`Keep its ${joinAnd(kept.map((o) => o.table))} (on delete cascade, no deleted_at of their own) until the ${entity.name} is purged; reads of them check the ${entity.name}'s deleted_at`);
      }
      for (const mod of [...new Set(remote.map((o) => o.module))]) {
        const how2 = ctx.stack.queue !== 'none' ? `on the ${entity.names.snake}.deleted event` : 'through its API, after the commit';
        const inModule = remote.filter((o) => o.module === mod);
        // A soft delete treats remote children as it does local ones: those that soft-delete are soft-deleted,
        // the others stay until the parent is purged (no hard delete of children while the parent is kept).
        const soft = entity.softDelete ? inModule.filter((o) => o.softDelete).map((o) => o.table) : [];
        const kept2 = entity.softDelete ? inModule.filter((o) => !o.softDelete).map((o) => o.table) : [];
        const removed = entity.softDelete ? [] : inModule.map((o) => o.table);
        if (removed.length > 0) out.push(`Have the ${mod} service remove the ${entity.name}'s ${joinAnd(removed)} ${how2} (on delete cascade across services)`);
        if (soft.length > 0) out.push(`Have the ${mod} service soft-delete the ${entity.name}'s ${joinAnd(soft)} ${how2} (on delete cascade across services)`);
        if (kept2.length > 0) out.push(`Have the ${mod} service stop serving the ${entity.name}'s ${joinAnd(kept2)} ${how2}, and remove them when the ${entity.name} is purged (on delete cascade across services)`);
      }
    } else {
      const kind = writeKind(ep, entity);
      const verb = kind === 'insert' ? 'Insert' : kind === 'replace' ? 'Replace' : 'Update';
      const action = names.action ? ` (${names.action.replace(/[-_]+/g, ' ')})` : '';
      // SVC-10: 202 Accepted with a queue: the request is queued, and the consumer writes it later.
      if (deferred) out.push(`Enqueue the ${entity.name} on ${stackLabel('queue', ctx.stack.queue)}; its consumer ${verb === 'Insert' ? 'inserts' : 'applies'} it ${terms.transaction} (202: accepted, not yet stored)`);
      else {
        // SVC-13: a required reference neither sent nor given by the path is said where it comes from.
        const rest = kind === 'insert' ? pathRow(ep, entity, ctx.entities).rest : [];
        out.push(`${verb} the ${entity.name}${action}${rest.length > 0 ? ` (${joinAnd(rest)})` : ''} ${terms.transaction}`);
      }
    }
  }

  if (ctx.stack.queue !== 'none' && ep.method !== 'GET' && !deferred) {
    if (entity) {
      out.push(publishStep(`${entity.names.snake}.${event}`, ctx));
    } else {
      out.push(`Enqueue the request on ${stackLabel('queue', ctx.stack.queue)} for asynchronous processing`);
    }
  }
  for (const i of after) {
    // SVC-7: nothing in the write depends on this call; sending it before the commit would send it for a write that may still fail.
    // SVC-10: a 202 write publishes no event; the consumer that applies the queued request makes the call.
    const where = ctx.stack.queue !== 'none' && entity
      ? deferred ? `from the consumer of the queued ${entity.name}, after its commit` : `from the consumer of ${entity.names.snake}.${event}, after the commit`
      : 'after the commit';
    out.push(`${callText(i)} ${where}: the write does not need its answer, so a failure is logged and retried, never undoing the write`);
  }

  const output = outputType(ep, ctx);
  out.push(output === 'void' ? `Return ${ep.status}` : `Return ${ep.status} ${ep.response.kind === 'page' ? `a page of ${output.replace(/Page$/, '')}` : output}`);
  return out;
}

/**
 * SVC-4: the method's work is one database transaction: it writes its entity in the request (not a 202 the
 * queue's consumer writes, SVC-10), and no step before the write leaves this service's database: a load from
 * another service (SVC-11) or an integration call the write waits for (SVC-7) cannot be rolled back with it.
 */
export function transactional(ep: Endpoint, ctx: ServiceContext): boolean {
  const entity = ctx.entities.get(ep.entity);
  if (!entity || ep.method === 'GET') return false;
  if (ep.status === 202 && ctx.stack.queue !== 'none' && ep.method !== 'DELETE') return false;
  if (ep.integrations.some((n) => { const i = ctx.integrations.get(n); return i !== undefined && !sideEffectAfterCommit(ep, i, ctx); })) return false;
  if (ctx.stack.architecture === 'microservices' && entity.module !== '') {
    if (lookups(ep, ctx).some((l) => { const o = ctx.entities.get(l.entity)?.module ?? ''; return o !== '' && o !== entity.module; })) return false;
    // A delete that asks another service about its restricting references (REL-5) cannot hold that answer in its transaction.
    if (restrictingReferences(ep, ctx).length > 0 && referrersTo(ctx.entities, entity.name).some(({ entity: o, field: f }) => f.onDelete === 'restrict' && o.module !== '' && o.module !== entity.module)) return false;
  }
  return true;
}

/** SVC-1 .. SVC-5 over endpoints already named (handler and service set). */
export function services(endpoints: readonly Endpoint[], names: readonly EndpointNames[], ctx: ServiceContext): Service[] {
  const lang = ctx.stack.language;
  // One pass: the endpoints of each service, and the service of each entity.
  const members = new Map<string, { ep: Endpoint; n: EndpointNames }[]>();
  const serviceOfEntity = new Map<string, string>();
  endpoints.forEach((ep, k) => {
    const n = names[k]!;
    const list = members.get(n.service) ?? [];
    list.push({ ep, n });
    members.set(n.service, list);
    if (ep.entity && !serviceOfEntity.has(ep.entity)) serviceOfEntity.set(ep.entity, n.service);
  });
  const order = new Set<string>();
  for (const e of ctx.entities.values()) {
    const s = serviceOfEntity.get(e.name);
    if (s !== undefined) order.add(s);
  }
  for (let k = 0; k < endpoints.length; k++) if (!endpoints[k]!.entity) order.add(names[k]!.service);

  return [...order].map((serviceName): Service => {
    const mine = members.get(serviceName) ?? [];
    const entityName = mine.find((x) => x.ep.entity)?.ep.entity ?? '';
    const deps: string[] = [];
    const methods = mine.map(({ ep, n }): ServiceMethod => {
      const params = paramsOf(ep, ctx);
      const input = flat(inputType(ep, n.handler));
      const output = flat(outputType(ep, ctx));
      for (const l of lookups(ep, ctx)) {
        const s = serviceOfEntity.get(l.entity);
        if (s && s !== serviceName) deps.push(s);
      }
      deps.push(...ep.integrations);
      return {
        name: n.handler,
        languageName: languageName(n.handler, lang),
        endpoint: ep.id,
        signature: flat(signature(lang, serviceName, n.handler, ep, input, output, params)),
        blueprintSignature: flat(blueprintSignature(n.handler, ep, input, output, params)),
        input,
        output,
        steps: flatAll(steps(ep, n, ctx)),
        transactional: transactional(ep, ctx),
      };
    });
    return {
      name: serviceName,
      entity: entityName,
      module: ctx.entities.get(entityName)?.module ?? '',
      dependencies: uniqueSorted(deps),
      methods,
    };
  });
}

/** SVC-8: every event the writes publish (queue chosen), in endpoint order, with the calls its consumers make. */
export function publishedEvents(endpoints: readonly Endpoint[], names: readonly EndpointNames[], ctx: ServiceContext): PublishedEvent[] {
  if (ctx.stack.queue === 'none') return [];
  const out: PublishedEvent[] = [];
  endpoints.forEach((ep, k) => {
    const entity = ctx.entities.get(ep.entity);
    if (!entity || ep.method === 'GET') return;
    // SVC-10: a 202 write is queued as a request, not published as an event.
    if (ep.status === 202 && ep.method !== 'DELETE') return;
    const n = names[k]!;
    const name = flat(`${entity.names.snake}.${eventName(ep, n)}`);
    out.push({
      name,
      step: publishStep(name, ctx),
      entity: entity.name,
      endpoint: ep.id,
      service: n.service,
      method: n.handler,
      languageMethod: languageName(n.handler, ctx.stack.language),
      queue: ctx.stack.queue,
      consumerCalls: ep.integrations.filter((name) => {
        const i = ctx.integrations.get(name);
        return i !== undefined && sideEffectAfterCommit(ep, i, ctx);
      }),
    });
  });
  return out;
}

/**
 * SVC-9: each module's dependencies: the services of other modules and the integrations its services call,
 * sorted. Linear: the services are grouped by module once, not filtered again for each module.
 */
export function moduleDependencies(modules: readonly { name: string }[], svc: readonly Service[]): { module: string; dependencies: string[] }[] {
  const moduleOf = new Map(svc.map((x) => [x.name, x.module]));
  const called = new Map<string, string[]>();
  for (const x of svc) {
    const list = called.get(x.module) ?? called.set(x.module, []).get(x.module)!;
    for (const d of x.dependencies) list.push(d);
  }
  return modules.map((mod) => ({
    module: mod.name,
    dependencies: uniqueSorted((called.get(mod.name) ?? []).filter((d) => !moduleOf.has(d) || moduleOf.get(d) !== mod.name)),
  }));
}

/**
 * SVC-12: groups of modules whose services call each other in a cycle (the strongly connected components of
 * SVC-9's module dependencies with more than one module), each in module order, the groups in the order of
 * their first module. Linear in modules plus dependencies (Tarjan's algorithm).
 */
export function moduleCycles(modules: readonly { name: string }[], deps: readonly { module: string; dependencies: readonly string[] }[], svc: readonly Service[]): string[][] {
  const moduleOf = new Map(svc.map((x) => [x.name, x.module]));
  const rank = new Map(modules.map((mod, k) => [mod.name, k]));
  const edges = new Map<string, string[]>();
  for (const d of deps) edges.set(d.module, unique(d.dependencies.map((n) => moduleOf.get(n) ?? '').filter((x) => x !== '' && x !== d.module && rank.has(x))));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort((a, b) => rank.get(a)! - rank.get(b)!));
    }
  };
  for (const mod of modules) if (!index.has(mod.name)) visit(mod.name);
  return out.sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}
