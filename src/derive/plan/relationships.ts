// Relationships, reference cycles, entity order and foreign-key indexes: the rules over `references`. Pure.
// Rules (docs/rules.md, "Data model"):
// - REL-1 each reference field gives a many-to-one (holder -> target) and its one-to-many (target -> holder);
//   their cardinality is one-to-one both ways when the reference is unique (or the primary key): one holder per target.
// - REL-2 an entity whose declared fields are exactly two references, with a unique index over those two
//   fields, is a join entity: a many-to-many between the two targets, via the join entity.
// - REL-3 reference cycles: each group of entities that reach each other through references (two or more,
//   or one entity with a required reference to itself), members in answer order.
// - REL-4 entity order: referenced before referencing, answer order between equals; a cycle is broken at its
//   earliest entity in answer order, so a cycle still gives an order.
// - IDX-1 a reference field gets an index unless an index (declared or added), its unique constraint or the
//   primary key already leads with that column; its reason in the database's words (a global secondary index
//   on DynamoDB, a reference lookup on MongoDB); none on Neo4j, where a reference is a relationship.
// - IDX-2 a unique index on a soft-deleting entity holds among live rows only (its reason says how).
// - IDX-3 on DynamoDB a unique index's reason says a global secondary index cannot enforce uniqueness, and how
//   the write does: a uniqueness item in the same TransactWriteItems with attribute_not_exists.
// - REL-5 under microservices a reference across modules crosses services, each owning its database: no foreign
//   key enforces it (`crossService`); the holder keeps the id and checks it through the other service.

import type { Architecture, Database } from '../../answers/answers.js';
import { toConstant } from '../../answers/names.js';
import { indexName } from '../normalise.js';
import type { Entity, Index, LiveUnique, Relationship } from '../model.js';
import { referencePhrase, storageKind } from './storage.js';
import { withArticle } from './text.js';

export function relationships(entities: readonly Entity[], database: Database = 'postgresql', architecture: Architecture = 'modular-monolith'): Relationship[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const out: Relationship[] = [];
  for (const e of entities) {
    for (const f of e.fields) {
      if (!f.references) continue;
      const target = byName.get(f.references);
      const crossModule = target !== undefined && target.module !== e.module;
      const crossService = crossModule && architecture === 'microservices';
      const phrase = referencePhrase(database, e, f.name, target, f.references);
      // REL-1: a unique (or primary) reference allows one holder per target: one-to-one both ways.
      const single = f.unique || f.primary;
      out.push({ kind: 'many-to-one', cardinality: single ? 'one-to-one' : 'many-to-one', from: e.name, to: f.references, via: f.name, onDelete: f.onDelete, required: f.required, crossModule, crossService, phrase });
      out.push({ kind: 'one-to-many', cardinality: single ? 'one-to-one' : 'one-to-many', from: f.references, to: e.name, via: f.name, onDelete: f.onDelete, required: f.required, crossModule, crossService, phrase });
    }
  }
  for (const e of entities) {
    const join = joinTargets(e);
    if (!join) continue;
    const [a, b] = join;
    const crossModule = (byName.get(a)?.module ?? e.module) !== (byName.get(b)?.module ?? e.module);
    const phrase = storageKind(database) === 'graph'
      ? `(:${byName.get(a)?.names.pascal ?? a})-[:${toConstant(e.name)}]->(:${byName.get(b)?.names.pascal ?? b})`
      : `${a} and ${b} through ${e.table}`;
    out.push({ kind: 'many-to-many', cardinality: 'many-to-many', from: a, to: b, via: e.name, onDelete: '', required: false, crossModule, crossService: crossModule && architecture === 'microservices', phrase });
  }
  return out;
}

/** The two entities a join entity links, or null when `e` is not one (REL-2). */
export function joinTargets(e: Entity): [string, string] | null {
  const declared = e.fields.filter((f) => !f.generated && !f.primary);
  if (declared.length !== 2 || !declared.every((f) => f.references)) return null;
  const names = declared.map((f) => f.name);
  const covered = e.indexes.some((ix) => ix.unique && ix.fields.length === 2 && names.every((n) => ix.fields.includes(n)));
  if (!covered) return null;
  return [declared[0]!.references, declared[1]!.references];
}

