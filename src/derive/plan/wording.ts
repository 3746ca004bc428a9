// How the plans word the stack choices in prose, so no template picks a sentence by comparing a stack value
// (`cloud === 'on-prem'`, `queue === 'kafka'`, `framework === 'none'`). Pure.
// Rules (docs/rules.md, "Stack wording"):
// - WORD-1 hosting: `on premises` for `cloud: on-prem` (never `on On-premises`), else `on <cloud label>`.
// - WORD-2 framework: without one (`framework: none`, Go only) the plans say the standard library, in each
//   place's words; with one, its catalog label.
// - WORD-3 authentication: `auth: none` reads as no authentication (every endpoint public), else the scheme's
//   catalog label; what the secret store holds names signing keys only where the service signs (JWT, sessions).
// - WORD-4 infrastructure as code: `iac: none` reads as no tool, else the tool's catalog label.
// - WORD-5 queue: what the requests leave to the queue, what to watch on it (Kafka: consumer lag and the
//   dead-letter topic; Redis Streams: pending entries and the dead-letter stream; SQS and RabbitMQ: the oldest
//   message's age and the dead-letter queue) and the health checks (the database, then the cache and the queue
//   when chosen).
// - WORD-6 architecture: how a reference between modules is read: microservices over the network or by events,
//   never a shared container; event-driven an in-process read for now, pointing to RISK-MODULE-COUPLING's local
//   copies; otherwise an in-process call through the owning module's service. `serviceOwnership`, for
//   microservices only, says each module is a service owning its containers.
// - WORD-7 access levels: per endpoint `auth` (first-use order) its endpoints and its words: `none` public,
//   `user` any authenticated caller, another value a role; the requirement names the scheme, or `no scheme
//   chosen` when `stack.auth` is none (WARN-AUTH), never `no authentication` for a required caller; every level
//   but `none` requires a caller identity.
// - WORD-8 the database's schema and its lifecycle: relational stores have schema.sql and numbered migrations
//   (applied in the integration tests and before each deploy); the others their schema (STORE-1) under version
//   control, applied before each deploy. No migration is named for a non-relational store.
// - WORD-9 the optional parts: the integration tests' local queue; without a cache, the note that reads go to
//   the database; with a queue, what goes through it (the events after the commit, by the database's outbox,
//   or the requests queued for a consumer when no write publishes an event).
// - WORD-10 the data stores in a stack line: the database, then the cache and the queue when chosen, in each
//   line's words (`PostgreSQL, Redis cache, Amazon SQS queue`; `PostgreSQL, Redis as cache and Amazon SQS as
//   queue`; `PostgreSQL, caching in Redis, with Amazon SQS for asynchronous work`).
// - WORD-11 names: the language and the cloud by the catalog's short name (`TypeScript`, `AWS`; on premises
//   `On-premises`), the IaC tool by its label (`AWS CloudFormation`, never `CloudFormation`) or `no IaC tool`; the
//   infrastructure table's tool is the one the resources are spelled in (Terraform for an AWS-only tool on
//   another cloud), its column `<tool> resource`, or `Provisioning` when no tool names them; the observability
//   tools by catalog label (a tool the catalog does not know as written).

import type { AccessLevel, Endpoint, Stack, StackWording } from '../model.js';
import { deadLetterName, stackLabel, stackName } from '../catalog/technologies.js';
import { resourceTool } from './infrastructure.js';
import { joinAnd } from './text.js';
import type { StorageTerms } from './storage.js';

/** WORD-5: what to watch on each queue, by how it keeps its messages. */
const QUEUE_METRICS: Readonly<Record<string, string>> = {
  kafka: 'consumer lag and the dead-letter topic depth',
  redis: 'pending entries and the dead-letter stream length',
};

/** WORD-3: what the secret store holds for the scheme: signing keys only where the service signs (JWT, sessions). */
const SECRETS_HELD: Readonly<Record<string, string>> = {
  jwt: 'credentials and signing keys',
  session: 'credentials and signing keys',
  oauth2: 'credentials and the identity provider client secret',
  oidc: 'credentials and the identity provider client secret',
};

