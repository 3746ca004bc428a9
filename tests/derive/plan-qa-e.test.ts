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
