import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleNames, EXAMPLES_DIR } from '../../src/commands/init.js';
import { tidy } from '../../src/wizard/document.js';
import { askedAbout, interview, problemsOf } from './fixtures/harness.js';
import { acceptDefaults } from './fixtures/scripted-prompter.js';

function example(name: string): Record<string, unknown> {
  return parse(readFileSync(`${EXAMPLES_DIR}/${name}.yaml`, 'utf8')) as Record<string, unknown>;
}

describe('editing an existing answers file', () => {
  it.each(exampleNames())('offers every value of examples/%s.yaml as the default: Enter throughout changes nothing', async (name) => {
    const initial = example(name);
    const { result } = await interview([], { initial, auto: acceptDefaults });
    expect(result.action).toBe('save');
    if (result.action !== 'save') return;
    expect(problemsOf(result.text)).toEqual([]);
    expect(parse(result.text)).toEqual(tidy(initial));
  });

  it('changes one answer and keeps the rest', async () => {
    const initial = example('payments');
    const { result } = await interview([['Engineers on the team', 5]], { initial, auto: acceptDefaults });
    expect(result.action).toBe('save');
    if (result.action !== 'save') return;
    const after = parse(result.text) as { project: { team_size: number } };
    expect(after.project.team_size).toBe(5);
    expect({ ...after, project: { ...after.project, team_size: 3 } }).toEqual(tidy(initial));
  });

  it('a computed default follows its source when the source changes: a new cloud moves compute, a kept one does not', async () => {
    const initial = example('payments'); // aws, ecs, go, chi
    const moved = await interview(
      [
        ['Language', 'typescript'],
        ['Cloud', 'gcp'],
      ],
      { initial, auto: acceptDefaults },
    );
    expect(askedAbout(moved.prompter, 'Framework')[0]?.default).toBe('fastify');
    expect(askedAbout(moved.prompter, 'Compute')[0]?.default).toBe('cloud-run');
    // cloudformation is not offered on gcp: the default falls back to terraform.
    expect(askedAbout(moved.prompter, 'Infrastructure as code')[0]?.default).toBe('terraform');

    const kept = await interview([], { initial: { ...initial, stack: { ...(initial.stack as object), compute: 'lambda' } }, auto: acceptDefaults });
    expect(askedAbout(kept.prompter, 'Compute')[0]?.default).toBe('lambda');
    expect(askedAbout(kept.prompter, 'Framework')[0]?.default).toBe('chi');
  });

  it('drops an answer whose question no longer applies (values once a field is no longer an enum)', async () => {
    const initial = example('payments');
    const { result } = await interview(
      [
        ['Entities: Customer, Payment, Refund', 'edit:1'],
        ['Fields of Payment', 'edit:4'],
        ['Type of currency', 'string'],
        ['Fields of Payment', 'done'],
      ],
      { initial, auto: acceptDefaults },
    );
    expect(result.action).toBe('save');
    if (result.action !== 'save') return;
    const payment = (parse(result.text) as { entities: { fields: Record<string, unknown>[] }[] }).entities[1];
    expect(payment?.fields[4]).toEqual({ name: 'currency', type: 'string', required: true });
  });

  it('starts from a file with problems and checks each answer again', async () => {
    const initial = { ...example('notes'), project: { name: 'Notes', summary: 'Keep notes.', slug: 'Not A Slug' } };
    const { result, prompter } = await interview([['Slug', 'notes']], { initial, auto: acceptDefaults });
    expect(result.action).toBe('save');
    expect(askedAbout(prompter, 'Slug')[0]?.default).toBe('Not A Slug');
    expect(prompter.rejected).toEqual([]);
  });

  it('renaming an entity, an error or a field takes the references to it along', async () => {
    const initial = example('payments');
    const { result } = await interview(
      [
        ['Entities: Customer, Payment, Refund', 'edit:1'],
        ['Entity name', 'Charge'],
        ['Fields of Charge', 'edit:1'],
        ['Field name', 'client_id'],
        ['Fields of Charge', 'done'],
        ['Entities: Customer, Charge, Refund', 'done'],
        ['Errors: PaymentDeclined', 'edit:0'],
        ['Error name', 'CardDeclined'],
      ],
      { initial, auto: acceptDefaults },
    );
    expect(result.action).toBe('save');
    if (result.action !== 'save') return;
    expect(problemsOf(result.text)).toEqual([]);
    const after = parse(result.text) as {
      entities: { name: string; fields: { name: string; references?: string }[]; indexes?: { fields: string[] }[] }[];
      modules: { entities: string[] }[];
      endpoints: { entity?: string; errors?: string[] }[];
    };
    expect(after.entities.map((e) => e.name)).toEqual(['Customer', 'Charge', 'Refund']);
    expect(after.entities[2]?.fields.find((f) => f.name === 'payment_id')?.references).toBe('Charge');
    expect(after.entities[1]?.indexes).toEqual([{ fields: ['client_id', 'created_at'] }]);
    expect(after.modules[1]?.entities).toEqual(['Charge', 'Refund']);
    expect(after.endpoints[0]).toMatchObject({ entity: 'Charge', errors: ['CardDeclined', 'DuplicatePayment'] });
  });
});

describe('the edited file keeps its layout', () => {
  it.each(exampleNames())('examples/%s.yaml: unchanged answers change nothing but flow-list spacing and folding', async (name) => {
    const { editedText } = await import('../../src/wizard/edited.js');
    const { render, comments } = await import('./fixtures/harness.js');
    const original = readFileSync(`${EXAMPLES_DIR}/${name}.yaml`, 'utf8');
    const answers = parse(original) as Record<string, unknown>;
    const out = editedText(original, answers, render(answers), { schemaRef: 'unused', comments });
    expect(out).not.toBeNull();
    const normal = (t: string) =>
      parse(t.replace(/\[ /g, '[').replace(/ \]/g, ']'), { version: '1.2' }) as unknown;
    expect(normal(out ?? '')).toEqual(normal(original));
    const lines = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(lines(out ?? '')).toEqual(lines(original));
  });

  it('a removed item takes its own comment along, not a neighbour\'s', async () => {
    const { editedText } = await import('../../src/wizard/edited.js');
    const { render, comments } = await import('./fixtures/harness.js');
    const original = [
      'version: 1',
      'project: { name: A, summary: S }',
      'stack: { language: go, database: sqlite }',
      'entities:',
      '  # the first',
      '  - name: First',
      '    fields: [{ name: a, type: string }]',
      '  # the second',
      '  - name: Second',
      '    fields: [{ name: b, type: string }]',
      '',
    ].join('\n');
    const answers = parse(original) as { entities: unknown[] };
    answers.entities.splice(0, 1);
    const out = editedText(original, answers as Record<string, unknown>, render(answers as Record<string, unknown>), { schemaRef: 'x.json', comments }) ?? '';
    expect(out).toContain('# the second\n  - name: Second');
    expect(out).not.toContain('the first');
    expect(out.split('\n')[0]).toBe('# yaml-language-server: $schema=x.json');
  });
});
