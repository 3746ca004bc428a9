// The QA review's engine findings (notes/qa-findings.md), each on a small model that would have caught it.
import { describe, expect, it } from 'vitest';
import { aOrAn, eventAction, pastParticiple } from '../../src/derive/plan/text.js';
import { boundedPattern } from '../../src/derive/plan/checklists.js';
import { buildOpenApi } from '../../src/render/openapi.js';
import { endpoint, modelFrom, payments } from './plan-fixture.js';

const stepsOf = (m: ReturnType<typeof modelFrom>, id: string): string[] =>
  m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id)!.steps;

const articles = `
entities:
  - name: Article
    timestamps: true
    fields:
      - { name: title, type: string, max_length: 200 }
      - { name: state, type: enum, values: [draft, published] }
resources:
  - { entity: Article, operations: [list, create] }
endpoints:
  - { method: POST, path: "/articles/{id}/publish", entity: Article }
  - { method: PATCH, path: "/articles/{id}/archive", entity: Article }
  - { method: PUT, path: "/articles/{id}", entity: Article, request: [title] }
  - { method: POST, path: "/articles/{id}/send-back", entity: Article }
`;

describe('SVC-6: a write on an existing item updates it; only a create on a collection inserts', () => {
  const m = modelFrom(articles, '{ language: go, database: postgresql, queue: rabbitmq }');

  it('POST /articles/{id}/publish loads and updates the Article, never inserts it', () => {
    const steps = stepsOf(m, 'POST /articles/{id}/publish');
    expect(steps).toContain('Load the Article named by {id} (404 ArticleNotFound)');
    expect(steps).toContain('Update the Article (publish) in a transaction');
    expect(steps.some((s) => s.startsWith('Insert'))).toBe(false);
    expect(stepsOf(m, 'PATCH /articles/{id}/archive')).toContain('Update the Article (archive) in a transaction');
    expect(stepsOf(m, 'PUT /articles/{id}')).toContain('Replace the Article in a transaction');
    expect(stepsOf(m, 'POST /articles')).toContain('Insert the Article in a transaction');
  });

  it('only an insert expects one new row afterwards', () => {
    const after = (id: string) => m.plan.verification.endpoints.find((v) => v.endpoint === id)!.afterwards.join(' ');
    expect(after('POST /articles')).toContain('One new row in articles');
    expect(after('POST /articles/{id}/publish')).not.toContain('new row');
    expect(after('POST /articles/{id}/publish')).toContain('The row in articles');
  });

  it('a POST under a parent item still inserts the child (POST /payments/{id}/refunds)', () => {
    expect(stepsOf(payments(), 'POST /payments/{id}/refunds')).toContain('Insert the Refund in a transaction');
  });
});

describe('TEXT-2: events are facts in the past tense', () => {
  it('the verb rule: regular, -e, -y, doubling, irregulars', () => {
    const cases: Record<string, string> = {
      publish: 'published', approve: 'approved', score: 'scored', cancel: 'cancelled', submit: 'submitted',
      stop: 'stopped', plan: 'planned', open: 'opened', visit: 'visited', fix: 'fixed', lock: 'locked',
      apply: 'applied', deploy: 'deployed', send: 'sent', pay: 'paid', rebuild: 'rebuilt', archived: 'archived',
    };
    for (const [verb, past] of Object.entries(cases)) expect(pastParticiple(verb), verb).toBe(past);
    expect(eventAction('send-back')).toBe('sent_back');
    expect(eventAction('mark_paid')).toBe('marked_paid');
  });

  it('publish steps and plan.events name the past tense of the action', () => {
    const m = modelFrom(articles, '{ language: go, database: postgresql, queue: rabbitmq }');
    expect(stepsOf(m, 'POST /articles/{id}/publish')).toContain('Publish article.published on RabbitMQ after the commit (transactional outbox)');
    expect(m.plan.events.map((e) => e.name)).toEqual(['article.created', 'article.published', 'article.archived', 'article.replaced', 'article.sent_back']);
    expect(m.plan.events[1]).toEqual({ name: 'article.published', entity: 'Article', endpoint: 'POST /articles/{id}/publish', service: 'ArticleService', method: 'publishArticle', languageMethod: 'PublishArticle', step: 'Publish article.published on RabbitMQ after the commit (transactional outbox)', queue: 'rabbitmq', consumerCalls: [] });
    // The event's step is the very step its method runs.
    for (const e of m.plan.events) expect(stepsOf(m, e.endpoint)).toContain(e.step);
    expect(modelFrom(articles).plan.events).toEqual([]);
  });
});

