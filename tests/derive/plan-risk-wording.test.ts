// Risk causes read as prose: verbs agree with their subjects, and schemes are named by catalog label, not enum id.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const body = (integrations: string) => `
entities:
  - name: Trip
    fields: [{ name: fare, type: integer }]
endpoints:
  - { method: POST, path: /trips, entity: Trip, integrations: [${integrations}] }
integrations:
  - { name: MapsApi, auth: api-key, timeout_ms: 800 }
  - { name: PayCo, auth: oauth2, timeout_ms: 5000 }
  - { name: Legacy, auth: basic, timeout_ms: 5000 }
`;

describe('RISK-INTEGRATION-SECRETS wording', () => {
  it('several integrations need credentials, each named with its scheme label', () => {
    const m = modelFrom(body('MapsApi, PayCo, Legacy'));
    expect(m.plan.risks.find((r) => r.id === 'RISK-INTEGRATION-SECRETS')!.cause)
      .toBe('MapsApi (API keys), PayCo (OAuth 2.0) and Legacy (basic) need credentials the service holds');
  });

  it('one integration needs a credential', () => {
    const m = modelFrom(body('MapsApi').replace(/  - \{ name: (PayCo|Legacy).*\n/g, ''));
    expect(m.plan.risks.find((r) => r.id === 'RISK-INTEGRATION-SECRETS')!.cause).toBe('MapsApi (API keys) needs a credential the service holds');
  });
});