function queueMetrics(queue: string): string {
  if (queue === 'none') return '';
  return QUEUE_METRICS[queue] ?? `age of the oldest message and the ${deadLetterName(queue)} depth`;
}

/** WORD-6. */
function moduleBoundary(architecture: string, storage: Pick<StorageTerms, 'container' | 'containers'>): string {
  if (architecture === 'microservices') return `each crossing is a network call or an event, never a shared ${storage.container}; see the risks below`;
  if (architecture === 'event-driven') {
    return `for now a synchronous in-process read through the owning module's service, never its ${storage.containers}, where the modules should only react to each other's events; technical-plan.md's risk 'References across module boundaries' names the local copies that replace it`;
  }
  return `an in-process call through the owning module's service, never its ${storage.containers}`;
}

/** WORD-2: the libraries line of the technical plan. */
function leverage(stack: Stack, language: string, framework: string): string {
  const tools = stack.observability.map((o) => stackLabel('observability', o));
  if (framework !== '') return `Frameworks and libraries to leverage: ${[framework, ...tools].join(', ')}.`;
  return tools.length > 0 ? `Libraries to leverage: the ${language} standard library, ${tools.join(', ')}.` : '';
}

/**
 * Who migrates before a new version takes traffic (relational stores): the application, or with one deployable per
 * service (DIR-5) each service that owns data, before its own new version; a service without data has none.
 */
function migrations(deployables: readonly { name: string; owned: readonly string[] }[]): string {
  if (deployables.length === 0) return ' Migrations run before each new version takes traffic.';
  const migrated = deployables.filter((d) => d.owned.length > 0).map((d) => d.name);
  if (migrated.length === deployables.length) return " Each service's migrations run before its own new version takes traffic.";
  return migrated.length > 0 ? ` Each service that owns data (${joinAnd(migrated)}) runs its migrations before its own new version takes traffic.` : '';
}

