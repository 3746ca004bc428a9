// QA round on a Neo4j social graph, a multi-tenant Lambda/DynamoDB API and an on-prem SQLite service with no
// auth: each finding pinned where the engine decides it.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const graph = `entities:
  - { name: User, fields: [{ name: handle, type: string, max_length: 30, unique: true }] }
  - name: Follow
    fields:
      - { name: follower_id, type: uuid, required: true, references: User }
      - { name: followee_id, type: uuid, required: true, references: User }
    indexes: [{ fields: [follower_id, followee_id], unique: true }]
resources: [{ entity: User, operations: [get, create] }, { entity: Follow, operations: [create] }]`;

describe('CHK-Q4: on Neo4j a reference is a relationship and needs no index (IDX-1)', () => {
  const q4 = (db: string) => modelFrom(graph, `{ language: typescript, database: ${db} }`).plan.checklists.quality.find((c) => c.rule === 'CHK-Q4')!;
  it('Neo4j: the box holds, and says why', () => {
    expect(q4('neo4j').holds).toBe(true);
    expect(q4('neo4j').reason).toBe('every string field has a maximum length or values, every reference a relationship (no index needed on Neo4j)');
  });
  it('a relational store still counts indexes (IDX-1 adds follows_followee_id_idx)', () => {
    expect(q4('postgresql').reason).toBe('every string field has a maximum length or values, every reference an index');
  });
});

describe('CHK-Q5: the reason names only the failures some endpoint answers with', () => {
  it('no auth, no limits, no integrations: validation, not-found and conflict only', () => {
    const m = modelFrom(graph, '{ language: go, database: sqlite, auth: none }');
    expect(m.plan.checklists.quality.find((c) => c.rule === 'CHK-Q5')!.reason).toBe('validation, not-found and conflict failures derived per endpoint; every declared error used');
  });
});

describe('RISK-NOSQL-UNIQUE: DynamoDB only, naming unique indexes too', () => {
  const risk = (db: string) => modelFrom(graph, `{ language: go, database: ${db} }`).plan.risks.find((r) => r.id === 'RISK-NOSQL-UNIQUE');
  it('Neo4j enforces uniqueness with the constraints its data-model phase creates', () => {
    expect(risk('neo4j')).toBeUndefined();
  });
  it('DynamoDB names the unique field and the unique index', () => {
    expect(risk('dynamodb')!.cause).toBe('users.handle and follows (follower_id, followee_id) must be unique, which Amazon DynamoDB does not check on its own');
  });
});

describe('NAME-2 / SVC-3: a path word that is the entity itself is no action, and a DELETE publishes deleted', () => {
  const body = `${graph.slice(0, graph.indexOf('resources:'))}endpoints:
  - { method: POST, path: '/users/{id}/follow', entity: Follow, request: [follower_id] }
  - { method: DELETE, path: '/users/{id}/follow', entity: Follow }
  - { method: DELETE, path: '/users/{id}/hold', entity: User }`;
  const m = modelFrom(body, '{ language: go, database: neo4j, queue: kafka }');
  const ep = (id: string) => m.endpoints.find((e) => e.id === id)!;
  it('POST /users/{id}/follow on Follow creates a Follow: createUserFollow, follow.created', () => {
    expect(ep('POST /users/{id}/follow').handler).toBe('createUserFollow');
    expect(m.plan.events.map((e) => `${e.endpoint} ${e.name}`)).toContain('POST /users/{id}/follow follow.created');
  });
  it('DELETE /users/{id}/follow: deleteUserFollow, and it publishes follow.deleted, not follow.followed', () => {
    expect(ep('DELETE /users/{id}/follow').handler).toBe('deleteUserFollow');
    expect(m.plan.events.map((e) => `${e.endpoint} ${e.name}`)).toContain('DELETE /users/{id}/follow follow.deleted');
  });
  it('a DELETE with a real action word keeps it in the handler, but still publishes deleted', () => {
    expect(ep('DELETE /users/{id}/hold').handler).toBe('deleteUserHold');
    expect(m.plan.events.find((e) => e.endpoint === 'DELETE /users/{id}/hold')!.name).toBe('user.deleted');
  });
});

describe('SVC-7 / SVC-10: a 202 write publishes no event, so its after-commit call is made by the consumer of the queued request', () => {
  const body = `entities:
  - { name: Invoice, fields: [{ name: total, type: integer }] }
