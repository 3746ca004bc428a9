// DIR-5 and INFRA-4: a microservices system is planned as one deployable per service (its own entry point,
// configuration, manifest, image, migrations of its own data, API contract and tests), the events' shared
// contracts, and deployment rows per service; every other architecture keeps the one application.

import { describe, expect, it } from 'vitest';
import { folderStructure } from '../../src/derive/catalog/folders.js';
import { treeOrder } from '../../src/derive/plan/folders.js';
import { modelFrom } from './plan-fixture.js';

const shop = `
entities:
  - name: User
    fields: [{ name: email, type: email, required: true }]
  - name: Product
    fields: [{ name: title, type: string, max_length: 80 }]
  - name: Order
    fields:
      - { name: user_id, type: uuid, required: true, references: User }
      - { name: product_id, type: uuid, required: true, references: Product }
integrations:
  - { name: PaymentGateway, timeout_ms: 5000, retry: none, idempotent: true }
modules:
  - { name: accounts, entities: [User] }
  - { name: catalogue, entities: [Product] }
  - { name: ordering, entities: [Order] }
resources:
  - { entity: User, operations: [create, get] }
  - { entity: Product, operations: [create, get] }
endpoints:
  - { method: POST, path: /orders, entity: Order, request: [user_id, product_id], integrations: [PaymentGateway] }
`;
const nest = '{ language: typescript, framework: nestjs, database: postgresql, architecture: microservices, queue: rabbitmq, cloud: azure, compute: kubernetes, iac: pulumi }';
const paths = (m: ReturnType<typeof modelFrom>): string[] => m.plan.layout.folders.map((f) => f.path);
const purpose = (m: ReturnType<typeof modelFrom>, path: string): string => m.plan.layout.folders.find((f) => f.path === path)?.purpose ?? `(no ${path})`;