/** `deployables`: one per service with microservices (DIR-5), with the tables or collections each owns; else none. */
export function stackWording(stack: Stack, storage: StorageTerms, publishes: boolean, deployables: readonly { name: string; owned: readonly string[] }[] = []): StackWording {
  const label = (key: 'language' | 'framework' | 'cloud' | 'auth' | 'iac' | 'queue' | 'database' | 'compute' | 'cache'): string => stackLabel(key, String(stack[key]));
  const cache = stack.cache === 'none' ? '' : label('cache');
  const hosting = stack.cloud === 'on-prem' ? 'on premises' : `on ${label('cloud')}`;
  const iac = stack.iac === 'none' ? 'no infrastructure-as-code tool' : `infrastructure as code: ${label('iac')}`;
  const noFramework = stack.framework === 'none';
  const noAuth = stack.auth === 'none';
  const noIac = stack.iac === 'none';
  const noQueue = stack.queue === 'none';
  // WORD-11: the language as the plans name it beside a framework: `TypeScript`, not the catalog's `TypeScript (Node.js)`.
  const language = stackName('language', stack.language);
  const tool = resourceTool(stack);
  return {
    language,
    cloud: stackName('cloud', stack.cloud),
    observability: stack.observability.map((o) => stackLabel('observability', o)),
    iacName: noIac ? 'no IaC tool' : label('iac'),
    resourceTool: tool === 'none' ? 'no IaC tool' : stackLabel('iac', tool),
    resourceColumn: tool === 'none' ? 'Provisioning' : `${stackLabel('iac', tool)} resource`,
    resourcesNamed: tool !== 'none',
    hosting,
    framework: noFramework ? 'standard library' : label('framework'),
    frameworkObject: noFramework ? `the ${label('framework')}` : label('framework'),
    languageAndFramework: noFramework ? label('framework') : `${label('language')} with ${label('framework')}`,
    server: noFramework ? `${language} standard library` : label('framework'),
    handlers: noFramework ? 'standard-library' : label('framework'),
    auth: noAuth ? 'none' : label('auth'),
    authBrief: noAuth ? 'no authentication' : `auth ${label('auth')}`,
    authentication: noAuth ? 'none: every endpoint is public' : label('auth'),
    requestCredentials: noAuth ? 'no endpoint asks for credentials' : `credentials: ${label('auth')}`,
    secretsHeld: SECRETS_HELD[stack.auth] ?? 'credentials',
    credentialsCheck: noAuth ? 'none: every endpoint is public' : `${label('auth')}; keep one caller per role the endpoints name`,
    securityCheck: noAuth
      ? 'no authentication in the answers; input sanitisation checked by the invalid requests below'
      : 'requests without credentials and with the wrong role refused, inputs rejected as below',
    iac,
    iacWith: noIac ? 'no infrastructure-as-code tool' : `infrastructure as code with ${label('iac')}`,
    iacBrief: noIac ? 'no IaC tool' : `IaC ${label('iac')}`,
    queueEffects: noQueue ? 'no queue: every effect happens within the request' : `writes publish their events on ${label('queue')} after the commit`,
    queueMetrics: queueMetrics(stack.queue),
    healthChecks: joinAnd(['the database', ...(stack.cache !== 'none' ? ['the cache'] : []), ...(noQueue ? [] : ['the queue'])]),
    moduleBoundary: moduleBoundary(stack.architecture, storage),
    serviceOwnership: stack.architecture === 'microservices'
      ? `Each module is a service of its own: it owns its ${storage.containers}, and other services reach its data through its API or its events.`
      : '',
    leverage: leverage(stack, language, noFramework ? '' : label('framework')),
    schemaIntro: stack.relational
      ? `${label('database')} (relational: schema.sql holds the DDL); tables in dependency order, referenced before referencing.`
      : `${label('database')} (${storage.kind}): ${storage.layout}. The ${storage.containers} below come in dependency order, referenced before referencing.`,
    databaseLine: stack.relational ? `${label('database')} (relational: the DDL is in \`schema.sql\`)` : label('database'),
    testTarget: `${label('database')}${stack.relational ? ' with the migrations applied' : ''}${noQueue ? '' : ` and a local ${label('queue')}`}`,
    deployment: `${label('compute')} ${hosting}; ${iac}.${stack.relational ? migrations(deployables) : ''}`,
    schemaChanges: stack.relational ? 'a new numbered migration per change, never an edit of an applied one' : `${storage.schema} under version control, applied before each deploy (${label('database')})`,
    noCache: stack.cache === 'none' ? `No cache in the stack: reads go to ${label('database')}, so its indexes above carry the read load.` : '',
    stores: [label('database'), ...(cache ? [`${cache} cache`] : []), ...(noQueue ? [] : [`${label('queue')} queue`])].join(', '),
    storesAs: `${label('database')}${cache ? `, ${cache} as cache` : ''}${noQueue ? '' : ` and ${label('queue')} as queue`}`,
    storing: `${label('database')}${cache ? `, caching in ${cache}` : ''}${noQueue ? '' : `, with ${label('queue')} for asynchronous work`}`,
    asyncProcessing: noQueue
      ? ''
      : `Asynchronous processing through ${label('queue')}: ${publishes ? `the events under Data Architecture, published after the commit (${storage.outbox})` : 'the requests the endpoints queue for a consumer'}.`,
  };
}

/** WORD-7. */
export function accessLevels(endpoints: readonly Pick<Endpoint, 'id' | 'auth'>[], auth: string): AccessLevel[] {
  const scheme = auth === 'none' ? 'no scheme chosen' : stackLabel('auth', auth, true);
  const byLevel = new Map<string, string[]>();
  for (const ep of endpoints) {
    const ids = byLevel.get(ep.auth);
    if (ids) ids.push(ep.id);
    else byLevel.set(ep.auth, [ep.id]);
  }
  return [...byLevel].map(([level, ids]) => {
    if (level === 'none') return { level, endpoints: ids, title: 'Public', requirement: 'None (public)', brief: 'public', requiresIdentity: false };
    if (level === 'user') return { level, endpoints: ids, title: 'Any authenticated caller', requirement: `Required (any authenticated caller; ${scheme})`, brief: 'authenticated', requiresIdentity: true };
    return { level, endpoints: ids, title: `Role ${level}`, requirement: `Required (role: ${level}; ${scheme})`, brief: `${level} role`, requiresIdentity: true };
  });
}
