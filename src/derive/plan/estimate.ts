// Effort: work units from the model, summed into the estimate items and the phases. Pure.
// Rules (docs/rules.md, "Estimate and phases"):
// - EST-1 every unit of work is a coefficient of catalog/estimation.ts times a count from the model, in
//   whole hours (fields are rounded up per entity), and belongs to exactly one phase and one estimate item,
//   so the items and the phases add up to the same total.
// - EST-2 calendar weeks = hours / (team size x 40 h x focus factor 0.7 x (1 - coordination)), coordination
//   10% per engineer beyond the first, at most 50%; low and high rounded up.
// - EST-3 the architecture adds its overhead per module that has endpoints and per write endpoint; with
//   microservices, also per data-less deployable (a service of entity-less endpoints, DIR-5).

import type { Architecture } from '../../answers/answers.js';
import {
  ARCHITECTURE_OVERHEAD, MICROSERVICE_WITHOUT_DATA, CALENDAR, COMPLIANCE, COMPONENT, DATA, ENDPOINT, ENDPOINT_TRAIT, FOUNDATION, HARDENING,
  INTEGRATION, SQLITE_DATABASE_REASON, STORE_REASONS, type Coefficient,
} from '../catalog/estimation.js';
import type { Endpoint, Estimate, EstimateItem, HoursRange, Model } from '../model.js';
import type { EndpointNames } from './handlers.js';
import { stackLabel } from '../catalog/technologies.js';
import { MULTI_REGION_AVAILABILITY } from '../catalog/risks.js';
import { storageKind } from './storage.js';
import { sideEffectAfterCommit } from './after-commit.js';

export interface WorkUnit {
  /** Phase key: foundation, data-model, module:<name>, entry-points, integrations, hardening. */
  phase: string;
  /** Estimate item it counts toward. */
  item: string;
  each: Coefficient;
  count: number;
  low: number;
  high: number;
}

export type EstimateInput = Pick<Model, 'project' | 'requirements' | 'stack' | 'entities' | 'endpoints' | 'integrations' | 'modules' | 'errors'>;

export function range(low: number, high: number): HoursRange {
  return { low, high, mid: Math.round((low + high) / 2) };
}

export function endpointKind(ep: Endpoint, names: EndpointNames): keyof typeof ENDPOINT {
  if (ep.request.kind === 'raw') return 'raw';
  if (names.action) return 'action';
  switch (ep.method) {
    case 'GET':
      return names.handler.startsWith('list') ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'replace';
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
  }
}

/**
 * DIR-5's data-less deployables: the services (SVC-1 names, first-use order) of the entity-less endpoints
 * (`WebhookService`): each is deployed on its own under microservices, with no database.
 */
export function dataLessServices(m: Pick<EstimateInput, 'endpoints'>, names: readonly EndpointNames[]): string[] {
  const out = new Set<string>();
  m.endpoints.forEach((ep, k) => { if (ep.entity === '' && names[k]) out.add(names[k]!.service); });
  return [...out];
}

export function availabilityAtLeast(availability: string, target: number): boolean {
  const n = Number.parseFloat(availability);
  return Number.isFinite(n) && n >= target;
}

