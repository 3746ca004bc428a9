// Named checks a questionnaire can ask for (`validate: [pascal-case]`): each returns the reason an answer is
// refused, or null. They give the reason at once, as the answer is typed; the answers file's own rules
// (src/answers, run on the whole draft by the wizard) stay the authority.

import { resourceItemPath, resourcePath } from '../answers/names.js';
import { MAX_NAME_BYTES, PATTERNS } from '../answers/schema.js';
import { getKey, isObj, read, type Scope } from './scope.js';

export type Rule = (value: unknown, scope: Scope) => string | null;

function patternRule(p: keyof typeof PATTERNS, maxBytes = MAX_NAME_BYTES): Rule {
  const re = new RegExp(PATTERNS[p].pattern);
  return (value) => {
    if (typeof value !== 'string' || value === '') return null;
    if (!re.test(value)) return PATTERNS[p].message;
    if (Buffer.byteLength(value, 'utf8') > maxBytes) return `must be at most ${maxBytes} bytes long`;
    return null;
  };
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The path parameters of `path`, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
}

function checkPath(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (!new RegExp(PATTERNS.path.pattern).test(value) || value.length > 2000) return PATTERNS.path.message;
  if (/[\s?#]/.test(value)) return 'must be a path only: no spaces, no query (?) or fragment (#)';
  if (/\/\//.test(value)) return 'must not contain an empty segment (//)';
  if (value.replace(/\{[^{}]*\}/g, '').match(/[{}]/)) return 'has an unmatched { or }';
  const params = pathParameters(value);
  for (const p of params) if (!/^[a-z][a-z0-9_]*$/i.test(p)) return `path parameter {${p}} must be a name such as {id}`;
  const twice = params.find((p, i) => params.indexOf(p) !== i);
  if (twice !== undefined) return `names the path parameter {${twice}} twice`;
  return null;
}

/** Every method + path the answers define so far: the endpoints (but the one in `scope`) and the expanded resources. */
function takenRoutes(scope: Scope): Set<string> {
  const taken = new Set<string>();
  const endpoints = Array.isArray(scope.root.endpoints) ? scope.root.endpoints : [];
  endpoints.forEach((e, i) => {
    if (e === scope.item || (scope.list === endpoints && i === scope.index)) return;
    const method = getKey(e, 'method');
    const path = getKey(e, 'path');
    if (typeof method === 'string' && typeof path === 'string') taken.add(`${method} ${path}`);
  });
  const resources = Array.isArray(scope.root.resources) ? scope.root.resources : [];
  const entities = Array.isArray(scope.root.entities) ? scope.root.entities : [];
  for (const r of resources) {
    if (!isObj(r) || typeof r.entity !== 'string' || !Array.isArray(r.operations)) continue;
    const base = resourcePath(r.entity, typeof r.base_path === 'string' ? r.base_path : undefined);
    const entity = entities.find((e) => getKey(e, 'name') === r.entity);
    const fields = getKey(entity, 'fields');
    const primary = (Array.isArray(fields) ? fields.find((f) => getKey(f, 'primary') === true) : undefined) as unknown;
    const id = typeof getKey(primary, 'name') === 'string' ? (getKey(primary, 'name') as string) : 'id';
    const item = resourceItemPath(base, id);
    const ops: Record<string, string> = { list: `GET ${base}`, get: `GET ${item}`, create: `POST ${base}`, update: `PATCH ${item}`, delete: `DELETE ${item}` };
    for (const op of r.operations) if (typeof op === 'string' && ops[op]) taken.add(ops[op]);
  }
  return taken;
}

export const RULES: Record<string, Rule> = {
  'pascal-case': patternRule('pascal'),
  'snake-case': patternRule('snake'),
  'kebab-case': patternRule('kebab'),
  /** none, user, admin or a role name. */
  'role': patternRule('role'),
  'iso-date': (value) =>
    typeof value === 'string' && value !== '' && !(new RegExp(PATTERNS.date.pattern).test(value) && isRealDate(value)) ? `${PATTERNS.date.message}, a real day` : null,
  'http-path': checkPath,
  /** The method + path of the endpoint in scope is not already taken by another endpoint or a resource. */
  'unique-route': (value, scope) => {
    const method = read(scope, 'item.method');
    if (typeof value !== 'string' || typeof method !== 'string') return null;
    return takenRoutes(scope).has(`${method} ${value}`) ? `${method} ${value} is already an endpoint (check the resources too)` : null;
  },
  'rate-limit': patternRule('rate', 20),
  'availability': patternRule('availability', 20),
  /** A list of enum values: none twice. */
  'enum-values': (value) => {
    if (!Array.isArray(value)) return null;
    const twice = value.find((v, i) => value.indexOf(v) !== i);
    return twice !== undefined ? `"${String(twice)}" is listed twice` : null;
  },
  /** Plain text on one line: no control characters. */
  'one-line': (value) => {
    const parts = Array.isArray(value) ? value : [value];
    // eslint-disable-next-line no-control-regex
    return parts.some((p) => typeof p === 'string' && /[\u0000-\u001f\u007f]/.test(p)) ? 'must not contain control characters' : null;
  },
};

/** The reason an answer breaks the named rules, or null. Unknown names are a questionnaire bug: thrown. */
export function checkRules(names: readonly string[] | undefined, value: unknown, scope: Scope): string | null {
  for (const name of names ?? []) {
    const rule = RULES[name];
    if (!rule) throw new Error(`questionnaire: unknown rule "${name}"`);
    const why = rule(value, scope);
    if (why) return why;
  }
  return null;
}
