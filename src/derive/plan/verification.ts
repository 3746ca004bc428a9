// Seed 004's "Before Claiming Completion" made concrete: per endpoint, the requests to make and the status each
// must get, what to check in the database afterwards, and the response-time target. Pure.
// Rules (docs/rules.md, "Verification"):
// - VER-1 every error state of the endpoint gets at least one request that provokes it, with the state's status;
//   a state no rule below knows (a declared error, or one the engine adds later) is "trigger <name>: <cause>".
// - VER-2 ValidationError: one request per constraint the request can break, with a concrete value: a required
//   field left out (POST/PUT), a number one below `min` / one above `max`, a string one past `max_length`, a
//   value outside the enum, a malformed email or URL, a value the pattern rejects (the first of a fixed list of
//   candidates the pattern does not match), a malformed path parameter (by the field it carries: not a UUID or an
//   integer, or for a text key such as {tenant_slug} a value its pattern rejects and one past its max length;
//   never `not-a-uuid` for a slug), an unreadable pagination cursor.
// - VER-3 the valid request: a value per request field that meets its constraints (the minimum when there is
//   one, the first enum value, a length within max_length), a reference as the primary key of an existing row
//   of its entity (`<code of an existing ICD10Code>` when ICD10Code's primary key is `code`); a patterned text a
//   concrete value the pattern accepts, built from a simple pattern (`^\+[1-9][0-9]{7,14}$` -> `"+10000000"`),
//   else `<placeholder: write a value matching ...>`.
// - VER-4 404: a well-formed id that names no row, per path parameter entity and per referenced entity (a text
//   key one its own pattern and length accept: `does-not-exist`);
//   409 ConflictError: the same unique value again (an insert) or another row's value on an existing item
//   (updates, a POST on the item included: SVC-6), and a hard delete
//   while a restricting reference still names the row; on a soft-deleting entity an insert also gets the
//   same unique value again once the first is soft-deleted, which must succeed (IDX-2: unique among live rows).
// - VER-5 afterwards: a write persists the request's fields and nothing persists on failure; a read changes
//   nothing; a delete removes the row (or sets deleted_at) and follows on_delete; a publish step sends one
//   message per success and none per failure; a 202 write with a queue (SVC-10) is checked once its consumer has run.
// - VER-6 the response-time target is requirements.latency_p95_ms (with throughput_rps when given); without
//   one the plan says there is no target in the answers. Per endpoint, a per-client rate limit below the
//   throughput target spreads the load over enough clients (at most 1000), else measures at the limit.

import { toPascal } from '../../answers/names.js';
import type { Auth } from '../../answers/answers.js';
import { reasonPhrase } from '../http.js';
import type { Endpoint, Entity, ErrorState, Field, Model } from '../model.js';
import { declaredConflicts, idempotencyKeyOf, lookups, notFoundName, paramField, requestFields, uniqueWrites } from './errors.js';
import { entitiesByName, methodsByEndpoint, referrersTo } from './lookup.js';
import { flat, flatAll, joinAnd, withArticle } from './text.js';
import { dedupeKeys, deletedRow, idempotencyKeyText, pathRow, sideEffectAfterCommit, writeKind } from './services.js';
import { storageTerms } from './storage.js';
import { isQueueStep } from './flows.js';

export type CaseKind =
  | 'valid' | 'invalid' | 'no-credentials' | 'wrong-role' | 'missing' | 'duplicate' | 'rate-limit' | 'integration' | 'declared';

export interface VerificationCase {
  kind: CaseKind;
  /** What to send, in words, e.g. `amount_cents below its minimum 1`. */
  label: string;
  /** The literal to send (JSON for body fields), '' when the label says it all. */
  value: string;
  status: number;
  /** Reason phrase of the status. */
  title: string;
  /** The error name the response carries; '' for the success case. */
  name: string;
}

export interface BodyValue {
  field: string;
  /** A JSON literal, or `<...>` for a value the tester supplies (an existing row's id). */
  value: string;
}

