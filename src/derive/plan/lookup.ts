// Lookups the rules make once per endpoint, indexed once per collection instead of searched each time (a
// search of every method or every field per endpoint grows with the square of the model). Pure: each index is
// kept per collection object, and the planning engine does not change a collection after building it.

import type { Endpoint, Entity, Field, Service, ServiceMethod } from '../model.js';

/** A field of `entity` that references another entity. */
export interface Referrer {
  entity: Entity;
  field: Field;
}

const methodIndexes = new WeakMap<readonly Service[], ReadonlyMap<string, ServiceMethod>>();
const referrerIndexes = new WeakMap<object, ReadonlyMap<string, readonly Referrer[]>>();

/** Endpoint id -> its service method (the first, in service order, as a search would find it). */
export function methodsByEndpoint(services: readonly Service[]): ReadonlyMap<string, ServiceMethod> {
  let index = methodIndexes.get(services);
  if (!index) {
    const map = new Map<string, ServiceMethod>();
    for (const s of services) for (const x of s.methods) if (!map.has(x.endpoint)) map.set(x.endpoint, x);
    methodIndexes.set(services, (index = map));
  }
  return index;
}

const entityIndexes = new WeakMap<readonly Entity[], ReadonlyMap<string, Entity>>();

/** Entity name -> the entity (the first of that name, as a search would find it). */
export function entitiesByName(entities: readonly Entity[]): ReadonlyMap<string, Entity> {
  let index = entityIndexes.get(entities);
  if (!index) {
    const map = new Map<string, Entity>();
    for (const e of entities) if (!map.has(e.name)) map.set(e.name, e);
    entityIndexes.set(entities, (index = map));
  }
  return index;
}

/** Entity name -> the fields that reference it, in entity order, then field order. */
export function referrersOf(entities: ReadonlyMap<string, Entity> | readonly Entity[]): ReadonlyMap<string, readonly Referrer[]> {
  let index = referrerIndexes.get(entities);
  if (!index) {
    const map = new Map<string, Referrer[]>();
    for (const entity of entities.values()) {
      for (const field of entity.fields) {
        const list = map.get(field.references);
        if (list) list.push({ entity, field });
        else map.set(field.references, [{ entity, field }]);
      }
    }
    referrerIndexes.set(entities, (index = map));
  }
  return index;
}

/** The fields that reference the entity named `name`; [] when none does. */
export function referrersTo(entities: ReadonlyMap<string, Entity> | readonly Entity[], name: string): readonly Referrer[] {
  return referrersOf(entities).get(name) ?? [];
}

const fieldIndexes = new WeakMap<Entity, ReadonlyMap<string, Field>>();

/** Field name -> the field of `entity` (the first of that name, as a search would find it). */
export function fieldsByName(entity: Entity): ReadonlyMap<string, Field> {
  let index = fieldIndexes.get(entity);
  if (!index) {
    const map = new Map<string, Field>();
    for (const f of entity.fields) if (!map.has(f.name)) map.set(f.name, f);
    fieldIndexes.set(entity, (index = map));
  }
  return index;
}

/** What the per-endpoint rules below read of an endpoint. */
type EndpointQuestion = Pick<Endpoint, 'id' | 'method' | 'entity' | 'pathParams' | 'request' | 'paginated'>;

/** Answers per entity index, per endpoint id, with the endpoint they were computed for. */
export type EndpointAnswers<T> = WeakMap<object, Map<string, { ep: EndpointQuestion; answer: T }>>;

/**
 * A rule's answer for one endpoint and one entity index (ctx.entities), computed once: the error, service and verification
 * rules each ask the same questions of every endpoint (its request fields, its lookups). The plan's endpoint is
 * a copy of the resolved one with names and error states added: it shares the same method, entity, path
 * parameters and request, so it gets the same answer. The answer is shared: callers read it, never change it.
 */
export function oncePerEndpoint<E extends EndpointQuestion, C extends { entities: object }, T>(
  cache: EndpointAnswers<T>,
  ep: E,
  ctx: C,
  compute: (ep: E, ctx: C) => T,
): T {
  let answers = cache.get(ctx.entities);
  if (!answers) cache.set(ctx.entities, (answers = new Map()));
  const known = answers.get(ep.id);
  if (known !== undefined && sameQuestion(known.ep, ep)) return known.answer;
  // compute takes the endpoint and context rather than closing over them: no closure made per question.
  const answer = compute(ep, ctx);
  answers.set(ep.id, { ep, answer });
  return answer;
}

function sameQuestion(a: EndpointQuestion, b: EndpointQuestion): boolean {
  return a === b || (a.method === b.method && a.entity === b.entity && a.pathParams === b.pathParams && a.request === b.request && a.paginated === b.paginated);
}
