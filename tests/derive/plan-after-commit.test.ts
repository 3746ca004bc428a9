// SVC-7 carried through: a call made after the commit never answers the client, so neither its failures nor its
// rate limit are error states of the endpoint, and the risks about failures reaching clients leave it out.
import { describe, expect, it } from 'vitest';
import { modelFrom, states } from './plan-fixture.js';

const trips = `
entities:
  - name: Trip
    fields:
      - { name: fare_cents, type: integer, min: 0 }
  - name: Receipt
    fields:
      - { name: trip_id, type: uuid, required: true, references: Trip }
endpoints:
  - { method: POST, path: "/trips/{id}/complete", entity: Receipt, integrations: [PayCo, SmsSender] }
  - { method: POST, path: /texts, integrations: [SmsSender] }
integrations:
  - { name: PayCo, purpose: Charge riders, timeout_ms: 5000, retry: fixed }
  - { name: SmsSender, purpose: Text riders when their driver arrives, timeout_ms: 2000, retry: none, rate_limit: 6000/min }
requirements:
  non_functional: { latency_p95_ms: 150 }
`;

describe('ERR-5XX / ERR-429 only for calls on the request path (SVC-7)', () => {
  const m = modelFrom(trips, '{ language: typescript, database: dynamodb, queue: kafka }');

  it('the write that texts after the commit has PayCo upstream errors but none of SmsSender, and no 429', () => {
    const s = states(m, 'POST /trips/{id}/complete');
    expect(s).toEqual(expect.arrayContaining(['502 PayCoError', '503 PayCoUnavailable', '504 PayCoTimeout']));
    expect(s.filter((x) => x.includes('SmsSender'))).toEqual([]);
    expect(s).not.toContain('429 RateLimitExceeded');
  });

  it('an entity-less endpoint that waits for SmsSender keeps its upstream errors and the 429', () => {
    expect(states(m, 'POST /texts')).toEqual(expect.arrayContaining(['429 RateLimitExceeded', '502 SmsSenderError', '504 SmsSenderTimeout']));
  });

  it('each upstream state names the integration it comes from', () => {
    const ep = m.endpoints.find((e) => e.id === 'POST /trips/{id}/complete')!;
    expect(ep.errorStates.filter((x) => x.status >= 502).map((x) => x.integration)).toEqual(['PayCo', 'PayCo', 'PayCo']);
    expect(ep.errorStates.find((x) => x.status === 400)?.integration).toBeUndefined();
  });

  it('the latency and no-retry risks name only the endpoints that wait for the call', () => {
    const risk = (id: string) => m.plan.risks.find((r) => r.id === id)?.cause ?? '';
    expect(risk('RISK-INTEGRATION-NO-RETRY')).toBe('SmsSender is not retried, so every transient failure becomes a 502 or 503 for POST /texts');
    expect(risk('RISK-INTEGRATION-LATENCY')).toContain('so POST /trips/{id}/complete and POST /texts can miss it');
    expect(risk('RISK-INTEGRATION-OUTAGE')).toContain('SmsSender (called by POST /texts, timeout 2000 ms)');
  });

  it('a sender called only after the commit is no outage of any request, and no checklist gap', () => {
    const only = modelFrom(trips.replace('  - { method: POST, path: /texts, integrations: [SmsSender] }\n', ''), '{ language: typescript, database: dynamodb, queue: kafka }');
    const risk = (id: string) => only.plan.risks.find((r) => r.id === id)?.cause ?? null;
    expect(risk('RISK-INTEGRATION-NO-RETRY')).toBeNull();
    expect(risk('RISK-INTEGRATION-RATE-LIMIT')).toBeNull();
    expect(risk('RISK-INTEGRATION-OUTAGE')).toContain('SmsSender (called after the commit of POST /trips/{id}/complete) can be down too');
    const errorsItem = only.plan.checklists.review.find((c) => c.rule === 'CHK-R3');
    expect(errorsItem?.holds).toBe(true);
  });
});

describe('FLOW-2: a call made from the consumer is drawn from the consumer, after the answer', () => {
  const m = modelFrom(trips, '{ language: typescript, database: dynamodb, queue: kafka }');
  const flow = m.plan.dataFlows.find((f) => f.endpoint === 'POST /trips/{id}/complete')!;

  it('SmsSender is called by the consumer of receipt.completed, never by the service', () => {
    const sms = flow.participants.find((p) => p.label === 'SmsSender')!.id;
    expect(flow.participants.map((p) => p.label)).toContain('Consumer of receipt.completed');
    // The consumer's part comes after the answer: apart from the request's messages, drawn below the branches.
    expect(flow.messages.filter((x) => x.to === sms)).toEqual([]);
    expect(flow.afterAnswer.filter((x) => x.to === sms).map((x) => x.from)).toEqual(['consumer']);
    expect(flow.messages.at(-1)).toEqual({ from: 'svc', to: 'api', text: 'result', reply: true });
    const texts = flow.afterAnswer.map((x) => `${x.from}->${x.to}: ${x.text}`);
    expect(texts).toEqual(['queue->consumer: receipt.completed', `consumer->${sms}: Call SmsSender`, `${sms}->consumer: SmsSender answers`]);
  });

  it('PayCo, whose answer the write needs, is still called by the service before the write', () => {
    const pay = flow.participants.find((p) => p.label === 'PayCo')!.id;
    expect(flow.messages.filter((x) => x.to === pay).map((x) => x.from)).toEqual(['svc']);
  });
});

describe('VER-5: a 202 write with a queue is checked once its consumer has run (SVC-10)', () => {
  const m = modelFrom(`
entities:
  - name: Payout
    timestamps: true
    fields: [{ name: amount, type: integer }]
endpoints:
  - { method: POST, path: /payouts/run, entity: Payout, status: 202 }
  - { method: POST, path: /payouts, entity: Payout, request: [amount] }
`, '{ language: go, database: dynamodb, queue: sqs }');
  const after = (id: string) => m.plan.verification.endpoints.find((e) => e.endpoint === id)!.afterwards;

  it('the 202 run says the item exists once the consumer has processed the message', () => {
    expect(after('POST /payouts/run')[0]).toBe('Once the consumer has processed the message (the 202 means accepted, not yet stored): one new Payout item for the request; created_at and updated_at set.');
  });

  it('a 201 create is checked at once', () => {
    expect(after('POST /payouts')[0]).toBe('One new Payout item with amount as sent; created_at and updated_at set.');
  });
});

describe('VER-6 per endpoint: a per-client rate limit below the throughput target', () => {
  const m = modelFrom(`
entities:
  - name: Trip
    fields: [{ name: fare, type: integer }]
endpoints:
  - { method: POST, path: /trips, entity: Trip, rate_limit: 10/s }
  - { method: POST, path: /payouts/run, rate_limit: 1/min }
  - { method: GET, path: /trips, entity: Trip }
requirements:
  non_functional: { latency_p95_ms: 150, throughput_rps: 2000 }
`);
  const target = (id: string) => m.plan.verification.endpoints.find((e) => e.endpoint === id)!.target;

  it('spreads the load over enough clients, or measures at the limit when no load test could', () => {
    expect(target('POST /trips')).toBe('p95 under 150 ms at 2000 requests per second, spread over at least 200 clients: each is limited to 10/s (429 beyond)');
    expect(target('POST /payouts/run')).toBe('p95 under 150 ms, measured within its limit of 1/min per client: the 2000 requests per second are the system\'s, not this endpoint\'s');
    expect(target('GET /trips')).toBe('p95 under 150 ms at 2000 requests per second');
  });
});
