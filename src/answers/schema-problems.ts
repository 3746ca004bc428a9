// ajv's errors -> short human messages, each with the key path of the node at fault. Pure.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { FRAMEWORKS, LANGUAGES, type Language } from './answers.js';
import { closest, closestValue, quote } from './similar.js';
import type { Segment } from './paths.js';
import { answersSchema, PATTERNS } from './schema.js';
import { toKebab, toPascal, toSnake } from './names.js';

/** A problem before it is located: the key path, and whether to point at the key rather than its value. */
export interface Finding {
  path: Segment[];
  message: string;
  /** Point at the mapping key (unknown keys) rather than at the value. */
  atKey?: boolean;
  /** A "did you mean" to search for, only if the problem is among those reported (the search costs time). */
  suggest?: { name: string; candidates: Iterable<string> };
  /** An unknown key's suggestion: the key the writer meant (a missing required key of that name is not reported again). */
  meant?: string;
  /** An unknown key that belongs elsewhere: the path it belongs at (a missing required key there is not reported again). */
  home?: Segment[];
  /** A pattern (spelling) problem: a name's case or form, superseded by "unknown entity" at the same node. */
  pattern?: boolean;
}

const PATTERN_MESSAGES = new Map<string, string>(Object.values(PATTERNS).map((p) => [p.pattern, p.message]));
const PATTERN_KEYS = new Map<string, keyof typeof PATTERNS>(
  (Object.entries(PATTERNS) as [keyof typeof PATTERNS, { pattern: string }][]).map(([k, p]) => [p.pattern, k]),
);

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
  null: 'empty',
};

/** Keys that only some field types take, and the message when another type has them. */
const TYPE_SPECIFIC: Record<string, string> = {
  values: '"values" is only for enum fields',
  min: '"min" is only for integer, bigint and decimal fields',
  max: '"max" is only for integer, bigint and decimal fields',
  max_length: '"max_length" is only for string, text, email and url fields',
  pattern: '"pattern" is only for string, text, email and url fields',
};

/**
 * Keys with a single home outside the lists (`stack` at the top, `observability` in stack, `compliance` in
 * requirements.non_functional, `entities` at the top besides modules[].entities): the key path of that mapping
 * ('' for the top level). Found when an unknown key first asks: walking the schema at start-up cost every run about
 * 1 M instructions.
 */
let homes: Map<string, string> | undefined;
const keyHomes = (): Map<string, string> => (homes ??= findHomes());

function findHomes(): Map<string, string> {
  const found = new Map<string, string[]>();
  const walk = (node: unknown, at: string, inList: boolean): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as { properties?: Record<string, unknown>; items?: unknown };
    for (const [key, child] of Object.entries(n.properties ?? {})) {
      found.set(key, [...(found.get(key) ?? []), inList ? '\u0000' : at]);
      walk(child, at === '' ? key : `${at}.${key}`, inList);
    }
    if (n.items) walk(n.items, at, true);
  };
  walk(answersSchema, '', false);
  const single = new Map<string, string>();
  for (const [key, list] of found) {
    const outside = list.filter((at) => at !== '\u0000');
    if (outside.length === 1) single.set(key, outside[0]!);
  }
  return single;
}

const VALUE_KEYWORDS = new Set(['enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum']);

