// The architecture as the plans draw and list it: what runs each part of the stack, and the flowchart's nodes,
// groups and edges in drawing order. Pure; a template only lays them out (Mermaid ids and shapes by node kind).
// Rules (docs/rules.md, "Architecture diagram"):
// - DIAG-1 the stack's services: what runs the API, the entry point, the database, the cache and the queue, as
//   plan.infrastructure names them; the compute's and the database's catalog labels when no row names them (never
//   the answer ids); a Redis queue on the Redis cache is the cache's service; no cache, no queue: [].
// - DIAG-2 nodes: the clients, the entry point, the API (`<server> API on <compute>`); with deployables (DIR-5) no
//   one API but a group per deployable with its own API, its services and, when it owns entities, its database;
//   otherwise a group per module with services, holding a database of its own under microservices when one of its
//   services has an entity; then the services of no module, the shared database when a service with an entity has
//   none of its own (or there is no service), the cache, the queue and each integration.
// - DIAG-3 edges: the entry point to each API; each API to its services; a service with an entity `reads` (all its
//   methods answer GETs) or `reads and writes` its database, and with a cache and a GET `cached reads` the cache;
//   with a queue, a service with a write sends `events` to the queue (every write publishes its event or
//   enqueues its request, SVC-8, SVC-10; was: a step naming the queue's answer id); the calls between services
//   (dotted); each integration's callers by its protocol (`calls` when none), or a plain link from the API when
//   none calls it and there is one API.

import { stackLabel } from '../catalog/technologies.js';
import type { FlowEdge, FlowItem, FlowNode, FlowRef, Model, Service, StackServices } from '../model.js';
import type { InfraResource } from './infrastructure.js';
import type { Deployable } from '../catalog/folders.js';

/** DIAG-1. */
export function stackServices(stack: Model['stack'], infra: readonly InfraResource[]): StackServices {
  const of = (component: InfraResource['component']): string[] => infra.filter((r) => r.component === component).map((r) => r.service);
  const or = (names: string[], fallback: string): string[] => (names.length > 0 ? names : [fallback]);
  const cache = stack.cache === 'none' ? [] : or(of('cache'), stackLabel('cache', stack.cache));
  const queue = stack.queue === 'none' ? [] : of('queue').length > 0 ? of('queue') : cache.length > 0 && stack.queue === stack.cache ? cache : [stackLabel('queue', stack.queue)];
  return {
    compute: or(of('compute'), stackLabel('compute', stack.compute)),
    entry: of('entry'),
    database: or(of('database'), stackLabel('database', stack.database)),
    cache,
    queue,
  };
}

interface FlowInput {
  model: Pick<Model, 'stack' | 'modules' | 'integrations' | 'endpoints'>;
  services: readonly Service[];
  deployables: readonly Deployable[];
  stackServices: StackServices;
  /** WORD-2's `server`: what serves the API. */
  server: string;
}

const ref = (kind: FlowRef['kind'], name = ''): FlowRef => ({ kind, name });
const node = (kind: FlowNode['kind'], name: string, label: string): FlowNode => ({ kind, name, label });
const edge = (path: FlowRef[], label = '', line: FlowEdge['line'] = 'solid', answersText = false): FlowItem => ({ item: 'edge', edge: { path, label, line, answersText } });

