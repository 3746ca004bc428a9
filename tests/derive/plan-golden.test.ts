// The planning engine's decisions on the reference answers, as `archplan resolve` prints them, read by a person.
// Only the fields of src/derive/plan/ rules documented in docs/rules.md; the endpoints' engine fields included.
import { expect, it } from 'vitest';
import { payments } from './plan-fixture.js';

const MINE = ['relationships', 'cycles', 'entityOrder', 'services', 'errorCatalog', 'phases', 'estimate', 'risks', 'rationale', 'options', 'recommendation', 'checklists', 'warnings'] as const;

it('payments.yaml: the decisions, byte for byte', async () => {
  const m = payments();
  const decided = {
    endpoints: m.endpoints.map((e) => ({ id: e.id, handler: e.handler, service: e.service, errorStates: e.errorStates })),
    indexes: Object.fromEntries(m.entities.map((e) => [e.name, e.indexes])),
    plan: Object.fromEntries(MINE.map((k) => [k, m.plan[k]])),
  };
  await expect(`${JSON.stringify(decided, null, 2)}\n`).toMatchFileSnapshot('__golden__/payments-plan.json');
});
