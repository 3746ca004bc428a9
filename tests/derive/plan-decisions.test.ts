import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../../src/answers/answers.js';
import { ARCHITECTURE_OVERHEAD, CALENDAR, COMPLIANCE, COMPONENT, DATA, ENDPOINT, ENDPOINT_TRAIT, FOUNDATION, HARDENING, INTEGRATION } from '../../src/derive/catalog/estimation.js';
import { RISK_RULES } from '../../src/derive/catalog/risks.js';
import { TECHNOLOGIES } from '../../src/derive/catalog/technologies.js';
import { CACHES, CLOUDS, COMPUTES, DATABASES, FRAMEWORKS, IACS, LANGUAGES, QUEUES, AUTHS } from '../../src/answers/answers.js';
import { modelFrom, payments } from './plan-fixture.js';

const one = 'entities: [{ name: Note, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [list, get, create] }]';

describe('estimate', () => {
  const m = payments();

  it('EST-1: items and phases add up to the same total', () => {
    const e = m.plan.estimate;
    expect(e.items.reduce((a, i) => a + i.hours.low, 0)).toBe(e.total.low);
    expect(e.items.reduce((a, i) => a + i.hours.high, 0)).toBe(e.total.high);
    expect(m.plan.phases.reduce((a, p) => a + p.hours.low, 0)).toBe(e.total.low);
    expect(m.plan.phases.reduce((a, p) => a + p.hours.high, 0)).toBe(e.total.high);
    expect(e.total).toEqual({ low: 178, high: 356, mid: 267 });
    expect(e.items.find((i) => i.what === 'Compliance: PCI-DSS')).toMatchObject({ count: 1, hours: { low: 24, high: 48 } });
    expect(e.items.find((i) => i.what === 'Endpoints: create')).toMatchObject({ count: 3, hoursEach: { low: 4, high: 8 } });
  });

  it('EST-2: weeks from the team size, focus factor and coordination', () => {
    // 3 engineers: 3 x 40 x 0.7 x 0.8 = 67.2 hours a week
    expect(m.plan.estimate.weeks).toEqual({ low: Math.ceil(178 / 67.2), high: Math.ceil(356 / 67.2) });
    expect(m.plan.estimate.weeklyCapacity).toBe(67.2);
    expect(m.plan.estimate.assumptions[0]).toBe('Focus factor 0.7: 70% of a 40-hour week goes to planned work; the rest is reviews, meetings, support and interruptions.');
    const solo = modelFrom(one, undefined, '{ name: Solo, summary: s, team_size: 1 }');
    expect(solo.plan.estimate.weeks.high).toBe(Math.ceil(solo.plan.estimate.total.high / 28));
    const big = modelFrom(one, undefined, '{ name: Big, summary: s, team_size: 20 }');
    expect(big.plan.estimate.weeks.high).toBe(Math.ceil(big.plan.estimate.total.high / (20 * 28 * 0.5)));
  });

  it('every coefficient has a one-line reason', () => {
    const all = [
      ...Object.values(FOUNDATION), ...Object.values(DATA), ...Object.values(ENDPOINT), ...Object.values(ENDPOINT_TRAIT),
      INTEGRATION, ...Object.values(COMPONENT), ...Object.values(COMPLIANCE), ...Object.values(HARDENING),
      ...Object.values(ARCHITECTURE_OVERHEAD).flatMap((o) => [o.perModule, o.perWriteEndpoint]),
    ];
    for (const c of all) {
      expect(c.reason.length).toBeGreaterThan(10);
      expect(c.reason).not.toContain('\n');
      expect(c.low).toBeLessThanOrEqual(c.high);
    }
    expect(CALENDAR.focusReason).toContain('70%');
  });

  it('counts only what applies: no queue, cache or compliance items when none is chosen', () => {
    const e = modelFrom(one).plan.estimate;
    expect(e.items.map((i) => i.what).filter((w) => /Queue|Cache|Compliance|Integrations|Second region|Load test/.test(w))).toEqual([]);
    const ha = modelFrom(`${one}\nrequirements: { non_functional: { availability: "99.99" } }`).plan.estimate;
    expect(ha.items.some((i) => i.what === 'Second region')).toBe(true);
  });
});

