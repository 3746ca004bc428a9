import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

// QA round e: microservices and event-driven systems with initialisms in their entity names.
const micro = `
entities:
  - name: KYCApplicant
    fields: [{ name: email, type: email, required: true }]
  - name: Account
    fields:
      - { name: applicant_id, type: uuid, required: true, references: KYCApplicant }
      - { name: primary_posting_id, type: uuid, references: LedgerPosting }
  - name: LedgerPosting
    fields:
      - { name: account_id, type: uuid, required: true, references: Account }
modules:
  - { name: onboarding, entities: [KYCApplicant] }
  - { name: accounts, entities: [Account] }
  - { name: ledger, entities: [LedgerPosting] }
resources:
  - { entity: KYCApplicant, operations: [create] }
  - { entity: Account, operations: [create] }
  - { entity: LedgerPosting, operations: [create] }
`;
const microStack = '{ language: typescript, database: postgresql, architecture: microservices, queue: rabbitmq }';

describe('RISK-SHARED-DATABASE names the owner\'s service as the plan does', () => {
  const m = modelFrom(micro, microStack);
  it('KycApplicantService, not KYCApplicantService', () => {
    const risk = m.plan.risks.find((r) => r.id === 'RISK-SHARED-DATABASE')!;
    const text = risk.mitigations.join('\n');
    expect(text).toContain('through KycApplicantService\'s API');
    expect(text).not.toContain('KYCApplicantService');
    expect(m.plan.services.map((s) => s.name)).toContain('KycApplicantService');
  });
});

describe('SVC-11 and FLOW-5: microservices fetch another service\'s entity from its API', () => {
  const m = modelFrom(micro, microStack);
  const steps = (id: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id)!.steps;

  it('the step names the owning service, not this service\'s tables', () => {
    const s = steps('POST /accounts');
    expect(s).toContain('Load the KYCApplicant named by applicant_id from KycApplicantService (over the onboarding service\'s API; 404 KycApplicantNotFound)');
    expect(s).toContain('Load the LedgerPosting named by primary_posting_id from LedgerPostingService, when sent (over the ledger service\'s API; 404 LedgerPostingNotFound)');
  });

  it('the sequence diagram calls that service as a participant, never the database', () => {
    const flow = m.plan.dataFlows.find((f) => f.endpoint === 'POST /accounts')!;
    const labels = flow.participants.map((p) => p.label);
    expect(labels).toContain('KycApplicantService');
    expect(labels).toContain('LedgerPostingService');
    const load = flow.messages.find((x) => x.text.startsWith('Load the KYCApplicant'))!;
    expect(flow.participants.find((p) => p.id === load.to)!.label).toBe('KycApplicantService');
    expect(flow.messages.some((x) => x.to === 'db' && x.text.startsWith('Load the'))).toBe(false);
  });

  it('a modular monolith still reads in process: no remote load', () => {
    const mm = modelFrom(micro, '{ language: typescript, database: postgresql, architecture: modular-monolith, queue: rabbitmq }');
    const s = mm.plan.services.flatMap((x) => x.methods).find((x) => x.endpoint === 'POST /accounts')!.steps;
    expect(s).toContain('Load the KYCApplicant named by applicant_id (404 KycApplicantNotFound)');
    const flow = mm.plan.dataFlows.find((f) => f.endpoint === 'POST /accounts')!;
    expect(flow.participants.filter((p) => p.kind === 'service')).toHaveLength(1);
  });
});

describe('SVC-12 and RISK-MODULE-CYCLE: services that call each other in a cycle are said so', () => {
  it('accounts and ledger load each other\'s entities: one cycle, a risk naming both', () => {
    const m = modelFrom(micro, microStack);
    const deps = new Map(m.plan.moduleDependencies.map((d) => [d.module, d.dependencies]));
    expect(deps.get('accounts')).toContain('LedgerPostingService');
    expect(deps.get('ledger')).toContain('AccountService');
    const risk = m.plan.risks.find((r) => r.id === 'RISK-MODULE-CYCLE');
    expect(risk?.cause).toBe('the services accounts and ledger call each other\'s APIs in a cycle: none can be released, tested or kept up without the other, and a slow one slows them all');
  });

  it('a modular monolith in Go: an import cycle of packages', () => {
    const m = modelFrom(micro, '{ language: go, database: postgresql, architecture: modular-monolith }');
    expect(m.plan.risks.find((r) => r.id === 'RISK-MODULE-CYCLE')?.cause).toContain('Go refuses packages that import each other');
  });

  it('no risk when the dependencies only go one way', () => {
    const m = modelFrom(micro.replace('  - { entity: LedgerPosting, operations: [create] }\n', ''), microStack);
    expect(m.plan.risks.some((r) => r.id === 'RISK-MODULE-CYCLE')).toBe(false);
  });
});

