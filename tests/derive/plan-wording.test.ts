// WORD-1 to WORD-6: the stack choices in the plans' prose are decided in the engine (plan.wording), so no
// template picks a sentence by comparing a stack value.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const body = `
entities:
  - { name: Note, fields: [{ name: title, type: string, max_length: 80 }] }
resources: [{ entity: Note, operations: [list, create] }]
`;
const words = (stack: string) => modelFrom(body, stack).plan.wording;

describe('WORD-1 hosting', () => {
  it('on premises, never "on On-premises"', () => {
    expect(words('{ language: go, database: sqlite, cloud: on-prem, compute: vm }').hosting).toBe('on premises');
  });
  it('a cloud by its catalog label', () => {
    expect(words('{ language: go, database: postgresql, cloud: aws }').hosting).toBe('on Amazon Web Services');
    expect(words('{ language: go, database: postgresql, cloud: gcp }').hosting).toBe('on Google Cloud');
  });
});

describe('WORD-2 framework', () => {
  it('without one (Go), the standard library in each place\'s words', () => {
    const w = words('{ language: go, framework: none, database: postgresql }');
    expect(w.framework).toBe('standard library');
    expect(w.frameworkObject).toBe('the Go standard library (net/http)');
    expect(w.languageAndFramework).toBe('Go standard library (net/http)');
    expect(w.server).toBe('Go standard library');
    expect(w.handlers).toBe('standard-library');
  });
  it('with one, its label', () => {
    const w = words('{ language: typescript, framework: nestjs, database: postgresql }');
    expect([w.framework, w.frameworkObject, w.server, w.handlers]).toEqual(['NestJS', 'NestJS', 'NestJS', 'NestJS']);
    expect(w.languageAndFramework).toBe('TypeScript (Node.js) with NestJS');
  });
});

describe('WORD-3 authentication', () => {
  it('auth none: no authentication, every endpoint public', () => {
    const w = words('{ language: go, database: postgresql, auth: none }');
    expect(w.auth).toBe('none');
    expect(w.authBrief).toBe('no authentication');
    expect(w.authentication).toBe('none: every endpoint is public');
    expect(w.requestCredentials).toBe('no endpoint asks for credentials');
    expect(w.credentialsCheck).toBe('none: every endpoint is public');
    expect(w.securityCheck).toContain('no authentication in the answers');
  });
  it('a scheme by its label', () => {
    const w = words('{ language: go, database: postgresql, auth: api-key }');
    expect(w.auth).toBe('API keys');
    expect(w.authBrief).toBe('auth API keys');
    expect(w.authentication).toBe('API keys');
    expect(w.requestCredentials).toBe('credentials: API keys');
    expect(w.credentialsCheck).toBe('API keys; keep one caller per role the endpoints name');
    expect(w.securityCheck).toBe('requests without credentials and with the wrong role refused, inputs rejected as below');
  });
});

describe('WORD-4 infrastructure as code', () => {
  it('iac none: no tool', () => {
    const w = words('{ language: go, database: postgresql, iac: none }');
    expect([w.iac, w.iacWith, w.iacBrief]).toEqual(['no infrastructure-as-code tool', 'no infrastructure-as-code tool', 'no IaC tool']);
  });
  it('a tool by its label', () => {
    const w = words('{ language: go, database: postgresql, iac: terraform }');
    expect([w.iac, w.iacWith, w.iacBrief]).toEqual(['infrastructure as code: Terraform', 'infrastructure as code with Terraform', 'IaC Terraform']);
  });
});

describe('WORD-5 queue', () => {
  it('what to watch follows how the queue keeps its messages', () => {
    expect(words('{ language: go, database: postgresql, queue: kafka }').queueMetrics).toBe('consumer lag and the dead-letter topic depth');
    expect(words('{ language: go, database: postgresql, queue: redis }').queueMetrics).toBe('pending entries and the dead-letter stream length');
    expect(words('{ language: go, database: postgresql, queue: sqs }').queueMetrics).toBe('age of the oldest message and the dead-letter queue depth');
    expect(words('{ language: go, database: postgresql, queue: rabbitmq }').queueMetrics).toBe('age of the oldest message and the dead-letter queue depth');
    expect(words('{ language: go, database: postgresql }').queueMetrics).toBe('');
  });
  it('what the requests leave to it', () => {
    expect(words('{ language: go, database: postgresql, queue: sqs }').queueEffects).toBe('writes publish their events on Amazon SQS after the commit');
    expect(words('{ language: go, database: postgresql }').queueEffects).toBe('no queue: every effect happens within the request');
  });
  it('the health checks name the database, then the cache and the queue when chosen', () => {
    expect(words('{ language: go, database: postgresql }').healthChecks).toBe('the database');
    expect(words('{ language: go, database: postgresql, queue: sqs }').healthChecks).toBe('the database and the queue');
    expect(words('{ language: go, database: postgresql, cache: redis, queue: sqs }').healthChecks).toBe('the database, the cache and the queue');
  });
});

describe('WORD-6 between modules', () => {
  it('microservices: a network call or an event, never a shared container', () => {
    expect(words('{ language: go, database: mongodb, architecture: microservices }').moduleBoundary).toBe('each crossing is a network call or an event, never a shared collection; see the risks below');
  });
  it('event-driven: an in-process read for now, pointing to the coupling risk', () => {
    const w = words('{ language: go, database: postgresql, architecture: event-driven, queue: kafka }');
    expect(w.moduleBoundary).toMatch(/^for now a synchronous in-process read through the owning module's service, never its tables, /);
    expect(w.moduleBoundary).toContain("risk 'References across module boundaries'");
  });
  it('event-driven: the risk it points to is the one that fires, by its title', () => {
    const crossing = `
