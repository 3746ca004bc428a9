// Text the templates used to choose by comparing stack values or by name maps of their own, now decided in the
// engine (plan.wording WORD-3, WORD-11): each case fails on the old templates.
import { describe, expect, it } from 'vitest';
import { exampleModel, modelOf, renderFormat } from '../helpers/plans.js';

describe('six-phase: the stack the way the other plans say it', () => {
  const notes = renderFormat(exampleModel('notes'), 'six-phase');
  it('authentication none reads `none` (was `No authentication`), with no signing keys', () => {
    expect(notes).toContain('no infrastructure-as-code tool; authentication: none.');
    expect(notes).not.toContain('signing keys');
    expect(notes).toContain('- 0 of 5 endpoints require a caller identity; credentials live in ');
  });
  it('on premises by the catalog label', () => {
    expect(notes).toContain('### On-premises Resources Needed');
  });
  it('an OIDC service holds the identity provider client secret, not signing keys', () => {
    expect(renderFormat(exampleModel('shop'), 'six-phase')).toContain('credentials and the identity provider client secret live in Azure Key Vault, rotated.');
  });
});

describe('the IaC tool by its catalog label', () => {
  const m = exampleModel('payments');
  it('six-phase: the resource column and the handoff say AWS CloudFormation', () => {
    const text = renderFormat(m, 'six-phase');
    expect(text).toContain('| Component | Service | AWS CloudFormation resource | Purpose |');
    expect(text).toMatch(/Key decisions: .*; AWS CloudFormation\n/);
  });
  it('implementation-plan: the infrastructure line and column', () => {
    const text = renderFormat(m, 'implementation-plan');
    expect(text).toContain('Infrastructure (AWS CloudFormation):');
    expect(text).toContain('| Component | Service | AWS CloudFormation resource |');
  });
});

describe('entity headings and reference phrases come from the engine (STORE-2, STORE-3)', () => {
  const m = exampleModel('payments');
  const changed = {
    ...m,
    plan: {
      ...m.plan,
      containers: m.plan.containers.map((c) => ({ ...c, name: `box_${c.name}`, heading: `Heading of ${c.entity}` })),
      storage: { ...m.plan.storage, typedReferences: true },
    },
  };
  it('architect-doc prints plan.containers headings and the phrase when storage.typedReferences', () => {
    const text = renderFormat(changed, 'architect-doc');
    expect(text).toContain('### Heading of Payment\n');
    expect(text).toContain(`| customer_id: \`${m.plan.relationships.find((r) => r.via === 'customer_id')!.phrase}\` |`);
  });
  it('blueprint prints the container by plan.containers name', () => {
    expect(renderFormat(changed, 'blueprint')).toContain('Payment (table box_payments, module ');
  });
});

