// Where a question stands while it is asked (the answers so far, the list item, the item holding that list),
// and the tiny language the questionnaire uses on it: key paths, conditions, computed defaults and choices.

import { toKebab } from '../answers/names.js';
import type { ChoiceSpec, ChoicesSpec, Condition, DefaultSpec, KeyPath, Scalar } from './questionnaire.js';

export type Obj = Record<string, unknown>;

export interface Scope {
  /** The answers file being built: a plain object, edited in place. */
  root: Obj;
  /** The list item being asked (absent at the top level). */
  item?: Obj;
  /** The scope of the item holding the current list. */
  parent?: Scope;
  /** The list the item belongs to and its index there (for `unique` and `sibling`). */
  list?: unknown[];
  index?: number;
  /** Key path of the item in the answers file, e.g. `entities[1]`; empty at the top level. */
  path: string;
  /** Answers asked for conditions only (keys starting with `_`), never written. */
  transient: Obj;
  /** The item is a one-line value (a goal), asked through a holder object. */
  scalar?: boolean;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted key inside an object (`a.b.c`), undefined when any step is missing. */
export function getKey(obj: unknown, key: string): unknown {
  if (key === '.') return obj;
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (!isObj(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Sets (or, for undefined, deletes) a dotted key, creating the objects on the way. */
export function setKey(obj: Obj, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let cur = obj;
  for (const part of parts) {
    const next = Object.hasOwn(cur, part) ? cur[part] : undefined;
    if (!isObj(next)) {
      if (value === undefined) return;
      const made: Obj = {};
      cur[part] = made;
      cur = made;
    } else cur = next;
  }
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** The object a key path starts from, and the rest of the path. */
export function locate(scope: Scope, path: KeyPath): { container: Obj; key: string } | null {
  const [head, ...rest] = path.split('.');
  if (head === 'item' || head === 'parent') {
    const s = head === 'item' ? scope : scope.parent;
    if (!s) return null;
    const key = rest.join('.') || '.';
    if (key.startsWith('_')) return { container: s.transient, key };
    return s.item ? { container: s.item, key } : null;
  }
  if (path.startsWith('_')) return { container: scope.transient, key: path };
  return { container: scope.root, key: path };
}

export function read(scope: Scope, path: KeyPath): unknown {
  const at = locate(scope, path);
  return at ? getKey(at.container, at.key) : undefined;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

export function test(cond: Condition | undefined, scope: Scope): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => test(c, scope));
  if ('any' in cond) return cond.any.some((c) => test(c, scope));
  if ('not' in cond) return !test(cond.not, scope);
  if ('sibling' in cond) {
    const list = scope.list ?? [];
    return list.some((other, i) => i !== scope.index && getKey(other, cond.sibling) === cond.equals);
  }
  const v = read(scope, cond.key);
  if ('equals' in cond) return (v ?? null) === cond.equals;
  if ('in' in cond) return cond.in.includes((v ?? null) as Scalar | null);
  if ('present' in cond) return (v !== undefined && v !== null) === cond.present;
  return !isEmpty(v) === cond.nonempty;
}

/** `Payment Gateway` -> `payment-gateway`: the slug the answers file would derive from a name. */
export function kebab(text: string): string {
  return toKebab(text);
}

/** The key path a computed default or choice list follows, if any. */
export function followed(spec: DefaultSpec | ChoicesSpec | undefined): KeyPath | undefined {
  if (spec === undefined || typeof spec !== 'object' || Array.isArray(spec) || !('from' in spec)) return undefined;
  return spec.from;
}

/** The default a question's spec gives in this scope (before any value already in the file). */
export function computeDefault(spec: DefaultSpec | undefined, scope: Scope): unknown {
  if (spec === undefined || typeof spec !== 'object' || Array.isArray(spec)) return spec;
  const src = read(scope, spec.from);
  if (src === undefined || src === null || src === '') return spec.absent ?? undefined;
  if (spec.map && (typeof src === 'string' || typeof src === 'number' || typeof src === 'boolean') && Object.hasOwn(spec.map, String(src))) {
    return spec.map[String(src)] ?? undefined;
  }
  if (spec.transform === 'kebab' && typeof src === 'string') return kebab(src);
  return spec.present ?? undefined;
}

export interface ResolvedChoice {
  value: Scalar | null;
  name: string;
  description?: string;
}

function toChoice(c: string | ChoiceSpec): ChoiceSpec {
  return typeof c === 'string' ? { value: c } : c;
}

const GENERATED_COLUMNS: [flag: string, columns: string[]][] = [
  ['timestamps', ['created_at', 'updated_at']],
  ['soft_delete', ['deleted_at']],
];

function namesOf(list: unknown, field: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((x) => getKey(x, field)).filter((n): n is string => typeof n === 'string' && n !== '');
}

/** The choices offered in this scope, in the questionnaire's order (or the answers' order). */
export function resolveChoices(spec: ChoicesSpec | undefined, scope: Scope): ResolvedChoice[] {
  if (!spec) return [];
  let raw: ChoiceSpec[];
  let none: string | undefined;
  if (Array.isArray(spec)) raw = spec.map(toChoice);
  else if ('map' in spec) {
    const src = read(scope, spec.from);
    raw = (typeof src === 'string' && Object.hasOwn(spec.map, src) ? (spec.map[src] ?? []) : []).map(toChoice);
  } else {
    none = spec.none;
    const of = read(scope, spec.of);
    let names: string[] = [];
    if (spec.source === 'names') names = namesOf(of, spec.field ?? 'name');
    else if (spec.source === 'columns') {
      names = namesOf(getKey(of, 'fields'), 'name');
      for (const [flag, columns] of GENERATED_COLUMNS) if (getKey(of, flag) === true) names.push(...columns);
    } else {
      const entities = Array.isArray(scope.root.entities) ? scope.root.entities : [];
      const entity = entities.find((e) => getKey(e, 'name') === of);
      names = namesOf(getKey(entity, 'fields'), 'name');
    }
    raw = [...new Set(names)].map((n) => ({ value: n }));
  }
  const offered = raw.filter((c) => test(c.when, scope));
  const out: ResolvedChoice[] = offered.map((c) => ({
    value: c.value,
    name: c.name !== undefined ? interpolate(c.name, scope) : String(c.value),
    ...(c.description !== undefined ? { description: c.description } : {}),
  }));
  return none !== undefined ? [{ value: null, name: none }, ...out] : out;
}

/**
 * Replaces `{item.name}` (any key path with a dot) in a message by the value there, an empty string when
 * absent; a brace without a dot, such as `{name}` in "parameters as {name}", is text.
 */
export function interpolate(text: string, scope: Scope): string {
  return text.replace(/\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+)\}/g, (_, path: string) => {
    const v = read(scope, path);
    return v === undefined || v === null ? '' : String(v);
  });
}

/** The answers-file key path of a question's key in this scope, e.g. `entities[1].fields[0].name`. */
export function absolutePath(scope: Scope, key: string): string {
  if (key === '.') return scope.path;
  return scope.path ? `${scope.path}.${key}` : key;
}

/**
 * Replaces `from` by `to` wherever `pattern` leads (`endpoints[].errors[]`: each item of each endpoint's
 * errors), from the top level, or from the item holding the list for `parent.` patterns. `list[key=path]`
 * walks only the items whose `key` equals the value at the key path `path` (`endpoints[entity=parent.name]`).
 */
export function renameAll(scope: Scope, pattern: string, from: string, to: string): void {
  const fromParent = pattern.startsWith('parent.');
  const start = fromParent ? scope.parent?.item : scope.root;
  const segments = (fromParent ? pattern.slice('parent.'.length) : pattern).match(/[a-z_]+(\[[^\]]*\])?/g) ?? [];
  const walk = (node: unknown, rest: string[]): void => {
    const [seg, ...more] = rest;
    if (seg === undefined || !isObj(node)) return;
    const m = /^([a-z_]+)(?:\[(?:([a-z_]+)=([a-z_.]+))?\])?$/.exec(seg);
    if (!m) return;
    const key = m[1] as string;
    const many = seg.includes('[');
    const only = m[2] !== undefined ? { key: m[2], value: read(scope, m[3] as string) } : undefined;
    if (!Object.hasOwn(node, key)) return;
    const v = node[key];
    if (more.length === 0) {
      if (many && Array.isArray(v)) node[key] = v.map((x) => (x === from ? to : x));
      else if (!many && v === from) node[key] = to;
      return;
    }
    if (many && Array.isArray(v)) {
      for (const x of v) if (!only || getKey(x, only.key) === only.value) walk(x, more);
    } else if (!many) walk(v, more);
  };
  walk(start, segments);
}