describe('NAME-5: a clashing handler is told apart by its path, a number only as the last resort', () => {
  it('GET /public/{tenant_slug}/articles -> listPublicArticles, not listArticles2', () => {
    const m = modelFrom(`
entities:
  - { name: Article, fields: [{ name: title, type: string }] }
endpoints:
  - { method: GET, path: /articles, entity: Article, paginated: true }
  - { method: GET, path: "/public/{tenant_slug}/articles", entity: Article, paginated: true }
  - { method: GET, path: "/{tenant_slug}/articles", entity: Article, paginated: true }
`);
    expect(m.endpoints.map((e) => e.handler)).toEqual(['listArticles', 'listPublicArticles', 'listArticlesByTenantSlug']);
  });
});

describe('integration retry texts agree with the answers (idempotent, retry)', () => {
  const body = (i: string) => `entities: [{ name: Note, fields: [{ name: body, type: text }] }]
integrations: [${i}]
endpoints: [{ method: POST, path: /notes, entity: Note, request: [body], integrations: [Annuaire] }]`;

  it('retry none + idempotent: never "not idempotent", never "make it idempotent"', () => {
    const m = modelFrom(body('{ name: Annuaire, purpose: company directory, retry: none, idempotent: true }'));
    const text = m.plan.risks.flatMap((r) => [r.cause, ...r.mitigations]).join('\n');
    expect(text).not.toMatch(/Annuaire[^.;\n]*not idempotent/);
    expect(text).not.toMatch(/Make Annuaire idempotent/);
    expect(text).toContain('Annuaire: timeout 5000 ms, no retry (none chosen in the answers; it is idempotent, so consider retrying with backoff)');
    expect(text).toContain('Retry Annuaire with backoff: it is idempotent, so a retry is safe');
  });

  it('retry none + not idempotent keeps both the fact and the advice', () => {
    const m = modelFrom(body('{ name: Annuaire, retry: none, idempotent: false }'));
    const text = m.plan.risks.flatMap((r) => r.mitigations).join('\n');
    expect(text).toContain('no retry (not idempotent)');
    expect(text).toContain('Make Annuaire idempotent (idempotency key) so it can be retried');
  });
});

describe('SVC-7: a call that only sends something goes after the commit', () => {
  const body = `entities:
  - { name: Appointment, fields: [{ name: slot, type: datetime, unique: true }] }
integrations:
  - { name: SmsGateway, purpose: Send appointment confirmations by SMS, idempotent: true, retry: exponential }
  - { name: CardGateway, purpose: Card charges }
endpoints:
  - { method: POST, path: /appointments, entity: Appointment, request: [slot], integrations: [SmsGateway, CardGateway] }`;

  it('with a queue: the SMS from the consumer of the event; the charge before the write, with its compensation', () => {
    const steps = stepsOf(modelFrom(body, '{ language: go, database: postgresql, queue: rabbitmq }'), 'POST /appointments');
    const at = (prefix: string) => steps.findIndex((s) => s.startsWith(prefix));
    expect(at('Call CardGateway')).toBeLessThan(at('Insert the Appointment'));
    expect(steps[at('Call CardGateway')]).toContain('compensate it');
    expect(at('Call SmsGateway')).toBeGreaterThan(at('Publish appointment.created'));
    expect(steps[at('Call SmsGateway')]).toContain('from the consumer of appointment.created, after the commit');
  });

  it('without a queue: the SMS after the commit; plan.events empty', () => {
    const m = modelFrom(body);
    const steps = stepsOf(m, 'POST /appointments');
    expect(steps.findIndex((s) => s.startsWith('Call SmsGateway'))).toBeGreaterThan(steps.findIndex((s) => s.startsWith('Insert')));
    expect(steps.find((s) => s.startsWith('Call SmsGateway'))).toContain(' after the commit: ');
  });

  it('a call that both charges and sends stays before the write', () => {
    const m = modelFrom(body.replace('purpose: Send appointment confirmations by SMS', 'purpose: Charges the card and sends the receipt by e-mail'));
    const steps = stepsOf(m, 'POST /appointments');
    expect(steps.findIndex((s) => s.startsWith('Call SmsGateway'))).toBeLessThan(steps.findIndex((s) => s.startsWith('Insert')));
  });

  it('a declared error that names the integration keeps the call before the write', () => {
    const m = modelFrom(`${body.replace('integrations: [SmsGateway, CardGateway] }', 'integrations: [SmsGateway], errors: [SmsRefused] }')}
errors: [{ name: SmsRefused, status: 422, message: SmsGateway refused the number }]`);
    const steps = stepsOf(m, 'POST /appointments');
    expect(steps.findIndex((s) => s.startsWith('Call SmsGateway'))).toBeLessThan(steps.findIndex((s) => s.startsWith('Insert')));
  });
});

