// QA round on an invoicing SaaS, an IoT ingest and a text-heavy app: each finding pinned where the engine
// decides it.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const notes = `entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`;
const availability = (a: string) => `${notes}\nrequirements: { non_functional: { availability: "${a}" } }`;

describe('PH-5: the hardening task names the second region the estimate holds', () => {
  const task = (a: string, db = 'postgresql') => {
    const m = modelFrom(availability(a), `{ language: go, database: ${db} }`);
    return { task: m.plan.phases.find((p) => p.key === 'hardening')!.tasks.find((t) => t.startsWith('Availability'))!, items: m.plan.estimate.items.map((i) => i.what) };
  };

  it('at 99.95 and above: a second region with replication and a failover drill, as the estimate item', () => {
    const { task: t, items } = task('99.95', 'mongodb');
    expect(items).toContain('Second region');
    expect(t).toBe('Availability 99.95%: a second region with MongoDB replication and a failover drill, health checks and alarms');
  });

  it('below: no second region in the task or the estimate', () => {
    const { task: t, items } = task('99.9');
    expect(items).not.toContain('Second region');
    expect(t).toBe('Availability 99.9%: health checks, alarms and a restore drill');
  });
});

describe('FLOW-4: the data flow in one line follows the order of the calls', () => {
  const body = `entities:
  - { name: Alert, fields: [{ name: severity, type: string, max_length: 10 }] }
  - { name: Charge, fields: [{ name: amount, type: integer }] }
endpoints:
  - { method: POST, path: '/alerts/{id}/acknowledge', entity: Alert, integrations: [Hookdeck] }
  - { method: POST, path: /charges, entity: Charge, request: [amount], integrations: [PayCo] }
integrations:
  - { name: Hookdeck, purpose: Deliver alert webhooks to customers }
  - { name: PayCo, purpose: Card charges }`;
  const line = (stack: string, id: string) => modelFrom(body, stack).plan.dataFlows.find((f) => f.endpoint === id)!.line;

  it('a call after the commit comes after the write, from the consumer when a queue carries the event', () => {
    expect(line('{ language: go, database: mongodb, queue: kafka }', 'POST /alerts/{id}/acknowledge'))
      .toBe('AlertService.AcknowledgeAlert → alerts → Apache Kafka; after the answer, Consumer of alert.acknowledged → Hookdeck');
    expect(line('{ language: go, database: postgresql }', 'POST /alerts/{id}/acknowledge')).toBe('AlertService.AcknowledgeAlert → alerts → Hookdeck');
  });

  it('a call the write needs comes before the write', () => {
    expect(line('{ language: python, database: postgresql }', 'POST /charges')).toBe('ChargeService.create_charge → PayCo → charges');
  });
});

describe('FLOW-4: each database stop names the table the step touches', () => {
  it('a refund loads the payment, calls the provider, then inserts the refund', () => {
    const m = modelFrom(`entities:
  - { name: Payment, fields: [{ name: amount, type: integer }] }
  - { name: Refund, fields: [{ name: payment_id, type: uuid, references: Payment }, { name: amount, type: integer }] }
endpoints:
  - { method: POST, path: '/payments/{id}/refunds', entity: Refund, request: [amount], integrations: [PayCo] }
integrations:
  - { name: PayCo, purpose: Card charges and refunds }`);
    expect(m.plan.dataFlows[0]!.line).toBe('RefundService.CreatePaymentRefund → payments → PayCo → refunds');
  });
});

describe('TECH-3 queue: events and queued requests counted apart', () => {
  it('a 202 write and a write on no entity put requests on the queue, not events', () => {
    const m = modelFrom(`entities:
  - { name: Reading, fields: [{ name: value, type: decimal }] }
  - { name: Device, fields: [{ name: serial, type: string, max_length: 20 }] }
resources: [{ entity: Device, operations: [create] }]
endpoints:
  - { method: POST, path: /readings, entity: Reading, request: [value], status: 202 }
  - { method: POST, path: /jobs/run, request: raw }`, '{ language: go, database: postgresql, queue: kafka }');
    expect(m.plan.events.map((e) => e.name)).toEqual(['device.created']);
    expect(m.plan.rationale.find((r) => r.key === 'queue')!.why).toContain('Here: carries the events of 1 write endpoint and the queued requests of 2 endpoints (handled by a consumer).');
  });
});