/** Translates ajv errors; drops the noise of if/then wrappers. `data` is the validated value. */
export function translateSchemaErrors(errors: readonly ErrorObject[], data: unknown): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  // A value of the wrong type also fails its enum or pattern; saying "must be text" is enough.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (wrongType.has(e.instancePath) && e.keyword !== 'type' && VALUE_KEYWORDS.has(e.keyword)) continue;
    const path = pointerToPath(e.instancePath, data);
    const finding = translate(e, path, data, valueAt(data, path));
    if (!finding) continue;
    const id = `${finding.path.join('\u0000')}\u0001${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return withoutMisspeltRequired(out);
}

/**
 * `languge: go` is one mistake, not two: when an unknown key's suggestion is exactly a required key that is
 * missing beside it, "is required" is dropped and the unknown-key message (which names the fix) is kept.
 */
function withoutMisspeltRequired(findings: Finding[]): Finding[] {
  const meant = new Set<string>();
  for (const f of findings) {
    if (f.meant !== undefined) meant.add([...f.path.slice(0, -1), f.meant].join('\u0000'));
    if (f.home !== undefined) meant.add(f.home.join('\u0000'));
  }
  if (meant.size === 0) return findings;
  return findings.filter((f) => !(f.message === REQUIRED && meant.has(f.path.join('\u0000'))));
}

const REQUIRED = 'is required';

// Reads the schema and the data itself rather than ajv's `verbose` output, so a precompiled validator can serve.
function translate(e: ErrorObject, path: Segment[], root: unknown, value: unknown): Finding | null {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const parent = schemaAt(e.schemaPath.split('/').slice(1, -1)) as { properties?: object } | undefined;
      const properties = (parent?.properties ?? {}) as Record<string, { enum?: unknown[] }>;
      const known = Object.keys(properties);
      // `deploy: kubernetes`: no key is spelt like it, but its value is one that only `compute` takes.
      const own = (value as Record<string, unknown> | null | undefined)?.[key];
      const byValue = typeof own === 'string'
        ? known.filter((k) => !Object.hasOwn(value as object, k) && (properties[k]?.enum ?? []).some((v) => typeof v === 'string' && v.toLowerCase() === own.toLowerCase()))
        : [];
      const near = closest(key, known) ?? (byValue.length === 1 ? byValue[0] : undefined);
      // `stack:` indented under requirements: valid YAML, and the key's one home says what happened.
      const home = near === undefined ? keyHomes().get(key) : undefined;
      const where = home === undefined ? '' : home === '' ? ' here: it is a top-level key (no indentation)' : ` here: it is a key of ${home}`;
      const finding: Finding = { path: [...path, key], message: `unknown key ${quote(key)}${near === undefined ? where : ` (did you mean ${quote(near)}?)`}`, atKey: true };
      if (near !== undefined) finding.meant = near;
      if (home !== undefined) finding.home = home === '' ? [key] : [...home.split('.'), key];
      return finding;
    }
    case 'required':
      return { path: [...path, String(p.missingProperty)], message: REQUIRED };
    case 'type': {
      const types = String(p.type).split(',');
      const words = types.map((t) => TYPE_WORDS[t] ?? t);
      const wanted = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;
      // "Quote it" only where quoting makes the value valid (availability: 99.9), not for `operations: [7]`.
      const own = schemaAt(e.schemaPath.split('/').slice(1, -1)) as { enum?: unknown[]; pattern?: string } | undefined;
      const asText = String(value);
      const quoting = types.length === 1 && types[0] === 'string' && (typeof value === 'number' || typeof value === 'boolean') &&
        (own?.enum === undefined || own.enum.includes(asText)) &&
        (own?.pattern === undefined || new RegExp(own.pattern, 'u').test(asText));
      const quoteIt = quoting ? ` (quote it: ${quote(asText)})` : typeof value === 'string' || typeof value === 'number' ? unquoteHint(types, String(value), path) : mappingHint(types, value, path);
      // An empty value is shown at its key: the empty node itself has no text to point at.
      if (value === null) return { path, message: `must be ${wanted}, not empty`, atKey: true };
      return { path, message: `must be ${wanted}${quoteIt}` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const near = typeof value === 'string' && value !== '' ? closestValue(value, allowed) : undefined;
      const hint = near === undefined ? '' : ` (did you mean ${quote(near)}?)`;
      if (path.length === 2 && path[0] === 'stack' && path[1] === 'framework') {
        const language = languageOf(root);
        const other = LANGUAGES.find((l) => l !== language && typeof value === 'string' && (FRAMEWORKS[l] as readonly string[]).includes(value));
        if (language && other) return { path, message: `must be one of: ${FRAMEWORKS[language].join(', ')} (for ${language}; ${quote(String(value))} is for ${other})` };
        if (language) return { path, message: `must be one of: ${FRAMEWORKS[language].join(', ')} (for ${language}${near === undefined ? '' : `; did you mean ${quote(near)}?`})` };
      }
      return { path, message: `must be one of: ${allowed.join(', ')}${hint}` };
    }
    case 'const':
      // A newer answers file deserves a reason, not just "must be 1" (answers.md: say clearly why it cannot).
      if (path.length === 1 && path[0] === 'version' && typeof value === 'number' && Number.isInteger(value) && value > 1) {
        return { path, message: `version ${value} is newer than this archplan understands (it reads version ${JSON.stringify(p.allowedValue)}): upgrade archplan` };
      }
      return { path, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern': {
      const fix = typeof value === 'string' ? patternFix(PATTERN_KEYS.get(String(p.pattern)), value) : undefined;
      const message = PATTERN_MESSAGES.get(String(p.pattern)) ?? `must match ${String(p.pattern)}`;
      // The fix replaces the general example: `must be PascalCase (did you mean "RefundRow"?)`.
      if (fix !== undefined) return { path, message: `${message.replace(/,? like .*$/, '')} (did you mean ${quote(fix)}?)`, pattern: true };
      return { path, message, pattern: true };
    }
    case 'minLength':
      return { path, message: Number(p.limit) === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { path, message: `must be at most ${String(p.limit)} characters` };
    case 'minItems':
      return { path, message: Number(p.limit) === 1 ? 'must not be empty' : `must hold at least ${String(p.limit)} items` };
    case 'minimum':
      return { path, message: `must be at least ${String(p.limit)}` };
    case 'maximum':
      return { path, message: `must be at most ${String(p.limit)}` };
    case 'exclusiveMinimum':
      return { path, message: `must be more than ${String(p.limit)}` };
    case 'uniqueItems': {
      // ajv's two algorithms disagree on which of i and j is the later one; point at the later one.
      const i = Math.max(Number(p.i), Number(p.j));
      const item = Array.isArray(value) ? (value[i] as unknown) : undefined;
      return { path: [...path, i], message: `duplicate item ${JSON.stringify(item)}` };
    }
    case 'false schema': {
      const key = path[path.length - 1];
      const message = typeof key === 'string' ? TYPE_SPECIFIC[key] : undefined;
      return { path, message: message ?? 'is not allowed here', atKey: true };
    }
    default:
      return { path, message: e.message ?? 'is invalid' };
  }
}

/**
 * Text where a number or true/false was wanted: `"3"` -> ` (remove the quotes: 3)`; a duration for a key in
 * milliseconds: `5s` -> ` (in milliseconds: 5000)`. '' when no plain fix.
 */
function unquoteHint(types: readonly string[], value: string, path: readonly Segment[]): string {
  const v = value.trim();
  const number = types.includes('number') ? /^-?\d+(\.\d+)?$/ : types.includes('integer') ? /^-?\d+$/ : null;
  if ((number && number.test(v)) || (types.includes('boolean') && (v === 'true' || v === 'false'))) return ` (remove the quotes: ${v})`;
  // YAML 1.2 (the only YAML read) has no yes/no/on/off booleans.
  if (types.length === 1 && types[0] === 'boolean' && /^(yes|y|on|no|n|off)$/i.test(v)) return ` (write ${/^(yes|y|on)$/i.test(v) ? 'true' : 'false'})`;
  // `-draft` on each line: items without the space after "-" read as one text.
  if (types.length === 1 && types[0] === 'array' && /^-[^\s-]/.test(v)) return ' (start each item with "- ", a dash and a space)';
  if (types.length === 1 && types[0] === 'array' && v !== '') {
    // `values: draft, published` is two items; `goals: Ship it, fast` is one.
    const parts = v.split(',').map((x) => x.trim());
    if (parts.length > 1 && parts.every((x) => /^[A-Za-z0-9_.-]+$/.test(x))) return ` (write [${parts.join(', ')}])`;
    return ` (write [${/^[A-Za-z0-9_ ./-]+$/.test(v) ? v : quote(v)}])`;
  }
  const key = path[path.length - 1];
  const duration = typeof key === 'string' && key.endsWith('_ms') && number ? /^(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?)$/i.exec(v) : null;
  if (duration) {
    const unit = duration[2]!.toLowerCase();
    const factor = unit === 'ms' ? 1 : unit.startsWith('m') ? 60_000 : 1000;
    const ms = Number(duration[1]) * factor;
    if (Number.isSafeInteger(ms)) return ` (in milliseconds: ${ms})`;
  }
  return '';
}

/**
 * A mapping where a list is wanted: `fields: { title: string }` -> ` (write - { name: title, type: string })`,
 * anything else -> ` (start each item with "- ")`.
 */
function mappingHint(types: readonly string[], value: unknown, path: readonly Segment[]): string {
  if (types.length !== 1 || types[0] !== 'array' || value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const entries = Object.entries(value as Record<string, unknown>);
  const first = entries[0];
  if (path[path.length - 1] === 'fields' && path[0] === 'entities' && first && typeof first[1] === 'string') {
    return ` (write each field as - { name: ${first[0]}, type: ${first[1]} })`;
  }
  return ' (start each item with "- ")';
}

const RATE_UNITS: Record<string, 's' | 'min' | 'h'> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's', rps: 's',
  m: 'min', min: 'min', mins: 'min', minute: 'min', minutes: 'min', rpm: 'min',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', rph: 'h',
};

/**
 * The value rewritten to fit the pattern, when the intent is plain: `notes/:id` -> `/notes/{id}`,
 * `100 per second` -> `100/s`, `99.9%` -> `99.9`, `2026-1-5` -> `2026-01-05`, `refund_row` -> `RefundRow`.
 */
function patternFix(kind: keyof typeof PATTERNS | undefined, value: string): string | undefined {
  let fix: string | undefined;
  const v = value.trim();
  switch (kind) {
    case 'path':
      fix = (v.startsWith('/') ? v : `/${v}`)
        .replace(/(^|\/):([A-Za-z_][A-Za-z0-9_]*)(?=\/|$)/g, '$1{$2}')
        .replace(/(^|\/)\{([A-Za-z_][A-Za-z0-9_]*)(?=\/|$)/g, '$1{$2}')
        .replace(/(^|\/)([A-Za-z_][A-Za-z0-9_]*)\}(?=\/|$)/g, '$1{$2}');
      break;
    case 'rate': {
      const m = /^([1-9][0-9]*)\s*(?:req(?:uest)?s?\b)?\s*(?:\/|per\b|an?\b|every\b)?\s*([a-z]+)$/i.exec(v.replace(/,/g, ''));
      const unit = m ? RATE_UNITS[m[2]!.toLowerCase()] : undefined;
      if (m && unit) fix = `${m[1]!}/${unit}`;
      break;
    }
    case 'availability':
      fix = v.replace(/\s*%$/, '');
      break;
    case 'date': {
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      if (m) fix = `${m[1]!}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      break;
    }
    case 'pascal':
      fix = toPascal(v);
      break;
    case 'snake':
      fix = toSnake(v);
      break;
    case 'kebab':
      fix = toKebab(v);
      break;
    default:
      return undefined;
  }
  return fix !== undefined && fix !== value && new RegExp(PATTERNS[kind].pattern, 'u').test(fix) ? fix : undefined;
}

function languageOf(root: unknown): Language | undefined {
  const stack = (root as { stack?: { language?: unknown } } | null)?.stack;
  const language = stack?.language;
  return (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : undefined;
}

/** The subschema at a JSON pointer's segments into the answers schema (no $ref is used, so paths are direct). */
function schemaAt(segments: readonly string[]): unknown {
  let node: unknown = answersSchema;
  for (const raw of segments) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let node = data;
  for (const s of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/** `/entities/0/name` -> ['entities', 0, 'name'], telling list indexes from keys by the data itself. */
export function pointerToPath(pointer: string, data: unknown): Segment[] {
  if (pointer === '') return [];
  const out: Segment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const i = Number(part);
      out.push(i);
      node = node[i];
    } else {
      out.push(part);
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
    }
  }
  return out;
}