/** Strongly connected groups of the reference graph (REL-3), each in answer order; groups ordered by their first member. */
export function cycles(entities: readonly Entity[]): string[][] {
  const n = entities.length;
  const order = new Map(entities.map((e, i) => [e.name, i]));
  const edges = entities.map((e) => e.fields.filter((f) => f.references && order.has(f.references)).map((f) => order.get(f.references)!));
  // Tarjan's algorithm without recursion (a long chain of references must not exhaust the stack), visiting
  // entities and references in answer order so the result depends on nothing else.
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [node: number, next: number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const targets = edges[v]!;
      if (i < targets.length) {
        frame[1] = i + 1;
        const w = targets[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const group: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          group.push(w);
        } while (w !== v);
        groups.push(group);
      }
    }
  }

  const result: number[][] = [];
  for (const g of groups) {
    const sorted = [...g].sort((a, b) => a - b);
    if (sorted.length > 1) result.push(sorted);
    else {
      const e = entities[sorted[0]!]!;
      // A required reference to itself can never be satisfied by the first row: a real cycle.
      if (e.fields.some((f) => f.references === e.name && f.required)) result.push(sorted);
    }
  }
  return result.sort((a, b) => a[0]! - b[0]!).map((g) => g.map((i) => entities[i]!.name));
}

/** Referenced before referencing, answer order between equals; cycles broken at the earliest entity (REL-4). */
export function entityOrder(entities: readonly Entity[]): string[] {
  const n = entities.length;
  const order = new Map(entities.map((e, i) => [e.name, i]));
  // waiting[i]: how many distinct entities i still waits for; users[j]: who waits for j.
  const waiting = new Array<number>(n).fill(0);
  const users: number[][] = entities.map(() => []);
  const needsOf: number[][] = entities.map((e) => [
    ...new Set(e.fields.filter((f) => f.references && f.references !== e.name && order.has(f.references)).map((f) => order.get(f.references)!)),
  ]);
  needsOf.forEach((needs, i) => {
    waiting[i] = needs.length;
    for (const j of needs) users[j]!.push(i);
  });
  const done = new Array<boolean>(n).fill(false);
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (waiting[i] === 0) ready.push(i);
  const out: string[] = [];
  let firstUndone = 0;
  while (out.length < n) {
    let next = ready.pop();
    while (next !== undefined && done[next]) next = ready.pop();
    if (next === undefined) {
      // Only cycles and what waits for them are left: break the earliest cycle, at its earliest member in
      // answer order (one whose every unmet need leads back to it), so an entity that merely waits still waits.
      while (done[firstUndone]) firstUndone++;
      next = firstUndone;
      for (let i = firstUndone; i < n; i++) {
        if (!done[i] && needsOf[i]!.every((d) => done[d] || reaches(d, i, needsOf, done))) {
          next = i;
          break;
        }
      }
    }
    done[next] = true;
    out.push(entities[next]!.name);
    for (const u of users[next]!) {
      waiting[u]!--;
      if (waiting[u] === 0 && !done[u]) ready.push(u);
    }
  }
  return out;
}

/** True when `to` can be reached from `from` through needs not yet met. */
function reaches(from: number, to: number, needsOf: readonly number[][], done: readonly boolean[]): boolean {
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i === to) return true;
    if (seen.has(i) || done[i]) continue;
    seen.add(i);
    stack.push(...needsOf[i]!);
  }
  return false;
}

