import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers } from '../../src/answers/answers.js';
import { normalise } from '../../src/derive/normalise.js';

function answers(extra: string): Answers {
  return parse(`version: 1
project: { name: Order Desk, summary: Orders }
stack: { language: python, database: postgresql }
${extra}`) as Answers;
}

const reference = parse(readFileSync(new URL('../fixtures/answers/payments.yaml', import.meta.url), 'utf8')) as Answers;

describe('normalise: defaults', () => {
  const r = normalise(answers('entities: [{ name: Item, fields: [{ name: title, type: string }] }]'), 'a.yaml');

  it('fills the project and stack defaults and records each as an assumption', () => {
    expect(r.project.slug).toBe('order-desk');
    expect(r.project.teamSize).toBe(3);
    expect(r.project.platform).toBe('');
    expect(r.stack).toMatchObject({
      framework: 'fastapi', architecture: 'modular-monolith', cache: 'none', queue: 'none', cloud: 'aws',
      compute: 'ecs', iac: 'terraform', auth: 'jwt', observability: ['opentelemetry'], relational: true,
    });
    expect(r.assumptions.map((a) => a.key)).toEqual([
      'project.slug', 'project.team_size', 'stack.cloud', 'stack.framework', 'stack.architecture', 'stack.cache',
      'stack.queue', 'stack.compute', 'stack.iac', 'stack.auth', 'stack.observability',
    ]);
  });

  it('adds an id primary key when none is marked', () => {
    const item = r.entities[0]!;
    expect(item.primaryKey).toBe('id');
    expect(item.fields.map((f) => [f.name, f.generated])).toEqual([['id', 'primary'], ['title', '']]);
    expect(item.table).toBe('items');
    expect(item.basePath).toBe('/items');
  });

  it('follows the language for the framework and the cloud for compute', () => {
    const base = answers('entities: [{ name: A, fields: [{ name: x, type: string }] }]');
    const gcp = normalise({ ...base, stack: { language: 'go', database: 'mysql', cloud: 'gcp' } }, 'a.yaml');
    expect(gcp.stack.compute).toBe('cloud-run');
    expect(gcp.stack.framework).toBe('chi');
    const azure = normalise({ ...base, stack: { language: 'typescript', database: 'neo4j', cloud: 'azure' } }, 'a.yaml');
    expect([azure.stack.compute, azure.stack.framework, azure.stack.relational]).toEqual(['kubernetes', 'fastify', false]);
  });
});

describe('normalise: entities', () => {
  const r = normalise(answers(`entities:
  - name: UserRole
    timestamps: true
    soft_delete: true
    fields:
      - { name: code, type: string, primary: true }
      - { name: owner_id, type: uuid, references: Category }
  - name: Category
    fields: [{ name: label, type: string, unique: true }]`), 'a.yaml');

  it('adds timestamps and soft delete after the declared fields, and derives names', () => {
    const role = r.entities[0]!;
    expect(role.fields.map((f) => f.name)).toEqual(['code', 'owner_id', 'created_at', 'updated_at', 'deleted_at']);
    expect(role.fields.find((f) => f.name === 'deleted_at')?.required).toBe(false);
    expect(role.primaryKey).toBe('code');
    expect(role.table).toBe('user_roles');
    expect(role.basePath).toBe('/user-roles');
    expect(role.names).toEqual({ pascal: 'UserRole', camel: 'userRole', snake: 'user_role', kebab: 'user-role', prose: 'user role' });
    expect(r.entities[1]!.basePath).toBe('/categories');
  });

  it('defaults on_delete to restrict for references only', () => {
    const [owner] = r.entities[0]!.fields.filter((f) => f.name === 'owner_id');
    expect(owner?.onDelete).toBe('restrict');
    expect(r.entities[1]!.fields.every((f) => f.onDelete === '')).toBe(true);
  });

  it('groups entities connected by references into one derived module named after the one they reference (MOD-1)', () => {
    // UserRole.owner_id references Category: Category is the group's root, though UserRole comes first.
    expect(r.modules).toEqual([
      { name: 'categories', description: 'UserRole, Category, connected by references', entities: ['UserRole', 'Category'], origin: 'derived' },
    ]);
    expect(r.entities.map((e) => e.module)).toEqual(['categories', 'categories']);
  });
});

describe('normalise: endpoints', () => {
  const r = normalise(reference, 'payments.yaml');

  it('expands resources before the declared endpoints (operations in list, get, create, update, delete order), with the primary field as path parameter', () => {
    expect(r.endpoints.map((e) => e.id)).toEqual([
      'GET /customers/{id}', 'POST /customers',
      'POST /payments', 'GET /customers/{id}/payments', 'GET /payments/{id}', 'POST /payments/{id}/refunds', 'POST /webhooks/stripe',
    ]);
    const create = r.endpoints[1]!;
    expect(create.request).toEqual({ kind: 'fields', fields: ['email', 'name', 'stripe_customer_id'] });
    expect(create.status).toBe(201);
    expect(create.summary).toBe('Create a customer');
    expect(r.endpoints[0]!.pathParams).toEqual([{ name: 'id', entity: 'Customer' }]);
  });

  it('fills response, status and auth defaults and links path parameters to entities', () => {
    const list = r.endpoints.find((e) => e.id === 'GET /customers/{id}/payments')!;
    expect(list.response).toEqual({ kind: 'page', entity: 'Payment' });
    expect(list.pathParams).toEqual([{ name: 'id', entity: 'Customer' }]);
    const hook = r.endpoints.find((e) => e.id === 'POST /webhooks/stripe')!;
    expect(hook).toMatchObject({ auth: 'none', request: { kind: 'raw' }, response: { kind: 'none' }, status: 204, entity: '' });
    const refund = r.endpoints.find((e) => e.id === 'POST /payments/{id}/refunds')!;
    expect(refund.pathParams).toEqual([{ name: 'id', entity: 'Payment' }]);
    expect(refund.response).toEqual({ kind: 'entity', entity: 'Refund' });
  });

  it('links errors and integrations to the endpoints that use them', () => {
    expect(r.errors.find((e) => e.name === 'DuplicatePayment')).toMatchObject({ status: 409, title: 'Conflict', usedBy: ['POST /payments'] });
    expect(r.integrations[0]).toMatchObject({ name: 'Stripe', timeoutMs: 5000, retry: 'exponential', usedBy: ['POST /payments', 'POST /payments/{id}/refunds'] });
    expect(r.modules.map((m) => [m.name, m.origin])).toEqual([['customers', 'declared'], ['billing', 'declared']]);
  });

  it('defaults endpoint auth to none when the stack has no auth, and retries only idempotent integrations', () => {
    const open = normalise({
      ...answers(`entities: [{ name: A, fields: [{ name: x, type: string }] }]
resources: [{ entity: A, operations: [delete, list] }]
integrations: [{ name: Mailer }]`),
      stack: { language: 'go', database: 'sqlite', auth: 'none' },
    }, 'a.yaml');
    expect(open.endpoints.map((e) => [e.id, e.auth, e.status])).toEqual([['GET /as', 'none', 200], ['DELETE /as/{id}', 'none', 204]]);
    expect(open.integrations[0]).toMatchObject({ retry: 'none', timeoutMs: 5000, protocol: 'https' });
  });

  it('is deterministic and leaves the answers untouched', () => {
    const before = JSON.stringify(reference);
    expect(JSON.stringify(normalise(reference, 'p.yaml'))).toBe(JSON.stringify(normalise(reference, 'p.yaml')));
    expect(JSON.stringify(reference)).toBe(before);
  });
});
