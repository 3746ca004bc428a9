import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

function stepsOf(m: ReturnType<typeof modelFrom>, id: string): string[] {
  const method = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id);
  if (!method) throw new Error(`no method for ${id}`);
  return method.steps;
}

describe('SVC-3: the path names an item that is loaded before uniqueness is checked', () => {
  const m = modelFrom(`
entities:
  - name: Customer
    fields: [{ name: email, type: email, unique: true }]
  - name: Order
    fields:
      - { name: code, type: string, unique: true }
      - { name: customer_id, type: uuid, references: Customer }
  - name: Shipment
    fields: [{ name: order_id, type: uuid, references: Order, on_delete: restrict }]
endpoints:
  - { method: PATCH, path: "/orders/{id}", entity: Order, request: [code, customer_id] }
  - { method: POST, path: "/orders/{id}/cancel", entity: Order, request: [code] }
  - { method: DELETE, path: "/orders/{id}", entity: Order }
`);

  const index = (steps: string[], head: string): number => steps.findIndex((s) => s.startsWith(head));

  it('PATCH /x/{id}: load the Order, then uniqueness, then the referenced Customer', () => {
    const s = stepsOf(m, 'PATCH /orders/{id}');
    const load = index(s, 'Load the Order named by {id}');
    const uniq = index(s, 'Check uniqueness of code');
    const ref = index(s, 'Load the Customer named by customer_id');
    expect(load).toBeGreaterThan(-1);
    expect(uniq).toBeGreaterThan(load);
    expect(ref).toBeGreaterThan(uniq);
  });

  it('POST /x/{id}/cancel: load the Order before uniqueness', () => {
    const s = stepsOf(m, 'POST /orders/{id}/cancel');
    expect(index(s, 'Check uniqueness of code')).toBeGreaterThan(index(s, 'Load the Order named by {id}'));
  });

  it('DELETE /x/{id}: load the Order before refusing the delete', () => {
    const s = stepsOf(m, 'DELETE /orders/{id}');
    expect(index(s, 'Refuse the delete')).toBeGreaterThan(index(s, 'Load the Order named by {id}'));
    expect(index(s, 'Load the Order named by {id}')).toBeGreaterThan(-1);
  });
});

describe('VER-4 agrees with SVC-3 and SVC-6', () => {
  const m = modelFrom(`
entities:
  - name: Order
    fields: [{ name: code, type: string, unique: true }]
endpoints:
  - { method: POST, path: /orders, entity: Order, request: [code] }
  - { method: POST, path: "/orders/{id}/cancel", entity: Order, request: [code] }
`);
  const conflicts = (id: string) => m.plan.verification.endpoints.find((v) => v.endpoint === id)!.cases.filter((c) => c.kind === 'duplicate').map((c) => c.label);

  it('an insert repeats the request; a POST on the item sets another row\'s value on an existing item', () => {
    expect(conflicts('POST /orders')).toEqual(['The valid request again with the same code']);
    expect(conflicts('POST /orders/{id}/cancel')).toEqual(['code set to the value another row already has on an existing Order']);
  });
});

describe('INT-1: integration settings in words', () => {
  const m = modelFrom(`
entities:
  - name: Payment
    fields: [{ name: amount, type: integer }]
endpoints:
  - { method: POST, path: /payments, entity: Payment, request: [amount], integrations: [stripe, ledger, notifier] }
integrations:
  - { name: stripe, auth: api-key, retry: exponential, idempotent: true }
  - { name: ledger, auth: hmac-signature, retry: fixed }
  - { name: notifier }
`);

  it('gives catalog labels and the retry words, never the answers ids', () => {
    expect(m.plan.integrationTerms).toEqual([
      { name: 'stripe', credentials: 'API keys', retry: 'retried with exponential backoff', retryCheck: 'the exponential backoff' },
      { name: 'ledger', credentials: 'credentials: hmac-signature', retry: 'retried at a fixed interval', retryCheck: 'the retry at a fixed interval' },
      { name: 'notifier', credentials: 'no credentials', retry: 'not retried', retryCheck: 'that it is not retried' },
    ]);
  });
});

describe('VER-3: a reference field holds the referenced entity\'s primary key', () => {
  const m = modelFrom(`
entities:
  - name: ICD10Code
    fields: [{ name: code, type: string, primary: true }, { name: label, type: string }]
  - name: Customer
    fields: [{ name: email, type: email }]
  - name: Diagnosis
    fields:
      - { name: icd10_code_code, type: string, references: ICD10Code, required: true }
      - { name: customer_id, type: uuid, references: Customer, required: true }
endpoints:
  - { method: POST, path: /diagnoses, entity: Diagnosis, request: [icd10_code_code, customer_id] }
`);

  it('names the key the reference holds, not a generic id', () => {
    const v = m.plan.verification.endpoints.find((x) => x.endpoint === 'POST /diagnoses')!;
    expect(v.body.map((b) => `${b.field}: ${b.value}`)).toEqual(['icd10_code_code: <code of an existing ICD10Code>', 'customer_id: <id of an existing Customer>']);
  });
});

