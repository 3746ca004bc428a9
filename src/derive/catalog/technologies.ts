// The technology catalog: for every value `stack` can take (and common observability tools), what it is,
// the role it plays, why it fits, what it costs and what else would do. plan/rationale.ts cites one entry
// per stack choice. Data only; keep each line true for any system that picks the technology.

export interface TechEntry {
  label: string;
  /** WORD-11: the short name headings and stack lines use where it differs from `label` (`AWS`, `TypeScript`); default `label`. */
  short?: string;
  role: string;
  why: string;
  costs: string;
  alternatives: string[];
}

export type TechKey = 'language' | 'framework' | 'architecture' | 'database' | 'cache' | 'queue' | 'cloud' | 'compute' | 'iac' | 'auth' | 'observability';

/**
 * SCALE-1: how each choice scales, for the technical plan's Scalability Approach (its costs are the limits).
 * Keys and values as in the stack; a value missing here has no line.
 */
export const SCALING: Readonly<Partial<Record<TechKey, Readonly<Record<string, string>>>>> = {
  compute: {
    lambda: 'Scales per request up to the account concurrency limit: reserve concurrency for the API and keep the database behind a connection pooler',
    ecs: 'Service auto scaling on CPU and requests per task, at least two tasks across availability zones',
    eks: 'A HorizontalPodAutoscaler on CPU and request rate, at least two replicas across zones, the cluster autoscaler for nodes',
    kubernetes: 'A HorizontalPodAutoscaler on CPU and request rate, at least two replicas across zones, the cluster autoscaler for nodes',
    vm: 'More instances from one image behind the load balancer, or a larger machine: the service keeps no local state',
    'cloud-run': 'Instances follow concurrent requests: set the concurrency per instance, a minimum instance for latency and a maximum the database can take',
  },
  architecture: {
    monolith: 'The one deployable is stateless: copies behind the load balancer share the load',
    'modular-monolith': 'The one deployable is stateless: copies behind the load balancer share the load; a module that outgrows the rest is the first to split out',
    microservices: 'Each service scales on its own load, the busiest with its own autoscaling and database capacity',
    serverless: 'Each function scales on its own with its traffic',
    'event-driven': 'Consumers scale on queue depth; producers never wait for them',
  },
  cache: {
    redis: 'Cache-aside for hot reads with TTLs; a replica for reads, cluster mode when memory runs out',
    memcached: 'Cache-aside for hot reads; more nodes, keys spread by consistent hashing',
  },
  queue: {
    sqs: 'Absorbs bursts; consumers scale on the queue depth',
    kafka: 'Partitions set the consumer parallelism: size them for peak throughput, consumers scale up to that count',
    rabbitmq: 'Absorbs bursts; consumers scale on the queue depth, with a prefetch limit each',
    redis: 'Consumer groups share the stream; consumers scale on its pending count',
  },
  database: {
    postgresql: 'A larger instance for writes, read replicas for reads, connection pooling before more service instances',
    mysql: 'A larger instance for writes, read replicas for reads, connection pooling before more service instances',
    sqlite: 'One file on one machine: it scales up only, never out',
    dynamodb: 'On-demand or auto-scaled capacity; partition keys that spread the load evenly',
    mongodb: 'A replica set for availability and secondary reads; sharding on a key that spreads writes when one primary is not enough',
    neo4j: 'A larger primary for writes; secondaries for read traversals',
  },
};

