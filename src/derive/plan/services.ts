// Services and their methods: signatures in the chosen language's idiom and ordered steps. Pure.
// Rules (docs/rules.md, "Handlers and services"):
// - SVC-1 one service per entity that endpoints touch (answer order), then one per group of entity-less
//   endpoints (order of first endpoint); a method per endpoint, in endpoint order.
// - SVC-2 signature: path parameters (typed from the primary key they name), then the request: a
//   `<Handler>Request` type for field requests, raw bytes for `raw`; the result is the entity, `<Entity>Page`
//   for a page, nothing for an empty response.
// - SVC-3 steps, in this order, each only when it applies: validate input (ERR-400), authorize (ERR-401/403),
//   check uniqueness (ERR-409), load referenced rows (ERR-404), map the declared errors, call each integration
//   (timeout, retry, idempotency key), persist in a transaction (or read), publish an event after the commit
//   when a queue is chosen, return.
// - SVC-4 a method is transactional when it writes an entity (any method but GET on an entity endpoint).
// - SVC-5 a service depends on the services of the entities it loads and on the integrations it calls.

import { toCamel, toPascal, toSnake } from '../../answers/names.js';
import type { DomainError, Endpoint, Entity, Integration, Service, ServiceMethod, Stack } from '../model.js';
import type { FieldType, Language } from '../../answers/answers.js';
import { lookups, paramField, restrictingReferences, RETRY_TEXT, requestFields, uniqueWrites, validationTargets } from './errors.js';
import { joinAnd, unique, uniqueSorted } from './text.js';
import type { EndpointNames } from './handlers.js';

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
  go: new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var', 'ctx', 'in', 's', 'payload']),
  typescript: new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await', 'input', 'payload']),
  python: new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'data', 'payload']),
};

/** A path parameter as an argument name in `lang`: camelCase (snake_case in Python), suffixed when the name is taken. */
export function argName(name: string, lang: Language): string {
  const base = lang === 'python' ? toSnake(name) : toCamel(name);
  const safe = base === '' ? 'param' : /^[0-9]/.test(base) ? `p${base}` : base;
  if (!TAKEN[lang].has(safe)) return safe;
  return lang === 'python' ? `${safe}_` : `${safe}Param`;
}

function langType(t: FieldType, lang: Language): string {
  if (NUMERIC.has(t)) return lang === 'go' ? 'int64' : lang === 'typescript' ? 'number' : 'int';
  return lang === 'python' ? 'str' : 'string';
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
      const args = ['ctx context.Context', ...params.map((p) => `${argName(p.name, lang)} ${langType(p.type, lang)}`)];
      if (input) args.push(`in ${input}`);
      if (raw) args.push('payload []byte');
      const result = output === 'void' ? 'error' : `(*${output}, error)`;
      return `func (s *${service}) ${toPascal(handler)}(${args.join(', ')}) ${result}`;
    }
    case 'typescript': {
      const args = params.map((p) => `${argName(p.name, lang)}: ${langType(p.type, lang)}`);
      if (input) args.push(`input: ${input}`);
      if (raw) args.push('payload: Buffer');
      return `${handler}(${args.join(', ')}): Promise<${output}>`;
    }
    case 'python': {
      const args = ['self', ...params.map((p) => `${argName(p.name, lang)}: ${langType(p.type, lang)}`)];
      if (input) args.push(`data: ${input}`);
      if (raw) args.push('payload: bytes');
      return `def ${toSnake(handler)}(${args.join(', ')}) -> ${output === 'void' ? 'None' : output}`;
    }
  }
}

/** Seed 003's `name(arg: Type) -> Type`, language-neutral: path parameters typed by their field type. */
export function blueprintSignature(handler: string, ep: Endpoint, input: string, output: string, params: Param[]): string {
  const args = params.map((p) => `${p.name}: ${p.type}`);
  if (input) args.push(`data: ${input}`);
  if (ep.request.kind === 'raw') args.push('payload: bytes');
  return `${handler}(${args.join(', ')}) -> ${output}`;
}

const EVENT_VERB: Record<Endpoint['method'], string> = { GET: '', POST: 'created', PUT: 'replaced', PATCH: 'updated', DELETE: 'deleted' };

