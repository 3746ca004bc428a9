// The architecture flowchart (implementation-plan): the API node by catalog labels, never raw answer ids; a
// service that only answers GETs only reads; only a service with a GET has reads for the cache to serve.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';

const answers = `version: 1
project: { name: Rides, summary: Trips }
stack: { language: typescript, framework: nestjs, database: dynamodb, architecture: serverless, compute: lambda, iac: sam, cache: redis, queue: sqs }
entities:
  - name: Trip
    fields: [{ name: fare, type: integer }]
  - name: TripEvent
    fields: [{ name: trip_id, type: uuid, required: true, references: Trip }]
  - name: Payout
    fields: [{ name: amount, type: integer }]
resources:
  - { entity: Trip, operations: [get, create] }
  - { entity: TripEvent, operations: [list] }
  - { entity: Payout, operations: [create] }
`;

describe('architecture flowchart labels and edges', () => {
  const text = renderFormat(modelOf(answers, 'rides.yaml'), 'implementation-plan');

  it('names the framework and compute by label', () => {
    expect(text).toContain('api["NestJS API on AWS Lambda"]');
    expect(text).toContain('reach the NestJS handlers');
    expect(text).not.toContain('nestjs API on lambda');
  });

  it('a list-only service reads; a write-only service has no cached reads', () => {
    expect(text).toContain('svc_TripEventService -->|reads| db');
    expect(text).toContain('svc_TripEventService -->|cached reads| cache');
    expect(text).toContain('svc_PayoutService -->|reads and writes| db');
    expect(text).not.toContain('svc_PayoutService -->|cached reads| cache');
    expect(text).toContain('svc_TripService -->|cached reads| cache');
  });
});

describe('architecture flowchart: microservices', () => {
  it('names each service\'s own database by the catalog label, never the answer id', () => {
    const text = renderFormat(modelOf(answers.replace('database: dynamodb, architecture: serverless', 'database: mysql, architecture: microservices').replace('stack:', 'modules: [{ name: trips, entities: [Trip, TripEvent] }, { name: payouts, entities: [Payout] }]\nstack:'), 'rides.yaml'), 'implementation-plan');
    expect(text).toContain('db_trips[("trips database (MySQL)")]');
    expect(text).not.toContain('database (mysql)');
  });
});

describe('architect-doc: crossings between modules in the database words', () => {
  const mongo = `version: 1
project: { name: Stock, summary: Stock }
stack: { language: go, database: mongodb, architecture: modular-monolith }
entities:
  - name: Warehouse
    fields: [{ name: code, type: string }]
  - name: Shipment
    fields: [{ name: warehouse_id, type: uuid, required: true, references: Warehouse }]
modules:
  - { name: inventory, entities: [Warehouse] }
  - { name: shipping, entities: [Shipment] }
resources:
  - { entity: Shipment, operations: [create] }
`;
  it('MongoDB modules never reach into each other\'s collections', () => {
    const text = renderFormat(modelOf(mongo, 'stock.yaml'), 'architect-doc');
    expect(text).toContain('Between modules (an in-process call through the owning module\'s service, never its collections):');
  });
});

describe('six-phase storage line in the database words', () => {
  it('DynamoDB counts global secondary indexes added for references, not foreign keys', () => {
    const text = renderFormat(modelOf(answers, 'rides.yaml'), 'six-phase');
    expect(text).toContain('- Storage: Amazon DynamoDB, 1 global secondary index (1 added for a reference).');
  });
});

describe('architecture flowchart for microservices (DIR-5)', () => {
  const micro = answers
    .replace('architecture: serverless, compute: lambda, iac: sam', 'architecture: microservices, compute: kubernetes, iac: terraform')
    .replace('resources:', 'modules:\n  - { name: trips, entities: [Trip, TripEvent] }\n  - { name: payouts, entities: [Payout] }\nresources:');
  const text = renderFormat(modelOf(micro, 'rides.yaml'), 'implementation-plan');

  it('no single API: the entry point routes to each service\'s own, with its own database', () => {
    expect(text).not.toContain('  api["');
    expect(text).toContain('  subgraph mod_trips["service trips"]\n    api_trips["NestJS API on Kubernetes"]\n    svc_TripService["TripService"]');
    expect(text).toContain('  entry --> api_payouts');
    expect(text).toContain('  api_payouts --> svc_PayoutService');
    expect(text).toContain('    db_payouts[("payouts database (Amazon DynamoDB)")]');
    expect(text).toContain('which routes each path to the service that owns it: 2 services (trips, payouts), each deployed on its own;');
  });
});