describe('STORE: non-relational databases in their own words', () => {
  const body = `entities:
  - { name: Account, fields: [{ name: email, type: email, unique: true }] }
  - { name: Device, fields: [{ name: account_id, type: uuid, references: Account }] }
resources: [{ entity: Device, operations: [create] }]`;

  it('Neo4j: relationships, no foreign-key indexes, no joins', () => {
    const m = modelFrom(body, '{ language: go, database: neo4j }');
    expect(m.plan.relationships[0]!.phrase).toBe('(:Device)-[:ACCOUNT]->(:Account)');
    expect(m.entities.find((e) => e.name === 'Device')!.indexes).toEqual([]);
    expect(m.plan.storage).toMatchObject({ kind: 'graph', container: 'node label', reference: 'relationship' });
    expect(JSON.stringify(m.entities)).not.toContain('joins');
  });

  it('DynamoDB: a global secondary index, TransactWriteItems and Streams', () => {
    const m = modelFrom(body, '{ language: go, database: dynamodb, queue: sqs }');
    const ix = m.entities.find((e) => e.name === 'Device')!.indexes[0]!;
    expect(ix.reason).toBe('global secondary index with partition key account_id: one Query lists an Account\'s devices (DynamoDB has no joins)');
    const steps = stepsOf(m, 'POST /devices');
    expect(steps).toContain('Insert the Device with TransactWriteItems (condition expressions)');
    expect(steps).toContain('Publish device.created on Amazon SQS after the commit (DynamoDB Streams)');
  });

  it('MongoDB: documents and references; relational stores keep tables and joins', () => {
    const mongo = modelFrom(body, '{ language: go, database: mongodb }');
    expect(mongo.plan.relationships[0]!.phrase).toBe('devices documents hold account_id, the _id of the referenced accounts document');
    expect(mongo.entities[1]!.indexes[0]!.reason).not.toContain('joins');
    const pg = modelFrom(body);
    expect(pg.entities[1]!.indexes[0]!.reason).toBe('foreign key to Account: joins, lookups of an Account\'s devices and the on-delete check read by account_id');
  });
});

describe('PH-3: a phase never starts before the phases it depends on end', () => {
  it('on a dated plan, every start is the day after its predecessor ends', () => {
    const m = modelFrom(articles, undefined, '{ name: X, summary: y, start: "2027-01-04", team_size: 4 }');
    const p = m.plan.phases;
    for (const x of p) for (const d of x.dependsOn) {
      expect(x.startDay).toBeGreaterThan(p[d - 1]!.endDay);
      expect(x.startDate > p[d - 1]!.endDate).toBe(true);
    }
    for (const x of p) expect(x.timing).toMatch(/^weeks? \d+(–\d+)? \(days? \d+(–\d+)?\)$/);
    expect(p[0]!.timing).toBe(`week 1 (days 1–${p[0]!.endDay})`);
  });
});

