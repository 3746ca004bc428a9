// The risk catalog: data, one entry per rule. `trigger` reads the model and returns the cause (naming the
// entities, endpoints and integrations of the answers) or null when the rule does not apply; `mitigations`
// are the remedies, worded for the model. plan/risks.ts runs every rule and sorts the hits by severity then id.
// Thresholds are named constants below, each with its reason.

import type { Integration, Model, Relationship } from '../model.js';
import { sideEffectAfterCommit } from '../plan/after-commit.js';
import { storageTerms } from '../plan/storage.js';
import { entitiesByName } from '../plan/lookup.js';
import { deadLetterName, stackLabel } from './technologies.js';
import { count, countS, withArticle } from '../plan/text.js';
import { asciiWords, endsWithAny, endsWithWord, lowerAscii } from '../plan/word-lists.js';

export type RiskModel = Omit<Model, 'plan'> & {
  relationships: readonly Relationship[];
  cycles: readonly string[][];
  /** SVC-12: groups of modules whose services call each other in a cycle, module order. */
  moduleCycles: readonly string[][];
};

export interface RiskRule {
  id: string;
  title: string;
  severity: 'high' | 'medium' | 'low';
  area: string;
  /** The cause, naming the concrete things; null when the rule does not apply. */
  trigger: (m: RiskModel) => string | null;
  mitigations: (m: RiskModel) => string[];
}

/** Above this many requests per second a database without a cache in front of it becomes the bottleneck first. */
export const HIGH_THROUGHPUT_RPS = 500;
/** Availability at or above this needs more than one region: one region's outages alone exceed the error budget. */
export const MULTI_REGION_AVAILABILITY = 99.95;
/** Microservices pay off from about two engineers per service and six in all (one on-call rota). */
export const MICROSERVICES_MIN_TEAM = 6;
/** A team this large on a codebase this small steps on itself. */
export const LARGE_TEAM = 8;
export const SMALL_CODEBASE_ENDPOINTS = 10;
/** Fewer endpoints than this per engineer leave a large team without separate work to do. */
export const ENDPOINTS_PER_ENGINEER = 2;
/** Kafka's operating cost is justified from about this throughput. */
export const KAFKA_MIN_RPS = 1000;
/** Field names that hold personal data wherever they appear; the word ends the name (`email_template` is not one). */
export const PERSONAL_FIELDS: readonly string[] = [
  'email', 'email_address', 'phone', 'phone_number', 'mobile', 'first_name', 'last_name', 'full_name', 'given_name', 'family_name',
  'surname', 'address', 'birth_date', 'birthdate', 'date_of_birth', 'birthday', 'dob', 'ssn', 'passport', 'passport_number',
  'national_id', 'ip_address',
];
/**
 * Field names that name a person only on an entity that is one: `name` on a Customer is personal, on a Tool,
 * a Clinic or a Product it is not. The entity is a person when it holds one of PERSONAL_FIELDS (or an email) or
 * its name ends in one of PERSON_ENTITY_WORDS, in any case.
 */
export const PERSON_NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'display_name', 'nickname', 'username', 'user_name', 'address']);
export const PERSON_ENTITY_WORDS: readonly string[] = [
  'person', 'people', 'user', 'customer', 'client', 'patient', 'member', 'employee', 'staff', 'contact', 'guardian', 'practitioner',
  'doctor', 'nurse', 'student', 'teacher', 'author', 'owner', 'borrower', 'subscriber', 'applicant', 'candidate', 'driver', 'rider',
  'passenger', 'traveller', 'traveler', 'volunteer', 'attendee', 'participant', 'visitor', 'clinician', 'worker', 'courier', 'guest',
  'tenant', 'buyer', 'seller', 'profile', 'account',
];

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
/** The verb form for a subject list: `one` for a single item, `many` otherwise. */
const v = (items: readonly unknown[], one: string, many: string): string => (items.length === 1 ? one : many);
/**
 * A list several rules derive from the model's endpoints or entities, computed once per list: the rules run on
 * the plan's model, and those that read the architecture or compute again on each option variant (variantRisks),
 * which shares the same endpoints and entities.
 */
function oncePer<K extends object, T>(cache: WeakMap<K, T>, key: K, compute: (key: K) => T): T {
  let answer = cache.get(key);
  if (answer === undefined) cache.set(key, (answer = compute(key)));
  return answer;
}
type RiskEndpoint = RiskModel['endpoints'][number];
const writeLists = new WeakMap<readonly RiskEndpoint[], readonly RiskEndpoint[]>();
const writes = (m: RiskModel): readonly RiskEndpoint[] => oncePer(writeLists, m.endpoints, (eps) => eps.filter((e) => e.method !== 'GET'));

/**
 * RISK-CASCADE-DELETE, RISK-SOFT-DELETE-CASCADE: the entities something deletes: those a DELETE endpoint names,
 * then, over `on_delete: cascade` references, every child of a hard-deleted parent and each soft-deleting child
 * of a soft-deleted one (SVC-3 soft-deletes it with the parent). Linear: children grouped once, each entity queued once.
 */
function deletedEntities(m: RiskModel): ReadonlySet<string> {
  // Two rules ask, on the plan's model and on each option variant, which share these lists.
  const known = deletedLists.get(m.endpoints);
  if (known && known.entities === m.entities && known.relationships === m.relationships) return known.deleted;
  const deleted = deletedEntitiesOf(m);
  deletedLists.set(m.endpoints, { entities: m.entities, relationships: m.relationships, deleted });
  return deleted;
}
const deletedLists = new WeakMap<RiskModel['endpoints'], { entities: RiskModel['entities']; relationships: RiskModel['relationships']; deleted: ReadonlySet<string> }>();

function deletedEntitiesOf(m: RiskModel): Set<string> {
  const byName = entitiesByName(m.entities);
  const childrenOf = new Map<string, string[]>();
  for (const r of m.relationships) if (r.kind === 'many-to-one' && r.onDelete === 'cascade') (childrenOf.get(r.to) ?? childrenOf.set(r.to, []).get(r.to)!).push(r.from);
  const deleted = new Set(m.endpoints.filter((e) => e.method === 'DELETE' && byName.has(e.entity)).map((e) => e.entity));
  const queue = [...deleted];
  for (let k = 0; k < queue.length; k++) {
    const soft = byName.get(queue[k]!)!.softDelete;
    for (const child of childrenOf.get(queue[k]!) ?? []) {
      if (deleted.has(child) || !byName.has(child) || (soft && !byName.get(child)!.softDelete)) continue;
      deleted.add(child);
      queue.push(child);
    }
  }
  return deleted;
}

/**
 * RISK-SERVERLESS-CONNECTIONS: which endpoints the connection limit is about: every endpoint on an entity
 * counts (each instance holds its own connection), the writes most, since they hold theirs for a transaction.
 * Up to six writes are named, more are counted per method, so none is picked without a reason.
 */
