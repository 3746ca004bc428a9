// The answers file (version 1) as it reads after schema validation: the user's words, nothing filled in.
// shared/spec/answers.md is the intent; schemas/answers.schema.json is the authority.

export const LANGUAGES = ['go', 'typescript', 'python'] as const;
export const ARCHITECTURES = ['monolith', 'modular-monolith', 'microservices', 'serverless', 'event-driven'] as const;
export const DATABASES = ['postgresql', 'mysql', 'sqlite', 'dynamodb', 'mongodb', 'neo4j'] as const;
export const CACHES = ['redis', 'memcached', 'none'] as const;
export const QUEUES = ['sqs', 'kafka', 'rabbitmq', 'redis', 'none'] as const;
export const CLOUDS = ['aws', 'gcp', 'azure', 'on-prem'] as const;
export const COMPUTES = ['lambda', 'ecs', 'eks', 'kubernetes', 'vm', 'cloud-run'] as const;
export const IACS = ['cloudformation', 'sam', 'cdk', 'terraform', 'pulumi', 'none'] as const;
export const AUTHS = ['jwt', 'oauth2', 'oidc', 'api-key', 'session', 'none'] as const;
export const FIELD_TYPES = [
  'string', 'text', 'integer', 'bigint', 'decimal', 'boolean', 'uuid',
  'date', 'datetime', 'json', 'email', 'url', 'enum',
] as const;
export const CRUD_OPERATIONS = ['list', 'get', 'create', 'update', 'delete'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const RETRY_POLICIES = ['none', 'fixed', 'exponential'] as const;
export const ON_DELETE = ['restrict', 'cascade', 'set-null'] as const;

/** Frameworks each language accepts; the first is the default. `none` means the standard library. */
export const FRAMEWORKS: Record<Language, readonly string[]> = {
  go: ['chi', 'gin', 'echo', 'none'],
  typescript: ['fastify', 'express', 'nestjs'],
  python: ['fastapi', 'django', 'flask'],
};

export type Language = (typeof LANGUAGES)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
export type Database = (typeof DATABASES)[number];
export type Cache = (typeof CACHES)[number];
export type Queue = (typeof QUEUES)[number];
export type Cloud = (typeof CLOUDS)[number];
export type Compute = (typeof COMPUTES)[number];
export type Iac = (typeof IACS)[number];
export type Auth = (typeof AUTHS)[number];
export type FieldType = (typeof FIELD_TYPES)[number];
export type CrudOperation = (typeof CRUD_OPERATIONS)[number];
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RetryPolicy = (typeof RETRY_POLICIES)[number];
export type OnDelete = (typeof ON_DELETE)[number];

export interface Answers {
  version: 1;
  project: AnswerProject;
  requirements?: AnswerRequirements;
  stack: AnswerStack;
  entities: AnswerEntity[];
  resources?: AnswerResource[];
  endpoints?: AnswerEndpoint[];
  errors?: AnswerError[];
  modules?: AnswerModule[];
  integrations?: AnswerIntegration[];
}

export interface AnswerProject {
  name: string;
  slug?: string;
  summary: string;
  platform?: string;
  team_size?: number;
  /** ISO date (YYYY-MM-DD) the work starts. */
  start?: string;
  goals?: string[];
}

export interface AnswerRequirements {
  functional?: string[];
  non_functional?: {
    latency_p95_ms?: number;
    throughput_rps?: number;
    availability?: string;
    data_retention?: string;
    compliance?: string[];
  };
}

export interface AnswerStack {
  language: Language;
  framework?: string;
  architecture?: Architecture;
  database: Database;
  cache?: Cache;
  queue?: Queue;
  cloud?: Cloud;
  compute?: Compute;
  iac?: Iac;
  auth?: Auth;
  observability?: string[];
}

export interface AnswerEntity {
  name: string;
  description?: string;
  timestamps?: boolean;
  soft_delete?: boolean;
  fields: AnswerField[];
  indexes?: AnswerIndex[];
}

export interface AnswerField {
  name: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  primary?: boolean;
  default?: string | number | boolean;
  min?: number;
  max?: number;
  max_length?: number;
  pattern?: string;
  values?: string[];
  description?: string;
  references?: string;
  on_delete?: OnDelete;
}

export interface AnswerIndex {
  fields: string[];
  unique?: boolean;
}

export interface AnswerResource {
  entity: string;
  operations: CrudOperation[];
  auth?: string;
  base_path?: string;
}

export interface AnswerEndpoint {
  method: HttpMethod;
  path: string;
  summary?: string;
  auth?: string;
  entity?: string;
  /** Field names of `entity`, `raw` for an opaque body, absent for none. */
  request?: string[] | 'raw';
  /** An entity name, or `none`; default: the endpoint's entity (a page of it when paginated). */
  response?: string;
  status?: number;
  errors?: string[];
  integrations?: string[];
  paginated?: boolean;
  rate_limit?: string;
}

export interface AnswerError {
  name: string;
  status: number;
  message: string;
  when?: string;
}

export interface AnswerModule {
  name: string;
  description?: string;
  entities: string[];
}

export interface AnswerIntegration {
  name: string;
  purpose?: string;
  protocol?: string;
  auth?: string;
  timeout_ms?: number;
  retry?: RetryPolicy;
  idempotent?: boolean;
  rate_limit?: string;
}