describe('DIR-5: one deployable per service', () => {
  it('TypeScript/NestJS: each service its own app, image, manifest, migrations and tests; no root application', () => {
    const m = modelFrom(shop, nest);
    expect(m.plan.layout.deployables.map((d) => d.name)).toEqual(['accounts', 'catalogue', 'ordering']);
    const p = paths(m);
    expect(p).not.toContain('src/main.ts');
    expect(p).not.toContain('migrations/');
    for (const svc of ['accounts', 'catalogue', 'ordering']) {
      for (const f of ['package.json', 'Dockerfile', 'src/main.ts', 'src/app.module.ts', 'src/config/', `src/${svc}/`, 'src/database/', 'src/queue/', 'migrations/', 'api/', 'test/']) {
        expect(p).toContain(`services/${svc}/${f}`);
      }
      // Only its own feature module: no service holds another's.
      for (const other of ['accounts', 'catalogue', 'ordering'].filter((x) => x !== svc)) expect(p).not.toContain(`services/${svc}/src/${other}/`);
    }
    expect(purpose(m, 'services/ordering/src/app.module.ts')).toBe('Root module: imports the configuration, the database and its one feature module, ordering');
    expect(purpose(m, 'services/ordering/migrations/')).toBe('Numbered SQL migrations of its own tables only (orders), applied before each of its deploys');
    expect(purpose(m, 'services/accounts/src/database/')).toBe('PostgreSQL connection, transactions and health check: its own database only');
    // The integration client lives in the one service that calls it; its tests stub it and the services it calls.
    expect(p.filter((x) => x.endsWith('integrations/payment-gateway/'))).toEqual(['services/ordering/src/integrations/payment-gateway/']);
    expect(purpose(m, 'services/ordering/test/')).toBe("Integration and end-to-end tests against a real PostgreSQL and stubs of PaymentGateway and the accounts and catalogue services' APIs");
    expect(purpose(m, 'services/accounts/test/')).toBe('Integration and end-to-end tests against a real PostgreSQL');
    // The shared contracts: one folder per publishing service, its events named.
    expect(purpose(m, 'packages/contracts/src/ordering/')).toBe('Events ordering publishes: order.created');
    expect(purpose(m, 'packages/contracts/')).toMatch(/^Shared workspace package .*over RabbitMQ/);
    expect(purpose(m, 'package.json')).toBe('npm workspaces: the services and the contracts; each service still builds and ships on its own');
    expect(purpose(m, 'infra/')).toBe('Pulumi definitions of the Microsoft Azure resources, one stack per environment: the shared resources, then one deployment per service');
    // Tree order: each service's entries under its own folder, the contracts and infrastructure after the services.
    expect(p.indexOf('services/catalogue/')).toBeGreaterThan(p.indexOf('services/accounts/test/'));
    expect(p.indexOf('packages/contracts/')).toBeGreaterThan(p.indexOf('services/ordering/test/'));
  });

  it('Go on virtual machines without IaC: go.mod and deploy scripts per service, go.work and the contracts module at the root', () => {
    const m = modelFrom(shop, '{ language: go, database: mysql, architecture: microservices, queue: kafka, cloud: on-prem, compute: vm, iac: none }');
    const p = paths(m);
    expect(p).toEqual(expect.arrayContaining(['go.work', 'contracts/', 'contracts/ordering/', 'services/ordering/go.mod', 'services/ordering/cmd/api/', 'services/ordering/internal/ordering/', 'services/ordering/deploy/', 'services/ordering/migrations/']));
    expect(p).not.toContain('cmd/api/');
    expect(p.some((x) => x.endsWith('Dockerfile'))).toBe(false);
    // Without IaC the deploy/ scripts hold the unit; no unit file beside them.
    expect(p.some((x) => x.endsWith('.service'))).toBe(false);
    expect(purpose(m, 'services/catalogue/migrations/')).toBe('Numbered SQL migrations (up and down) of its own tables only (products), applied before each of its deploys');
  });

  it('Python on MongoDB: schema of its own collections; a service without entities gets no database folders', () => {
    const body = `${shop}  - { method: POST, path: /webhooks/payments, auth: none, request: raw, status: 202 }\n`;
    const m = modelFrom(body, '{ language: python, framework: fastapi, database: mongodb, architecture: microservices, queue: kafka, cloud: gcp, compute: cloud-run }');
    expect(m.plan.layout.deployables.map((d) => [d.name, d.entities])).toEqual([['accounts', ['User']], ['catalogue', ['Product']], ['ordering', ['Order']], ['webhook', []]]);
    const p = paths(m);
    expect(p).toEqual(expect.arrayContaining(['services/accounts/pyproject.toml', 'services/accounts/Dockerfile', 'services/accounts/app/main.py', 'services/accounts/schema/', 'contracts/src/contracts/accounts/']));
    expect(purpose(m, 'services/accounts/schema/')).toBe('Collections, JSON Schema validators and indexes for MongoDB, applied before each of its deploys: its own collections only (users)');
    expect(purpose(m, 'services/accounts/app/main.py')).toBe('Creates the FastAPI app and includes the accounts router');
    expect(p.filter((x) => x.startsWith('services/webhook/') && /\/(db|schema)\/$/.test(x))).toEqual([]);
    expect(purpose(m, 'services/webhook/')).toBe('Service webhook (no entities): built, deployed, scaled on its own; owns no collections');
  });

  it('without a queue: no contracts package, the services reach each other through their APIs', () => {
    const m = modelFrom(shop, '{ language: typescript, database: postgresql, architecture: microservices }');
    const p = paths(m);
    expect(p.some((x) => x.includes('contracts'))).toBe(false);
    expect(p.some((x) => x.endsWith('/queue/'))).toBe(false);
    expect(purpose(m, 'package.json')).toBe('npm workspaces: the services; each service still builds and ships on its own');
    expect(purpose(m, 'services/accounts/')).toBe('Service accounts (User): built, deployed, scaled and migrated on its own; owns its tables (users); the other services reach them only through its API');
  });

  it('every framework gets its own entry point and manifest per service', () => {
    const cases: [string, string, string][] = [
      ['{ language: go, framework: gin, database: postgresql, architecture: microservices }', 'cmd/api/', 'go.mod'],
      ['{ language: typescript, framework: express, database: postgresql, architecture: microservices }', 'src/server.ts', 'package.json'],
      ['{ language: typescript, framework: fastify, database: postgresql, architecture: microservices }', 'src/server.ts', 'package.json'],
      ['{ language: python, framework: django, database: postgresql, architecture: microservices }', 'manage.py', 'pyproject.toml'],
      ['{ language: python, framework: flask, database: postgresql, architecture: microservices }', 'app/__init__.py', 'pyproject.toml'],
    ];
    for (const [stack, entry, manifest] of cases) {
      const p = paths(modelFrom(shop, stack));
      for (const svc of ['accounts', 'catalogue', 'ordering']) expect(p, stack).toEqual(expect.arrayContaining([`services/${svc}/${entry}`, `services/${svc}/${manifest}`, `services/${svc}/Dockerfile`]));
    }
  });

  it('one module, or any other architecture: the one application, unchanged', () => {
    const one = `
entities: [{ name: Note, fields: [{ name: body, type: text }] }]
resources: [{ entity: Note, operations: [create] }]`;
    const single = modelFrom(one, '{ language: go, database: postgresql, architecture: microservices }');
    expect(single.plan.layout.deployables).toEqual([]);
    expect(paths(single)).toContain('cmd/api/');
    for (const architecture of ['monolith', 'modular-monolith', 'event-driven', 'serverless']) {
      const m = modelFrom(shop, `{ language: typescript, framework: nestjs, database: postgresql, architecture: ${architecture}, queue: rabbitmq }`);
      expect(m.plan.layout.deployables, architecture).toEqual([]);
      expect(m.plan.layout.folders, architecture).toEqual(treeOrder(folderStructure(m.stack, m.modules, m.integrations.map((i) => i.name), m.integrations)));
      expect(paths(m).some((x) => x.startsWith('services/')), architecture).toBe(false);
    }
  });
});

