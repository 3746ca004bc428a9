// The order tables are created in, and which foreign keys must wait until every table exists. Pure.

import type { Entity, Model } from '../../derive/model.js';

/**
 * Referenced before referencing, answer order between equals; a cycle is broken at its earliest entity in
 * answer order. The planning engine's plan.entityOrder is used when present (same rule, REL-4); this is the
 * fallback for a model that has not been through it.
 */
export function tableOrder(model: Pick<Model, 'entities'> & { plan?: { entityOrder?: string[] } }): Entity[] {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const planned = model.plan?.entityOrder;
  if (planned && planned.length === model.entities.length && planned.every((n) => byName.has(n))) {
    return planned.map((n) => byName.get(n)!);
  }
  const needs = new Map(model.entities.map((e) => [
    e.name,
    new Set(e.fields.filter((f) => f.references && f.references !== e.name && byName.has(f.references)).map((f) => f.references)),
  ]));
  const done = new Set<string>();
  const out: Entity[] = [];
  while (out.length < model.entities.length) {
    const waiting = model.entities.filter((e) => !done.has(e.name));
    const ready = waiting.find((e) => [...needs.get(e.name)!].every((d) => done.has(d)));
    // Nothing ready: break a cycle at its earliest member, one whose every unmet need leads back to it (so
    // an entity that merely waits for a cycle still waits).
    const next = ready ?? waiting.find((e) => [...needs.get(e.name)!].every((d) => done.has(d) || reaches(d, e.name, needs, done))) ?? waiting[0]!;
    done.add(next.name);
    out.push(next);
  }
  return out;
}

/** True when `to` can be reached from `from` through needs not yet met. */
function reaches(from: string, to: string, needs: ReadonlyMap<string, ReadonlySet<string>>, done: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n) || done.has(n)) continue;
    seen.add(n);
    stack.push(...(needs.get(n) ?? []));
  }
  return false;
}

/**
 * `Entity.field` keys of the foreign keys whose target table comes later in `order`: inside a reference
 * cycle, one of them cannot be declared when its table is created. A reference to the table itself is fine
 * inline.
 */
export function forwardReferences(order: readonly Entity[]): Set<string> {
  const position = new Map(order.map((e, i) => [e.name, i]));
  const out = new Set<string>();
  order.forEach((e, i) => {
    for (const f of e.fields) {
      const target = position.get(f.references);
      if (f.references && target !== undefined && target > i) out.add(`${e.name}.${f.name}`);
    }
  });
  return out;
}
