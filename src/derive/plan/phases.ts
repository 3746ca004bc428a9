// Phases in dependency order, from one graph, with hours and a timeline. Pure.
// Rules (docs/rules.md, "Estimate and phases"):
// - PH-1 the graph: foundation -> data model -> one business-logic phase per module with endpoints (module
//   order follows the entity order; a module waits for the modules its entities reference) and one for the
//   endpoints on no entity -> integrations and events (when there is an integration or a queue) -> hardening.
// - PH-2 seed 000's three phases: foundation and data model are 1 (core infrastructure), business logic and
//   integrations are 2, hardening is 3.
// - PH-3 the whole team works the phases one after another in this order; a phase lasts its middle hours
//   over the weekly capacity (EST-2), counted in calendar days (7 a week, rounded up, at least 1); each
//   phase starts the day after the one before it ends, so it never starts before a phase it depends on
//   ends. Days and weeks are 1-based and inclusive; two phases may share a week (the later one continues
//   in it). With project.start the dates are start + day - 1, in UTC.
// - PH-4 the data-model tasks in the database's words: tables and columns; MongoDB collections with
//   validators; DynamoDB item types in one table with their key design and global secondary indexes; Neo4j
//   node labels, relationship types and uniqueness constraints.
// - PH-5 microservices with deployables (DIR-5): the foundation's skeleton, pipeline and database tasks are per
//   service (a skeleton each, a pipeline that builds and deploys each service on its own, a database each with
//   its own migrations or schema); when some own no data, the database task names the services that do and
//   says which own none.

import { deadLetterName, stackLabel, type TechKey } from '../catalog/technologies.js';
import type { Model, Phase, Service } from '../model.js';
import { RETRY_TEXT } from './errors.js';
import { availabilityAtLeast, sumUnits, weeklyCapacity, type WorkUnit } from './estimate.js';
import { MULTI_REGION_AVAILABILITY } from '../catalog/risks.js';
import type { InfraResource } from './infrastructure.js';
import { count, flatAll, joinAnd, unique } from './text.js';
import { relationshipType, storageKind, storageTerms } from './storage.js';

export interface PhaseInput {
  model: Pick<Model, 'project' | 'requirements' | 'stack' | 'entities' | 'endpoints' | 'integrations' | 'modules'>;
  services: readonly Service[];
  entityOrder: readonly string[];
  infrastructure: readonly InfraResource[];
  units: readonly WorkUnit[];
  /** DIR-5's deployables, [] (or absent) when one application is deployed; `owned` [] for a service that owns no data. */
  deployables?: readonly { name: string; owned: readonly string[] }[];
}

interface Draft {
  key: string;
  title: string;
  goal: string;
  tasks: string[];
  dependsOn: string[];
  seedPhase: 1 | 2 | 3;
}

const label = (key: TechKey, value: string): string => stackLabel(key, value, true);

/**
 * PH-5: the foundation's database task under microservices: a database (a table on DynamoDB) per service,
 * each with its own migrations or schema; a service that owns no data gets none, and the task names which.
 */
function perServiceDatabaseTask(s: Model['stack'], deployables: NonNullable<PhaseInput['deployables']>): string {
  const head = `Database (${label('database', s.database)}): `;
  const withData = deployables.filter((d) => d.owned.length > 0).map((d) => d.name);
  const noData = deployables.filter((d) => d.owned.length === 0).map((d) => d.name);
  if (withData.length === 0) return `${head}no service owns data (${joinAnd(noData)}), so none gets a database, credentials or backups until one does`;
  const ownNone = `${joinAnd(noData)} ${noData.length === 1 ? 'owns' : 'own'} none`;
  const each = noData.length === 0
    ? 'per service'
    : withData.length === 1
      ? `for the one service that owns data (${withData[0]}; ${ownNone})`
      : `for each of the ${withData.length} services that own data (${joinAnd(withData)}; ${ownNone})`;
  if (s.database === 'dynamodb') {
    return `${head}a table ${each}, backups, and each table's key design (partition and sort key) and global secondary indexes applied from its own service's pipeline`;
  }
  const whose = noData.length === 0 ? "each service's" : withData.length === 1 ? 'its' : "each one's";
  return `${head}a database and credentials ${each}, backups, and ${whose} ${storageKind(s.database) === 'relational' ? 'migrations in its own pipeline' : `${storageTerms(s.database).schema} applied from its own pipeline`}`;
}

/** The items of `list` by key, each group in list order. */
function groupBy<T>(list: readonly T[], keyOf: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const key = keyOf(x);
    const group = out.get(key);
    if (group) group.push(x);
    else out.set(key, [x]);
  }
  return out;
}