describe('INFRA-4: deployment rows per service', () => {
  it('Kubernetes: a Deployment per service, one database per service on the shared server', () => {
    const m = modelFrom(shop, nest);
    const rows = (c: string) => m.plan.infrastructure.filter((r) => r.component === c);
    expect(rows('compute').map((r) => r.service)).toEqual([
      'AKS cluster',
      'The accounts service on Kubernetes (Deployment and Service)',
      'The catalogue service on Kubernetes (Deployment and Service)',
      'The ordering service on Kubernetes (Deployment and Service)',
    ]);
    expect(rows('compute')[3]!.purpose).toBe('Runs the ordering service (Order), deployed and scaled apart from the others');
    expect(rows('identity').map((r) => [r.service, r.purpose])).toEqual([['User-assigned managed identity', 'Least-privilege identity per service: each reaches its own secrets, database, queue and logs only']]);
    expect(rows('database').map((r) => r.purpose)).toEqual(["One database per service (accounts, catalogue and ordering), each reached only with its own service's credentials: encrypted at rest, automated backups"]);
    expect(rows('entry')[0]!.purpose).toBe('Public HTTPS entry point: TLS termination, routing each path to the service that owns it, request limits');
    expect(rows('secrets')[0]!.purpose).toMatch(/; each service reads only its own$/);
  });

  it('Lambda, ECR and DynamoDB: functions and an image repository per service, a table per service', () => {
    const m = modelFrom(shop, '{ language: go, database: dynamodb, architecture: microservices, compute: lambda, iac: sam }');
    expect(m.plan.infrastructure.filter((r) => r.component === 'compute').map((r) => r.service)).toEqual(['accounts', 'catalogue', 'ordering'].map((x) => `AWS Lambda functions of the ${x} service`));
    expect(m.plan.infrastructure.find((r) => r.component === 'database')!.purpose).toMatch(/^One table per service \(accounts, catalogue and ordering\)/);
    const ecs = modelFrom(shop, '{ language: go, database: postgresql, architecture: microservices }');
    expect(ecs.plan.infrastructure.filter((r) => r.component === 'registry').map((r) => r.service)).toEqual(['accounts', 'catalogue', 'ordering'].map((x) => `Amazon ECR repository of the ${x} service`));
  });

  it('a modular monolith keeps one row each', () => {
    const m = modelFrom(shop, nest.replace('microservices', 'modular-monolith'));
    expect(m.plan.infrastructure.filter((r) => r.component === 'compute').map((r) => r.service)).toEqual(['AKS cluster', 'The service on Kubernetes (Deployment and Service)']);
    expect(m.plan.infrastructure.find((r) => r.component === 'database')!.purpose).toBe('Primary data store: encrypted at rest, automated backups');
  });
});

describe('PH-5: the foundation per service', () => {
  it('a skeleton, a pipeline and a database per service; the one application keeps its single tasks', () => {
    const tasks = modelFrom(shop, nest).plan.phases[0]!.tasks;
    expect(tasks[0]).toBe('Project skeleton for each of the 3 services (accounts, catalogue and ordering): TypeScript (Node.js) with NestJS on Kubernetes, its own configuration and health check');
    expect(tasks[1]).toBe('CI pipeline per service: build, test, scan and deploy each service on its own, on every merge that changes it');
    expect(tasks.at(-1)).toBe("Database (PostgreSQL): a database and credentials per service, backups, and each service's migrations in its own pipeline");
    const dynamo = modelFrom(shop, '{ language: go, database: dynamodb, architecture: microservices, compute: lambda, iac: sam }').plan.phases[0]!.tasks;
    expect(dynamo.at(-1)).toBe("Database (Amazon DynamoDB): a table per service, backups, and each table's key design (partition and sort key) and global secondary indexes applied from its own service's pipeline");
    const modular = modelFrom(shop, nest.replace('microservices', 'modular-monolith')).plan.phases[0]!.tasks;
    expect(modular[1]).toBe('CI pipeline: build, test, scan and deploy on every merge');
    expect(modular.at(-1)).toBe('Database (PostgreSQL): backups and migrations in the pipeline');
  });
});