describe('phases', () => {
  it('PH-1/PH-2 on the reference answers: dependency order and seed phases', () => {
    const p = payments().plan.phases;
    expect(p.map((x) => [x.number, x.key, x.seedPhase, x.dependsOn])).toEqual([
      [1, 'foundation', 1, []],
      [2, 'data-model', 1, [1]],
      [3, 'module:customers', 2, [2]],
      [4, 'module:billing', 2, [2, 3]],
      [5, 'entry-points', 2, [2]],
      [6, 'integrations', 2, [3, 4, 5]],
      [7, 'hardening', 3, [3, 4, 5, 6]],
    ]);
    expect(p[1]!.tasks).toEqual([
      'Customer: table customers, 6 columns',
      'Payment: table payments, 10 columns, indexes payments_customer_id_created_at_idx',
      'Refund: table refunds, 6 columns, indexes refunds_payment_id_idx',
    ]);
    expect(p[3]!.tasks).toContain('POST /payments/{id}/refunds -> RefundService.CreatePaymentRefund');
    for (const x of p) for (const d of x.dependsOn) expect(d).toBeLessThan(x.number);
  });

  it('PH-1: no integrations phase without integration or queue; no module phase without endpoints', () => {
    const p = modelFrom(one).plan.phases;
    expect(p.map((x) => x.key)).toEqual(['foundation', 'data-model', 'module:notes', 'hardening']);
  });

  it('PH-3: consecutive weeks and UTC dates from project.start', () => {
    const m = modelFrom(one, undefined, '{ name: Dated, summary: s, start: "2027-02-22", team_size: 1 }');
    const p = m.plan.phases;
    expect(p[0]!.startWeek).toBe(1);
    expect(p[0]!.startDate).toBe('2027-02-22');
    const dayOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.parse('2027-02-22T00:00:00Z')) / 86_400_000 + 1;
    for (const x of p) {
      expect(x.endWeek).toBeGreaterThanOrEqual(x.startWeek);
      expect(x.endDay).toBeGreaterThanOrEqual(x.startDay);
      expect(dayOf(x.startDate)).toBe(x.startDay);
      expect(dayOf(x.endDate)).toBe(x.endDay);
      expect(x.startWeek).toBe(Math.floor((x.startDay - 1) / 7) + 1);
      expect(x.endWeek).toBe(Math.floor((x.endDay - 1) / 7) + 1);
    }
    // A phase starts the day after every phase it depends on ends (QA finding: data model began with the foundation).
    for (const x of p) for (const d of x.dependsOn) expect(x.startDay).toBeGreaterThan(p[d - 1]!.endDay);
    for (let i = 1; i < p.length; i++) expect(p[i]!.startDay).toBe(p[i - 1]!.endDay + 1);
    expect(payments().plan.phases.every((x) => x.startDate === '' && x.endDate === '')).toBe(true);
  });
});

