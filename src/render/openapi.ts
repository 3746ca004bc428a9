// The `openapi` format (openapi.yaml): an OpenAPI 3.1 contract of every endpoint, from the resolved model.
// Pure. buildOpenApi gives the document as plain data (keys in a fixed order); renderOpenApi emits it with
// the yaml library (the writer adds the generated-file marker). Choices are documented in docs/openapi-ddl.md.

import { yamlLibrary } from '../yaml-library.js';
import { toKebab, toPascal } from '../answers/names.js';
import { isCoreNumber } from '../answers/yaml-number.js';
import { reasonPhrase } from '../derive/http.js';
import { collector, type TextSink } from './tidy.js';
import { blockYaml, LazyMap, UnsupportedYaml } from './yaml-text.js';
import type { Endpoint, Entity, ErrorState, Field, Model } from '../derive/model.js';

export const OPENAPI_VERSION = '3.1.0';
/** The API's own version: the answers carry none, and the first contract is 1.0.0. */
export const API_VERSION = '1.0.0';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** Page size bounds of every paginated list. */
export const PAGE_LIMIT = { default: 20, maximum: 100 } as const;
/** Where OAuth 2.0 and OpenID Connect placeholders point: to be replaced with the real authorization server. */
export const AUTH_PLACEHOLDER = 'https://auth.example.com';
/** A decimal travels as a string so no client rounds it through a float; at most 4 decimals, as numeric(19,4) keeps. */
export const DECIMAL_PATTERN = '^-?[0-9]{1,15}(\\.[0-9]{1,4})?$';
const UNSIGNED_DECIMAL_PATTERN = '^[0-9]{1,15}(\\.[0-9]{1,4})?$';
/** A bigint travels as a decimal string for the same reason (JavaScript numbers hold 53 bits). */
export const INT64_PATTERN = '^-?[0-9]{1,19}$';
const UNSIGNED_INT64_PATTERN = '^[0-9]{1,19}$';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
/** A value a shared part is keyed by. */
type KeyValue = string | number | boolean | null;
/** A part many operations have alike, made by `make` the first time its key is asked for, then the same object. */
type Shared = <T extends Json>(key: readonly KeyValue[], make: () => T) => T;

/** Placeholder host under the .example top-level domain that RFC 2606 reserves for documentation. */
export function serverUrl(model: Model): string {
  return `https://api.${model.project.slug || 'service'}.example`;
}

/** The security scheme each stack.auth declares, by its key in components.securitySchemes; null for none. */
function securityScheme(model: Model, roles: string[]): { key: string; scheme: JsonObject } | null {
  const roleText = roles.length > 0
    ? ` Roles the endpoints require: ${roles.join(', ')}; the credentials carry the caller's roles and each operation's description names the one it needs.`
    : '';
  switch (model.stack.auth) {
    case 'jwt':
      return { key: 'bearerAuth', scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `A signed JWT in the Authorization header.${roleText}` } };
    case 'oauth2':
      return {
        key: 'oauth2',
        scheme: {
          type: 'oauth2',
          description: `OAuth 2.0 authorization code flow; the URLs are placeholders for the real authorization server.${roleText}`,
          flows: { authorizationCode: { authorizationUrl: `${AUTH_PLACEHOLDER}/authorize`, tokenUrl: `${AUTH_PLACEHOLDER}/token`, scopes: {} } },
        },
      };
    case 'oidc':
      return {
        key: 'openIdConnect',
        scheme: {
          type: 'openIdConnect',
          description: `OpenID Connect; the discovery URL is a placeholder for the real identity provider.${roleText}`,
          openIdConnectUrl: `${AUTH_PLACEHOLDER}/.well-known/openid-configuration`,
        },
      };
    case 'api-key':
      return { key: 'apiKey', scheme: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: `An API key in the X-API-Key header.${roleText}` } };
    case 'session':
      return { key: 'sessionCookie', scheme: { type: 'apiKey', in: 'cookie', name: 'session', description: `A session cookie set at sign-in.${roleText}` } };
    case 'none':
      return null;
  }
}