function dbEndpointsText(m: RiskModel): string {
  const onData = m.endpoints.filter((e) => e.entity !== '');
  if (onData.length === 0) return ": a burst of requests can exceed the database's connection limit";
  const w = onData.filter((e) => e.method !== 'GET');
  const all = onData.length === 1
    ? `: a burst on ${onData[0]!.id} can exceed the database's connection limit`
    : `, and all ${onData.length} endpoints on the data count against its connection limit: a burst across them can exceed it`;
  if (w.length === 0 || onData.length === 1) return all;
  const perMethod = new Map<string, number>();
  for (const e of w) perMethod.set(e.method, (perMethod.get(e.method) ?? 0) + 1);
  const named = w.length <= 6 ? list(w.map((e) => e.id)) : list([...perMethod].map(([method, n]) => `${n} ${method}`));
  return `${all}, most of all on the ${w.length === 1 ? 'write' : `${w.length} writes`}, which hold theirs for a whole transaction (${named})`;
}
const called = (m: RiskModel) => m.integrations.filter((i) => i.usedBy.length > 0);
/** The endpoints that wait for the integration's answer: its callers minus those that call it after the commit (SVC-7). */
const requestCallers = (m: RiskModel, i: Integration): readonly string[] => {
  // Several rules ask, on the plan's model and on each option variant: kept per integration while the
  // endpoints, entities and errors it was computed from are the model's.
  const known = requestCallerLists.get(i);
  if (known && known.endpoints === m.endpoints && known.entities === m.entities && known.errors === m.errors) return known.callers;
  const { ctx, endpoints } = callerLookups(m);
  const callers = i.usedBy.filter((id) => {
    const ep = endpoints.get(id);
    return ep === undefined || !sideEffectAfterCommit(ep, i, ctx);
  });
  requestCallerLists.set(i, { endpoints: m.endpoints, entities: m.entities, errors: m.errors, callers });
  return callers;
};
const requestCallerLists = new WeakMap<Integration, { endpoints: RiskModel['endpoints']; entities: RiskModel['entities']; errors: RiskModel['errors']; callers: readonly string[] }>();
/** Endpoints by id, built once per model: several rules ask for each integration's callers. */
const endpointIndexes = new WeakMap<readonly RiskModel['endpoints'][number][], ReadonlyMap<string, RiskModel['endpoints'][number]>>();
const callerLookups = (m: RiskModel) => {
  let endpoints = endpointIndexes.get(m.endpoints);
  if (!endpoints) {
    const map = new Map<string, RiskModel['endpoints'][number]>();
    for (const e of m.endpoints) if (!map.has(e.id)) map.set(e.id, e);
    endpointIndexes.set(m.endpoints, (endpoints = map));
  }
  return { ctx: { entities: entitiesByName(m.entities), errors: m.errors }, endpoints };
};
/** Integrations some endpoint waits for (SVC-7): only their failures, limits and latency reach a client. */
const calledInRequest = (m: RiskModel) => called(m).filter((i) => requestCallers(m, i).length > 0);
/** The database's words (STORE-1): rows, documents, items or nodes; prose about records never says rows on a document store. */
const st = (m: RiskModel) => storageTerms(m.stack.database);
const relationalDb = (m: RiskModel) => m.stack.database === 'postgresql' || m.stack.database === 'mysql';
/** A compliance name reduced to letters and digits, upper case: `PCI-DSS`, `pci dss` -> `PCIDSS`. */
export const complianceKey = (c: string): string => c.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** The compliance requirements the catalog has a rule for. */
export const KNOWN_COMPLIANCE: readonly string[] = ['PCIDSS', 'GDPR', 'HIPAA', 'SOC2'];
const has = (m: Pick<RiskModel, 'requirements'>, c: string) => m.requirements.compliance.some((x) => complianceKey(x) === c);
const unknownCompliance = (m: RiskModel) => m.requirements.compliance.filter((c) => !KNOWN_COMPLIANCE.includes(complianceKey(c)));
type RiskEntity = RiskModel['entities'][number];
// A bare `address` is a warehouse's as often as a person's: it counts, like a bare name, only on a person.
const strongPersonal = (f: RiskEntity['fields'][number]): boolean => f.type === 'email' || (endsWithWord(f.name, PERSONAL_FIELDS) && f.name !== 'address');
const personalFieldLists = new WeakMap<RiskEntity, readonly RiskEntity['fields'][number][]>();
/** An entity's fields that hold personal data: PERSONAL_FIELDS anywhere, PERSON_NAME_FIELDS on an entity that is a person. */
export const personalFieldsOf = (e: RiskEntity): readonly RiskEntity['fields'][number][] => oncePer(personalFieldLists, e, () => {
  const person = e.fields.some(strongPersonal) || endsWithAny(e.name, PERSON_ENTITY_WORDS);
  return e.fields.filter((f) => strongPersonal(f) || (person && PERSON_NAME_FIELDS.has(f.name)));
});
const personalFieldLabels = new WeakMap<RiskModel['entities'], readonly string[]>();
const personalFields = (m: RiskModel): readonly string[] => oncePer(personalFieldLabels, m.entities, (entities) => entities.flatMap((e) => personalFieldsOf(e).map((f) => `${e.table}.${f.name}`)));
/**
 * The entities that hold health data under HIPAA: those with personal fields and those that reference one of
 * them, directly or through others (an appointment of a patient, its diagnoses); a code list or a site is not.
 * All entities when none holds personal data (the answers then say too little to narrow it).
 */
export const healthDataEntities = (m: Pick<RiskModel, 'entities'>): string[] => {
  const held = new Set(m.entities.filter((e) => personalFieldsOf(e).length > 0).map((e) => e.name));
  if (held.size === 0) return m.entities.map((e) => e.name);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of m.entities) {
      if (!held.has(e.name) && e.fields.some((f) => f.references !== '' && held.has(f.references))) {
        held.add(e.name);
        grew = true;
      }
    }
  }
  return m.entities.filter((e) => held.has(e.name)).map((e) => e.name);
};
/** Words of a field name (between `_`, any case) that say it holds card data (PCI-DSS): card numbers, PANs, security codes. */
const CARD_WORDS: ReadonlySet<string> = new Set(['card', 'pan', 'cvv', 'cvc']);
const isCardField = (name: string): boolean => lowerAscii(name).split('_').some((w) => CARD_WORDS.has(w));
/** Each of HIPAA, PCI-DSS and GDPR that applies, with the entities it covers: personal and health data (HIPAA), card data (PCI-DSS), personal data (GDPR). */
export const regulatedEntities = (m: Pick<RiskModel, 'entities' | 'requirements'>): [string, string[]][] => {
  const personal = m.entities.filter((e) => personalFieldsOf(e).length > 0).map((e) => e.name);
  return [
    ['HIPAA', has(m, 'HIPAA') ? [...new Set([...personal, ...healthDataEntities(m)])] : []],
    ['PCI-DSS', has(m, 'PCIDSS') ? m.entities.filter((e) => e.fields.some((f) => isCardField(f.name))).map((e) => e.name) : []],
    ['GDPR', has(m, 'GDPR') ? personal : []],
  ];
};
/**
 * Integrations that take card payments: a whole word of the name (split at its capitals) or the purpose says so.
 * "charge" alone is no such word (a ledger charge, a usage charge, a battery charge take no card), nor is a word
 * that only starts like one (payroll, payload, cardinality).
 */
export const PAYMENT_WORDS: ReadonlySet<string> = new Set(['pay', 'pays', 'paid', 'payment', 'payments', 'paypal', 'card', 'cards', 'checkout', 'stripe', 'adyen', 'braintree', 'billing', 'psp', 'acquirer']);
export const takesCardPayments = (i: { name: string; purpose: string }): boolean =>
  asciiWords(`${i.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2')} ${i.purpose}`).some((w) => PAYMENT_WORDS.has(w));
const paymentIntegrations = (m: RiskModel) => called(m).filter(takesCardPayments);
const availability = (m: RiskModel) => Number.parseFloat(m.requirements.availability);
const listLists = new WeakMap<readonly RiskEndpoint[], readonly RiskEndpoint[]>();
const listLike = (m: RiskModel): readonly RiskEndpoint[] => oncePer(listLists, m.endpoints, (eps) => eps.filter((e) => e.method === 'GET' && e.handler.startsWith('list')));
/**
 * The retry sentence of an integration, from both answers values (retry and idempotent) so it never contradicts
 * them: a retried call says how; a call not retried says whether a retry would be safe.
 */
