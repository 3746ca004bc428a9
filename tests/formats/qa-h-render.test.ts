// QA round (invoicing SaaS, IoT ingest, text-heavy app): findings that show in the rendered plans.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';
import { mermaidError } from '../helpers/mermaid.js';

const alerts = `version: 1
project: { name: Alerts, summary: Alerts sent out through a webhook provider. }
stack: { language: go, framework: gin, database: mongodb, queue: kafka, cloud: gcp }
entities:
  - { name: Alert, fields: [{ name: severity, type: enum, values: [info, critical] }] }
endpoints:
  - { method: POST, path: '/alerts/{id}/acknowledge', entity: Alert, integrations: [Hookdeck] }
integrations:
  - { name: Hookdeck, purpose: Deliver alert webhooks to customers, retry: exponential, idempotent: true }
`;

describe('FLOW-2 in architecture.md: a consumer call is drawn after the client has its answer', () => {
  const text = renderFormat(modelOf(alerts, 'alerts.yaml'), 'architect-doc');
  const diagram = /### POST \/alerts\/\{id\}\/acknowledge\n```mermaid\n([\s\S]*?)```/.exec(text)![1]!;

  it('the answer (alt ... end) comes before the queue hands the event to the consumer', () => {
    const lines = diagram.split('\n').map((l) => l.trim());
    expect(lines.indexOf('end')).toBeGreaterThan(lines.indexOf('api-->>client: 201 Created'));
    expect(lines.indexOf('queue->>consumer: alert.acknowledged')).toBeGreaterThan(lines.indexOf('end'));
    expect(lines.indexOf('consumer->>ext1: Call Hookdeck')).toBeGreaterThan(lines.indexOf('queue->>consumer: alert.acknowledged'));
  });

  it('is still a valid sequence diagram', async () => {
    expect(await mermaidError(diagram)).toBe('');
  });
});

const recipes = (language: string, framework: string) => `version: 1
project: { name: Recettes, summary: Recipes. }
stack: { language: ${language}, framework: ${framework}, database: postgresql }
entities:
  - name: Recipe
    fields:
      - { name: cuisine, type: enum, values: [française, 中華, 日本, tex-mex, tex_mex], default: 日本 }
resources: [{ entity: Recipe, operations: [get] }]
`;

describe('enum members in the data models: accents folded, never two members of one name', () => {
  it('Python (Pydantic and Django): FRANCAISE, and numbered names for values that spell the same', () => {
    for (const framework of ['fastapi', 'django']) {
      const text = renderFormat(modelOf(recipes('python', framework), 'r.yaml'), 'six-phase');
      expect(text).toContain('    FRANCAISE = "française"\n');
      expect(text).toContain('    VALUE = "中華"\n    VALUE_2 = "日本"\n    TEX_MEX = "tex-mex"\n    TEX_MEX_2 = "tex_mex"\n');
      expect(text).toContain('default=RecipeCuisine.VALUE_2');
      expect(text).not.toContain('FRAN_AISE');
    }
  });

  it('Go: one constant per value', () => {
    const text = renderFormat(modelOf(recipes('go', 'chi'), 'r.yaml'), 'six-phase');
    for (const name of ['RecipeCuisineFrancaise ', 'RecipeCuisineX ', 'RecipeCuisineX2 ', 'RecipeCuisineTexMex ', 'RecipeCuisineTexMex2 ']) expect(text).toContain(`\t${name}`);
  });
});

const vat = `version: 1
project: { name: Vat, summary: VAT rates and invoices. }
stack: { language: typescript, framework: nestjs, database: postgresql, queue: sqs, observability: [opentelemetry, cloudwatch] }
entities:
  - { name: VATRate, fields: [{ name: rate, type: decimal, required: true }] }
  - { name: Invoice, fields: [{ name: vat_rate_id, type: uuid, required: true, references: VATRate }] }
resources:
  - { entity: VATRate, operations: [get] }
  - { entity: Invoice, operations: [create] }
endpoints:
  - { method: POST, path: '/invoices/{id}/issue', entity: Invoice, integrations: [Postmark] }
integrations:
  - { name: Postmark, purpose: Send invoice e-mails }
`;

