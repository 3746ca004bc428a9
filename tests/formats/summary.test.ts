// summary (seed 004's compaction, summary.md): golden files per example, about 50 lines and never more than 80
// for any size of plan (a synthetic 300-entity answers file included), every entity named, the endpoint
// count, the stack, the recommendation and the top risks.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { pack, stackLabel } from '../../src/render/helpers.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { EXAMPLES, GOLDEN_VARIANT, STACK_VARIANTS, everyFieldTypeText, exampleModel, modelOf, renderFormat, variantName, variantText, withDecisions } from '../helpers/plans.js';

const MAX_LINES = 80;

function lineCount(text: string): number {
  return text.replace(/\n$/, '').split('\n').length;
}

/** Entity names as the summary lists them: the comma-separated words of the Entities item and its continuation lines. */
function listedEntities(text: string): string[] {
  const scope = section(text, 'Scope').split('\n');
  const start = scope.findIndex((l) => l.startsWith('- Entities: '));
  const lines = [scope[start]!.slice('- Entities: '.length)];
  for (let i = start + 1; i < scope.length && scope[i]!.startsWith('  '); i++) lines.push(scope[i]!.trim());
  return lines.join(' ').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function checkSummary(m: Model, text: string): void {
  expect(lineCount(text)).toBeLessThanOrEqual(MAX_LINES);
  expect(markdownProblems(text)).toEqual([]);
  const expected = [`1 Plan Summary: ${m.project.name}`, '2 Stack', '2 Scope', '2 Recommendation'];
  if (m.plan.options.length > 0) expected.push('2 Options');
  expected.push('2 Top Risks');
  if (m.plan.phases.length > 0) expected.push('2 Phases');
  expected.push('2 Full Plans');
  expect(headings(text).map((h) => `${h.level} ${h.text}`)).toEqual(expected);

  expect(listedEntities(text)).toEqual(m.plan.entityOrder);
  expect(section(text, 'Scope')).toContain(`${m.endpoints.length} endpoint${m.endpoints.length === 1 ? '' : 's'}`);
  const stack = section(text, 'Stack');
  // The stack in the catalog's labels (QA 6b), never the raw answer ids.
  for (const key of ['architecture', 'compute'] as const) expect(stack).toContain(stackLabel(m, key));
  // The data stores, where it runs and how callers authenticate, in the engine's words (WORD-10, WORD-1, WORD-3).
  expect(stack).toContain(m.plan.wording.stores);
  expect(stack).toContain(m.plan.wording.hosting);
  expect(stack).toContain(m.plan.wording.authBrief);
  const selected = m.plan.options.find((o) => o.key === m.plan.recommendation.selected);
  if (selected) expect(section(text, 'Recommendation')).toContain(`: ${selected.name}** (${selected.complexity} complexity)`);
  const risks = section(text, 'Top Risks');
  const high = m.plan.risks.filter((r) => r.severity === 'high').slice(0, 5);
  for (const r of high) expect(risks).toContain(`**${r.title}** (high)`);
}

/** Answers with `n` entities in `modules` modules, each entity referencing the one before it, and CRUD on each. */
function bigAnswers(n: number, modules: number, integrations: number): string {
  const lines = ['version: 1', 'project: { name: Big, summary: "A very large plan" }', 'stack: { language: go, database: postgresql, queue: sqs }', 'entities:'];
  const name = (i: number) => `Thing${String(i).padStart(3, '0')}Record`;
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: ${name(i)}`, '    fields:', '      - { name: label, type: string, required: true, max_length: 40 }');
    if (i > 0) lines.push(`      - { name: parent_id, type: uuid, references: ${name(i - 1)} }`);
  }
  lines.push('modules:');
  const per = Math.ceil(n / modules);
  for (let k = 0; k < modules; k++) {
    const members = Array.from({ length: n }, (_, i) => i).filter((i) => Math.floor(i / per) === k).map(name);
    if (members.length > 0) lines.push(`  - { name: module-number-${k}, entities: [${members.join(', ')}] }`);
  }
  lines.push('resources:');
  for (let i = 0; i < n; i++) lines.push(`  - { entity: ${name(i)}, operations: [list, get, create, update, delete] }`);
  if (integrations > 0) {
    lines.push('integrations:');
    for (let k = 0; k < integrations; k++) lines.push(`  - { name: ProviderNumber${k}, purpose: p, timeout_ms: 1000, retry: exponential }`);
    lines.push('endpoints:');
    for (let k = 0; k < integrations; k++) lines.push(`  - { method: POST, path: /calls/${k}, request: raw, integrations: [ProviderNumber${k}] }`);
  }
  return `${lines.join('\n')}\n`;
}

describe('summary', () => {
  for (const name of EXAMPLES) {
    it(`renders ${name} as the golden file`, async () => {
      const m = exampleModel(name);
      const text = renderFormat(m, 'summary');
      checkSummary(m, text);
      // About 50 lines: the examples stay close to it.
      expect(lineCount(text)).toBeGreaterThanOrEqual(30);
      expect(lineCount(text)).toBeLessThanOrEqual(55);
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/summary.md`);
    });
  }

  for (const v of STACK_VARIANTS) {
    it(`holds its structure for ${variantName(v)}`, async () => {
      const m = modelOf(variantText(v), 'variant.yaml');
      const text = renderFormat(m, 'summary');
      if (variantName(v) === GOLDEN_VARIANT) await expect(text).toMatchFileSnapshot(`__golden__/variants/${GOLDEN_VARIANT}/summary.md`);
      checkSummary(m, text);
    });
  }

  it('stays within 80 lines for 300 entities, 30 modules and 40 integrations, and names every entity', () => {
    const m = modelOf(bigAnswers(300, 30, 40), 'big.yaml');
    expect(m.entities).toHaveLength(300);
    const text = renderFormat(m, 'summary');
    checkSummary(m, text);
    expect(section(text, 'Scope')).toContain('300 entities, 1540 endpoints');
  });

  it('keeps user text on its line: pipes, backticks, HTML and line breaks', () => {
    const m = withDecisions(modelOf(everyFieldTypeText('typescript'), 'odd.yaml'));
    m.plan.recommendation.rationale = ['line one\nline two | `tick`'];
    const text = renderFormat(m, 'summary');
    checkSummary(m, text);
    expect(text).toContain('# Plan Summary: Odd <b>Names</b> & Co\n');
    expect(text).toContain('- Why: line one line two | `tick`\n');
  });

  it('stays within 80 lines when every engine list is long', () => {
    const m = withDecisions(exampleModel('payments'));
    m.plan.risks = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, title: `Risk ${i}`, severity: 'high' as const, area: 'a', cause: 'c', mitigations: ['m'] }));
    m.plan.recommendation.rationale = Array.from({ length: 12 }, (_, i) => `reason ${i}`);
    m.plan.recommendation.conditions = Array.from({ length: 12 }, (_, i) => `condition ${i}`);
    m.plan.phases = Array.from({ length: 20 }, (_, i) => ({ ...m.plan.phases[0]!, number: i + 1, title: `Phase ${i + 1}` }));
    const text = renderFormat(m, 'summary');
    checkSummary(m, text);
    expect(text).toContain('- 35 more risks (35 high) in the full plans');
    expect(text).toContain('- 9 more reasons for the recommendation in the full plans');
    expect(text).toContain('- 10 more conditions to reconsider in the full plans');
    expect(text).toContain('- 14 more phases, through 20. Phase 20, in the full plans');
  });

  it('elides only when two or more items are left out: one more item takes the elision\'s line', () => {
    const m = withDecisions(exampleModel('payments'));
    m.plan.risks = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, title: `Risk ${i}`, severity: 'low' as const, area: 'a', cause: 'c', mitigations: ['m'] }));
    m.plan.recommendation.rationale = ['reason 0', 'reason 1', 'reason 2', 'reason 3'];
    m.plan.phases = Array.from({ length: 7 }, (_, i) => ({ ...m.plan.phases[0]!, number: i + 1, title: `Phase ${i + 1}` }));
    const text = renderFormat(m, 'summary');
    checkSummary(m, text);
    expect(text).not.toContain(' more ');
    expect(section(text, 'Top Risks')).toContain('- **Risk 5** (low): m');
    expect(section(text, 'Recommendation')).toContain('- Why: reason 3');
    expect(section(text, 'Phases')).toContain('7. Phase 7, ');
  });
});

describe('pack helper', () => {
  it('packs items into lines of about the width, each line but the last ending with a comma', () => {
    expect(pack(['aaa', 'bbb', 'ccc', 'ddd'], 9, 10)).toEqual(['aaa, bbb,', 'ccc, ddd']);
    expect(pack([], 10, 3)).toEqual([]);
  });

  it('widens the lines instead of passing the line budget, keeping every item whole', () => {
    const items = Array.from({ length: 500 }, (_, i) => `Entity${i}`);
    const lines = pack(items, 100, 10);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.join(' ').split(',').map((s) => s.trim())).toEqual(items);
    expect(pack(['a-very-long-single-item'], 5, 1)).toEqual(['a-very-long-single-item']);
  });
});
