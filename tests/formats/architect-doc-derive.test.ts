// The derivations behind architecture.md: folder layouts (catalog/folders.ts, plan/folders.ts), data flows
// (plan/flows.ts), and the tree helper that draws the layout.

import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, LANGUAGES } from '../../src/answers/answers.js';
import { folderName, folderStructure, LAYOUTS, tooling } from '../../src/derive/catalog/folders.js';
import type { Model, Module, Stack } from '../../src/derive/model.js';
import { dataFlows, hasFlow } from '../../src/derive/plan/flows.js';
import { projectLayout, treeOrder } from '../../src/derive/plan/folders.js';
import { mermaidText, tree } from '../../src/render/helpers.js';
import { mermaidError } from '../helpers/mermaid.js';
import { exampleModel, modelOf } from '../helpers/plans.js';

const stack = (over: Partial<Stack>): Stack => ({
  language: 'go', framework: 'chi', architecture: 'modular-monolith', database: 'postgresql', cache: 'none', queue: 'none',
  cloud: 'aws', compute: 'ecs', iac: 'cloudformation', auth: 'jwt', observability: [], relational: true, ...over,
});
const modules: Module[] = [
  { name: 'billing', description: '', entities: ['Payment', 'Refund'], origin: 'declared' },
  { name: 'user-accounts', description: '', entities: ['User'], origin: 'declared' },
];
const paths = (s: Partial<Stack>, integrations: string[] = []) => folderStructure(stack(s), modules, integrations).map((e) => e.path);

