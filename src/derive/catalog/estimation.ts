// The estimation model: every coefficient the effort estimate uses, each with the one-line reason for it.
// Hours are engineer-hours of focused work for one item, as a low-high range; plan/estimate.ts multiplies
// them by counts from the model. Change a number here and every plan follows.

import type { Architecture } from '../../answers/answers.js';

export interface Coefficient {
  low: number;
  high: number;
  reason: string;
}

const COMPONENT_DATABASE_REASON = 'managed instance, backups, migrations in the pipeline, connection pooling';

/** Work every project has once. */
export const FOUNDATION = {
  skeleton: { low: 8, high: 16, reason: 'repository, framework skeleton, configuration loading, local environment and health check' },
  ci: { low: 6, high: 12, reason: 'pipeline that builds, tests, scans and deploys on every merge' },
  iac: { low: 12, high: 24, reason: 'network, identity, compute and secrets as code, one environment, then parameterised for the next' },
  manualInfra: { low: 8, high: 16, reason: 'no IaC tool chosen: the same resources set up by hand and written down as a runbook' },
  auth: { low: 8, high: 16, reason: 'token or session verification middleware, role checks and their tests' },
} satisfies Record<string, Coefficient>;

/** Per entity and per field of the data model. */
export const DATA = {
  entity: { low: 4, high: 8, reason: 'model, migration, repository and its tests for one entity' },
  field: { low: 0.25, high: 0.5, reason: 'each declared field adds mapping, validation and a test case' },
  reference: { low: 1, high: 2, reason: 'each reference adds a foreign key, its index and the on-delete behaviour test' },
} satisfies Record<string, Coefficient>;

/**
 * What the database component, an entity and a reference involve, in the database's words (STORE-1): a key-value
 * or document store has no migrations, foreign keys or connection pooling to set up. The hours stay those of
 * COMPONENT.database and DATA; only the reasons differ.
 */
export const STORE_REASONS: Record<'relational' | 'document' | 'key-value' | 'graph', { database: string; entity: string; reference: string }> = {
  relational: {
    database: COMPONENT_DATABASE_REASON,
    entity: DATA.entity.reason,
    reference: DATA.reference.reason,
  },
  document: {
    database: 'managed cluster, backups, validators and indexes applied in the pipeline, connection pool',
    entity: 'model, collection validator, indexes, repository and its tests for one entity',
    reference: 'each reference adds its index, the existence check in the service and the on-delete behaviour test',
  },
  'key-value': {
    database: 'the table with its key design and global secondary indexes, on-demand capacity, point-in-time recovery and IAM access',
    entity: 'item type, key design for its access patterns, repository and its tests for one entity',
    reference: 'each reference adds a global secondary index, the existence check in the service and the on-delete behaviour test',
  },
  graph: {
    database: 'managed instance, backups, constraints and indexes applied in the pipeline, driver sessions',
    entity: 'node label, uniqueness constraints, repository and its tests for one entity',
    reference: 'each reference adds a relationship type, the existence check in the service and the on-delete behaviour test',
  },
};

/** SQLite is a file, not a server: no instance to manage and no connection pool (one writer at a time). Same hours. */
export const SQLITE_DATABASE_REASON = 'the database file on the host, WAL mode and a busy timeout for its single writer, file backups, migrations in the pipeline';

/** Per endpoint, by the kind of work it does (the handler verb). */
export const ENDPOINT = {
  list: { low: 4, high: 8, reason: 'query, filters, pagination cursor and the empty/last-page tests' },
  get: { low: 2, high: 4, reason: 'one lookup by key, not-found and authorization tests' },
  create: { low: 4, high: 8, reason: 'validation, uniqueness, insert in a transaction and the error-path tests' },
  update: { low: 4, high: 8, reason: 'partial validation, optimistic checks and the error-path tests' },
  replace: { low: 4, high: 8, reason: 'full validation and replacement in a transaction' },
  delete: { low: 2, high: 4, reason: 'delete or soft delete with the on-delete rules of its references' },
  action: { low: 4, high: 10, reason: 'a state change beyond CRUD: rules, guards and their tests' },
  raw: { low: 6, high: 12, reason: 'an opaque payload (such as a webhook): signature or format checks, parsing, replay handling' },
} satisfies Record<string, Coefficient>;