export const TECHNOLOGIES: Record<TechKey, Record<string, TechEntry>> = {
  language: {
    go: { label: 'Go', role: 'Service language', why: 'Compiled, fast to start, small static binaries and cheap concurrency; a small language new engineers read quickly', costs: 'Verbose error handling; fewer high-level libraries than Python or Node.js', alternatives: ['typescript', 'python'] },
    typescript: { label: 'TypeScript (Node.js)', short: 'TypeScript', role: 'Service language', why: 'Types checked at build time over the large npm ecosystem; one language with a web frontend', costs: 'Single-threaded event loop: CPU-heavy work must move off the request path; dependency churn', alternatives: ['go', 'python'] },
    python: { label: 'Python', role: 'Service language', why: 'Fast to write, the richest data and ML ecosystem, type hints checked by mypy or pyright', costs: 'Slower per request and the GIL limits CPU parallelism; needs more instances at high throughput', alternatives: ['go', 'typescript'] },
  },
  framework: {
    chi: { label: 'chi', role: 'HTTP router (Go)', why: 'Idiomatic net/http router with middleware and nothing else: handlers stay plain Go', costs: 'No built-in validation or binding: a validation library is added', alternatives: ['gin', 'echo', 'none'] },
    gin: { label: 'Gin', role: 'HTTP framework (Go)', why: 'Fast router with binding and validation built in, widely used', costs: 'Its own context type instead of net/http idioms', alternatives: ['chi', 'echo'] },
    echo: { label: 'Echo', role: 'HTTP framework (Go)', why: 'Router with binding, validation hooks and middleware in one package', costs: 'Its own context type; a smaller community than Gin', alternatives: ['chi', 'gin'] },
    none: { label: 'Go standard library (net/http)', role: 'HTTP server (Go)', why: 'No dependency: Go 1.22 routing handles methods and path parameters', costs: 'Middleware, validation and error mapping written by hand', alternatives: ['chi', 'gin'] },
    fastify: { label: 'Fastify', role: 'HTTP framework (Node.js)', why: 'Fast, schema-based validation and serialisation, a plugin system with encapsulation', costs: 'A smaller middleware ecosystem than Express', alternatives: ['express', 'nestjs'] },
    express: { label: 'Express', role: 'HTTP framework (Node.js)', why: 'The most widely known Node.js framework, with middleware for everything', costs: 'No validation or structure of its own; slower than Fastify', alternatives: ['fastify', 'nestjs'] },
    nestjs: { label: 'NestJS', role: 'Application framework (Node.js)', why: 'Modules, dependency injection and decorators give large teams one structure', costs: 'Heavier abstraction and boilerplate; decorators hide control flow', alternatives: ['fastify', 'express'] },
    fastapi: { label: 'FastAPI', role: 'HTTP framework (Python)', why: 'Validation and OpenAPI generated from type hints (Pydantic), async support', costs: 'Persistence, migrations and admin are separate choices (SQLAlchemy, Alembic)', alternatives: ['django', 'flask'] },
    django: { label: 'Django', role: 'Application framework (Python)', why: 'ORM, migrations, admin and authentication included; a convention for everything', costs: 'Synchronous at heart; REST needs Django REST Framework; opinionated project layout', alternatives: ['fastapi', 'flask'] },
    flask: { label: 'Flask', role: 'HTTP framework (Python)', why: 'Minimal and explicit; extensions for what is needed', costs: 'Validation, OpenAPI and structure assembled from extensions', alternatives: ['fastapi', 'django'] },
  },
  architecture: {
    monolith: { label: 'Monolith', role: 'System architecture', why: 'One deployable and one database: the fewest moving parts, transactions across everything', costs: 'Boundaries erode without discipline; the whole system scales and deploys as one', alternatives: ['modular-monolith', 'microservices'] },
    'modular-monolith': { label: 'Modular monolith', role: 'System architecture', why: 'One deployable with enforced module boundaries: simple operations now, a clean split later', costs: 'Boundaries need tests to stay enforced; one deployment for every module', alternatives: ['monolith', 'microservices'] },
    microservices: { label: 'Microservices', role: 'System architecture', why: 'Independent deployment and scaling per service, each owning its data', costs: 'Network failures, distributed data, a pipeline and on-call per service', alternatives: ['modular-monolith', 'event-driven'] },
    serverless: { label: 'Serverless', role: 'System architecture', why: 'Functions scale to zero and to bursts; no servers to patch', costs: 'Cold starts, execution limits, connection pooling for relational databases, vendor lock-in', alternatives: ['modular-monolith', 'microservices'] },
    'event-driven': { label: 'Event-driven', role: 'System architecture', why: 'Components react to events: loose coupling, natural audit trail, absorbs bursts', costs: 'Eventual consistency, harder debugging and ordering, idempotent consumers everywhere', alternatives: ['modular-monolith', 'microservices'] },
  },
  database: {
    postgresql: { label: 'PostgreSQL', role: 'Primary database', why: 'ACID transactions, constraints, rich indexing and JSON: fits relational data with integrity rules', costs: 'Vertical scaling for writes; connection count needs pooling at scale', alternatives: ['mysql', 'dynamodb'] },
    mysql: { label: 'MySQL', role: 'Primary database', why: 'ACID, widely hosted and operated, fast simple reads', costs: 'Fewer index types and weaker constraint features than PostgreSQL', alternatives: ['postgresql'] },
    sqlite: { label: 'SQLite', role: 'Embedded database', why: 'A file, no server: ideal for tests, tools and single-instance apps', costs: 'One writer at a time on one machine; no network access', alternatives: ['postgresql'] },
    dynamodb: { label: 'Amazon DynamoDB', role: 'Primary database (key-value)', why: 'Serverless, predictable latency at any scale, pay per request', costs: 'Access patterns fixed up front; no joins; uniqueness and integrity in the application', alternatives: ['postgresql', 'mongodb'] },
    mongodb: { label: 'MongoDB', role: 'Primary database (documents)', why: 'Flexible documents that match nested data; horizontal scaling', costs: 'No foreign keys; multi-document transactions cost more; schema drift without validation', alternatives: ['postgresql', 'dynamodb'] },
    neo4j: { label: 'Neo4j', role: 'Primary database (graph)', why: 'Relationships are first-class: deep traversals stay fast', costs: 'Niche operations skills; less suited to tabular reporting and bulk writes', alternatives: ['postgresql'] },
  },
  cache: {
    redis: { label: 'Redis', role: 'Cache', why: 'In-memory data structures with TTLs; also fits rate limiting and locks', costs: 'Another stateful component; invalidation is the application\'s job', alternatives: ['memcached', 'none'] },
    memcached: { label: 'Memcached', role: 'Cache', why: 'Simple, multi-threaded key-value cache', costs: 'No persistence, no data structures; invalidation is the application\'s job', alternatives: ['redis', 'none'] },
    none: { label: 'No cache', role: 'Cache', why: 'Every read goes to the database: nothing to invalidate, nothing else to run', costs: 'Read load and latency grow with traffic', alternatives: ['redis'] },
  },
  queue: {
    sqs: { label: 'Amazon SQS', role: 'Queue', why: 'Fully managed, scales without tuning, dead-letter queues built in', costs: 'At-least-once delivery; FIFO queues have lower throughput; AWS only', alternatives: ['rabbitmq', 'kafka'] },
    kafka: { label: 'Apache Kafka', role: 'Event log', why: 'Durable, ordered, replayable event streams at very high throughput', costs: 'Partitions, consumer groups and brokers to operate; heavy for low volume', alternatives: ['sqs', 'rabbitmq'] },
    rabbitmq: { label: 'RabbitMQ', role: 'Message broker', why: 'Flexible routing (exchanges, topics), acknowledgements, mature', costs: 'A cluster to run and upgrade; no replay once consumed', alternatives: ['sqs', 'kafka'] },
    redis: { label: 'Redis Streams', role: 'Queue', why: 'Reuses Redis: streams with consumer groups, low latency', costs: 'Memory-bound; weaker durability than a dedicated broker', alternatives: ['sqs', 'rabbitmq'] },
    none: { label: 'No queue', role: 'Queue', why: 'Everything happens in the request: simpler flow and debugging', costs: 'Slow or failing work blocks the request; no buffer for bursts', alternatives: ['sqs', 'rabbitmq'] },
  },
  cloud: {
    aws: { label: 'Amazon Web Services', short: 'AWS', role: 'Cloud provider', why: 'The widest choice of managed services and regions', costs: 'Complex pricing and IAM; proprietary services lock in', alternatives: ['gcp', 'azure'] },
    gcp: { label: 'Google Cloud', short: 'GCP', role: 'Cloud provider', why: 'Strong managed containers (Cloud Run, GKE) and data services', costs: 'Fewer regions and services than AWS', alternatives: ['aws', 'azure'] },
    azure: { label: 'Microsoft Azure', short: 'Azure', role: 'Cloud provider', why: 'Fits organisations on Microsoft identity and tooling', costs: 'Service naming and limits differ; some services lag the others', alternatives: ['aws', 'gcp'] },
    'on-prem': { label: 'On-premises', role: 'Hosting', why: 'Full control of data location and hardware', costs: 'Every managed service (database, queue, backups) run by the team', alternatives: ['aws', 'gcp', 'azure'] },
  },
  compute: {
    lambda: { label: 'AWS Lambda', role: 'Compute', why: 'Pay per request, scales to zero and to bursts, no servers', costs: 'Cold starts, 15-minute limit, connection pooling needed for relational databases', alternatives: ['ecs', 'eks'] },
    ecs: { label: 'Amazon ECS (Fargate)', role: 'Compute (containers)', why: 'Managed containers without a cluster to run; steady latency', costs: 'Pays for idle tasks; scaling slower than functions', alternatives: ['lambda', 'eks'] },
    eks: { label: 'Amazon EKS', role: 'Compute (Kubernetes)', why: 'Kubernetes with a managed control plane: portable, rich ecosystem', costs: 'Cluster upgrades, add-ons and Kubernetes expertise', alternatives: ['ecs', 'lambda'] },
    kubernetes: { label: 'Kubernetes', role: 'Compute (containers)', why: 'Portable orchestration with autoscaling and rolling deploys', costs: 'A platform to run: upgrades, networking, security policies', alternatives: ['vm', 'cloud-run'] },
    vm: { label: 'Virtual machines', role: 'Compute', why: 'Simple and predictable; anything runs', costs: 'Patching, scaling and deploys are the team\'s job', alternatives: ['kubernetes', 'ecs'] },
    'cloud-run': { label: 'Google Cloud Run', role: 'Compute (containers)', why: 'Containers that scale to zero, per-request billing, no cluster', costs: 'Cold starts; request time limits; GCP only', alternatives: ['kubernetes', 'lambda'] },
  },
  iac: {
    cloudformation: { label: 'AWS CloudFormation', role: 'Infrastructure as code', why: 'Native to AWS, no state file to manage, drift detection', costs: 'Verbose YAML; AWS only', alternatives: ['cdk', 'terraform'] },
    sam: { label: 'AWS SAM', role: 'Infrastructure as code (serverless)', why: 'CloudFormation shorthand for functions and APIs, with local testing', costs: 'AWS only; thin beyond serverless resources', alternatives: ['cdk', 'cloudformation'] },
    cdk: { label: 'AWS CDK', role: 'Infrastructure as code', why: 'Infrastructure in a programming language, compiled to CloudFormation', costs: 'AWS only; abstractions hide what is deployed', alternatives: ['terraform', 'cloudformation'] },
    terraform: { label: 'Terraform', role: 'Infrastructure as code', why: 'One tool for every cloud and many SaaS providers; plan before apply', costs: 'State file to store and lock; HCL is its own language', alternatives: ['pulumi', 'cloudformation'] },
    pulumi: { label: 'Pulumi', role: 'Infrastructure as code', why: 'Infrastructure in general-purpose languages, any cloud', costs: 'State backend to run or buy; a smaller community', alternatives: ['terraform', 'cdk'] },
    none: { label: 'No IaC tool', role: 'Infrastructure as code', why: 'Nothing to learn up front', costs: 'Environments drift and cannot be recreated from the repository', alternatives: ['terraform'] },
  },
  auth: {
    jwt: { label: 'JWT bearer tokens', role: 'Authentication', why: 'Stateless: each request carries signed claims, verified without a lookup', costs: 'Revocation needs short expiry or a deny list; key rotation to plan', alternatives: ['oidc', 'session'] },
    oauth2: { label: 'OAuth 2.0', role: 'Authorization', why: 'Delegated access with scopes; the standard for third-party clients', costs: 'Flows and token lifetimes to get right; an authorization server to run or buy', alternatives: ['oidc', 'jwt'] },
    oidc: { label: 'OpenID Connect', role: 'Authentication', why: 'Identity on top of OAuth 2.0: single sign-on with an identity provider', costs: 'Dependency on the provider; claims mapping to roles', alternatives: ['oauth2', 'jwt'] },
    'api-key': { label: 'API keys', role: 'Authentication', why: 'Simple for server-to-server clients', costs: 'Long-lived secrets: rotation, scoping and leak detection needed', alternatives: ['oauth2', 'jwt'] },
    session: { label: 'Server sessions', role: 'Authentication', why: 'Revocable at once; fits browser clients with cookies', costs: 'Session store lookups; CSRF protection needed', alternatives: ['jwt', 'oidc'] },
    none: { label: 'No authentication', role: 'Authentication', why: 'Public API: nothing to manage', costs: 'Anyone can call every endpoint', alternatives: ['jwt', 'api-key'] },
  },
  observability: {
    opentelemetry: { label: 'OpenTelemetry', role: 'Traces, metrics and logs instrumentation', why: 'Vendor-neutral instrumentation: change the backend without touching code', costs: 'A collector to run and sampling to tune', alternatives: ['datadog', 'x-ray'] },
    cloudwatch: { label: 'Amazon CloudWatch', role: 'Logs, metrics and alarms', why: 'Built into AWS: every managed service reports there', costs: 'Query and retention costs grow with volume; AWS only', alternatives: ['datadog', 'prometheus'] },
    'x-ray': { label: 'AWS X-Ray', role: 'Distributed tracing', why: 'Native tracing for AWS services', costs: 'AWS only; fewer features than dedicated tracing tools', alternatives: ['opentelemetry', 'jaeger'] },
    prometheus: { label: 'Prometheus', role: 'Metrics and alerting', why: 'The standard for metrics scraping and alert rules', costs: 'Storage and high availability to run; not for logs or traces', alternatives: ['cloudwatch', 'datadog'] },
    grafana: { label: 'Grafana', role: 'Dashboards', why: 'Dashboards over many data sources', costs: 'Dashboards to maintain', alternatives: ['cloudwatch', 'datadog'] },
    datadog: { label: 'Datadog', role: 'Observability platform', why: 'Metrics, traces and logs in one hosted product', costs: 'Cost grows quickly with hosts and log volume', alternatives: ['opentelemetry', 'grafana'] },
    sentry: { label: 'Sentry', role: 'Error tracking', why: 'Exceptions grouped with stack traces and releases', costs: 'Another service to pay for; not a metrics tool', alternatives: ['datadog'] },
    jaeger: { label: 'Jaeger', role: 'Distributed tracing', why: 'Open-source tracing backend', costs: 'Storage to run', alternatives: ['x-ray', 'datadog'] },
    'new-relic': { label: 'New Relic', role: 'Observability platform', why: 'Hosted APM with traces, metrics and logs', costs: 'Per-user and ingest pricing', alternatives: ['datadog', 'opentelemetry'] },
    elk: { label: 'Elastic Stack (ELK)', role: 'Log search', why: 'Full-text search over logs', costs: 'A cluster to run and size', alternatives: ['loki', 'cloudwatch'] },
    loki: { label: 'Grafana Loki', role: 'Log aggregation', why: 'Cheap log storage indexed by labels', costs: 'Limited full-text search', alternatives: ['elk', 'cloudwatch'] },
    honeycomb: { label: 'Honeycomb', role: 'Observability (events and traces)', why: 'High-cardinality queries over traces', costs: 'Hosted pricing by event volume', alternatives: ['datadog', 'jaeger'] },
    'cloud-logging': { label: 'Google Cloud Logging and Monitoring', role: 'Logs, metrics and alerting', why: 'Built into GCP', costs: 'GCP only; cost grows with volume', alternatives: ['opentelemetry', 'datadog'] },
    'azure-monitor': { label: 'Azure Monitor', role: 'Logs, metrics and alerting', why: 'Built into Azure, with Application Insights', costs: 'Azure only; cost grows with volume', alternatives: ['opentelemetry', 'datadog'] },
  },
};