/** SVC-3. */
export function steps(ep: Endpoint, names: EndpointNames, ctx: ServiceContext): string[] {
  const out: string[] = [];
  const entity = ctx.entities.get(ep.entity);

  const targets = validationTargets(ep, ctx);
  if (targets.length > 0) out.push(`Validate input: ${joinAnd(targets)} (400 ValidationError)`);

  if (ep.auth !== 'none') {
    const who = ep.auth === 'user' ? 'an authenticated caller' : ep.auth === 'admin' ? 'an authenticated admin' : `an authenticated caller in the ${ep.auth} role`;
    out.push(`Authorize: require ${who} (${ctx.stack.auth}; 401 Unauthorized${ep.auth === 'user' ? '' : ', 403 Forbidden'})`);
  }

  const uniques = uniqueWrites(ep, ctx);
  if (uniques.length > 0) out.push(`Check uniqueness of ${joinAnd(uniques)} (409 ConflictError)`);
  const restricting = restrictingReferences(ep, ctx);
  if (restricting.length > 0) out.push(`Refuse the delete while ${joinAnd(restricting)} still ${restricting.length === 1 ? 'references' : 'reference'} it (409 ConflictError)`);

  for (const l of lookups(ep, ctx)) {
    const e = ctx.entities.get(l.entity)!;
    const where = l.from === 'path' ? `{${l.by}}` : l.by;
    out.push(`Load the ${e.name} named by ${where} (404 ${e.names.pascal}NotFound)`);
  }

  const declared = ep.errors.map((n) => ctx.errors.find((e) => e.name === n)).filter((e): e is DomainError => e !== undefined);
  if (declared.length > 0) out.push(`Map failures to the declared errors: ${declared.map((e) => `${e.name} (${e.status}: ${e.when || e.message})`).join('; ')}`);

  const fields = requestFields(ep, ctx);
  const keyField = fields.find((f) => f.name.includes('idempotency'));
  for (const name of ep.integrations) {
    const i = ctx.integrations.get(name);
    if (!i) continue;
    const parts = [`timeout ${i.timeoutMs} ms`, RETRY_TEXT[i.retry]];
    if (keyField) parts.push(`idempotency key ${keyField.name}`);
    else if (i.retry !== 'none' || i.idempotent) parts.push(`an idempotency key per ${entity ? entity.name : 'request'}`);
    if (i.rateLimit) parts.push(`within its ${i.rateLimit}`);
    out.push(`Call ${i.name} (${parts.join(', ')})`);
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
        const index = lead ? entity.indexes.find((ix) => ix.fields[0] === lead) : undefined;
        out.push(`Read a page of ${entity.plural.snake.replace(/_/g, ' ')}${of}${fk ? ` by ${fk}` : ''}${index ? ` (index ${index.name})` : ''}`);
      }
      else if (!lookups(ep, ctx).some((l) => l.entity === entity.name)) out.push(`Read the ${entity.name}`);
    } else if (ep.method === 'DELETE') {
      const cascades = [...ctx.entities.values()].filter((o) => o.fields.some((f) => f.references === entity.name && f.onDelete === 'cascade')).map((o) => o.table);
      const how = entity.softDelete ? `Soft-delete the ${entity.name} (set deleted_at)` : `Delete the ${entity.name}${cascades.length > 0 ? ` (cascades to ${joinAnd(cascades)})` : ''}`;
      out.push(`${how} in a transaction`);
    } else {
      const verb = ep.method === 'POST' ? 'Insert' : ep.method === 'PUT' ? 'Replace' : 'Update';
      out.push(`${verb} the ${entity.name} in a transaction`);
    }
  }

  if (ctx.stack.queue !== 'none' && ep.method !== 'GET') {
    if (entity) {
      const event = names.action ? toSnake(names.action) : EVENT_VERB[ep.method];
      out.push(`Publish ${entity.names.snake}.${event} on ${ctx.stack.queue} after the commit (transactional outbox)`);
    } else {
      out.push(`Enqueue the request on ${ctx.stack.queue} for asynchronous processing`);
    }
  }

  const output = outputType(ep, ctx);
  out.push(output === 'void' ? `Return ${ep.status}` : `Return ${ep.status} ${ep.response.kind === 'page' ? `a page of ${output.replace(/Page$/, '')}` : output}`);
  return out;
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
      const input = inputType(ep, n.handler);
      const output = outputType(ep, ctx);
      for (const l of lookups(ep, ctx)) {
        const s = serviceOfEntity.get(l.entity);
        if (s && s !== serviceName) deps.push(s);
      }
      deps.push(...ep.integrations);
      return {
        name: n.handler,
        endpoint: ep.id,
        signature: signature(lang, serviceName, n.handler, ep, input, output, params),
        blueprintSignature: blueprintSignature(n.handler, ep, input, output, params),
        input,
        output,
        steps: steps(ep, n, ctx),
        transactional: ep.entity !== '' && ep.method !== 'GET',
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