export interface EndpointVerification {
  /** Endpoint id, `METHOD /path`. */
  endpoint: string;
  /** The valid request's body, in request order; [] when it sends none. */
  body: BodyValue[];
  cases: VerificationCase[];
  /** What to check in the database (and queue) afterwards. */
  afterwards: string[];
  /** Its response-time check (VER-6): the plan's target, measured within its own rate limit when that is lower. */
  target: string;
  /** Its response-time box: the target, or, without one, that the p95 is to be recorded (VER-6). */
  targetCheck: string;
}

export interface Verification {
  /** The response-time target every endpoint is held to, in words. */
  target: string;
  /** The performance box: the target, or, without one, that the p95 is to be recorded per endpoint (VER-6). */
  targetCheck: string;
  endpoints: EndpointVerification[];
}

const CREDENTIALS: Record<Auth, string> = {
  jwt: 'bearer token', oauth2: 'OAuth 2.0 access token', oidc: 'OIDC token', 'api-key': 'API key', session: 'session cookie', none: 'credentials',
};

/** A well-formed key that names no row (VER-4): one the field's own pattern and length accept (`{tenant_slug}`: Tenant.slug). */
function missingKey(f: Field | undefined): string {
  if (f?.type === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (f?.type === 'integer' || f?.type === 'bigint') return '999999999';
  if (f?.type === 'email') return 'nobody@example.com';
  const ok = (c: string): boolean => c.trim() !== '' && !c.includes('/') && (!f || (fits(f, c) && (!f.pattern || patternMatches(f.pattern, c) === true)));
  const built = f?.pattern ? builtFrom(f.pattern, 'high') : null;
  return ['does-not-exist', ...PATTERN_CANDIDATES, ...(built === null ? [] : [built])].find(ok) ?? 'does-not-exist';
}

/**
 * For a simple anchored pattern (literals, `\d`, `\w` and classes such as `[0-9]` or `[A-Z0-9-]`, each once or
 * with a quantifier), the value that takes the last (`high`) or first (`low`) character of every class the
 * fewest times it allows: `^[0-9]{8}$` -> `99999999` (a key unlikely to exist) or `00000000`; null for anything
 * more elaborate (alternation, groups, negated classes).
 */
function builtFrom(pattern: string, side: 'high' | 'low'): string | null {
  const m = /^\^(.*)\$$/.exec(pattern);
  if (!m) return null;
  const body = m[1]!;
  let out = '';
  let i = 0;
  while (i < body.length) {
    let ch: string;
    if (body[i] === '[') {
      const end = body.indexOf(']', i + 1);
      if (end < 0 || body[i + 1] === '^') return null;
      const cls = body.slice(i + 1, end).replace(/\\-/g, '-');
      // The last range's upper end, else the last plain character of the class (low: the first range's lower end, else the first character).
      const range = side === 'high' ? /([^-])-([^-])(?!.*[^-]-[^-])/.exec(cls) : /([^-])-([^-])/.exec(cls);
      ch = range ? range[side === 'high' ? 2 : 1]! : side === 'high' ? cls.replace(/-/g, '').slice(-1) : cls.replace(/-/g, '').slice(0, 1);
      if (ch === '' || ch === '\\') return null;
      i = end + 1;
    } else if (body[i] === '\\') {
      const e = body[i + 1];
      ch = e === 'd' ? (side === 'high' ? '9' : '0') : e === 'w' ? (side === 'high' ? 'z' : 'a') : e !== undefined && /[^A-Za-z0-9]/.test(e) ? e : '';
      if (ch === '') return null;
      i += 2;
    } else if (/[A-Za-z0-9_-]/.test(body[i]!)) {
      ch = body[i]!;
      i += 1;
    } else return null;
    const q = /^(\{(\d+)(,\d*)?\}|[?*+])?/.exec(body.slice(i))!;
    const times = q[2] !== undefined ? Number(q[2]) : q[1] === '+' ? 1 : q[1] === '?' || q[1] === '*' ? 0 : 1;
    if (times > 256) return null;
    out += ch.repeat(times);
    i += q[0].length;
  }
  return out;
}

/**
 * The malformed values of a path parameter (VER-2), from the field it carries (paramField): not a UUID or an
 * integer for such keys; for a text key, a value its pattern rejects and one longer than its max length
 * (a slug is no UUID: `not-a-uuid` may well be a valid slug); none when any non-empty text is well-formed.
 */
function malformedKeys(f: Field | undefined, param: string): { label: string; value: string }[] {
  if (f?.type === 'uuid') return [{ label: `{${param}} malformed:`, value: 'not-a-uuid' }];
  if (f?.type === 'integer' || f?.type === 'bigint') return [{ label: `{${param}} malformed:`, value: 'abc' }];
  if (!f) return [];
  const out: { label: string; value: string }[] = [];
  if (f.type === 'email') out.push({ label: `{${param}} not an email address:`, value: 'not-an-email' });
  if (f.pattern) {
    // A path segment cannot be empty or hold a slash: only a candidate that can travel in the path.
    const miss = PATTERN_CANDIDATES.find((c) => c.trim() !== '' && patternMatches(f.pattern, c) === false);
    if (miss !== undefined) out.push({ label: `{${param}} not matching ${f.pattern}:`, value: miss });
  }
  if (f.maxLength !== null) out.push({ label: `{${param}} of ${f.maxLength + 1} characters (max length ${f.maxLength})`, value: '' });
  return out;
}

/** Candidates tried, in order, for a value a pattern rejects (VER-2) or accepts (VER-3). */
const PATTERN_CANDIDATES = ['!', '', ' ', '~~', 'a', 'A', '0', 'abc', 'ABC', '123', 'a1', 'abc-123', 'ABC-123', 'example'];

function patternMatches(pattern: string, value: string): boolean | null {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return null;
  }
}