describe('OPT-1 approach: one module is not "each"', () => {
  it('a modular monolith of one module owns its data; of two, each does', () => {
    const one = modelFrom(notes).plan.options.find((o) => o.architecture === 'modular-monolith')!.approach;
    expect(one).toContain('with the module notes, owning its data behind a public interface');
    const two = modelFrom(`${notes}\nmodules: [{ name: a, entities: [Note] }, { name: b, entities: [Tag] }]`.replace('entities:\n  - { name: Note', 'entities:\n  - { name: Tag, fields: [{ name: x, type: string, max_length: 5 }] }\n  - { name: Note')).plan.options.find((o) => o.architecture === 'modular-monolith')!.approach;
    expect(two).toContain('with the modules a and b, each owning its data');
  });
});

describe('RES-1: a field the base path names comes from the path, not the body', () => {
  const m = modelFrom(`entities:
  - { name: Tenant, fields: [{ name: slug, type: string, max_length: 20 }] }
  - { name: VATRate, fields: [{ name: tenant_id, type: uuid, required: true, references: Tenant }, { name: rate, type: decimal, required: true }] }
resources:
  - { entity: VATRate, operations: [create, update], base_path: '/tenants/{tenant_id}/vat-rates' }`);

  it('create and update send only the other fields', () => {
    expect(m.endpoints.map((e) => [e.id, e.request])).toEqual([
      ['POST /tenants/{tenant_id}/vat-rates', { kind: 'fields', fields: ['rate'] }],
      ['PATCH /tenants/{tenant_id}/vat-rates/{id}', { kind: 'fields', fields: ['rate'] }],
    ]);
    const create = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'POST /tenants/{tenant_id}/vat-rates')!;
    expect(create.steps[0]).toBe('Validate input: rate (required) and the path parameter {tenant_id} (a UUID) (400 ValidationError)');
  });

  it('the verification checks the new row takes the parent from the path', () => {
    const after = m.plan.verification.endpoints.find((v) => v.endpoint === 'POST /tenants/{tenant_id}/vat-rates')!.afterwards;
    expect(after[0]).toBe('One new row in vat_rates with rate as sent and tenant_id from {tenant_id}.');
  });
});

describe('RISK-CONSUMER-ON-REQUEST-COMPUTE: consumers need compute that keeps running', () => {
  const body = `entities:
  - { name: Reading, fields: [{ name: value, type: decimal }] }
endpoints:
  - { method: POST, path: /readings, entity: Reading, request: [value], status: 202 }`;
  const risk = (stack: string) => modelFrom(body, stack).plan.risks.find((r) => r.id === 'RISK-CONSUMER-ON-REQUEST-COMPUTE');

  it('Cloud Run with Kafka: the consumers stop between requests; a consumer service with CPU always allocated', () => {
    const r = risk('{ language: go, database: mongodb, cloud: gcp, compute: cloud-run, queue: kafka }')!;
    expect(r.cause).toBe('the consumers of Apache Kafka (the messages of POST /readings) and the outbox relay must pull all the time, but Google Cloud Run runs code only while it serves a request: between requests they stop, and messages wait');
    expect(r.mitigations[0]).toContain('CPU always allocated and at least one minimum instance');
  });

  it('Lambda with Redis Streams fires; Lambda with SQS (an event source) and containers do not', () => {
    expect(risk('{ language: go, database: dynamodb, compute: lambda, queue: redis }')?.mitigations[0]).toContain('Amazon SQS');
    expect(risk('{ language: go, database: dynamodb, compute: lambda, queue: sqs }')).toBeUndefined();
    expect(risk('{ language: go, database: mongodb, cloud: gcp, compute: kubernetes, queue: kafka }')).toBeUndefined();
  });
});

