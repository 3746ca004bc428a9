// Every rule of the risk catalog on a small model where it fires and one where it must not.
import { describe, expect, it } from 'vitest';
import { RISK_RULES } from '../../src/derive/catalog/risks.js';
import { modelFrom } from './plan-fixture.js';

const note = 'entities: [{ name: Note, fields: [{ name: body, type: text }] }]';
const notes = `${note}\nresources: [{ entity: Note, operations: [list, get, create] }]`;
const go = (extra = '') => `{ language: go, database: postgresql${extra} }`;
const req = (nf: string) => `requirements: { non_functional: { ${nf} } }`;
const integration = (i: string, ep = '{ method: POST, path: /sends, integrations: [Mailer] }') => `${note}\nintegrations: [${i}]\nendpoints: [${ep}]`;
const refs2 = `entities:
  - { name: A, fields: [{ name: x, type: string, unique: true }] }
  - { name: B, fields: [{ name: y, type: string }] }
  - { name: C, fields: [{ name: a_id, type: uuid, references: A }, { name: b_id, type: uuid, references: B }] }`;

type Case = [body: string, stack?: string, project?: string];
const CASES: Record<string, { fires: Case; quiet: Case }> = {
  'RISK-SERVERLESS-CONNECTIONS': { fires: [notes, go(', compute: lambda')], quiet: [notes] },
  'RISK-SERVERLESS-COLD-START': { fires: [`${notes}\n${req('latency_p95_ms: 200')}`, go(', architecture: serverless')], quiet: [`${notes}\n${req('latency_p95_ms: 2000')}`, go(', architecture: serverless')] },
  'RISK-QUEUE-DUPLICATES': { fires: [notes, go(', queue: rabbitmq')], quiet: [notes] },
  'RISK-INTEGRATION-OUTAGE': { fires: [integration('{ name: Mailer }')], quiet: [`${notes}\nintegrations: [{ name: Mailer }]`] },
  'RISK-INTEGRATION-UNSAFE-RETRY': { fires: [integration('{ name: Mailer, retry: fixed, idempotent: false }')], quiet: [integration('{ name: Mailer, retry: fixed, idempotent: true }')] },
  'RISK-INTEGRATION-NO-RETRY': { fires: [integration('{ name: Mailer }')], quiet: [integration('{ name: Mailer, idempotent: true }')] },
  'RISK-INTEGRATION-RATE-LIMIT': { fires: [integration('{ name: Mailer, rate_limit: 10/s }')], quiet: [integration('{ name: Mailer }')] },
  'RISK-INTEGRATION-LATENCY': { fires: [`${integration('{ name: Mailer, timeout_ms: 800 }')}\n${req('latency_p95_ms: 500')}`], quiet: [`${integration('{ name: Mailer, timeout_ms: 400 }')}\n${req('latency_p95_ms: 500')}`] },
  'RISK-INTEGRATION-SECRETS': { fires: [integration('{ name: Mailer, auth: oauth2 }')], quiet: [integration('{ name: Mailer }')] },
  'RISK-PCI-DSS': { fires: [`${notes}\n${req('compliance: [PCI-DSS]')}`], quiet: [`${notes}\n${req('compliance: [SOC2]')}`] },
  'RISK-GDPR': { fires: [`${notes}\n${req('compliance: [gdpr]')}`], quiet: [notes] },
  'RISK-HIPAA': { fires: [`${notes}\n${req('compliance: [HIPAA]')}`], quiet: [notes] },
  'RISK-SOC2': { fires: [`${notes}\n${req('compliance: [SOC 2]')}`], quiet: [notes] },
  'RISK-COMPLIANCE-UNKNOWN': { fires: [`${notes}\n${req('compliance: [FedRAMP]')}`], quiet: [`${notes}\n${req('compliance: [GDPR]')}`] },
  'RISK-PERSONAL-DATA': { fires: ['entities: [{ name: User, fields: [{ name: phone, type: string }] }]'], quiet: [notes] },
  'RISK-DYNAMODB-RELATIONAL': { fires: [refs2, '{ language: go, database: dynamodb }'], quiet: [refs2] },
  'RISK-NOSQL-UNIQUE': { fires: [refs2, '{ language: go, database: dynamodb }'], quiet: [refs2, '{ language: go, database: neo4j }'] },
  'RISK-NOSQL-INTEGRITY': { fires: [refs2, '{ language: go, database: mongodb }'], quiet: [refs2, '{ language: go, database: mysql }'] },
  'RISK-THROUGHPUT-NO-CACHE': { fires: [`${notes}\n${req('throughput_rps: 500')}`], quiet: [`${notes}\n${req('throughput_rps: 499')}`] },
  'RISK-CACHE-STALE': { fires: [notes, go(', cache: memcached')], quiet: [`${note}\nresources: [{ entity: Note, operations: [get] }]`, go(', cache: memcached')] },
  'RISK-CACHE-PERSONAL-DATA': { fires: [`entities: [{ name: Member, fields: [{ name: email, type: email }] }]\nresources: [{ entity: Member, operations: [get] }]\n${req('compliance: [GDPR]')}`, go(', cache: redis')], quiet: [`entities: [{ name: Member, fields: [{ name: email, type: email }] }]\nresources: [{ entity: Member, operations: [get] }]\n${req('compliance: [GDPR]')}`, go()] },
  'RISK-SINGLE-REGION': { fires: [`${notes}\n${req('availability: "99.95"')}`], quiet: [`${notes}\n${req('availability: "99.9"')}`] },
  'RISK-WRITE-NO-AUTH': { fires: [`${note}\nresources: [{ entity: Note, operations: [create], auth: none }]`], quiet: [notes] },
  'RISK-WEBHOOK-UNVERIFIED': { fires: [`${note}\nendpoints: [{ method: POST, path: /hooks, auth: none, request: raw }]`], quiet: [`${note}\nerrors: [{ name: BadSignature, status: 401, message: bad }]\nendpoints: [{ method: POST, path: /hooks, auth: none, request: raw, errors: [BadSignature] }]`] },
  'RISK-WEBHOOK-REPLAY': { fires: [`${note}\nendpoints: [{ method: POST, path: /hooks, auth: none, request: raw }]`], quiet: [`${note}\nendpoints: [{ method: POST, path: /hooks, request: raw }]`] },
  'RISK-UNBOUNDED-LIST': { fires: [`${note}\nendpoints: [{ method: GET, path: /notes, entity: Note }]`], quiet: [notes] },
  'RISK-LIST-INDEX': { fires: ['entities: [{ name: Note, timestamps: true, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [list] }]'], quiet: ['entities: [{ name: Note, timestamps: true, fields: [{ name: body, type: text }], indexes: [{ fields: [created_at] }] }]\nresources: [{ entity: Note, operations: [list] }]'] },
  'RISK-CASCADE-DELETE': { fires: [`${refs2.replace('references: A }', 'references: A, on_delete: cascade }')}\nresources: [{ entity: A, operations: [delete] }]`], quiet: [refs2.replace('references: A }', 'references: A, on_delete: cascade }')] },
  'RISK-RETENTION-HARD-DELETE': { fires: [`${note}\nresources: [{ entity: Note, operations: [delete] }]\n${req('data_retention: 1 year')}`], quiet: [`entities: [{ name: Note, soft_delete: true, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [delete] }]\n${req('data_retention: 1 year')}`] },
  'RISK-NO-RATE-LIMITS': { fires: [notes], quiet: [`${note}\nendpoints: [{ method: GET, path: /notes, entity: Note, paginated: true, rate_limit: 5/s }]`] },
  'RISK-AUTH-NONE': { fires: [notes, go(', auth: none')], quiet: [notes] },
  'RISK-MICROSERVICES-SMALL-TEAM': { fires: [`${refs2}\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B, C] }]`, go(', architecture: microservices')], quiet: [`${refs2}\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B, C] }]`, go(', architecture: microservices'), '{ name: X, summary: y, team_size: 6 }'] },
  'RISK-EVENT-DRIVEN-SMALL-TEAM': { fires: [notes, go(', architecture: event-driven, queue: sqs')], quiet: [notes, go(', architecture: event-driven, queue: sqs'), '{ name: X, summary: y, team_size: 6 }'] },
  'RISK-SOFT-DELETE-CASCADE': { fires: [`${refs2.replace('references: A }', 'references: A, on_delete: cascade }').replace('{ name: A, fields', '{ name: A, soft_delete: true, fields')}\nresources: [{ entity: A, operations: [delete] }]`], quiet: [refs2.replace('references: A }', 'references: A, on_delete: cascade }').replace('{ name: A, fields', '{ name: A, soft_delete: true, fields')] },
  'RISK-UNIQUE-SOFT-DELETE': { fires: [refs2.replace('{ name: A, fields', '{ name: A, soft_delete: true, fields')], quiet: [refs2] },
  'RISK-SHARED-DATABASE': { fires: [`${refs2}\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B, C] }]`, go(', architecture: microservices')], quiet: [`${refs2}\nmodules: [{ name: one, entities: [A, B, C] }]`, go(', architecture: microservices')] },
  'RISK-MODULE-COUPLING': { fires: [`${refs2}\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B, C] }]`], quiet: [refs2] },
  'RISK-LARGE-TEAM-SMALL-CODEBASE': { fires: [notes, undefined, '{ name: X, summary: y, team_size: 8 }'], quiet: [notes, undefined, '{ name: X, summary: y, team_size: 7 }'] },
  'RISK-SINGLE-ENGINEER': { fires: [notes, undefined, '{ name: X, summary: y, team_size: 1 }'], quiet: [notes] },
  'RISK-SQLITE-PRODUCTION': { fires: [notes, '{ language: go, database: sqlite }'], quiet: [notes, '{ language: go, database: sqlite, compute: vm }'] },
  'RISK-EVENT-DRIVEN-NO-QUEUE': { fires: [notes, go(', architecture: event-driven')], quiet: [notes, go(', architecture: event-driven, queue: sqs')] },
  'RISK-CLOUD-MISMATCH': { fires: [notes, go(', cloud: gcp, compute: ecs')], quiet: [notes, go(', cloud: aws, compute: ecs')] },
  'RISK-CONSUMER-ON-REQUEST-COMPUTE': { fires: [`${note}\nresources: [{ entity: Note, operations: [create] }]`, go(', cloud: gcp, compute: cloud-run, queue: kafka')], quiet: [`${note}\nresources: [{ entity: Note, operations: [create] }]`, go(', cloud: gcp, compute: kubernetes, queue: kafka')] },
  'RISK-KAFKA-OVERHEAD': { fires: [notes, go(', queue: kafka')], quiet: [`${notes}\n${req('throughput_rps: 1000')}`, go(', queue: kafka')] },
  'RISK-NO-OBSERVABILITY': { fires: [notes, go(', observability: []')], quiet: [notes] },
  'RISK-MODULE-CYCLE': { fires: [`entities:\n  - { name: A, fields: [{ name: b_id, type: uuid, references: B }] }\n  - { name: B, fields: [{ name: a_id, type: uuid, references: A }] }\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B] }]\nresources: [{ entity: A, operations: [create] }, { entity: B, operations: [create] }]`], quiet: [`entities:\n  - { name: A, fields: [{ name: b_id, type: uuid, references: B }] }\n  - { name: B, fields: [{ name: a_id, type: uuid, references: A }] }\nmodules: [{ name: one, entities: [A] }, { name: two, entities: [B] }]\nresources: [{ entity: A, operations: [create] }]`] },
  'RISK-REFERENCE-CYCLE': { fires: ['entities:\n  - { name: A, fields: [{ name: b_id, type: uuid, references: B }] }\n  - { name: B, fields: [{ name: a_id, type: uuid, references: A }] }'], quiet: [refs2] },
};

describe('risk catalog, rule by rule', () => {
  it('every rule has a case', () => {
    expect(Object.keys(CASES).sort()).toEqual(RISK_RULES.map((r) => r.id).sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id} fires, and stays quiet where it does not apply`, () => {
      const hit = modelFrom(...c.fires).plan.risks.find((r) => r.id === id);
      expect(hit, 'fires').toBeDefined();
      expect(hit!.cause.length).toBeGreaterThan(10);
      expect(hit!.mitigations.length).toBeGreaterThan(0);
      expect(modelFrom(...c.quiet).plan.risks.map((r) => r.id), 'quiet').not.toContain(id);
    });
  }
});