function fits(f: Field, s: string): boolean {
  return f.maxLength === null || s.length <= f.maxLength;
}

/** VER-3's literal for each type whose valid value is one fixed text, as JSON (made once, not per field). */
const VALID_LITERALS = {
  uuid: JSON.stringify('00000000-0000-4000-8000-000000000001'),
  date: JSON.stringify('2024-01-31'),
  datetime: JSON.stringify('2024-01-31T12:00:00Z'),
  email: JSON.stringify('user@example.com'),
  url: JSON.stringify('https://example.com'),
} as const;

/** VER-3: a JSON literal that meets the field's constraints. */
export function validValue(f: Field, entities: ReadonlyMap<string, Entity>): string {
  // A reference holds the referenced entity's primary key (answers.md), whatever the field is called:
  // `icd10_code_code: <code of an existing ICD10Code>` when ICD10Code's key is `code`.
  if (f.references) {
    const target = entities.get(f.references);
    return `<${target?.primaryKey || 'id'} of an existing ${target?.name ?? f.references}>`;
  }
  switch (f.type) {
    case 'integer':
    case 'bigint':
    case 'decimal': {
      const n = f.min !== null ? f.min : f.max !== null ? Math.min(1, f.max) : 1;
      return String(n);
    }
    case 'boolean':
      return 'true';
    case 'uuid':
    case 'date':
    case 'datetime':
    case 'email':
    case 'url':
      return VALID_LITERALS[f.type];
    case 'json':
      return '{}';
    case 'enum':
      return JSON.stringify(f.values[0] ?? '');
    default: {
      if (f.pattern) {
        // VER-3: a candidate, else one built from a simple pattern (`^\\+[1-9][0-9]{7,14}$` -> `+10000000`), else a labelled placeholder.
        const built = builtFrom(f.pattern, 'low');
        const hit = [...PATTERN_CANDIDATES, ...(built === null ? [] : [built])].find((c) => c !== '' && fits(f, c) && patternMatches(f.pattern, c) === true);
        return hit === undefined ? `<placeholder: write a value matching ${f.pattern}>` : JSON.stringify(hit);
      }
      const s = `${f.name}-1`;
      return JSON.stringify(f.maxLength !== null ? s.slice(0, Math.max(1, f.maxLength)) : s);
    }
  }
}