describe('risks', () => {
  const ids = (m: ReturnType<typeof modelFrom>) => m.plan.risks.map((r) => r.id);

  it('the catalog has 25 or more rules with unique ids, each with mitigations when it fires', () => {
    expect(RISK_RULES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(RISK_RULES.map((r) => r.id)).size).toBe(RISK_RULES.length);
  });

  it('on the reference answers: queue, Stripe and PCI-DSS, sorted by severity then id, naming the concrete things', () => {
    const r = payments().plan.risks;
    const queue = r.find((x) => x.id === 'RISK-QUEUE-DUPLICATES')!;
    expect(queue.cause).toContain('Amazon SQS delivers at least once');
    expect(queue.mitigations.join(' ')).toContain('dead-letter queue');
    expect(r.find((x) => x.id === 'RISK-INTEGRATION-OUTAGE')!.cause).toBe('Stripe (called by POST /payments and POST /payments/{id}/refunds, timeout 5000 ms) can be down or slow, and every such endpoint then fails with it');
    expect(r.find((x) => x.id === 'RISK-PCI-DSS')!.mitigations[0]).toBe("Never receive, store or log card numbers: use Stripe's hosted fields or tokens");
    const rank = { high: 0, medium: 1, low: 2 };
    const keys = r.map((x) => `${rank[x.severity]} ${x.id}`);
    expect(keys).toEqual([...keys].sort());
    for (const x of r) expect(x.mitigations.length).toBeGreaterThan(0);
    expect(r.map((x) => x.id)).not.toContain('RISK-WRITE-NO-AUTH');
    expect(r.map((x) => x.id)).not.toContain('RISK-WEBHOOK-UNVERIFIED');
    expect(r.map((x) => x.id)).toContain('RISK-WEBHOOK-REPLAY');
  });

  it('PCI-DSS names only the integrations that take payments', () => {
    const body = `${one}\nrequirements: { non_functional: { compliance: [PCI-DSS] } }\nintegrations: [{ name: Mailer, purpose: Sends receipts }]\nendpoints: [{ method: POST, path: /receipts, integrations: [Mailer] }]`;
    const r = modelFrom(body).plan.risks.find((x) => x.id === 'RISK-PCI-DSS')!;
    expect(r.cause).toBe('PCI-DSS applies; storing or logging a card number puts the whole system in scope');
    expect(r.mitigations).toEqual([
      "Never receive, store or log card numbers: use the payment provider's tokens",
      'Keep the code that talks to the payment provider in a network segment of its own, with audited access',
      'Quarterly vulnerability scans and a yearly self-assessment questionnaire',
    ]);
  });

  it('serverless with a relational database: connection exhaustion, with RDS Proxy on AWS; not on DynamoDB', () => {
    const m = modelFrom(one, '{ language: typescript, database: postgresql, compute: lambda }');
    const r = m.plan.risks.find((x) => x.id === 'RISK-SERVERLESS-CONNECTIONS')!;
    expect(r.mitigations[0]).toBe('Put RDS Proxy between the functions and PostgreSQL');
    expect(ids(modelFrom(one, '{ language: typescript, database: dynamodb, compute: lambda }'))).not.toContain('RISK-SERVERLESS-CONNECTIONS');
    expect(ids(modelFrom(one))).not.toContain('RISK-SERVERLESS-CONNECTIONS');
  });

  it('DynamoDB with relational access patterns fires from two references only', () => {
    const refs = (n: number) => `entities:
  - { name: A, fields: [{ name: x, type: string }] }
  - { name: B, fields: [{ name: y, type: string }] }
  - { name: C, fields: [${['a_id: A', 'b_id: B'].slice(0, n).map((s) => `{ name: ${s.split(': ')[0]}, type: uuid, references: ${s.split(': ')[1]} }`).join(', ')}] }`;
    expect(ids(modelFrom(refs(2), '{ language: go, database: dynamodb }'))).toContain('RISK-DYNAMODB-RELATIONAL');
    expect(ids(modelFrom(refs(1), '{ language: go, database: dynamodb }'))).not.toContain('RISK-DYNAMODB-RELATIONAL');
    expect(ids(modelFrom(refs(2), '{ language: go, database: postgresql }'))).not.toContain('RISK-DYNAMODB-RELATIONAL');
  });

  it('high throughput without a cache, and not with one', () => {
    const req = 'requirements: { non_functional: { throughput_rps: 800 } }';
    expect(modelFrom(`${one}\n${req}`).plan.risks.find((x) => x.id === 'RISK-THROUGHPUT-NO-CACHE')!.cause).toBe('800 requests per second with no cache: every read (GET /notes and GET /notes/{id}) goes to PostgreSQL');
    expect(ids(modelFrom(`${one}\n${req}`, '{ language: go, database: postgresql, cache: redis }'))).not.toContain('RISK-THROUGHPUT-NO-CACHE');
    expect(ids(modelFrom(one))).not.toContain('RISK-THROUGHPUT-NO-CACHE');
  });

  it('availability of 99.95 or more on one region', () => {
    expect(modelFrom(`${one}\nrequirements: { non_functional: { availability: "99.99" } }`).plan.risks.find((x) => x.id === 'RISK-SINGLE-REGION')!.cause)
      .toBe('99.99% allows about 52.6 minutes of downtime a year, less than a single regional outage of Amazon Web Services usually lasts');
    expect(ids(modelFrom(`${one}\nrequirements: { non_functional: { availability: "99.95" } }`))).toContain('RISK-SINGLE-REGION');
    expect(ids(modelFrom(`${one}\nrequirements: { non_functional: { availability: "99.9" } }`))).not.toContain('RISK-SINGLE-REGION');
  });

  it('writes without auth, webhooks without a signature error, unbounded lists, no rate limits', () => {
    const m = modelFrom(`
entities: [{ name: Note, fields: [{ name: body, type: text }] }]
endpoints:
  - { method: POST, path: /notes, auth: none, entity: Note, request: [body] }
  - { method: POST, path: /hooks/mailer, auth: none, request: raw }
  - { method: GET, path: /notes, entity: Note }
`);
    const r = Object.fromEntries(m.plan.risks.map((x) => [x.id, x.cause]));
    expect(r['RISK-WRITE-NO-AUTH']).toBe('POST /notes changes data and requires no authentication');
    expect(r['RISK-WEBHOOK-UNVERIFIED']).toBe('POST /hooks/mailer accepts a raw payload with no authentication and declares no error for a bad signature');
    expect(r['RISK-UNBOUNDED-LIST']).toBe('GET /notes returns every row at once; the response grows with the table');
    expect(r['RISK-NO-RATE-LIMITS']).toBe('none of the 3 endpoints has a rate limit, and POST /notes and POST /hooks/mailer need no authentication');
    const limited = modelFrom('entities: [{ name: Note, fields: [{ name: body, type: text }] }]\nendpoints: [{ method: GET, path: /notes, entity: Note, paginated: true, rate_limit: 10/s }]');
    expect(ids(limited)).not.toContain('RISK-NO-RATE-LIMITS');
    expect(ids(limited)).not.toContain('RISK-UNBOUNDED-LIST');
  });

  it('microservices: small team, and shared database with its remedy; neither for a modular monolith', () => {
    const body = `
entities:
  - { name: Customer, fields: [{ name: email, type: email }] }
  - { name: Order, fields: [{ name: customer_id, type: uuid, references: Customer }] }
modules: [{ name: crm, entities: [Customer] }, { name: sales, entities: [Order] }]
resources: [{ entity: Order, operations: [create] }]`;
    const micro = modelFrom(body, '{ language: python, database: mongodb, architecture: microservices, cloud: gcp }');
    const shared = micro.plan.risks.find((x) => x.id === 'RISK-SHARED-DATABASE')!;
    expect(shared.cause).toBe('Order.customer_id (module sales) references Customer (module crm): a foreign key across services means a shared database');
    expect(shared.mitigations).toEqual(["Order keeps customer_id as a plain id; it reads Customer through CustomerService's API or keeps a copy fed by Customer events"]);
    expect(ids(micro)).toContain('RISK-MICROSERVICES-SMALL-TEAM');
    expect(micro.plan.relationships[0]!.crossModule).toBe(true);
    const modular = modelFrom(body);
    expect(ids(modular)).not.toContain('RISK-SHARED-DATABASE');
    expect(ids(modular)).toContain('RISK-MODULE-COUPLING');
  });

  it('sqlite in production, compliance rules, cascade deletes', () => {
    expect(ids(modelFrom(`${one}\nrequirements: { non_functional: { throughput_rps: 50 } }`, '{ language: python, database: sqlite }'))).toContain('RISK-SQLITE-PRODUCTION');
    expect(ids(modelFrom(one, '{ language: python, database: sqlite, compute: vm }'))).not.toContain('RISK-SQLITE-PRODUCTION');
    const gdpr = modelFrom(`entities: [{ name: Person, fields: [{ name: email, type: email }, { name: phone, type: string }] }]\nrequirements: { non_functional: { compliance: [GDPR, HIPAA, SOC2] } }`);
    expect(gdpr.plan.risks.find((x) => x.id === 'RISK-GDPR')!.cause).toBe('GDPR applies to people.email and people.phone');
    expect(ids(gdpr)).toEqual(expect.arrayContaining(['RISK-HIPAA', 'RISK-SOC2']));
    expect(ids(gdpr)).not.toContain('RISK-PERSONAL-DATA');
    expect(ids(gdpr)).not.toContain('RISK-CASCADE-DELETE');
    expect(ids(gdpr)).not.toContain('RISK-COMPLIANCE-UNKNOWN');
    const iso = modelFrom(`${one}\nrequirements: { non_functional: { compliance: [ISO-27001, pci dss] } }`);
    expect(iso.plan.risks.find((x) => x.id === 'RISK-COMPLIANCE-UNKNOWN')!.cause).toBe('ISO-27001 is required, and the risk catalog has no rule for it: its controls are not planned');
    expect(ids(iso)).toContain('RISK-PCI-DSS');
    expect(iso.plan.checklists.review[3]).toMatchObject({ holds: false, reason: 'no rule covers ISO-27001' });
  });
});

