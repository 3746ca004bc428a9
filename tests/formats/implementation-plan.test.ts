// implementation-plan (seed 001, backend-implementation-plan.md): golden files per example, the seven
// sections in order, Initial Context from plan-context.md, a table per endpoint, TypeScript types that
// compile, Mermaid flowchart and gantt that parse, on the examples and on every stack choice.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { codeBlocks, codeProblems } from '../helpers/code.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { mermaidBlocks, mermaidProblems } from '../helpers/mermaid.js';
import { EXAMPLES, STACK_VARIANTS, everyFieldTypeText, exampleModel, modelOf, renderFormat, variantName, variantText, withDecisions } from '../helpers/plans.js';

const SECTIONS = [
  '1. Executive Summary', '2. Architecture Diagram', '3. Technical Specifications', '4. Implementation Phases',
  '5. Risk Analysis', '6. Estimated Timeline', '7. Technology Stack',
];

async function checkPlan(m: Model, text: string, context = false): Promise<void> {
  const all = headings(text);
  expect(all[0]).toMatchObject({ level: 1, text: `Backend Implementation Plan: ${m.project.name}` });
  expect(all.filter((h) => h.level === 2).map((h) => h.text)).toEqual([...(context ? ['Initial Context'] : []), ...SECTIONS]);
  expect(headings(section(text, '3. Technical Specifications')).filter((h) => h.level === 3).map((h) => h.text))
    .toEqual(['Services and Components', 'API Specifications', 'Database Schemas', 'Security Measures']);
  expect(headings(section(text, '4. Implementation Phases')).map((h) => h.text))
    .toEqual(m.plan.phases.map((p) => `Phase ${p.number}: ${p.title}`));

  for (const a of m.assumptions) expect(section(text, '1. Executive Summary')).toContain(`- \`${a.key}\` = `);
  expect(markdownProblems(text)).toEqual([]);
  expect(await mermaidProblems(text)).toEqual([]);
  expect(codeProblems(text)).toEqual([]);

  // Diagram: a flowchart naming the services, the data store and every integration.
  const diagram = mermaidBlocks(section(text, '2. Architecture Diagram'));
  expect(diagram).toHaveLength(1);
  const flow = diagram[0]?.source ?? '';
  expect(flow.startsWith('flowchart')).toBe(true);
  for (const s of m.plan.services) expect(flow).toContain(`"${s.name}"`);
  for (const i of m.integrations) expect(flow).toContain(`"${i.name}"`);
  expect(flow).toMatch(/\bdb\w*\[\(/);
  if (m.stack.architecture === 'microservices') for (const s of m.plan.services.filter((x) => x.entity)) expect(flow).toMatch(new RegExp(`svc_${s.name} -->\\|reads and writes\\| db_`));
  if (m.stack.cache !== 'none') expect(flow).toContain('cache[(');
  if (m.stack.queue !== 'none') expect(flow).toContain('queue[/');

  // API: the pointer to openapi.yaml, then a table per endpoint (in model order), then the TypeScript types.
  const api = section(text, 'API Specifications');
  expect(api).toContain('[`openapi.yaml`](openapi.yaml)');
  expect(headings(api).map((h) => h.text)).toEqual([...m.endpoints.map((ep) => `\`${ep.id}\``), 'Error Catalog', 'TypeScript Types']);
  for (const err of m.plan.errorCatalog) expect(section(api, 'Error Catalog')).toContain(`| ${err.name} | ${err.status} ${err.title} |`);
  for (const err of m.errors) expect(section(api, 'Error Catalog')).toContain(`| ${err.name} | ${err.status} `);
  for (const ep of m.endpoints) {
    const table = section(api, `\`${ep.id}\``);
    expect(table).toContain('| Property | Value |');
    for (const s of ep.errorStates) expect(table).toContain(`${s.status} ${s.name}`);
  }
  const types = codeBlocks(section(api, 'TypeScript Types'));
  expect(types.map((b) => b.lang)).toEqual(['typescript']);
  for (const e of m.entities) expect(types[0]?.source).toContain(`export interface ${e.names.pascal} {`);
  for (const ep of m.endpoints.filter((x) => x.handler)) {
    const base = ep.handler.charAt(0).toUpperCase() + ep.handler.slice(1);
    expect(types[0]?.source).toContain(`export type ${base}Response = `);
    if (ep.request.kind === 'fields') {
      expect(types[0]?.source).toContain(`export interface ${base}Request {`);
      for (const f of ep.request.fields) expect(types[0]?.source).toMatch(new RegExp(`\\n  ${f}${ep.method === 'PATCH' ? '\\?' : '\\??'}: \\w+\\["${f}"\\];\\n`));
    }
    if (ep.request.kind === 'raw') expect(types[0]?.source).toContain(`export type ${base}Request = Uint8Array;`);
  }

  const schemas = section(text, 'Database Schemas');
  expect(headings(schemas).map((h) => h.text)).toEqual(m.plan.entityOrder.map((n) => {
    const e = m.entities.find((x) => x.name === n) as Model['entities'][number];
    return `${e.names.pascal} (\`${e.table}\`)`;
  }));
  for (const e of m.entities) for (const f of e.fields) expect(section(schemas, `${e.names.pascal} (\`${e.table}\`)`)).toContain(`| ${f.name} |`);

  for (const r of m.plan.risks) expect(section(text, '5. Risk Analysis')).toContain(r.title.split('|')[0] ?? r.title);

  // Timeline: a row and a gantt task per phase.
  const timeline = section(text, '6. Estimated Timeline');
  const gantt = mermaidBlocks(timeline);
  expect(gantt).toHaveLength(1);
  expect(gantt[0]?.source.startsWith('gantt\n')).toBe(true);
  for (const p of m.plan.phases) {
    expect(timeline).toContain(`| ${p.number}. `);
    expect(gantt[0]?.source).toMatch(new RegExp(`:p${p.number}, \\d{4}-\\d{2}-\\d{2}, \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  }
  for (const r of m.plan.rationale) expect(section(text, '7. Technology Stack')).toContain(`| ${r.key} |`);
}

describe('implementation-plan on the examples', () => {
  for (const name of EXAMPLES) {
    it(`${name}: golden file and structure`, async () => {
      const m = exampleModel(name);
      const text = renderFormat(m, 'implementation-plan');
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/backend-implementation-plan.md`);
      await checkPlan(m, text);
    });
  }

  it('dates in the timeline when project.start is set, week numbers when not', () => {
    const payments = exampleModel('payments');
    const withDates = renderFormat(payments, 'implementation-plan');
    expect(withDates).toContain('| Phase | Timing | Dates | Hours | Depends on |');
    const first = payments.plan.phases[0];
    expect(withDates).toContain(`:p1, ${first?.startDate ?? 'x'}, ${first?.endDate ?? 'x'}`);
    const notes = renderFormat(exampleModel('notes'), 'implementation-plan');
    expect(notes).toContain('| Phase | Timing | Hours | Depends on |');
    expect(notes).toContain('axisFormat week %W');
    expect(notes).toContain(':p1, 2024-01-01, ');
  });
});