/** The JSON Schema of one field's value. */
function valueSchema(f: Field): JsonObject {
  const s: JsonObject = {};
  switch (f.type) {
    case 'string': case 'text':
      s.type = 'string';
      break;
    case 'email':
      Object.assign(s, { type: 'string', format: 'email' });
      break;
    case 'url':
      Object.assign(s, { type: 'string', format: 'uri' });
      break;
    case 'integer':
      Object.assign(s, { type: 'integer', format: 'int32' });
      break;
    case 'bigint':
      // As a decimal string, like the code models: JSON numbers past 2^53 lose digits in JavaScript clients.
      Object.assign(s, { type: 'string', format: 'int64', pattern: f.min !== null && f.min >= 0 ? UNSIGNED_INT64_PATTERN : INT64_PATTERN });
      break;
    case 'decimal':
      Object.assign(s, { type: 'string', format: 'decimal', pattern: f.min !== null && f.min >= 0 ? UNSIGNED_DECIMAL_PATTERN : DECIMAL_PATTERN });
      break;
    case 'boolean':
      s.type = 'boolean';
      break;
    case 'uuid':
      Object.assign(s, { type: 'string', format: 'uuid' });
      break;
    case 'date':
      Object.assign(s, { type: 'string', format: 'date' });
      break;
    case 'datetime':
      Object.assign(s, { type: 'string', format: 'date-time' });
      break;
    case 'json':
      break; // any JSON value
    case 'enum':
      Object.assign(s, { type: 'string', enum: [...f.values] });
      break;
  }
  if (f.type === 'integer') {
    if (f.min !== null) s.minimum = f.min;
    if (f.max !== null) s.maximum = f.max;
  }
  if (f.maxLength !== null) s.maxLength = f.maxLength;
  if (f.pattern) s.pattern = f.pattern;
  return s;
}

function words(f: Field): string {
  const parts: string[] = [];
  if (f.description) parts.push(/[.!?]$/.test(f.description) ? f.description : `${f.description}.`);
  // Bounds of a number sent as a string cannot be JSON Schema keywords: they are stated instead.
  const asString = f.type === 'decimal' || f.type === 'bigint';
  if (asString && f.min !== null) parts.push(`At least ${f.min}.`);
  if (asString && f.max !== null) parts.push(`At most ${f.max}.`);
  if (f.type === 'decimal') parts.push('A decimal number as a string, at most 4 decimals.');
  if (f.type === 'bigint') parts.push('A 64-bit integer as a decimal string.');
  if (f.type === 'json') parts.push('Any JSON value.');
  if (f.references) parts.push(`References ${f.references}.`);
  return parts.join(' ');
}

/** The answers' default, typed for the field. */
function typedDefault(f: Field): Json {
  const v = f.default;
  if (f.type === 'boolean') return v === true || v === 'true' || v === 1 || v === '1';
  if (f.type === 'integer') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  if (f.type === 'json' && typeof v === 'string') {
    try {
      return JSON.parse(v) as Json;
    } catch {
      return v;
    }
  }
  return String(v);
}

/** A field as a property: for an entity (nullable when optional, readOnly when generated) or a request. */
function propertySchema(f: Field, use: 'entity' | 'request'): JsonObject {
  const s = valueSchema(f);
  if (use === 'entity' && !f.required && !f.primary && f.type !== 'json') {
    // Optional columns are null when unset: the entity always has every property.
    s.type = [s.type as string, 'null'];
    if (Array.isArray(s.enum)) s.enum = [...s.enum, null];
  }
  const text = words(f);
  if (text) s.description = text;
  if (f.default !== null) s.default = typedDefault(f);
  if (use === 'entity' && f.generated) s.readOnly = true;
  return s;
}

/**
 * propertySchema, shared (see sharedParts) by the fields alike in all it reads: ids, timestamps and common fields
 * recur across entities and requests. A field with a -0, which a key cannot tell from 0, gets its own.
 */
function sharedProperty(f: Field, use: 'entity' | 'request', shared: Shared): JsonObject {
  if ([f.min, f.max, f.maxLength, f.default].some((n) => Object.is(n, -0))) return propertySchema(f, use);
  const key = ['property', use, f.type, f.required, f.primary, f.generated, f.default, f.min, f.max, f.maxLength, f.pattern, f.description, f.references, f.values.length, ...f.values];
  return shared(key, () => propertySchema(f, use));
}