describe('folder layouts (DIR-1, DIR-2)', () => {
  it('has a layout for every framework each language accepts', () => {
    for (const lang of LANGUAGES) for (const fw of FRAMEWORKS[lang]) expect(LAYOUTS[lang][fw], `${lang}/${fw}`).toBeDefined();
  });

  it('gives each module and integration a folder named in the language idiom', () => {
    expect(paths({}, ['Stripe API'])).toEqual(expect.arrayContaining(['internal/billing/', 'internal/useraccounts/', 'internal/integrations/stripeapi/']));
    expect(paths({ language: 'typescript', framework: 'express' }, ['Stripe API'])).toEqual(expect.arrayContaining(['src/modules/billing/', 'src/modules/user-accounts/', 'src/integrations/stripe-api/', 'src/middleware/']));
    expect(paths({ language: 'typescript', framework: 'fastify' })).toContain('src/plugins/');
    expect(paths({ language: 'typescript', framework: 'nestjs' })).toEqual(expect.arrayContaining(['src/app.module.ts', 'src/user-accounts/']));
    expect(paths({ language: 'python', framework: 'fastapi' }, ['Stripe API'])).toEqual(expect.arrayContaining(['app/user_accounts/', 'app/integrations/stripe_api/', 'migrations/']));
    expect(paths({ language: 'python', framework: 'django' })).toEqual(expect.arrayContaining(['manage.py', 'config/', 'apps/user_accounts/']));
    expect(paths({ language: 'python', framework: 'flask' })).toEqual(expect.arrayContaining(['app/__init__.py', 'app/user_accounts/']));
    expect(folderName('go', 'Line-Items')).toBe('lineitems');
  });

  it('names each module\'s entities in its purpose, and says service for microservices', () => {
    const billing = folderStructure(stack({}), modules).find((e) => e.path === 'internal/billing/');
    expect(billing?.purpose).toMatch(/^Module billing \(Payment, Refund\): handler\.go/);
    const svc = folderStructure(stack({ architecture: 'microservices' }), modules).find((e) => e.path === 'internal/billing/');
    expect(svc?.purpose).toMatch(/^Service billing \(Payment, Refund\)/);
  });

  it('leaves out what the stack does not have, and adds what it does', () => {
    expect(paths({})).not.toContain('internal/platform/queue/');
    expect(paths({ queue: 'sqs' })).toContain('internal/platform/queue/');
    expect(paths({})).toContain('migrations/');
    expect(paths({ database: 'mongodb', relational: false })).not.toContain('migrations/');
    expect(paths({ database: 'mongodb', relational: false })).toContain('schema/');
    expect(paths({ compute: 'lambda' })).toContain('cmd/lambda/');
    expect(paths({ compute: 'lambda' })).not.toContain('cmd/api/');
    expect(folderStructure(stack({ iac: 'none' }), []).find((e) => e.path === 'deploy/')?.purpose).toMatch(/^Build and run scripts for Amazon ECS/);
    expect(folderStructure(stack({}), []).find((e) => e.path === 'deploy/')?.purpose).toBe('AWS CloudFormation definitions of the Amazon Web Services resources, one stack per environment');
  });

  it('fills every placeholder', () => {
    for (const lang of LANGUAGES) {
      for (const fw of FRAMEWORKS[lang]) {
        for (const e of folderStructure(stack({ language: lang, framework: fw, queue: 'kafka' }), modules, ['Stripe'])) {
          expect(`${e.path} ${e.purpose}`, `${lang}/${fw}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('names the test runner and checks per language', () => {
    expect(tooling({ language: 'go', framework: 'chi' }).unit).toMatch(/^go test/);
    expect(tooling({ language: 'typescript', framework: 'nestjs' }).unit).toMatch(/^jest/);
    expect(tooling({ language: 'typescript', framework: 'express' }).unit).toMatch(/^vitest/);
    expect(tooling({ language: 'python', framework: 'django' }).unit).toBe('pytest with pytest-django');
  });
});

describe('tree order (DIR-3) and the tree helper', () => {
  it('lists every parent before its children, children grouped in first-seen order', () => {
    const order = treeOrder([
      { path: 'cmd/api/', purpose: 'main' },
      { path: 'internal/config/', purpose: 'config' },
      { path: 'migrations/', purpose: 'sql' },
      { path: 'internal/platform/db/', purpose: 'db' },
      { path: 'internal/', purpose: 'private code' },
    ]).map((e) => `${e.path}=${e.purpose}`);
    expect(order).toEqual(['cmd/=', 'cmd/api/=main', 'internal/=private code', 'internal/config/=config', 'internal/platform/=', 'internal/platform/db/=db', 'migrations/=sql']);
  });

  it('draws box lines and aligns the notes', () => {
    const rows = treeOrder([
      { path: 'cmd/api/', purpose: 'main package' },
      { path: 'internal/config/', purpose: 'settings\nfrom env' },
      { path: 'internal/platform/db/', purpose: 'pool' },
      { path: 'go.mod', purpose: '' },
    ]).map((e) => ({ path: e.path, note: e.purpose }));
    expect(tree('svc/', rows)).toBe([
      'svc/',
      '├── cmd/',
      '│   └── api/      # main package',
      '├── internal/',
      '│   ├── config/   # settings from env',
      '│   └── platform/',
      '│       └── db/   # pool',
      '└── go.mod',
    ].join('\n'));
  });

  it('lays out every example with parents present', () => {
    for (const name of ['payments', 'shop', 'library']) {
      const { folders } = projectLayout(exampleModel(name));
      const seen = new Set<string>();
      for (const f of folders) {
        const parent = f.path.replace(/\/$/, '').split('/').slice(0, -1).join('/');
        if (parent) expect(seen.has(`${parent}/`), `${name}: ${f.path}`).toBe(true);
        seen.add(f.path);
      }
    }
  });
});

describe('data flows (FLOW-1 .. FLOW-3)', () => {
  const m = exampleModel('payments');

  it('draws the endpoints that call an integration or publish on the queue, and no others', () => {
    expect(dataFlows(m).map((f) => f.endpoint)).toEqual(['POST /customers', 'POST /payments', 'POST /payments/{id}/refunds', 'POST /webhooks/stripe']);
    const noQueue: Model = JSON.parse(JSON.stringify(m)) as Model;
    for (const s of noQueue.plan.services) for (const fn of s.methods) fn.steps = fn.steps.filter((x) => !/^(Publish|Enqueue) /.test(x));
    expect(noQueue.endpoints.filter((ep) => hasFlow(noQueue, ep)).map((ep) => ep.id)).toEqual(['POST /payments', 'POST /payments/{id}/refunds']);
  });

  it('follows the service steps: validation at the API, the database, Stripe and its answer, the queue', () => {
    const f = dataFlows(m).find((x) => x.endpoint === 'POST /payments')!;
    expect(f.participants.map((p) => `${p.id}:${p.label}`)).toEqual(['client:Client', 'api:API (chi)', 'svc:PaymentService', 'db:PostgreSQL', 'ext1:Stripe', 'queue:Amazon SQS']);
    expect(f.messages.map((x) => `${x.from}${x.reply ? '-->>' : '->>'}${x.to}: ${x.text}`)).toEqual([
      'client->>api: POST /payments',
      'api->>api: Validate input',
      'api->>api: Authorize: require an authenticated caller',
      'api->>svc: CreatePayment',
      'svc->>db: Look up idempotency_key',
      'svc->>db: Load the Customer named by customer_id',
      'svc->>ext1: Call Stripe',
      'ext1-->>svc: Stripe answers',
      'svc->>db: Insert the Payment in a transaction',
      'svc->>queue: Publish payment.created on Amazon SQS after the commit',
      'svc-->>api: result',
    ]);
    const ep = m.endpoints.find((e) => e.id === 'POST /payments')!;
    expect(f.branches[0]).toEqual({ status: 201, title: 'Created', name: '', cause: 'success' });
    expect(f.branches.slice(1).map((b) => `${b.status} ${b.name}`)).toEqual(ep.errorStates.map((s) => `${s.status} ${s.name}`));
  });

  it('has no flow for a plan without integrations or queue', () => {
    expect(dataFlows(modelOf(`version: 1
project: { name: N, summary: s }
stack: { language: go, database: sqlite }
entities: [{ name: Note, fields: [{ name: body, type: text }] }]
resources: [{ entity: Note, operations: [create, list] }]
`, 'n.yaml'))).toEqual([]);
  });
});

describe('mermaidText', () => {
  it('keeps sequence text on one line with # ; < > as entity codes, so the diagram still parses', async () => {
    const odd = 'a;b #1 <b>x</b>\nnext: "q" & `t` | end';
    expect(mermaidText(odd)).toBe('a#59;b #35;1 #lt;b#gt;x#lt;/b#gt; next: "q" & `t` | end');
    const diagram = ['sequenceDiagram', `  participant ext1 as ${mermaidText(odd)}`, `  client->>ext1: ${mermaidText(odd)}`, `  alt ${mermaidText(odd)}`, `    ext1-->>client: ${mermaidText(odd)}`, '  end'].join('\n');
    expect(await mermaidError(diagram)).toBe('');
    // Without the codes the same text breaks the diagram: the test would notice a helper that stopped escaping.
    expect(await mermaidError(['sequenceDiagram', `  client->>api: ${odd.replace(/\n/g, ' ')}`].join('\n'))).not.toBe('');
  });
});