describe('Initial Context', () => {
  it('puts plan-context.md under "Initial Context" at the top, its own headings quoted', async () => {
    const m = exampleModel('payments');
    const context = '# Context\n\nWe already run **Chariot** on ECS.\n\n## Constraints\n- No card data | ever\n';
    const text = renderFormat(m, 'implementation-plan', context);
    await checkPlan(m, text, true);
    expect(section(text, 'Initial Context')).toContain('> # Context\n>\n> We already run **Chariot** on ECS.\n>\n> ## Constraints\n> - No card data | ever\n');
    expect(text.indexOf('## Initial Context')).toBeLessThan(text.indexOf('## 1. Executive Summary'));
    expect(renderFormat(m, 'implementation-plan', context.replace(/\n/g, '\r\n'))).toBe(text);
  });
  it('leaves it out when there is no context', () => {
    expect(renderFormat(exampleModel('payments'), 'implementation-plan', ' \n')).not.toContain('Initial Context');
  });
});

describe('implementation-plan on every stack choice', () => {
  for (const v of STACK_VARIANTS) {
    it(variantName(v), async () => {
      const m = modelOf(variantText(v), 'variant.yaml');
      const text = renderFormat(m, 'implementation-plan');
      await expect(text).toMatchFileSnapshot(`__golden__/variants/${variantName(v)}/backend-implementation-plan.md`);
      await checkPlan(m, text);
    });
  }
});