describe('rationale', () => {
  it('TECH-1/2: one entry per stack key then per observability tool, source from the assumptions', () => {
    const m = modelFrom(one, '{ language: python, database: mongodb, observability: [Sentry, OTel, homegrown] }');
    const r = m.plan.rationale;
    expect(r.map((x) => `${x.key}=${x.choice}:${x.source}`)).toEqual([
      'language=python:answers', 'framework=fastapi:default', 'architecture=modular-monolith:default', 'database=mongodb:answers',
      'cache=none:default', 'queue=none:default', 'cloud=aws:default', 'compute=ecs:default', 'iac=terraform:default', 'auth=jwt:default',
      'observability=Sentry:answers', 'observability=OTel:answers', 'observability=homegrown:answers',
    ]);
    expect(r[10]!.label).toBe('Sentry');
    expect(r[11]!.label).toBe('OpenTelemetry');
    expect(r[12]!.why).toBe('Named in the answers; the technology catalog has no entry for it.');
    expect(r[1]!.why.endsWith('A default: the answers do not choose one.')).toBe(true);
    expect(r.every((x) => !x.alternatives.includes(x.choice))).toBe(true);
    // Prose names the alternatives by label, one for each id.
    const language = r.find((x) => x.key === 'language')!;
    expect(language.alternativeLabels).toEqual(language.alternatives.map((a) => ({ go: 'Go', python: 'Python', typescript: 'TypeScript (Node.js)' })[a]));
    expect(language.alternativeLabels.length).toBeGreaterThan(0);
  });

  it('TECH-3: names the platform and what the answers give the choice to do', () => {
    const r = payments().plan.rationale;
    const db = r.find((x) => x.key === 'database')!;
    expect(db.why).toContain('Here: enforces 2 references (Payment.customer_id and Refund.payment_id) as foreign keys.');
    // A choice from the answers does not repeat "Chosen in the answers for Chariot." on every entry (QA finding 16).
    expect(r.some((x) => x.why.includes('Chosen in the answers'))).toBe(false);
    const defaulted = modelFrom('entities: [{ name: Note, fields: [{ name: body, type: text }] }]', undefined, '{ name: X, summary: y, platform: the bank platform }').plan.rationale;
    expect(defaulted.find((x) => x.key === 'cloud')!.why).toContain('A default: check it against what the bank platform already runs.');
    expect(r.find((x) => x.key === 'auth')!.why).toContain('Here: authenticates the callers of 6 endpoints and checks the admin role.');
  });

  it('TECH-4: no alternative from another cloud', () => {
    const alt = (cloud: string, key: string) => modelFrom('entities: [{ name: Note, fields: [{ name: body, type: text }] }]', `{ language: go, database: postgresql, queue: rabbitmq, cloud: ${cloud}, observability: [prometheus] }`).plan.rationale.find((x) => x.key === key)!.alternatives;
    expect(alt('on-prem', 'queue')).not.toContain('sqs');
    expect(alt('on-prem', 'observability')).not.toContain('cloudwatch');
    expect(alt('azure', 'database')).not.toContain('dynamodb');
    expect(alt('aws', 'queue')).toContain('sqs');
    expect(alt('on-prem', 'cloud')).toEqual(['aws', 'gcp', 'azure']);
  });

  it('the catalog covers every value stack can take', () => {
    for (const v of LANGUAGES) expect(TECHNOLOGIES.language[v]).toBeDefined();
    for (const l of LANGUAGES) for (const v of FRAMEWORKS[l]) expect(TECHNOLOGIES.framework[v]).toBeDefined();
    for (const v of ARCHITECTURES) expect(TECHNOLOGIES.architecture[v]).toBeDefined();
    for (const v of DATABASES) expect(TECHNOLOGIES.database[v]).toBeDefined();
    for (const v of CACHES) expect(TECHNOLOGIES.cache[v]).toBeDefined();
    for (const v of QUEUES) expect(TECHNOLOGIES.queue[v]).toBeDefined();
    for (const v of CLOUDS) expect(TECHNOLOGIES.cloud[v]).toBeDefined();
    for (const v of COMPUTES) expect(TECHNOLOGIES.compute[v]).toBeDefined();
    for (const v of IACS) expect(TECHNOLOGIES.iac[v]).toBeDefined();
    for (const v of AUTHS) expect(TECHNOLOGIES.auth[v]).toBeDefined();
  });
});

