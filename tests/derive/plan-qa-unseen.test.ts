// QA round on answers nobody tuned for (tests/fixtures/qa/usage-metering.yaml, partner-contracts.yaml,
// order-fulfilment-events.yaml): each finding on a small model that fails on the old behaviour.
import { describe, expect, it } from 'vitest';
import { takesCardPayments } from '../../src/derive/catalog/risks.js';
import { modelFrom } from './plan-fixture.js';

const risk = (m: ReturnType<typeof modelFrom>, id: string) => m.plan.risks.find((r) => r.id === id);

describe('RISK-PCI-DSS: only card payments count, not every "charge"', () => {
  it('reads whole words of the name and purpose', () => {
    expect(takesCardPayments({ name: 'Ledger', purpose: 'Posts a ledger charge against the tenant account' })).toBe(false);
    expect(takesCardPayments({ name: 'Payroll', purpose: 'Sends the payload of each payslip' })).toBe(false);
    expect(takesCardPayments({ name: 'CardVault', purpose: 'Tokenises cards' })).toBe(true);
    expect(takesCardPayments({ name: 'PayPal', purpose: '' })).toBe(true);
    expect(takesCardPayments({ name: 'Acquiring', purpose: 'Charges the customer card' })).toBe(true);
    expect(takesCardPayments({ name: 'Stripe', purpose: 'Payments' })).toBe(true);
  });

  it('names the card vault and not the ledger whose purpose says "charge"', () => {
    const m = modelFrom(`
requirements: { non_functional: { compliance: [PCI-DSS] } }
entities:
  - name: Card
    fields: [{ name: card_token, type: string }]
  - name: Charge
    fields: [{ name: amount, type: integer }]
endpoints:
  - { method: POST, path: /cards, entity: Card, request: [card_token], integrations: [CardVault] }
  - { method: POST, path: /charges, entity: Charge, request: [amount], integrations: [Ledger] }
integrations:
  - { name: CardVault, purpose: Tokenises cards }
  - { name: Ledger, purpose: "Internal ledger: posts a ledger charge" }
`);
    const pci = risk(m, 'RISK-PCI-DSS')!;
    expect(pci.cause).toContain('CardVault');
    expect(pci.cause).not.toContain('Ledger');
    expect(pci.mitigations.join(' ')).not.toContain('Ledger');
    expect(pci.mitigations.join(' ')).not.toContain('Charge');
  });
});

describe('SVC-4: "in one transaction" only where nothing before the write leaves the database', () => {
  const body = `
entities:
  - name: Firm
    fields: [{ name: legal_name, type: string }]
  - name: Party
    fields:
      - { name: firm_id, type: uuid, required: true, references: Firm }
      - { name: role, type: string }
  - name: Export
    fields: [{ name: status, type: string }]
modules:
  - { name: firms, entities: [Firm] }
  - { name: contracts, entities: [Party, Export] }
resources:
  - { entity: Firm, operations: [create] }
endpoints:
  - { method: POST, path: /parties, entity: Party, request: [firm_id, role] }
  - { method: POST, path: /exports, entity: Export, request: [status], status: 202 }
  - { method: POST, path: /signed-parties, entity: Party, request: [firm_id, role], integrations: [Signer] }
integrations:
  - { name: Signer, purpose: Checks the signature }
`;
  const m = modelFrom(body, '{ language: python, database: postgresql, architecture: microservices, queue: rabbitmq }');
  const tx = (id: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id)!.transactional;

  it('a plain insert is transactional', () => expect(tx('POST /firms')).toBe(true));
  it('a load over another service\'s API is not (SVC-11)', () => expect(tx('POST /parties')).toBe(false));
  it('a 202 the consumer writes is not (SVC-10)', () => expect(tx('POST /exports')).toBe(false));
  it('a call the write waits for is not (SVC-7)', () => expect(tx('POST /signed-parties')).toBe(false));
});

