// Folder layouts per language and framework (seed 002's "folder structure recommendations"), as data: each
// layout is a list of entries, in tree order, with the condition under which it applies and a one-line purpose.
// `{module}`, `{entities}`, `{integration}`, `{router}`, `{database}`, `{stubs}` (` and stubbed integrations` when there are any), `{queue}`, `{iac}`, `{cloud}`, `{compute}`
// and `{authn}` (`authentication, ` unless auth is none) are filled from the stack and modules; `{schema}`,
// `{dbclient}` and `{dbconnection}` in the database's words (DIR-4), `{policies}` from the integration's answers
// (timeout, retry, idempotency); inside one service (DIR-5) also `{owned}`, `{containers}`, `{dbunit}` and, for a
// service that owns no data, `{withStubs}` (`, with stubs of ...` when it calls any). Pure.
//
// Why these shapes: each follows the layout its community documents (Go: cmd/ and internal/ of the Go
// project layout; NestJS: one folder per feature module; Express and Fastify: feature folders under src/modules;
// FastAPI: routers per feature under app/; Django: one app per module; Flask: an application factory with one
// blueprint per module), so a reader of that framework finds things where they expect them.

import { toKebab, toSnake } from '../../answers/names.js';
import type { Language } from '../../answers/answers.js';
import type { Module, Stack } from '../model.js';
import { stackLabel } from './technologies.js';
import { joinAnd } from '../plan/text.js';

export interface FolderEntry {
  /** Relative path; folders end with `/`. */
  path: string;
  purpose: string;
}

/** When an entry applies. */
type When = 'always' | 'auth' | 'server' | 'lambda' | 'relational' | 'document' | 'queue' | 'iac' | 'no-iac';

interface Template {
  path: string;
  purpose: string;
  when: When;
  /** Repeated per module or per integration. */
  each?: 'module' | 'integration';
  /** Its purpose inside one service's own deployable (DIR-5), where the one-application purpose would be untrue. */
  service?: string;
  /** The database client: left out of a service that owns no data (DIR-5). */
  data?: true;
  /** Its purpose inside a service that owns no data (DIR-5): no repository, models, database or outbox named. */
  noData?: string;
}

type Layout = readonly Template[];

/** Purposes that every layout shares inside one service (DIR-5). */
const QUEUE_IN_SERVICE = 'Publisher and consumers for {queue} with the payloads of the shared contracts, the transactional outbox and the dead-letter handling';
const SCHEMA_IN_SERVICE = '{schema} for {database}, applied before each of its deploys: its own {containers} only ({owned})';
const API_IN_SERVICE = 'openapi.yaml: this service\'s endpoints, the contract its routes, its tests and its callers follow';
/** A service without data has no table to hold a transactional outbox: it publishes straight to the queue (DIR-5). */
const QUEUE_NO_DATA = 'Publisher and consumers for {queue} with the payloads of the shared contracts and the dead-letter handling; with no data of its own, it publishes each message directly';