/** DIAG-2, DIAG-3: the flowchart in drawing order. */
export function flowchart(input: FlowInput): FlowItem[] {
  const { model: m, services, deployables, stackServices: run } = input;
  const out: FlowItem[] = [];
  const api = `${input.server} API on ${stackLabel('compute', m.stack.compute, true)}`;
  const database = stackLabel('database', m.stack.database);
  out.push({ item: 'node', node: node('clients', '', 'Clients') });
  out.push({ item: 'node', node: node('entry', '', run.entry.length > 0 ? run.entry.join(' / ') : 'HTTP entry point') });
  if (deployables.length === 0) {
    out.push({ item: 'node', node: node('api', '', api) });
    out.push(edge([ref('clients'), ref('entry'), ref('api')]));
  } else {
    out.push(edge([ref('clients'), ref('entry')]));
  }
  const apiOf = new Map<string, FlowRef>();
  const dbOf = new Map<string, FlowRef>();
  for (const dep of deployables) {
    const nodes = [node('api', dep.name, api), ...dep.services.map((name) => node('service', name, name))];
    for (const name of dep.services) apiOf.set(name, ref('api', dep.name));
    if (dep.owned.length > 0) {
      nodes.push(node('database', dep.name, `${dep.name} database (${database})`));
      for (const name of dep.services) dbOf.set(name, ref('database', dep.name));
    }
    out.push({ item: 'group', group: { name: dep.name, label: `service ${dep.name}`, nodes } });
    out.push(edge([ref('entry'), ref('api', dep.name)]));
  }
  const perModule = m.stack.architecture === 'microservices';
  for (const mod of deployables.length > 0 ? [] : m.modules) {
    const svcs = services.filter((s) => s.module === mod.name);
    if (svcs.length === 0) continue;
    const nodes = svcs.map((s) => node('service', s.name, s.name));
    if (perModule && svcs.some((s) => s.entity !== '')) {
      nodes.push(node('database', mod.name, `${mod.name} database (${database})`));
      for (const s of svcs) dbOf.set(s.name, ref('database', mod.name));
    }
    out.push({ item: 'group', group: { name: mod.name, label: `module ${mod.name}`, nodes } });
  }
  const moduleNames = new Set(m.modules.map((mod) => mod.name));
  for (const s of services.filter((x) => !apiOf.has(x.name) && !moduleNames.has(x.module))) out.push({ item: 'node', node: node('service', s.name, s.name) });
  if (services.length === 0 || services.some((s) => s.entity !== '' && !dbOf.has(s.name))) out.push({ item: 'node', node: node('database', '', run.database.join(' / ')) });
  if (run.cache.length > 0) out.push({ item: 'node', node: node('cache', '', run.cache[0]!) });
  if (run.queue.length > 0) out.push({ item: 'node', node: node('queue', '', run.queue[0]!) });
  for (const i of m.integrations) out.push({ item: 'node', node: node('integration', i.name, i.name) });

  const methodOf = new Map(m.endpoints.map((ep) => [ep.id, ep.method]));
  const isRead = (endpoint: string): boolean => (methodOf.get(endpoint) ?? endpoint.split(' ')[0]) === 'GET';
  for (const s of services) {
    const svc = ref('service', s.name);
    out.push(edge([apiOf.get(s.name) ?? ref('api'), svc]));
    const reads = s.methods.some((fn) => isRead(fn.endpoint));
    const writes = s.methods.some((fn) => !isRead(fn.endpoint));
    if (s.entity !== '') out.push(edge([svc, dbOf.get(s.name) ?? ref('database')], writes ? 'reads and writes' : 'reads'));
    if (s.entity !== '' && run.cache.length > 0 && reads) out.push(edge([svc, ref('cache')], 'cached reads'));
    if (run.queue.length > 0 && writes) out.push(edge([svc, ref('queue')], 'events'));
  }
  if (services.length === 0) out.push(edge([deployables.length > 0 ? ref('entry') : ref('api'), ref('database')], 'reads and writes'));
  const serviceNames = new Set(services.map((s) => s.name));
  for (const s of services) {
    for (const dep of s.dependencies) if (serviceNames.has(dep)) out.push(edge([ref('service', s.name), ref('service', dep)], 'calls', 'dotted'));
  }
  for (const i of m.integrations) {
    const users = services.filter((s) => s.dependencies.includes(i.name));
    const protocol = i.protocol.trim() === '' ? 'calls' : i.protocol;
    for (const s of users) out.push(edge([ref('service', s.name), ref('integration', i.name)], protocol, 'solid', true));
    if (users.length === 0 && deployables.length === 0) out.push(edge([ref('api'), ref('integration', i.name)], '', 'link'));
  }
  return out;
}