// A service that owns no data (DIR-5, PH-5, INFRA-3): a group of entity-less endpoints, here a webhook that
// calls the payment gateway, deployed beside three services that own their tables or collections.
const withWebhook = `${shop.replace('integrations: [PaymentGateway] }', 'integrations: [PaymentGateway] }\n  - { method: POST, path: /webhooks/payments, auth: none, request: raw, status: 202, integrations: [PaymentGateway] }')}`;
const everyLayout: string[] = [
  '{ language: go, framework: chi }', '{ language: go, framework: gin, compute: lambda }', '{ language: go, framework: none, cloud: on-prem, compute: vm, iac: none }',
  '{ language: typescript, framework: express }', '{ language: typescript, framework: fastify, compute: lambda }', '{ language: typescript, framework: nestjs, cloud: azure, compute: kubernetes, iac: pulumi }',
  '{ language: python, framework: fastapi, cloud: gcp, compute: cloud-run }', '{ language: python, framework: django }', '{ language: python, framework: flask, compute: lambda }',
];
const withStack = (layout: string, database: string, queue: string): string => layout.replace(/ }$/, `, database: ${database}, queue: ${queue}, architecture: microservices }`);
/** Any word that gives a service a store of its own: a repository or models file, its database, migrations, schema, outbox, backups or credentials. */
const DATA_WORDS = /repository\.(go|py)|repository,|\bmodels?\.(go|py)|\bmodels\b|database|PostgreSQL|MongoDB|migration|schema\/|validators|outbox|backup|credential/i;

describe('DIR-5: a service that owns no data', () => {
  it('every layout, relational or document, with or without a queue: no repository, models, database, migrations, schema or outbox in its deployable', () => {
    for (const layout of everyLayout) {
      for (const [database, queue] of [['postgresql', 'rabbitmq'], ['mongodb', 'kafka'], ['postgresql', 'none']] as const) {
        const stack = withStack(layout, database, queue);
        const m = modelFrom(withWebhook, stack);
        expect(m.plan.layout.deployables.map((d) => [d.name, d.owned]), stack).toEqual([['accounts', ['users']], ['catalogue', ['products']], ['ordering', ['orders']], ['webhook', []]]);
        const inside = m.plan.layout.folders.filter((f) => f.path.startsWith('services/webhook/') && f.path !== 'services/webhook/');
        expect(inside.length, stack).toBeGreaterThan(3);
        for (const f of inside) expect(`${f.path} ${f.purpose}`, stack).not.toMatch(DATA_WORDS);
        // The services that own data keep theirs: the words are not simply gone from the layout.
        expect(m.plan.layout.folders.filter((f) => f.path.startsWith('services/ordering/')).some((f) => DATA_WORDS.test(f.purpose)), stack).toBe(true);
      }
    }
  });

  it('its feature folder, tests and queue in the service wording: FastAPI on MongoDB with Kafka', () => {
    const m = modelFrom(withWebhook, withStack(everyLayout[6]!, 'mongodb', 'kafka'));
    expect(purpose(m, 'services/webhook/app/webhook/')).toBe('Service webhook (no entities): router.py, schemas.py (Pydantic), service.py');
    expect(purpose(m, 'services/webhook/tests/')).toBe('pytest suites: unit tests per service, integration tests of its endpoints, with stubs of PaymentGateway');
    expect(purpose(m, 'services/webhook/app/queue/')).toBe('Publisher and consumers for Apache Kafka with the payloads of the shared contracts and the dead-letter handling; with no data of its own, it publishes each message directly');
    // A service with data keeps the outbox and its real database.
    expect(purpose(m, 'services/ordering/app/queue/')).toBe('Publisher and consumers for Apache Kafka with the payloads of the shared contracts, the transactional outbox and the dead-letter handling');
    expect(purpose(m, 'services/ordering/tests/')).toBe("pytest suites: unit tests per service, integration tests against a real MongoDB and stubs of PaymentGateway and the accounts and catalogue services' APIs");
    expect(purpose(m, 'services/webhook/')).toBe('Service webhook (no entities): built, deployed, scaled on its own; owns no collections');
  });

  it('the entry points and root modules open no database: Go, NestJS, Express, Django', () => {
    const go = modelFrom(withWebhook, withStack(everyLayout[0]!, 'postgresql', 'none'));
    expect(purpose(go, 'services/webhook/cmd/api/')).toBe('main package: reads the configuration, builds the chi router and serves HTTP');
    expect(purpose(go, 'services/webhook/internal/webhook/')).toBe('Service webhook (no entities): handler.go (HTTP), service.go (rules), tests beside each file');
    expect(purpose(go, 'services/webhook/test/integration/')).toBe('Integration tests of its endpoints, with stubs of PaymentGateway');
    expect(purpose(go, 'services/accounts/cmd/api/')).toBe('main package: reads the configuration, opens PostgreSQL, builds the chi router and serves HTTP');
    const nestjs = modelFrom(withWebhook, withStack(everyLayout[5]!, 'postgresql', 'rabbitmq'));
    expect(purpose(nestjs, 'services/webhook/src/app.module.ts')).toBe('Root module: imports the configuration and its one feature module, webhook');
    expect(purpose(nestjs, 'services/webhook/src/webhook/')).toBe('Service webhook (no entities): module, controller, service, dto/ (validated request types), tests beside each file');
    expect(purpose(nestjs, 'services/webhook/test/')).toBe('Integration and end-to-end tests of its endpoints, with stubs of PaymentGateway');
    const express = modelFrom(withWebhook, withStack(everyLayout[3]!, 'postgresql', 'none'));
    expect(purpose(express, 'services/webhook/src/server.ts')).toBe('Starts the HTTP server: configuration, app');
    const django = modelFrom(withWebhook, withStack(everyLayout[7]!, 'postgresql', 'none'));
    expect(purpose(django, 'services/webhook/manage.py')).toBe('Django command line: checks, the development server');
    expect(purpose(django, 'services/webhook/apps/webhook/')).toBe('Service webhook (no entities): serializers.py, views.py, urls.py, services.py, tests/');
  });

  it('INFRA-3: the identity row says which services reach no database; unchanged when every service owns data', () => {
    const m = modelFrom(withWebhook, nest);
    expect(m.plan.infrastructure.find((r) => r.component === 'identity')!.purpose).toBe('Least-privilege identity per service: each reaches its own secrets, database, queue and logs only (webhook owns no data, so no database)');
    expect(modelFrom(shop, nest).plan.infrastructure.find((r) => r.component === 'identity')!.purpose).toBe('Least-privilege identity per service: each reaches its own secrets, database, queue and logs only');
  });
});