/** VER-2: one bad request per constraint the field has for this method. */
export function invalidValues(f: Field, method: Endpoint['method']): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  // fieldConstraints' `required`, without building the words of every other constraint.
  if (f.required && (method === 'POST' || method === 'PUT')) out.push({ label: `Without ${f.name} (required)`, value: '' });
  if (f.type === 'email') out.push({ label: `${f.name} not an email address:`, value: JSON.stringify('not-an-email') });
  if (f.type === 'url') out.push({ label: `${f.name} not a URL:`, value: JSON.stringify('not a url') });
  if (f.min !== null) out.push({ label: `${f.name} below its minimum ${f.min}:`, value: String(f.min - 1) });
  if (f.max !== null) out.push({ label: `${f.name} above its maximum ${f.max}:`, value: String(f.max + 1) });
  if (f.maxLength !== null) out.push({ label: `${f.name} of ${f.maxLength + 1} characters (max length ${f.maxLength})`, value: '' });
  if (f.pattern) {
    const miss = PATTERN_CANDIDATES.find((c) => patternMatches(f.pattern, c) === false);
    out.push(miss === undefined
      ? { label: `${f.name} not matching ${f.pattern}`, value: '' }
      : { label: `${f.name} not matching ${f.pattern}:`, value: JSON.stringify(miss) });
  }
  if (f.values.length > 0) {
    let bad = 'invalid';
    while (f.values.includes(bad)) bad += '_x';
    out.push({ label: `${f.name} outside ${f.values.join(', ')}:`, value: JSON.stringify(bad) });
  }
  return out;
}

/** References with on_delete restrict that refuse a hard DELETE of the endpoint's item; [] otherwise. */
function restrictingReferences(ep: Endpoint, entities: ReadonlyMap<string, Entity>): { table: string; field: string; entity: string }[] {
  const entity = entities.get(ep.entity);
  if (ep.method !== 'DELETE' || !entity || entity.softDelete || !ep.pathParams.some((p) => p.entity === entity.name)) return [];
  return referrersTo(entities, entity.name).filter(({ field: f }) => f.onDelete === 'restrict').map(({ entity: o, field: f }) => ({ table: o.table, field: f.name, entity: o.name }));
}

/** A step's words before its first parenthesis: `Publish x on sqs after the commit (outbox)` -> `Publish x on sqs after the commit`. */
function stepHead(step: string): string {
  const i = step.indexOf(' (');
  return i > 0 ? step.slice(0, i) : step;
}

function primaryField(e: Entity | undefined): Field | undefined {
  return e?.fields.find((f) => f.name === e.primaryKey);
}