modules:
  - { name: catalog, entities: [Product] }
  - { name: orders, entities: [Order] }
entities:
  - { name: Product, fields: [{ name: title, type: string, max_length: 80 }] }
  - { name: Order, fields: [{ name: product_id, type: uuid, references: Product, on_delete: restrict }] }
resources: [{ entity: Order, operations: [create] }]
`;
    const m = modelFrom(crossing, '{ language: go, database: postgresql, architecture: event-driven, queue: kafka }');
    const risk = m.plan.risks.find((r) => r.id === 'RISK-MODULE-COUPLING');
    expect(risk).toBeDefined();
    expect(m.plan.wording.moduleBoundary).toContain(`risk '${risk!.title}'`);
  });
  it('a monolith: an in-process call', () => {
    for (const a of ['monolith', 'modular-monolith', 'serverless']) {
      expect(words(`{ language: go, database: postgresql, architecture: ${a} }`).moduleBoundary).toBe("an in-process call through the owning module's service, never its tables");
    }
  });
});

describe('WORD-7 access levels', () => {
  const levels = `
entities:
  - { name: Note, fields: [{ name: title, type: string, max_length: 80 }] }
endpoints:
  - { method: GET, path: /notes, entity: Note, auth: user }
  - { method: GET, path: /health, auth: none }
  - { method: DELETE, path: '/notes/{id}', entity: Note, auth: admin }
  - { method: POST, path: /notes, entity: Note, auth: user }
