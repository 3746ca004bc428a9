import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers } from '../../src/answers/answers.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';
import { modelFrom, payments, paymentsText, resolvedFrom } from './plan-fixture.js';

describe('relationships', () => {
  it('REL-1: a many-to-one and its one-to-many per reference, cross-module marked', () => {
    const m = payments();
    expect(m.plan.relationships).toEqual([
      { kind: 'many-to-one', cardinality: 'many-to-one', from: 'Payment', to: 'Customer', via: 'customer_id', onDelete: 'restrict', required: true, crossModule: true, crossService: false, phrase: 'payments.customer_id references customers.id' },
      { kind: 'one-to-many', cardinality: 'one-to-many', from: 'Customer', to: 'Payment', via: 'customer_id', onDelete: 'restrict', required: true, crossModule: true, crossService: false, phrase: 'payments.customer_id references customers.id' },
      { kind: 'many-to-one', cardinality: 'many-to-one', from: 'Refund', to: 'Payment', via: 'payment_id', onDelete: 'cascade', required: true, crossModule: false, crossService: false, phrase: 'refunds.payment_id references payments.id' },
      { kind: 'one-to-many', cardinality: 'one-to-many', from: 'Payment', to: 'Refund', via: 'payment_id', onDelete: 'cascade', required: true, crossModule: false, crossService: false, phrase: 'refunds.payment_id references payments.id' },
    ]);
  });

  const joins = (extraIndex: string, extraField = '') => modelFrom(`
entities:
  - { name: Student, fields: [{ name: name, type: string }] }
  - { name: Course, fields: [{ name: title, type: string }] }
  - name: Enrolment
    timestamps: true
    fields:
      - { name: student_id, type: uuid, required: true, references: Student }
      - { name: course_id, type: uuid, required: true, references: Course }
${extraField}
    indexes: [${extraIndex}]
`);

  it('REL-2: two references with a unique index over them make a many-to-many', () => {
    const m = joins('{ fields: [student_id, course_id], unique: true }');
    expect(m.plan.relationships.filter((r) => r.kind === 'many-to-many')).toEqual([
      { kind: 'many-to-many', cardinality: 'many-to-many', from: 'Student', to: 'Course', via: 'Enrolment', onDelete: '', required: false, crossModule: false, crossService: false, phrase: 'Student and Course through enrolments' },
    ]);
  });

  it('REL-2 does not fire without the unique index, or with a third declared field', () => {
    expect(joins('{ fields: [student_id, course_id] }').plan.relationships.some((r) => r.kind === 'many-to-many')).toBe(false);
    expect(joins('{ fields: [student_id, course_id], unique: true }', '      - { name: grade, type: string }').plan.relationships.some((r) => r.kind === 'many-to-many')).toBe(false);
  });
});

describe('cycles and entity order', () => {
  it('REL-4: referenced first, answer order between equals', () => {
    const m = modelFrom(`
entities:
  - { name: LineItem, fields: [{ name: order_id, type: uuid, references: Order }, { name: product_id, type: uuid, references: Product }] }
  - { name: Order, fields: [{ name: customer_id, type: uuid, references: Customer }] }
  - { name: Product, fields: [{ name: sku, type: string }] }
  - { name: Customer, fields: [{ name: email, type: email }] }
`);
    expect(m.plan.entityOrder).toEqual(['Product', 'Customer', 'Order', 'LineItem']);
    expect(m.plan.cycles).toEqual([]);
  });

  it('REL-3: a cycle is reported with a warning and still gives an order', () => {
    const m = modelFrom(`
entities:
  - { name: Tag, fields: [{ name: label, type: string }] }
  - { name: Team, fields: [{ name: lead_id, type: uuid, references: Person }] }
  - { name: Person, fields: [{ name: team_id, type: uuid, required: true, references: Team }] }
  - { name: Folder, fields: [{ name: parent_id, type: uuid, references: Folder }] }
  - { name: Node, fields: [{ name: parent_id, type: uuid, required: true, references: Node }] }
`);
    expect(m.plan.cycles).toEqual([['Team', 'Person'], ['Node']]);
    // The cycle is broken only when nothing else is ready, at its earliest entity.
    expect(m.plan.entityOrder).toEqual(['Tag', 'Folder', 'Node', 'Team', 'Person']);
    expect(m.plan.warnings.map((w) => w.path)).toEqual(['entities[1]', 'entities[4]']);
    expect(m.plan.warnings[0]!.message).toBe('reference cycle Team -> Person -> Team: one reference in it must be optional (or its constraint deferred) so rows can be inserted');
  });
});