/** A binary min-heap of answer indexes: the earliest ready entity first. */
class MinHeap {
  private items: number[] = [];

  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** IDX-1's reason, in the database's words: joins only where there are joins. */
export function foreignKeyIndexReason(database: Database, e: Entity, field: string, target: string): string {
  // A self-reference reads by the role the field names: `the persons with a given guardian`, not `a Person's persons`.
  const role = field.replace(/_id$/, '').replace(/_/g, ' ');
  const self = e.name === target && role !== '';
  const children = self ? `the ${e.plural.prose} with a given ${role}` : e.plural.prose;
  const owner = self ? '' : `${withArticle(target)}'s `;
  switch (storageKind(database)) {
    case 'document':
      return `reference to ${target}: finds ${owner}${children} by ${field} (MongoDB has no foreign keys: the on-delete rule is checked in code with this index)`;
    case 'key-value':
      return `global secondary index with partition key ${field}: one Query lists ${owner}${children} (DynamoDB has no joins)`;
    default:
      return `foreign key to ${target}: joins, lookups of ${owner}${children} and the on-delete check read by ${field}`;
  }
}

/** Soft-deleted rows keep their values: a unique index then holds among live rows only (IDX-2). */
export function liveRowsNote(database: Database): string {
  if (database === 'postgresql' || database === 'sqlite') return 'unique among live rows only: a partial unique index (WHERE deleted_at IS NULL), since deleted rows keep their values';
  if (database === 'mysql') return 'unique among live rows only: MySQL has no partial index, so index the value with a generated column that is 1 for live rows and NULL once deleted';
  return 'unique among live rows only (deleted_at not set): deleted records keep their values';
}

/**
 * IDX-3: a global secondary index is eventually consistent and accepts any number of items per key, so on
 * DynamoDB a unique index cannot enforce its uniqueness: a uniqueness item does, written with the entity's item.
 */
export function dynamoUniqueNote(table: string, fields: readonly string[]): string {
  const key = `${table}#${fields.join('#')}#${fields.map((f) => `<${f}>`).join('#')}`;
  return `a global secondary index cannot enforce uniqueness: each write puts a uniqueness item (partition key ${key}) in the same TransactWriteItems with the condition attribute_not_exists, and removes the old one when the value changes`;
}

/** A unique index's reason with IDX-2 (live rows) and IDX-3 (DynamoDB) said once each. */
function withUniqueNotes(ix: Index, e: Entity, database: Database): string {
  let reason = ix.reason;
  if (!ix.unique) return reason;
  const join = (note: string): string => (reason ? `${reason}; ${note}` : note);
  if (database === 'dynamodb' && !reason.includes('uniqueness item')) reason = join(dynamoUniqueNote(e.table, ix.fields));
  if (e.softDelete && !reason.includes('live rows')) reason = join(liveRowsNote(database));
  return reason;
}

/**
 * Entities with the foreign-key indexes added (IDX-1); new entity and index objects, the input untouched. Neo4j gets none: a
 * reference there is a relationship, traversed from the node without an index. IDX-2: a unique index on a
 * soft-deleting entity says it holds among live rows only.
 */
export function withForeignKeyIndexes(entities: readonly Entity[], database: Database = 'postgresql'): Entity[] {
  return entities.map((e) => {
    const indexes: Index[] = e.indexes.map((ix) => ({
      ...ix,
      fields: [...ix.fields],
      reason: withUniqueNotes(ix, e, database),
    }));
    for (const f of e.fields) {
      if (storageKind(database) === 'graph') break;
      if (!f.references || f.primary || f.unique) continue;
      if (indexes.some((ix) => ix.fields[0] === f.name)) continue;
      indexes.push({
        name: indexName(e.table, [f.name], false),
        fields: [f.name],
        unique: false,
        origin: 'foreign-key',
        reason: foreignKeyIndexReason(database, e, f.name, f.references),
      });
    }
    // The fields are shared, not copied: no rule or renderer writes to them (tests/derive/plan-purity.test.ts).
    return { ...e, indexes };
  });
}

/**
 * IDX-2, structured for the DDL: every unique field and unique index of a soft-deleting entity, which must hold
 * among live rows only (`WHERE deleted_at IS NULL` on PostgreSQL and SQLite), in entity then field order.
 */
export function liveUniques(entities: readonly Entity[], database: Database = 'postgresql'): LiveUnique[] {
  const out: LiveUnique[] = [];
  for (const e of entities) {
    if (!e.softDelete) continue;
    const deleted = e.fields.find((f) => f.generated === 'soft-delete')?.name ?? 'deleted_at';
    for (const f of e.fields) {
      if (f.unique && !f.primary) out.push({ entity: e.name, table: e.table, name: indexName(e.table, [f.name], true), fields: [f.name], where: `${deleted} IS NULL`, note: liveRowsNote(database) });
    }
    for (const ix of e.indexes) {
      if (ix.unique && !out.some((u) => u.table === e.table && u.fields.join(',') === ix.fields.join(','))) {
        out.push({ entity: e.name, table: e.table, name: ix.name, fields: [...ix.fields], where: `${deleted} IS NULL`, note: liveRowsNote(database) });
      }
    }
  }
  return out;
}