function casesFor(ep: Endpoint, m: Model, entities: ReadonlyMap<string, Entity>): VerificationCase[] {
  const ctx = { entities };
  const out: VerificationCase[] = [];
  const add = (s: ErrorState, kind: CaseKind, label: string, value = ''): void => {
    out.push({ kind, label, value, status: s.status, title: s.title, name: s.name });
  };
  const who = ep.auth === 'none' ? 'without credentials (public)' : ep.auth === 'user' ? `with a valid ${CREDENTIALS[m.stack.auth]}` : `with a valid ${CREDENTIALS[m.stack.auth]} of a caller in the ${ep.auth} role`;
  out.push({ kind: 'valid', label: `Valid request ${who}`, value: '', status: ep.status, title: reasonPhrase(ep.status), name: '' });
  // SVC-15: a webhook redelivered (at least once) is acknowledged again and stored once.
  const own = entities.get(ep.entity);
  const dedupe = own ? dedupeKeys(ep, own) : [];
  if (dedupe.length > 0) {
    out.push({ kind: 'valid', label: `The same delivery again (the same ${joinAnd(dedupe)}): acknowledged again, still one ${storageTerms(m.stack.database).record}, nothing acted on twice`, value: '', status: ep.status, title: reasonPhrase(ep.status), name: '' });
  }

  const integrationPrefixes = ep.integrations.length === 0 ? [] : ep.integrations.map((name) => ({ name, pascal: toPascal(name) || 'Upstream', timeout: m.integrations.find((i) => i.name === name)?.timeoutMs ?? 0 }));
  const found = lookups(ep, ctx);
  const w = storageTerms(m.stack.database);

  // ERR-409-DECL: each unique write is checked under the 409 that answers it, declared or ConflictError.
  const owned = declaredConflicts(ep, { entities, errors: m.errors });
  const idemKey = idempotencyKeyOf(ep, ctx);
  const conflictCases = (s: ErrorState): void => {
    // SVC-6: a repeated insert creates a second row; a repeated update of the same row is no conflict, so an
    // update (a POST on the item, `/orders/{id}/cancel`, included) sets another row's value on an existing item
    // (SVC-3 loads the path's item first: a missing one answers 404, not 409).
    const entity = entities.get(ep.entity);
    const inserts = entity !== undefined && ep.method === 'POST' && writeKind(ep, entity) === 'insert';
    const onItem = entity !== undefined && ep.pathParams.some((p) => p.entity === entity.name) ? ` on an existing ${entity.name}` : '';
    const mine = uniqueWrites(ep, ctx).filter((u) => (owned.get(u)?.name ?? 'ConflictError') === s.name);
    for (const u of mine) {
      if (u === idemKey && entity) {
        // SVC-14: the same key and body is the first request again: its response replayed, nothing written or called twice.
        const calls = ep.integrations.length > 0 ? ` and no second call to ${joinAnd(ep.integrations)}` : '';
        const queued = ep.status === 202 && m.stack.queue !== 'none';
        const what = queued ? `accepted again, stored once by the consumer (no second ${w.record}${calls})` : `the first response replayed (the same ${entity.name}, no second ${w.record}${calls})`;
        out.push({ kind: 'valid', label: `The valid request again with the same ${u} and the same body: ${what}`, value: '', status: ep.status, title: reasonPhrase(ep.status), name: '' });
        add(s, 'duplicate', `The same ${u} again with a different body`);
      } else {
        add(s, 'duplicate', inserts ? `The valid request again with the same ${u}` : `${u} set to the value another ${w.record} already has${onItem}`);
      }
    }
    // IDX-2: on a soft-deleting entity the value is unique among live records only: a deleted one frees it.
    if (inserts && entity.softDelete) {
      for (const u of mine) {
        out.push({ kind: 'valid', label: `The valid request again with the same ${u} once the first ${entity.name} is soft-deleted (deleted_at set): a deleted ${w.record} frees its value`, value: '', status: ep.status, title: reasonPhrase(ep.status), name: '' });
      }
    }
    if (s.name !== 'ConflictError') return;
    // VER-5 words: DynamoDB item types and Neo4j labels are named by the entity, tables and collections by their name.
    const holder = (r: { table: string; entity: string }): string => (w.record === 'item' ? withArticle(`${r.entity} item`) : w.record === 'node' ? `a :${r.entity} node` : `${withArticle(w.record)} of ${r.table}`);
    for (const r of restrictingReferences(ep, entities)) add(s, 'duplicate', `A delete while ${holder(r)} still names it in ${r.field} (on delete restrict)`);
  };
  for (const s of ep.errorStates) {
    const before = out.length;
    if (s.origin === 'derived') {
      if (s.status === 400 && s.name === 'ValidationError') {
        for (const f of requestFields(ep, ctx)) for (const bad of invalidValues(f, ep.method)) add(s, 'invalid', bad.label, bad.value);
        for (const p of ep.pathParams) {
          for (const bad of malformedKeys(paramField(entities.get(p.entity), p.name), p.name)) add(s, 'invalid', bad.label, bad.value);
        }
        if (ep.paginated) add(s, 'invalid', 'An unreadable pagination cursor:', 'not-a-cursor');
      } else if (s.status === 401 && s.name === 'Unauthorized') {
        add(s, 'no-credentials', `No ${CREDENTIALS[m.stack.auth]}`);
      } else if (s.status === 403 && s.name === 'Forbidden') {
        add(s, 'wrong-role', ep.auth === 'admin' ? `A valid ${CREDENTIALS[m.stack.auth]} of an authenticated caller who is not an admin` : `A valid ${CREDENTIALS[m.stack.auth]} of a caller outside the ${ep.auth} role`);
      } else if (s.status === 404) {
        for (const l of found) {
          const e = entities.get(l.entity);
          if (!e || notFoundName(e) !== s.name) continue;
          const where = l.from === 'path' ? `{${l.by}}` : l.by;
          add(s, 'missing', `${where} naming no existing ${e.name}:`, missingKey(l.from === 'path' ? paramField(e, l.by) : primaryField(e)));
          // ERR-404's cause says "or it is soft-deleted": a deleted record answers as a missing one.
          if (e.softDelete) add(s, 'missing', `${where} naming a soft-deleted ${e.name} (deleted_at set)`);
        }
      } else if (s.status === 409 && s.name === 'ConflictError') {
        conflictCases(s);
      } else if (s.status === 429 && s.name === 'RateLimitExceeded') {
        add(s, 'rate-limit', `Requests beyond the rate limit (${s.cause})`);
      } else if (s.status >= 502 && s.status <= 504) {
        const i = integrationPrefixes.find((x) => s.name === `${x.pascal}${s.status === 502 ? 'Error' : s.status === 503 ? 'Unavailable' : 'Timeout'}`);
        if (i) {
          const label = s.status === 502
            ? `${i.name} stubbed to answer with a server error`
            : s.status === 503
              ? `${i.name} stubbed unreachable (connection refused)`
              : `${i.name} stubbed to answer after more than ${i.timeout} ms`;
          add(s, 'integration', label);
        }
      }
    }
    if (s.origin === 'declared' && s.status === 409 && [...owned.values()].some((e) => e.name === s.name)) conflictCases(s);
    // VER-1: any state without a request of its own.
    if (out.length === before) add(s, 'declared', `Trigger ${s.name}: ${s.cause}`);
  }
  return out;
}