describe('RES-2: an empty request list sends no body', () => {
  it('POST /firms/{firm_id}/exports with request: [] has no request type, as an absent request', () => {
    const m = modelFrom(`
entities:
  - name: Firm
    fields: [{ name: legal_name, type: string }]
  - name: Export
    fields: [{ name: firm_id, type: uuid, references: Firm }, { name: status, type: string }]
endpoints:
  - { method: POST, path: "/firms/{firm_id}/exports", entity: Export, request: [] }
`);
    const ep = m.endpoints.find((e) => e.id === 'POST /firms/{firm_id}/exports')!;
    expect(ep.request).toEqual({ kind: 'none' });
    const method = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === ep.id)!;
    expect(method.input).toBe('');
  });
});

describe('RES-3: a 202 insert the consumer stores later returns no row it does not have yet', () => {
  const body = `
entities:
  - name: Order
    timestamps: true
    fields: [{ name: ref, type: string, required: true }]
endpoints:
  - { method: POST, path: /orders, entity: Order, request: [ref], status: 202 }
  - { method: POST, path: "/orders/{id}/replay", entity: Order, status: 202 }
  - { method: POST, path: /imports, entity: Order, request: [ref], status: 202, response: Order }
`;
  it('with a queue: POST /orders answers 202 with no body; an action on an existing row and a declared response keep theirs', () => {
    const m = modelFrom(body, '{ language: typescript, database: postgresql, queue: kafka }');
    const resp = (id: string) => m.endpoints.find((e) => e.id === id)!.response;
    expect(resp('POST /orders')).toEqual({ kind: 'none' });
    expect(resp('POST /orders/{id}/replay')).toEqual({ kind: 'entity', entity: 'Order' });
    expect(resp('POST /imports')).toEqual({ kind: 'entity', entity: 'Order' });
    const method = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'POST /orders')!;
    expect(method.output).toBe('void');
    expect(method.steps.at(-1)).toBe('Return 202');
  });

  it('without a queue the insert happens in the request, and the 202 returns the stored row', () => {
    const m = modelFrom(body, '{ language: typescript, database: postgresql }');
    expect(m.endpoints.find((e) => e.id === 'POST /orders')!.response).toEqual({ kind: 'entity', entity: 'Order' });
  });
});

describe('SVC-13: a write on a parent\'s path says which row it means', () => {
  const body = `
entities:
  - name: Manager
    fields: [{ name: email, type: email, required: true }]
  - name: Contract
    fields: [{ name: title, type: string }]
  - name: Watch
    fields:
      - { name: manager_id, type: uuid, required: true, references: Manager }
      - { name: contract_id, type: uuid, required: true, references: Contract }
  - name: User
    fields: [{ name: handle, type: string }]
  - name: Follow
    fields:
      - { name: follower_id, type: uuid, required: true, references: User }
      - { name: followee_id, type: uuid, required: true, references: User }
  - name: Site
    fields: [{ name: code, type: string }]
  - name: Pin
    fields:
      - { name: site_id, type: uuid, required: true, references: Site }
      - { name: contract_id, type: uuid, required: true, references: Contract }
endpoints:
  - { method: POST, path: "/contracts/{id}/watch", entity: Watch }
  - { method: DELETE, path: "/contracts/{id}/watch", entity: Watch }
  - { method: DELETE, path: "/users/{id}/follow", entity: Follow }
  - { method: DELETE, path: "/contracts/{id}/pin", entity: Pin }
`;
  const m = modelFrom(body);
  const stepsOf = (id: string) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === id)!.steps;
  const after = (id: string) => m.plan.verification.endpoints.find((v) => v.endpoint === id)!.afterwards;

  it('DELETE /contracts/{id}/watch deletes the caller\'s Watch of that Contract', () => {
    expect(stepsOf('DELETE /contracts/{id}/watch')).toContain("Delete the Watch whose contract_id is {id} and whose manager_id is the caller's in a transaction");
    expect(after('DELETE /contracts/{id}/watch')).toContain("The row whose contract_id is {id} and whose manager_id is the caller's is gone from watches.");
  });

  it('POST /contracts/{id}/watch inserts it with the caller as manager', () => {
    expect(stepsOf('POST /contracts/{id}/watch')).toContain("Insert the Watch (manager_id is the caller's) in a transaction");
    expect(after('POST /contracts/{id}/watch')[0]).toBe("One new row in watches with contract_id from {id} and manager_id the caller's.");
  });

  it('two references to the same parent are both named: the answers do not say which one {id} is', () => {
    expect(stepsOf('DELETE /users/{id}/follow')).toContain("Delete the Follow whose follower_id or followee_id is {id} (the answers do not say which; the other is the caller's) in a transaction");
  });

  it('a reference to something no caller is comes from neither the path nor the request', () => {
    expect(stepsOf('DELETE /contracts/{id}/pin')).toContain('Delete the Pin whose contract_id is {id} and whose site_id comes from neither the path nor the request in a transaction');
  });
});

