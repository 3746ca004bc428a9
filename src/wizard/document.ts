// The answers file the wizard writes: keys in the order of answers.md, empty parts left out, a schema line
// for editors first, a short comment above each section, and the compact one-line style of payments.yaml for
// fields, indexes and errors. Written as YAML 1.1-safe text: `no`, `on`, `012` come out quoted.

import { Document, isMap, isPair, isScalar, isSeq, stringify, type Node } from 'yaml';
import { isObj, type Obj } from './scope.js';

const ORDER: Record<string, readonly string[]> = {
  top: ['version', 'project', 'requirements', 'stack', 'entities', 'modules', 'resources', 'endpoints', 'errors', 'integrations'],
  project: ['name', 'slug', 'summary', 'platform', 'team_size', 'start', 'goals'],
  requirements: ['functional', 'non_functional'],
  non_functional: ['latency_p95_ms', 'throughput_rps', 'availability', 'data_retention', 'compliance'],
  stack: ['language', 'framework', 'architecture', 'database', 'cache', 'queue', 'cloud', 'compute', 'iac', 'auth', 'observability'],
  entity: ['name', 'description', 'timestamps', 'soft_delete', 'fields', 'indexes'],
  field: ['name', 'type', 'primary', 'required', 'unique', 'default', 'min', 'max', 'max_length', 'pattern', 'values', 'references', 'on_delete', 'description'],
  index: ['fields', 'unique'],
  module: ['name', 'description', 'entities'],
  resource: ['entity', 'operations', 'auth', 'base_path'],
  endpoint: ['method', 'path', 'summary', 'auth', 'entity', 'request', 'response', 'status', 'paginated', 'errors', 'integrations', 'rate_limit'],
  error: ['name', 'status', 'message', 'when'],
  integration: ['name', 'purpose', 'protocol', 'auth', 'timeout_ms', 'retry', 'idempotent', 'rate_limit'],
};

/** The kind of object found under `key` inside an object of kind `parent` (lists give their items' kind). */
export const CHILD_KIND: Record<string, Record<string, string>> = {
  top: { project: 'project', requirements: 'requirements', stack: 'stack', entities: 'entity', modules: 'module', resources: 'resource', endpoints: 'endpoint', errors: 'error', integrations: 'integration' },
  requirements: { non_functional: 'non_functional' },
  entity: { fields: 'field', indexes: 'index' },
};

/** Kinds written on one line each, like payments.yaml, when they fit. */
const ONE_LINE_KINDS = new Set(['field', 'index', 'error']);
/** Lists of sentences stay one per line; other short lists of words go on one line. */
const SENTENCE_LISTS = new Set(['goals', 'functional']);
const MAX_LINE = 110;

function sortKeys(obj: Obj, kind: string): [string, unknown][] {
  const order = ORDER[kind] ?? [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  // Keys archplan does not know keep their place after the known ones (the schema will name them).
  return Object.entries(obj)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i)
    .map((x) => x.e);
}

/** A plain copy with keys in order and nothing empty: no undefined, no empty list, no empty object. */
export function tidy(value: unknown, kind = 'top'): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => tidy(v, kind)).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of sortKeys(value, kind)) {
      const t = tidy(v, CHILD_KIND[kind]?.[k] ?? k);
      // defineProperty: a `__proto__` key stays a key (and is reported), never a prototype.
      if (t !== undefined) Object.defineProperty(out, k, { value: t, enumerable: true, writable: true, configurable: true });
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (value === null || value === '') return undefined;
  return value;
}

export interface SectionComment {
  /** Top-level key the comment goes above. */
  key: string;
  comment: string;
}

function oneLine(value: unknown): string {
  return stringify(value, { version: '1.1', collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** Marks the items of `kind` and the short lists of words as flow (one-line) collections when they fit. */
export function styleNode(node: Node | null | undefined, kind: string, key: string): void {
  if (isMap(node)) {
    if (ONE_LINE_KINDS.has(kind) && oneLine(node.toJSON()).length + 8 <= MAX_LINE) {
      node.flow = true;
      return;
    }
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      styleNode(pair.value as Node, CHILD_KIND[kind]?.[k] ?? k, k);
    }
  } else if (isSeq(node)) {
    const scalars = node.items.every((i) => isScalar(i));
    if (scalars && !SENTENCE_LISTS.has(key) && oneLine(node.toJSON()).length + key.length + 8 <= MAX_LINE) {
      node.flow = true;
      return;
    }
    for (const item of node.items) styleNode(item as Node, kind, key);
  }
}

/** The text of an answers file holding `answers`. */
export function answersText(answers: Obj, options: { schemaRef: string; comments: readonly SectionComment[] }): string {
  const data = (tidy({ version: 1, ...answers }) ?? {}) as Obj;
  const doc = new Document(data, { version: '1.1' });
  doc.commentBefore = ` yaml-language-server: $schema=${options.schemaRef}`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      styleNode(pair.value as Node, CHILD_KIND.top?.[k] ?? k, k);
      const comment = options.comments.find((c) => c.key === k);
      if (k !== 'version') pair.key.spaceBefore = true;
      if (comment) pair.key.commentBefore = comment.comment.trim().split('\n').map((l) => ` ${l}`).join('\n');
    }
  }
  return doc.toString({ lineWidth: 0 });
}