`;
  it('one entry per auth value in order of first use, with its endpoints and words', () => {
    const m = modelFrom(levels, '{ language: go, database: postgresql, auth: api-key }');
    expect(m.plan.access).toEqual([
      { level: 'user', endpoints: ['GET /notes', 'POST /notes'], title: 'Any authenticated caller', requirement: 'Required (any authenticated caller; API keys)', brief: 'authenticated', requiresIdentity: true },
      { level: 'none', endpoints: ['GET /health'], title: 'Public', requirement: 'None (public)', brief: 'public', requiresIdentity: false },
      { level: 'admin', endpoints: ['DELETE /notes/{id}'], title: 'Role admin', requirement: 'Required (role: admin; API keys)', brief: 'admin role', requiresIdentity: true },
    ]);
  });
  it('a required caller with stack.auth none names no scheme, never "no authentication"', () => {
    const m = modelFrom(levels, '{ language: go, database: postgresql, auth: none }');
    expect(m.plan.access[0]!.requirement).toBe('Required (any authenticated caller; no scheme chosen)');
    expect(m.plan.access.map((a) => a.requirement).join(' ')).not.toContain('no authentication');
  });
});

describe('WORD-8 the database schema and its migrations', () => {
  it('relational: schema.sql and numbered migrations, in the tests and before each deploy', () => {
    const w = words('{ language: go, database: postgresql, cloud: aws, compute: ecs, iac: terraform }');
    expect(w.schemaIntro).toBe('PostgreSQL (relational: schema.sql holds the DDL); tables in dependency order, referenced before referencing.');
    expect(w.databaseLine).toBe('PostgreSQL (relational: the DDL is in `schema.sql`)');
    expect(w.testTarget).toBe('PostgreSQL with the migrations applied');
    expect(w.deployment).toMatch(/; infrastructure as code: Terraform\. Migrations run before each new version takes traffic\.$/);
    expect(w.schemaChanges).toBe('a new numbered migration per change, never an edit of an applied one');
  });
  it('MongoDB: its collections and validators under version control, never a migration or schema.sql', () => {
    const w = words('{ language: go, database: mongodb, cloud: gcp, iac: none }');
    expect(w.schemaIntro).toBe('MongoDB (document): collections with validators, references as ids, indexes per query. The collections below come in dependency order, referenced before referencing.');
    expect(w.databaseLine).toBe('MongoDB');
    expect(w.schemaChanges).toBe('collections, JSON Schema validators and indexes under version control, applied before each deploy (MongoDB)');
    for (const text of [w.testTarget, w.deployment, w.schemaChanges, w.databaseLine]) expect(text).not.toMatch(/migration|schema\.sql|DDL/);
    expect(w.deployment).toMatch(/ on Google Cloud; no infrastructure-as-code tool\.$/);
  });
});

describe('WORD-9 the optional parts', () => {
  it('a local queue in the integration tests only with a queue', () => {
    expect(words('{ language: go, database: postgresql, queue: sqs }').testTarget).toBe('PostgreSQL with the migrations applied and a local Amazon SQS');
  });
  it('the no-cache note only without a cache', () => {
    expect(words('{ language: go, database: postgresql }').noCache).toBe('No cache in the stack: reads go to PostgreSQL, so its indexes above carry the read load.');
    expect(words('{ language: go, database: postgresql, cache: redis }').noCache).toBe('');
  });
  it('what goes through the queue: the events after the commit, or the queued requests when no write publishes one', () => {
    expect(words('{ language: go, database: postgresql }').asyncProcessing).toBe('');
    expect(words('{ language: go, database: dynamodb, queue: sqs }').asyncProcessing).toBe('Asynchronous processing through Amazon SQS: the events under Data Architecture, published after the commit (DynamoDB Streams).');
    const queuedOnly = modelFrom(`
entities:
  - { name: Note, fields: [{ name: title, type: string, max_length: 80 }] }
endpoints:
  - { method: POST, path: /hooks/x, auth: none, request: raw }
