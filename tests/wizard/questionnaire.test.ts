import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../../src/answers/answers.js';
import { parseSection, loadQuestionnaire, type Question } from '../../src/wizard/questionnaire.js';
import { RULES } from '../../src/wizard/rules.js';
import { rootScope } from '../../src/wizard/ask.js';
import { computeDefault, resolveChoices, test as holds } from '../../src/wizard/scope.js';

function walk(questions: readonly Question[], out: Question[] = []): Question[] {
  for (const q of questions) {
    out.push(q);
    if (q.questions) walk(q.questions, out);
  }
  return out;
}

describe('the questionnaires', () => {
  const sections = loadQuestionnaire();

  it('are the sections of the flow, in order', () => {
    expect(sections.map((s) => s.section)).toEqual(['project', 'requirements', 'stack', 'entities', 'modules', 'resources', 'errors', 'integrations', 'endpoints']);
  });

  it('name only rules that exist', () => {
    const named = sections.flatMap((s) => walk(s.questions)).flatMap((q) => q.validate ?? []);
    expect(named.length).toBeGreaterThan(10);
    for (const n of named) expect(Object.keys(RULES)).toContain(n);
  });

  it('refuse a questionnaire with an unknown key or a condition outside the language', () => {
    expect(() => parseSection({ section: 'x', order: 1, title: 'X', comment: 'c', writes: [], questions: [{ key: 'a', type: 'input', message: 'A', eval: '1' }] }, 'x.yaml')).toThrow(
      /questionnaire x\.yaml is not valid: .*must NOT have additional properties/,
    );
    expect(() =>
      parseSection({ section: 'x', order: 1, title: 'X', comment: 'c', writes: [], questions: [{ key: 'a', type: 'input', message: 'A', when: { key: 'b', matches: '.*' } }] }, 'x.yaml'),
    ).toThrow(/not valid/);
    expect(() => parseSection({ section: 'x', order: 1, title: 'X', comment: 'c', writes: [], questions: [{ key: 'a', type: 'select', message: 'A' }] }, 'x.yaml')).toThrow(
      /must have required property 'choices'/,
    );
  });

  it('compute follows the cloud as answers.md says, and the default is always one of the choices', () => {
    const stack = sections.find((s) => s.section === 'stack');
    const compute = stack?.questions.find((q) => q.key === 'stack.compute');
    const expected: Record<string, string> = { aws: 'ecs', gcp: 'cloud-run', azure: 'kubernetes', 'on-prem': 'kubernetes' };
    for (const cloud of CLOUDS) {
      const scope = rootScope({ stack: { cloud } });
      const def = computeDefault(compute?.default, scope);
      expect(def, cloud).toBe(expected[cloud]);
      expect(resolveChoices(compute?.choices, scope).map((c) => c.value), cloud).toContain(def);
    }
  });

  it('loads every *.yaml of a folder, sorted by order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archplan-q-'));
    writeFileSync(join(dir, 'b.yaml'), 'section: b\norder: 1\ntitle: B\ncomment: c\nwrites: []\nquestions: [{ key: b, type: confirm, message: B? }]\n');
    writeFileSync(join(dir, 'a.yaml'), 'section: a\norder: 2\ntitle: A\ncomment: c\nwrites: []\nquestions: [{ key: a, type: confirm, message: A? }]\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadQuestionnaire(dir).map((s) => s.section)).toEqual(['b', 'a']);
  });
});

describe('the condition and default language', () => {
  const scope = { ...rootScope({ stack: { cloud: 'gcp', observability: [] } }), item: { type: 'enum', name: 'Payment Gateway' }, list: [{ primary: true }, {}], index: 1 };

  it('tests equals, in, present, nonempty, sibling, not, all, any', () => {
    expect(holds({ key: 'stack.cloud', equals: 'gcp' }, scope)).toBe(true);
    expect(holds({ key: 'item.type', in: ['string', 'enum'] }, scope)).toBe(true);
    expect(holds({ key: 'item.values', present: false }, scope)).toBe(true);
    expect(holds({ key: 'stack.observability', nonempty: true }, scope)).toBe(false);
    expect(holds({ sibling: 'primary', equals: true }, scope)).toBe(true);
    expect(holds({ not: { key: 'stack.cloud', equals: 'aws' } }, scope)).toBe(true);
    expect(holds({ all: [{ key: 'stack.cloud', equals: 'gcp' }, { key: 'item.type', equals: 'string' }] }, scope)).toBe(false);
    expect(holds({ any: [{ key: 'stack.cloud', equals: 'aws' }, { key: 'item.type', equals: 'enum' }] }, scope)).toBe(true);
    // A path that leads nowhere is simply absent, never an error (and never a prototype).
    expect(holds({ key: 'stack.__proto__.polluted', present: true }, scope)).toBe(false);
  });

  it('computes defaults by map, present/absent and transform', () => {
    const cloud = { from: 'stack.cloud', map: { aws: 'ecs', gcp: 'cloud-run' } };
    expect(computeDefault(cloud, scope)).toBe('cloud-run');
    expect(computeDefault({ from: 'stack.nothing', map: {}, absent: 'user' }, scope)).toBe('user');
    expect(computeDefault({ from: 'item.type', map: { x: 1 }, present: 'other' }, scope)).toBe('other');
    expect(computeDefault({ from: 'item.name', transform: 'kebab' }, scope)).toBe('payment-gateway');
    expect(computeDefault(3, scope)).toBe(3);
  });

  it('resolves choices from lists, entity columns and conditions', () => {
    const root = {
      stack: { cloud: 'aws' },
      entities: [
        { name: 'Customer', timestamps: true, soft_delete: true, fields: [{ name: 'id' }, { name: 'email' }] },
        { name: 'Order', fields: [{ name: 'customer_id' }] },
      ],
    };
    const s = { ...rootScope(root), item: { entity: 'Customer' } };
    expect(resolveChoices({ source: 'names', of: 'entities', none: 'none' }, s).map((c) => c.value)).toEqual([null, 'Customer', 'Order']);
    expect(resolveChoices({ source: 'columns', of: 'entities' }, { ...s, item: root.entities[0]! }).map((c) => c.value)).toEqual([]);
    expect(resolveChoices({ source: 'columns', of: 'item' }, { ...s, item: root.entities[0]! }).map((c) => c.value)).toEqual([
      'id',
      'email',
      'created_at',
      'updated_at',
      'deleted_at',
    ]);
    expect(resolveChoices({ source: 'entity-fields', of: 'item.entity' }, s).map((c) => c.value)).toEqual(['id', 'email']);
    expect(resolveChoices(['a', { value: 'b', when: { key: 'stack.cloud', equals: 'gcp' } }], s).map((c) => c.value)).toEqual(['a']);
  });
});