describe('technical-plan.md reads the stack by its names and keeps external calls apart', () => {
  const text = renderFormat(modelOf(vat, 'vat.yaml'), 'six-phase');
  const internal = /### Internal System Integrations\n([\s\S]*?)\n\n/.exec(text)![1]!;

  it('Internal System Integrations lists the calls between services only; the queue by what it carries', () => {
    expect(internal).toContain('- InvoiceService calls VatRateService.');
    expect(internal).not.toContain('Postmark');
    expect(internal).toContain('- Asynchronous processing through Amazon SQS: the events under Data Architecture, published after the commit (transactional outbox).');
  });

  it('framework, observability and the handoff by their labels, the entity by its name', () => {
    expect(text).toContain('Modular monolith in TypeScript (Node.js) with NestJS on Amazon Web Services');
    expect(text).toContain('- Monitoring and logging: OpenTelemetry, Amazon CloudWatch;');
    expect(text).toContain('- Key decisions: Modular monolith (chosen and recommended); TypeScript with NestJS; PostgreSQL; Amazon ECS (Fargate) on Amazon Web Services; Terraform');
    expect(text).toContain('- VATRate validation: rate (required).');
  });
});

describe('architecture.md Monitoring: the health checks in one list', () => {
  it('the database and the queue, joined with and', () => {
    const text = renderFormat(modelOf(vat.replace('stack: {', 'requirements: { non_functional: { availability: "99.9" } }\nstack: {'), 'vat.yaml'), 'architect-doc');
    expect(text).toContain('- **Availability:** 99.9% target; health checks on the database and the queue.');
  });
});

describe('backend-implementation-plan.md Solution: the framework after "with"', () => {
  it('TypeScript (Node.js) with NestJS, not two parentheses', () => {
    const text = renderFormat(modelOf(vat, 'vat.yaml'), 'implementation-plan');
    expect(text).toContain('- **Solution:** Modular monolith in TypeScript (Node.js) with NestJS on Amazon Web Services');
  });
});

describe('technical-plan.md names framework, tools and database by their labels everywhere', () => {
  const text = renderFormat(modelOf(vat, 'vat.yaml'), 'six-phase');
  it('API layer, libraries to leverage, reads without a cache', () => {
    expect(text).toContain('- **API layer** (NestJS): routes');
    expect(text).toContain('- Frameworks and libraries to leverage: NestJS, OpenTelemetry, Amazon CloudWatch.');
    expect(text).toContain('- No cache in the stack: reads go to PostgreSQL, so its indexes above carry the read load.');
  });
});

describe('technical-plan.md API layer: a service name mid-sentence', () => {
  it('"runs on AKS cluster, the service on Kubernetes", not "The service"', () => {
    const text = renderFormat(modelOf(vat.replace('queue: sqs,', 'queue: rabbitmq, cloud: azure, compute: kubernetes,'), 'vat.yaml'), 'six-phase');
    expect(text).toContain('runs on AKS cluster, the service on Kubernetes (Deployment and Service)');
  });
});

const tenants = `version: 1
project: { name: Tenants, summary: Tenants with slugs. }
stack: { language: typescript, database: mongodb }
entities:
  - name: VATRate
    soft_delete: true
    fields: [{ name: code, type: string, required: true, unique: true, max_length: 8 }]
resources: [{ entity: VATRate, operations: [create] }]
`;

describe('a unique field of a soft-deleting entity reads "unique among live ..." in every data model', () => {
  const m = modelOf(tenants, 't.yaml');
  it('blueprint, architecture.md (table and ER diagram), implementation plan, technical plan', () => {
    expect(renderFormat(m, 'blueprint')).toContain('- code: string (required, unique among live documents, max length 8)');
    const arch = renderFormat(m, 'architect-doc');
    expect(arch).toContain('| code | string | required, unique among live documents, max length 8 |');
    expect(arch).toContain('string code UK "required, unique among live documents, max length 8"');
    const impl = renderFormat(m, 'implementation-plan');
    expect(impl).toContain('| code | string | required, unique among live documents, max length 8 | - |');
    expect(impl).toContain('#### VATRate (`vat_rates`)');
    expect(renderFormat(m, 'six-phase')).toContain('- VATRate validation: code (required, unique among live documents, max length 8).');
  });
});

describe('technical-plan.md Scalability Approach says how each part scales, then its limits', () => {
  it('ECS and PostgreSQL', () => {
    const text = renderFormat(modelOf(vat, 'vat.yaml'), 'six-phase');
    expect(text).toContain('- Amazon ECS (Fargate): Service auto scaling on CPU and requests per task, at least two tasks across availability zones. Limits: Pays for idle tasks; scaling slower than functions.');
    expect(text).not.toContain('- Amazon ECS (Fargate): Compute (containers). Pays for idle tasks');
  });
});
