// QA round on plan content (idempotency replay, one 409 per condition, risks, numbering, examples, models,
// webhooks, microservices estimate): each finding on a small model that fails on the old behaviour.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';
import type { Model } from '../../src/derive/model.js';

const ep = (m: Model, id: string) => m.endpoints.find((e) => e.id === id)!;
const steps = (m: Model, id: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id)!.steps;
const cases = (m: Model, id: string) => m.plan.verification.endpoints.find((v) => v.endpoint === id)!.cases;

const payments = `
entities:
  - name: Payment
    fields:
      - { name: amount, type: integer, required: true }
      - { name: idempotency_key, type: string, required: true, unique: true }
  - name: Customer
    fields:
      - { name: email, type: email, required: true, unique: true }
endpoints:
  - { method: POST, path: /payments, entity: Payment, request: [amount, idempotency_key], errors: [DuplicatePayment] }
  - { method: POST, path: /customers, entity: Customer, request: [email], errors: [DuplicateCustomer] }
  - { method: POST, path: /plain, entity: Payment, request: [amount, idempotency_key] }
errors:
  - { name: DuplicatePayment, status: 409, message: A payment with this idempotency key already exists }
  - { name: DuplicateCustomer, status: 409, message: This customer already exists }
`;

describe('ERR-409-IDEM / SVC-14: a repeated idempotency key replays the first response', () => {
  it('looks the key up, replays the same body, and answers 409 only for another body', () => {
    const m = modelFrom(payments);
    expect(ep(m, 'POST /plain').idempotencyKey).toBe('idempotency_key');
    const s = steps(m, 'POST /plain').join('\n');
    expect(s).toContain('Look up idempotency_key');
    expect(s).toContain('return it again');
    expect(s).not.toContain('Check uniqueness of idempotency_key');
    const c = cases(m, 'POST /plain');
    expect(c.some((x) => x.status === 201 && x.label.includes('same idempotency_key and the same body'))).toBe(true);
    expect(c.some((x) => x.status === 409 && x.label.includes('different body'))).toBe(true);
    expect(c.some((x) => x.status === 409 && x.label === 'The valid request again with the same idempotency_key')).toBe(false);
    expect(ep(m, 'POST /plain').errorStates.find((x) => x.status === 409)!.cause).toContain('different request body');
  });

  it('compares the body with what the data model stores, never a hash the model has no field for', () => {
    const m = modelFrom(payments);
    const s = steps(m, 'POST /plain').join('\n');
    expect(s).toContain("the same request body, compared by the stored Payment's amount, is a repeat");
    expect(s).not.toContain('hash');
    expect(m.entities.find((e) => e.name === 'Payment')!.fields.some((f) => f.name.includes('hash'))).toBe(false);
  });

  it('a body of the key alone: the key is the whole comparison', () => {
    const m = modelFrom(payments.replace('request: [amount, idempotency_key] }\nerrors', 'request: [idempotency_key] }\nerrors'));
    expect(steps(m, 'POST /plain').join('\n')).toContain('the same request body, which holds the key alone, is a repeat');
  });

  it('keeps a plain unique field a plain uniqueness check', () => {
    const m = modelFrom(payments);
    expect(ep(m, 'POST /customers').idempotencyKey).toBe('');
    expect(steps(m, 'POST /customers').join('\n')).toContain('Check uniqueness of email (409 DuplicateCustomer)');
  });
});