endpoints:
  - { method: POST, path: '/invoices/{id}/send', entity: Invoice, integrations: [Mailer], status: 202 }
integrations: [{ name: Mailer, purpose: Send e-mails }]`;
  const m = modelFrom(body, '{ language: go, database: postgresql, queue: sqs }');
  const steps = m.plan.services[0]!.methods[0]!.steps;
  it('no step names an invoice.sent that nothing publishes', () => {
    expect(m.plan.events).toEqual([]);
    expect(steps.join('\n')).not.toContain('invoice.sent');
    expect(steps.find((s) => s.startsWith('Call Mailer'))).toContain('from the consumer of the queued Invoice, after its commit');
  });
  it('the data flow draws that consumer', () => {
    const flow = m.plan.dataFlows.find((f) => f.endpoint === 'POST /invoices/{id}/send')!;
    expect(flow.participants.map((p) => p.label)).toContain('Consumer of the queued Invoice');
  });
});

describe('SVC-3: a page reads by the index that serves its newest-first order', () => {
  const body = `entities:
  - { name: Tenant, fields: [{ name: slug, type: string, unique: true, max_length: 40 }] }
  - name: Invoice
    timestamps: true
    fields:
      - { name: tenant_id, type: uuid, required: true, references: Tenant }
      - { name: idempotency_key, type: string, required: true, max_length: 80 }
    indexes:
      - { fields: [tenant_id, idempotency_key], unique: true }
      - { fields: [tenant_id, created_at] }
  - { name: User, fields: [{ name: handle, type: string, max_length: 30 }] }
endpoints:
  - { method: GET, path: '/tenants/{tenant_id}/invoices', entity: Invoice, paginated: true }
  - { method: GET, path: '/users/{id}/followers', entity: User, paginated: true }`;
  const m = modelFrom(body, '{ language: go, database: dynamodb }');
  const step = (handler: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.name === handler)!.steps.find((s) => s.startsWith('Read a page'));
  it('(tenant_id, created_at), not the unique (tenant_id, idempotency_key) that happens to come first', () => {
    expect(step('listTenantInvoices')).toBe('Read a page of invoices of the Tenant by tenant_id (index invoices_tenant_id_created_at_idx)');
  });
  it('the action word says which page: the followers', () => {
    expect(step('listUserFollowers')).toBe('Read a page of users (followers)');
  });
});

describe('ERR-400 / VER-2 / VER-4: a text path key is checked by its own field, not as a UUID', () => {
  const body = `entities:
  - { name: Tenant, fields: [{ name: slug, type: string, unique: true, max_length: 40, pattern: '^[a-z0-9-]{3,40}$' }] }
  - name: Invoice
    fields: [{ name: tenant_id, type: uuid, required: true, references: Tenant }]