describe('options and recommendation', () => {
  it('OPT-1: three different architectures, simple to complex, the chosen one flagged once', () => {
    for (const arch of ARCHITECTURES) {
      const m = modelFrom(one, `{ language: go, database: postgresql, architecture: ${arch} }`);
      const o = m.plan.options;
      expect(o.map((x) => x.key)).toEqual(['option_a', 'option_b', 'option_c']);
      expect(new Set(o.map((x) => x.architecture)).size).toBe(3);
      expect(o.filter((x) => x.chosen).map((x) => x.architecture)).toEqual([arch]);
      const rank = { low: 0, medium: 1, high: 2 };
      expect(rank[o[0]!.complexity]).toBeLessThanOrEqual(rank[o[2]!.complexity]);
    }
  });

  it('OPT-2: the approach names the language, then the framework that builds it, and the cloud\'s functions', () => {
    const chi = modelFrom(one, '{ language: go, framework: chi, database: postgresql, architecture: monolith }');
    expect(chi.plan.options[0]!.approach).toMatch(/^One Go service built with chi on Amazon ECS \(Fargate\) with one PostgreSQL database; /);
    const bare = modelFrom(one, '{ language: go, framework: none, database: postgresql, architecture: monolith }');
    expect(bare.plan.options[0]!.approach).toMatch(/^One Go service on /);
    const azure = modelFrom(one, '{ language: python, framework: flask, database: mysql, cloud: azure, compute: lambda, architecture: serverless }');
    expect(azure.plan.options.find((o) => o.architecture === 'serverless')!.approach).toMatch(/^Python functions per service built with Flask on Azure Functions behind an API gateway/);
  });

  it('REC-1 on the reference answers: the chosen modular monolith, with reasons and conditions', () => {
    const m = payments();
    expect(m.plan.options.map((o) => [o.architecture, o.score])).toEqual([['monolith', 0], ['modular-monolith', 3], ['microservices', -3]]);
    expect(m.plan.options[1]!.hours).toEqual(m.plan.estimate.total);
    expect(m.plan.options[2]!.risks).toContain('Services sharing a database (RISK-SHARED-DATABASE)');
    expect(m.plan.options[1]!.dependencies).toEqual(['Amazon ECS (Fargate)', 'PostgreSQL', 'Redis', 'Amazon SQS', 'Stripe']);
    expect(m.plan.recommendation.selected).toBe('option_b');
    expect(m.plan.recommendation.rationale[0]).toBe('Modular monolith scores 3: the team chose it and knows context the answers do not carry (+2); 2 modules (customers and billing): the modules are already drawn, so boundaries cost little to keep (+1).');
    expect(m.plan.recommendation.conditions).toHaveLength(2);
    expect(m.plan.recommendation.conditions[1]).toMatch(/^Microservices \(option_c\) wins when /);
  });

  it('REC-1: microservices chosen by a team of 3 loses to the modular monolith; kept by a team of 8 at high load', () => {
    const small = modelFrom(one, '{ language: go, database: postgresql, architecture: microservices }');
    expect(small.plan.options.find((o) => o.key === small.plan.recommendation.selected)!.architecture).toBe('modular-monolith');
    const big = modelFrom(`${one}\nrequirements: { non_functional: { throughput_rps: 5000 } }`, '{ language: go, database: postgresql, architecture: microservices }', '{ name: Big, summary: s, team_size: 8 }');
    expect(big.plan.options.find((o) => o.key === big.plan.recommendation.selected)!.architecture).toBe('microservices');
  });
});