describe('PH-5: a service that owns no data gets no database', () => {
  it('the database task names the services that own data and those that own none', () => {
    expect(modelFrom(withWebhook, nest).plan.phases[0]!.tasks.at(-1)).toBe("Database (PostgreSQL): a database and credentials for each of the 3 services that own data (accounts, catalogue and ordering; webhook owns none), backups, and each one's migrations in its own pipeline");
    expect(modelFrom(withWebhook, withStack(everyLayout[6]!, 'mongodb', 'kafka')).plan.phases[0]!.tasks.at(-1)).toBe("Database (MongoDB): a database and credentials for each of the 3 services that own data (accounts, catalogue and ordering; webhook owns none), backups, and each one's collections, JSON Schema validators and indexes applied from its own pipeline");
    expect(modelFrom(withWebhook, '{ language: go, database: dynamodb, architecture: microservices, compute: lambda, iac: sam }').plan.phases[0]!.tasks.at(-1)).toBe("Database (Amazon DynamoDB): a table for each of the 3 services that own data (accounts, catalogue and ordering; webhook owns none), backups, and each table's key design (partition and sort key) and global secondary indexes applied from its own service's pipeline");
  });

  it('one service with data: "the one service"; none with data: no database for any', () => {
    const one = `
entities: [{ name: Note, fields: [{ name: body, type: text }] }]
modules: [{ name: notes, entities: [Note] }]
resources: [{ entity: Note, operations: [create] }]
endpoints:
  - { method: POST, path: /webhooks/mail, auth: none, request: raw }
`;
    expect(modelFrom(one, '{ language: go, database: mysql, architecture: microservices }').plan.phases[0]!.tasks.at(-1)).toBe('Database (MySQL): a database and credentials for the one service that owns data (notes; webhook owns none), backups, and its migrations in its own pipeline');
    const none = `
entities: []
endpoints:
  - { method: POST, path: /webhooks/mail, auth: none, request: raw }
  - { method: GET, path: /health/live, auth: none }
`;
    const m = modelFrom(none, '{ language: go, database: mysql, architecture: microservices }');
    expect(m.plan.layout.deployables.map((d) => d.name)).toEqual(['webhook', 'health']);
    expect(m.plan.phases[0]!.tasks.at(-1)).toBe('Database (MySQL): no service owns data (webhook and health), so none gets a database, credentials or backups until one does');
  });
});
