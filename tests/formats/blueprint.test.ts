// blueprint (seed 003, blueprint.md): golden files per example, the seed's four parts and checklist in order,
// and every endpoint, service, entity and error in the seed's block shapes.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { EXAMPLES, GOLDEN_VARIANT, STACK_VARIANTS, exampleModel, modelOf, renderFormat, variantName, variantText } from '../helpers/plans.js';

function checkBlueprint(m: Model, text: string): void {
  expect(headings(text).map((h) => [h.level, h.text])).toEqual([
    [1, `Backend Architecture Blueprint: ${m.project.name}`],
    [2, 'Spec Requirements'],
    [3, '1. API Routes'],
    [3, '2. Service Layer'],
    [3, '3. Data Models'],
    [3, '4. Error Handling'],
    [2, 'Quality Checklist'],
  ]);
  expect(markdownProblems(text)).toEqual([]);

  const routes = section(text, '1. API Routes');
  for (const e of m.endpoints) {
    // The seed's route block: the method and path line, then Purpose, Authentication, Request, Response, Errors.
    const block = new RegExp(
      `^${e.method} ${e.path.replace(/[{}]/g, '\\$&')}\\n- Purpose: .+\\n- Authentication: .+\\n- Request: .+\\n- Response: ${e.status}\\b.*\\n- Errors: .+$`,
      'm',
    );
    expect(routes, e.id).toMatch(block);
    for (const s of e.errorStates) expect(routes).toContain(`${s.status} (${s.name})`);
  }

  const services = section(text, '2. Service Layer');
  for (const s of m.plan.services) {
    expect(services).toMatch(new RegExp(`^${s.name}( \\(module [^)]+\\))?$`, 'm'));
    for (const fn of s.methods) expect(services).toContain(`- ${fn.blueprintSignature}\n`);
  }
  for (const e of m.endpoints) expect(services).toContain(e.handler);

  const models = section(text, '3. Data Models');
  for (const e of m.entities) {
    // The container in the database's words (STORE-1): `table payments`, `collection items`, `node label :Device`, `item type Device`.
    const store = m.plan.storage;
    const container = store.kind === 'graph' ? `:${e.names.pascal}` : store.kind === 'key-value' ? e.names.pascal : e.table;
    expect(models).toMatch(new RegExp(`^${e.name} \\(${store.container} ${container}, module `, 'm'));
    for (const f of e.fields) expect(models).toMatch(new RegExp(`^- ${f.name}: ${f.type}`, 'm'));
    for (const ix of e.indexes) expect(models).toContain(`- ${ix.name} (${ix.fields.join(', ')})`);
  }

  const errors = section(text, '4. Error Handling');
  for (const err of m.errors) expect(errors).toContain(`${err.name} -> ${err.status} ${err.title}`);
  for (const s of m.endpoints.flatMap((e) => e.errorStates)) expect(errors).toContain(`${s.name} -> ${s.status} `);

  const checklist = section(text, 'Quality Checklist');
  expect(checklist.split('\n').filter((l) => /^- \[[ x]\] /.test(l))).toHaveLength(m.plan.checklists.quality.length);
  for (const item of m.plan.checklists.quality) expect(checklist).toContain(`- [${item.holds ? 'x' : ' '}] ${item.text}: `);
}

describe('blueprint', () => {
  for (const name of EXAMPLES) {
    it(`renders ${name} as the golden file`, async () => {
      const m = exampleModel(name);
      const text = renderFormat(m, 'blueprint');
      checkBlueprint(m, text);
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/blueprint.md`);
    });
  }

  for (const v of STACK_VARIANTS) {
    it(`holds its structure for ${variantName(v)}`, async () => {
      const m = modelOf(variantText(v), 'variant.yaml');
      const text = renderFormat(m, 'blueprint');
      if (variantName(v) === GOLDEN_VARIANT) await expect(text).toMatchFileSnapshot(`__golden__/variants/${GOLDEN_VARIANT}/blueprint.md`);
      checkBlueprint(m, text);
    });
  }

  it('keeps user text from breaking a block or the checklist', () => {
    const m = modelOf(
      `version: 1
project: { name: "Odd | Name", summary: "a \`\`\` fence and <b>html</b> & more" }
stack: { language: go, database: postgresql }
entities:
  - name: Thing
    description: "line one\\nline two \`\`\`"
    fields: [{ name: label, type: string, description: "|pipes|" }]
endpoints:
  - { method: GET, path: /things, entity: Thing, summary: "text with \`\`\` inside", paginated: true }
`,
      'odd.yaml',
    );
    const text = renderFormat(m, 'blueprint');
    expect(markdownProblems(text)).toEqual([]);
    expect(text).toContain('<b>html</b> & more');
  });
});
