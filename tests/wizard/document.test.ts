import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answersText, tidy } from '../../src/wizard/document.js';

const comments = [
  { key: 'project', comment: 'What is being built.' },
  { key: 'entities', comment: 'The data the system keeps.' },
];

const answers = {
  entities: [
    {
      fields: [
        { type: 'uuid', name: 'id', primary: true },
        { name: 'state', type: 'enum', values: ['no', 'yes', 'on'] },
      ],
      name: 'Thing',
      indexes: [{ fields: ['state'] }],
    },
  ],
  stack: { database: 'sqlite', language: 'go' },
  project: { summary: 'A #hash, a *star, & more: ok\nadmin: true', name: 'Things', goals: [], platform: '' },
  requirements: { non_functional: {} },
  version: 1,
};

describe('the answers file text', () => {
  it('starts with the schema line, comments each section, and keeps the order of answers.md', () => {
    const text = answersText(answers, { schemaRef: '../schemas/answers.schema.json', comments });
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=../schemas/answers.schema.json',
        '',
        'version: 1',
        '',
        '# What is being built.',
        'project:',
        '  name: Things',
        '  summary: |-',
        '    A #hash, a *star, & more: ok',
        '    admin: true',
        '',
        'stack:',
        '  language: go',
        '  database: sqlite',
        '',
        '# The data the system keeps.',
        'entities:',
        '  - name: Thing',
        '    fields:',
        '      - { name: id, type: uuid, primary: true }',
        '      - { name: state, type: enum, values: [ "no", "yes", "on" ] }',
        '    indexes:',
        '      - { fields: [ state ] }',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same strings under YAML 1.1 and 1.2', () => {
    const text = answersText(answers, { schemaRef: 'x.json', comments });
    for (const version of ['1.1', '1.2'] as const) {
      const back = parse(text, { version }) as { project: { summary: string }; entities: { fields: { values?: string[] }[] }[] };
      expect(back.project.summary).toBe('A #hash, a *star, & more: ok\nadmin: true');
      expect(back.entities[0]?.fields[1]?.values).toEqual(['no', 'yes', 'on']);
    }
  });

  it('leaves out empty parts', () => {
    expect(tidy({ a: '', b: [], c: {}, d: { e: undefined }, f: [{}], g: false, h: 0 })).toEqual({ g: false, h: 0 });
  });

  it('writes a long field over several lines instead of one', () => {
    const long = 'x'.repeat(120);
    const text = answersText(
      { entities: [{ name: 'T', fields: [{ name: 'a', type: 'string', description: long }] }] },
      { schemaRef: 'x.json', comments: [] },
    );
    expect(text).toContain(`      - name: a\n        type: string\n        description: ${long}\n`);
  });

  it('keeps a __proto__ key a key, never a prototype', () => {
    const parsed = JSON.parse('{"project": {"name": "A", "__proto__": {"polluted": true}}}') as Record<string, unknown>;
    const out = tidy(parsed) as { project: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.project)).toBe(Object.prototype);
    expect(Object.keys(out.project)).toEqual(['name', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