function entitySchema(e: Entity, shared: Shared): JsonObject {
  return {
    type: 'object',
    description: e.description || `${/^[AEIOU]/i.test(e.name) ? 'An' : 'A'} ${e.name}.`,
    required: e.fields.map((f) => f.name),
    properties: Object.fromEntries(e.fields.map((f) => [f.name, sharedProperty(f, 'entity', shared)])),
  };
}

function pageSchema(e: Entity): JsonObject {
  return {
    type: 'object',
    description: `One page of ${e.plural.prose}; follow next_cursor for the next page.`,
    required: ['items', 'next_cursor'],
    properties: {
      items: { type: 'array', items: ref(e.name) },
      next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` to get the next page; null on the last page.' },
    },
  };
}

/**
 * `value` frozen all through and returned: blockYaml writes the text of a frozen part once per depth, however often
 * the document repeats it (error responses, examples and references recur in thousands of operations).
 */
function frozen<T extends Json>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/** Where a key ends in the nested maps of sharedParts (a key may go on past another). */
const KEY_END = Symbol('key end');

/**
 * Parts that many operations have alike (error and success responses, path parameters, property schemas, tag
 * lists), made once each, by the list of values (kind first) they are made of, and frozen, so blockYaml writes
 * each once. The key is looked up value by value in nested maps: no key text to build and hash per lookup. Maps
 * compare numbers as SameValueZero (0 and -0 alike): a caller keeps -0 out of its keys.
 */
function sharedParts(): Shared {
  const root = new Map<unknown, Map<unknown, unknown>>();
  return <T extends Json>(key: readonly KeyValue[], make: () => T): T => {
    let level: Map<unknown, unknown> = root;
    for (const value of key) {
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) level.set(value, (next = new Map()));
      level = next;
    }
    let part = level.get(KEY_END) as T | undefined;
    if (part === undefined) level.set(KEY_END, (part = frozen(make())));
    return part;
  };
}

const PROBLEM_SCHEMA: JsonObject = {
  type: 'object',
  description: `Problem details (RFC 9457), the body of every error response, sent as ${PROBLEM_MEDIA_TYPE}.`,
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri-reference', description: 'Identifies the problem type; its last segment is the error name in kebab case.' },
    title: { type: 'string', description: 'The HTTP reason phrase of the status.' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'What went wrong in this occurrence.' },
    instance: { type: 'string', format: 'uri-reference', description: 'The request path this occurrence answers.' },
    code: { type: 'string', description: 'The error name, such as ValidationError or PaymentDeclined.' },
    errors: {
      type: 'array',
      description: 'For a ValidationError: one entry per invalid member of the request.',
      items: {
        type: 'object',
        required: ['pointer', 'detail'],
        properties: {
          pointer: { type: 'string', description: 'JSON Pointer to the invalid member, such as /amount_cents.' },
          detail: { type: 'string' },
        },
      },
    },
  },
};
frozen(PROBLEM_SCHEMA);

function ref(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** Sent with every 429, so clients wait rather than retry at once (RFC 9110). */
const RETRY_AFTER: JsonObject = frozen({ description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } });

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'patch'] as const;

function authText(ep: Endpoint, scheme: string): string {
  if (ep.auth === 'none') return 'Public: no credentials.';
  const who = ep.auth === 'user' ? 'any authenticated caller' : `the \`${ep.auth}\` role`;
  if (!scheme) return `Meant for ${who}, but stack.auth is none: no security scheme is declared.`;
  return `Requires ${who}.`;
}

/** The document as plain data, keys in their fixed order. */
export function buildOpenApi(model: Model): object {
  const parts = openApiParts(model);
  return { ...parts.head, paths: Object.fromEntries(parts.paths()), components: parts.components };
}

/**
 * The document in parts: everything before `paths`, the path items one at a time (in order), and `components`.
 */
function openApiParts(model: Model): { head: JsonObject; pathCount: number; paths: () => Iterable<[string, JsonObject]>; components: JsonObject } {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const roles = [...new Set(model.endpoints.map((e) => e.auth).filter((a) => a !== 'none' && a !== 'user'))].sort();
  const security = securityScheme(model, roles);
  const schemeKey = security?.key ?? '';
  const catalog = new Map((model.plan?.errorCatalog ?? []).map((c) => [`${c.status} ${c.name}`, c.message]));
  const problemBase = `${serverUrl(model)}/problems/`;
  const shared = sharedParts();

  // Tags: entities with endpoints, in answer order, then the groups of endpoints on no entity.
  const tagOf = (ep: Endpoint): string => ep.entity || ep.service.replace(/Service$/, '') || 'Other';
  const used = new Set(model.endpoints.map(tagOf));
  const tags: JsonObject[] = [];
  for (const e of model.entities) {
    if (used.has(e.name)) tags.push({ name: e.name, description: e.description || `Endpoints on ${e.plural.prose}.` });
  }
  const tagNames = new Set(tags.map((x) => x.name));
  for (const ep of model.endpoints) {
    const t = tagOf(ep);
    if (!tagNames.has(t)) {
      tagNames.add(t);
      const paths = [...new Set(model.endpoints.filter((x) => tagOf(x) === t).map((x) => x.path))];
      tags.push({ name: t, description: `Endpoints on no single entity: ${paths.join(', ')}.` });
    }
  }

  // A schema per entity the API returns, and a page schema per entity it lists; an entity no response carries
  // is not part of the contract (the ddl and the plans still describe it).
  const schemas: JsonObject = {};
  const returned = new Set<string>();
  const pages = new Set<string>();
  for (const ep of model.endpoints) {
    if (ep.response.kind === 'none' || ep.status === 204) continue;
    returned.add(ep.response.entity);
    if (ep.response.kind === 'page') pages.add(ep.response.entity);
  }
  for (const e of model.entities) {
    if (returned.has(e.name)) schemas[e.name] = entitySchema(e, shared);
    if (pages.has(e.name)) schemas[`${e.name}Page`] = pageSchema(e);
  }
  // First, in endpoint order, what depends on that order: operation ids and request schema names (suffixed
  // when taken) and the request schemas themselves (components list them in that order).
  const requestSchemas: JsonObject = {};
  const operationIds = new Set<string>();
  const byPath = new Map<string, { ep: Endpoint; operationId: string; request: string }[]>();
  for (const ep of model.endpoints) {
    const baseId = ep.handler || `${ep.method.toLowerCase()}${toPascal(ep.path)}`;
    let operationId = baseId;
    for (let n = 2; operationIds.has(operationId); n++) operationId = `${baseId}${n}`;
    operationIds.add(operationId);
    const entity = entities.get(ep.entity);
    let request = '';
    if (ep.request.kind === 'fields' && entity) {
      request = uniqueName(`${toPascal(operationId)}Request`, schemas, requestSchemas);
      requestSchemas[request] = requestSchema(ep, entity, shared);
    }
    const list = byPath.get(ep.path) ?? [];
    list.push({ ep, operationId, request });
    byPath.set(ep.path, list);
  }

  const operation = ({ ep, operationId, request }: { ep: Endpoint; operationId: string; request: string }): JsonObject => {
    const op: JsonObject = {
      tags: shared(['tags', tagOf(ep)], () => [tagOf(ep)]),
      summary: ep.summary || `${ep.method} ${ep.path}`,
      description: describe(ep, schemeKey, model),
      operationId,
    };
    const parameters = parametersOf(ep, entities, shared);
    if (parameters.length > 0) op.parameters = parameters;
    if (request) {
      op.requestBody = { required: true, content: { 'application/json': { schema: ref(request) } } };
    } else if (ep.request.kind === 'raw') {
      op.requestBody = {
        required: true,
        description: 'Taken as it comes: the handler reads the raw bytes (for instance to check a signature) before parsing, so no schema is enforced.',
        content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
      };
    }
    // Spread, not Object.assign: it defines own properties, so no key can reach a prototype.
    const success = shared(['success', ep.status, ep.response.kind, ep.response.kind === 'none' ? '' : ep.response.entity, ep.idempotencyKey], () => successResponse(ep, entities));
    op.responses = { [String(ep.status)]: success, ...errorResponses(ep, catalog, problemBase, shared) };
    op.security = ep.auth === 'none' || !schemeKey ? [] : shared(['security'], () => [{ [schemeKey]: [] }]);
    return op;
  };

  // Each path's item built only when asked for: a large model's operations need not all be held at once.
  function* paths(): Generator<[string, JsonObject]> {
    for (const [path, list] of byPath) {
      const methods = new Map(list.map((x) => [x.ep.method.toLowerCase(), x]));
      const item: JsonObject = {};
      for (const m of METHOD_ORDER) {
        const x = methods.get(m);
        if (x) item[m] = operation(x);
      }
      yield [path, item];
    }
  }

  const info: JsonObject = {
    title: `${model.project.name} API`,
    summary: model.project.summary,
    description: [
      model.project.summary,
      '',
      `Generated by archplan from ${model.source}. The server address${security && (model.stack.auth === 'oauth2' || model.stack.auth === 'oidc') ? ' and the authorization URLs are placeholders' : ' is a placeholder'} to replace with the deployed ones.`,
      ...(model.project.platform ? ['', `Builds on ${model.project.platform}.`] : []),
    ].join('\n'),
    version: API_VERSION,
  };

  const components: JsonObject = { schemas: { ...schemas, ...requestSchemas, Problem: PROBLEM_SCHEMA } };
  if (security) components.securitySchemes = { [security.key]: security.scheme };

  return {
    head: {
      openapi: OPENAPI_VERSION,
      info,
      servers: [{ url: serverUrl(model), description: 'Placeholder address (the .example domain is reserved for documentation): replace with the deployed API.' }],
      tags,
    },
    pathCount: byPath.size,
    paths,
    components,
  };
}

/** The request body schema of an endpoint that takes fields of `entity`. */
function requestSchema(ep: Endpoint, entity: Entity, shared: Shared): JsonObject {
  const fields = ep.request.kind === 'fields' ? ep.request.fields.map((n) => entity.fields.find((f) => f.name === n)).filter((f): f is Field => f !== undefined) : [];
  // Required members only where the whole resource is sent (POST, PUT); PATCH changes what it carries.
  const whole = ep.method === 'POST' || ep.method === 'PUT';
  const body: JsonObject = { type: 'object', description: `The request of ${ep.id}.` };
  const required = whole ? fields.filter((f) => f.required).map((f) => f.name) : [];
  if (required.length > 0) body.required = required;
  body.properties = Object.fromEntries(fields.map((f) => [f.name, sharedProperty(f, 'request', shared)]));
  body.additionalProperties = false;
  if (ep.method === 'PATCH' && fields.length > 0) body.minProperties = 1;
  return body;
}

function successResponse(e: Endpoint, entities: ReadonlyMap<string, Entity>): JsonObject {
  const phrase = reasonPhrase(e.status);
  if (e.status === 204 || e.response.kind === 'none') return { description: phrase };
  const target = entities.get(e.response.entity);
  if (!target) return { description: phrase };
  if (e.response.kind === 'page') {
    return { description: `${phrase}: a page of ${target.plural.prose}.`, content: { 'application/json': { schema: ref(`${target.name}Page`) } } };
  }
  // SVC-14: a repeat with the same idempotency key and body gets this response again, not a 409.
  const replay = e.idempotencyKey ? ` A repeat with the same ${e.idempotencyKey} and the same body gets this response again (the first ${target.names.prose}, nothing created twice).` : '';
  return { description: `${phrase}: the ${target.names.prose}.${replay}`, content: { 'application/json': { schema: ref(target.name) } } };
}

/** Path parameters, typed like the key of the entity each names; a list's cursor and limit. */
function parametersOf(ep: Endpoint, entities: ReadonlyMap<string, Entity>, shared: Shared): JsonObject[] {
  const parameters: JsonObject[] = ep.pathParams.map((p) => shared(['parameter', p.name, p.entity], () => {
    const target = entities.get(p.entity);
    const key = target?.fields.find((f) => f.primary);
    return {
      name: p.name,
      in: 'path',
      required: true,
      description: target ? `The ${target.name}'s ${key?.name ?? target.primaryKey}.` : `The ${p.name} of the path.`,
      schema: key ? valueSchema(key) : { type: 'string' },
    };
  }));
  if (ep.response.kind === 'page') parameters.push(...PAGE_PARAMETERS);
  return parameters;
}

/** A list's cursor and limit. */
const PAGE_PARAMETERS = frozen<JsonObject[]>([
  { name: 'cursor', in: 'query', required: false, description: 'The next_cursor of the previous page; absent for the first page.', schema: { type: 'string' } },
  { name: 'limit', in: 'query', required: false, description: 'Most items on the page.', schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT.maximum, default: PAGE_LIMIT.default } },
]);

/** `TooManyRequests` and `Too Many Requests` say the same: the error name is not repeated after its reason phrase. */
function sameWords(name: string, phrase: string): boolean {
  return name.replace(/[^A-Za-z]/g, '').toLowerCase() === phrase.replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** One response per error status of the endpoint (errorStates, from the planning engine), ascending. */
function errorResponses(ep: Endpoint, catalog: ReadonlyMap<string, string>, problemBase: string, shared: Shared): JsonObject {
  const responses: JsonObject = {};
  const byStatus = new Map<number, ErrorState[]>();
  for (const s of ep.errorStates) {
    const states = byStatus.get(s.status);
    if (states) states.push(s);
    else byStatus.set(s.status, [s]);
  }
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const states = byStatus.get(status)!;
    // Keyed by everything the response is made of (the catalog and the problem base are the document's).
    const key: KeyValue[] = ['error', status, states.length];
    for (const s of states) key.push(s.name, s.title, s.cause);
    responses[String(status)] = shared(key, () => errorResponse(status, states, catalog, problemBase));
  }
  return responses;
}

function errorResponse(status: number, states: readonly ErrorState[], catalog: ReadonlyMap<string, string>, problemBase: string): JsonObject {
  const phrase = reasonPhrase(status);
  return {
    description: `${phrase}: ${states.map((s) => (sameWords(s.name, phrase) ? s.cause : `${s.name} (${s.cause})`)).join('; ')}.`,
    ...(status === 429 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: ref('Problem'),
        examples: Object.fromEntries(states.map((s) => [s.name, {
          summary: s.cause,
          value: {
            type: `${problemBase}${toKebab(s.name)}`,
            title: s.title,
            status: s.status,
            detail: catalog.get(`${s.status} ${s.name}`) ?? s.cause,
            code: s.name,
          },
        }])),
      },
    },
  };
}

