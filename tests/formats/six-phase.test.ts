// six-phase (seed 000, technical-plan.md): golden files per example, the seed's headings in order, every
// entity, endpoint, risk and checklist item where the seed puts it, and every code block, diagram and table
// sound, on the examples and on stack variants that use every language, database, cloud and IaC value.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { codeBlocks, codeProblems } from '../helpers/code.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { mermaidProblems } from '../helpers/mermaid.js';
import { EXAMPLES, STACK_VARIANTS, everyFieldTypeText, exampleModel, modelOf, renderFormat, variantName, variantText, withDecisions } from '../helpers/plans.js';

const LANGUAGE = { go: 'Go', typescript: 'TypeScript', python: 'Python' } as const;
const CLOUD = { aws: 'AWS', gcp: 'GCP', azure: 'Azure', 'on-prem': 'On-premises' } as const;

function expectedHeadings(m: Model): Array<[number, string]> {
  const platform = m.project.platform || 'the Existing Platform';
  return [
    [1, 'Backend Technical Implementation Plan'],
    [2, 'Executive Summary'],
    [2, 'Architecture Overview'], [3, 'System Components'], [3, 'Data Architecture'],
    [2, 'Technology Stack Selection'], [3, `Primary Technologies (Existing in ${platform})`], [3, 'New Technologies (If Required)'],
    [2, 'API Design Specification'], [3, 'Endpoints Implementation'], [3, `Data Models (${LANGUAGE[m.stack.language]} types)`],
    [2, 'Infrastructure Requirements'], [3, `${CLOUD[m.stack.cloud]} Resources Needed`], [3, 'Deployment Strategy'],
    [2, 'Integration Implementation'], [3, 'External Service Integrations'], [3, 'Internal System Integrations'],
    [2, 'Security Implementation'], [3, 'Authentication & Authorization'], [3, 'Data Protection'],
    [2, 'Performance & Scalability Design'], [3, 'Performance Targets'], [3, 'Scalability Approach'],
    [2, 'Implementation Phases'], [3, 'Phase 1: Core Infrastructure'], [3, 'Phase 2: Business Logic'], [3, 'Phase 3: Advanced Features'],
    [2, 'Testing Strategy'], [3, 'Unit Testing Approach'], [3, 'Integration Testing Plan'],
    [2, 'Risk Assessment'], [3, 'Technical Risks'], [3, 'Mitigation Strategies'],
    [2, 'Success Criteria'],
    [2, 'Architectural Review Checklist'],
  ];
}