describe('foreign-key indexes', () => {
  it('IDX-1 on the reference answers: refunds.payment_id added, payments.customer_id covered by the declared index', () => {
    const m = payments();
    const pay = m.entities.find((e) => e.name === 'Payment')!;
    const refund = m.entities.find((e) => e.name === 'Refund')!;
    expect(pay.indexes.map((i) => [i.name, i.origin])).toEqual([['payments_customer_id_created_at_idx', 'declared']]);
    expect(refund.indexes).toEqual([{
      name: 'refunds_payment_id_idx', fields: ['payment_id'], unique: false, origin: 'foreign-key',
      reason: "foreign key to Payment: joins, lookups of a Payment's refunds and the on-delete check read by payment_id",
    }]);
  });

  it('IDX-1 does not fire for a unique reference, nor when an index only contains the column later', () => {
    const m = modelFrom(`
entities:
  - { name: User, fields: [{ name: email, type: email }] }
  - name: Profile
    fields:
      - { name: user_id, type: uuid, references: User, unique: true }
      - { name: owner_id, type: uuid, references: User }
      - { name: kind, type: string }
    indexes: [{ fields: [kind, owner_id] }]
`);
    expect(m.entities[1]!.indexes.map((i) => i.name)).toEqual(['profiles_kind_owner_id_idx', 'profiles_owner_id_idx']);
  });
});

describe('the engine as a whole', () => {
  it('is deterministic and leaves its input untouched', () => {
    const r = normalise(parse(paymentsText) as Answers, 'payments.yaml');
    const before = JSON.stringify(r);
    const a = JSON.stringify(plan(r), null, 2);
    const b = JSON.stringify(plan(normalise(parse(paymentsText) as Answers, 'payments.yaml')), null, 2);
    expect(a).toBe(b);
    expect(JSON.stringify(r)).toBe(before);
  });

  it('fills the engine fields of every endpoint and no value is undefined', () => {
    const m = payments();
    for (const ep of m.endpoints) {
      expect(ep.handler).not.toBe('');
      expect(ep.service).not.toBe('');
    }
    const walk = (v: unknown, path: string): void => {
      expect(v, path).not.toBeUndefined();
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(m, 'model');
  });

  it('copes with awkward names: UserRole, a field named order, non-ASCII text', () => {
    const r = resolvedFrom(`
entities:
  - { name: UserRole, description: Rôle d'un utilisateur, fields: [{ name: order, type: integer, required: true }] }
resources: [{ entity: UserRole, operations: [create] }]
integrations: [{ name: Zahlungsdienst-Ü, timeout_ms: 100 }]
endpoints: [{ method: POST, path: /zahlung, integrations: [Zahlungsdienst-Ü] }]
`);
    const m = plan(r);
    expect(m.endpoints[0]!.handler).toBe('createUserRole');
    // The accented letter keeps its base letter (NAMES-1), as in a slug: Ü is the word U.
    expect(m.endpoints[1]!.errorStates.map((s) => s.name)).toContain('ZahlungsdienstUError');
  });
});

describe('scale', () => {
  it('a chain of 5000 references, a cycle and 2000 endpoints plan in a few seconds without deep recursion', () => {
    const n = 5000;
    // E0 references E1, E1 references E2, ...: the last entity must come first; E4999 references E0 closes a cycle.
    const entities = Array.from({ length: n }, (_, i) => ({
      name: `E${i}`,
      fields: [{ name: 'next_id', type: 'uuid', references: `E${(i + 1) % n}` }, { name: 'label', type: 'string', max_length: 10 }],
    }));
    const endpoints = Array.from({ length: 2000 }, (_, i) => ({ method: 'GET', path: `/e${i}s/{id}`, entity: `E${i}` }));
    const answers = { version: 1, project: { name: 'Big', summary: 'big' }, stack: { language: 'go', database: 'postgresql' }, entities, endpoints };
    const t0 = performance.now();
    const m = plan(normalise(answers as unknown as Answers, 'big.yaml'));
    const ms = performance.now() - t0;
    expect(m.plan.cycles).toHaveLength(1);
    expect(m.plan.cycles[0]).toHaveLength(n);
    expect(m.plan.entityOrder).toHaveLength(n);
    // The cycle is broken at E0; then everything waits on its successor, so the rest comes from the end.
    expect(m.plan.entityOrder.slice(0, 3)).toEqual(['E0', 'E4999', 'E4998']);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('REL-1: a unique reference is one-to-one both ways', () => {
  const m = modelFrom(`
entities:
  - name: Trip
    fields: [{ name: fare, type: integer }]
  - name: Receipt
    fields: [{ name: trip_id, type: uuid, required: true, unique: true, references: Trip }]
  - name: Stop
    fields: [{ name: trip_id, type: uuid, required: true, references: Trip }]
`);
  const rel = (from: string, to: string) => m.plan.relationships.find((r) => r.from === from && r.to === to)!;

  it('Receipt.trip_id (unique) gives one-to-one; Stop.trip_id keeps many-to-one and one-to-many', () => {
    expect([rel('Receipt', 'Trip').kind, rel('Receipt', 'Trip').cardinality]).toEqual(['many-to-one', 'one-to-one']);
    expect([rel('Trip', 'Receipt').kind, rel('Trip', 'Receipt').cardinality]).toEqual(['one-to-many', 'one-to-one']);
    expect(rel('Stop', 'Trip').cardinality).toBe('many-to-one');
    expect(rel('Trip', 'Stop').cardinality).toBe('one-to-many');
  });
});
