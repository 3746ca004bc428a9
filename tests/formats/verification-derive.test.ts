// src/derive/plan/verification.ts: the concrete requests of verification.md, on small models and the examples.

import { describe, expect, it } from 'vitest';
import type { Field, Model } from '../../src/derive/model.js';
import { invalidValues, responseTarget, validValue, verification } from '../../src/derive/plan/verification.js';
import { EXAMPLES, exampleModel, modelOf } from '../helpers/plans.js';

const field = (over: Partial<Field>): Field => ({
  name: 'f', type: 'string', required: false, unique: false, primary: false, generated: '', default: null,
  min: null, max: null, maxLength: null, pattern: '', values: [], description: '', references: '', onDelete: '', ...over,
});

function forEndpoint(m: Model, id: string) {
  const v = verification(m).endpoints.find((x) => x.endpoint === id);
  if (!v) throw new Error(`no verification for ${id}`);
  return v;
}

describe('invalid values (VER-2)', () => {
  it('gives one bad value per constraint, each breaking exactly that constraint', () => {
    expect(invalidValues(field({ name: 'amount_cents', type: 'integer', required: true, min: 1 }), 'POST')).toEqual([
      { label: 'Without amount_cents (required)', value: '' },
      { label: 'amount_cents below its minimum 1:', value: '0' },
    ]);
    expect(invalidValues(field({ name: 'n', type: 'integer', min: 0, max: 10 }), 'POST')).toEqual([
      { label: 'n below its minimum 0:', value: '-1' },
      { label: 'n above its maximum 10:', value: '11' },
    ]);
    expect(invalidValues(field({ name: 'name', maxLength: 120 }), 'PATCH')).toEqual([
      { label: 'name of 121 characters (max length 120)', value: '' },
    ]);
    expect(invalidValues(field({ name: 'email', type: 'email' }), 'POST')).toEqual([
      { label: 'email not an email address:', value: '"not-an-email"' },
    ]);
    expect(invalidValues(field({ name: 'site', type: 'url' }), 'POST')).toEqual([{ label: 'site not a URL:', value: '"not a url"' }]);
  });

  it('picks an enum value outside the list, even when the list holds "invalid"', () => {
    expect(invalidValues(field({ name: 'currency', type: 'enum', values: ['usd', 'eur'] }), 'POST')).toEqual([
      { label: 'currency outside usd, eur:', value: '"invalid"' },
    ]);
    expect(invalidValues(field({ name: 's', type: 'enum', values: ['invalid', 'invalid_x'] }), 'POST')[0]?.value).toBe('"invalid_x_x"');
  });

  it('finds a value the pattern rejects, and says so in words when none of its candidates is rejected', () => {
    expect(invalidValues(field({ name: 'code', pattern: '^[a-z]+$' }), 'POST')).toEqual([{ label: 'code not matching ^[a-z]+$:', value: '"!"' }]);
    expect(invalidValues(field({ name: 'any', pattern: '.*' }), 'POST')).toEqual([{ label: 'any not matching .*', value: '' }]);
    // A pattern JavaScript cannot compile is described, never run.
    expect(invalidValues(field({ name: 'odd', pattern: '(?<' }), 'POST')).toEqual([{ label: 'odd not matching (?<', value: '' }]);
  });

  it('asks for a required field only where the method needs it (POST and PUT)', () => {
    expect(invalidValues(field({ name: 'x', required: true }), 'PATCH')).toEqual([]);
    expect(invalidValues(field({ name: 'x', required: true }), 'PUT')).toHaveLength(1);
  });
});

describe('valid values (VER-3)', () => {
  const entities = new Map();
  it('meets every constraint', () => {
    expect(validValue(field({ type: 'integer', min: 5, max: 9 }), entities)).toBe('5');
    expect(validValue(field({ type: 'integer', max: 0 }), entities)).toBe('0');
    expect(validValue(field({ name: 'order_ref', maxLength: 4 }), entities)).toBe('"orde"');
    expect(validValue(field({ type: 'enum', values: ['b', 'a'] }), entities)).toBe('"b"');
    expect(validValue(field({ type: 'email' }), entities)).toBe('"user@example.com"');
    expect(validValue(field({ pattern: '^[0-9]+$' }), entities)).toBe('"0"');
    expect(validValue(field({ pattern: '^x{9}$' }), entities)).toBe('"xxxxxxxxx"');
    expect(validValue(field({ pattern: '^\\+[1-9][0-9]{7,14}$' }), entities)).toBe('"+10000000"');
    expect(validValue(field({ pattern: '^[A-Z]{2}[0-9A-Z]{8,12}$' }), entities)).toBe('"AA00000000"');
    expect(validValue(field({ pattern: '^(ab|cd){3}$' }), entities)).toBe('<placeholder: write a value matching ^(ab|cd){3}$>');
    expect(validValue(field({ type: 'uuid', references: 'Customer' }), entities)).toBe('<id of an existing Customer>');
  });
});