describe('risks: wording and when they fire', () => {
  const notes = 'entities: [{ name: Note, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [list, create] }]';

  it('microservices for a small team: microservices only, singular for one', () => {
    const two = `${notes}\n  - { entity: Tag, operations: [create] }\nmodules: [{ name: notes, entities: [Note] }, { name: tags, entities: [Tag] }]`.replace('entities: [{ name: Note, fields: [{ name: body, type: text }] }]', 'entities: [{ name: Note, fields: [{ name: body, type: text }] }, { name: Tag, fields: [{ name: label, type: string }] }]').replace('resources: [{ entity: Note, operations: [list, create] }]', 'resources:\n  - { entity: Note, operations: [list, create] }');
    const micro = modelFrom(two, '{ language: go, database: postgresql, architecture: microservices }', '{ name: X, summary: y, team_size: 1 }');
    expect(micro.plan.risks.find((r) => r.id === 'RISK-MICROSERVICES-SMALL-TEAM')!.cause).toBe('1 engineer would run 2 services (notes and tags), each with its own pipeline, deployment and on-call');
    // One module is one service: nothing to split.
    const one = modelFrom(notes, '{ language: go, database: postgresql, architecture: microservices }', '{ name: X, summary: y, team_size: 1 }');
    expect(one.plan.risks.map((r) => r.id)).not.toContain('RISK-MICROSERVICES-SMALL-TEAM');
    const events = modelFrom(notes, '{ language: go, database: postgresql, architecture: event-driven, queue: sqs }', '{ name: X, summary: y, team_size: 1 }');
    expect(events.plan.risks.map((r) => r.id)).not.toContain('RISK-MICROSERVICES-SMALL-TEAM');
    expect(events.plan.risks.find((r) => r.id === 'RISK-EVENT-DRIVEN-SMALL-TEAM')!.cause).toMatch(/^1 engineer would operate the broker \(Amazon SQS\)/);
  });

  it('a/an by the first letter, everywhere in the engine (TEXT-1)', () => {
    expect(aOrAn('Appointment')).toBe('an');
    expect(aOrAn('Payment')).toBe('a');
    const m = modelFrom(`entities:
  - { name: Account, fields: [{ name: n, type: string, max_length: 9 }] }
  - { name: Order, fields: [{ name: account_id, type: uuid, references: Account, on_delete: cascade }] }
resources: [{ entity: Order, operations: [list, create, delete] }, { entity: Account, operations: [delete] }]`, '{ language: go, database: postgresql, architecture: microservices, queue: sqs }', '{ name: X, summary: y, team_size: 1 }');
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/\ba [AEIOUaeiou][a-z]+[A-Za-z]*'s\b/);
    expect(text).not.toMatch(/\ba (Account|Order|event-driven|aws|azure|oidc|oauth2)\b/);
    expect(m.plan.risks.find((r) => r.id === 'RISK-CASCADE-DELETE')!.cause).toBe('deleting an Account deletes its orders (account_id)');
  });

  it('cascade: no cascade risk for a soft-deleted parent, a note instead; children joined per parent', () => {
    const body = (soft: boolean) => `entities:
  - { name: Person, soft_delete: ${soft}, fields: [{ name: n, type: string }] }
  - { name: Address, fields: [{ name: person_id, type: uuid, references: Person, on_delete: cascade }] }
  - { name: LeaveRequest, fields: [{ name: person_id, type: uuid, references: Person, on_delete: cascade }] }
resources: [{ entity: Person, operations: [delete] }]`;
    const hard = modelFrom(body(false)).plan.risks;
    expect(hard.find((r) => r.id === 'RISK-CASCADE-DELETE')!.cause).toBe('deleting a Person deletes its addresses (person_id) and leave requests (person_id)');
    const soft = modelFrom(body(true)).plan.risks;
    expect(soft.map((r) => r.id)).not.toContain('RISK-CASCADE-DELETE');
    expect(soft.find((r) => r.id === 'RISK-SOFT-DELETE-CASCADE')!.cause).toContain('deleting a Person only sets its deleted_at, so its addresses and leave requests (on delete cascade, no deleted_at of their own) stay readable');
  });

  it('unique on a soft-deleted entity: live rows only, in the step, the index reason and a risk', () => {
    const m = modelFrom(`entities:
  - name: Member
    soft_delete: true
    fields: [{ name: email, type: email, unique: true }, { name: team, type: string }]
    indexes: [{ fields: [team, email], unique: true }]
resources: [{ entity: Member, operations: [create] }]`);
    expect(stepsOf(m, 'POST /members')).toContain('Check uniqueness of email and (team, email) among live rows (deleted_at not set) (409 ConflictError)');
    expect(m.entities[0]!.indexes[0]!.reason).toContain('partial unique index (WHERE deleted_at IS NULL)');
    expect(m.plan.risks.find((r) => r.id === 'RISK-UNIQUE-SOFT-DELETE')!.mitigations[0]).toContain('WHERE deleted_at IS NULL');
  });
});

