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