describe('RISK-KAFKA-OVERHEAD: the queue by its label, the managed Kafka of the chosen cloud', () => {
  const risk = (cloud: string) => modelFrom(notes, `{ language: go, database: postgresql, cloud: ${cloud}, queue: kafka }`).plan.risks.find((r) => r.id === 'RISK-KAFKA-OVERHEAD')!;

  it('names Apache Kafka, and the managed service the infrastructure uses', () => {
    expect(risk('gcp').cause).toBe('Apache Kafka is chosen for an unstated load; brokers, partitions and consumer groups need care at any volume');
    expect(risk('aws').mitigations[0]).toBe('A managed Kafka (Amazon MSK) rather than self-hosted brokers');
    expect(risk('gcp').mitigations[0]).toBe('A managed Kafka (Google Cloud Managed Service for Apache Kafka) rather than self-hosted brokers');
    expect(risk('azure').mitigations[0]).toBe('A managed Kafka (Azure Event Hubs with its Kafka endpoint) rather than self-hosted brokers');
    expect(risk('on-prem').mitigations[0]).toBe('A managed Kafka (Confluent Cloud) rather than self-hosted brokers');
  });
});

describe('VER-4 live unique: the verification proves a soft-deleted record frees its unique value', () => {
  const body = (soft: boolean) => `entities:
  - { name: Tenant, soft_delete: ${soft}, fields: [{ name: slug, type: string, required: true, unique: true, max_length: 20 }] }
resources: [{ entity: Tenant, operations: [create] }]`;
  const cases = (soft: boolean) => modelFrom(body(soft)).plan.verification.endpoints[0]!.cases.map((c) => `${c.label} -> ${c.status}`);

  it('soft-deleting: the duplicate is refused, and accepted once the first is soft-deleted', () => {
    expect(cases(true)).toContain('The valid request again with the same slug -> 409');
    expect(cases(true)).toContain('The valid request again with the same slug once the first Tenant is soft-deleted (deleted_at set): a deleted row frees its value -> 201');
  });

  it('no such case without soft delete', () => {
    expect(cases(false).some((c) => c.includes('soft-deleted'))).toBe(false);
  });
});

describe('RISK-GDPR mitigations: retention and soft delete', () => {
  const body = (soft: boolean, retention: string) => `entities:
  - { name: Customer, soft_delete: ${soft}, fields: [{ name: email, type: email }] }
resources: [{ entity: Customer, operations: [get] }]
requirements: { non_functional: { compliance: [GDPR]${retention ? `, data_retention: ${retention}` : ''} } }`;
  const mit = (soft: boolean, retention: string) => modelFrom(body(soft, retention)).plan.risks.find((r) => r.id === 'RISK-GDPR')!.mitigations;

  it('erasure against a retention period, and soft-deleted rows still hold personal fields', () => {
    const m = mit(true, '10 years');
    expect(m[0]).toBe("Export and erasure of a person's data on request; a record the 10 years retention must keep has its personal fields restricted, then erased or pseudonymised when the period ends");
    expect(m[1]).toBe('A soft delete is no erasure: erasing a person clears customers.email, also on soft-deleted rows');
  });

  it('neither without retention or soft delete', () => {
    expect(mit(false, '')).toEqual(["Export and erasure of a person's data on request", 'Retention job that deletes personal data after its retention period', 'Records of processing and a data-processing agreement with every integration that receives personal data']);
  });
});