describe('NAME-6 and NAME-2: a webhook sender and a short plural are no actions', () => {
  const m = modelFrom(`
entities:
  - name: Shipment
    fields: [{ name: tracking, type: string }]
  - name: Firm
    fields: [{ name: name, type: string }]
  - name: ExportJob
    fields: [{ name: firm_id, type: uuid, required: true, references: Firm }]
endpoints:
  - { method: POST, path: /webhooks/carrier, entity: Shipment, request: raw, status: 204, auth: none }
  - { method: POST, path: "/firms/{firm_id}/exports", entity: ExportJob }
  - { method: POST, path: "/shipments/{id}/cancel", entity: Shipment }
`, '{ language: typescript, database: postgresql, queue: kafka }');
  const ep = (id: string) => m.endpoints.find((e) => e.id === id)!;

  it('POST /webhooks/carrier on Shipment: handleCarrierWebhook, event shipment.created (not shipment.carriered)', () => {
    expect(ep('POST /webhooks/carrier').handler).toBe('handleCarrierWebhook');
    expect(m.plan.events.map((e) => e.name)).toContain('shipment.created');
    expect(m.plan.events.map((e) => e.name)).not.toContain('shipment.carriered');
  });

  it('POST /firms/{firm_id}/exports on ExportJob: createFirmExportJob, export_job.created', () => {
    expect(ep('POST /firms/{firm_id}/exports').handler).toBe('createFirmExportJob');
    expect(m.plan.events.map((e) => e.name)).toContain('export_job.created');
  });

  it('a real action keeps its verb', () => {
    expect(ep('POST /shipments/{id}/cancel').handler).toBe('cancelShipment');
  });
});

describe('SVC-3: a page of a many-to-many parent is read through the join entity', () => {
  it('GET /firms/{firm_id}/contracts reads contracts through contract_parties by firm_id', () => {
    const m = modelFrom(`
entities:
  - name: Firm
    fields: [{ name: name, type: string }]
  - name: Contract
    fields: [{ name: title, type: string }]
  - name: ContractParty
    fields:
      - { name: contract_id, type: uuid, required: true, references: Contract }
      - { name: firm_id, type: uuid, required: true, references: Firm }
endpoints:
  - { method: GET, path: "/firms/{firm_id}/contracts", entity: Contract, paginated: true }
`);
    const steps = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'GET /firms/{firm_id}/contracts')!.steps;
    expect(steps).toContain('Read a page of contracts of the Firm, through contract_parties by firm_id (index contract_parties_firm_id_idx)');
  });
});

describe('RISK-CACHE-STALE: only entities the cache serves can be stale', () => {
  it('names the written entities some GET reads, not a write-only UsageRecord', () => {
    const m = modelFrom(`
entities:
  - name: Tenant
    fields: [{ name: name, type: string }]
  - name: UsageRecord
    fields: [{ name: quantity, type: integer }]
resources:
  - { entity: Tenant, operations: [get, create] }
  - { entity: UsageRecord, operations: [create] }
`, '{ language: go, database: postgresql, cache: redis }');
    const r = risk(m, 'RISK-CACHE-STALE')!;
    expect(r.cause).toContain('Tenant changes through POST /tenants');
    expect(r.cause).not.toContain('UsageRecord');
  });
});

