// Error states per endpoint, the error catalog, and the warning for declared errors no endpoint uses. Pure.
// Rules (docs/rules.md, "Error states"):
// - ERR-400 ValidationError when the request carries a constrained field (required on POST/PUT, min, max,
//   max_length, pattern, enum, email, url), a path parameter, or pagination parameters.
// - ERR-401 Unauthorized when the endpoint's auth is not `none`.
// - ERR-403 Forbidden when the auth is `admin` or a role name (anything beyond plain `user`).
// - ERR-404 <Entity>NotFound for each entity a path parameter names, and for each entity a request field
//   references. A missing referenced row is a 404, not a 422, on purpose: the request names a resource that
//   does not exist, which is what 404 says (Stripe answers the same way), and one name per entity keeps the
//   catalog small.
// - ERR-409 ConflictError when the request writes a unique field (or a field of a unique index), or when a
//   hard DELETE of an entity's item meets a reference with on_delete restrict.
// - ERR-409-IDEM an insert's unique `*idempotency*` request field is an idempotency key: the same key with the
//   same body replays the first response (no second write), only the same key with another body is a 409.
// - ERR-409-DECL a declared 409 of the endpoint that states the conflict of a unique write (its name, message or
//   `when` names the field, or it is Duplicate<Entity> and the insert has one unique write) answers it instead
//   of ConflictError: one 409 per condition, the declared name and message.
// - ERR-429 RateLimitExceeded when the endpoint has a rate limit or calls an integration that has one on the
//   request path (a call SVC-7 puts after the commit never answers the client).
// - ERR-5XX per integration the endpoint calls on the request path: <Integration>Error 502, <Integration>Unavailable 503,
//   <Integration>Timeout 504, the causes stating the timeout and the retry policy, each naming its integration.
// - ERR-DECL the declared domain errors, as declared; a declared error with the same name and status as a
//   derived one replaces it, any other pair is kept (different names) but for ERR-409-DECL's.
// - WARN-ERR a declared error no endpoint uses is a warning at `errors[i]`.
// - WARN-AUTH an endpoint that requires a caller (auth not `none`) while `stack.auth` is none is a warning at
//   its `auth` key: nothing can authenticate that caller.

import { toPascal } from '../../answers/names.js';
import { reasonPhrase } from '../http.js';
import type { Auth, Database, RetryPolicy } from '../../answers/answers.js';
import { storageTerms } from './storage.js';
import type { DomainError, Endpoint, Entity, ErrorCatalogEntry, ErrorState, Field, Integration, PlanWarning } from '../model.js';
import { fieldsByName, oncePerEndpoint, referrersTo, type EndpointAnswers } from './lookup.js';
import { inRequestIntegrations } from './after-commit.js';
import { compareText, flat, flatAll, joinAnd } from './text.js';

export interface ErrorContext {
  entities: ReadonlyMap<string, Entity>;
  integrations: ReadonlyMap<string, Integration>;
  errors: readonly DomainError[];
  auth: Auth;
  /** For the words of the messages (STORE-1): rows, documents, items or nodes; relational when absent. */
  database?: Database;
}

interface Derived extends ErrorState {
  /** What the error means, for the catalog. */
  message: string;
}

const CREDENTIALS: Record<Auth, string> = {
  jwt: 'the bearer token is missing, expired or wrongly signed (JWT)',
  oauth2: 'the OAuth 2.0 access token is missing, expired or revoked',
  oidc: 'the OIDC token is missing, expired or from another issuer',
  'api-key': 'the API key is missing, unknown or revoked',
  session: 'the session cookie is missing or the session has expired',
  none: 'the credentials are missing or invalid',
};

export const RETRY_TEXT: Record<RetryPolicy, string> = {
  none: 'not retried',
  fixed: 'retried at a fixed interval',
  exponential: 'retried with exponential backoff',
};