describe('ERR-409-DECL: one 409 per condition, the declared one', () => {
  it('merges DuplicatePayment (names the field) and Duplicate<Entity> with the derived ConflictError', () => {
    const m = modelFrom(payments);
    for (const id of ['POST /payments', 'POST /customers']) {
      const conflicts = ep(m, id).errorStates.filter((x) => x.status === 409);
      expect(conflicts.map((x) => x.name)).toEqual([id === 'POST /payments' ? 'DuplicatePayment' : 'DuplicateCustomer']);
      expect(steps(m, id).join('\n')).not.toContain('Map failures');
      expect(cases(m, id).filter((x) => x.label.startsWith('Trigger'))).toEqual([]);
    }
    expect(steps(m, 'POST /payments').join('\n')).toContain('answers 409 DuplicatePayment');
    expect(m.plan.errorCatalog.find((e) => e.name === 'ConflictError')!.endpoints).toEqual(['POST /plain']);
  });

  it('keeps a declared 409 that states another condition beside ConflictError', () => {
    const m = modelFrom(payments.replace('This customer already exists', 'The customer is blocked').replace('DuplicateCustomer', 'CustomerBlocked').replace('DuplicateCustomer', 'CustomerBlocked'));
    expect(ep(m, 'POST /customers').errorStates.filter((x) => x.status === 409).map((x) => x.name)).toEqual(['ConflictError', 'CustomerBlocked']);
  });
});

describe('RISK-CASCADE-DELETE: only where something can delete', () => {
  const body = (deletes: string) => `
entities:
  - name: Invoice
    fields: [{ name: total, type: integer }]
  - name: InvoiceLine
    fields: [{ name: invoice_id, type: uuid, references: Invoice, on_delete: cascade }]
  - name: LineNote
    fields: [{ name: invoice_line_id, type: uuid, references: InvoiceLine, on_delete: cascade }]
endpoints:
  - { method: POST, path: /invoices, entity: Invoice, request: [total] }
${deletes}
`;
  const cascade = (m: Model) => m.plan.risks.find((r) => r.id === 'RISK-CASCADE-DELETE');
  it('does not fire without a DELETE', () => {
    expect(cascade(modelFrom(body('')))).toBeUndefined();
  });
  it('fires for the deleted parent and the children its cascade deletes in turn', () => {
    const r = cascade(modelFrom(body('  - { method: DELETE, path: "/invoices/{id}", entity: Invoice }')))!;
    expect(r.cause).toContain('an Invoice deletes its invoice lines (invoice_id)');
    expect(r.cause).toContain('an InvoiceLine deletes its line notes (invoice_line_id)');
  });
  it('names only the deleted one when a child alone is deleted', () => {
    const r = cascade(modelFrom(body('  - { method: DELETE, path: "/invoice-lines/{id}", entity: InvoiceLine }')))!;
    expect(r.cause).not.toContain('an Invoice deletes');
    expect(r.cause).toContain('InvoiceLine deletes its line notes');
  });
});

describe('RISK-SERVERLESS-CONNECTIONS: no writes picked without a reason', () => {
  const entity = (k: number) => `  - { name: Thing${k}, fields: [{ name: v, type: string }] }`;
  const body = (n: number) => `entities:\n${Array.from({ length: n }, (_, k) => entity(k)).join('\n')}\nresources:\n${Array.from({ length: n }, (_, k) => `  - { entity: Thing${k}, operations: [create, get] }`).join('\n')}`;
  const cause = (n: number) => modelFrom(body(n), '{ language: go, database: postgresql, compute: lambda }').plan.risks.find((r) => r.id === 'RISK-SERVERLESS-CONNECTIONS')!.cause;
  it('counts every endpoint on the data and names all writes up to six', () => {
    const c = cause(4);
    expect(c).toContain('all 8 endpoints on the data count against its connection limit');
    expect(c).toContain('the 4 writes, which hold theirs for a whole transaction (POST /thing0s, POST /thing1s, POST /thing2s and POST /thing3s)');
  });
  it('counts the writes per method beyond six', () => {
    expect(cause(9)).toContain('the 9 writes, which hold theirs for a whole transaction (9 POST)');
  });
});