describe('checklists', () => {
  it('seed items, platform, language and cloud substituted, holds only with a reason', () => {
    const m = payments();
    const c = m.plan.checklists;
    expect([c.review.length, c.quality.length, c.delivery.length]).toEqual([7, 7, 6]);
    expect(c.review[0]!.text).toBe('Leverages existing Chariot patterns and technologies');
    expect(c.review[1]!.text).toBe('Follows Go and Amazon Web Services best practices');
    expect(c.quality.map((q) => q.text)).toEqual([
      'All spec requirements are addressed', 'API endpoints follow REST conventions', 'Service layer has clear separation of concerns',
      'Data models include proper constraints and indexes', 'Error handling covers all failure scenarios',
      'Authentication/authorization is specified', 'No implementation code is included (design only)',
    ]);
    expect(c.delivery[0]!.text).toBe('Documentation: Architecture diagrams, API documentation, deployment guides');
    expect(c.quality[3]).toEqual({
      text: 'Data models include proper constraints and indexes', holds: false, rule: 'CHK-Q4',
      reason: 'string fields without max_length: customers.stripe_customer_id and payments.stripe_payment_intent_id',
    });
    for (const i of [...c.review, ...c.quality, ...c.delivery]) expect(i.reason).not.toBe('');
  });

  it('without a platform, team size or targets, the items that need them do not hold', () => {
    const m = modelFrom(one, '{ language: python, database: mongodb, cloud: gcp, iac: none }');
    const c = m.plan.checklists;
    expect(c.review[0]).toMatchObject({ text: "Leverages the existing platform's patterns and technologies", holds: false, reason: 'the answers name no existing platform (project.platform)' });
    expect(c.review[1]!.text).toBe('Follows Python and Google Cloud best practices');
    expect(c.review[6]!.holds).toBe(false);
    expect(c.quality[0]!.reason).toBe('the answers list no functional requirements to check against');
    expect(c.delivery[3]).toMatchObject({ holds: false, reason: 'no latency or throughput target to load-test against' });
    expect(c.delivery[5]!.holds).toBe(false);
  });
});
