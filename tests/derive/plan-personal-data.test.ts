// RISK-GDPR / RISK-PERSONAL-DATA: a bare `name` or `address` is personal only on a record about a person.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const body = `
entities:
  - name: GeoZone
    fields: [{ name: name, type: string }, { name: min_lat, type: decimal }]
  - name: Warehouse
    fields: [{ name: code, type: string }, { name: address, type: json }]
  - name: Driver
    fields: [{ name: name, type: string }, { name: phone, type: string }]
  - name: Customer
    fields: [{ name: name, type: string }, { name: address, type: text }]
  - name: Signup
    fields: [{ name: email, type: email }, { name: display_name, type: string }]
`;

describe('personal fields', () => {
  const cause = (id: string, extra = '') => modelFrom(body + extra).plan.risks.find((r) => r.id === id)?.cause ?? null;

  it('GDPR names the person fields, not the zone name or the warehouse address', () => {
    expect(cause('RISK-GDPR', 'requirements: { non_functional: { compliance: [GDPR] } }\n')).toBe(
      'GDPR applies to drivers.name, drivers.phone, customers.name, customers.address, signups.email and signups.display_name',
    );
  });

  it('no entity about a person: a name and an address alone are no personal data', () => {
    const only = modelFrom(`
entities:
  - name: Group
    fields: [{ name: name, type: string }]
  - name: Warehouse
    fields: [{ name: address, type: json }]
`);
    expect(only.plan.risks.map((r) => r.id)).not.toContain('RISK-PERSONAL-DATA');
  });
});