describe('SVC-9: a module does not depend on its own services', () => {
  it('dependencies outside the module only, [] when none', () => {
    const m = modelFrom(`entities:
  - { name: Status, fields: [{ name: label, type: string }] }
  - { name: Person, fields: [{ name: status_id, type: uuid, references: Status }] }
  - { name: Badge, fields: [{ name: person_id, type: uuid, references: Person }] }
modules:
  - { name: people, entities: [Status, Person] }
  - { name: access, entities: [Badge] }
resources: [{ entity: Person, operations: [create] }, { entity: Status, operations: [create] }, { entity: Badge, operations: [create] }]`);
    expect(m.plan.moduleDependencies).toEqual([{ module: 'people', dependencies: [] }, { module: 'access', dependencies: ['PersonService'] }]);
  });
});

describe('REC-2: the headline estimate says which option it is for', () => {
  it('chosen microservices, recommended another: both labelled', () => {
    const m = modelFrom('entities: [{ name: Note, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [list, create] }]', '{ language: go, database: postgresql, architecture: microservices }', '{ name: X, summary: y, team_size: 2 }');
    const r = m.plan.recommendation;
    const chosen = m.plan.options.find((o) => o.chosen)!;
    const selected = m.plan.options.find((o) => o.key === r.selected)!;
    expect(r.chosen).toBe(chosen.key);
    expect(selected.key).not.toBe(chosen.key);
    expect(r.estimateLine).toMatch(new RegExp(`^Estimate \\(chosen Microservices\\): ${chosen.hours.low}–${chosen.hours.high} hours, .*; the recommended ${selected.name}: about ${selected.hours.mid} hours$`));
    expect(r.decisionLine).toBe(`Microservices (chosen; the recommendation is ${selected.name})`);
  });
});

describe('CHK-Q4: a bounded anchored pattern bounds a string', () => {
  it('boundedPattern', () => {
    expect(boundedPattern('^[a-z0-9-]{3,40}$')).toBe(true);
    expect(boundedPattern('^[a-z]+$')).toBe(false);
    expect(boundedPattern('^[a-z]{3,}$')).toBe(false);
    expect(boundedPattern('[a-z]{3,40}')).toBe(false);
  });
});

describe('SVC-10: 202 with a queue enqueues instead of writing', () => {
  it('POST answering 202 enqueues, publishes nothing', () => {
    const m = modelFrom('entities: [{ name: Reading, fields: [{ name: v, type: integer }] }]\nendpoints: [{ method: POST, path: /readings, entity: Reading, request: [v], status: 202 }]', '{ language: go, database: dynamodb, queue: sqs }');
    const steps = stepsOf(m, 'POST /readings');
    expect(steps.some((s) => s.startsWith('Insert'))).toBe(false);
    expect(steps).toContain('Enqueue the Reading on Amazon SQS; its consumer inserts it with TransactWriteItems (condition expressions) (202: accepted, not yet stored)');
    expect(m.plan.events).toEqual([]);
  });
});

describe('openapi: an error response does not repeat its reason phrase', () => {
  it('"Unauthorized: the ..." not "Unauthorized: Unauthorized (...)"', () => {
    const doc = buildOpenApi(payments()) as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    const all = Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => Object.values(op.responses).map((r) => r.description)));
    expect(all.filter((d) => /^(\w[\w ]*): \1\b/.test(d))).toEqual([]);
    expect(doc.paths['/payments']!.post!.responses['401']!.description).toMatch(/^Unauthorized: the bearer token/);
    expect(endpoint(payments(), 'POST /payments').errorStates.some((s) => s.name === 'Unauthorized')).toBe(true);
  });
});