function drafts(input: PhaseInput): Draft[] {
  const { model: m, services } = input;
  const s = m.stack;
  const out: Draft[] = [];

  const roles = unique(m.endpoints.map((e) => e.auth).filter((a) => a !== 'none'));
  // PH-5: one skeleton, pipeline and database per deployable under microservices.
  const perService = (input.deployables ?? []).map((d) => d.name);
  const stackWords = `${label('language', s.language)}${s.framework === 'none' ? ' (standard library)' : ` with ${label('framework', s.framework)}`} on ${label('compute', s.compute)}`;
  out.push({
    key: 'foundation',
    title: 'Foundation',
    goal: s.auth !== 'none' ? 'Infrastructure, delivery pipeline and authentication ready for the first endpoint' : 'Infrastructure and delivery pipeline ready for the first endpoint',
    tasks: [
      perService.length > 0
        ? `Project skeleton for each of the ${perService.length} services (${joinAnd(perService)}): ${stackWords}, its own configuration and health check`
        : `Project skeleton: ${stackWords}, configuration and a health check`,
      perService.length > 0
        ? 'CI pipeline per service: build, test, scan and deploy each service on its own, on every merge that changes it'
        : 'CI pipeline: build, test, scan and deploy on every merge',
      s.iac === 'none'
        // INFRA-2: the services are whole phrases (`Host firewall: only the reverse proxy port is open`), so each
        // stands in parentheses after its component, not run together in one comma list.
        ? `Infrastructure set up by hand and written down: ${unique(input.infrastructure.map((r) => `${r.component} (${r.service})`)).join('; ')}`
        : `Infrastructure as code (${label('iac', s.iac)}): ${joinAnd(unique(input.infrastructure.map((r) => r.resource)))}`,
      ...(s.auth !== 'none' && roles.length > 0 ? [`Authentication (${label('auth', s.auth)}) and authorization for ${joinAnd(roles)}`] : []),
      // STORE-1: migrations only where there is a schema to migrate; otherwise the store's own definitions.
      perService.length > 0
        ? perServiceDatabaseTask(s, input.deployables ?? [])
        : `Database (${label('database', s.database)}): ${storageKind(s.database) === 'relational' ? 'backups and migrations in the pipeline' : `backups, and ${storageTerms(s.database).schema} applied from the pipeline`}`,
    ],
    dependsOn: [],
    seedPhase: 1,
  });

  const byName = new Map(m.entities.map((e) => [e.name, e]));
  out.push({
    key: 'data-model',
    title: 'Data model',
    goal: 'Entities in dependency order, with their constraints and indexes',
    tasks: input.entityOrder.map((n) => {
      const e = byName.get(n)!;
      const ix = e.indexes.map((i) => i.name);
      // PH-4: each database in its own words.
      switch (s.database) {
        case 'dynamodb':
        {
          // IDX-3: a GSI cannot enforce uniqueness; a unique index is a uniqueness item written in the same transaction.
          const gsi = e.indexes.map((i) => (i.unique ? `${i.name} (unique: a uniqueness item per value, written in the same TransactWriteItems with attribute_not_exists)` : i.name));
          return `${e.name}: item type in table ${m.project.slug}, key design PK/SK for its access patterns, ${count(e.fields.length, 'attribute', 'attributes')}${gsi.length > 0 ? `, global secondary indexes ${gsi.join(', ')}` : ''}`;
        }
        case 'neo4j': {
          const rels = e.fields.filter((f) => f.references).map((f) => `[:${relationshipType(f.name)}]`);
          const uniques = e.fields.filter((f) => f.unique || f.primary).map((f) => f.name);
          return `${e.name}: node label :${e.names.pascal}, ${count(e.fields.length, 'property', 'properties')}${rels.length > 0 ? `, relationships ${rels.join(', ')}` : ''}${uniques.length > 0 ? `, uniqueness constraints on ${uniques.join(', ')}` : ''}${ix.length > 0 ? `, indexes ${ix.join(', ')}` : ''}`;
        }
        case 'mongodb':
          return `${e.name}: collection ${e.table} with a JSON Schema validator, ${count(e.fields.length, 'field', 'fields')}${ix.length > 0 ? `, indexes ${ix.join(', ')}` : ''}`;
        default:
          return `${e.name}: table ${e.table}, ${count(e.fields.length, 'column', 'columns')}${ix.length > 0 ? `, indexes ${ix.join(', ')}` : ''}`;
      }
    }),
    dependsOn: ['foundation'],
    seedPhase: 1,
  });

  // Modules with endpoints, in the order their first entity appears in the entity order.
  // Each module's position, services and entities are grouped once, not searched for again per module.
  const firstAt = new Map<string, number>();
  input.entityOrder.forEach((n, k) => {
    const mod = byName.get(n)?.module;
    if (mod !== undefined && !firstAt.has(mod)) firstAt.set(mod, k);
  });
  const rank = (mod: string): number => firstAt.get(mod) ?? Number.MAX_SAFE_INTEGER;
  const servicesOf = groupBy(services.filter((sv) => sv.entity), (sv) => sv.module);
  const entitiesOf = groupBy(m.entities, (e) => e.module);
  const descriptions = new Map<string, string>();
  for (const x of m.modules) if (!descriptions.has(x.name)) descriptions.set(x.name, x.description);
  const moduleOrder = m.modules.map((x) => x.name).filter((name) => servicesOf.has(name));
  moduleOrder.sort((a, b) => rank(a) - rank(b));
  const placed = new Set<string>();
  for (const mod of moduleOrder) {
    const mine = servicesOf.get(mod)!;
    const needs = unique((entitiesOf.get(mod) ?? []).flatMap((e) => e.fields.map((f) => byName.get(f.references)?.module ?? '')))
      .filter((x) => x !== '' && x !== mod && placed.has(x));
    const description = descriptions.get(mod) ?? '';
    out.push({
      key: `module:${mod}`,
      title: `Business logic: ${mod}`,
      goal: `${joinAnd(mine.map((sv) => sv.name))} with ${count(mine.reduce((a, sv) => a + sv.methods.length, 0), 'endpoint', 'endpoints')}${description ? ` (${description})` : ''}`,
      tasks: mine.flatMap((sv) => sv.methods.map((x) => `${x.endpoint} -> ${sv.name}.${x.languageName}`)),
      dependsOn: ['data-model', ...needs.map((x) => `module:${x}`)],
      seedPhase: 2,
    });
    placed.add(mod);
  }
  const loose = services.filter((sv) => !sv.entity);
  if (loose.length > 0) {
    out.push({
      key: 'entry-points',
      title: 'Endpoints on no entity',
      goal: `${joinAnd(loose.map((sv) => sv.name))} with ${count(loose.reduce((a, sv) => a + sv.methods.length, 0), 'endpoint', 'endpoints')} on no entity`,
      tasks: loose.flatMap((sv) => sv.methods.map((x) => `${x.endpoint} -> ${sv.name}.${x.languageName}`)),
      dependsOn: ['data-model'],
      seedPhase: 2,
    });
  }
  const business = out.filter((d) => d.seedPhase === 2).map((d) => d.key);

  const calling = m.integrations;
  if (calling.length > 0 || s.queue !== 'none') {
    const events = unique(services.flatMap((sv) => sv.methods.flatMap((x) => x.steps.filter((t) => t.startsWith('Publish ')).map((t) => t.split(' ')[1]!))));
    out.push({
      key: 'integrations',
      title: 'Integrations and events',
      goal: [
        ...(calling.length > 0 ? [`${joinAnd(calling.map((i) => i.name))} behind timeouts${calling.some((i) => i.retry !== 'none') ? ', retries' : ''} and a circuit breaker`] : []),
        ...(s.queue !== 'none' ? [`events on ${label('queue', s.queue)}`] : []),
      ].join('; '),
      tasks: [
        ...calling.map((i) => `${i.name} client: timeout ${i.timeoutMs} ms, ${RETRY_TEXT[i.retry]}, circuit breaker${i.idempotent ? ', idempotency keys' : ''}${i.rateLimit ? `, within ${i.rateLimit}` : ''}, sandbox contract tests${i.usedBy.length > 0 ? ` (used by ${joinAnd(i.usedBy)})` : ''}`),
        ...(s.queue !== 'none' ? [`${label('queue', s.queue)}: ${storageTerms(s.database).outbox} relay, idempotent consumers, ${deadLetterName(s.queue)} with an alarm${events.length > 0 ? `; events ${joinAnd(events)}` : ''}`] : []),
      ],
      dependsOn: business.length > 0 ? business : ['data-model'],
      seedPhase: 2,
    });
  }

  const r = m.requirements;
  const perf: string[] = [];
  if (r.latencyP95Ms !== null) perf.push(`p95 under ${r.latencyP95Ms} ms`);
  if (r.throughputRps !== null) perf.push(`${r.throughputRps} requests per second`);
  const cached = m.endpoints.filter((e) => e.method === 'GET').map((e) => e.id);
  out.push({
    key: 'hardening',
    title: 'Hardening',
    goal: 'Security, compliance, performance to the targets and observability',
    tasks: [
      'Security review: threat model of the endpoints, dependency and secret scanning, secrets rotation',
      ...r.compliance.map((c) => `${c} controls and their evidence`),
      ...(perf.length > 0 ? [`Load test to ${joinAnd(perf)}, and fix what it finds`] : []),
      ...(s.cache !== 'none' && cached.length > 0 ? [`Cache (${label('cache', s.cache)}): cache-aside for ${joinAnd(cached)}, invalidated on writes`] : []),
      ...m.endpoints.filter((e) => e.rateLimit).map((e) => `Rate limit ${e.rateLimit} on ${e.id}`),
      `Observability (${s.observability.length > 0 ? s.observability.map((t) => label('observability', t)).join(', ') : 'none chosen'}): traces, metrics, structured logs, alerts on errors and latency`,
      // PH-5: at the multi-region target the estimate holds a second region (EST-1): the task names it.
      ...(r.availability
        ? [availabilityAtLeast(r.availability, MULTI_REGION_AVAILABILITY)
          ? `Availability ${r.availability}%: a second region with ${label('database', s.database)} replication and a failover drill, health checks and alarms`
          : `Availability ${r.availability}%: health checks, alarms and a restore drill`]
        : []),
    ],
    dependsOn: out.length > 2 ? out.slice(2).map((d) => d.key) : ['data-model'],
    seedPhase: 3,
  });
  return out;
}