endpoints:
  - { method: GET, path: '/tenants/{tenant_slug}/invoices', entity: Invoice, paginated: true }`;
  const m = modelFrom(body);
  const v = m.plan.verification.endpoints[0]!;
  it('the validation step names the constraints of the slug', () => {
    expect(m.plan.services[0]!.methods[0]!.steps[0]).toBe('Validate input: the path parameter {tenant_slug} (at most 40 characters, matching ^[a-z0-9-]{3,40}$) and the pagination parameters (page size and cursor) (400 ValidationError)');
  });
  it('no `not-a-uuid` (a valid slug): a value the pattern rejects and one too long', () => {
    const bad = v.cases.filter((c) => c.kind === 'invalid').map((c) => `${c.label} ${c.value}`.trim());
    expect(bad).toEqual(['{tenant_slug} not matching ^[a-z0-9-]{3,40}$: !', '{tenant_slug} of 41 characters (max length 40)', 'An unreadable pagination cursor: not-a-cursor']);
  });
  it('the missing tenant is a slug the pattern accepts, not a UUID', () => {
    expect(v.cases.find((c) => c.kind === 'missing')!.value).toBe('does-not-exist');
  });
});

describe('VER-4: a missing text key still fits its pattern', () => {
  it('^[0-9]{8}$ -> 99999999, not does-not-exist (a 400, not a 404)', () => {
    const m = modelFrom(`entities:
  - { name: Member, fields: [{ name: card_number, type: string, primary: true, pattern: '^[0-9]{8}$' }] }
resources: [{ entity: Member, operations: [get] }]`);
    expect(m.plan.verification.endpoints[0]!.cases.find((c) => c.kind === 'missing')!.value).toBe('99999999');
  });
});

describe('STORE-1: the SQLite database item is a file, not a managed server', () => {
  it('no managed instance, no connection pooling', () => {
    const m = modelFrom(`entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`, '{ language: go, database: sqlite, cloud: on-prem, compute: vm }');
    const reason = m.plan.estimate.items.find((i) => i.what === 'Database (SQLite)')!.reason;
    expect(reason).not.toMatch(/managed instance|connection pooling/);
    expect(reason).toContain('WAL mode');
  });
});

describe('VER-5 words: DynamoDB items and Neo4j nodes are named by their type, not by a table that does not exist', () => {
  const body = `entities:
  - { name: User, fields: [{ name: handle, type: string, max_length: 30 }] }
  - { name: Follow, fields: [{ name: user_id, type: uuid, required: true, references: User, on_delete: restrict }] }
resources: [{ entity: User, operations: [get, delete] }, { entity: Follow, operations: [create] }]`;
  const v = (db: string) => modelFrom(body, `{ language: go, database: ${db} }`).plan.verification.endpoints;
  const after = (db: string, id: string) => v(db).find((e) => e.endpoint === id)!.afterwards;
  it('Neo4j: :Follow nodes', () => {
    expect(after('neo4j', 'POST /follows')[0]).toBe('One new :Follow node with user_id as sent.');
    expect(after('neo4j', 'GET /users/{id}')[0]).toBe('Nothing changed in the :User nodes: the endpoint only reads.');
    expect(v('neo4j').find((e) => e.endpoint === 'DELETE /users/{id}')!.cases.map((c) => c.label)).toContain('A delete while a :Follow node still names it in user_id (on delete restrict)');
  });
  it('DynamoDB: Follow items (one table holds every item type)', () => {
    expect(after('dynamodb', 'DELETE /users/{id}')).toEqual([
      'The User item is gone.',
      'While Follow items name it in user_id, the delete is refused and the item stays (on delete restrict).',
      'After each failed request: the User item is still there, unchanged.',
    ]);
  });
  it('relational stores keep their table names', () => {
    expect(after('postgresql', 'POST /follows')[0]).toBe('One new row in follows with user_id as sent.');
  });
});

describe('OPT-2: no con the answers make moot', () => {
  const body = `entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`;
  const cons = (stack: string, key: string) => modelFrom(body, stack).plan.options.find((o) => o.key === key)!.cons;
  it('serverless on DynamoDB: no connection pooler', () => {
    expect(cons('{ language: python, database: dynamodb, architecture: serverless }', 'option_b')).not.toContain('Relational databases need a connection pooler');
    expect(cons('{ language: python, database: postgresql, architecture: serverless }', 'option_b')).toContain('Relational databases need a connection pooler');
  });
  it('microservices with no reference across modules: no cross-module references to turn into calls', () => {
    expect(cons('{ language: go, database: postgresql, architecture: microservices }', 'option_b')).not.toContain('Cross-module references become API calls or events');
  });
});

describe('VER-5 integrations: the verification checks the key the service step sends', () => {
  const body = `entities:
  - { name: Charge, fields: [{ name: amount, type: integer }, { name: idempotency_key, type: string, max_length: 80 }] }