describe('validate: counts agree in number', () => {
  it('"1 error, 1 integration"', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { PassThrough } = await import('node:stream');
    const { runValidate } = await import('../../src/commands/validate.js');
    const dir = mkdtempSync(join(tmpdir(), 'archplan-validate-'));
    try {
      writeFileSync(join(dir, 'one.yaml'), `version: 1
project: { name: One, summary: One of each }
stack: { language: go, database: postgresql }
entities: [{ name: Note, fields: [{ name: body, type: text }] }]
errors: [{ name: NoteLocked, status: 409, message: The note is locked }]
integrations: [{ name: Mailer, purpose: Sends notes }]
endpoints: [{ method: POST, path: /notes, entity: Note, request: [body], errors: [NoteLocked], integrations: [Mailer] }]
`);
      const out = new PassThrough();
      const err = new PassThrough();
      let text = '';
      out.on('data', (b: Buffer) => { text += b.toString(); });
      const code = runValidate('one.yaml', {}, { stdout: out, stderr: err, env: {}, cwd: dir });
      expect(code).toBe(0);
      expect(text).toContain('1 entity, 1 endpoint, 1 error, 1 integration.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PARAM-1: {tenant_slug} names the Tenant by its unique slug', () => {
  const body = `entities:
  - { name: Tenant, fields: [{ name: slug, type: string, unique: true, max_length: 40 }] }
  - { name: Article, timestamps: true, fields: [{ name: tenant_id, type: uuid, references: Tenant }, { name: title, type: string }] }
endpoints:
  - { method: GET, path: /articles, entity: Article, paginated: true }
  - { method: GET, path: "/public/{tenant_slug}/articles", entity: Article, paginated: true, auth: none }
  - { method: GET, path: "/public/{tenant_code}/articles/x", entity: Article, auth: none }`;

  it('loads the Tenant by slug (404), filters by tenant_id, and is named for it', () => {
    const m = modelFrom(body);
    const ep = endpoint(m, 'GET /public/{tenant_slug}/articles');
    expect(ep.pathParams).toEqual([{ name: 'tenant_slug', entity: 'Tenant' }]);
    expect(ep.handler).toBe('listTenantArticles');
    expect(ep.errorStates.map((s) => `${s.status} ${s.name}`)).toContain('404 TenantNotFound');
    const steps = stepsOf(m, ep.id);
    expect(steps).toContain('Load the Tenant named by {tenant_slug} (404 TenantNotFound)');
    expect(steps.find((s) => s.startsWith('Read a page'))).toMatch(/^Read a page of articles of the Tenant by tenant_id/);
    // Not a unique field of Tenant: left alone.
    expect(endpoint(m, 'GET /public/{tenant_code}/articles/x').pathParams).toEqual([{ name: 'tenant_code', entity: '' }]);
  });
});

describe('a soft delete takes its cascading children with it', () => {
  it('step and verification name the children', () => {
    const m = modelFrom(`entities:
  - { name: Tenant, soft_delete: true, fields: [{ name: n, type: string }] }
  - { name: Member, soft_delete: true, fields: [{ name: tenant_id, type: uuid, references: Tenant, on_delete: cascade }] }
  - { name: Asset, fields: [{ name: tenant_id, type: uuid, references: Tenant, on_delete: cascade }] }
resources: [{ entity: Tenant, operations: [delete] }]`);
    // Assets have no deleted_at: they cannot be soft-deleted with the Tenant (plan-soft-delete-children.test.ts).
    expect(stepsOf(m, 'DELETE /tenants/{id}')).toContain('Soft-delete the Tenant (set deleted_at) and its members with it (on delete cascade) in a transaction');
    const after = m.plan.verification.endpoints.find((v) => v.endpoint === 'DELETE /tenants/{id}')!.afterwards;
    expect(after).toContain('Rows of members whose tenant_id named it have deleted_at set too (on delete cascade).');
    expect(after).toContain('Rows of assets whose tenant_id named it are still there (no deleted_at of their own; the cascade runs when the Tenant is purged).');
  });
});

describe('PH-4: the data-model phase in the database\'s words', () => {
  const body = `entities:
  - { name: Account, fields: [{ name: email, type: email, unique: true }] }
  - { name: Device, fields: [{ name: account_id, type: uuid, references: Account }] }`;
  const tasks = (db: string) => modelFrom(body, `{ language: go, database: ${db} }`).plan.phases.find((p) => p.key === 'data-model')!.tasks;

  it('Neo4j, DynamoDB, MongoDB and relational', () => {
    expect(tasks('neo4j')[1]).toBe('Device: node label :Device, 2 properties, relationships [:ACCOUNT], uniqueness constraints on id');
    expect(tasks('dynamodb')[1]).toBe('Device: item type in table shop, key design PK/SK for its access patterns, 2 attributes, global secondary indexes devices_account_id_idx');
    expect(tasks('mongodb')[0]).toBe('Account: collection accounts with a JSON Schema validator, 2 fields');
    expect(tasks('postgresql')[1]).toBe('Device: table devices, 2 columns, indexes devices_account_id_idx');
  });
});

describe('IDX-2: plan.liveUniques for the DDL', () => {
  it('unique fields and indexes of soft-deleting entities only, with the partial predicate', () => {
    const m = modelFrom(`entities:
  - name: Member
    soft_delete: true
    fields: [{ name: email, type: email, unique: true }, { name: team, type: string }]
    indexes: [{ fields: [team, email], unique: true }]
  - { name: Team, fields: [{ name: code, type: string, unique: true }] }`);
    expect(m.plan.liveUniques.map((u) => [u.table, u.name, u.fields.join(','), u.where])).toEqual([
      ['members', 'members_email_key', 'email', 'deleted_at IS NULL'],
      ['members', 'members_team_email_key', 'team,email', 'deleted_at IS NULL'],
    ]);
    expect(modelFrom('entities: [{ name: Team, fields: [{ name: code, type: string, unique: true }] }]').plan.liveUniques).toEqual([]);
  });
});

describe('DIR-4: folder purposes in the database\'s words and each client with its own policies', () => {
  it('Neo4j schema folder, DynamoDB client, Annuaire without retry', () => {
    const body = 'entities: [{ name: Note, fields: [{ name: body, type: text }] }]\nintegrations: [{ name: Annuaire, retry: none, idempotent: true, timeout_ms: 3000 }]\nendpoints: [{ method: POST, path: /notes, entity: Note, integrations: [Annuaire] }]';
    const folders = (stack: string) => modelFrom(body, stack).plan.layout.folders;
    const neo = folders('{ language: go, database: neo4j }');
    expect(neo.find((f) => f.path === 'schema/')!.purpose).toBe('Cypher uniqueness constraints and indexes per node label for Neo4j, applied before each deploy');
    expect(neo.find((f) => f.path.startsWith('internal/integrations/') && f.purpose !== '')!.purpose).toBe('Client for Annuaire: timeout 3000 ms, no retry, idempotency keys, circuit breaker');
    const py = folders('{ language: python, framework: fastapi, database: dynamodb }');
    expect(py.find((f) => f.path === 'app/db/')!.purpose).toBe('Amazon DynamoDB client, transactions and health check');
    expect(folders('{ language: python, framework: fastapi, database: postgresql }').find((f) => f.path === 'app/db/')!.purpose).toBe('PostgreSQL engine, sessions, transactions and health check');
  });
});

describe('VER-5: the verification checks in the database\'s words', () => {
  it('documents on MongoDB, rows on PostgreSQL', () => {
    const body = 'entities: [{ name: Tenant, soft_delete: true, fields: [{ name: n, type: string }] }]\nresources: [{ entity: Tenant, operations: [create, delete] }]';
    const after = (db: string, id: string) => modelFrom(body, `{ language: go, database: ${db} }`).plan.verification.endpoints.find((v) => v.endpoint === id)!.afterwards;
    expect(after('mongodb', 'DELETE /tenants/{id}')[0]).toBe('The document in tenants is kept with deleted_at set; reads no longer return it.');
    expect(after('dynamodb', 'POST /tenants')[0]).toMatch(/^One new Tenant item /);
    expect(after('postgresql', 'POST /tenants')[0]).toMatch(/^One new row in tenants /);
  });
});
