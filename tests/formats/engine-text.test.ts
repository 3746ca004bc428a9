// Text the templates used to choose by comparing stack values or by name maps of their own, now decided in the
// engine (plan.wording WORD-3, WORD-11): each case fails on the old templates.
import { describe, expect, it } from 'vitest';
import { exampleModel, renderFormat } from '../helpers/plans.js';

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
