// The resolved model: the one data contract every template reads (`archplan resolve` prints it as JSON).
// normalise.ts fills the first part from the answers (defaults applied, resources expanded, names resolved);
// the planning rules in plan/ add the decisions (error states, relationships, services, phases, estimate,
// risks, rationale, options, checklists). Lists keep answer order or are sorted on purpose; no value is
// undefined: absent text is '' and absent numbers are null, so a template never prints "undefined".

import type {
  Architecture, Auth, Cache, Cloud, Compute, CrudOperation, Database, FieldType, HttpMethod, Iac, Language,
  OnDelete, Queue, RetryPolicy,
} from '../answers/answers.js';
import type { InfraResource } from './plan/infrastructure.js';
import type { DataFlow } from './plan/flows.js';
import type { ProjectLayout } from './plan/folders.js';
import type { Verification } from './plan/verification.js';
import type { StorageTerms } from './plan/storage.js';

export interface Model {
  /** The answers file name (no folder) the plans say they come from. */
  source: string;
  project: Project;
  requirements: Requirements;
  stack: Stack;
  /** In answer order. */
  entities: Entity[];
  /** Expanded resources first (in answer order, operations in list/get/create/update/delete order), then `endpoints`. */
  endpoints: Endpoint[];
  errors: DomainError[];
  integrations: Integration[];
  /** Declared modules, or one per group of entities connected by references. */
  modules: Module[];
  /** Every default the tool filled in, for the plans' "assumptions". */
  assumptions: Assumption[];
  /** Decisions of the planning engine. */
  plan: Plan;
}

export interface Project {
  name: string;
  /** kebab-case; derived from name when absent. */
  slug: string;
  summary: string;
  /** The existing platform the plan builds on; '' when none. */
  platform: string;
  /** Engineers; default 3. */
  teamSize: number;
  /** ISO date the work starts; '' when absent (timelines then count from "week 1"). */
  start: string;
  goals: string[];
}

export interface Requirements {
  functional: string[];
  latencyP95Ms: number | null;
  throughputRps: number | null;
  /** Such as "99.9"; '' when absent. */
  availability: string;
  dataRetention: string;
  compliance: string[];
}

export interface Stack {
  language: Language;
  /** `none` for the language's standard library. */
  framework: string;
  architecture: Architecture;
  database: Database;
  cache: Cache;
  queue: Queue;
  cloud: Cloud;
  compute: Compute;
  iac: Iac;
  auth: Auth;
  observability: string[];
  /** postgresql, mysql and sqlite: the `ddl` format applies. */
  relational: boolean;
}

/** Spellings of one name, computed once so templates never case-convert. */
export interface Names {
  pascal: string;
  camel: string;
  snake: string;
  kebab: string;
  /** Words for prose, initialisms kept: `HTTP audit log`, `user role`. */
  prose: string;
}

export interface Entity {
  name: string;
  description: string;
  names: Names;
  plural: Names;
  /** snake_case plural: Customer -> customers, UserRole -> user_roles. */
  table: string;
  /** `/` + kebab-case plural: `/user-roles`. */
  basePath: string;
  timestamps: boolean;
  softDelete: boolean;
  /** Name of the primary field. */
  primaryKey: string;
  /** Declared fields in order; an added `id` first; then created_at, updated_at, deleted_at when generated. */
  fields: Field[];
  /** Declared indexes, then the ones the planning rules add (foreign keys not already covered). */
  indexes: Index[];
  /** The module that owns it. */
  module: string;
}

export interface Field {
  name: string;
  type: FieldType;
  required: boolean;
  unique: boolean;
  primary: boolean;
  /** What the tool adds: '' for declared fields. */
  generated: '' | 'primary' | 'timestamp' | 'soft-delete';
  /** The default as written (string, number or boolean); null when none. */
  default: string | number | boolean | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  pattern: string;
  /** enum values; [] for other types. */
  values: string[];
  description: string;
  /** Referenced entity name; '' when none. */
  references: string;
  /** restrict unless stated; '' when the field is not a reference. */
  onDelete: OnDelete | '';
}

export interface Index {
  /** `<table>_<fields>_idx` (or `_key` when unique). */
  name: string;
  fields: string[];
  unique: boolean;
  origin: 'declared' | 'foreign-key';
  /** Why it exists, in a sentence. */
  reason: string;
}