const GO: Layout = [
  { path: 'cmd/api/', purpose: 'main package: reads the configuration, opens {database}, builds the {router} router and serves HTTP', when: 'server', noData: 'main package: reads the configuration, builds the {router} router and serves HTTP' },
  { path: 'cmd/lambda/', purpose: 'Lambda entry point: adapts the invocation events to the {router} router', when: 'lambda' },
  { path: 'internal/', purpose: 'Code no other repository may import', when: 'always' },
  { path: 'internal/config/', purpose: 'Configuration from environment variables, checked at start-up', when: 'always' },
  { path: 'internal/httpapi/', purpose: '{router} routes, middleware ({authn}request ids, logging, recovery, rate limits) and the error-to-status mapping', when: 'always' },
  { path: 'internal/{module}/', purpose: '{kind} {module} ({entities}): handler.go (HTTP), service.go (rules), repository.go ({database}), model.go, tests beside each file', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): handler.go (HTTP), service.go (rules), tests beside each file' },
  { path: 'internal/platform/database/', data: true, purpose: 'Connection pool, transactions and health check for {database}', when: 'always', service: 'Connection pool, transactions and health check for {database}: its own {dbunit} only' },
  { path: 'internal/platform/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'internal/integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  { path: 'migrations/', purpose: 'Numbered SQL migrations (up and down), applied in order before each deploy', when: 'relational', service: 'Numbered SQL migrations (up and down) of its own tables only ({owned}), applied before each of its deploys' },
  { path: 'schema/', purpose: '{schema} for {database}, applied before each deploy', when: 'document', service: SCHEMA_IN_SERVICE },
  { path: 'api/', purpose: 'openapi.yaml: the contract the handlers and tests follow', when: 'always', service: API_IN_SERVICE },
  { path: 'deploy/', purpose: '{iac} definitions of the {cloud} resources, one stack per environment', when: 'iac' },
  { path: 'deploy/', purpose: 'Build and run scripts for {compute}: image or binary, service unit, environment files', when: 'no-iac' },
  { path: 'test/integration/', purpose: 'Integration tests against a real {database}{stubs}', when: 'always', noData: 'Integration tests of its endpoints{withStubs}' },
];

const NODE_COMMON_TAIL: Layout = [
  { path: 'migrations/', purpose: 'Numbered SQL migrations, applied in order before each deploy', when: 'relational', service: 'Numbered SQL migrations of its own tables only ({owned}), applied before each of its deploys' },
  { path: 'schema/', purpose: '{schema} for {database}, applied before each deploy', when: 'document', service: SCHEMA_IN_SERVICE },
  { path: 'api/', purpose: 'openapi.yaml: the contract the routes and tests follow', when: 'always', service: API_IN_SERVICE },
  { path: 'infra/', purpose: '{iac} definitions of the {cloud} resources, one stack per environment', when: 'iac' },
  { path: 'infra/', purpose: 'Build and run scripts for {compute}: image, process manager, environment files', when: 'no-iac' },
  { path: 'test/', purpose: 'Integration and end-to-end tests against a real {database}{stubs}', when: 'always', noData: 'Integration and end-to-end tests of its endpoints{withStubs}' },
];

const EXPRESS_FASTIFY = (mw: string, mwPurpose: string): Layout => [
  { path: 'src/', purpose: 'Application code', when: 'always' },
  { path: 'src/server.ts', purpose: 'Starts the HTTP server: configuration, database, app', when: 'server', noData: 'Starts the HTTP server: configuration, app' },
  { path: 'src/lambda.ts', purpose: 'Lambda entry point: adapts the invocation events to the {router} app', when: 'lambda' },
  { path: 'src/app.ts', purpose: `Builds the {router} app: ${mw}, routes and the error handler`, when: 'always' },
  { path: 'src/config/', purpose: 'Configuration from environment variables, checked at start-up', when: 'always' },
  { path: `src/${mw}/`, purpose: mwPurpose, when: 'always' },
  { path: 'src/modules/{module}/', purpose: '{kind} {module} ({entities}): routes, request schemas, service, repository, tests beside each file', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): routes, request schemas, service, tests beside each file' },
  { path: 'src/db/', data: true, purpose: '{database} client, transactions and health check', when: 'always', service: '{database} client, transactions and health check: its own {dbunit} only' },
  { path: 'src/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'src/integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  ...NODE_COMMON_TAIL,
];

const NEST: Layout = [
  { path: 'src/', purpose: 'Application code', when: 'always' },
  { path: 'src/main.ts', purpose: 'Bootstraps the Nest application (HTTP server)', when: 'server' },
  { path: 'src/lambda.ts', purpose: 'Lambda entry point: bootstraps the Nest application once per container', when: 'lambda' },
  { path: 'src/app.module.ts', purpose: 'Root module: imports the configuration, database and every feature module', when: 'always', service: 'Root module: imports the configuration, the database and its one feature module, {module}', noData: 'Root module: imports the configuration and its one feature module, {module}' },
  { path: 'src/common/', purpose: 'Guards ({authn}roles), exception filters (error-to-status mapping), interceptors (logging)', when: 'always' },
  { path: 'src/config/', purpose: 'Configuration module: environment variables, checked at start-up', when: 'always' },
  { path: 'src/{module}/', purpose: '{kind} {module} ({entities}): module, controller, service, repository, dto/ (validated request types), tests beside each file', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): module, controller, service, dto/ (validated request types), tests beside each file' },
  { path: 'src/database/', data: true, purpose: '{database} connection, transactions and health check', when: 'always', service: '{database} connection, transactions and health check: its own {dbunit} only' },
  { path: 'src/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'src/integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  ...NODE_COMMON_TAIL,
];

const PY_TAIL: Layout = [
  { path: 'schema/', purpose: '{schema} for {database}, applied before each deploy', when: 'document', service: SCHEMA_IN_SERVICE },
  { path: 'api/', purpose: 'openapi.yaml: the contract the routes and tests follow', when: 'always', service: API_IN_SERVICE },
  { path: 'infra/', purpose: '{iac} definitions of the {cloud} resources, one stack per environment', when: 'iac' },
  { path: 'infra/', purpose: 'Build and run scripts for {compute}: image, process manager, environment files', when: 'no-iac' },
  { path: 'tests/', purpose: 'pytest suites: unit tests per service, integration tests against a real {database}{stubs}', when: 'always', noData: 'pytest suites: unit tests per service, integration tests of its endpoints{withStubs}' },
];

const FASTAPI: Layout = [
  { path: 'app/', purpose: 'Application package', when: 'always' },
  { path: 'app/main.py', purpose: 'Creates the FastAPI app and includes every router', when: 'always', service: 'Creates the FastAPI app and includes the {module} router' },
  { path: 'app/lambda_handler.py', purpose: 'Lambda entry point: wraps the app with an ASGI adapter', when: 'lambda' },
  { path: 'app/core/', purpose: 'Settings from environment variables, {authn}dependencies, error handlers (error-to-status mapping)', when: 'always' },
  { path: 'app/{module}/', purpose: '{kind} {module} ({entities}): router.py, schemas.py (Pydantic), service.py, repository.py, models.py', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): router.py, schemas.py (Pydantic), service.py' },
  { path: 'app/db/', data: true, purpose: '{database} {dbclient}, transactions and health check', when: 'always', service: '{database} {dbclient}, transactions and health check: its own {dbunit} only' },
  { path: 'app/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'app/integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  { path: 'migrations/', purpose: 'Alembic migrations, applied in order before each deploy', when: 'relational', service: 'Alembic migrations of its own tables only ({owned}), applied before each of its deploys' },
  ...PY_TAIL,
];

const DJANGO: Layout = [
  { path: 'manage.py', purpose: 'Django command line: migrations, checks, the development server', when: 'always', noData: 'Django command line: checks, the development server' },
  { path: 'config/', purpose: 'Settings (from environment variables), root URL configuration, ASGI and WSGI entry points', when: 'always' },
  { path: 'apps/', purpose: 'One Django app per module', when: 'always', service: 'The Django app of this service and the shared core app' },
  { path: 'apps/core/', purpose: 'The exception handler (error-to-status mapping), {authn}permissions, shared base models', when: 'always', noData: 'The exception handler (error-to-status mapping), {authn}permissions' },
  { path: 'apps/{module}/', purpose: '{kind} {module} ({entities}): models.py, serializers.py, views.py, urls.py, services.py, migrations/ (relational databases), tests/', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): serializers.py, views.py, urls.py, services.py, tests/' },
  { path: 'apps/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  ...PY_TAIL,
];

const FLASK: Layout = [
  { path: 'app/', purpose: 'Application package', when: 'always' },
  { path: 'app/__init__.py', purpose: 'create_app(): configuration, extensions, blueprints, error handlers (error-to-status mapping)', when: 'always' },
  { path: 'app/auth/', purpose: 'Authentication and role checks as decorators', when: 'auth' },
  { path: 'app/{module}/', purpose: '{kind} {module} ({entities}): blueprint routes.py, schemas.py (request validation), service.py, repository.py, models.py', when: 'always', each: 'module', noData: '{kind} {module} ({entities}): blueprint routes.py, schemas.py (request validation), service.py' },
  { path: 'app/db.py', data: true, purpose: '{database} {dbconnection}, transactions and health check', when: 'always', service: '{database} {dbconnection}, transactions and health check: its own {dbunit} only' },
  { path: 'app/queue/', purpose: 'Publisher and consumers for {queue}, the transactional outbox and the dead-letter handling', when: 'queue', service: QUEUE_IN_SERVICE, noData: QUEUE_NO_DATA },
  { path: 'app/integrations/{integration}/', purpose: 'Client for {integration}: {policies}', when: 'always', each: 'integration' },
  { path: 'migrations/', purpose: 'Flask-Migrate (Alembic) migrations, applied in order before each deploy', when: 'relational', service: 'Flask-Migrate (Alembic) migrations of its own tables only ({owned}), applied before each of its deploys' },
  ...PY_TAIL,
];

/** The layout of each language and framework; `none` is Go's standard library. */
export const LAYOUTS: Record<Language, Readonly<Record<string, Layout>>> = {
  go: { chi: GO, gin: GO, echo: GO, none: GO },
  typescript: {
    express: EXPRESS_FASTIFY('middleware', 'Middleware: {authn}request ids, logging, rate limits, the error-to-status mapping'),
    fastify: EXPRESS_FASTIFY('plugins', 'Plugins and hooks: {authn}request ids, logging, rate limits, the error-to-status mapping'),
    nestjs: NEST,
  },
  python: { fastapi: FASTAPI, django: DJANGO, flask: FLASK },
};

/** How each router is called in the purposes. */
const ROUTER: Record<string, string> = {
  chi: 'chi', gin: 'gin', echo: 'echo', none: 'net/http ServeMux', express: 'Express', fastify: 'Fastify', nestjs: 'Nest',
  fastapi: 'FastAPI', django: 'Django', flask: 'Flask',
};

/** How the test suite and the checks run, per language (and framework where it differs). */
export interface Tooling {
  unit: string;
  lint: string;
  /** How the six-phase data models are written: `native` (Go structs, TypeScript types, Python SQLModel classes), or `django-orm` (django.db.models, for Django on a relational database). */
  models: 'native' | 'django-orm';
}

export const TOOLING: Record<Language, Tooling & { byFramework?: Record<string, Partial<Tooling>> }> = {
  go: { unit: 'go test ./... (table-driven tests beside the code, *_test.go)', lint: 'go vet and golangci-lint', models: 'native' },
  typescript: {
    unit: 'vitest (tests beside the code, *.test.ts)',
    lint: 'tsc --noEmit and eslint',
    models: 'native',
    byFramework: { nestjs: { unit: 'jest with @nestjs/testing (the Nest default; *.spec.ts beside the code)' } },
  },
  python: {
    unit: 'pytest',
    lint: 'ruff and mypy',
    models: 'native',
    byFramework: { django: { unit: 'pytest with pytest-django', models: 'django-orm' } },
  },
};

/** The language's tooling, the framework's where it differs; Django's ORM only on a relational database (its ORM has no other backend). */
export function tooling(stack: Pick<Stack, 'language' | 'framework'> & { database?: Stack['database'] }): Tooling {
  const t = TOOLING[stack.language];
  const out: Tooling = { unit: t.unit, lint: t.lint, models: t.models, ...(t.byFramework?.[stack.framework] ?? {}) };
  if (out.models === 'django-orm' && stack.database !== undefined && !RELATIONAL.has(stack.database)) out.models = 'native';
  return out;
}

const RELATIONAL = new Set(['postgresql', 'mysql', 'sqlite']);

function applies(when: When, stack: Stack): boolean {
  switch (when) {
    case 'always': return true;
    case 'auth': return stack.auth !== 'none';
    case 'server': return stack.compute !== 'lambda';
    case 'lambda': return stack.compute === 'lambda';
    case 'relational': return RELATIONAL.has(stack.database);
    case 'document': return !RELATIONAL.has(stack.database);
    case 'queue': return stack.queue !== 'none';
    case 'iac': return stack.iac !== 'none';
    case 'no-iac': return stack.iac === 'none';
  }
}

/** A module or integration name as a folder name in the language's idiom. */
export function folderName(language: Language, name: string): string {
  if (language === 'go') return toSnake(name).replace(/_/g, '') || 'module';
  if (language === 'python') return toSnake(name) || 'module';
  return toKebab(name) || 'module';
}

/**
 * The folder tree for the stack, modules reflected: one folder per module (its entities named), one per
 * integration. Unknown frameworks fall back to the language's first layout.
 */
/** What a document, key-value or graph store's schema folder holds (QA: not "tables" for Neo4j or MongoDB). */
const SCHEMA: Record<string, string> = {
  mongodb: 'Collections, JSON Schema validators and indexes',
  dynamodb: 'The table, its key design and global secondary indexes',
  neo4j: 'Cypher uniqueness constraints and indexes per node label',
};

/** What a language's database module opens: SQL engines have sessions, the others a client. */
const DB_CLIENT: Record<string, string> = { mongodb: 'client', dynamodb: 'client', neo4j: 'driver' };

/** DIR-4: an integration client's policies from the answers (never "retry" for one that is not retried). */
export interface IntegrationPolicy {
  name: string;
  timeoutMs: number;
  retry: string;
  idempotent: boolean;
}

function policies(i: IntegrationPolicy | undefined): string {
  if (!i) return 'timeout, retry with backoff, idempotency keys, circuit breaker';
  const retry = i.retry === 'none' ? 'no retry' : i.retry === 'fixed' ? 'retry at a fixed interval' : 'retry with exponential backoff';
  return `timeout ${i.timeoutMs} ms, ${retry}${i.idempotent ? ', idempotency keys' : ''}, circuit breaker`;
}

export function folderStructure(stack: Stack, modules: readonly Module[], integrations: readonly string[] = [], integrationPolicies: readonly IntegrationPolicy[] = []): FolderEntry[] {
  return fillLayout(layoutOf(stack), stack, modules, integrations, policyMap(integrationPolicies), {}, false);
}

function layoutOf(stack: Stack): Layout {
  const layouts = LAYOUTS[stack.language];
  return layouts[stack.framework] ?? Object.values(layouts)[0] ?? [];
}

function policyMap(integrationPolicies: readonly IntegrationPolicy[]): ReadonlyMap<string, IntegrationPolicy> {
  const out = new Map<string, IntegrationPolicy>();
  for (const i of integrationPolicies) if (!out.has(i.name)) out.set(i.name, i);
  return out;
}

/**
 * The layout's entries that apply, placeholders filled. `inService`: inside one service's deployable (DIR-5),
 * where an entry's `service` purpose replaces its one-application purpose; `ownsData` false: a service that
 * owns no data, where its `noData` purpose does, and the database client, migrations and schema are left out.
 */
function fillLayout(layout: Layout, stack: Stack, modules: readonly Pick<Module, 'name' | 'entities'>[], integrations: readonly string[], integrationPolicies: ReadonlyMap<string, IntegrationPolicy>, extraValues: Record<string, string>, inService: boolean, ownsData = true): FolderEntry[] {
  const kind = stack.architecture === 'microservices' ? 'Service' : 'Module';
  const values: Record<string, string> = {
    router: ROUTER[stack.framework] ?? stack.framework, database: stackLabel('database', stack.database), queue: stackLabel('queue', stack.queue), iac: stackLabel('iac', stack.iac),
    cloud: stackLabel('cloud', stack.cloud, true), compute: stackLabel('compute', stack.compute, true), kind, authn: stack.auth === 'none' ? '' : 'authentication, ',
    stubs: integrations.length > 0 ? ' and stubbed integrations' : '', schema: SCHEMA[stack.database] ?? 'Table and index definitions', dbclient: DB_CLIENT[stack.database] ?? 'engine, sessions', dbconnection: DB_CLIENT[stack.database] ?? 'connection, sessions',
    ...extraValues,
  };
  const fill = (text: string, extra: Record<string, string>): string =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => extra[key] ?? values[key] ?? whole);
  const out: FolderEntry[] = [];
  for (const t of layout) {
    if (!applies(t.when, stack)) continue;
    if (!ownsData && (t.data === true || t.when === 'relational' || t.when === 'document')) continue;
    const purpose = !ownsData && t.noData !== undefined ? t.noData : inService && t.service !== undefined ? t.service : t.purpose;
    if (t.each === 'module') {
      for (const mod of modules) {
        const extra = { module: folderName(stack.language, mod.name), entities: mod.entities.join(', ') || 'no entities' };
        out.push({ path: fill(t.path, extra), purpose: fill(purpose, { ...extra, module: mod.name }) });
      }
    } else if (t.each === 'integration') {
      for (const name of integrations) {
        out.push({ path: fill(t.path, { integration: folderName(stack.language, name) }), purpose: fill(purpose, { integration: name, policies: policies(integrationPolicies.get(name)) }) });
      }
    } else {
      out.push({ path: fill(t.path, {}), purpose: fill(purpose, inService ? { module: modules[0]?.name ?? '' } : {}) });
    }
  }
  return out;
}

/** One deployable of a microservices system (DIR-5): a module, or a group of entity-less endpoints. */
export interface Deployable {
  /** The module's name (kebab-case), or the entity-less service's name in kebab-case without `-service`. */
  name: string;
  /** Its entities, answer order; [] for entity-less endpoints. */
  entities: string[];
  /** The services (SVC-1) it runs, in service order. */
  services: string[];
  /** Its own tables, collections, item types or node labels, in the database's words (STORE-1 names). */
  owned: string[];
  /** The integrations its services call, answer order. */
  integrations: string[];
  /** The other deployables whose APIs its services call, in deployable order. */
  calls: string[];
  /** The events its writes publish (SVC-8), endpoint order. */
  publishes: string[];
}

/** Per language: the service's own manifest, the repository's workspace file and where the shared contracts live. */
const MICROSERVICES: Record<Language, { manifest: FolderEntry; workspace?: FolderEntry; contracts: string; contractsKind: string; eventsDir: string }> = {
  go: {
    manifest: { path: 'go.mod', purpose: 'Its own Go module: dependencies chosen and upgraded for this service alone' },
    workspace: { path: 'go.work', purpose: 'Go workspace joining the service modules{contractsToo} for local builds; each service still builds and ships on its own' },
    contracts: 'contracts/',
    contractsKind: 'Shared Go module (its own go.mod, a versioned dependency of each service)',
    eventsDir: 'contracts/',
  },
  typescript: {
    manifest: { path: 'package.json', purpose: 'Its own dependencies and its build, start and test scripts' },
    workspace: { path: 'package.json', purpose: 'npm workspaces: the services{contractsToo}; each service still builds and ships on its own' },
    contracts: 'packages/contracts/',
    contractsKind: 'Shared workspace package (a versioned dependency of each service)',
    eventsDir: 'packages/contracts/src/',
  },
  python: {
    manifest: { path: 'pyproject.toml', purpose: 'Its own dependencies and tool settings (pytest, ruff, mypy)' },
    contracts: 'contracts/',
    contractsKind: 'Shared Python package (a versioned dependency of each service)',
    eventsDir: 'contracts/src/contracts/',
  },
};

const CONTAINER_COMPUTE = new Set(['ecs', 'eks', 'kubernetes', 'cloud-run']);

/**
 * DIR-5: the tree of a microservices system: one deployable per service under `services/`, each with the
 * language's layout for itself alone (its entry point, configuration, image or unit, migrations or schema of
 * its own data, API contract and tests), the events' shared contracts when a queue carries them, and the
 * infrastructure code at the root.
 */
export function microservicesStructure(stack: Stack, deployables: readonly Deployable[], containers: string, integrationPolicies: readonly IntegrationPolicy[] = []): FolderEntry[] {
  const layout = layoutOf(stack);
  const lang = MICROSERVICES[stack.language];
  const policiesByName = policyMap(integrationPolicies);
  const publishers = deployables.filter((d) => d.publishes.length > 0);
  const contracts = stack.queue !== 'none' && publishers.length > 0;
  const dbunit = stack.database === 'dynamodb' ? 'table' : 'database';
  const queue = stackLabel('queue', stack.queue);
  const out: FolderEntry[] = [];
  if (lang.workspace) out.push({ path: lang.workspace.path, purpose: lang.workspace.purpose.replace('{contractsToo}', contracts ? ' and the contracts' : '') });
  out.push({ path: 'services/', purpose: `One deployable per service (${deployables.length}): none imports another's code or reads another's ${dbunit}` });
  for (const d of deployables) {
    const root = `services/${toKebab(d.name) || 'service'}/`;
    const reach = stack.queue !== 'none' ? 'its API or its events' : 'its API';
    const owns = d.owned.length > 0 ? `owns its ${containers} (${d.owned.join(', ')}); the other services reach them only through ${reach}` : `owns no ${containers}`;
    out.push({ path: root, purpose: `Service ${d.name} (${d.entities.join(', ') || 'no entities'}): built, deployed, scaled${d.owned.length > 0 ? ' and migrated' : ''} on its own; ${owns}` });
    out.push({ path: `${root}${lang.manifest.path}`, purpose: lang.manifest.purpose });
    if (CONTAINER_COMPUTE.has(stack.compute)) {
      out.push({ path: `${root}Dockerfile`, purpose: `Builds the ${d.name} image: this service's code and dependencies only${contracts ? ' (with the contracts)' : ''}, run as a non-root user` });
    } else if (stack.compute === 'vm' && stack.iac !== 'none') {
      // Without an IaC tool the service's deploy/ scripts already hold its unit.
      out.push({ path: `${root}${toKebab(d.name) || 'service'}.service`, purpose: 'systemd unit: runs this service as its own user with its own environment file, restarted on failure' });
    }
    const stubbed = [...d.integrations, ...(d.calls.length > 0 ? [`the ${joinAnd(d.calls)} ${d.calls.length === 1 ? "service's API" : "services' APIs"}`] : [])];
    const stubs = joinAnd(stubbed);
    const extra = { stubs: stubbed.length > 0 ? ` and stubs of ${stubs}` : '', withStubs: stubbed.length > 0 ? `, with stubs of ${stubs}` : '', owned: d.owned.join(', ') || 'none', containers, dbunit };
    const inside = fillLayout(layout.filter((t) => t.when !== 'iac'), stack, [{ name: d.name, entities: d.entities }], d.integrations, policiesByName, extra, true, d.owned.length > 0);
    for (const e of inside) out.push({ path: `${root}${e.path}`, purpose: e.purpose });
  }
  if (contracts) {
    out.push({ path: lang.contracts, purpose: `${lang.contractsKind}: the payloads of the events the services exchange over ${queue}, with their JSON Schemas; a change only adds optional fields, so publishers and consumers deploy apart` });
    for (const d of publishers) {
      out.push({ path: `${lang.eventsDir}${folderName(stack.language, d.name)}/`, purpose: `Events ${d.name} publishes: ${d.publishes.join(', ')}` });
    }
  }
  const iac = fillLayout(layout.filter((t) => t.when === 'iac'), stack, [], [], policiesByName, {}, false);
  for (const e of iac) out.push({ path: e.path, purpose: `${e.purpose}: the shared resources, then one deployment per service` });
  return out;
}