describe('requests per endpoint (VER-1, VER-4)', () => {
  const m = exampleModel('payments');

  it('gives every error state of every example at least one request with its status', () => {
    for (const name of EXAMPLES) {
      const model = exampleModel(name);
      const v = verification(model);
      expect(v.endpoints.map((x) => x.endpoint)).toEqual(model.endpoints.map((e) => e.id));
      for (const ep of model.endpoints) {
        const cases = v.endpoints.find((x) => x.endpoint === ep.id)!.cases;
        expect(cases[0]).toMatchObject({ kind: 'valid', status: ep.status, name: '' });
        for (const s of ep.errorStates) {
          expect(cases.some((c) => c.status === s.status && c.name === s.name), `${ep.id} ${s.status} ${s.name}`).toBe(true);
        }
      }
    }
  });

  it('checks POST /payments with concrete values, duplicates, a missing customer and Stripe failures', () => {
    const v = forEndpoint(m, 'POST /payments');
    const lines = v.cases.map((c) => `${c.label}${c.value ? ` ${c.value}` : ''} -> ${c.status} ${c.name}`);
    expect(lines).toContain('amount_cents below its minimum 1: 0 -> 400 ValidationError');
    expect(lines).toContain('currency outside usd, eur, gbp: "invalid" -> 400 ValidationError');
    expect(lines).toContain('order_ref of 65 characters (max length 64) -> 400 ValidationError');
    expect(lines).toContain('No bearer token -> 401 Unauthorized');
    expect(lines).toContain('customer_id naming no existing Customer: 00000000-0000-4000-8000-000000000000 -> 404 CustomerNotFound');
    expect(lines).toContain('The valid request again with the same idempotency_key and the same body: the first response replayed (the same Payment, no second row and no second call to Stripe) -> 201 ');
    expect(lines).toContain('The same idempotency_key again with a different body -> 409 DuplicatePayment');
    expect(lines).toContain('Stripe stubbed to answer after more than 5000 ms -> 504 StripeTimeout');
    expect(lines).toContain('Trigger PaymentDeclined: The card was declined -> 402 PaymentDeclined');
    expect(v.body).toEqual([
      { field: 'customer_id', value: '<id of an existing Customer>' },
      { field: 'order_ref', value: '"order_ref-1"' },
      { field: 'amount_cents', value: '1' },
      { field: 'currency', value: '"usd"' },
      { field: 'idempotency_key', value: '"idempotency_key-1"' },
    ]);
    expect(v.afterwards[0]).toBe('One new row in payments with customer_id, order_ref, amount_cents, currency and idempotency_key as sent; created_at and updated_at set.');
    expect(v.afterwards).toContain('After each failed request: no new row in payments.');
  });

  it('asks an admin endpoint for the wrong role, and a path parameter for a malformed and a missing id', () => {
    const lines = forEndpoint(m, 'POST /payments/{id}/refunds').cases.map((c) => `${c.label}${c.value ? ` ${c.value}` : ''} -> ${c.status}`);
    expect(lines).toContain('A valid bearer token of an authenticated caller who is not an admin -> 403');
    expect(lines).toContain('{id} malformed: not-a-uuid -> 400');
    expect(lines).toContain('{id} naming no existing Payment: 00000000-0000-4000-8000-000000000000 -> 404');
  });

  it('checks that a read changes nothing and a delete follows on_delete', () => {
    expect(forEndpoint(m, 'GET /payments/{id}').afterwards[0]).toBe('Nothing changed in payments: the endpoint only reads.');
    const d = modelOf(`version: 1
project: { name: Shop, summary: s }
stack: { language: go, database: postgresql }
entities:
  - name: Order
    fields: [{ name: code, type: string }]
  - name: Line
    fields: [{ name: order_id, type: uuid, required: true, references: Order, on_delete: cascade }]
  - name: Note
    fields: [{ name: order_id, type: uuid, references: Order, on_delete: set-null }]
resources:
  - { entity: Order, operations: [delete] }
`, 'd.yaml');
    const after = forEndpoint(d, 'DELETE /orders/{id}').afterwards;
    expect(after).toEqual([
      'The row is gone from orders.',
      'Rows of lines whose order_id named it are gone too (on delete cascade).',
      'Rows of notes whose order_id named it now have no order_id (on delete set-null).',
      'After each failed request: the row is still in orders, unchanged.',
    ]);
  });
});

describe('response-time target (VER-6)', () => {
  const req = (latencyP95Ms: number | null, throughputRps: number | null) => ({
    requirements: { functional: [], latencyP95Ms, throughputRps, availability: '', dataRetention: '', compliance: [] },
  });
  it('states the p95 from the answers, with the throughput when given, and says when there is none', () => {
    expect(responseTarget(req(300, 200))).toBe('p95 under 300 ms at 200 requests per second');
    expect(responseTarget(req(150, null))).toBe('p95 under 150 ms');
    expect(responseTarget(req(null, 200))).toBe('no target in the answers');
  });
});

describe('conflicts on delete', () => {
  it('asks for a delete while a restricting reference names the row (409)', () => {
    const m = modelOf(`version: 1
project: { name: Shop, summary: s }
stack: { language: go, database: postgresql }
entities:
  - name: Customer
    fields: [{ name: email, type: email }]
  - name: Invoice
    fields: [{ name: customer_id, type: uuid, required: true, references: Customer, on_delete: restrict }]
resources:
  - { entity: Customer, operations: [delete] }
`, 'r.yaml');
    const ep = m.endpoints.find((e) => e.id === 'DELETE /customers/{id}')!;
    const cases = verification(m).endpoints.find((x) => x.endpoint === ep.id)!.cases;
    // Every state still gets a request (VER-1), whatever the engine derives for this delete.
    for (const s of ep.errorStates) expect(cases.some((c) => c.status === s.status && c.name === s.name), `${s.status} ${s.name}`).toBe(true);
    expect(ep.errorStates.some((s) => s.status === 409 && s.name === 'ConflictError')).toBe(true);
    expect(cases).toContainEqual(expect.objectContaining({ kind: 'duplicate', label: 'A delete while a row of invoices still names it in customer_id (on delete restrict)', status: 409 }));
    // Not the fallback: the 409 has its concrete request only.
    expect(cases.some((c) => c.label.startsWith('Trigger ConflictError'))).toBe(false);
  });
});