endpoints:
  - { method: POST, path: /charges, entity: Charge, request: [amount, idempotency_key], integrations: [PayCo, Ledger] }
integrations:
  - { name: PayCo, purpose: Card charges, retry: exponential, idempotent: true }
  - { name: Ledger, purpose: Record the charge in the ledger, retry: exponential, idempotent: false }`;
  const m = modelFrom(body);
  const after = m.plan.verification.endpoints[0]!.afterwards;
  const steps = m.plan.services[0]!.methods[0]!.steps;
  it('Ledger is sent idempotency_key by the step, so the check says so too', () => {
    expect(steps.find((s) => s.startsWith('Call Ledger'))).toContain('idempotency key idempotency_key');
    expect(after.find((a) => a.startsWith('Ledger:'))).toBe('Ledger: one call per valid request, carrying the idempotency key idempotency_key; a failure answered from it leaves no row behind. A first attempt stubbed to time out, then retried: Ledger records the effect once.');
  });
  it('an idempotent one has no retry check', () => {
    expect(after.find((a) => a.startsWith('PayCo:'))).toBe('PayCo: one call per valid request, carrying the idempotency key idempotency_key; a failure answered from it leaves no row behind.');
  });
});

describe('SVC-3 in the store\'s words: the live-uniqueness check of a soft-deleting entity', () => {
  it('Neo4j counts live nodes, not rows', () => {
    const m = modelFrom(`entities:
  - { name: Post, soft_delete: true, fields: [{ name: slug, type: string, max_length: 40, unique: true }] }
resources: [{ entity: Post, operations: [create] }]`, '{ language: go, database: neo4j }');
    expect(m.plan.services[0]!.methods[0]!.steps).toContain('Check uniqueness of slug among live nodes (deleted_at not set) (409 ConflictError)');
  });
});

describe('PH-1 foundation without IaC or auth: readable task and goal', () => {
  const m = modelFrom(`entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`, '{ language: go, database: sqlite, cloud: on-prem, compute: vm, iac: none, auth: none }');
  const foundation = m.plan.phases.find((p) => p.key === 'foundation')!;
  it('goal: "Infrastructure and delivery pipeline", not a dangling comma', () => {
    expect(foundation.goal).toBe('Infrastructure and delivery pipeline ready for the first endpoint');
  });
  it('each hand-made resource after its component, separated by semicolons', () => {
    const task = foundation.tasks.find((t) => t.startsWith('Infrastructure set up by hand'))!;
    expect(task).toMatch(/^Infrastructure set up by hand and written down: network \(Host firewall[^)]*\); identity \(/);
  });
});

describe('RISK-PCI-DSS: two providers, no "A and B\'s hosted fields"', () => {
  it('the hosted fields or tokens of A and B', () => {
    const m = modelFrom(`entities:
  - { name: Charge, fields: [{ name: amount, type: integer }] }
endpoints:
  - { method: POST, path: /charges, entity: Charge, request: [amount], integrations: [PayCo, CardVault] }
integrations: [{ name: PayCo, purpose: Card charges }, { name: CardVault, purpose: Card tokens }]
requirements: { non_functional: { compliance: [PCI-DSS] } }`);
    expect(m.plan.risks.find((r) => r.id === 'RISK-PCI-DSS')!.mitigations[0]).toBe('Never receive, store or log card numbers: use the hosted fields or tokens of PayCo and CardVault');
  });
});

describe('VER-4 soft-deleted: the 404 ERR-404 promises for a soft-deleted record is requested, and pages hold live records', () => {
  const m = modelFrom(`entities:
  - { name: Post, soft_delete: true, fields: [{ name: body, type: text }] }