describe('SVC-15: a webhook with a unique key dedupes its deliveries', () => {
  const body = (indexes: string) => `
entities:
  - name: WebhookEvent
    fields:
      - { name: source, type: string, required: true }
      - { name: external_id, type: string, required: true }
${indexes}
endpoints:
  - { method: POST, path: /webhooks/vault, entity: WebhookEvent, request: raw, auth: none, status: 204 }
`;
  it('adds the dedupe step and the redelivery check where the entity has a unique key', () => {
    const m = modelFrom(body('    indexes: [{ fields: [source, external_id], unique: true }]'));
    const s = steps(m, 'POST /webhooks/vault');
    const k = s.findIndex((x) => x.startsWith('Deduplicate the delivery on (source, external_id)'));
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThan(s.findIndex((x) => x.startsWith('Insert')));
    expect(s[k]).toContain('acknowledged again with 204');
    expect(cases(m, 'POST /webhooks/vault').some((c) => c.status === 204 && c.label.startsWith('The same delivery again (the same (source, external_id))'))).toBe(true);
  });
  it('adds nothing without a unique key', () => {
    const m = modelFrom(body(''));
    expect(steps(m, 'POST /webhooks/vault').join('\n')).not.toContain('Deduplicate');
  });
});

describe('EST-3 / OPT-3: microservices count deployables, the data-less service included', () => {
  const body = `
entities:
  - { name: Rider, fields: [{ name: name, type: string }] }
  - { name: Trip, fields: [{ name: rider_id, type: uuid, references: Rider }] }
modules: [{ name: riders, entities: [Rider] }, { name: trips, entities: [Trip] }]
resources: [{ entity: Rider, operations: [create] }, { entity: Trip, operations: [create] }]
endpoints:
  - { method: POST, path: /webhooks/maps, request: raw, auth: none, status: 204 }
`;
  const m = modelFrom(body, '{ language: python, database: postgresql, architecture: microservices }');
  it('adds the data-less service to the estimate', () => {
    const items = m.plan.estimate.items.map((i) => `${i.what} x${i.count}`);
    expect(items).toContain('Architecture overhead per module (microservices) x2');
    expect(items).toContain('Architecture overhead per data-less service (microservices) x1');
    expect(m.plan.layout.deployables.map((d) => d.name)).toEqual(['riders', 'trips', 'webhook']);
  });
  it('names it in the option text', () => {
    const micro = m.plan.options.find((o) => o.architecture === 'microservices')!;
    expect(micro.approach).toContain('A Python service per module (riders and trips) plus the data-less webhook service');
  });
});

describe('SVC-14 on a queued write: the repeat is accepted again and stored once', () => {
  it('says so in the step and the verification', () => {
    const m = modelFrom(`
entities:
  - name: Reading
    fields:
      - { name: value, type: integer, required: true }
      - { name: idempotency_key, type: string, required: true, unique: true }
endpoints:
  - { method: POST, path: /readings, entity: Reading, request: [value, idempotency_key], status: 202 }
`, '{ language: go, database: postgresql, queue: sqs }');
    expect(steps(m, 'POST /readings').join('\n')).toContain('answers 202 again and is not queued twice');
    expect(cases(m, 'POST /readings').some((c) => c.status === 202 && c.label.includes('accepted again, stored once by the consumer'))).toBe(true);
  });
});

describe('RISK-SOFT-DELETE-CASCADE: only where something soft-deletes the parent', () => {
  const body = (deletes: string) => `
entities:
  - { name: Member, soft_delete: true, fields: [{ name: n, type: string }] }
  - { name: Loan, fields: [{ name: member_id, type: uuid, references: Member, on_delete: cascade }] }
resources: [{ entity: Member, operations: [create${deletes}] }]
`;
  const risk = (m: Model) => m.plan.risks.find((r) => r.id === 'RISK-SOFT-DELETE-CASCADE');
  it('is quiet without a DELETE, fires with one', () => {
    expect(risk(modelFrom(body('')))).toBeUndefined();
    expect(risk(modelFrom(body(', delete')))!.cause).toContain('deleting a Member only sets its deleted_at, so its loans');
  });
});