/** The constraints of a field a request can break, in words; [] when none. */
export function fieldConstraints(f: Field, method: Endpoint['method']): string[] {
  const out: string[] = [];
  if (f.required && (method === 'POST' || method === 'PUT')) out.push('required');
  if (f.type === 'email') out.push('an email address');
  if (f.type === 'url') out.push('a URL');
  if (f.min !== null) out.push(`at least ${f.min}`);
  if (f.max !== null) out.push(`at most ${f.max}`);
  if (f.maxLength !== null) out.push(`at most ${f.maxLength} characters`);
  if (f.pattern) out.push(`matching ${f.pattern}`);
  if (f.values.length > 0) out.push(`one of ${f.values.join(', ')}`);
  return out;
}

const requestFieldAnswers: EndpointAnswers<readonly Field[]> = new WeakMap();

/** The entity's fields the request sends, in request order. */
export function requestFields(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): readonly Field[] {
  if (ep.request.kind !== 'fields' || !ctx.entities.has(ep.entity)) return [];
  return oncePerEndpoint(requestFieldAnswers, ep, ctx, requestFieldsOf);
}

function requestFieldsOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): Field[] {
  const byName = fieldsByName(ctx.entities.get(ep.entity)!);
  const out: Field[] = [];
  for (const n of ep.request.kind === 'fields' ? ep.request.fields : []) {
    const f = byName.get(n);
    if (f !== undefined) out.push(f);
  }
  return out;
}

/**
 * The references a POST on a parent's path inserts from that path (RES-1, SVC-13): per path parameter naming
 * another entity, the first field referencing it that the request does not send (`order_id` for
 * `POST /orders/{id}/ship` on Shipment). [] for any other write.
 */
export function pathWrittenFields(ep: Endpoint, entity: Entity): string[] {
  if (ep.method !== 'POST' || ep.pathParams.some((p) => p.entity === entity.name)) return [];
  const sent = new Set(ep.request.kind === 'fields' ? ep.request.fields : []);
  const out: string[] = [];
  for (const p of ep.pathParams) {
    if (p.entity === '') continue;
    const f = entity.fields.find((x) => x.references === p.entity && !sent.has(x.name) && !out.includes(x.name));
    if (f) out.push(f.name);
  }
  return out;
}

/** The unique columns (or unique index column groups) a request writes, in words such as `idempotency_key`. */
export function uniqueWrites(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): readonly string[] {
  if (!ctx.entities.has(ep.entity)) return [];
  return oncePerEndpoint(uniqueWriteAnswers, ep, ctx, uniqueWritesOf);
}

const uniqueWriteAnswers: EndpointAnswers<readonly string[]> = new WeakMap();

function uniqueWritesOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): string[] {
  const entity = ctx.entities.get(ep.entity)!;
  // ERR-409: an insert also writes the references its path gives (a second POST /orders/{id}/ship collides on a unique order_id).
  const fromPath = pathWrittenFields(ep, entity);
  if (ep.request.kind !== 'fields' && fromPath.length === 0) return [];
  const out: string[] = [];
  for (const f of requestFields(ep, ctx)) if (f.unique) out.push(f.name);
  for (const n of fromPath) if (entity.fields.some((f) => f.name === n && f.unique)) out.push(n);
  const sent = ep.request.kind === 'fields' ? ep.request.fields : [];
  const written = (n: string): boolean => sent.includes(n) || fromPath.includes(n);
  for (const ix of entity.indexes) {
    if (!ix.unique || !ix.fields.some(written)) continue;
    const words = ix.fields.length === 1 ? ix.fields[0]! : `(${ix.fields.join(', ')})`;
    if (!out.includes(words)) out.push(words);
  }
  return out;
}

/** Whether a POST creates a new item (its path does not name the entity's own item). */
function inserts(ep: Endpoint, entity: Entity): boolean {
  return ep.method === 'POST' && !ep.pathParams.some((p) => p.entity === entity.name);
}

/** ERR-409-IDEM: the idempotency key of an insert: its unique request field named `*idempotency*`; '' when none. */
export function idempotencyKeyOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): string {
  const entity = ctx.entities.get(ep.entity);
  if (!entity || !inserts(ep, entity)) return '';
  return requestFields(ep, ctx).find((f) => f.unique && f.name.includes('idempotency'))?.name ?? '';
}