function describe(ep: Endpoint, scheme: string, model: Model): string {
  const lines = [authText(ep, scheme)];
  if (ep.response.kind === 'page') lines.push('Paginated by cursor: pass the page\'s `next_cursor` back as `cursor` until it is null.');
  if (ep.rateLimit) lines.push(`Rate limit: ${ep.rateLimit}.`);
  for (const name of ep.integrations) {
    const i = model.integrations.find((x) => x.name === name);
    lines.push(`Calls ${name}${i ? ` (timeout ${i.timeoutMs} ms)` : ''}.`);
  }
  if (ep.service) lines.push(`Handled by ${ep.service}.${ep.handler}.`);
  return lines.join('\n');
}

function uniqueName(wanted: string, ...taken: JsonObject[]): string {
  let name = wanted;
  for (let n = 2; taken.some((t) => name in t) || name === 'Problem'; n++) name = `${wanted}${n}`;
  return name;
}

/** The document as YAML. Strings YAML 1.1 would read as something else (`no`, `on`, `1_000`) are quoted, so
 *  1.1 and 1.2 parsers read the same document; no anchors or aliases; no folding of long lines. */
export function renderOpenApi(model: Model): string {
  const pieces: string[] = [];
  writeOpenApi(model, collector(pieces));
  return pieces.join('');
}

/** renderOpenApi, handed to `out` in pieces as it is written. */
export function writeOpenApi(model: Model, out: TextSink): void {
  const parts = openApiParts(model);
  // The same bytes as the Document below, written without building its node tree, and with each path item
  // built only when written (time and memory on large models); the Document stays for the shapes blockYaml
  // leaves to it, which it may find only halfway.
  try {
    const data = { ...parts.head, paths: new LazyMap(parts.pathCount, parts.paths), components: parts.components };
    blockYaml(data, isCoreNumber, (text) => out.write(text));
    return;
  } catch (e) {
    if (!(e instanceof UnsupportedYaml)) throw e;
    out.restart();
  }
  const { Document, isScalar, visit } = yamlLibrary();
  const doc = new Document(buildOpenApi(model), { version: '1.1', aliasDuplicateObjects: false });
  // Written for YAML 1.1 readers, a text like `0o17` or `1e3` stays plain, and a 1.2 reader takes it for a
  // number: such texts are double-quoted, so both read the same string.
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && isCoreNumber(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  out.write(doc.toString({ lineWidth: 0 }));
}

