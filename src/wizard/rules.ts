// Named checks a questionnaire can ask for (`validate: [pascal-case]`): each returns the reason an answer is
// refused, or null. They give the reason at once, as the answer is typed; the answers file's own rules
// (src/answers, run on the whole draft by the wizard) stay the authority.

import { resourcePath } from '../answers/names.js';
import { getKey, isObj, read, type Scope } from './scope.js';

export type Rule = (value: unknown, scope: Scope) => string | null;

const MAX_NAME_BYTES = 63;

function nameRule(pattern: RegExp, what: string, example: string): Rule {
  return (value) => {
    if (typeof value !== 'string' || value === '') return null;
    if (!pattern.test(value)) return `must be ${what}, such as ${example}`;
    if (Buffer.byteLength(value, 'utf8') > MAX_NAME_BYTES) return `must be at most ${MAX_NAME_BYTES} bytes long`;
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
  if (!value.startsWith('/')) return 'must start with /, such as /payments/{id}';
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
    const base = typeof r.base_path === 'string' && r.base_path !== '' ? r.base_path : resourcePath(r.entity);
    const entity = entities.find((e) => getKey(e, 'name') === r.entity);
    const fields = getKey(entity, 'fields');
    const primary = (Array.isArray(fields) ? fields.find((f) => getKey(f, 'primary') === true) : undefined) as unknown;
    const id = typeof getKey(primary, 'name') === 'string' ? (getKey(primary, 'name') as string) : 'id';
    const ops: Record<string, string> = { list: `GET ${base}`, get: `GET ${base}/{${id}}`, create: `POST ${base}`, update: `PATCH ${base}/{${id}}`, delete: `DELETE ${base}/{${id}}` };
    for (const op of r.operations) if (typeof op === 'string' && ops[op]) taken.add(ops[op]);
  }
  return taken;
}

export const RULES: Record<string, Rule> = {
  'pascal-case': nameRule(/^[A-Z][A-Za-z0-9]*$/, 'PascalCase (a capital, then letters and digits)', 'Payment or UserRole'),
  'snake-case': nameRule(/^[a-z][a-z0-9_]*$/, 'snake_case (lowercase letters, digits and _)', 'customer_id'),
  'kebab-case': nameRule(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case (lowercase words joined by -)', 'payments or order-service'),
  'iso-date': (value) => (typeof value === 'string' && value !== '' && !isRealDate(value) ? 'must be a date as YYYY-MM-DD, such as 2026-01-15' : null),
  'http-path': checkPath,
  /** The method + path of the endpoint in scope is not already taken by another endpoint or a resource. */
  'unique-route': (value, scope) => {
    const method = read(scope, 'item.method');
    if (typeof value !== 'string' || typeof method !== 'string') return null;
    return takenRoutes(scope).has(`${method} ${value}`) ? `${method} ${value} is already an endpoint (check the resources too)` : null;
  },
  'rate-limit': (value) =>
    typeof value === 'string' && value !== '' && !/^[1-9][0-9]*\/(s|min|h)$/.test(value) ? 'must be a count per unit, such as 100/s, 6000/min or 10000/h' : null,
  'availability': (value) =>
    typeof value === 'string' && value !== '' && !/^(100|[1-9]?[0-9])(\.[0-9]+)?$/.test(value) ? 'must be a percentage such as 99.9' : null,
  /** A list of enum values: each a word, none twice. */
  'enum-values': (value) => {
    if (!Array.isArray(value)) return null;
    for (const v of value) if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)) return `"${String(v)}" must be a word (letters, digits, _ . -)`;
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