describe('implementation-plan types for every field type', () => {
  for (const language of ['go', 'python']) {
    it(language, async () => {
      const m = modelOf(everyFieldTypeText(language, 'mongodb'), 'odd.yaml');
      await checkPlan(m, renderFormat(m, 'implementation-plan'));
    });
  }
});

describe('implementation-plan lays out the engine decisions', () => {
  it('phases, risks table, timeline with dates and gantt, stack table', async () => {
    const m = withDecisions(exampleModel('payments'), '2027-01-11');
    const text = renderFormat(m, 'implementation-plan');
    await checkPlan(m, text);
    expect(section(text, 'Phase 1: Foundation: infrastructure | data')).toContain('- [ ] Create the `VPC`');
    expect(section(text, '5. Risk Analysis')).toContain('| Duplicate delivery \\| at least once | high | reliability | SQS delivers a message `more` than once | Idempotent consumers<br>A dead-letter queue <DLQ> |');
    const timeline = section(text, '6. Estimated Timeline');
    expect(timeline).toContain('| 2. Endpoints; services #1 | weeks 3–4 (days 15–26) | 2027-01-25 to 2027-02-05 | 20–30 | 1 |');
    expect(timeline).toContain('| entity \\| table | 3 | 2–4 | 6–12 | schema, migration and `tests` |');
    expect(timeline).toContain('Calendar (60.5 engineer-hours a week):\n- Three engineers at 80% focus | with reviews.\n');
    const gantt = mermaidBlocks(timeline)[0]?.source ?? '';
    expect(gantt).toBe([
      'gantt',
      '  title Payments timeline',
      '  dateFormat YYYY-MM-DD',
      '  inclusiveEndDates',
      '  axisFormat %d %b',
      '  section Core infrastructure',
      '  Foundation - infrastructure | data :p1, 2027-01-11, 2027-01-22',
      '  section Business logic',
      '  Endpoints, services No.1 :p2, 2027-01-25, 2027-02-05',
      '  Integrations :p3, 2027-02-08, 2027-02-12',
      '  section Advanced features',
      '  Hardening :p4, 2027-02-15, 2027-02-19',
    ].join('\n'));
    expect(section(text, '7. Technology Stack')).toContain('| queue | sqs label (default) | the queue role | fits \\| well 6. | other one, other two |');
  });
  it('relative weeks from a fixed Monday when there is no start date', async () => {
    const m = withDecisions(exampleModel('notes'));
    const text = renderFormat(m, 'implementation-plan');
    await checkPlan(m, text);
    const gantt = mermaidBlocks(section(text, '6. Estimated Timeline'))[0]?.source ?? '';
    expect(gantt).toContain('  axisFormat week %W\n');
    expect(gantt).toContain('  inclusiveEndDates\n  axisFormat week %W\n');
    expect(gantt).toContain('  Foundation - infrastructure | data :p1, 2024-01-01, 2024-01-12\n');
    expect(gantt).toContain('  Hardening :p4, 2024-02-05, 2024-02-09');
  });
});

describe('implementation-plan on the smallest answers', () => {
  it('one entity, no endpoint, no integration', async () => {
    const m = modelOf('version: 1\nproject: { name: Tiny, summary: One table }\nstack: { language: go, database: sqlite, cloud: on-prem, compute: vm, iac: none, auth: none }\nentities:\n  - name: Thing\n    fields:\n      - { name: label, type: string }\n', 'tiny.yaml');
    await checkPlan(m, renderFormat(m, 'implementation-plan'));
  });
});