/** Other spellings of observability tools, lower-case with dashes, mapped to their catalog key. */
export const OBSERVABILITY_ALIASES: Record<string, string> = {
  otel: 'opentelemetry',
  'open-telemetry': 'opentelemetry',
  xray: 'x-ray',
  'aws-x-ray': 'x-ray',
  newrelic: 'new-relic',
  elastic: 'elk',
  elasticsearch: 'elk',
  'elastic-stack': 'elk',
  stackdriver: 'cloud-logging',
  'google-cloud-logging': 'cloud-logging',
  'application-insights': 'azure-monitor',
  'amazon-cloudwatch': 'cloudwatch',
};

/** The catalog key of an observability tool as the answers spell it. */
export function observabilityKey(tool: string): string {
  const k = tool.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return OBSERVABILITY_ALIASES[k] ?? k;
}

/** Labels that are common nouns, not names: lower-cased inside a sentence (`for virtual machines`). */
const COMMON_NOUN_LABELS = new Set(['architecture:monolith', 'architecture:modular-monolith', 'architecture:microservices', 'architecture:serverless', 'architecture:event-driven', 'compute:vm', 'cloud:on-prem', 'auth:session', 'queue:none', 'cache:none', 'auth:none', 'iac:none']);

/** Where a queue keeps the messages that failed every retry: Kafka and Redis have topics and streams, not queues. */
export function deadLetterName(queue: string): string {
  return queue === 'kafka' ? 'dead-letter topic' : queue === 'redis' ? 'dead-letter stream' : 'dead-letter queue';
}

/**
 * The catalog's label of a stack value (`aws` -> `Amazon Web Services`): prose never shows raw enum ids. The one
 * label lookup every engine text uses; `inline` lower-cases the labels that are common nouns for mid-sentence use.
 */
export function stackLabel(key: TechKey, value: string, inline = false): string {
  const label = TECHNOLOGIES[key]?.[key === 'observability' ? observabilityKey(value) : value]?.label ?? value;
  return inline && COMMON_NOUN_LABELS.has(`${key}:${value}`) ? `${label[0]?.toLowerCase() ?? ''}${label.slice(1)}` : label;
}

/** WORD-11: the catalog's short name of a stack value (`aws` -> `AWS`, `typescript` -> `TypeScript`), else its label. */
export function stackName(key: TechKey, value: string): string {
  const entry = TECHNOLOGIES[key]?.[value];
  return entry?.short ?? entry?.label ?? value;
}
