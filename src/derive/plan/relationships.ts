// Relationships, reference cycles, entity order and foreign-key indexes: the rules over `references`. Pure.
// Rules (docs/rules.md, "Data model"):
// - REL-1 each reference field gives a many-to-one (holder -> target) and its one-to-many (target -> holder).
// - REL-2 an entity whose declared fields are exactly two references, with a unique index over those two
//   fields, is a join entity: a many-to-many between the two targets, via the join entity.
// - REL-3 reference cycles: each group of entities that reach each other through references (two or more,
//   or one entity with a required reference to itself), members in answer order.
// - REL-4 entity order: referenced before referencing, answer order between equals; a cycle is broken at its
//   earliest entity in answer order, so a cycle still gives an order.
// - IDX-1 a reference field gets an index unless an index (declared or added), its unique constraint or the
//   primary key already leads with that column.

import { indexName } from '../normalise.js';
import type { Entity, Index, Relationship } from '../model.js';

export function relationships(entities: readonly Entity[]): Relationship[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const out: Relationship[] = [];
  for (const e of entities) {
    for (const f of e.fields) {
      if (!f.references) continue;
      const target = byName.get(f.references);
      const crossModule = target !== undefined && target.module !== e.module;
      out.push({ kind: 'many-to-one', from: e.name, to: f.references, via: f.name, onDelete: f.onDelete, required: f.required, crossModule });
      out.push({ kind: 'one-to-many', from: f.references, to: e.name, via: f.name, onDelete: f.onDelete, required: f.required, crossModule });
    }
  }
  for (const e of entities) {
    const join = joinTargets(e);
    if (!join) continue;
    const [a, b] = join;
    const crossModule = (byName.get(a)?.module ?? e.module) !== (byName.get(b)?.module ?? e.module);
    out.push({ kind: 'many-to-many', from: a, to: b, via: e.name, onDelete: '', required: false, crossModule });
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
  const order = new Map(entities.map((e, i) => [e.name, i]));
  const edges = new Map(entities.map((e) => [e.name, e.fields.filter((f) => f.references && order.has(f.references)).map((f) => f.references)]));
  // Tarjan's algorithm, iterating entities in answer order so the result does not depend on anything else.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group);
    }
  };
  for (const e of entities) if (!index.has(e.name)) visit(e.name);

  const result: string[][] = [];
  for (const g of groups) {
    const sorted = [...g].sort((a, b) => order.get(a)! - order.get(b)!);
    if (sorted.length > 1) result.push(sorted);
    else {
      const e = entities[order.get(sorted[0]!)!]!;
      // A required reference to itself can never be satisfied by the first row: a real cycle.
      if (e.fields.some((f) => f.references === e.name && f.required)) result.push(sorted);
    }
  }
  return result.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Referenced before referencing, answer order between equals; cycles broken at the earliest entity (REL-4). */
export function entityOrder(entities: readonly Entity[]): string[] {
  const names = entities.map((e) => e.name);
  const known = new Set(names);
  const needs = new Map(entities.map((e) => [e.name, new Set(e.fields.filter((f) => f.references && f.references !== e.name && known.has(f.references)).map((f) => f.references))]));
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < names.length) {
    const ready = names.find((n) => !done.has(n) && [...needs.get(n)!].every((d) => done.has(d)));
    const next = ready ?? names.find((n) => !done.has(n))!;
    done.add(next);
    out.push(next);
  }
  return out;
}

/** Entities with the foreign-key indexes added (IDX-1); new objects, the input untouched. */
export function withForeignKeyIndexes(entities: readonly Entity[]): Entity[] {
  return entities.map((e) => {
    const indexes: Index[] = e.indexes.map((ix) => ({ ...ix, fields: [...ix.fields] }));
    for (const f of e.fields) {
      if (!f.references || f.primary || f.unique) continue;
      if (indexes.some((ix) => ix.fields[0] === f.name)) continue;
      indexes.push({
        name: indexName(e.table, [f.name], false),
        fields: [f.name],
        unique: false,
        origin: 'foreign-key',
        reason: `foreign key to ${f.references}: joins, lookups of a ${f.references}'s ${e.plural.snake.replace(/_/g, ' ')} and the on-delete check read by ${f.name}`,
      });
    }
    return { ...e, fields: e.fields.map((f) => ({ ...f, values: [...f.values] })), indexes };
  });
}
