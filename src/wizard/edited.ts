// Saving an edited file: the new answers laid onto the file's own YAML document, so the person's comments,
// blank lines and flow or block style stay where they were. List items are matched by what names them
// (name, entity, method + path), so removing one does not move the comments of the others.

import { Scalar, isMap, isPair, isScalar, isSeq, parse, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { CHILD_KIND, styleNode, tidy, type SectionComment } from './document.js';
import { isObj, type Obj } from './scope.js';

const MODELINE = '# yaml-language-server:';

function keyOf(pair: unknown): string | undefined {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function toValue(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

/** What names a list item, so the same item is found again after others were added, moved or removed. */
function identity(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return `=${String(value)}`;
  if (!isObj(value)) return undefined;
  if (typeof value.name === 'string') return `name:${value.name}`;
  if (typeof value.entity === 'string' && Array.isArray(value.operations)) return `entity:${value.entity}`;
  if (typeof value.method === 'string' && typeof value.path === 'string') return `route:${value.method} ${value.path}`;
  return undefined;
}

/** A new scalar; a string YAML 1.1 would read as something else (`no`, `on`, `012`) is quoted. */
function scalarFor(value: unknown): Scalar {
  const node = new Scalar(value);
  if (typeof value === 'string' && !value.includes('\n')) {
    let as11: unknown;
    try {
      as11 = parse(value, { version: '1.1' });
    } catch {
      as11 = undefined;
    }
    if (as11 !== value) node.type = Scalar.QUOTE_DOUBLE;
  }
  return node;
}

/** Sorted-key JSON: the same data whatever the order of keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObj(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

class Merger {
  constructor(
    private readonly doc: Document,
    private readonly comments: readonly SectionComment[],
  ) {}

  private fresh(value: unknown, kind: string, key: string): unknown {
    if (!isObj(value) && !Array.isArray(value)) return scalarFor(value);
    const node = this.doc.createNode(value) as Node;
    styleNode(node, kind, key);
    return node;
  }

  merge(node: unknown, value: unknown, kind: string, key: string): unknown {
    if (isMap(node) && isObj(value)) {
      node.items = node.items.filter((p) => {
        const k = keyOf(p);
        return k !== undefined && Object.hasOwn(value, k);
      });
      let at = -1;
      for (const [k, v] of Object.entries(value)) {
        const childKind = CHILD_KIND[kind]?.[k] ?? k;
        const i = node.items.findIndex((p) => keyOf(p) === k);
        if (i >= 0) {
          const pair = node.items[i] as Pair;
          pair.value = this.merge(pair.value, v, childKind, k);
          at = i;
          continue;
        }
        // A new key goes after the one before it in the answers' order.
        const pair = this.doc.createPair(k, this.fresh(v, childKind, k));
        if (kind === 'top' && isScalar(pair.key)) {
          pair.key.spaceBefore = true;
          const comment = this.comments.find((c) => c.key === k);
          if (comment) pair.key.commentBefore = ` ${comment.comment.trim()}`;
        }
        node.items.splice(at + 1, 0, pair);
        at += 1;
      }
      return node;
    }
    if (isSeq(node) && Array.isArray(value)) {
      const old = [...node.items];
      const oldIds = old.map((n) => identity(toValue(n)));
      const newIds = new Set(value.map(identity));
      const used = new Set<number>();
      node.items = value.map((v, i) => {
        const id = identity(v);
        let j = id === undefined ? -1 : oldIds.findIndex((o, k) => !used.has(k) && o === id);
        // No name, or a new one (a rename): the item in the same place, unless that one is still wanted.
        if (j < 0 && i < old.length && !used.has(i) && (id === undefined || !newIds.has(oldIds[i]))) j = i;
        if (j < 0) return this.fresh(v, kind, key);
        used.add(j);
        return this.merge(old[j], v, kind, key);
      });
      // A comment above the first item is kept on the list itself: it goes when that item goes.
      if (old.length > 0 && !used.has(0)) node.commentBefore = undefined;
      return node;
    }
    if (isScalar(node) && !isObj(value) && !Array.isArray(value)) {
      if (node.value === value) return node;
      const next = scalarFor(value);
      next.comment = node.comment;
      next.commentBefore = node.commentBefore;
      next.spaceBefore = node.spaceBefore;
      return next;
    }
    return this.fresh(value, kind, key);
  }
}

/**
 * The text of `original` (an answers file being edited) changed to hold `answers`, or null when that cannot
 * be done faithfully; the caller then writes `freshText`, whose data the result must equal.
 */
export function editedText(
  original: string,
  answers: Obj,
  freshText: string,
  options: { schemaRef: string; comments: readonly SectionComment[] },
): string | null {
  try {
    const doc = parseDocument(original.replace(/^\uFEFF/, ''), { uniqueKeys: true });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
    const data = tidy({ version: 1, ...answers }) as Obj;
    new Merger(doc, options.comments).merge(doc.contents, data, 'top', '');
    let out = doc.toString({ lineWidth: 0 });
    if (!out.startsWith(MODELINE)) out = `${MODELINE} $schema=${options.schemaRef}\n${out}`;
    return canonical(parse(out)) === canonical(parse(freshText)) ? out : null;
  } catch {
    return null;
  }
}