describe('moduleCycles', () => {
  it('finds a three-module cycle in module order and leaves a module outside it', async () => {
    const { moduleCycles } = await import('../../src/derive/plan/services.js');
    const svc = ['a', 'b', 'c', 'd'].map((x) => ({ name: `${x.toUpperCase()}Service`, module: x })) as never[];
    const deps = [
      { module: 'a', dependencies: ['BService'] },
      { module: 'b', dependencies: ['CService', 'stripe'] },
      { module: 'c', dependencies: ['AService'] },
      { module: 'd', dependencies: ['AService'] },
    ];
    expect(moduleCycles([{ name: 'd' }, { name: 'c' }, { name: 'b' }, { name: 'a' }], deps, svc)).toEqual([['c', 'b', 'a']]);
  });
});

describe('PARAM-2: a path parameter that is a reference field of the endpoint\'s entity names the referenced entity', () => {
  const m = modelFrom(`
entities:
  - name: IoTDevice
    fields: [{ name: serial_no, type: string }]
  - name: AlertIncident
    fields:
      - { name: device_id, type: uuid, required: true, references: IoTDevice }
      - { name: note, type: string }
endpoints:
  - { method: POST, path: "/devices/{device_id}/alert-incidents", entity: AlertIncident, request: [note] }
`);
  const ep = m.endpoints.find((e) => e.id === 'POST /devices/{device_id}/alert-incidents')!;
  const method = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === ep.id)!;

  it('{device_id} names IoTDevice: loaded, 404 when missing, typed as its key', () => {
    expect(ep.pathParams[0]!.entity).toBe('IoTDevice');
    expect(ep.errorStates.map((s) => s.name)).toContain('IoTDeviceNotFound');
    expect(method.steps).toContain('Load the IoTDevice named by {device_id} (404 IoTDeviceNotFound)');
    expect(method.blueprintSignature).toContain('device_id: uuid');
    expect(method.steps.join('\n')).not.toContain('{device_id} (non-empty)');
  });

  it('a parameter that is a plain field of the entity names nothing', () => {
    const plain = modelFrom(`
entities:
  - name: AlertIncident
    fields: [{ name: code, type: string, unique: true }]
endpoints:
  - { method: GET, path: "/things/{code}/alert-incidents", entity: AlertIncident }
`);
    expect(plain.endpoints[0]!.pathParams[0]!.entity).toBe('');
  });
});

describe('INFRA-3: microservices run a service per module', () => {
  it('the compute rows name the services, not one API', () => {
    const m = modelFrom(micro, microStack);
    const compute = m.plan.infrastructure.filter((r) => r.component === 'compute');
    // The ECS cluster is shared; the task definition and the ECS service are one per service (INFRA-4).
    expect(compute.map((r) => r.purpose)).toEqual([
      'Runs the 3 services (onboarding, accounts and ledger), each deployed and scaled on its own',
      ...['onboarding (KYCApplicant)', 'accounts (Account)', 'ledger (LedgerPosting)'].map((x) => `Runs the ${x.replace(' ', ' service ')}, deployed and scaled apart from the others`),
      ...['onboarding (KYCApplicant)', 'accounts (Account)', 'ledger (LedgerPosting)'].map((x) => `Runs the ${x.replace(' ', ' service ')}, deployed and scaled apart from the others`),
    ]);
    expect(m.plan.infrastructure.find((r) => r.component === 'identity')!.purpose).toMatch(/^Least-privilege identity per service/);
  });

  it('a modular monolith still runs one API', () => {
    const m = modelFrom(micro, '{ language: typescript, database: postgresql, architecture: modular-monolith }');
    for (const r of m.plan.infrastructure.filter((x) => x.component === 'compute')) expect(r.purpose).toBe('Runs the API');
  });
});

describe('NAME-2: a shortened plural of a compound entity name is its collection, not an action', () => {
  const m = modelFrom(`
entities:
  - name: AMLScreeningResult
    fields: [{ name: score, type: integer }]
  - name: ReviewRequest
    fields: [{ name: note, type: string }]
endpoints:
  - { method: POST, path: /aml-screenings, entity: AMLScreeningResult, request: [score] }
  - { method: POST, path: "/review-requests/{id}/review", entity: ReviewRequest }
  - { method: POST, path: "/review-requests/{id}/approve", entity: ReviewRequest }
`, '{ language: typescript, database: postgresql, queue: kafka }');
  const handler = (id: string) => m.endpoints.find((e) => e.id === id)!.handler;

  it('POST /aml-screenings creates an AMLScreeningResult and publishes .created', () => {
    expect(handler('POST /aml-screenings')).toBe('createAmlScreeningResult');
    expect(m.plan.events.find((e) => e.endpoint === 'POST /aml-screenings')!.name).toBe('aml_screening_result.created');
  });

  it('a singular word or another first word stays an action', () => {
    expect(handler('POST /review-requests/{id}/review')).toBe('reviewReviewRequest');
    expect(handler('POST /review-requests/{id}/approve')).toBe('approveReviewRequest');
  });
});