describe('SVC-2: Go arguments spell initialisms as Go does', () => {
  it('{tenant_id} is tenantID in Go (the struct field is TenantID), tenantId in TypeScript', async () => {
    const { argName } = await import('../../src/derive/plan/services.js');
    expect(argName('tenant_id', 'go')).toBe('tenantID');
    expect(argName('callback_url', 'go')).toBe('callbackURL');
    expect(argName('id', 'go')).toBe('id');
    expect(argName('identity_key', 'go')).toBe('identityKey');
    expect(argName('tenant_id', 'typescript')).toBe('tenantId');
  });
});

describe('CHK-Q6: a public webhook that checks a signature is named, not hidden behind "no write is open"', () => {
  it('names POST /webhooks/vault and its BadSignature', () => {
    const m = modelFrom(`
entities:
  - name: Event
    fields: [{ name: payload, type: json }]
endpoints:
  - { method: POST, path: /webhooks/vault, entity: Event, auth: none, request: raw, status: 204, errors: [BadSignature] }
  - { method: GET, path: /events, entity: Event, paginated: true }
errors:
  - { name: BadSignature, status: 401, message: The signature does not match }
`);
    const q6 = m.plan.checklists.quality.find((c) => c.rule === 'CHK-Q6')!;
    expect(q6.holds).toBe(true);
    expect(q6.reason).toContain("POST /webhooks/vault takes no credentials but checks the sender's signature: BadSignature");
  });
});

describe('ERR-409: an insert also writes the reference its path gives', () => {
  it('a second POST /orders/{id}/ship collides on the unique Shipment.order_id', async () => {
    const { states } = await import('./plan-fixture.js');
    const m = modelFrom(`
entities:
  - name: Order
    fields: [{ name: ref, type: string }]
  - name: Shipment
    fields:
      - { name: order_id, type: uuid, required: true, unique: true, references: Order }
      - { name: tracking, type: string }
endpoints:
  - { method: POST, path: "/orders/{id}/ship", entity: Shipment }
`);
    expect(states(m, 'POST /orders/{id}/ship')).toContain('409 ConflictError');
    const steps = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'POST /orders/{id}/ship')!.steps;
    expect(steps).toContain('Check uniqueness of order_id (409 ConflictError)');
  });
});

describe('REL-5 / SVC-11: a restricting reference in another service is asked over its API, not read', () => {
  const body = `
entities:
  - name: User
    fields: [{ name: email, type: email }]
  - name: Order
    fields: [{ name: user_id, type: uuid, required: true, references: User, on_delete: restrict }]
modules:
  - { name: accounts, entities: [User] }
  - { name: ordering, entities: [Order] }
resources:
  - { entity: User, operations: [delete] }
`;
  const stepsOf = (m: ReturnType<typeof modelFrom>) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'DELETE /users/{id}')!.steps;
  it('microservices: the users service asks OrderService', () => {
    const steps = stepsOf(modelFrom(body, '{ language: go, database: postgresql, architecture: microservices }'));
    expect(steps).toContain("Ask OrderService whether orders.user_id still references the User, and refuse the delete while it does (over the ordering service's API; 409 ConflictError)");
    expect(steps.some((s) => s.startsWith('Refuse the delete while'))).toBe(false);
    expect(modelFrom(body, '{ language: go, database: postgresql, architecture: microservices }').plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'DELETE /users/{id}')!.transactional).toBe(false);
  });
  it('a modular monolith still refuses on its own table', () => {
    expect(stepsOf(modelFrom(body))).toContain('Refuse the delete while orders.user_id still references it (409 ConflictError)');
  });
});