describe('RISK-CLOUD-MISMATCH: a service of another cloud is named, with its cloud', () => {
  const risk = (stack: string) => modelFrom(notes, stack).plan.risks.find((r) => r.id === 'RISK-CLOUD-MISMATCH');

  it('DynamoDB and SQS on Google Cloud; an observability tool of another cloud is no mismatch', () => {
    const r = risk('{ language: go, database: dynamodb, queue: sqs, cloud: gcp, observability: [CloudWatch] }')!;
    expect(r.severity).toBe('high');
    expect(r.cause).toBe('Amazon DynamoDB (Amazon Web Services only) and Amazon SQS (Amazon Web Services only) are chosen with Google Cloud as the cloud: the infrastructure can only name the closest service there, while the rest of the plans design for what was chosen');
    expect(risk('{ language: go, database: postgresql, cloud: gcp, compute: cloud-run, observability: [cloudwatch] }')).toBeUndefined();
  });

  it('Cloud Run on Azure; nothing when every service fits the cloud', () => {
    expect(risk('{ language: go, database: postgresql, cloud: azure, compute: cloud-run }')!.cause).toContain('Google Cloud Run (Google Cloud only) is chosen with Microsoft Azure');
    expect(risk('{ language: go, database: dynamodb, cloud: aws, compute: lambda, iac: sam }')).toBeUndefined();
  });
});

describe('RISK-THROUGHPUT-NO-CACHE: read scaling the database has', () => {
  const mit = (db: string) => modelFrom(`${notes}\nrequirements: { non_functional: { throughput_rps: 5000 } }`, `{ language: go, database: ${db} }`).plan.risks.find((r) => r.id === 'RISK-THROUGHPUT-NO-CACHE')!.mitigations[1];
  it('no read replicas for DynamoDB or SQLite', () => {
    expect(mit('dynamodb')).toBe('DynamoDB Accelerator (DAX) in front of the hot reads, and on-demand or auto-scaled read capacity');
    expect(mit('mongodb')).toContain('MongoDB secondaries');
    expect(mit('sqlite')).toBe('SQLite has no read replicas: move to PostgreSQL before this load');
    expect(mit('postgresql')).toBe('Read replicas for PostgreSQL');
  });
});

describe('normalise: a derived slug folds accents', () => {
  it('Café Recettes: 食谱 #1 -> cafe-recettes-1', () => {
    const m = modelFrom(notes, undefined, '{ name: "Café Recettes: 食谱 #1", summary: Recipes }');
    expect(m.project.slug).toBe('cafe-recettes-1');
  });
});

describe('EST-1: a call made after the commit is estimated as such, for the same hours', () => {
  it('Postmark after the write: no 502/503/504 mapping in its reason', () => {
    const m = modelFrom(`entities:
  - { name: Invoice, fields: [{ name: number, type: string, max_length: 20 }] }
endpoints:
  - { method: POST, path: '/invoices/{id}/issue', entity: Invoice, integrations: [Postmark] }
integrations:
  - { name: Postmark, purpose: Send invoice e-mails }`);
    const items = m.plan.estimate.items.map((i) => i.what);
    expect(items).toContain('Integration calls after the commit');
    expect(items).not.toContain('Integration calls from endpoints');
    const item = m.plan.estimate.items.find((i) => i.what === 'Integration calls after the commit')!;
    expect([item.count, item.hours.low, item.hours.high]).toEqual([1, 2, 4]);
    expect(item.reason).not.toContain('502');
  });
});

describe('SCALE-1: how each part of the stack scales, not its costs twice', () => {
  it('compute, architecture, queue and database of the stack; no line for no cache', () => {
    const m = modelFrom(notes, '{ language: go, database: mongodb, cloud: gcp, compute: cloud-run, queue: kafka }');
    expect(m.plan.scaling.map((x) => x.key)).toEqual(['compute', 'architecture', 'queue', 'database']);
    const db = m.plan.scaling.find((x) => x.key === 'database')!;
    expect(db.how).toContain('sharding on a key that spreads writes');
    expect(db.limits).toBe('No foreign keys; multi-document transactions cost more; schema drift without validation');
  });
});
