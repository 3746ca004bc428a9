// architect-doc (seed 002, architecture.md): golden files per example, the headings in order, every entity,
// index, relationship and endpoint where the structure puts it, a sequence diagram per data flow with each error
// branch, and every Mermaid block through Mermaid's parser.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { mermaidBlocks, mermaidProblems } from '../helpers/mermaid.js';
import { EXAMPLES, GOLDEN_VARIANT, STACK_VARIANTS, everyFieldTypeText, exampleModel, exampleText, modelOf, renderFormat, variantName, variantText, withDecisions } from '../helpers/plans.js';

function render(m: Model): { m: Model; text: string } {
  return { m, text: renderFormat(m, 'architect-doc') };
}

/** An entity's heading: its table or collection; its node label or item type on Neo4j and DynamoDB (STORE-1). */
function containerTitle(m: Model, name: string): string {
  const kind = m.plan.storage.kind;
  return kind === 'graph' || kind === 'key-value' ? `${name} (${m.plan.storage.container})` : `${m.entities.find((e) => e.name === name)!.table} (${name})`;
}

async function checkArchitectDoc(m: Model, text: string): Promise<void> {
  const flows = m.plan.dataFlows;
  expect(headings(text).map((h) => `${h.level} ${h.text}`)).toEqual([
    `1 Backend Architecture: ${m.project.name}`,
    '2 Overview',
    '2 Folder Structure',
    '3 Modules',
    '2 Technologies',
    '2 Database Schema',
    ...m.plan.entityOrder.map((n) => `3 ${containerTitle(m, n)}`),
    '3 Relationships',
    '2 Data Flow',
    ...flows.map((f) => `3 ${f.endpoint}`),
    '2 Testing Strategy',
    '2 Deployment',
    '2 Security',
    '2 Monitoring',
    '2 Maintenance',
    '2 Important Notes',
    '3 Assumptions',
  ]);
  expect(markdownProblems(text)).toEqual([]);
  expect(await mermaidProblems(text)).toEqual([]);

  const folders = section(text, 'Folder Structure');
  expect(folders).toContain(`${m.project.slug}/\n`);
  for (const f of m.plan.layout.folders) {
    const name = f.path.replace(/\/$/, '').split('/').pop()!;
    expect(folders).toMatch(new RegExp(`[├└]── ${name.replace(/[.]/g, '\\.')}${f.path.endsWith('/') ? '/' : ''}`));
  }
  const modules = section(text, 'Modules');
  for (const mod of m.modules) expect(modules).toContain(`| ${mod.name} |`);

  const tech = section(text, 'Technologies');
  for (const r of m.plan.rationale) expect(tech).toContain(`| ${r.key} |`);

  const schema = section(text, 'Database Schema');
  const er = mermaidBlocks(schema)[0]?.source ?? '';
  expect(er.startsWith('erDiagram')).toBe(true);
  for (const e of m.entities) {
    expect(er).toContain(`  ${e.name.replace(/[^A-Za-z0-9_]/g, '_')} {`);
    const table = section(text, containerTitle(m, e.name));
    for (const f of e.fields) expect(table).toContain(`| ${f.name} | ${f.type}`);
    for (const ix of e.indexes) expect(table).toContain(`\`${ix.name}\` on (${ix.fields.join(', ')})`);
  }
  for (const r of m.plan.relationships.filter((x) => x.kind === 'many-to-one')) expect(er).toMatch(new RegExp(`^  ${r.to} \\S+ ${r.from} : "${r.via}"$`, 'm'));
  const rels = section(text, 'Relationships');
  for (const r of m.plan.relationships) expect(rels).toContain(`| ${r.from} | ${r.kind}`);

  const flow = section(text, 'Data Flow');
  for (const r of m.plan.relationships.filter((x) => x.kind === 'many-to-one' && x.crossModule)) expect(flow).toContain(`- ${r.from} (`);
  for (const t of m.plan.integrationTerms) expect(flow).toContain(`${t.credentials}, timeout ${m.integrations.find((i) => i.name === t.name)!.timeoutMs} ms, ${t.retry}`);
  for (const ep of m.endpoints) expect(flow).toContain(`| ${ep.id.replace(/\|/g, '\\|')} |`);
  for (const f of flows) {
    const ep = m.endpoints.find((e) => e.id === f.endpoint)!;
    const diagram = mermaidBlocks(section(text, f.endpoint))[0]?.source ?? '';
    expect(diagram.startsWith('sequenceDiagram'), f.endpoint).toBe(true);
    expect(diagram).toContain(`  alt ${ep.status} `);
    for (const s of ep.errorStates) expect(diagram, `${f.endpoint} ${s.name}`).toMatch(new RegExp(`^  else ${s.status} ${s.name}: `, 'm'));
    for (const i of ep.integrations) expect(diagram).toMatch(new RegExp(`^  participant ext\\d+ as ${i}$`, 'm'));
  }

  const notes = section(text, 'Important Notes');
  const severity = { high: 0, medium: 1, low: 2 };
  const top = m.plan.risks.map((r, i) => ({ r, i })).sort((a, b) => severity[a.r.severity] - severity[b.r.severity] || a.i - b.i).slice(0, 5);
  for (const { r } of top) expect(notes).toContain(`**${r.title}** (${r.severity})`);
  for (const a of m.assumptions) expect(section(text, 'Assumptions')).toContain(`\`${a.key}\``);
}

