// STORE-1 in risks, error messages and generated field descriptions: a document or key-value store is never
// described in rows; a DynamoDB list needs a key design, not "an index on the filter column".
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const body = `
entities:
  - name: Warehouse
    timestamps: true
    fields: [{ name: code, type: string, unique: true }]
  - name: StockLevel
    timestamps: true
    fields: [{ name: warehouse_id, type: uuid, required: true, references: Warehouse, on_delete: cascade }]
resources:
  - { entity: Warehouse, operations: [list, create, delete] }
`;
const at = (db: string) => modelFrom(body, `{ language: go, database: ${db}, queue: rabbitmq }`);
const mitigations = (m: ReturnType<typeof at>, id: string) => m.plan.risks.find((r) => r.id === id)?.mitigations ?? [];

describe('the database words', () => {
  it('MongoDB: documents in the risks, the conflict message and the timestamps', () => {
    const m = at('mongodb');
    expect(mitigations(m, 'RISK-NOSQL-INTEGRITY')[0]).toBe('Check the referenced document in the service before writing (the 404 steps)');
    expect(mitigations(m, 'RISK-QUEUE-DUPLICATES')[2]).toBe('Transactional outbox (or change streams), so an event is published only when its document commits');
    expect(mitigations(m, 'RISK-CASCADE-DELETE')[2]).toBe('A test that states which documents a delete removes');
    expect(m.plan.errorCatalog.find((e) => e.name === 'ConflictError')!.message).toBe('The request conflicts with existing documents: a duplicate unique value, or a delete that other documents still reference');
    expect(m.entities[0]!.fields.find((f) => f.name === 'created_at')!.description).toBe('When the document was created');
  });

  it('DynamoDB: a newest-first list needs a key design, since a Scan has no order', () => {
    const m = at('dynamodb');
    expect(m.plan.risks.find((r) => r.id === 'RISK-LIST-INDEX')!.cause).toBe('GET /warehouses (warehouses by created_at) pages newest first with no global secondary index that leads with those attributes');
    expect(mitigations(m, 'RISK-LIST-INDEX')[0]).toContain('a Scan returns items in no order');
  });

  it('PostgreSQL keeps its rows and tables', () => {
    const m = at('postgresql');
    expect(mitigations(m, 'RISK-QUEUE-DUPLICATES')[2]).toBe('Transactional outbox, so an event is published only when its row commits');
    expect(m.plan.errorCatalog.find((e) => e.name === 'ConflictError')!.message).toContain('existing rows');
    expect(m.entities[0]!.fields.find((f) => f.name === 'updated_at')!.description).toBe('When the row was last changed');
  });
});

describe('the effort model and the foundation phase in the database words', () => {
  const reason = (m: ReturnType<typeof at>, what: string) => m.plan.estimate.items.find((i) => i.what === what)?.reason ?? '';

  it('DynamoDB: no migrations, foreign keys or connection pooling; the same hours as PostgreSQL', () => {
    const d = at('dynamodb');
    const p = at('postgresql');
    expect(reason(d, 'Database (Amazon DynamoDB)')).not.toMatch(/migration|pooling/);
    expect(reason(d, 'References')).toContain('global secondary index');
    expect(reason(d, 'References')).not.toContain('foreign key');
    expect(reason(p, 'References')).toBe('each reference adds a foreign key, its index and the on-delete behaviour test');
    expect(d.plan.estimate.total).toEqual(p.plan.estimate.total);
    const foundation = d.plan.phases.find((x) => x.key === 'foundation')!.tasks;
    expect(foundation.find((t) => t.startsWith('Database'))).toBe('Database (Amazon DynamoDB): backups, and the table, its key design (partition and sort key) and global secondary indexes applied from the pipeline');
  });
});

describe('the queue words', () => {
  const m = modelFrom(body, '{ language: go, database: dynamodb, queue: kafka, architecture: event-driven }');

  it('Kafka keeps failed messages on a dead-letter topic; the relay is the database\'s outbox', () => {
    expect(mitigations(m, 'RISK-QUEUE-DUPLICATES')[1]).toBe('A dead-letter topic on Apache Kafka with an alarm on its depth');
    const task = m.plan.phases.find((p) => p.key === 'integrations')!.tasks.find((t) => t.startsWith('Apache Kafka'))!;
    expect(task).toMatch(/^Apache Kafka: DynamoDB Streams relay, idempotent consumers, dead-letter topic with an alarm/);
  });

  it('SQS keeps its dead-letter queue', () => {
    expect(mitigations(modelFrom(body, '{ language: go, database: postgresql, queue: sqs }'), 'RISK-QUEUE-DUPLICATES')[1]).toBe('A dead-letter queue on Amazon SQS with an alarm on its depth');
  });
});

describe('STORE-3 each entity container by name and as a heading', () => {
  const containers = (db: string) => at(db).plan.containers;
  it('a table or collection by its table, the table first in the heading', () => {
    expect(containers('postgresql')).toEqual([
      { entity: 'Warehouse', name: 'warehouses', heading: 'warehouses (Warehouse)' },
      { entity: 'StockLevel', name: 'stock_levels', heading: 'stock_levels (StockLevel)' },
    ]);
    expect(containers('mongodb')[1]).toEqual({ entity: 'StockLevel', name: 'stock_levels', heading: 'stock_levels (StockLevel)' });
  });
  it('a node label as :Label, a DynamoDB item type by the entity: the entity first', () => {
    expect(containers('neo4j')[1]).toEqual({ entity: 'StockLevel', name: ':StockLevel', heading: 'StockLevel (node label)' });
    expect(containers('dynamodb')[1]).toEqual({ entity: 'StockLevel', name: 'StockLevel', heading: 'StockLevel (item type)' });
  });
});

describe('STORE-2 a reference with a type of its own', () => {
  it('Neo4j only: the plans show the phrase beside the field', () => {
    expect(['postgresql', 'mongodb', 'dynamodb', 'neo4j'].map((db) => at(db).plan.storage.typedReferences)).toEqual([false, false, false, true]);
  });
});