/** Extra work per endpoint trait. */
export const ENDPOINT_TRAIT = {
  integrationCall: { low: 2, high: 4, reason: 'each integration call from an endpoint: error mapping to 502/503/504 and a failure test' },
  // The same effort, other work: the call the consumer (or the retry after the commit) makes, SVC-7.
  integrationCallAfterCommit: { low: 2, high: 4, reason: 'each call made after the commit: the consumer or retry that makes it, its idempotency key and a test that its failure never undoes the write' },
  rateLimit: { low: 1, high: 2, reason: 'limiter configuration and a 429 test' },
} satisfies Record<string, Coefficient>;

/** Per external integration. */
export const INTEGRATION: Coefficient = {
  low: 16, high: 32, reason: 'client, credentials, timeout, retry and circuit breaker, sandbox contract tests',
};

/** Per infrastructure component the stack adds beyond compute and the database. */
export const COMPONENT = {
  database: { low: 8, high: 16, reason: COMPONENT_DATABASE_REASON },
  cache: { low: 8, high: 16, reason: 'cache cluster, cache-aside reads, invalidation on writes, and tests with the cache down' },
  queue: { low: 12, high: 24, reason: 'broker, outbox relay, consumer with idempotency, dead-letter queue and its alarm' },
  observabilityTool: { low: 4, high: 8, reason: 'each observability tool: instrumentation, dashboards and alerts wired to it' },
} satisfies Record<string, Coefficient>;

/** Per compliance requirement; unknown names use `other`. */
export const COMPLIANCE: Record<string, Coefficient> = {
  'PCI-DSS': { low: 24, high: 48, reason: 'scope reduction through the payment provider, segmentation, audit logging, evidence for the assessor' },
  GDPR: { low: 16, high: 32, reason: 'export and erasure of personal data, retention jobs, records of processing' },
  HIPAA: { low: 24, high: 48, reason: 'access audit, encryption evidence, business associate agreements with vendors' },
  SOC2: { low: 16, high: 32, reason: 'change management, access reviews and the evidence trail the auditor samples' },
  other: { low: 16, high: 32, reason: 'a compliance requirement the catalog does not know: controls to identify, implement and evidence' },
};

/** Hardening work, scaled by what the requirements ask. */
export const HARDENING = {
  securityReview: { low: 8, high: 16, reason: 'threat model of the endpoints, dependency and secret scanning, fixes' },
  loadTest: { low: 8, high: 16, reason: 'load test against the latency and throughput targets, then the fixes it finds' },
  multiRegion: { low: 40, high: 80, reason: 'availability of 99.95 or more: a second region, replication and a failover drill' },
} satisfies Record<string, Coefficient>;

/** Microservices (EST-3, DIR-5): a deployable of entity-less endpoints (`webhook`): no data to own. */
export const MICROSERVICE_WITHOUT_DATA: Coefficient = { low: 10, high: 20, reason: 'a service of entity-less endpoints: its own pipeline, deployment and API contract, no database' };

/** Extra work each architecture adds over a modular monolith, per module or per endpoint. */
export const ARCHITECTURE_OVERHEAD: Record<Architecture, { perModule: Coefficient; perWriteEndpoint: Coefficient }> = {
  monolith: {
    perModule: { low: 0, high: 0, reason: 'one deployable, no module boundaries to maintain' },
    perWriteEndpoint: { low: 0, high: 0, reason: 'writes stay in one transaction' },
  },
  'modular-monolith': {
    perModule: { low: 2, high: 4, reason: 'a public interface per module and a check that modules do not reach into each other' },
    perWriteEndpoint: { low: 0, high: 0, reason: 'writes stay in one transaction' },
  },
  serverless: {
    perModule: { low: 4, high: 8, reason: 'function packaging, permissions and configuration per module' },
    perWriteEndpoint: { low: 1, high: 2, reason: 'cold-start and concurrency settings checked per write path' },
  },
  microservices: {
    perModule: { low: 16, high: 32, reason: 'a service per module: its own pipeline, deployment, database and API contract' },
    perWriteEndpoint: { low: 2, high: 4, reason: 'a write that another service needs becomes an API call or an event with its contract test' },
  },
  'event-driven': {
    perModule: { low: 12, high: 24, reason: 'event schemas, a consumer group and replay tooling per module' },
    perWriteEndpoint: { low: 3, high: 6, reason: 'each write publishes an event and has consumers that must be idempotent' },
  },
};

/** Calendar assumptions. */
export const CALENDAR = {
  hoursPerWeek: 40,
  focusFactor: 0.7,
  focusReason: '70% of a 40-hour week goes to planned work; the rest is reviews, meetings, support and interruptions',
  coordinationPerEngineer: 0.1,
  coordinationReason: 'each engineer beyond the first adds 10% coordination cost (reviews, merges, hand-offs), capped at 50%',
  coordinationCap: 0.5,
} as const;