`, '{ language: go, database: postgresql, queue: sqs }');
    expect(queuedOnly.plan.events).toEqual([]);
    expect(queuedOnly.plan.wording.asyncProcessing).toBe('Asynchronous processing through Amazon SQS: the requests the endpoints queue for a consumer.');
  });
});

describe('STORE-1 page, added index and no-index words', () => {
  const storage = (db: string) => modelFrom(body, `{ language: go, database: ${db} }`).plan.storage;
  it('per kind of store', () => {
    expect([storage('postgresql').whole, storage('mongodb').whole, storage('dynamodb').whole, storage('neo4j').whole]).toEqual(['table', 'collection', 'table', 'graph']);
    expect([storage('postgresql').indexedReference, storage('mongodb').indexedReference, storage('dynamodb').indexedReference]).toEqual(['foreign key', 'reference', 'reference']);
    expect([storage('postgresql').noIndexes, storage('dynamodb').noIndexes, storage('neo4j').noIndexes]).toEqual(['the primary key only', 'none beyond the key', 'the primary key only']);
  });
});

describe('WORD-2 the libraries to leverage', () => {
  it('the framework and the observability tools by catalog label', () => {
    expect(words('{ language: typescript, framework: nestjs, database: postgresql, observability: [opentelemetry, prometheus] }').leverage).toBe('Frameworks and libraries to leverage: NestJS, OpenTelemetry, Prometheus.');
  });
  it('without a framework, the standard library and the tools by label, never their answer ids', () => {
    expect(words('{ language: go, framework: none, database: postgresql, observability: [opentelemetry] }').leverage).toBe('Libraries to leverage: the Go standard library, OpenTelemetry.');
    expect(words('{ language: go, framework: none, database: postgresql, observability: [] }').leverage).toBe('');
  });
});

describe('WORD-6 service ownership', () => {
  it('only for microservices, in the store\'s words', () => {
    expect(words('{ language: go, database: mongodb, architecture: microservices }').serviceOwnership).toBe('Each module is a service of its own: it owns its collections, and other services reach its data through its API or its events.');
    expect(words('{ language: go, database: postgresql, architecture: modular-monolith }').serviceOwnership).toBe('');
  });
});

describe('WORD-10 the data stores in a stack line', () => {
  it('the database alone', () => {
    const w = words('{ language: go, database: postgresql }');
    expect([w.stores, w.storesAs, w.storing]).toEqual(['PostgreSQL', 'PostgreSQL', 'PostgreSQL']);
  });
  it('with a cache and a queue, each named only when chosen', () => {
    const both = words('{ language: go, database: postgresql, cache: redis, queue: sqs }');
    expect(both.stores).toBe('PostgreSQL, Redis cache, Amazon SQS queue');
    expect(both.storesAs).toBe('PostgreSQL, Redis as cache and Amazon SQS as queue');
    expect(both.storing).toBe('PostgreSQL, caching in Redis, with Amazon SQS for asynchronous work');
    const queue = words('{ language: go, database: postgresql, queue: sqs }');
    expect([queue.stores, queue.storesAs]).toEqual(['PostgreSQL, Amazon SQS queue', 'PostgreSQL and Amazon SQS as queue']);
    expect(words('{ language: go, database: postgresql, cache: redis }').storing).toBe('PostgreSQL, caching in Redis');
  });
});

describe('WORD-11 names of the language, the cloud and the IaC tool', () => {
  it('the language and the cloud by the catalog short name; on premises by its label', () => {
    const w = words('{ language: typescript, database: postgresql, cloud: aws }');
    expect([w.language, w.cloud]).toEqual(['TypeScript', 'AWS']);
    expect(words('{ language: python, database: postgresql, cloud: gcp }').cloud).toBe('GCP');
    expect(words('{ language: go, database: sqlite, cloud: on-prem, compute: vm }').cloud).toBe('On-premises');
  });
  it('the IaC tool by its catalog label (was `CloudFormation`), the resources spelled by the tool that names them', () => {
    const w = words('{ language: go, database: postgresql, cloud: aws, iac: cloudformation }');
    expect([w.iacName, w.resourceTool, w.resourceColumn, w.resourcesNamed]).toEqual(['AWS CloudFormation', 'AWS CloudFormation', 'AWS CloudFormation resource', true]);
    const elsewhere = words('{ language: go, database: postgresql, cloud: gcp, iac: cdk }');
    expect([elsewhere.iacName, elsewhere.resourceTool, elsewhere.resourceColumn]).toEqual(['AWS CDK', 'Terraform', 'Terraform resource']);
  });
  it('without a tool: Provisioning, resources not named', () => {
    const w = words('{ language: go, database: sqlite, cloud: on-prem, compute: vm, iac: none }');
    expect([w.iacName, w.resourceTool, w.resourceColumn, w.resourcesNamed]).toEqual(['no IaC tool', 'no IaC tool', 'Provisioning', false]);
  });
});

describe('WORD-3 what the secret store holds', () => {
  it('signing keys only where the service signs', () => {
    expect(words('{ language: go, database: postgresql, auth: jwt }').secretsHeld).toBe('credentials and signing keys');
    expect(words('{ language: go, database: postgresql, auth: session }').secretsHeld).toBe('credentials and signing keys');
    expect(words('{ language: go, database: postgresql, auth: oidc }').secretsHeld).toBe('credentials and the identity provider client secret');
    expect(words('{ language: go, database: postgresql, auth: api-key }').secretsHeld).toBe('credentials');
    expect(words('{ language: go, database: postgresql, auth: none }').secretsHeld).toBe('credentials');
  });
});

describe('WORD-11 the observability tools', () => {
  it('by catalog label in answer order, an unknown tool as written', () => {
    expect(words('{ language: go, database: postgresql, observability: [otel, cloudwatch, cloud-trace] }').observability).toEqual(['OpenTelemetry', 'Amazon CloudWatch', 'cloud-trace']);
    expect(words('{ language: go, database: postgresql, observability: [] }').observability).toEqual([]);
  });
});