describe('IDX-3: a unique index on DynamoDB says how uniqueness is enforced', () => {
  const body = `
entities:
  - name: Booking
    fields:
      - { name: room, type: string }
      - { name: night, type: date }
    indexes: [{ fields: [room, night], unique: true }]
endpoints:
  - { method: POST, path: /bookings, entity: Booking, request: [room, night] }
`;
  it('the index reason and the data-model phase name the uniqueness item and its condition', () => {
    const m = modelFrom(body, '{ language: go, database: dynamodb }');
    const ix = m.entities[0]!.indexes.find((i) => i.unique)!;
    expect(ix.reason).toContain('a global secondary index cannot enforce uniqueness');
    expect(ix.reason).toContain('uniqueness item (partition key bookings#room#night#<room>#<night>) in the same TransactWriteItems with the condition attribute_not_exists');
    const task = m.plan.phases.flatMap((p) => p.tasks).find((t) => t.startsWith('Booking: item type'))!;
    expect(task).toContain('(unique: a uniqueness item per value, written in the same TransactWriteItems with attribute_not_exists)');
  });
  it('not on a relational database, which enforces it', () => {
    const m = modelFrom(body);
    expect(m.entities[0]!.indexes.find((i) => i.unique)!.reason).not.toContain('uniqueness item');
  });
});

describe('RISK-CACHE-PERSONAL-DATA', () => {
  const body = (compliance: string) => `
requirements: { non_functional: { compliance: [${compliance}] } }
entities:
  - name: Patient
    fields: [{ name: email, type: email }, { name: full_name, type: string }]
  - name: Clinic
    fields: [{ name: label, type: string }]
resources:
  - { entity: Patient, operations: [get] }
  - { entity: Clinic, operations: [list] }
`;
  const stack = '{ language: go, database: postgresql, cache: redis }';
  const risk = (m: ReturnType<typeof modelFrom>) => m.plan.risks.find((r) => r.id === 'RISK-CACHE-PERSONAL-DATA');

  it('fires with HIPAA and a cache, naming the reads of personal data and the mitigations', () => {
    const r = risk(modelFrom(body('HIPAA'), stack));
    expect(r?.cause).toBe('HIPAA applies and Redis could serve GET /patients/{id}: a cached Patient is a copy of regulated data outside the database\'s encryption, audit log and erasure');
    expect(r?.mitigations.join(' ')).toMatch(/ids only.*short TTL.*Encryption at rest/s);
  });
  it('stays quiet without a cache or without HIPAA, PCI-DSS or GDPR', () => {
    expect(risk(modelFrom(body('HIPAA')))).toBeUndefined();
    expect(risk(modelFrom(body('SOC2'), stack))).toBeUndefined();
  });
  it('PCI-DSS covers card data, not an e-mail address', () => {
    expect(risk(modelFrom(body('PCI-DSS'), stack))).toBeUndefined();
  });
});

describe('INFRA-2: with iac none the resource column says how, not the service again', () => {
  it('every row is set up by hand', () => {
    const m = modelFrom('entities: [{ name: Note, fields: [{ name: body, type: text }] }]', '{ language: go, database: postgresql, cloud: aws, compute: ecs, iac: none }');
    expect(m.plan.infrastructure.length).toBeGreaterThan(0);
    for (const r of m.plan.infrastructure) {
      expect(r.resource).toBe('by hand (no IaC tool chosen)');
      expect(r.resource).not.toBe(r.service);
    }
  });
});

describe('MOD-1: a derived module is named after the entity its group references most', () => {
  it('a ride-sharing group is trips, not drivers for coming first', () => {
    const m = modelFrom(`
entities:
  - name: Driver
    fields: [{ name: full_name, type: string }]
  - name: Rider
    fields: [{ name: full_name, type: string }]
  - name: Vehicle
    fields: [{ name: driver_id, type: uuid, references: Driver }]
  - name: Trip
    fields:
      - { name: driver_id, type: uuid, references: Driver }
      - { name: rider_id, type: uuid, references: Rider }
  - name: Payment
    fields: [{ name: trip_id, type: uuid, references: Trip }]
  - name: Rating
    fields: [{ name: trip_id, type: uuid, references: Trip }]
  - name: Receipt
    fields: [{ name: trip_id, type: uuid, references: Trip }]
  - name: Setting
    fields: [{ name: key, type: string }]
`);
    expect(m.modules.map((x) => `${x.name}: ${x.entities.join(' ')}`)).toEqual([
      'trips: Driver Rider Vehicle Trip Payment Rating Receipt',
      'settings: Setting',
    ]);
  });
  it('ties go to answer order', () => {
    const m = modelFrom(`
entities:
  - name: Author
    fields: [{ name: pen_name, type: string }]
  - name: Book
    fields: [{ name: author_id, type: uuid, references: Author }]
`);
    expect(m.modules.map((x) => x.name)).toEqual(['authors']);
  });
});

describe('TECH-5: the cache rationale does not claim to serve regulated reads plainly', () => {
  it('names the regulated reads and the safeguards under HIPAA', () => {
    const m = modelFrom(`
requirements: { non_functional: { compliance: [HIPAA] } }
entities:
  - name: Patient
    fields: [{ name: email, type: email }]
  - name: Clinic
    fields: [{ name: label, type: string }]
resources:
  - { entity: Patient, operations: [get] }
  - { entity: Clinic, operations: [get] }
`, '{ language: go, database: postgresql, cache: redis }');
    const why = m.plan.rationale.find((r) => r.key === 'cache')!.why;
    expect(why).toContain('Here: serves the reads of GET /clinics/{id}; GET /patients/{id} reads data under HIPAA, cached only with keys from ids, a short TTL, eviction on erasure and encryption at rest, or not at all (RISK-CACHE-PERSONAL-DATA).');
  });
});