describe('the architecture flowchart lays out plan.flowchart (DIAG-1 to DIAG-3)', () => {
  const answers = (stack: string) => `version: 1
project: { name: Notes, summary: Notes }
stack: ${stack}
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
  it('a read-only service whose step names the queue sends no events', () => {
    const text = renderFormat(modelOf(answers('{ language: go, database: postgresql, queue: kafka, cloud: aws, compute: ecs }'), 'notes.yaml'), 'implementation-plan');
    expect(text).toContain('svc_NoteService -->|events| queue');
    expect(text).not.toContain('svc_TagService -->|events| queue');
    expect(text).toContain('svc_TagService -->|"https"| int_Kafka_Mirror');
  });
  it('a Redis queue on the Redis cache is drawn as the cache service, never `redis queue`', () => {
    const text = renderFormat(modelOf(answers('{ language: go, database: postgresql, cache: redis, queue: redis, cloud: aws, compute: ecs }'), 'notes.yaml'), 'implementation-plan');
    expect(text).toContain('queue[/"Amazon ElastiCache for Redis (replication group)"/]');
    expect(text).not.toContain('redis queue');
  });
  it('six-phase lists the Redis queue on the cache service', () => {
    const text = renderFormat(modelOf(answers('{ language: go, database: postgresql, cache: redis, queue: redis, cloud: aws, compute: ecs }'), 'notes.yaml'), 'six-phase');
    expect(text).toContain('- **Queue** (Amazon ElastiCache for Redis (replication group)): ');
  });
});

describe('the observability tools by plan.wording (WORD-11), never looked up in the rationale by a template', () => {
  const m = exampleModel('payments');
  const changed = { ...m, plan: { ...m.plan, wording: { ...m.plan.wording, observability: ['Tool A', 'Tool B'] } } };
  it('architect-doc, summary and six-phase', () => {
    expect(renderFormat(changed, 'architect-doc')).toContain('- **Observability:** Tool A, Tool B; ');
    expect(renderFormat(changed, 'summary')).toContain(', observability Tool A, Tool B.');
    expect(renderFormat(changed, 'six-phase')).toContain('- Monitoring and logging: Tool A, Tool B; ');
  });
});

describe('fallbacks by the engine words, never answer ids', () => {
  const m = exampleModel('payments');
  const changed = {
    ...m,
    plan: { ...m.plan, rationale: m.plan.rationale.filter((r) => r.key !== 'auth'), recommendation: { ...m.plan.recommendation, decisionLine: '' } },
  };
  it('six-phase: the mechanism without an auth rationale, the key decision without a decision line', () => {
    const text = renderFormat(changed, 'six-phase');
    expect(text).toContain('- Mechanism: JWT bearer tokens\n');
    expect(text).toContain('- Key decisions: Modular monolith; ');
  });
  it('implementation-plan: the authentication without an auth rationale', () => {
    expect(renderFormat(changed, 'implementation-plan')).toContain('- Authentication: JWT bearer tokens\n');
  });
});

describe('six-phase counts the endpoints that require a caller identity by plan.access (WORD-7)', () => {
  it('from requiresIdentity, not by comparing each endpoint auth with none', () => {
    const m = exampleModel('payments');
    const changed = { ...m, plan: { ...m.plan, access: m.plan.access.map((a) => ({ ...a, requiresIdentity: false })) } };
    expect(renderFormat(changed, 'six-phase')).toContain(`- 0 of ${m.endpoints.length} endpoints require a caller identity; `);
  });
});

describe('verification prints the response-time boxes the engine decided (VER-6), never compares the target text', () => {
  it('the performance box and each endpoint box come from targetCheck', () => {
    const m = exampleModel('payments');
    const v = m.plan.verification;
    const changed = {
      ...m,
      plan: { ...m.plan, verification: { ...v, targetCheck: 'Box A', endpoints: v.endpoints.map((x) => ({ ...x, targetCheck: 'Box B' })) } },
    };
    const text = renderFormat(changed, 'verification');
    expect(text).toContain('- [ ] **Performance check**: Box A.\n');
    expect(text.split('- [ ] Response time: Box B.\n').length - 1).toBe(v.endpoints.length);
  });

  it('without a latency target, the engine says to record the p95', () => {
    const m = exampleModel('notes');
    expect(m.plan.verification.targetCheck).toBe('no target in the answers; record the p95 per endpoint');
    expect(new Set(m.plan.verification.endpoints.map((x) => x.targetCheck))).toEqual(new Set(['no target in the answers; record the p95']));
  });
});

describe('the headline estimate without a recommendation line: the engine words it (estimate.line)', () => {
  it('summary, architect-doc, implementation-plan and six-phase print estimate.line', () => {
    const m = exampleModel('payments');
    const changed = {
      ...m,
      plan: { ...m.plan, recommendation: { ...m.plan.recommendation, estimateLine: '' }, estimate: { ...m.plan.estimate, line: 'Estimate: 1–2 hours, 1–1 weeks (engine)' } },
    };
    for (const format of ['summary', 'architect-doc', 'implementation-plan', 'six-phase'] as const) {
      expect(renderFormat(changed, format)).toContain('1–2 hours, 1–1 weeks (engine)');
    }
  });
  it('is the plan total and its weeks', () => {
    const e = exampleModel('payments').plan.estimate;
    expect(e.line).toBe(`Estimate: ${e.total.low}–${e.total.high} hours, ${e.weeks.low}–${e.weeks.high} weeks`);
  });
});