export const retryAdvice = (i: { retry: string; idempotent: boolean }): string =>
  i.retry !== 'none'
    ? `${i.retry === 'fixed' ? 'retry at a fixed interval with jitter' : 'exponential retry with backoff and jitter'}${i.idempotent ? '' : ' (not idempotent: only with an idempotency key)'}`
    : i.idempotent
      ? 'no retry (none chosen in the answers; it is idempotent, so consider retrying with backoff)'
      : 'no retry (not idempotent)';
/** The catalog's label of a stack value: prose never shows raw enum ids. */
/** Stack values that exist on one cloud only (TECH-4's list, with AWS SAM), and the keys that hold them. */
const SINGLE_CLOUD: Readonly<Record<string, string>> = {
  sqs: 'aws', dynamodb: 'aws', lambda: 'aws', ecs: 'aws', eks: 'aws', cloudwatch: 'aws', 'x-ray': 'aws', cdk: 'aws', cloudformation: 'aws', sam: 'aws',
  'cloud-run': 'gcp',
};
// Observability tools are left out: shipping logs to another cloud's service (or a SaaS) is a common choice.
const CLOUD_BOUND_KEYS = ['database', 'queue', 'compute', 'iac'] as const;
/** The managed Kafka of each cloud, as the infrastructure names it; on premises, Confluent Cloud. */
const KAFKA_MANAGED: Record<string, string> = { aws: 'Amazon MSK', gcp: 'Google Cloud Managed Service for Apache Kafka', azure: 'Azure Event Hubs with its Kafka endpoint' };
const lab = (key: 'cloud' | 'database' | 'queue' | 'cache' | 'compute' | 'language', value: string): string => stackLabel(key, value, true);
const poolerFor = (m: RiskModel) => (m.stack.cloud === 'aws' ? 'RDS Proxy' : m.stack.database === 'mysql' ? 'ProxySQL' : 'PgBouncer');

