// Cross-reference checks: names that must exist, be unique, and fit together. Pure.
// Written defensively: they run beside the schema on data of any shape, and look only at well-typed values,
// so one run reports every problem at once.

import type { Finding } from './schema-problems.js';
import type { Segment } from './paths.js';
import { CRUD_OPERATIONS } from './answers.js';
import { resourceItemPath, resourcePath, tableName } from './names.js';
import { didYouMean, quote } from './similar.js';
import { unsafeName } from './validate-name.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An own property only: `constructor` must never read Object.prototype's. */
const get = (o: unknown, key: string): unknown => (isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const OPERATION_METHOD = { list: 'GET', get: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' } as const;
const NUMERIC = new Set(['integer', 'bigint', 'decimal']);

interface EntityInfo {
  name: string;
  /** Declared field names, in order. */
  declared: Set<string>;
  /** Declared and added (id, created_at, updated_at, deleted_at) field names. */
  all: Set<string>;
  primaryKey: string;
}

export function crossReferenceFindings(root: unknown): Finding[] {
  const out: Finding[] = [];
  const add: Add = (path, message, atKey = false, suggest) => {
    const finding: Finding = { path, message };
    if (atKey) finding.atKey = true;
    if (suggest) finding.suggest = suggest;
    out.push(finding);
  };
  if (!isObj(root)) return out;

  checkStart(root, add);

  // Entities and their fields.
  const entities = new Map<string, EntityInfo>();
  const entityNames = uniqueNames(list(get(root, 'entities')), 'entities', 'entity', add, 'name');
  list(get(root, 'entities')).forEach((e, i) => {
    const name = text(get(e, 'name'));
    const info = entityInfo(e, i, name ?? '', add);
    if (name !== undefined && !entities.has(name)) entities.set(name, info);
  });
  const knownEntities = [...entityNames];
  sameTables(list(get(root, 'entities')), add);
  const entityRef = (path: Segment[], value: unknown, candidates: string[] = knownEntities): EntityInfo | undefined => {
    const name = text(value);
    if (name === undefined) return undefined;
    const info = entities.get(name);
    if (!info) add(path, `unknown entity ${quote(name)}`, false, { name, candidates });
    return info;
  };
  list(get(root, 'entities')).forEach((e, i) => {
    const info = entities.get(text(get(e, 'name')) ?? '');
    list(get(e, 'fields')).forEach((f, j) => {
      if (get(f, 'references') !== undefined) entityRef(['entities', i, 'fields', j, 'references'], get(f, 'references'));
    });
    if (!info) return;
    list(get(e, 'indexes')).forEach((ix, k) => {
      list(get(ix, 'fields')).forEach((name, m) => {
        fieldRef(['entities', i, 'indexes', k, 'fields', m], name, info, add);
      });
    });
  });

  // Errors, integrations, modules.
  const errorNames = uniqueNames(list(get(root, 'errors')), 'errors', 'error', add, 'name');
  const integrationNames = uniqueNames(list(get(root, 'integrations')), 'integrations', 'integration', add, 'name');
  list(get(root, 'integrations')).forEach((g, i) => {
    const name = text(get(g, 'name'));
    const unsafe = name === undefined ? null : unsafeName(name);
    if (unsafe) add(['integrations', i, 'name'], unsafe);
  });
  const errorList = [...errorNames];
  const integrationList = [...integrationNames];
  uniqueNames(list(get(root, 'modules')), 'modules', 'module', add, 'name');
  const moduleOf = new Map<string, string>();
  list(get(root, 'modules')).forEach((m, i) => {
    const moduleName = text(get(m, 'name')) ?? `modules[${i}]`;
    list(get(m, 'entities')).forEach((e, k) => {
      const path: Segment[] = ['modules', i, 'entities', k];
      const info = entityRef(path, e);
      if (!info) return;
      const owner = moduleOf.get(info.name);
      if (owner === undefined) moduleOf.set(info.name, moduleName);
      else if (owner !== moduleName) add(path, `entity ${quote(info.name)} is already in module ${quote(owner)}`);
    });
  });

  // Routes: expanded resources first, then endpoints, as the normaliser orders them.
  const routes = new Map<string, string>();
  const route = (path: Segment[], method: string, urlPath: string, where: string): void => {
    const key = `${method} ${routeShape(urlPath)}`;
    const first = routes.get(key);
    if (first === undefined) routes.set(key, where);
    else add(path, `duplicate endpoint ${method} ${urlPath} (same as ${first})`);
  };
  list(get(root, 'resources')).forEach((r, i) => {
    const basePath = text(get(r, 'base_path'));
    if (basePath !== undefined && hasDotSegment(basePath)) add(['resources', i, 'base_path'], DOT_SEGMENT);
    const info = entityRef(['resources', i, 'entity'], get(r, 'entity'));
    if (!info) return;
    const base = resourcePath(info.name, text(get(r, 'base_path')));
    const item = resourceItemPath(base, info.primaryKey);
    const ops = list(get(r, 'operations'));
    for (const op of CRUD_OPERATIONS) {
      const k = ops.indexOf(op);
      if (k < 0) continue;
      const urlPath = op === 'list' || op === 'create' ? base : item;
      route(['resources', i, 'operations', k], OPERATION_METHOD[op], urlPath, `resources[${i}] ${op}`);
    }
  });
  list(get(root, 'endpoints')).forEach((ep, i) => {
    const at = (...rest: Segment[]): Segment[] => ['endpoints', i, ...rest];
    const method = text(get(ep, 'method'));
    const urlPath = text(get(ep, 'path'));
    if (urlPath !== undefined) {
      if (hasDotSegment(urlPath)) add(at('path'), DOT_SEGMENT);
      const seen = new Set<string>();
      for (const m of urlPath.matchAll(/\{([^{}]*)\}/g)) {
        const param = m[1]!;
        if (seen.has(param)) add(at('path'), `path parameter ${quote(param)} appears twice`);
        seen.add(param);
      }
      if (method !== undefined) route(at('path'), method, urlPath, `endpoints[${i}]`);
    }
    const info = get(ep, 'entity') === undefined ? undefined : entityRef(at('entity'), get(ep, 'entity'));
    const request = get(ep, 'request');
    if (Array.isArray(request)) {
      if (get(ep, 'entity') === undefined) add(at('request'), 'a list of fields needs an "entity"; use "raw" for another body');
      else if (info) request.forEach((name, k) => fieldRef(at('request', k), name, info, add, true, entities));
    }
    const response = text(get(ep, 'response'));
    // `response: None` means none more often than an entity called None.
    if (response !== undefined && response !== 'none') entityRef(at('response'), response, [...knownEntities, 'none']);
    list(get(ep, 'errors')).forEach((name, k) => {
      const n = text(name);
      if (n !== undefined && !errorNames.has(n)) add(at('errors', k), `unknown error ${quote(n)}`, false, { name: n, candidates: errorList });
    });
    list(get(ep, 'integrations')).forEach((name, k) => {
      const n = text(name);
      if (n !== undefined && !integrationNames.has(n)) {
        add(at('integrations', k), `unknown integration ${quote(n)}`, false, { name: n, candidates: integrationList });
      }
    });
  });
  return out;
}

type Add = (path: Segment[], message: string, atKey?: boolean, suggest?: Finding['suggest']) => void;

/**
 * Two entities whose names differ (beyond case, which uniqueNames reports) but whose table and collection path
 * are the same, by the function the normaliser names them with: Setting and Settings (settings), Person and
 * People (people), SensorReading4K and SensorReadings4K (sensor_readings_4k).
 */
function sameTables(items: unknown[], add: Add): void {
  const owner = new Map<string, string>();
  items.forEach((item, i) => {
    const name = text(get(item, 'name'));
    if (name === undefined) return;
    const table = tableName(name);
    if (table === '') return;
    const other = owner.get(table);
    if (other === undefined) owner.set(table, name);
    else if (other.toLowerCase() !== name.toLowerCase()) {
      add(['entities', i, 'name'], `entity ${quote(name)} has the same table and path as ${quote(other)} (${table}, ${resourcePath(name)})`);
    }
  });
}

/** Reports duplicate names and names equal apart from case; returns the set of names (first of each). */
function uniqueNames(items: unknown[], listKey: string, kind: string, add: Add, key: string): Set<string> {
  const names = new Set<string>();
  const folded = new Map<string, string>();
  items.forEach((item, i) => {
    const name = text(get(item, key));
    if (name === undefined) return;
    const path: Segment[] = [listKey, i, key];
    if (names.has(name)) {
      add(path, `duplicate ${kind} ${quote(name)}`);
      return;
    }
    const fold = name.toLowerCase();
    const other = folded.get(fold);
    if (other !== undefined) add(path, `${kind} ${quote(name)} differs from ${quote(other)} only in case`);
    else folded.set(fold, name);
    names.add(name);
  });
  return names;
}

function entityInfo(e: unknown, i: number, name: string, add: Add): EntityInfo {
  const declared = new Set<string>();
  let primaryKey: string | undefined;
  const fields = list(get(e, 'fields'));
  const label = name === '' ? `entities[${i}]` : /^[A-Za-z0-9_]+$/.test(name) ? name : quote(name);
  fields.forEach((f, j) => {
    const at = (...rest: Segment[]): Segment[] => ['entities', i, 'fields', j, ...rest];
    const fieldName = text(get(f, 'name'));
    if (fieldName !== undefined) {
      if (declared.has(fieldName)) add(at('name'), `duplicate field ${quote(fieldName)} in ${label}`);
      else declared.add(fieldName);
    }
    if (get(f, 'primary') === true) {
      if (primaryKey === undefined) primaryKey = fieldName ?? '';
      else add(at('primary'), `more than one primary field in ${label} (already ${quote(primaryKey)})`);
    }
    checkField(f, at, add);
  });
  const all = new Set(declared);
  const addImplicit = (n: string): void => {
    all.add(n);
  };
  if (primaryKey === undefined) addImplicit('id');
  if (get(e, 'timestamps') === true) {
    addImplicit('created_at');
    addImplicit('updated_at');
  }
  if (get(e, 'soft_delete') === true) addImplicit('deleted_at');
  return { name: label, declared, all, primaryKey: primaryKey || 'id' };
}

/** One field's own consistency: default fits the type, enum values, bounds, pattern, on_delete. */
function checkField(f: unknown, at: (...rest: Segment[]) => Segment[], add: Add): void {
  const type = text(get(f, 'type'));
  const values = list(get(f, 'values')).filter((v): v is string => typeof v === 'string');
  const def = get(f, 'default');
  if (def !== undefined && type !== undefined) {
    const wrong = defaultProblem(type, def, values) ?? defaultBoundsProblem(f, def);
    if (wrong) add(at('default'), wrong);
  }
  const min = get(f, 'min');
  const max = get(f, 'max');
  if (typeof min === 'number' && typeof max === 'number' && min > max) add(at('max'), `max (${max}) is less than min (${min})`);
  const pattern = text(get(f, 'pattern'));
  if (pattern !== undefined) {
    try {
      new RegExp(pattern, 'u');
    } catch (err) {
      // V8 says `Invalid regular expression: /[a-z/u: Unterminated character class`: keep the reason.
      const reason = /: ([^:]+)$/.exec(err instanceof Error ? err.message : '')?.[1];
      add(at('pattern'), `is not a valid regular expression${reason ? ` (${reason.charAt(0).toLowerCase()}${reason.slice(1)})` : ''}`);
    }
  }
  const onDelete = get(f, 'on_delete');
  if (onDelete !== undefined && get(f, 'references') === undefined) add(at('on_delete'), 'only applies with "references"', true);
  if (onDelete === 'set-null' && (get(f, 'required') === true || get(f, 'primary') === true)) {
    add(at('on_delete'), 'set-null needs a field that is not required');
  }
}

function defaultProblem(type: string, value: unknown, values: string[]): string | null {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null; // schema's
  if (type === 'enum') {
    if (typeof value === 'string' && values.includes(value)) return null;
    return `must be one of the values: ${values.join(', ')}${typeof value === 'string' ? didYouMean(value, values) : ''}`;
  }
  // A quoted number or true/false is text: say to remove the quotes, as the schema's messages do.
  const unquote = (fits: boolean): string => (typeof value === 'string' && fits ? ` (remove the quotes: ${value.trim()})` : '');
  const asText = typeof value === 'string' ? value.trim() : '';
  if (type === 'boolean') {
    if (typeof value === 'boolean') return null;
    const yesNo = /^(yes|y|on|no|n|off)$/i.test(asText) ? ` (write ${/^(yes|y|on)$/i.test(asText) ? 'true' : 'false'})` : '';
    return `must be true or false for a boolean field${unquote(asText === 'true' || asText === 'false') || yesNo}`;
  }
  if (type === 'integer' || type === 'bigint') {
    return Number.isInteger(value) ? null : `must be a whole number for ${article(type)} ${type} field${unquote(/^-?\d+$/.test(asText))}`;
  }
  if (NUMERIC.has(type)) return typeof value === 'number' ? null : `must be a number for a ${type} field${unquote(/^-?\d+(\.\d+)?$/.test(asText))}`;
  if (type === 'json') return null;
  if (typeof value !== 'string') return `must be text for ${article(type)} ${type} field (quote it: ${quote(String(value))})`;
  if (type === 'date' && !isRealDate(value)) return 'must be a date like "2026-01-05"';
  if (type === 'datetime' && !isDateTime(value)) return 'must be a date and time like "2026-01-05T09:30:00Z"';
  if (type === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    return 'must be a UUID like "123e4567-e89b-12d3-a456-426614174000"';
  }
  return null;
}

/** A default must satisfy the field's own limits, or the database refuses the first row that relies on it. */
function defaultBoundsProblem(f: unknown, value: unknown): string | null {
  const maxLength = get(f, 'max_length');
  if (typeof value === 'string' && typeof maxLength === 'number' && [...value].length > maxLength) {
    return `is longer than max_length (${maxLength})`;
  }
  const min = get(f, 'min');
  const max = get(f, 'max');
  if (typeof value === 'number' && typeof min === 'number' && value < min) return `is less than min (${min})`;
  if (typeof value === 'number' && typeof max === 'number' && value > max) return `is more than max (${max})`;
  return null;
}

/** An ISO 8601 date and time (`T` or a blank between), seconds and fraction optional, a zone (`Z`, `+02`, `+02:00`) optional, on a real date. */
function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?$/.exec(value);
  return m !== null && isRealDate(m[1]!);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** A field name of the entity (declared, or added by the tool); `request` names declared fields only. */
function fieldRef(path: Segment[], value: unknown, entity: EntityInfo, add: Add, declaredOnly = false, entities?: Map<string, EntityInfo>): void {
  const name = text(value);
  if (name === undefined) return;
  const known = declaredOnly ? entity.declared : entity.all;
  if (known.has(name)) return;
  if (declaredOnly && entity.all.has(name)) {
    add(path, `field ${quote(name)} of ${entity.name} is filled in by the tool and cannot be in a request`);
    return;
  }
  // A request naming another entity's field: say whose it is, the likely mix-up.
  const owners = [...(entities?.values() ?? [])].filter((e) => e !== entity && e.declared.has(name)).map((e) => e.name);
  const whose = owners.length === 0 ? '' : ` (a field of ${owners.length === 1 ? owners[0]! : `${owners.slice(0, -1).join(', ')} and ${owners[owners.length - 1]!}`})`;
  add(path, `unknown field ${quote(name)} in ${entity.name}${whose}`, false, { name, candidates: known });
}

function checkStart(root: Obj, add: Add): void {
  const start = text(get(get(root, 'project'), 'start'));
  if (start !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(start) && !isRealDate(start)) {
    add(['project', 'start'], 'is not a real date');
  }
}

function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const DOT_SEGMENT = 'must not hold "." or ".." segments';

/** `/a/../b`: clients and proxies rewrite such paths, so the route would never be reached as written. */
function hasDotSegment(path: string): boolean {
  return path.split('/').some((s) => s === '.' || s === '..');
}

/** Routes that a router cannot tell apart: parameter names do not matter, nor a trailing slash. */
function routeShape(path: string): string {
  const shape = path.replace(/\{[^{}]*\}/g, '{}').replace(/\/+$/, '');
  return shape === '' ? '/' : shape;
}
