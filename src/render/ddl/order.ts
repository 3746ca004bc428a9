// The order tables are created in, and which foreign keys must wait until every table exists. Pure.

import type { Entity, Model } from '../../derive/model.js';
import { entityOrder } from '../../derive/plan/relationships.js';

/**
 * Referenced before referencing, answer order between equals; a cycle is broken at its earliest entity in
 * answer order. The planning engine's plan.entityOrder is used when present; a model that has not been
 * through the engine gets the same rule (REL-4) from it.
 */
export function tableOrder(model: Pick<Model, 'entities'> & { plan?: { entityOrder?: string[] } }): Entity[] {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const planned = model.plan?.entityOrder;
  if (planned && planned.length === model.entities.length && planned.every((n) => byName.has(n))) {
    return planned.map((n) => byName.get(n)!);
  }
  return entityOrder(model.entities).map((n) => byName.get(n)!);
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