/** PH-3 in words, days included so two phases in one week still read in order: `weeks 1–2 (days 6–10)`. */
export function timing(startWeek: number, endWeek: number, startDay: number, endDay: number): string {
  const weeks = startWeek === endWeek ? `week ${startWeek}` : `weeks ${startWeek}–${endWeek}`;
  const days = startDay === endDay ? `day ${startDay}` : `days ${startDay}–${endDay}`;
  return `${weeks} (${days})`;
}

export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000;
  if (!Number.isFinite(t)) return '';
  return isoDay(t / 86_400_000);
}

const MAX_DAY = 100_000_000; // new Date's range, ±8.64e15 ms, in days

/**
 * The `YYYY-MM-DD` (or `±YYYYYY-MM-DD` outside years 0 to 9999) that toISOString starts with, for a whole number of
 * days since 1970-01-01: worked out here (the proleptic Gregorian calendar, as Date counts it), since toISOString
 * makes V8 load the machine's time zone first, a fifth of a millisecond of a run that needs none.
 */
export function isoDay(day: number): string {
  if (!Number.isInteger(day) || Math.abs(day) > MAX_DAY) throw new RangeError(`not a day in Date's range: ${day}`);
  // Days since 0000-03-01, in eras of 400 years (146,097 days), years starting in March so that leap days end them.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const yearText = year >= 0 && year <= 9_999 ? String(year).padStart(4, '0') : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${yearText}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export function phases(input: PhaseInput): Phase[] {
  const list = drafts(input);
  // The tasks live until the plans are rendered: made flat now (text.ts flat).
  for (const d of list) flatAll(d.tasks);
  const number = new Map(list.map((d, i) => [d.key, i + 1]));
  const capacity = weeklyCapacity(input.model.project.teamSize);
  const start = input.model.project.start;
  let elapsed = 0;
  // Day precision (PH-3): a phase starts the day after the one before it ends, never on the same day.
  let nextDay = 0;
  const unitsOf = groupBy(input.units, (u) => u.phase);
  return list.map((d): Phase => {
    const hours = sumUnits(unitsOf.get(d.key) ?? []);
    elapsed += hours.mid / capacity;
    const firstDay = nextDay;
    const endExclusive = Math.max(firstDay + 1, Math.ceil(elapsed * 7 - 1e-9));
    nextDay = endExclusive;
    const startWeek = Math.floor(firstDay / 7) + 1;
    const endWeek = Math.floor((endExclusive - 1) / 7) + 1;
    return {
      number: number.get(d.key)!,
      key: d.key,
      title: d.title,
      goal: d.goal,
      tasks: d.tasks,
      dependsOn: d.dependsOn.map((k) => number.get(k)!).filter((n) => n !== undefined),
      seedPhase: d.seedPhase,
      hours,
      startWeek,
      endWeek,
      startDay: firstDay + 1,
      endDay: endExclusive,
      timing: timing(startWeek, endWeek, firstDay + 1, endExclusive),
      startDate: start ? addDays(start, firstDay) : '',
      endDate: start ? addDays(start, endExclusive - 1) : '',
    };
  });
}