function afterwardsFor(ep: Endpoint, m: Model, entities: ReadonlyMap<string, Entity>): string[] {
  // VER-5 in the database's words (STORE-1): rows, documents, items or nodes.
  const w = storageTerms(m.stack.database);
  const cap = (t: string): string => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
  // Tables and collections are named by the entity's table name; DynamoDB keeps every entity in one table
  // (item types) and Neo4j has labels, so there a record is named by its type: `Invoice item`, `:Follow node`.
  const named = w.record === 'item' || w.record === 'node';
  const one = (e: Entity): string => (named ? `${w.record === 'node' ? ':' : ''}${e.name} ${w.record}` : `${w.record} in ${e.table}`);
  const many = (e: Entity): string => (named ? `${w.record === 'node' ? ':' : ''}${e.name} ${w.records}` : `${w.records} of ${e.table}`);
  const place = (e: Entity): string => (named ? `the ${many(e)}` : e.table);
  const out: string[] = [];
  const entity = entities.get(ep.entity);
  const fields = ep.request.kind === 'fields' ? ep.request.fields : [];
  if (entity) {
    const stamps = entity.timestamps;
    // SVC-10: a 202 write with a queue is stored by the consumer, not by the request: check it once that has run.
    const deferred = ep.status === 202 && m.stack.queue !== 'none' && ep.method !== 'GET' && ep.method !== 'DELETE';
    const once = deferred ? 'Once the consumer has processed the message (the 202 means accepted, not yet stored): ' : '';
    if (ep.method === 'GET') {
      out.push(`Nothing changed in ${place(entity)}: the endpoint only reads.`);
      if (entity.softDelete && (ep.paginated || ep.response.kind === 'page')) out.push(`A soft-deleted ${entity.name} (deleted_at set) is in no page.`);
    } else if (ep.method === 'DELETE') {
      if (entity.softDelete) {
        out.push(`The ${one(entity)} is kept with deleted_at set; reads no longer return it.`);
        for (const { entity: other, field: f } of referrersTo(m.entities, entity.name)) {
          if (f.onDelete === 'cascade' && other.softDelete) out.push(`${cap(many(other))} whose ${f.name} named it have deleted_at set too (on delete cascade).`);
          // No deleted_at of their own: they stay until the parent is purged (SVC-3).
          else if (f.onDelete === 'cascade') out.push(`${cap(many(other))} whose ${f.name} named it are still there (no deleted_at of their own; the cascade runs when the ${entity.name} is purged).`);
        }
      }
      // SVC-13: a DELETE on a parent's path says which row it removed.
      else {
        const which = deletedRow(ep, entity, entities);
        out.push(named ? `The ${one(entity)}${which} is gone.` : `The ${w.record}${which} is gone from ${entity.table}.`);
      }
      if (!entity.softDelete) {
        for (const { entity: other, field: f } of referrersTo(m.entities, entity.name)) {
          if (f.onDelete === 'cascade') out.push(`${cap(many(other))} whose ${f.name} named it are gone too (on delete cascade).`);
          else if (f.onDelete === 'set-null') out.push(`${cap(many(other))} whose ${f.name} named it now have no ${f.name} (on delete set-null).`);
          else out.push(`While ${many(other)} name it in ${f.name}, the delete is refused and the ${w.record} stays (on delete restrict).`);
        }
      }
      out.push(named ? `After each failed request: the ${one(entity)} is still there, unchanged.` : `After each failed request: the ${w.record} is still in ${entity.table}, unchanged.`);
    } else if (writeKind(ep, entity) === 'insert') {
      // The reference to each parent the path names is set from the path, not sent (RES-1): check it too.
      const fromPath = ep.pathParams
        .filter((p) => p.entity !== '' && p.entity !== entity.name)
        .flatMap((p) => entity.fields.filter((f) => f.references === p.entity && !fields.includes(f.name)).slice(0, 1).map((f) => `${f.name} from {${p.name}}`));
      // SVC-13: a required reference neither sent nor in the path is the caller's (or named as missing).
      fromPath.push(...pathRow(ep, entity, entities).rest.map((x) => x.replace(' is the caller\'s', ' the caller\'s')));
      const what = fields.length > 0 ? `with ${joinAnd(fields)} as sent${fromPath.length > 0 ? ` and ${joinAnd(fromPath)}` : ''}` : fromPath.length > 0 ? `with ${joinAnd(fromPath)}` : 'for the request';
      out.push(`${once}${once ? 'one' : 'One'} new ${one(entity)} ${what}${stamps ? '; created_at and updated_at set' : ''}.`);
      out.push(`After each failed request: no new ${one(entity)}.`);
    } else {
      const what = fields.length > 0 ? `${joinAnd(fields)} as sent` : 'the request applied';
      out.push(`${once}${once ? 'the' : 'The'} ${one(entity)} has ${what}${stamps ? '; updated_at moved forward' : ''}.`);
      out.push(`After each failed request: the ${one(entity)} is unchanged.`);
    }
  } else {
    out.push(`No ${w.container} is written by this endpoint directly.`);
  }
  const method = methodsByEndpoint(m.plan.services).get(ep.id);
  for (const step of method?.steps ?? []) {
    if (isQueueStep(step)) out.push(`Queue: one message per successful request and none after a failed one (${stepHead(step)}).`);
  }
  for (const name of ep.integrations) {
    const i = m.integrations.find((x) => x.name === name);
    if (!i) continue;
    // The key the service step sends (SVC-3), so the two never disagree; a retried call that is not idempotent
    // must not repeat its effect when a timed-out attempt is retried.
    const key = idempotencyKeyText(i, requestFields(ep, { entities }).find((f) => f.name.includes('idempotency'))?.name ?? '', ep.entity);
    const carrying = key ? `, carrying the ${key.replace(/^an /, '')}` : '';
    const once = i.retry !== 'none' && !i.idempotent ? ` A first attempt stubbed to time out, then retried: ${i.name} records the effect once.` : '';
    if (sideEffectAfterCommit(ep, i, { entities, errors: m.errors })) out.push(`${i.name}: one call per successful write, after the commit${carrying}; none after a failed request, and its own failure leaves the write in place.${once}`);
    else out.push(`${i.name}: one call per valid request${carrying}; a failure answered from it leaves no ${w.record} behind.${once}`);
  }
  return out;
}

