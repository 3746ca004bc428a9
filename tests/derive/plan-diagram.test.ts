// DIAG-1 to DIAG-3: what runs each part of the stack and the architecture flowchart are decided in the engine
// (plan.stackServices, plan.flowchart); the templates only lay them out.
import { describe, expect, it } from 'vitest';
import type { FlowItem, Model } from '../../src/derive/model.js';
import { stackServices } from '../../src/derive/plan/diagram.js';
import { modelFrom } from './plan-fixture.js';

const body = `
entities:
  - { name: Note, fields: [{ name: title, type: string, max_length: 80 }] }
  - { name: Tag, fields: [{ name: label, type: string }] }
integrations:
  - { name: Kafka Mirror, purpose: copies notes elsewhere, protocol: https }
resources:
  - { entity: Note, operations: [list, create] }
endpoints:
  - { method: GET, path: /tags, entity: Tag, integrations: [Kafka Mirror] }
`;
const at = (stack: string): Model => modelFrom(body, stack);
const edges = (m: Model): string[] => m.plan.flowchart
  .filter((x): x is Extract<FlowItem, { item: 'edge' }> => x.item === 'edge')
  .map((x) => `${x.edge.path.map((r) => `${r.kind}:${r.name}`).join(' > ')}${x.edge.label ? ` (${x.edge.label})` : ''}`);
const nodes = (m: Model): string[] => m.plan.flowchart.flatMap((x) => (x.item === 'node' ? [x.node] : x.item === 'group' ? x.group.nodes : []))
  .map((n) => `${n.kind}:${n.name}=${n.label}`);

describe('DIAG-1 what runs each part of the stack', () => {
  it('as the infrastructure names it; no cache, no queue: none', () => {
    const run = at('{ language: go, database: postgresql, cloud: aws, compute: ecs }').plan.stackServices;
    expect(run.database).toEqual(['Amazon RDS for PostgreSQL (Multi-AZ)']);
    expect(run.entry.length).toBe(1);
    expect([run.cache, run.queue]).toEqual([[], []]);
  });
  it('a Redis queue on the Redis cache is the cache service (was the answer id `redis`)', () => {
    const run = at('{ language: go, database: postgresql, cloud: aws, compute: ecs, cache: redis, queue: redis }').plan.stackServices;
    expect(run.queue).toEqual(run.cache);
    expect(run.queue[0]).toContain('ElastiCache');
  });
  it('catalog labels when no row names the part, never answer ids', () => {
    const m = at('{ language: go, database: postgresql, cache: memcached, queue: kafka }');
    expect(stackServices(m.stack, [])).toEqual({ compute: ['Amazon ECS (Fargate)'], entry: [], database: ['PostgreSQL'], cache: ['Memcached'], queue: ['Apache Kafka'] });
  });
});

describe('DIAG-2 nodes', () => {
  it('clients, entry, the API, services, the shared database, cache, queue, integrations', () => {
    const m = at('{ language: go, framework: chi, database: postgresql, cloud: aws, compute: ecs, cache: redis, queue: sqs }');
    const n = nodes(m);
    expect(n[0]).toBe('clients:=Clients');
    expect(n).toContain('api:=chi API on Amazon ECS (Fargate)');
    expect(n).toContain('database:=Amazon RDS for PostgreSQL (Multi-AZ)');
    expect(n.filter((x) => x.startsWith('queue:'))).toEqual(['queue:=Amazon SQS queue']);
    expect(n.at(-1)).toBe('integration:Kafka Mirror=Kafka Mirror');
  });
  it('microservices: a database per module that has an entity', () => {
    const m = at('{ language: go, database: postgresql, architecture: microservices }');
    const groups = m.plan.flowchart.filter((x) => x.item === 'group');
    expect(groups.length).toBeGreaterThan(0);
    expect(nodes(m).some((x) => x.startsWith('database:') && x.includes(' database (PostgreSQL)'))).toBe(true);
  });
});

describe('DIAG-3 edges', () => {
  it('events from a service with a write, never from a read-only one whose steps name the queue (was: a step matching the queue id)', () => {
    const m = at('{ language: go, database: postgresql, queue: kafka, cloud: aws, compute: ecs }');
    const tagSteps = m.plan.services.find((s) => s.entity === 'Tag')!.methods.flatMap((fn) => fn.steps).join(' ');
    expect(tagSteps).toMatch(/\bkafka\b/i);
    expect(edges(m)).toContain('service:NoteService > queue: (events)');
    expect(edges(m).filter((e) => e.startsWith('service:TagService > queue'))).toEqual([]);
  });
  it('reads or reads and writes; cached reads only with a GET; calls to an integration by its protocol', () => {
    const m = at('{ language: go, database: postgresql, cache: redis, cloud: aws, compute: ecs }');
    expect(edges(m)).toEqual(expect.arrayContaining([
      'clients: > entry: > api:',
      'service:NoteService > database: (reads and writes)',
      'service:NoteService > cache: (cached reads)',
      'service:TagService > database: (reads)',
      'service:TagService > integration:Kafka Mirror (https)',
    ]));
    const call = m.plan.flowchart.find((x) => x.item === 'edge' && x.edge.label === 'https');
    expect(call?.item === 'edge' && call.edge.answersText).toBe(true);
  });
});