export const RISK_RULES: readonly RiskRule[] = [
  {
    id: 'RISK-SERVERLESS-CONNECTIONS',
    title: 'Database connection exhaustion from serverless compute',
    severity: 'high',
    area: 'data',
    trigger: (m) => (m.stack.compute === 'lambda' || m.stack.architecture === 'serverless') && relationalDb(m)
      ? `${m.stack.architecture === 'serverless' ? 'serverless functions' : 'Lambda'} open ${withArticle(lab('database', m.stack.database))} connection per concurrent instance${dbEndpointsText(m)}`
      : null,
    mitigations: (m) => [`Put ${poolerFor(m)} between the functions and ${lab('database', m.stack.database)}`, 'Cap function concurrency below the connection limit', 'Open connections outside the handler so warm instances reuse them'],
  },
  {
    id: 'RISK-SERVERLESS-COLD-START',
    title: 'Cold starts break the latency target',
    severity: 'medium',
    area: 'performance',
    trigger: (m) => (m.stack.compute === 'lambda' || m.stack.architecture === 'serverless') && m.requirements.latencyP95Ms !== null && m.requirements.latencyP95Ms < 1000
      ? `a cold start of ${withArticle(lab('language', m.stack.language))} function can take longer than the p95 target of ${m.requirements.latencyP95Ms} ms`
      : null,
    mitigations: () => ['Provisioned concurrency for the latency-critical functions', 'Keep the deployment package small and initialise clients lazily', 'Measure cold-start share in the p95 before launch'],
  },
  {
    id: 'RISK-QUEUE-DUPLICATES',
    title: 'Duplicate or lost messages on the queue',
    severity: 'high',
    area: 'reliability',
    trigger: (m) => m.stack.queue !== 'none'
      ? `${lab('queue', m.stack.queue)} delivers at least once: a consumer of the events of ${list(writes(m).filter((e) => e.entity).map((e) => e.id)) || 'the service'} can see a message twice, and a failing message is retried until it is dropped`
      : null,
    mitigations: (m) => ['Idempotent consumers: record each processed event id and skip repeats', `A ${deadLetterName(m.stack.queue)} on ${lab('queue', m.stack.queue)} with an alarm on its depth`, `${st(m).outbox.charAt(0).toUpperCase()}${st(m).outbox.slice(1)}, so an event is published only when its ${st(m).record} commits`],
  },
  {
    id: 'RISK-INTEGRATION-OUTAGE',
    title: 'An external integration fails or slows down',
    severity: 'high',
    area: 'integrations',
    trigger: (m) => {
      const c = calledInRequest(m);
      const later = called(m).filter((i) => !c.includes(i));
      const waits = c.length > 0 ? c.map((i) => `${i.name} (called by ${list(requestCallers(m, i))}, timeout ${i.timeoutMs} ms)`).join('; ') + ' can be down or slow, and every such endpoint then fails with it' : '';
      // SVC-7: a call after the commit fails no request, but its outage still delays (or loses) what it sends.
      const after = later.length > 0 ? `${list(later.map((i) => `${i.name} (called after the commit of ${list(i.usedBy)})`))} can be down too: ${v(later, 'its', 'their')} work then waits on the queue or the retry, and no request fails` : '';
      return waits || after ? [waits, after].filter((x) => x !== '').join('; ') : null;
    },
    mitigations: (m) => [
      ...called(m).map((i) => `${i.name}: timeout ${i.timeoutMs} ms, ${retryAdvice(i)}, circuit breaker that opens after repeated failures`),
      'Answer 503 with Retry-After while the breaker is open; alert on the breaker state',
    ],
  },
  {
    id: 'RISK-INTEGRATION-UNSAFE-RETRY',
    title: 'Retrying a call that is not idempotent',
    severity: 'high',
    area: 'integrations',
    trigger: (m) => {
      const bad = m.integrations.filter((i) => i.retry !== 'none' && !i.idempotent);
      return bad.length > 0 ? `${list(bad.map((i) => `${i.name} (${i.retry} retry)`))} ${v(bad, 'is', 'are')} retried but not idempotent: a retry after a timeout can repeat the side effect` : null;
    },
    mitigations: () => ['Send an idempotency key with every call so a retry is safe', 'Where the provider has no idempotency keys, stop retrying and reconcile the outcome asynchronously'],
  },
  {
    id: 'RISK-INTEGRATION-NO-RETRY',
    title: 'Transient integration errors reach the client',
    severity: 'low',
    area: 'integrations',
    trigger: (m) => {
      const none = calledInRequest(m).filter((i) => i.retry === 'none');
      return none.length > 0 ? `${list(none.map((i) => i.name))} ${v(none, 'is', 'are')} not retried, so every transient failure becomes a 502 or 503 for ${list(unique(none.flatMap((i) => requestCallers(m, i))))}` : null;
    },
    mitigations: (m) => {
      const none = calledInRequest(m).filter((i) => i.retry === 'none');
      const safe = none.filter((i) => i.idempotent);
      const unsafe = none.filter((i) => !i.idempotent);
      return [
        ...(safe.length > 0 ? [`Retry ${list(safe.map((i) => i.name))} with backoff: ${v(safe, 'it is', 'they are')} idempotent, so a retry is safe`] : []),
        ...(unsafe.length > 0 ? [`Make ${list(unsafe.map((i) => i.name))} idempotent (idempotency key) so ${v(unsafe, 'it', 'they')} can be retried`] : []),
        'Tell clients which errors they may retry',
      ];
    },
  },
  {
    id: 'RISK-INTEGRATION-RATE-LIMIT',
    title: 'An integration rate limit caps the system',
    severity: 'medium',
    area: 'integrations',
    trigger: (m) => {
      const limited = calledInRequest(m).filter((i) => i.rateLimit);
      if (limited.length === 0) return null;
      const rps = m.requirements.throughputRps;
      return `${list(limited.map((i) => `${i.name} allows ${i.rateLimit}`))}${rps !== null ? ` against an API target of ${rps} requests per second` : ''}; bursts beyond it fail with 429`;
    },
    mitigations: () => ['Client-side rate limiter below the provider limit', 'Queue non-urgent calls and drain them at the allowed rate', 'Alert when usage passes 80% of the limit'],
  },
  {
    id: 'RISK-INTEGRATION-LATENCY',
    title: 'An integration timeout exceeds the latency target',
    severity: 'medium',
    area: 'performance',
    trigger: (m) => {
      const p95 = m.requirements.latencyP95Ms;
      if (p95 === null) return null;
      const slow = calledInRequest(m).filter((i) => i.timeoutMs > p95);
      return slow.length > 0 ? `${list(slow.map((i) => `${i.name} may take up to ${i.timeoutMs} ms`))} while the p95 target is ${p95} ms, so ${list(unique(slow.flatMap((i) => requestCallers(m, i))))} can miss it` : null;
    },
    mitigations: () => ['State whether the latency target excludes integration time, and measure both', 'Move the call off the request path (accept, then confirm through a webhook or event) where the flow allows'],
  },
  {
    id: 'RISK-INTEGRATION-SECRETS',
    title: 'Integration credentials leak or never rotate',
    severity: 'medium',
    area: 'security',
    trigger: (m) => {
      const keyed = m.integrations.filter((i) => i.auth !== 'none');
      // The credential by its catalog label (`api-key` -> API keys); an unknown scheme as written.
      return keyed.length > 0 ? `${list(keyed.map((i) => `${i.name} (${stackLabel('auth', i.auth, true)})`))} ${v(keyed, 'needs a credential', 'need credentials')} the service holds` : null;
    },
    mitigations: (m) => [`Keep the credentials in ${m.stack.cloud === 'aws' ? 'AWS Secrets Manager' : m.stack.cloud === 'gcp' ? 'Google Cloud Secret Manager' : m.stack.cloud === 'azure' ? 'Azure Key Vault' : 'the secrets store'}, never in code or images`, 'Rotate them on a schedule and on every staff change', 'Restricted keys with the least permissions the calls need'],
  },
  {
    id: 'RISK-PCI-DSS',
    title: 'Card data brings PCI-DSS scope',
    severity: 'high',
    area: 'compliance',
    trigger: (m) => {
      if (!has(m, 'PCIDSS')) return null;
      const pay = paymentIntegrations(m);
      return `PCI-DSS applies${pay.length > 0 ? `: card payments go through ${list(pay.map((i) => `${i.name} (${list(i.usedBy)})`))}` : ''}; storing or logging a card number puts the whole system in scope`;
    },
    mitigations: (m) => {
      const pay = paymentIntegrations(m);
      const users = new Set(pay.flatMap((i) => i.usedBy));
      const entities = unique(m.endpoints.filter((e) => users.has(e.id) && e.entity).map((e) => e.entity));
      const byName = entitiesByName(m.entities);
      const modules = unique(entities.map((n) => byName.get(n)?.module ?? '').filter((x) => x));
      return [
        `Never receive, store or log card numbers: ${pay.length > 0 ? (pay.length === 1 ? `use ${pay[0]!.name}'s hosted fields or tokens` : `use the hosted fields or tokens of ${list(pay.map((i) => i.name))}`) : 'use the payment provider\'s tokens'}`,
        modules.length > 0 ? `Keep the ${list(modules)} module${modules.length > 1 ? 's' : ''} in a network segment of ${modules.length > 1 ? 'their' : 'its'} own, with audited access` : 'Keep the code that talks to the payment provider in a network segment of its own, with audited access',
        ...(entities.length > 0 ? [`Audit log of every change to ${list(entities)}`] : []),
        'Quarterly vulnerability scans and a yearly self-assessment questionnaire',
      ];
    },
  },
  {
    id: 'RISK-GDPR',
    title: 'Personal data under GDPR',
    severity: 'high',
    area: 'compliance',
    trigger: (m) => has(m, 'GDPR') ? `GDPR applies to ${list(personalFields(m)) || 'the personal data stored'}` : null,
    mitigations: (m) => {
      // A soft-deleted record still holds its personal fields: setting deleted_at is no erasure.
      const soft = m.entities.filter((e) => e.softDelete && personalFieldsOf(e).length > 0);
      return [
        m.requirements.dataRetention
          ? `Export and erasure of a person's data on request; a record the ${m.requirements.dataRetention} retention must keep has its personal fields restricted, then erased or pseudonymised when the period ends`
          : 'Export and erasure of a person\'s data on request',
        ...(soft.length > 0 ? [`A soft delete is no erasure: erasing a person clears ${list(soft.flatMap((e) => personalFieldsOf(e).map((f) => `${e.table}.${f.name}`)))}, also on soft-deleted ${st(m).records}`] : []),
        `Retention job that deletes personal data after ${m.requirements.dataRetention || 'its retention period'}`,
        'Records of processing and a data-processing agreement with every integration that receives personal data',
      ];
    },
  },
  {
    id: 'RISK-HIPAA',
    title: 'Health data under HIPAA',
    severity: 'high',
    area: 'compliance',
    trigger: (m) => has(m, 'HIPAA') ? `HIPAA applies to the health data in ${list(healthDataEntities(m))}` : null,
    mitigations: (m) => [`Business associate agreement with ${m.stack.cloud === 'on-prem' ? 'every vendor' : `the ${lab('cloud', m.stack.cloud)} account`} and every integration that touches health data`, 'Audit log of every read of health data', 'Encryption at rest and in transit, with key access logged'],
  },
  {
    id: 'RISK-SOC2',
    title: 'SOC 2 evidence is missing at audit time',
    severity: 'medium',
    area: 'compliance',
    trigger: (m) => has(m, 'SOC2') ? `SOC 2 applies to ${m.project.name}: the auditor samples changes, access and incidents of its ${countS(m.endpoints.length, 'endpoint')} over the audit period` : null,
    mitigations: () => ['Every change through reviewed pull requests and the pipeline', 'Quarterly access reviews', 'Incident and on-call records kept from day one'],
  },
  {
    id: 'RISK-COMPLIANCE-UNKNOWN',
    title: 'A compliance requirement without a rule',
    severity: 'medium',
    area: 'compliance',
    trigger: (m) => {
      const other = unknownCompliance(m);
      return other.length > 0 ? `${list(other)} ${v(other, 'is', 'are')} required, and the risk catalog has no rule for ${v(other, 'it', 'them')}: its controls are not planned` : null;
    },
    mitigations: (m) => [`List the controls ${list(unknownCompliance(m))} ${v(unknownCompliance(m), 'asks', 'ask')} for and map each to a phase task`, 'Agree the evidence with the auditor before the hardening phase'],
  },
  {
    id: 'RISK-PERSONAL-DATA',
    title: 'Personal data without a stated privacy requirement',
    severity: 'medium',
    area: 'compliance',
    trigger: (m) => {
      const fields = personalFields(m);
      return fields.length > 0 && !has(m, 'GDPR') && !has(m, 'HIPAA') ? `${list(fields)} ${v(fields, 'holds', 'hold')} personal data, and the answers name no privacy regulation` : null;
    },
    mitigations: () => ['Confirm which privacy law applies (GDPR, CCPA, ...) before launch', 'Keep personal fields out of logs and traces'],
  },
  {
    id: 'RISK-DYNAMODB-RELATIONAL',
    title: 'Relational access patterns on DynamoDB',
    severity: 'high',
    area: 'data',
    trigger: (m) => {
      if (m.stack.database !== 'dynamodb') return null;
      const refs = m.relationships.filter((r) => r.kind === 'many-to-one');
      return refs.length >= 2 ? `${refs.length} references (${list(refs.map((r) => `${r.from}.${r.via}`))}) need joins DynamoDB does not do` : null;
    },
    mitigations: () => ['Single-table design with the access patterns listed first', 'A global secondary index per "list by parent" query', 'Denormalise what is read together'],
  },
  {
    id: 'RISK-NOSQL-UNIQUE',
    title: 'Uniqueness not enforced by the database',
    severity: 'medium',
    area: 'data',
    trigger: (m) => {
      // Neo4j enforces uniqueness with the constraints the data-model phase creates (PH-4); DynamoDB has none,
      // for a unique field or a unique index alike (IDX-3).
      if (m.stack.database !== 'dynamodb') return null;
      const unique = m.entities.flatMap((e) => [
        ...e.fields.filter((f) => f.unique && !f.primary).map((f) => `${e.table}.${f.name}`),
        ...e.indexes.filter((ix) => ix.unique && !(ix.fields.length === 1 && e.fields.some((f) => f.name === ix.fields[0] && f.unique))).map((ix) => `${e.table} (${ix.fields.join(', ')})`),
      ]);
      return unique.length > 0 ? `${list(unique)} must be unique, which ${lab('database', m.stack.database)} does not check on its own` : null;
    },
    mitigations: () => ['A uniqueness item per value, written in the same transaction with a condition', 'A test that writes the same value twice concurrently'],
  },
  {
    id: 'RISK-NOSQL-INTEGRITY',
    title: 'References without foreign keys',
    severity: 'medium',
    area: 'data',
    trigger: (m) => {
      if (m.stack.relational) return null;
      const refs = m.relationships.filter((r) => r.kind === 'many-to-one');
      return refs.length > 0 ? `${lab('database', m.stack.database)} does not enforce ${list(refs.map((r) => `${r.from}.${r.via} -> ${r.to} (${r.onDelete})`))}` : null;
    },
    mitigations: (m) => [`Check the referenced ${st(m).record} in the service before writing (the 404 steps)`, 'Apply the on-delete rules in the service, in one transaction', 'A periodic job that reports orphans'],
  },
  {
    id: 'RISK-THROUGHPUT-NO-CACHE',
    title: 'High throughput without a cache',
    severity: 'medium',
    area: 'performance',
    trigger: (m) => {
      const rps = m.requirements.throughputRps;
      const reads = m.endpoints.filter((e) => e.method === 'GET');
      return rps !== null && rps >= HIGH_THROUGHPUT_RPS && m.stack.cache === 'none' && reads.length > 0
        ? `${rps} requests per second with no cache: every read (${list(reads.map((e) => e.id))}) goes to ${lab('database', m.stack.database)}`
        : null;
    },
    mitigations: (m) => [
      'A cache (Redis) in front of the hot reads, cache-aside with a short TTL',
      // DynamoDB has no read replicas: its read scaling is capacity and DAX; SQLite has none at all.
      m.stack.database === 'dynamodb'
        ? 'DynamoDB Accelerator (DAX) in front of the hot reads, and on-demand or auto-scaled read capacity'
        : m.stack.database === 'sqlite'
          ? 'SQLite has no read replicas: move to PostgreSQL before this load'
          : m.stack.database === 'mongodb'
            ? 'Reads from MongoDB secondaries (read preference secondaryPreferred) where slightly stale data is acceptable'
            : `Read replicas for ${lab('database', m.stack.database)}`,
      'Load test before launch to find the first bottleneck',
    ],
  },
  {
    id: 'RISK-CACHE-STALE',
    title: 'Stale reads from the cache',
    severity: 'low',
    area: 'performance',
    trigger: (m) => {
      if (m.stack.cache === 'none') return null;
      // Only an entity some GET reads has a cached copy (the cache serves the reads, TECH rationale).
      const cached = new Set(m.endpoints.filter((e) => e.method === 'GET' && e.entity).map((e) => e.entity));
      const w = writes(m).filter((e) => e.entity && cached.has(e.entity));
      if (w.length === 0) return null;
      const changed = unique(w.map((e) => e.entity));
      return `${list(changed)} ${v(changed, 'changes', 'change')} through ${list(w.map((e) => e.id))}, and a cached copy in ${lab('cache', m.stack.cache)} can be out of date`;
    },
    mitigations: () => ['Invalidate the cached entry in the same code path as the write', 'Short TTLs, and no caching of authorization decisions', 'Serve from the database when the cache is down'],
  },
  {
    // A cache copies what it serves outside the database's encryption, audit log and erasure: under HIPAA,
    // PCI-DSS or GDPR the cached entities must be chosen, the keys free of personal data, and the copies short-lived.
    id: 'RISK-CACHE-PERSONAL-DATA',
    title: 'Regulated data copied into the cache',
    severity: 'medium',
    area: 'compliance',
    trigger: (m) => {
      if (m.stack.cache === 'none') return null;
      const covered = regulatedEntities(m);
      const read = (names: string[]) => m.endpoints.filter((e) => e.method === 'GET' && names.includes(e.entity));
      const regimes = covered.filter(([, names]) => read(names).length > 0).map(([label]) => label);
      if (regimes.length === 0) return null;
      const reads = read(unique(covered.flatMap(([, names]) => names)));
      const held = unique(reads.map((e) => e.entity));
      return `${list(regimes)} ${regimes.length === 1 ? 'applies' : 'apply'} and ${lab('cache', m.stack.cache)} could serve ${list(reads.map((e) => e.id))}: a cached ${list(held)} is a copy of regulated data outside the database's encryption, audit log and erasure`;
    },
    mitigations: (m) => [
      'Cache no entity that holds personal, health or card data unless a read needs it; cache ids, counts and reference data instead',
      'Cache keys built from ids only, never from an email, a name or another personal value',
      'A short TTL on every cached entry, and its eviction on every update, deletion and erasure request',
      `Encryption at rest and in transit (TLS) on ${lab('cache', m.stack.cache)}, reachable only from the service's network`,
    ],
  },
  {
    id: 'RISK-SINGLE-REGION',
    title: 'Availability target beyond one region',
    severity: 'high',
    area: 'availability',
    trigger: (m) => availability(m) >= MULTI_REGION_AVAILABILITY
      ? `${m.requirements.availability}% allows about ${Math.round((100 - availability(m)) * 52560) / 10} minutes of downtime a year, less than a single regional outage of ${lab('cloud', m.stack.cloud)} usually lasts`
      : null,
    mitigations: (m) => [`A second region with ${lab('database', m.stack.database)} replication and a tested failover`, 'Health-checked DNS failover', 'A failover drill before launch and every quarter'],
  },
  {
    id: 'RISK-WRITE-NO-AUTH',
    title: 'Endpoints that write without authentication',
    severity: 'high',
    area: 'security',
    trigger: (m) => {
      const open = writes(m).filter((e) => e.auth === 'none' && e.request.kind !== 'raw');
      return open.length > 0 ? `${list(open.map((e) => e.id))} ${v(open, 'changes data and requires', 'change data and require')} no authentication` : null;
    },
    mitigations: () => ['Require authentication on every write', 'Where a write must stay public: a per-client rate limit, abuse detection and an audit log of each write'],
  },
  {
    id: 'RISK-WEBHOOK-UNVERIFIED',
    title: 'Unauthenticated payloads accepted without a verification error',
    severity: 'high',
    area: 'security',
    trigger: (m) => {
      const open = m.endpoints.filter((e) => e.auth === 'none' && e.request.kind === 'raw' && !e.errorStates.some((s) => s.origin === 'declared' && s.status >= 400 && s.status < 404));
      return open.length > 0 ? `${list(open.map((e) => e.id))} ${v(open, 'accepts', 'accept')} a raw payload with no authentication and ${v(open, 'declares', 'declare')} no error for a bad signature` : null;
    },
    mitigations: () => ['Verify the sender\'s signature over the raw bytes before parsing', 'Declare the error (e.g. 400 or 401) the endpoint answers on a bad signature'],
  },
  {
    id: 'RISK-WEBHOOK-REPLAY',
    title: 'Replayed or out-of-order webhook events',
    severity: 'low',
    area: 'reliability',
    trigger: (m) => {
      const hooks = m.endpoints.filter((e) => e.auth === 'none' && e.request.kind === 'raw');
      return hooks.length > 0 ? `${list(hooks.map((e) => e.id))} can receive the same event twice or out of order` : null;
    },
    mitigations: () => ['Reject signatures older than a few minutes', 'Store processed event ids and skip repeats', 'Apply state changes only when they move the state forward'],
  },
  {
    id: 'RISK-UNBOUNDED-LIST',
    title: 'List endpoints without pagination',
    severity: 'medium',
    area: 'performance',
    trigger: (m) => {
      const open = listLike(m).filter((e) => !e.paginated);
      return open.length > 0 ? `${list(open.map((e) => e.id))} ${v(open, 'returns', 'return')} every ${st(m).record} at once; the response grows with the ${st(m).kind === 'key-value' ? 'table' : st(m).kind === 'graph' ? 'graph' : st(m).container}` : null;
    },
    mitigations: () => ['Cursor pagination with a maximum page size', 'A default sort on an indexed column'],
  },
  {
    id: 'RISK-LIST-INDEX',
    title: 'Paginated lists without an index for their order',
    severity: 'medium',
    area: 'performance',
    trigger: (m) => {
      const missing: string[] = [];
      const byName = entitiesByName(m.entities);
      for (const ep of listLike(m).filter((e) => e.paginated)) {
        const e = byName.get(ep.entity);
        if (!e || !e.timestamps) continue;
        const parent = ep.pathParams.map((p) => p.entity).find((n) => n && n !== e.name);
        const fk = parent ? e.fields.find((f) => f.references === parent)?.name : undefined;
        const lead = fk ? [fk, 'created_at'] : ['created_at'];
        if (!e.indexes.some((ix) => lead.every((c, i) => ix.fields[i] === c))) missing.push(`${ep.id} (${e.table} by ${lead.join(', ')})`);
      }
      return missing.length > 0 ? `${list(missing)} ${v(missing, 'pages', 'page')} newest first with no ${st(m).index} that leads with those ${st(m).properties}` : null;
    },
    // DynamoDB: a Scan returns items in no order, so a newest-first list needs a key design for it.
    mitigations: (m) => [st(m).kind === 'key-value'
      ? 'A global secondary index per list, with the filter attribute as partition key (a constant or sharded one for a list of everything) and created_at as sort key: a Scan returns items in no order'
      : `An index on the filter ${st(m).property} then created_at, matching the cursor order`],
  },
  {
    id: 'RISK-CASCADE-DELETE',
    title: 'Cascade deletes remove history',
    severity: 'medium',
    area: 'data',
    trigger: (m) => {
      // A soft-deleted parent only sets deleted_at: the foreign key's cascade runs on a purge, never on DELETE.
      const byName = entitiesByName(m.entities);
      const c = m.relationships.filter((r) => r.kind === 'many-to-one' && r.onDelete === 'cascade' && byName.has(r.to) && !byName.get(r.to)!.softDelete);
      const childrenOf = new Map<string, typeof c>();
      for (const r of c) (childrenOf.get(r.to) ?? childrenOf.set(r.to, []).get(r.to)!).push(r);
      // Only a parent something deletes counts: a DELETE endpoint on it, or a cascade from one that is deleted.
      const deleted = deletedEntities(m);
      const parents = [...childrenOf.keys()].filter((p) => deleted.has(p));
      return parents.length > 0
        ? `deleting ${list(parents.map((p) => `${withArticle(p)} deletes its ${list(childrenOf.get(p)!.map((r) => `${(byName.get(r.from)?.table ?? r.from).replace(/_/g, ' ')} (${r.via})`))}`))}${m.requirements.dataRetention ? `, against a retention of ${m.requirements.dataRetention}` : ''}`
        : null;
    },
    mitigations: (m) => ['Prefer restrict or soft delete for records with financial or audit value', 'Audit log of every delete', `A test that states which ${st(m).records} a delete removes`],
  },
  {
    id: 'RISK-SOFT-DELETE-CASCADE',
    title: 'Soft-deleted parents leave their cascaded children readable',
    severity: 'low',
    area: 'data',
    trigger: (m) => {
      // Children that soft-delete themselves are soft-deleted with the parent (SVC-3): only the others stay readable.
      const byName = entitiesByName(m.entities);
      const c = m.relationships.filter((r) => r.kind === 'many-to-one' && r.onDelete === 'cascade' && byName.get(r.to)?.softDelete && !byName.get(r.from)?.softDelete);
      // Only a parent something soft-deletes counts (a DELETE endpoint on it, or a cascade that reaches it).
      const deleted = deletedEntities(m);
      const childrenOf = new Map<string, string[]>();
      for (const r of c) if (deleted.has(r.to)) (childrenOf.get(r.to) ?? childrenOf.set(r.to, []).get(r.to)!).push(byName.get(r.from)?.plural.prose ?? r.from);
      const parents = [...childrenOf.keys()];
      const children = (p: string) => [...new Set(childrenOf.get(p)!)];
      return parents.length > 0
        ? parents.map((p) => `deleting ${withArticle(p)} only sets its deleted_at, so its ${list(children(p))} (on delete cascade, no deleted_at of their own) stay readable; the cascade runs only when the ${st(m).record} is purged`).join('; ')
        : null;
    },
    mitigations: () => ['Give the children a deleted_at and soft-delete them in the same transaction, or make every read of them filter on the parent\'s deleted_at', 'The purge job deletes the parent last, so the cascade removes the children then'],
  },
  {
    id: 'RISK-UNIQUE-SOFT-DELETE',
    title: 'Unique values held by soft-deleted rows',
    severity: 'medium',
    area: 'data',
    trigger: (m) => {
      const held = m.entities.filter((e) => e.softDelete).flatMap((e) => [
        ...e.fields.filter((f) => f.unique && !f.primary).map((f) => `${e.table}.${f.name}`),
        ...e.indexes.filter((ix) => ix.unique).map((ix) => `${e.table} (${ix.fields.join(', ')})`),
      ]);
      return held.length > 0 ? `${list(held)} ${v(held, 'is', 'are')} unique on soft-deleted ${st(m).records}: a deleted ${st(m).record} keeps its value and blocks creating it again` : null;
    },
    mitigations: (m) => [
      m.stack.database === 'postgresql' || m.stack.database === 'sqlite'
        ? 'A partial unique index over live rows only (WHERE deleted_at IS NULL)'
        : m.stack.database === 'mysql'
          ? 'MySQL has no partial index: a generated column that is 1 for live rows and NULL once deleted, and the unique index over the value and that column (NULLs never collide)'
          : `Check uniqueness among live ${st(m).records} only (deleted_at not set), in the same write`,
      `The uniqueness check and its 409 consider live ${st(m).records} only`,
    ],
  },
  {
    id: 'RISK-RETENTION-HARD-DELETE',
    title: 'Hard deletes against a retention requirement',
    severity: 'medium',
    area: 'compliance',
    trigger: (m) => {
      if (!m.requirements.dataRetention) return null;
      const byName = entitiesByName(m.entities);
      const del = m.endpoints.filter((e) => e.method === 'DELETE' && !byName.get(e.entity)?.softDelete);
      return del.length > 0 ? `${list(del.map((e) => e.id))} ${v(del, 'deletes', 'delete')} ${st(m).records} outright while data must be kept ${m.requirements.dataRetention}` : null;
    },
    mitigations: () => ['Soft delete (deleted_at) for entities under retention', 'A purge job that deletes only after the retention period'],
  },
  {
    id: 'RISK-NO-RATE-LIMITS',
    title: 'No rate limits on the API',
    severity: 'medium',
    area: 'security',
    trigger: (m) => m.endpoints.length > 0 && !m.endpoints.some((e) => e.rateLimit)
      ? `${m.endpoints.length === 1 ? 'the only endpoint has no rate limit' : `none of the ${m.endpoints.length} endpoints has a rate limit`}${m.endpoints.some((e) => e.auth === 'none') ? `, and ${list(m.endpoints.filter((e) => e.auth === 'none').map((e) => e.id))} ${v(m.endpoints.filter((e) => e.auth === 'none'), 'needs', 'need')} no authentication` : ''}`
      : null,
    mitigations: () => ['A per-client rate limit at the gateway or in middleware, answering 429 with Retry-After', 'Stricter limits on unauthenticated and expensive endpoints'],
  },
  {
    id: 'RISK-AUTH-NONE',
    title: 'No authentication at all',
    severity: 'high',
    area: 'security',
    trigger: (m) => m.stack.auth === 'none' && m.endpoints.length > 0 ? `stack.auth is none, so ${m.endpoints.length === 1 ? 'the only endpoint is' : `all ${m.endpoints.length} endpoints are`} public` : null,
    mitigations: () => ['Choose an authentication (jwt, oidc, api-key) unless the API is public by design', 'Rate limits and abuse monitoring on every endpoint'],
  },
  {
    id: 'RISK-MICROSERVICES-SMALL-TEAM',
    title: 'Microservices for a small team',
    severity: 'high',
    area: 'architecture',
    // One module is one service: nothing to split, so nothing to run apart.
    trigger: (m) => m.stack.architecture === 'microservices' && m.project.teamSize < MICROSERVICES_MIN_TEAM && m.modules.length >= 2
      ? `${count(m.project.teamSize, 'engineer', 'engineers')} would run ${count(m.modules.length, 'service', 'services')} (${list(m.modules.map((x) => x.name))}), each with its own pipeline, deployment and on-call`
      : null,
    mitigations: () => ['Start as a modular monolith with the same module boundaries', 'Split a module out only when its load or team needs it'],
  },
  {
    id: 'RISK-EVENT-DRIVEN-SMALL-TEAM',
    title: 'An event-driven system for a small team',
    severity: 'medium',
    area: 'architecture',
    trigger: (m) => m.stack.architecture === 'event-driven' && m.project.teamSize < MICROSERVICES_MIN_TEAM
      ? `${count(m.project.teamSize, 'engineer', 'engineers')} would operate the broker${m.stack.queue !== 'none' ? ` (${lab('queue', m.stack.queue)})` : ''}, its consumers, replays and dead-letter handling as well as the code`
      : null,
    mitigations: (m) => ['Managed broker and consumers (no self-hosted cluster)', `One consumer per event type at first, with a runbook for replaying the ${deadLetterName(m.stack.queue)}`],
  },
  {
    id: 'RISK-SHARED-DATABASE',
    title: 'Services sharing a database',
    severity: 'high',
    area: 'architecture',
    trigger: (m) => {
      if (m.stack.architecture !== 'microservices') return null;
      const cross = m.relationships.filter((r) => r.kind === 'many-to-one' && r.crossModule);
      const byName = entitiesByName(m.entities);
      return cross.length > 0 ? `${list(cross.map((r) => `${r.from}.${r.via} (module ${byName.get(r.from)?.module}) references ${r.to} (module ${byName.get(r.to)?.module})`))}: a foreign key across services means a shared database` : null;
    },
    // The owner's service by the name NAME-4 gives it (`KycApplicantService` for KYCApplicant), as every other section names it.
    mitigations: (m) => {
      const byName = entitiesByName(m.entities);
      return m.relationships.filter((r) => r.kind === 'many-to-one' && r.crossModule).map((r) => `${r.from} keeps ${r.via} as a plain id; it reads ${r.to} through ${byName.get(r.to)?.names.pascal ?? r.to}Service's API or keeps a copy fed by ${r.to} events`);
    },
  },
  {
    id: 'RISK-MODULE-COUPLING',
    title: 'References across module boundaries',
    severity: 'low',
    area: 'architecture',
    trigger: (m) => {
      const arch = m.stack.architecture;
      if (arch !== 'modular-monolith' && arch !== 'event-driven') return null;
      const cross = m.relationships.filter((r) => r.kind === 'many-to-one' && r.crossModule);
      if (cross.length === 0) return null;
      const refs = `${list(cross.map((r) => `${r.from}.${r.via} -> ${r.to}`))} ${v(cross, 'crosses', 'cross')} module boundaries`;
      // Event-driven modules are meant to react to each other's events: a synchronous read of another module's data couples them again.
      return arch === 'event-driven'
        ? `${refs}; checking ${v(cross, 'it', 'them')} by a synchronous read of the other module's data couples modules that should only react to each other's events`
        : `${refs}; reaching into another module's ${storageTerms(m.stack.database).containers} makes a later split costly`;
    },
    mitigations: (m) => m.stack.architecture === 'event-driven'
      ? [
        ...m.relationships.filter((r) => r.kind === 'many-to-one' && r.crossModule).map((r) => `${r.from} keeps ${r.via} as a plain id and checks it against a local copy of ${r.to} fed by ${r.to} events`),
        'A test that fails when a module imports another\'s internals',
      ]
      : ['Read another module\'s data only through its public interface', 'A test that fails when a module imports another\'s internals'],
  },
  {
    id: 'RISK-LARGE-TEAM-SMALL-CODEBASE',
    title: 'Large team on a small codebase',
    severity: 'low',
    area: 'delivery',
    trigger: (m) => m.project.teamSize >= LARGE_TEAM && m.endpoints.length < Math.max(SMALL_CODEBASE_ENDPOINTS, ENDPOINTS_PER_ENGINEER * m.project.teamSize)
      ? `${countS(m.project.teamSize, 'engineer')} share ${countS(m.endpoints.length, 'endpoint')} and ${count(m.entities.length, 'entity', 'entities')}; they will wait on each other`
      : null,
    mitigations: () => ['Split the work by module and phase, not by layer', 'Put spare capacity on tests, tooling and hardening'],
  },
  {
    id: 'RISK-SINGLE-ENGINEER',
    title: 'One engineer: no reviews, no cover',
    severity: 'medium',
    area: 'delivery',
    trigger: (m) => m.project.teamSize === 1 ? 'a team of one has no reviewer and no cover for absence' : null,
    mitigations: () => ['An external reviewer for security-sensitive changes', 'Runbooks written as the system is built'],
  },
  {
    id: 'RISK-SQLITE-PRODUCTION',
    title: 'SQLite under production load',
    severity: 'high',
    area: 'data',
    trigger: (m) => m.stack.database === 'sqlite' && (m.requirements.throughputRps !== null || m.requirements.availability !== '' || m.stack.compute !== 'vm')
      ? `SQLite allows one writer at a time on one machine, with ${[m.requirements.throughputRps !== null ? `${m.requirements.throughputRps} requests per second` : '', m.requirements.availability ? `${m.requirements.availability}% availability` : '', m.stack.compute !== 'vm' ? `${lab('compute', m.stack.compute)} instances that come and go` : ''].filter((x) => x).join(', ')}`
      : null,
    mitigations: () => ['Move to PostgreSQL before launch', 'Or run one instance with a persistent volume and continuous backups (e.g. Litestream)'],
  },
  {
    id: 'RISK-EVENT-DRIVEN-NO-QUEUE',
    title: 'Event-driven architecture without a broker',
    severity: 'high',
    area: 'architecture',
    trigger: (m) => m.stack.architecture === 'event-driven' && m.stack.queue === 'none' ? 'the architecture is event-driven but stack.queue is none' : null,
    mitigations: (m) => [`Choose a broker (${m.stack.cloud === 'aws' ? 'sqs or kafka' : 'kafka or rabbitmq'})`, 'Or plan a modular monolith with in-process events'],
  },
  {
    // TECH-4 knows these services exist on one cloud only; chosen with another cloud, the infrastructure rows
    // substitute the closest service ("the closest to ECS on GCP") while every other section designs for the
    // one chosen (DynamoDB's global secondary indexes, SQS's redrive policy, Lambda's cold starts).
    id: 'RISK-CLOUD-MISMATCH',
    title: 'Services of another cloud in the stack',
    severity: 'high',
    area: 'infrastructure',
    trigger: (m) => {
      const picked = CLOUD_BOUND_KEYS.map((key) => ({ key, value: m.stack[key] }))
        .filter(({ value }) => SINGLE_CLOUD[value] !== undefined && SINGLE_CLOUD[value] !== m.stack.cloud);
      if (picked.length === 0) return null;
      const names = picked.map(({ key, value }) => `${stackLabel(key, value, true)} (${lab('cloud', SINGLE_CLOUD[value]!)} only)`);
      return `${list(names)} ${v(picked, 'is', 'are')} chosen with ${lab('cloud', m.stack.cloud)} as the cloud: the infrastructure can only name the closest service there, while the rest of the plans design for what was chosen`;
    },
    mitigations: (m) => [
      `Choose ${m.stack.cloud === 'on-prem' ? 'self-hosted services' : `the ${lab('cloud', m.stack.cloud)} services`} instead (the technology tables list them as alternatives), or change stack.cloud`,
      'Or run those services on their own cloud on purpose, and plan for the cross-cloud latency, egress cost, credentials and second bill',
    ],
  },
  {
    // Cloud Run runs a container while it serves a request (scaled to zero, CPU throttled between requests);
    // Lambda has event sources for SQS, Kafka and RabbitMQ, but none for Redis Streams.
    id: 'RISK-CONSUMER-ON-REQUEST-COMPUTE',
    title: 'Queue consumers on compute that runs only per request',
    severity: 'medium',
    area: 'infrastructure',
    trigger: (m) => {
      const pull = m.stack.compute === 'cloud-run' ? m.stack.queue !== 'none' : m.stack.compute === 'lambda' && m.stack.queue === 'redis';
      const producers = writes(m);
      if (!pull || producers.length === 0) return null;
      return `the consumers of ${lab('queue', m.stack.queue)} (the messages of ${list(producers.map((e) => e.id))}) and the outbox relay must pull all the time, but ${lab('compute', m.stack.compute)} runs code only while it serves a request: between requests they stop, and messages wait`;
    },
    mitigations: (m) => m.stack.compute === 'cloud-run'
      ? ['Run the consumers and the outbox relay as their own Cloud Run service with CPU always allocated and at least one minimum instance (or a Cloud Run worker pool, or GKE)', 'Alert on consumer lag: the age of the oldest unprocessed message']
      : ['Run the Redis Streams consumers on containers (Amazon ECS), or move the queue to Amazon SQS, which Lambda consumes through an event source mapping', 'Alert on consumer lag: the age of the oldest unprocessed message'],
  },
  {
    id: 'RISK-KAFKA-OVERHEAD',
    title: 'Kafka\'s operating cost at low volume',
    severity: 'low',
    area: 'infrastructure',
    trigger: (m) => m.stack.queue === 'kafka' && (m.requirements.throughputRps === null || m.requirements.throughputRps < KAFKA_MIN_RPS)
      ? `${lab('queue', 'kafka')} is chosen for ${m.requirements.throughputRps === null ? 'an unstated' : `${m.requirements.throughputRps} requests per second of`} load; brokers, partitions and consumer groups need care at any volume`
      : null,
    // The managed Kafka is the one the infrastructure rows already name for the cloud (cloud-resources.ts).
    mitigations: (m) => [`A managed Kafka (${KAFKA_MANAGED[m.stack.cloud] ?? 'Confluent Cloud'}) rather than self-hosted brokers`, 'Or a simpler queue until ordering or replay is needed'],
  },
  {
    id: 'RISK-NO-OBSERVABILITY',
    title: 'No observability tooling',
    severity: 'medium',
    area: 'operations',
    trigger: (m) => m.stack.observability.length === 0 ? 'stack.observability is empty: failures are found by users' : null,
    mitigations: () => ['OpenTelemetry traces and metrics, structured logs with request ids', 'Alerts on error rate and latency'],
  },
  {
    id: 'RISK-MODULE-CYCLE',
    title: 'Modules that depend on each other in a cycle',
    severity: 'medium',
    area: 'architecture',
    trigger: (m) => {
      if (m.moduleCycles.length === 0) return null;
      const microservices = m.stack.architecture === 'microservices';
      const groups = list(m.moduleCycles.map((c) => list(c)));
      const others = m.moduleCycles.every((c) => c.length === 2) ? 'the other' : 'the others';
      // A cycle of services is a deploy and failure coupling; a cycle of modules in one codebase is an import cycle.
      return microservices
        ? `the services ${groups} call each other's APIs in a cycle: none can be released, tested or kept up without ${others}, and a slow one slows them all`
        : `the modules ${groups} call each other's services in a cycle: none can be changed, tested or split out without ${others}${m.stack.language === 'go' ? ', and Go refuses packages that import each other' : ''}`;
    },
    mitigations: (m) => [
      m.stack.architecture === 'microservices'
        ? 'Break each cycle: one side keeps a local copy of the other\'s data fed by its events instead of calling its API'
        : 'Break each cycle: one module reads the other through an interface it owns (dependency inversion), or reacts to its events',
      'A test that fails when a new dependency closes a cycle',
    ],
  },
  {
    id: 'RISK-REFERENCE-CYCLE',
    title: 'Reference cycle between entities',
    severity: 'medium',
    area: 'data',
    trigger: (m) => m.cycles.length > 0 ? `${list(m.cycles.map((c) => [...c, c[0]].join(' -> ')))}: ${st(m).records} cannot be inserted in one order` : null,
    mitigations: (m) => [`Make one reference in the cycle optional and fill it after both ${st(m).records} exist`, 'Or defer the constraint to commit time'],
  },
];

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