resources: [{ entity: Post, operations: [list, get] }]`);
  const v = (id: string) => m.plan.verification.endpoints.find((e) => e.endpoint === id)!;
  it('GET /posts/{id}: a soft-deleted Post answers 404', () => {
    expect(v('GET /posts/{id}').cases.filter((c) => c.status === 404).map((c) => c.label)).toEqual(['{id} naming no existing Post:', '{id} naming a soft-deleted Post (deleted_at set)']);
  });
  it('GET /posts: reads live posts, and the check says a soft-deleted one is in no page', () => {
    expect(m.plan.services[0]!.methods[0]!.steps).toContain('Read a page of live posts');
    expect(v('GET /posts').afterwards).toContain('A soft-deleted Post (deleted_at set) is in no page.');
  });
});

describe('SVC-3: a reference a PATCH may leave out is loaded only when sent', () => {
  const m = modelFrom(`entities:
  - { name: Machine, fields: [{ name: code, type: string, max_length: 20 }] }
  - { name: WorkOrder, fields: [{ name: machine_id, type: uuid, required: true, references: Machine }] }
resources: [{ entity: WorkOrder, operations: [create, update] }]`);
  const steps = (name: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.name === name)!.steps;
  it('create (required): always; update (PATCH): when sent', () => {
    expect(steps('createWorkOrder')).toContain('Load the Machine named by machine_id (404 MachineNotFound)');
    expect(steps('updateWorkOrder')).toContain('Load the Machine named by machine_id, when sent (404 MachineNotFound)');
  });
});

describe('REC-1: the rationale writes its hour range as every plan does (en dash)', () => {
  it('81–162, not 81-162 beside the estimate line', () => {
    const m = modelFrom(`entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`);
    const last = m.plan.recommendation.rationale[m.plan.recommendation.rationale.length - 1]!;
    expect(last).toMatch(/is estimated at \d+–\d+ hours/);
  });
});

describe('OPT-2: approaches agree with one module', () => {
  const body = `entities:
  - { name: Machine, fields: [{ name: code, type: string, max_length: 20 }] }
resources: [{ entity: Machine, operations: [get] }]`;
  const approach = (arch: string, key: string) => modelFrom(body, `{ language: go, database: sqlite, architecture: ${arch} }`).plan.options.find((o) => o.key === key)!.approach;
  it('monolith: the module as one package', () => {
    expect(approach('monolith', 'option_a')).toMatch(/; machines as one package\.$/);
  });
  it('microservices: one module is one service, no references across modules', () => {
    const text = approach('monolith', 'option_c');
    expect(text).toMatch(/^One Go service for the single module machines, built with chi,/);
    expect(text).not.toContain('references across modules');
  });
  it('event-driven: a service that publishes, in the singular', () => {
    expect(approach('event-driven', 'option_c')).toMatch(/^The module machines as a Go service built with chi that publishes and consumes events on a message broker; it keeps/);
  });
});

describe('EST-1: no authorization tests in the effort of a read when there is no authentication', () => {
  it('get: one lookup by key and its not-found test', () => {
    const m = modelFrom(`entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`, '{ language: go, database: sqlite, auth: none }');
    expect(m.plan.estimate.items.find((i) => i.what === 'Endpoints: get')!.reason).toBe('one lookup by key and its not-found test');
  });
});

describe('OPT-2: one module has no other module to reach into, deploy with or call', () => {
  it('no between-modules con with a single module', () => {
    const m = modelFrom(`entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`, '{ language: go, database: postgresql, architecture: monolith }');
    const cons = m.plan.options.flatMap((o) => o.cons);
    expect(cons).not.toContain('Nothing stops modules from reaching into each other');
    expect(cons).not.toContain('All modules deploy together');
    expect(cons).not.toContain('Network calls and eventual consistency between modules');
    expect(cons).toContain('Scales and deploys as one unit');
  });
});
