// Path parameters that name an entity by one of its unique fields, or as a reference field of the endpoint's entity. Pure.
// Rule (docs/rules.md, "Error states"):
// - PARAM-1 a path parameter normalise left without an entity, named `<entity>_<field>` (snake case) where
//   that entity has a unique field `<field>` (`{tenant_slug}`: Tenant.slug), names that entity: the method
//   loads it by that field (404 <Entity>NotFound) and a list under it is filtered by the reference to it.
// - PARAM-2 a parameter left without an entity that is a reference field of the endpoint's own entity
//   (`{device_id}` on AlertIncident.device_id -> IoTDevice) names the referenced entity; tried before PARAM-1.

import type { Endpoint, Entity, Field } from '../model.js';
import { entitiesByName } from './lookup.js';

const sortedByName = new WeakMap<readonly Entity[], readonly Entity[]>();

/** Longest entity name first, so `order_line_code` finds OrderLine before Order; sorted once per entity list. */
function longestNameFirst(entities: readonly Entity[]): readonly Entity[] {
  let sorted = sortedByName.get(entities);
  if (!sorted) {
    sorted = [...entities].sort((a, b) => b.names.snake.length - a.names.snake.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    sortedByName.set(entities, sorted);
  }
  return sorted;
}

/** The entity and unique field a parameter such as `tenant_slug` names; undefined when none. */
export function uniqueFieldParam(name: string, entities: readonly Entity[]): { entity: Entity; field: Field } | undefined {
  for (const e of longestNameFirst(entities)) {
    const prefix = `${e.names.snake}_`;
    if (!name.startsWith(prefix)) continue;
    const field = e.fields.find((f) => f.name === name.slice(prefix.length) && (f.unique || f.primary));
    if (field) return { entity: e, field };
  }
  return undefined;
}

/**
 * PARAM-2: the entity a parameter names by being a reference field of the endpoint's own entity
 * (`{device_id}` on AlertIncident, whose device_id references IoTDevice); '' when it is none.
 */
function ownReferenceParam(name: string, own: Entity | undefined): string {
  return own?.fields.find((f) => f.name === name && f.references !== '')?.references ?? '';
}

/** PARAM-1 and PARAM-2 over every endpoint: new endpoint objects, the input untouched. */
export function withResolvedParams(endpoints: readonly Endpoint[], entities: readonly Entity[]): Endpoint[] {
  const byName = entitiesByName(entities);
  return endpoints.map((ep) => {
    if (!ep.pathParams.some((p) => p.entity === '')) return ep;
    const own = byName.get(ep.entity);
    return {
      ...ep,
      pathParams: ep.pathParams.map((p) => (p.entity === '' ? { ...p, entity: ownReferenceParam(p.name, own) || (uniqueFieldParam(p.name, entities)?.entity.name ?? '') } : p)),
    };
  });
}