/** Everything a technical plan must hold for its model. */
async function checkPlan(m: Model, text: string): Promise<void> {
  expect(headings(text).map((h) => [h.level, h.text])).toEqual(expectedHeadings(m));
  expect(markdownProblems(text)).toEqual([]);
  expect(await mermaidProblems(text)).toEqual([]);
  expect(codeProblems(text)).toEqual([]);

  // Data models: one block in the chosen language, a type per entity.
  const models = codeBlocks(section(text, `Data Models (${LANGUAGE[m.stack.language]} types)`));
  expect(models.map((b) => b.lang)).toEqual([{ go: 'go', typescript: 'typescript', python: 'python' }[m.stack.language]]);
  const code = models[0]?.source ?? '';
  for (const e of m.entities) {
    const decl = { go: `type ${e.names.pascal} struct {`, typescript: `export interface ${e.names.pascal} {`, python: m.plan.layout.tooling.models === 'django-orm' ? `class ${e.names.pascal}(models.Model)` : `class ${e.names.pascal}(SQLModel` }[m.stack.language];
    expect(code, e.name).toContain(decl);
  }
  if (m.stack.language === 'go') {
    expect(code).toContain('type BaseModel struct {');
    for (const e of m.entities.filter((x) => x.timestamps)) expect(code).toMatch(new RegExp(`type ${e.names.pascal} struct \\{\\n\\tBaseModel\\n`));
    for (const f of m.entities.flatMap((e) => e.fields)) expect(code).toContain(`json:"${f.name}`);
    expect(code).toMatch(/neo4j:"[a-z_0-9]+" desc:"[^"]+"`/);
  }

  // Endpoints with their handler and every error state.
  const endpoints = section(text, 'Endpoints Implementation');
  // The handler as the code names it (Go PascalCase, Python snake_case).
  const languageNames = new Map(m.plan.services.flatMap((s) => s.methods.map((fn) => [fn.endpoint, fn.languageName])));
  for (const ep of m.endpoints) {
    expect(endpoints, ep.id).toContain(`**\`${ep.id}\`** → \``);
    const name = languageNames.get(ep.id) ?? ep.handler;
    expect(endpoints).toContain(ep.service ? `${ep.service}.${name}` : name);
    for (const s of ep.errorStates) expect(endpoints).toContain(`${s.status} ${s.name}`);
  }
  for (const err of m.errors) expect(endpoints).toContain(`- \`${err.name}\` → ${err.status} `);
  const data = section(text, 'Data Architecture');
  for (const e of m.entities) expect(data).toContain(`**${e.names.pascal}** (\`${e.table}\`)`);

  // Cloud resources named for the IaC tool; each resource in the table.
  const resources = section(text, `${CLOUD[m.stack.cloud]} Resources Needed`);
  for (const r of m.plan.infrastructure) expect(resources).toContain(r.tool === 'none' ? r.service : `\`${r.resource}\``);

  for (const i of m.integrations) expect(section(text, 'External Service Integrations')).toContain(`**${i.name}**`);
  for (const n of [1, 2, 3] as const) {
    for (const p of m.plan.phases.filter((x) => x.seedPhase === n)) expect(section(text, `Phase ${n}: ${['', 'Core Infrastructure', 'Business Logic', 'Advanced Features'][n]}`)).toContain(p.title);
  }
  for (const r of m.plan.risks) {
    expect(section(text, 'Technical Risks')).toContain(r.title);
    expect(section(text, 'Mitigation Strategies')).toContain(r.title);
  }
  const checklist = section(text, 'Architectural Review Checklist');
  for (const item of m.plan.checklists.review) expect(checklist).toContain(`- ${item.holds ? '✅' : '⬜'} ${item.text}`);
  expect(checklist.match(/^- [✅⬜] /gm)?.length ?? 0).toBe(m.plan.checklists.review.length);

  const handoff = codeBlocks(checklist).at(-1)?.source ?? '';
  expect(handoff.split('\n').slice(0, 3)).toEqual(['✅ TECHNICAL PLANNING COMPLETE', '', 'Implementation Roadmap:']);
  expect(handoff).toMatch(/\n\nReady for Senior Developer to begin implementation\?\n$/);
}

describe('six-phase on the examples', () => {
  for (const name of EXAMPLES) {
    it(`${name}: golden file and structure`, async () => {
      const m = exampleModel(name);
      const text = renderFormat(m, 'six-phase');
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/technical-plan.md`);
      await checkPlan(m, text);
    });
  }

  it('payments: CloudFormation resource types, Go models with tags, Stripe policy, Chariot', () => {
    const text = renderFormat(exampleModel('payments'), 'six-phase');
    for (const t of ['AWS::ECS::Service', 'AWS::RDS::DBInstance', 'AWS::SQS::Queue', 'AWS::ElastiCache::ReplicationGroup']) expect(text).toContain(`\`${t}\``);
    expect(text).toContain('### Primary Technologies (Existing in Chariot)');
    expect(text).toContain('IdempotencyKey        string          `json:"idempotency_key" neo4j:"idempotency_key" desc:"required; unique; max length 80"`');
    expect(text).toContain('- Timeout 5000 ms; retried with exponential backoff; idempotent (safe to retry with an idempotency key); rate limit: 100/s.');
  });

  it('events: SAM resource types; notes: no IaC tool, resources created by hand', () => {
    const events = renderFormat(exampleModel('events'), 'six-phase');
    expect(events).toContain('`AWS::Serverless::Function`');
    expect(events).toContain('`AWS::Serverless::HttpApi`');
    const notes = renderFormat(exampleModel('notes'), 'six-phase');
    expect(notes).toContain('### On-premises Resources Needed');
    expect(notes).toContain('| Component | Service | Provisioning | Purpose |');
    expect(notes).toContain('| by hand (no IaC tool chosen) |');
    expect(notes).toContain('### Primary Technologies (Existing in the Existing Platform)');
  });
});