/** EST-1 and EST-3: the units of work for the model built with `architecture`. */
export function workUnits(m: EstimateInput, names: readonly EndpointNames[], architecture: Architecture): WorkUnit[] {
  const units: WorkUnit[] = [];
  const add = (phase: string, item: string, each: Coefficient, count = 1, round = false): void => {
    if (count <= 0) return;
    const low = round ? Math.ceil(each.low * count) : each.low * count;
    const high = round ? Math.ceil(each.high * count) : each.high * count;
    if (high > 0) units.push({ phase, item, each, count, low, high });
  };
  const s = m.stack;

  add('foundation', 'Project skeleton', FOUNDATION.skeleton);
  add('foundation', 'CI pipeline', FOUNDATION.ci);
  if (s.iac === 'none') add('foundation', 'Infrastructure set up by hand', FOUNDATION.manualInfra);
  else add('foundation', `Infrastructure as code (${stackLabel('iac', s.iac)})`, FOUNDATION.iac);
  if (s.auth !== 'none') add('foundation', `Authentication (${stackLabel('auth', s.auth)})`, FOUNDATION.auth);
  // STORE-1: the same hours, the reasons in the database's words.
  const words = STORE_REASONS[storageKind(s.database)];
  add('foundation', `Database (${stackLabel('database', s.database)})`, { ...COMPONENT.database, reason: s.database === 'sqlite' ? SQLITE_DATABASE_REASON : words.database });

  const entity = { ...DATA.entity, reason: words.entity };
  const reference = { ...DATA.reference, reason: words.reference };
  for (const e of m.entities) {
    let fields = 0;
    let references = 0;
    for (const f of e.fields) {
      if (!f.generated) fields++;
      if (f.references) references++;
    }
    add('data-model', 'Entities', entity);
    add('data-model', 'Entity fields', DATA.field, fields, true);
    add('data-model', 'References', reference, references);
  }

  const integrationByName = new Map(m.integrations.map((i) => [i.name, i]));
  const afterCommit = { entities: new Map(m.entities.map((e) => [e.name, e])), errors: m.errors };
  const overhead = ARCHITECTURE_OVERHEAD[architecture];
  // Each entity's phase key (`module:<name>`), built once per entity rather than once per endpoint.
  const phaseOfEntity = new Map(m.entities.map((e) => [e.name, `module:${e.module}`]));
  const phasesWithEndpoints = new Set<string>();
  const writeOverhead = `Architecture overhead per write endpoint (${architecture})`;
  const publicGet = { ...ENDPOINT.get, reason: 'one lookup by key and its not-found test' };
  m.endpoints.forEach((ep, k) => {
    const n = names[k]!;
    const phase = phaseOfEntity.get(ep.entity) ?? 'entry-points';
    phasesWithEndpoints.add(phase);
    const kind = endpointKind(ep, n);
    // Without authentication there is no authorization to test on a read (EST-1's reasons follow the stack).
    add(phase, `Endpoints: ${kind}`, kind === 'get' && m.stack.auth === 'none' ? publicGet : ENDPOINT[kind]);
    if (ep.method !== 'GET') add(phase, writeOverhead, overhead.perWriteEndpoint);
    // SVC-7: a call made after the commit maps no 502/503/504; its work is the consumer or retry that makes it.
    const later = ep.integrations.length === 0 ? 0 : ep.integrations.filter((n) => { const i = integrationByName.get(n); return i !== undefined && sideEffectAfterCommit(ep, i, afterCommit); }).length;
    add('integrations', 'Integration calls from endpoints', ENDPOINT_TRAIT.integrationCall, ep.integrations.length - later);
    add('integrations', 'Integration calls after the commit', ENDPOINT_TRAIT.integrationCallAfterCommit, later);
    if (ep.rateLimit) add('hardening', 'Rate-limited endpoints', ENDPOINT_TRAIT.rateLimit);
  });
  for (const mod of m.modules) {
    if (phasesWithEndpoints.has(`module:${mod.name}`)) add(`module:${mod.name}`, `Architecture overhead per module (${architecture})`, overhead.perModule);
  }
  // EST-3 (DIR-5): with microservices a service of entity-less endpoints (`webhook`) is a deployable of its own:
  // its pipeline, deployment and API contract, no database.
  if (architecture === 'microservices') {
    const loose = dataLessServices(m, names);
    if (m.modules.length + loose.length >= 2) add('entry-points', 'Architecture overhead per data-less service (microservices)', MICROSERVICE_WITHOUT_DATA, loose.length);
  }

  add('integrations', 'Integrations', INTEGRATION, m.integrations.length);
  if (s.queue !== 'none') add('integrations', `Queue (${stackLabel('queue', s.queue)})`, COMPONENT.queue);

  if (s.cache !== 'none') add('hardening', `Cache (${stackLabel('cache', s.cache)})`, COMPONENT.cache);
  add('hardening', 'Observability tools', COMPONENT.observabilityTool, s.observability.length);
  for (const c of m.requirements.compliance) add('hardening', `Compliance: ${c}`, COMPLIANCE[c] ?? COMPLIANCE.other!);
  add('hardening', 'Security review', HARDENING.securityReview);
  if (m.requirements.latencyP95Ms !== null || m.requirements.throughputRps !== null) add('hardening', 'Load test', HARDENING.loadTest);
  if (availabilityAtLeast(m.requirements.availability, MULTI_REGION_AVAILABILITY)) add('hardening', 'Second region', HARDENING.multiRegion);
  return units;
}

export function sumUnits(units: readonly WorkUnit[]): HoursRange {
  return range(units.reduce((a, u) => a + u.low, 0), units.reduce((a, u) => a + u.high, 0));
}

/** Engineer-hours a team delivers per calendar week (EST-2). */
export function weeklyCapacity(teamSize: number): number {
  const coordination = Math.min(CALENDAR.coordinationCap, CALENDAR.coordinationPerEngineer * Math.max(0, teamSize - 1));
  return Math.max(1, teamSize) * CALENDAR.hoursPerWeek * CALENDAR.focusFactor * (1 - coordination);
}

export function estimate(units: readonly WorkUnit[], teamSize: number): Estimate {
  const items: EstimateItem[] = [];
  const byWhat = new Map<string, EstimateItem>();
  for (const u of units) {
    let item = byWhat.get(u.item);
    if (!item) {
      item = { what: u.item, count: 0, hoursEach: { low: u.each.low, high: u.each.high }, hours: range(0, 0), reason: u.each.reason };
      items.push(item);
      byWhat.set(u.item, item);
    }
    item.count += u.count;
    item.hours = range(item.hours.low + u.low, item.hours.high + u.high);
  }
  const total = sumUnits(units);
  const capacity = weeklyCapacity(teamSize);
  const weeks = { low: Math.max(1, Math.ceil(total.low / capacity)), high: Math.max(1, Math.ceil(total.high / capacity)) };
  return {
    items,
    total,
    teamSize,
    weeks,
    line: `Estimate: ${total.low}–${total.high} hours, ${weeks.low}–${weeks.high} weeks`,
    weeklyCapacity: Math.round(capacity * 10) / 10,
    assumptions: [
      `Focus factor ${CALENDAR.focusFactor}: ${CALENDAR.focusReason}.`,
      `Coordination: ${CALENDAR.coordinationReason}.`,
      'The phases run one after another with the whole team; the weeks round up.',
    ],
  };
}
