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

describe('RISK-MODULE-COUPLING on an event-driven system', () => {
  const body = `
entities:
  - name: Warehouse
    fields: [{ name: code, type: string }]
  - name: Shipment
    fields: [{ name: warehouse_id, type: uuid, required: true, references: Warehouse }]
modules:
  - { name: inventory, entities: [Warehouse] }
  - { name: shipping, entities: [Shipment] }
`;
  const risk = (stack: string) => modelFrom(body, stack).plan.risks.find((r) => r.id === 'RISK-MODULE-COUPLING');

  it('fires for event-driven modules, with an event-fed copy as the mitigation', () => {
    const r = risk('{ language: go, database: mongodb, architecture: event-driven, queue: rabbitmq }')!;
    expect(r.cause).toBe('Shipment.warehouse_id -> Warehouse crosses module boundaries; checking it by a synchronous read of the other module\'s data couples modules that should only react to each other\'s events');
    expect(r.mitigations[0]).toBe('Shipment keeps warehouse_id as a plain id and checks it against a local copy of Warehouse fed by Warehouse events');
  });

  it('a modular monolith on MongoDB speaks of collections, not tables', () => {
    expect(risk('{ language: go, database: mongodb, architecture: modular-monolith }')!.cause).toContain('reaching into another module\'s collections');
  });
});

describe('RISK-LARGE-TEAM-SMALL-CODEBASE scales with the team', () => {
  const endpoints = Array.from({ length: 14 }, (_, k) => `  - { method: GET, path: /things/x${k} }`).join('\n');
  const body = `entities: [{ name: Thing, fields: [{ name: n, type: integer }] }]\nendpoints:\n${endpoints}\n`;
  const fires = (team: number) => modelFrom(body, undefined, `{ name: X, summary: y, team_size: ${team} }`).plan.risks.some((r) => r.id === 'RISK-LARGE-TEAM-SMALL-CODEBASE');

  it('12 engineers on 14 endpoints wait on each other; 7 do not', () => {
    expect(fires(12)).toBe(true);
    expect(fires(7)).toBe(false);
  });
});

describe('RISK-INTEGRATION-SECRETS names the secrets service without an article', () => {
  const body = `
entities: [{ name: Trip, fields: [{ name: fare, type: integer }] }]
endpoints: [{ method: POST, path: /trips, entity: Trip, integrations: [MapsApi] }]
integrations: [{ name: MapsApi, auth: api-key, timeout_ms: 800 }]
`;
  const first = (cloud: string) => modelFrom(body, `{ language: go, database: postgresql, cloud: ${cloud} }`).plan.risks.find((r) => r.id === 'RISK-INTEGRATION-SECRETS')!.mitigations[0];
  it('AWS Secrets Manager, Google Cloud Secret Manager, the secrets store on premises', () => {
    expect(first('aws')).toBe('Keep the credentials in AWS Secrets Manager, never in code or images');
    expect(first('gcp')).toBe('Keep the credentials in Google Cloud Secret Manager, never in code or images');
    expect(first('on-prem')).toBe('Keep the credentials in the secrets store, never in code or images');
  });
});