/** VER-6. */
export function responseTarget(m: Pick<Model, 'requirements'>): string {
  const r = m.requirements;
  if (r.latencyP95Ms === null) return 'no target in the answers';
  const at = r.throughputRps !== null ? ` at ${r.throughputRps} requests per second` : '';
  return `p95 under ${r.latencyP95Ms} ms${at}`;
}

/** Seconds per rate-limit window unit (answers: `100/s`, `6000/min`, `10/h`). */
const WINDOW_SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600 };
/** More simulated clients than this is no realistic load test: the endpoint is measured at its own limit instead. */
const MAX_LOAD_CLIENTS = 1000;

/**
 * VER-6 per endpoint: an endpoint whose per-client rate limit is below the throughput target answers one client
 * with 429 long before that throughput: the load is spread over enough clients, or it is measured at its limit.
 */
export function endpointTarget(ep: Pick<Endpoint, 'rateLimit'>, m: Pick<Model, 'requirements'>): string {
  const r = m.requirements;
  const limit = /^(\d+)\/(s|min|h)$/.exec(ep.rateLimit);
  if (r.latencyP95Ms === null || r.throughputRps === null || !limit) return responseTarget(m);
  const rps = Number(limit[1]) / WINDOW_SECONDS[limit[2]!]!;
  if (rps >= r.throughputRps) return responseTarget(m);
  // The limit is per client: the load must come from enough clients, or, past a sane number, the endpoint is measured at its limit.
  const clients = Math.ceil(r.throughputRps / rps);
  return clients <= MAX_LOAD_CLIENTS
    ? `${responseTarget(m)}, spread over at least ${clients} clients: each is limited to ${ep.rateLimit} (429 beyond)`
    : `p95 under ${r.latencyP95Ms} ms, measured within its limit of ${ep.rateLimit} per client: the ${r.throughputRps} requests per second are the system's, not this endpoint's`;
}

/** The cases with their labels made flat (text.ts flat): they live until the verification plan is rendered. */
function flatLabels(cases: VerificationCase[]): VerificationCase[] {
  for (const c of cases) flat(c.label);
  return cases;
}

/** VER-1 .. VER-6 for every endpoint, in endpoint order. */
export function verification(m: Model): Verification {
  const entities = entitiesByName(m.entities);
  const target = responseTarget(m);
  // VER-6: without a target there is nothing to compare with, so the check is to measure and record the p95.
  const noTarget = m.requirements.latencyP95Ms === null;
  return {
    target,
    targetCheck: noTarget ? `${target}; record the p95 per endpoint` : target,
    endpoints: m.endpoints.map((ep) => {
      // Without a rate limit an endpoint is held to the plan's target (VER-6).
      const own = ep.rateLimit ? endpointTarget(ep, m) : target;
      return {
        endpoint: ep.id,
        body: requestFields(ep, { entities }).map((f) => ({ field: f.name, value: flat(validValue(f, entities)) })),
        cases: flatLabels(casesFor(ep, m, entities)),
        afterwards: flatAll(afterwardsFor(ep, m, entities)),
        target: own,
        targetCheck: noTarget ? `${target}; record the p95` : own,
      };
    }),
  };
}