describe('six-phase on every stack choice', () => {
  for (const v of STACK_VARIANTS) {
    it(variantName(v), async () => {
      const m = modelOf(variantText(v), 'variant.yaml');
      const text = renderFormat(m, 'six-phase');
      await expect(text).toMatchFileSnapshot(`__golden__/variants/${variantName(v)}/technical-plan.md`);
      await checkPlan(m, text);
    });
  }

  it('user text with table, code and HTML characters stays in its place', async () => {
    const text = variantText({ language: 'typescript' })
      .replace('summary: Charge a card for an order', 'summary: "Charge | a `card` <b>now</b> & then"')
      .replace('description: A person who pays for orders', 'description: "A person | who `pays` <i>&amp;</i>"');
    const m = modelOf(text, 'odd.yaml');
    const plan = renderFormat(m, 'six-phase');
    await checkPlan(m, plan);
    expect(plan).toContain('Charge | a `card` <b>now</b> & then');
    expect(plan).toContain('/** A person | who `pays` <i>&amp;</i> (stored as customers) */');
  });
});

describe('six-phase code models for every field type', () => {
  for (const language of ['go', 'typescript', 'python']) {
    it(language, async () => {
      const m = modelOf(everyFieldTypeText(language), 'odd.yaml');
      const text = renderFormat(m, 'six-phase');
      await expect(text).toMatchFileSnapshot(`__golden__/field-types/${language}/technical-plan.md`);
      await checkPlan(m, text);
    });
  }
});

describe('six-phase lays out the engine decisions', () => {
  it('phases by seed phase, risks, rationale, checklist and roadmap', async () => {
    const m = withDecisions(exampleModel('payments'), '2027-01-11');
    const text = renderFormat(m, 'six-phase');
    await checkPlan(m, text);
    expect(section(text, 'Phase 1: Core Infrastructure')).toContain('- **Foundation: infrastructure | data**: Stand up the "stack"\n  - When: weeks 1–2 (days 1–12), 2027-01-11 to 2027-01-22; 10–20 hours\n  - Create the `VPC`\n  - Migrate <tables>\n');
    expect(section(text, 'Phase 2: Business Logic')).toContain('- **Integrations**: Call the outside\n  - When: week 5 (days 29–33), 2027-02-08 to 2027-02-12; 8–12 hours; after "Endpoints; services #1"\n');
    expect(section(text, 'Phase 3: Advanced Features')).toContain('; after "Endpoints; services #1" and "Integrations"\n');
    expect(text).not.toContain('after phase');
    expect(section(text, 'Phase 3: Advanced Features')).toContain('**Hardening**');
    expect(section(text, 'Primary Technologies (Existing in Chariot)')).toContain('- **go label** (language: `go`): the language role. fits | well 0. Costs: some cost.');
    expect(section(text, 'New Technologies (If Required)')).toContain('- **sqs label** (queue: `sqs`, a default archplan filled in): fits | well 6. Alternatives: other one, other two.');
    expect(section(text, 'Technical Risks')).toContain('- **Duplicate delivery | at least once** (high, reliability): SQS delivers a message `more` than once');
    expect(section(text, 'Mitigation Strategies')).toContain('- Duplicate delivery | at least once: Idempotent consumers; A dead-letter queue <DLQ>');
    const checklist = section(text, 'Architectural Review Checklist');
    expect(checklist).toContain('- ✅ Leverages existing patterns and technologies: builds on the named platform\n- ⬜ Realistic timelines and resource estimates: no start date | in the answers\n');
    expect(codeBlocks(checklist)[0]?.source).toBe([
      '✅ TECHNICAL PLANNING COMPLETE',
      '',
      'Implementation Roadmap:',
      '- Phase 1: Foundation: infrastructure | data; entities in dependency order: Customer → Payment → Refund',
      '- Key decisions: As chosen (chosen and recommended); Go with chi; postgresql label; ecs label on aws label; AWS CloudFormation',
      '- Critical integration points: Stripe (POST /payments, POST /payments/{id}/refunds)',
      '',
      'Ready for Senior Developer to begin implementation?',
      '',
    ].join('\n'));
    expect(section(text, 'Executive Summary')).toContain('- **Architecture decision:** As chosen (chosen and recommended), medium complexity. Team of three | fits it.\n');
    expect(section(text, 'Executive Summary')).toContain('- Estimate (As chosen, chosen and recommended): 44–72 hours, 4–6 weeks, for a team of 3.\n');
  });
});

describe('six-phase on the smallest answers', () => {
  it('one entity, no endpoint, no integration', async () => {
    const m = modelOf('version: 1\nproject: { name: Tiny, summary: One table }\nstack: { language: python, database: postgresql }\nentities:\n  - name: Thing\n    fields:\n      - { name: label, type: string }\n', 'tiny.yaml');
    const text = renderFormat(m, 'six-phase');
    await checkPlan(m, text);
    expect(section(text, 'Endpoints Implementation')).not.toContain('- **`');
  });
});