/** Lower-case words with spaces around them: `DuplicatePayment` -> ` duplicate payment `, `shop_order_ref` -> ` shop order ref `. */
const wordsOf = (s: string): string => ` ${s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/**
 * ERR-409-DECL: per unique write of the endpoint (as uniqueWrites words it), the declared 409 that states its
 * conflict: one whose name, message or `when` names every field of it, else `Duplicate<Entity>` when the insert
 * has exactly one unique write. A write no declared error states is absent (ConflictError answers it).
 */
export function declaredConflicts(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity>; errors: readonly DomainError[] }): ReadonlyMap<string, DomainError> {
  // Most endpoints declare no 409: they share one empty answer.
  if (ep.errors.length === 0) return NO_CONFLICTS;
  const entity = ctx.entities.get(ep.entity);
  if (!entity) return NO_CONFLICTS;
  const candidates = ep.errors.map((n) => ctx.errors.find((e) => e.name === n)).filter((e): e is DomainError => e !== undefined && e.status === 409);
  if (candidates.length === 0) return NO_CONFLICTS;
  const out = new Map<string, DomainError>();
  const uniques = uniqueWrites(ep, ctx);
  const texts = candidates.map((e) => wordsOf(`${e.name} ${e.message} ${e.when}`));
  for (const u of uniques) {
    const fields = u.replace(/^\(|\)$/g, '').split(', ');
    const k = texts.findIndex((t) => fields.every((f) => t.includes(wordsOf(f))));
    if (k >= 0) out.set(u, candidates[k]!);
  }
  if (uniques.length === 1 && out.size === 0 && inserts(ep, entity)) {
    const dup = candidates.find((e) => e.name === `Duplicate${entity.names.pascal}`);
    if (dup) out.set(uniques[0]!, dup);
  }
  return out;
}

const NO_CONFLICTS: ReadonlyMap<string, DomainError> = new Map();

/** ERR-409(-IDEM) cause of one unique write: a plain duplicate, or an idempotency key reused with another body. */
export function uniqueConflictCause(u: string, idempotencyKey: string): string {
  return u === idempotencyKey
    ? `${u} was sent before with a different request body; the same key with the same body replays the first response`
    : `${u} must be unique`;
}

/** `table.field` of the references that refuse a hard DELETE of the endpoint's entity; [] for soft deletes and other methods. */
export function restrictingReferences(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): readonly string[] {
  const entity = ctx.entities.get(ep.entity);
  if (ep.method !== 'DELETE' || !entity || entity.softDelete || ep.pathParams.every((p) => p.entity !== entity.name)) return [];
  return oncePerEndpoint(restrictingAnswers, ep, ctx, restrictingReferencesOf);
}

function restrictingReferencesOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): string[] {
  return referrersTo(ctx.entities, ctx.entities.get(ep.entity)!.name).filter(({ field: f }) => f.onDelete === 'restrict').map(({ entity: o, field: f }) => `${o.table}.${f.name}`);
}

const restrictingAnswers: EndpointAnswers<readonly string[]> = new WeakMap();

/** Entities the endpoint must find before it works: path parameter entities, then request references, once each. */
export function lookups(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): readonly Lookup[] {
  return oncePerEndpoint(lookupAnswers, ep, ctx, lookupsOf);
}

/** An entity the endpoint must find: by the path parameter or request field `by`. */
export interface Lookup {
  entity: string;
  by: string;
  from: 'path' | 'request';
}

const lookupAnswers: EndpointAnswers<readonly Lookup[]> = new WeakMap();

function lookupsOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): Lookup[] {
  const out: Lookup[] = [];
  for (const p of ep.pathParams) {
    if (p.entity && !out.some((l) => l.entity === p.entity)) out.push({ entity: p.entity, by: p.name, from: 'path' });
  }
  for (const f of requestFields(ep, ctx)) {
    if (f.references && ctx.entities.has(f.references) && !out.some((l) => l.entity === f.references)) out.push({ entity: f.references, by: f.name, from: 'request' });
  }
  return out;
}

/**
 * The field a path parameter carries: the entity's field of the same name (`{email}` on /members/{email}),
 * else a unique field the name ends with after the entity's name (`{tenant_slug}`: Tenant.slug), else its primary key (`{id}`, `{member_id}`); undefined when the parameter names no entity.
 */
export function paramField(entity: Entity | undefined, param: string): Field | undefined {
  if (!entity) return undefined;
  // PARAM-1: `{tenant_slug}` carries Tenant.slug when that field is unique.
  const snake = entity.names.snake;
  const prefixed = param.length > snake.length && param[snake.length] === '_' && param.startsWith(snake);
  const byField = prefixed ? entity.fields.find((f) => f.name === param.slice(snake.length + 1) && (f.unique || f.primary)) : undefined;
  const byName = fieldsByName(entity);
  return byName.get(param) ?? byField ?? byName.get(entity.primaryKey);
}

/** What ERR-400 validates, in words: constrained request fields, path parameters, pagination parameters. */
export function validationTargets(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): readonly string[] {
  return oncePerEndpoint(validationAnswers, ep, ctx, validationTargetsOf);
}

const validationAnswers: EndpointAnswers<readonly string[]> = new WeakMap();

function validationTargetsOf(ep: Endpoint, ctx: { entities: ReadonlyMap<string, Entity> }): string[] {
  const out: string[] = [];
  for (const f of requestFields(ep, ctx)) {
    const c = fieldConstraints(f, ep.method);
    if (c.length > 0) out.push(`${f.name} (${c.join(', ')})`);
  }
  for (const p of ep.pathParams) {
    const entity = ctx.entities.get(p.entity);
    const key = paramField(entity, p.name);
    // A text key is held to its field's own constraints (`{tenant_slug}`: Tenant.slug's length and pattern).
    const own = key ? fieldConstraints(key, 'GET') : [];
    const form = key?.type === 'uuid' ? 'a UUID' : key?.type === 'integer' || key?.type === 'bigint' ? 'an integer' : own.length > 0 ? own.join(', ') : 'non-empty';
    out.push(`the path parameter {${p.name}} (${form})`);
  }
  if (ep.paginated) out.push('the pagination parameters (page size and cursor)');
  return flatAll(out);
}

function pascalOr(name: string, fallback: string): string {
  return toPascal(name) || fallback;
}

const notFoundNames = new WeakMap<Entity, string>();

/**
 * ERR-404's `<Entity>NotFound`, one string per entity: the catalog and the plan look each state's name up in
 * maps, and a string made once is hashed once.
 */
export function notFoundName(entity: Entity): string {
  let name = notFoundNames.get(entity);
  if (name === undefined) notFoundNames.set(entity, (name = flat(`${entity.names.pascal}NotFound`)));
  return name;
}

function derivedStates(ep: Endpoint, ctx: ErrorContext): Derived[] {
  const out: Derived[] = [];
  const add = (status: number, name: string, cause: string, message: string, integration?: string): void => {
    const state: Derived = { status, title: reasonPhrase(status), name, cause, origin: 'derived', message };
    if (integration !== undefined) state.integration = integration;
    out.push(state);
  };

  // ERR-400
  const broken = validationTargets(ep, ctx);
  if (broken.length > 0) {
    add(400, 'ValidationError', `the request breaks a constraint of ${joinAnd(broken)}`, 'The request breaks a field constraint; the response names each field and rule');
  }

  // ERR-401, ERR-403
  if (ep.auth !== 'none') {
    add(401, 'Unauthorized', CREDENTIALS[ctx.auth], 'The caller is not authenticated');
    if (ep.auth !== 'user') {
      const who = ep.auth === 'admin' ? 'an admin' : `in the ${ep.auth} role`;
      add(403, 'Forbidden', `the caller is authenticated but not ${who}`, 'The caller is authenticated but lacks the role the endpoint needs');
    }
  }

  // ERR-404
  for (const l of lookups(ep, ctx)) {
    const entity = ctx.entities.get(l.entity)!;
    const gone = entity.softDelete ? ' (or it is soft-deleted)' : '';
    const by = l.from === 'path' ? paramField(entity, l.by)?.name ?? entity.primaryKey : entity.primaryKey;
    const cause = l.from === 'path' ? `no ${entity.name} has the ${by} given in {${l.by}}${gone}` : `${l.by} names no existing ${entity.name}${gone}`;
    add(404, notFoundName(entity), cause, `No ${entity.name} has the given ${by}`);
  }

  // ERR-409: unique writes (ERR-409-DECL: less those a declared 409 states), and hard deletes that a restricting reference refuses.
  const owned = declaredConflicts(ep, ctx);
  const key = idempotencyKeyOf(ep, ctx);
  const conflicts = uniqueWrites(ep, ctx).filter((u) => !owned.has(u)).map((u) => uniqueConflictCause(u, key));
  conflicts.push(...restrictingReferences(ep, ctx).map((r) => `the ${ep.entity} is still referenced by ${r} (on delete restrict)`));
  if (conflicts.length > 0) {
    const records = storageTerms(ctx.database ?? 'postgresql').records;
    add(409, 'ConflictError', conflicts.join('; '), `The request conflicts with existing ${records}: a duplicate unique value, or a delete that other ${records} still reference`);
  }

  // ERR-429
  const limits: string[] = [];
  if (ep.rateLimit) limits.push(`the endpoint allows ${ep.rateLimit} per client`);
  // A call made after the commit (SVC-7) never answers the client: neither its limit nor its failures are the endpoint's.
  const inRequest = inRequestIntegrations(ep, ctx.integrations, ctx);
  for (const i of inRequest) {
    if (i.rateLimit) limits.push(`${i.name} allows ${i.rateLimit}`);
  }
  if (limits.length > 0) add(429, 'RateLimitExceeded', `${limits.join('; ')}; calls beyond it are refused until the window resets`, 'Too many requests in the rate-limit window; retry after the Retry-After delay');

  // ERR-5XX
  for (const i of inRequest) {
    const p = pascalOr(i.name, 'Upstream');
    const retry = RETRY_TEXT[i.retry];
    add(502, `${p}Error`, `${i.name} answers with a server error or an unreadable response (${retry})`, `${i.name} answered with an error`, i.name);
    add(503, `${p}Unavailable`, `${i.name} is unreachable or its circuit breaker is open (${retry})`, `${i.name} is unavailable`, i.name);
    add(504, `${p}Timeout`, `${i.name} does not answer within ${i.timeoutMs} ms (${retry})`, `${i.name} did not answer in time`, i.name);
  }
  return out;
}

function byStatusThenName(a: { status: number; name: string }, b: { status: number; name: string }): number {
  return a.status - b.status || compareText(a.name, b.name);
}

/** The catalog message of each derived error, by name then status: the first endpoint's words for it. */
export type ErrorMessages = Map<string, Map<number, string>>;

/**
 * Error states of one endpoint, sorted by status then name; the catalog message of each derived one is added to
 * `messages` when it has none yet (endpoints in order: the first endpoint's words win).
 */
export function endpointErrors(ep: Endpoint, ctx: ErrorContext, messages: ErrorMessages = new Map()): ErrorState[] {
  const declared = ep.errors
    .map((name) => ctx.errors.find((e) => e.name === name))
    .filter((e): e is DomainError => e !== undefined);
  const states: ErrorState[] = [];
  const derived = derivedStates(ep, ctx);
  const owned = declaredConflicts(ep, ctx);
  const key = idempotencyKeyOf(ep, ctx);
  for (const d of derived) {
    if (declared.some((e) => e.name === d.name && e.status === d.status)) continue;
    if (states.some((s) => s.name === d.name && s.status === d.status)) continue;
    const byStatus = messages.get(d.name);
    if (!byStatus) messages.set(d.name, new Map([[d.status, d.message]]));
    else if (!byStatus.has(d.status)) byStatus.set(d.status, d.message);
    const state: ErrorState = { status: d.status, title: d.title, name: d.name, cause: flat(d.cause), origin: 'derived' };
    if (d.integration !== undefined) state.integration = d.integration;
    states.push(state);
  }
  for (const e of declared) {
    if (states.some((s) => s.name === e.name && s.status === e.status)) continue;
    // A declared error that replaces a derived upstream one still comes from that integration.
    const from = derived.find((d) => d.name === e.name && d.status === e.status)?.integration;
    // ERR-409-DECL: a declared 409 that answers a unique write says which (and, for an idempotency key, that only another body conflicts).
    const stated = [...owned].filter(([, d]) => d === e).map(([u]) => u);
    const cause = stated.length > 0 ? `${e.when || e.message}: ${joinAnd(stated.map((u) => uniqueConflictCause(u, key)))}` : e.when || e.message;
    states.push({ status: e.status, title: e.title, name: e.name, cause: flat(cause), origin: 'declared', ...(from !== undefined ? { integration: from } : {}) });
  }
  return states.sort(byStatusThenName);
}

/** Every error once per name and status, sorted by status then name; declared errors no endpoint uses included. */
export function errorCatalog(endpoints: readonly Endpoint[], errors: readonly DomainError[], messages: ErrorMessages): ErrorCatalogEntry[] {
  // Entries by name, then status: no key text built per error state (the list is sorted at the end anyway).
  const entries = new Map<string, Map<number, ErrorCatalogEntry>>();
  const entryOf = (name: string, status: number): ErrorCatalogEntry | undefined => entries.get(name)?.get(status);
  const keep = (entry: ErrorCatalogEntry): void => {
    const byStatus = entries.get(entry.name);
    if (byStatus) byStatus.set(entry.status, entry);
    else entries.set(entry.name, new Map([[entry.status, entry]]));
  };
  for (const ep of endpoints) {
    for (const s of ep.errorStates) {
      let entry = entryOf(s.name, s.status);
      if (!entry) {
        const declared = errors.find((e) => e.name === s.name && e.status === s.status);
        entry = {
          name: s.name, status: s.status, title: s.title,
          message: declared ? declared.message : (messages.get(s.name)?.get(s.status) ?? s.cause),
          origin: s.origin, endpoints: [],
        };
        keep(entry);
      }
      entry.endpoints.push(ep.id);
    }
  }
  for (const e of errors) {
    if (!entryOf(e.name, e.status)) keep({ name: e.name, status: e.status, title: e.title, message: e.message, origin: 'declared', endpoints: [] });
  }
  const all: ErrorCatalogEntry[] = [];
  for (const byStatus of entries.values()) for (const entry of byStatus.values()) all.push(entry);
  return all.sort(byStatusThenName);
}

/** WARN-AUTH: a caller is required but no authentication is chosen; located at the answer that asked for it. */
export function authWithoutSchemeWarnings(endpoints: readonly Endpoint[], stackAuth: Auth): PlanWarning[] {
  if (stackAuth !== 'none') return [];
  const seen = new Set<string>();
  return endpoints.flatMap((ep) => {
    if (ep.auth === 'none') return [];
    const path = `${ep.origin.kind === 'resource' ? 'resources' : 'endpoints'}[${ep.origin.index}].auth`;
    if (seen.has(path)) return [];
    seen.add(path);
    return [{ path, message: `requires an authenticated caller ("${ep.auth}") but stack.auth is none, so nothing can authenticate one: choose stack.auth, or set auth: none` }];
  });
}

/** WARN-ERR. */
export function unusedErrorWarnings(errors: readonly DomainError[]): PlanWarning[] {
  return errors.flatMap((e, i) => e.usedBy.length > 0 ? [] : [{
    path: `errors[${i}]`,
    message: `error "${e.name}" is declared but no endpoint uses it`,
  }]);
}