describe('architect-doc', () => {
  for (const name of EXAMPLES) {
    it(`renders ${name} as the golden file`, async () => {
      const { m, text } = render(exampleModel(name));
      await checkArchitectDoc(m, text);
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/architecture.md`);
    });
  }

  for (const v of STACK_VARIANTS) {
    it(`holds its structure for ${variantName(v)}`, async () => {
      const { m, text } = render(modelOf(variantText(v), 'variant.yaml'));
      if (variantName(v) === GOLDEN_VARIANT) await expect(text).toMatchFileSnapshot(`__golden__/variants/${GOLDEN_VARIANT}/architecture.md`);
      await checkArchitectDoc(m, text);
      // The folder tree is the one for the chosen language and framework.
      const marker = { go: 'internal/', typescript: 'src/', python: v.framework === 'django' ? 'apps/' : 'app/' }[v.language as 'go'];
      expect(section(text, 'Folder Structure')).toContain(`── ${marker}`);
    });
  }

  it('draws the tree the seed asks for: one folder per module and integration, one line on each', () => {
    const { text } = render(exampleModel('payments'));
    const tree = section(text, 'Folder Structure');
    expect(tree).toMatch(/│ {3}├── billing\/ +# Module billing \(Payment, Refund\): handler\.go/);
    expect(tree).toMatch(/└── stripe\/ +# Client for Stripe: timeout/);
    expect(tree).toMatch(/├── migrations\/ +# Numbered SQL migrations/);
  });

  it('keeps user text from breaking the tables, the tree and the diagrams', async () => {
    for (const lang of ['go', 'typescript', 'python']) {
      const { m, text } = render(withDecisions(modelOf(everyFieldTypeText(lang), 'odd.yaml')));
      await checkArchitectDoc(m, text);
      expect(text).toContain('Odd <b>Names</b> & Co');
    }
  });

  it('lists reference cycles and the engine warnings, with no data flow when nothing leaves the service', async () => {
    const { m, text } = render(modelOf(`version: 1
project: { name: Loop, summary: s }
stack: { language: python, framework: flask, database: postgresql, auth: none }
entities:
  - name: Author
    fields: [{ name: best_book_id, type: uuid, references: Book }]
  - name: Book
    fields: [{ name: author_id, type: uuid, required: true, references: Author }]
resources: [{ entity: Book, operations: [create] }]
errors: [{ name: NeverUsed, status: 418, message: unused }]
`, 'loop.yaml'));
    await checkArchitectDoc(m, text);
    expect(m.plan.cycles.length).toBeGreaterThan(0);
    expect(section(text, 'Relationships')).toMatch(/^- (Author -> Book -> Author|Book -> Author -> Book)$/m);
    const maintenance = section(text, 'Maintenance');
    for (const w of m.plan.warnings) expect(maintenance).toContain(`- **Warning** (\`${w.path}\`): ${w.message}`);
    expect(maintenance).toContain('NeverUsed');
    expect(section(text, 'Data Flow')).toContain('No endpoint calls an integration or puts a message on a queue');
    expect(section(text, 'Security')).toContain('- **Authentication:** none: every endpoint is public.');
    expect(section(text, 'Folder Structure')).not.toContain('app/auth/');
  });

  it('lays out engine decisions as given: rationale, risks beyond the top five, phases', () => {
    const base = withDecisions(exampleModel('payments'));
    base.plan.risks = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, title: `Risk ${i}`, severity: i === 6 ? 'high' as const : 'low' as const, area: 'x', cause: `cause ${i}.`, mitigations: [`fix ${i}.`] }));
    const { text } = render(base);
    const notes = section(text, 'Important Notes');
    expect(notes.split('\n').filter((l) => l.startsWith('- **'))).toEqual([
      '- **Risk 6** (high): cause 6. Mitigation: fix 6.',
      '- **Risk 0** (low): cause 0. Mitigation: fix 0.',
      '- **Risk 1** (low): cause 1. Mitigation: fix 1.',
      '- **Risk 2** (low): cause 2. Mitigation: fix 2.',
      '- **Risk 3** (low): cause 3. Mitigation: fix 3.',
    ]);
    expect(notes).toContain('- 2 more risks in technical-plan.md.');
    expect(section(text, 'Technologies')).toContain('| queue | sqs label (default) | the queue role | fits \\| well 6. | some cost. | other one, other two |');
    expect(section(text, 'Deployment')).toContain('3. **Integrations**, week 5 (days 29–33), 8–12 hours: Call the outside');
  });
});

describe('DIR-5 deployment line: a service that owns no data runs no migrations', () => {
  const deployment = (text: string): string => section(text, 'Deployment').split('\n').find((l) => l.includes('traffic')) ?? '(no migrations sentence)';

  it('names the services that own data when one owns none; every service when all do', () => {
    const shop = exampleText('shop');
    const webhook = shop.replace('\nerrors:', '\n  - { method: POST, path: /webhooks/payments, summary: The gateway reports a payment, auth: none, request: raw, status: 202 }\n\nerrors:');
    const m = modelOf(webhook, 'shop-webhook.yaml');
    expect(m.plan.layout.deployables.map((d) => d.name).at(-1)).toBe('webhook');
    expect(deployment(renderFormat(m, 'architect-doc'))).toMatch(/ Each service that owns data \(accounts, catalogue and ordering\) runs its migrations before its own new version takes traffic\.$/);
    expect(deployment(renderFormat(exampleModel('shop'), 'architect-doc'))).toMatch(/ Each service's migrations run before its own new version takes traffic\.$/);
  });
});