export interface PathParam {
  name: string;
  /** The entity the parameter identifies; '' when none. */
  entity: string;
}

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'raw' }
  | { kind: 'fields'; fields: string[] };

export type ResponseBody =
  | { kind: 'none' }
  | { kind: 'entity'; entity: string }
  | { kind: 'page'; entity: string };

export interface Endpoint {
  /** `METHOD /path`, unique. */
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  /** `none`, `user`, `admin` or a role name. */
  auth: string;
  /** '' when the endpoint works on no entity. */
  entity: string;
  request: RequestBody;
  response: ResponseBody;
  status: number;
  /** Declared domain error names. */
  errors: string[];
  integrations: string[];
  paginated: boolean;
  /** Such as "100/min"; '' when none. */
  rateLimit: string;
  pathParams: PathParam[];
  /** Where it came from: an operation of `resources[index]`, or `endpoints[index]`. */
  origin: { kind: 'resource'; operation: CrudOperation; index: number } | { kind: 'endpoint'; index: number };
  /** Service method that handles it (planning engine), e.g. `createPayment`. */
  handler: string;
  /** Owning service name (planning engine), e.g. `PaymentService`; '' when none. */
  service: string;
  /** Every error response, derived and declared, sorted by status then name (planning engine). */
  errorStates: ErrorState[];
  /** The insert's idempotency key field (ERR-409-IDEM): a repeat with the same body replays the first response; '' when none (planning engine). */
  idempotencyKey: string;
}

export interface ErrorState {
  status: number;
  /** Reason phrase, e.g. `Conflict`. */
  title: string;
  /** A domain error name, or a derived one such as `ValidationError`. */
  name: string;
  /** Why this endpoint can answer with it. */
  cause: string;
  origin: 'derived' | 'declared';
  /** The integration a derived 502/503/504 comes from (ERR-5XX); absent on every other state. */
  integration?: string;
}

export interface DomainError {
  name: string;
  status: number;
  title: string;
  message: string;
  when: string;
  /** Endpoint ids that declare it. */
  usedBy: string[];
}

export interface Integration {
  name: string;
  purpose: string;
  protocol: string;
  auth: string;
  timeoutMs: number;
  retry: RetryPolicy;
  idempotent: boolean;
  rateLimit: string;
  /** Endpoint ids that call it. */
  usedBy: string[];
}

export interface Module {
  name: string;
  description: string;
  entities: string[];
  /** Declared in the answers, or derived from references. */
  origin: 'declared' | 'derived';
}

