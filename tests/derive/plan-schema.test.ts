import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { modelFrom, payments } from './plan-fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/model.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function check(model: unknown): string[] {
  // Through JSON, as `archplan resolve` prints it.
  const ok = validate(JSON.parse(JSON.stringify(model)));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('schemas/model.schema.json', () => {
  it('accepts the resolved reference answers', () => {
    expect(check(payments())).toEqual([]);
  });

  it('accepts small models of every architecture, database and language', () => {
    const body = `
entities:
  - { name: UserRole, timestamps: true, soft_delete: true, fields: [{ name: order, type: integer, min: 0 }, { name: kind, type: enum, values: [a, b] }] }
  - { name: Grant, fields: [{ name: role_id, type: uuid, references: UserRole, on_delete: set-null }] }
resources: [{ entity: UserRole, operations: [list, get, create, update, delete] }]
endpoints: [{ method: POST, path: /hooks/x, auth: none, request: raw }]
errors: [{ name: Unused, status: 418, message: unused }]`;
    for (const [lang, db, arch] of [['go', 'dynamodb', 'serverless'], ['python', 'mongodb', 'event-driven'], ['typescript', 'sqlite', 'microservices']]) {
      expect(check(modelFrom(body, `{ language: ${lang}, database: ${db}, architecture: ${arch}, queue: kafka }`, '{ name: X, summary: y, start: "2027-01-04" }'))).toEqual([]);
    }
  });

  it('rejects a model with a field the contract does not know, or a wrong type', () => {
    const m = JSON.parse(JSON.stringify(payments())) as { endpoints: Record<string, unknown>[]; plan: { risks: Record<string, unknown>[] } };
    m.endpoints[0]!.extra = 1;
    m.plan.risks[0]!.severity = 'critical';
    expect(check(m).length).toBeGreaterThanOrEqual(2);
  });
});

describe('docs/rules.md', () => {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

  it('lists every risk rule of the catalog and every checklist rule the engine emits', async () => {
    const { RISK_RULES } = await import('../../src/derive/catalog/risks.js');
    for (const r of RISK_RULES) expect(doc).toContain(`| ${r.id} | ${r.severity} |`);
    const m = payments();
    for (const c of [...m.plan.checklists.review, ...m.plan.checklists.quality, ...m.plan.checklists.delivery]) expect(doc).toContain(`| ${c.rule} |`);
  });
});

describe('docs/templates.md', () => {
  const doc = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');

  it('names every field of the resolved model', () => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
    };
    const m = JSON.parse(JSON.stringify(payments())) as { plan: Record<string, unknown> };
    // Fields other engineers' rules add to the plan are documented by them.
    const mine = new Set(['relationships', 'cycles', 'entityOrder', 'services', 'errorCatalog', 'infrastructure', 'phases', 'estimate', 'risks', 'rationale', 'options', 'recommendation', 'checklists', 'warnings']);
    for (const k of Object.keys(m.plan)) if (!mine.has(k)) delete m.plan[k];
    walk(m);
    const missing = [...keys].filter((k) => !new RegExp(`\\b${k}\\b`).test(doc));
    expect(missing).toEqual([]);
  });
});

describe('the examples through the whole pipeline', async () => {
  const { readdirSync } = await import('node:fs');
  const { resolveAnswers } = await import('../../src/core.js');
  const dir = new URL('../../examples/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

  it.each(files)('%s resolves to a model the schema accepts, byte-stable', (file) => {
    const text = readFileSync(new URL(file, dir));
    const a = resolveAnswers(text, file, file);
    expect(a.model, a.problems.map((p) => p.message).join('\n')).not.toBeNull();
    expect(check(a.model)).toEqual([]);
    expect(JSON.stringify(resolveAnswers(text, file, file).model, null, 2)).toBe(JSON.stringify(a.model, null, 2));
  });
});