export interface Assumption {
  /** Answers key path, e.g. `stack.framework`. */
  key: string;
  value: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------------------
// The planning engine's decisions (src/derive/plan/). Each rule is documented in docs/rules.md.

export interface Plan {
  relationships: Relationship[];
  /** Reference cycles, each as the entity names around it. */
  cycles: string[][];
  /** Entities in dependency order (referenced before referencing). */
  entityOrder: string[];
  services: Service[];
  /** Every error an endpoint can answer with (derived or declared) plus declared errors no endpoint uses, once per name and status, sorted by status then name. */
  errorCatalog: ErrorCatalogEntry[];
  /** Cloud resources the stack needs, spelled for stack.iac (plan/infrastructure.ts). */
  infrastructure: InfraResource[];
  phases: Phase[];
  estimate: Estimate;
  risks: Risk[];
  rationale: TechChoice[];
  /** SCALE-1: how compute, architecture, cache, queue and database scale, and what limits each. */
  scaling: ScalingLine[];
  options: Option[];
  recommendation: Recommendation;
  checklists: {
    /** Seed 000's Architectural Review Checklist. */
    review: CheckItem[];
    /** Seed 003's Quality Checklist. */
    quality: CheckItem[];
    /** Seed 004's delivery standards. */
    delivery: CheckItem[];
  };
  /** Warnings the rules raise (an unused declared error, a cycle); `validate` prints them. */
  warnings: PlanWarning[];
  /** Folder tree and tooling for the language and framework (plan/folders.ts). */
  layout: ProjectLayout;
  /** Sequences of the endpoints that call an integration or publish on the queue (plan/flows.ts). */
  dataFlows: DataFlow[];
  /** The requests, statuses and checks of verification.md (plan/verification.ts). */
  verification: Verification;
  /** Every event the writes publish on the queue, in endpoint order; [] without a queue (SVC-8). */
  events: PublishedEvent[];
  /** Per module (module order): services of other modules and integrations its services call, sorted (SVC-9). */
  moduleDependencies: ModuleDependencies[];
  /** The database's words for containers, records, references, indexes and transactions (STORE-1). */
  storage: StorageTerms;
  /** Per entity (answer order): its container by name and as a heading (STORE-3). */
  containers: ContainerName[];
  /** What runs the API, the entry point, the database, the cache and the queue, as the infrastructure names them (DIAG-1). */
  stackServices: StackServices;
  /** The architecture flowchart's nodes, groups and edges, in drawing order (DIAG-2, DIAG-3). */
  flowchart: FlowItem[];
  /** Unique fields and indexes of soft-deleting entities, unique among live rows only (IDX-2). */
  liveUniques: LiveUnique[];
  /** Per integration (answer order): its credentials and retry policy in words (INT-1). */
  integrationTerms: IntegrationTerms[];
  /** The stack choices in the plans' prose (WORD-1 to WORD-11). */
  wording: StackWording;
  /** Per endpoint `auth` value, in order of first use: its endpoints and how the plans word it (WORD-7). */
  access: AccessLevel[];
}

/** DIAG-1: the services of plan.infrastructure per part of the stack, in row order. */
export interface StackServices {
  /** What runs the API (a row per service under INFRA-4); the compute's catalog label when no row names it. */
  compute: string[];
  /** The public entry point; [] when no row is one. */
  entry: string[];
  /** The database; its catalog label when no row names it. */
  database: string[];
  /** The cache; [] without one. */
  cache: string[];
  /** The queue; a Redis queue on the Redis cache is the cache's service; [] without one. */
  queue: string[];
}

/** A flowchart node: `kind` and `name` identify it (a template makes the Mermaid id and the shape from them). */
export interface FlowRef {
  kind: 'clients' | 'entry' | 'api' | 'service' | 'database' | 'cache' | 'queue' | 'integration';
  /** The service, deployable, module or integration it belongs to; `''` for the one node of its kind. */
  name: string;
}

export interface FlowNode extends FlowRef {
  label: string;
}

export interface FlowEdge {
  /** Two nodes, or a chain of them (`clients`, `entry`, `api`). */
  path: FlowRef[];
  /** `reads`, `reads and writes`, `cached reads`, `events`, `calls`, an integration's protocol; `''` for none. */
  label: string;
  /** `solid` (a request or a write), `dotted` (a call between services), `link` (an integration of the API nobody calls yet). */
  line: 'solid' | 'dotted' | 'link';
  /** The label is answers text (an integration's protocol): drawn quoted. */
  answersText: boolean;
}

/** One step of the flowchart: a node, a group of nodes (a deployable or a module), or an edge. */
export type FlowItem =
  | { item: 'node'; node: FlowNode }
  | { item: 'group'; group: { name: string; label: string; nodes: FlowNode[] } }
  | { item: 'edge'; edge: FlowEdge };

export interface ContainerName {
  entity: string;
  /** The container's name: the table or collection (`payments`), the node label (`:Account`), the item type (`Account`). */
  name: string;
  /** As a heading: `payments (Payment)`; `Account (node label)`, `Event (item type)` where the container has no name of its own. */
  heading: string;
}

export interface AccessLevel {
  /** The endpoints' `auth`: `none`, `user` or a role. */
  level: string;
  /** Ids of the endpoints with it, endpoint order. */
  endpoints: string[];
  /** As a heading: `Public`, `Any authenticated caller`, `Role admin`. */
  title: string;
  /** What it asks of a caller: `None (public)`, `Required (role: admin; API keys)`; `no scheme chosen` when stack.auth is none. */
  requirement: string;
  /** In a count: `public`, `authenticated`, `admin role`. */
  brief: string;
  /** Its endpoints require a caller identity: every level but `none`. */
  requiresIdentity: boolean;
}

/** How the plans word the stack choices (plan/wording.ts); each field is printed as it is. */
export interface StackWording {
  /** WORD-11, the language by its short name: `Go`, `TypeScript`, `Python`. */
  language: string;
  /** WORD-11, the cloud by its short name, as a heading names it: `AWS`, `GCP`, `Azure`, `On-premises`. */
  cloud: string;
  /** WORD-11, the observability tools by catalog label, answer order (a tool the catalog does not know as written); [] for none. */
  observability: string[];
  /** WORD-11, stack.iac by its label: `AWS CloudFormation`, `Terraform`; `no IaC tool`. */
  iacName: string;
  /** WORD-11, the tool the infrastructure's resources are spelled in (Terraform for an AWS-only tool on another cloud); `no IaC tool`. */
  resourceTool: string;
  /** WORD-11, the infrastructure table's resource column: `AWS CloudFormation resource`; `Provisioning` when no tool names the resources. */
  resourceColumn: string;
  /** WORD-11, whether a tool names the resources (shown as code); false with `iac: none` (INFRA-2). */
  resourcesNamed: boolean;
  /** WORD-1: `on premises`, `on Amazon Web Services`. */
  hosting: string;
  /** WORD-2, in a list after the language: `standard library`, `NestJS`. */
  framework: string;
  /** WORD-2, after `with`: `the Go standard library (net/http)`, `NestJS`. */
  frameworkObject: string;
  /** WORD-2, language and framework: `Go standard library (net/http)`, `TypeScript (Node.js) with NestJS`. */
  languageAndFramework: string;
  /** WORD-2, what serves the API: `Go standard library`, `NestJS`. */
  server: string;
  /** WORD-2, before `handlers`: `standard-library`, `NestJS`. */
  handlers: string;
  /** WORD-3, in a stack line: `none`, `API keys`. */
  auth: string;
  /** WORD-3, in a short list: `no authentication`, `auth API keys`. */
  authBrief: string;
  /** WORD-3, the security section's line: `none: every endpoint is public`, `API keys`. */
  authentication: string;
  /** WORD-3, what a request carries: `no endpoint asks for credentials`, `credentials: API keys`. */
  requestCredentials: string;
  /** WORD-3, what the secret store holds: `credentials and signing keys` (JWT, sessions), `credentials and the identity provider client secret` (OAuth 2.0, OIDC), else `credentials`. */
  secretsHeld: string;
  /** WORD-3, the verification set-up's credentials. */
  credentialsCheck: string;
  /** WORD-3, the verification's security check. */
  securityCheck: string;
  /** WORD-4: `no infrastructure-as-code tool`, `infrastructure as code: Terraform`. */
  iac: string;
  /** WORD-4: `no infrastructure-as-code tool`, `infrastructure as code with Terraform`. */
  iacWith: string;
  /** WORD-4, in a short list: `no IaC tool`, `IaC Terraform`. */
  iacBrief: string;
  /** WORD-5, what requests leave to the queue: `writes publish their events on Amazon SQS after the commit`, `no queue: ...`. */
  queueEffects: string;
  /** WORD-5, what to watch on the queue: `consumer lag and the dead-letter topic depth`; `''` without a queue. */
  queueMetrics: string;
  /** WORD-5, what the health checks probe: `the database, the cache and the queue`. */
  healthChecks: string;
  /** WORD-6, how a reference between modules is read, per architecture. */
  moduleBoundary: string;
  /** WORD-6, microservices only: each module a service owning its containers; `''` otherwise. */
  serviceOwnership: string;
  /** WORD-2, the libraries to leverage by catalog label: `Frameworks and libraries to leverage: NestJS, OpenTelemetry.`; `''` with neither. */
  leverage: string;
  /** WORD-8, the database schema section's first line: `PostgreSQL (relational: schema.sql holds the DDL); tables in ...`. */
  schemaIntro: string;
  /** WORD-8, the database by name, and where its DDL is on relational stores: ``PostgreSQL (relational: the DDL is in `schema.sql`)``. */
  databaseLine: string;
  /** WORD-8 and WORD-9, what the integration tests run against after `a real`: `PostgreSQL with the migrations applied and a local Amazon SQS`. */
  testTarget: string;
  /** WORD-8, the deployment line: compute, hosting, IaC, and the migrations on relational stores. */
  deployment: string;
  /** WORD-8, how the schema changes: numbered migrations, or the store's schema under version control. */
  schemaChanges: string;
  /** WORD-9, without a cache: `No cache in the stack: reads go to PostgreSQL, ...`; `''` with one. */
  noCache: string;
  /** WORD-9, with a queue: what goes through it, as a sentence; `''` without one. */
  asyncProcessing: string;
  /** WORD-10, the database, cache and queue in a stack line: `PostgreSQL, Redis cache, Amazon SQS queue`. */
  stores: string;
  /** WORD-10, after `with`: `PostgreSQL, Redis as cache and Amazon SQS as queue`. */
  storesAs: string;
  /** WORD-10, after `storing data in`: `PostgreSQL, caching in Redis, with Amazon SQS for asynchronous work`. */
  storing: string;
}

export interface IntegrationTerms {
  name: string;
  /** `API keys`, `OAuth 2.0`, `no credentials`, or `credentials: <as written>` for a scheme the catalog does not know. */
  credentials: string;
  /** RETRY_TEXT: `not retried`, `retried at a fixed interval`, `retried with exponential backoff`. */
  retry: string;
  /** What a stub test of its retry policy proves: `that it is not retried`, `the exponential backoff`. */
  retryCheck: string;
}

export interface LiveUnique {
  entity: string;
  table: string;
  /** The constraint or index name (`<table>_<fields>_key`). */
  name: string;
  fields: string[];
  /** The partial index predicate: `deleted_at IS NULL`. */
  where: string;
  /** How the database does it (IDX-2), in a sentence. */
  note: string;
}

export interface PublishedEvent {
  /** `<entity snake>.<past tense>`: `appointment.cancelled`, `payment.created`. */
  name: string;
  entity: string;
  /** The endpoint id whose write publishes it. */
  endpoint: string;
  service: string;
  /** The handler (service method) that publishes it. */
  method: string;
  /** The same method as the code names it (SVC-2): `PublishArticle` in Go, `publish_article` in Python. */
  languageMethod: string;
  /** Its publish step, as in the method's steps: `Publish payment.created on Amazon SQS after the commit (transactional outbox)`. */
  step: string;
  queue: Queue;
  /** Integrations the consumer of this event calls after the commit (SVC-7), in endpoint order. */
  consumerCalls: string[];
}

export interface ModuleDependencies {
  module: string;
  /** Never the module's own services; [] when it depends on nothing. */
  dependencies: string[];
}

export interface Relationship {
  /** Which side holds the key: many-to-one from the holder, one-to-many from the target, many-to-many through a join entity. */
  kind: 'many-to-one' | 'one-to-many' | 'many-to-many';
  /** What the prose and diagrams call it: the kind, or one-to-one (both ways) when the reference is unique or the primary key. */
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  from: string;
  to: string;
  /** The foreign key field (on `from` for many-to-one, on `to` for one-to-many); the join entity for many-to-many. */
  via: string;
  onDelete: OnDelete | '';
  required: boolean;
  /** Crosses module boundaries. */
  crossModule: boolean;
  /** Crosses service boundaries (microservices, across modules): each service owns its database, so no foreign key enforces it (REL-5). */
  crossService: boolean;
  /** The reference in the database's words (STORE-2): `devices.account_id references accounts.id`, Neo4j `(:Device)-[:ACCOUNT]->(:Account)`. */
  phrase: string;
}

export interface ErrorCatalogEntry {
  name: string;
  status: number;
  /** Reason phrase of the status. */
  title: string;
  /** The declared message, or what the derived error means. */
  message: string;
  origin: 'derived' | 'declared';
  /** Endpoint ids that can answer with it, in endpoint order; [] for a declared error no endpoint uses. */
  endpoints: string[];
}

export interface Service {
  name: string;
  entity: string;
  module: string;
  /** Other services and integrations it calls, sorted. */
  dependencies: string[];
  methods: ServiceMethod[];
}

export interface ServiceMethod {
  /** The handler, camelCase (language-neutral, as in seed 003). */
  name: string;
  /** The name in the chosen language's case (SVC-2): `CreatePayment` in Go, `create_payment` in Python, `createPayment` in TypeScript. */
  languageName: string;
  endpoint: string;
  /** Signature in the chosen language's idiom. */
  signature: string;
  /** The seed-003 form `name(arg: Type) -> Type`. */
  blueprintSignature: string;
  /** Request type name, '' when none. */
  input: string;
  /** Response type name, `void` when none. */
  output: string;
  steps: string[];
  transactional: boolean;
}

export interface HoursRange {
  low: number;
  high: number;
  /** Middle of the range, rounded. */
  mid: number;
}

export interface Phase {
  /** 1-based position in plan.phases, so phases[n - 1] is phase n. */
  number: number;
  key: string;
  title: string;
  goal: string;
  tasks: string[];
  /** Phase numbers this one waits for; formats whose headings are seed phases name them by title (PH-6). */
  dependsOn: number[];
  /** Seed 000's three phases: 1 core infrastructure, 2 business logic, 3 advanced features. */
  seedPhase: 1 | 2 | 3;
  hours: HoursRange;
  /** Calendar weeks from the start, 1-based, inclusive; a phase may begin in the week its predecessor ends (see startDay). */
  startWeek: number;
  endWeek: number;
  /** Calendar days from the start, 1-based, inclusive: startDay is the day after the previous phase's endDay (PH-3). */
  startDay: number;
  endDay: number;
  /** The weeks and days in words (PH-3): `weeks 1–2 (days 6–10)`, so phases sharing a week still read in order. */
  timing: string;
  /** ISO dates when project.start is given; '' otherwise. */
  startDate: string;
  endDate: string;
}

export interface EstimateItem {
  what: string;
  count: number;
  hoursEach: { low: number; high: number };
  hours: HoursRange;
  reason: string;
}

export interface Estimate {
  items: EstimateItem[];
  total: HoursRange;
  teamSize: number;
  weeks: { low: number; high: number };
  /** The headline in words, unlabelled (`Estimate: 120–180 hours, 4–6 weeks`): for a plan without options. */
  line: string;
  /** Engineer-hours the team delivers per calendar week (team size, focus factor, coordination), one decimal. */
  weeklyCapacity: number;
  /** The calendar assumptions behind `weeks`, in sentences. */
  assumptions: string[];
}

export interface Risk {
  id: string;
  title: string;
  severity: 'high' | 'medium' | 'low';
  area: string;
  /** Why it applies to these answers. */
  cause: string;
  mitigations: string[];
}

export interface TechChoice {
  /** The stack key: language, framework, database, ... */
  key: string;
  /** The value chosen, e.g. `postgresql`. */
  choice: string;
  label: string;
  role: string;
  why: string;
  costs: string;
  /** Other values of the same key, as answers ids (`go`, `python`). */
  alternatives: string[];
  /** The same alternatives by their catalog labels (`Go`, `Python`), for prose. */
  alternativeLabels: string[];
  /** Chosen in the answers, or a default the tool filled. */
  source: 'answers' | 'default';
}

export interface Option {
  key: 'option_a' | 'option_b' | 'option_c';
  name: string;
  architecture: string;
  /** The architecture the answers chose (exactly one option). */
  chosen: boolean;
  approach: string;
  pros: string[];
  cons: string[];
  hours: HoursRange;
  complexity: 'low' | 'medium' | 'high';
  risks: string[];
  dependencies: string[];
  score: number;
}

export interface Recommendation {
  selected: Option['key'];
  /** The option of the architecture the answers chose (REC-2). */
  chosen: Option['key'];
  /** The headline estimate, labelled: which option it is for, and the recommended one's beside it when they differ (REC-2). */
  estimateLine: string;
  /** The key architecture decision: the chosen architecture, with the recommendation beside it when it differs (REC-2). */
  decisionLine: string;
  rationale: string[];
  conditions: string[];
}

export interface CheckItem {
  text: string;
  holds: boolean;
  /** The rule that verifies it. */
  rule: string;
  /** What shows it holds, or why it does not. */
  reason: string;
}

export interface PlanWarning {
  /** Answers key path the warning is about. */
  path: string;
  message: string;
}

/** SCALE-1: one part of the stack and how it scales. */
export interface ScalingLine {
  /** compute, architecture, cache, queue or database. */
  key: string;
  /** The stack value. */
  choice: string;
  /** Its catalog label. */
  label: string;
  /** How it scales. */
  how: string;
  /** What limits it (the choice's costs). */
  limits: string;
}
