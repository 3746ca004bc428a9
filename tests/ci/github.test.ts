import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import {
  driftCommand,
  escapeData,
  escapeProperty,
  group,
  problemCommand,
  templateErrorCommand,
  workflowCommand,
} from '../../src/reporters/github.js';
import { PAYMENTS, runFrozen, tempDir } from './helpers.js';

// The syntax GitHub Actions reads from a step's output: `::command key=value,key=value::message`.
const WORKFLOW_COMMAND = /^::(error|warning|notice)( (file|line|col|title|endLine|endColumn)=[^,:\r\n]*(,(file|line|col|title|endLine|endColumn)=[^,:\r\n]*)*)?::[^\r\n]*$/;

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: 'answers.yaml',
  line: 11,
  col: 5,
  path: 'entities[0].fields[0].references',
  message: 'unknown entity "Ownr"; did you mean "Owner"?',
  severity: 'error',
  ...over,
});

describe('GitHub workflow commands', () => {
  it('escapes the message as the runner documents: % first, then CR and LF', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeData('a: b, c')).toBe('a: b, c');
  });

  it('escapes properties as well for : and ,', () => {
    expect(escapeProperty('C:\\x,y%\n')).toBe('C%3A\\x%2Cy%25%0A');
  });

  it('prints a problem as an error at its line and column, titled by its key path', () => {
    expect(problemCommand(problem())).toBe(
      '::error file=answers.yaml,line=11,col=5,title=entities[0].fields[0].references::unknown entity "Ownr"; did you mean "Owner"?',
    );
    expect(problemCommand(problem({ severity: 'warning', path: '', message: 'two lines\nhere' }))).toBe(
      '::warning file=answers.yaml,line=11,col=5,title=answers file::two lines%0Ahere',
    );
    expect(problemCommand(problem({ file: 'dir,a:b.yaml', path: 'a.b' }))).toBe(
      '::error file=dir%2Ca%3Ab.yaml,line=11,col=5,title=a.b::unknown entity "Ownr"; did you mean "Owner"?',
    );
  });

  it('leaves out empty properties', () => {
    expect(workflowCommand('notice', [['file', ''], ['title', 't']], 'm')).toBe('::notice title=t::m');
    expect(workflowCommand('error', [], 'm')).toBe('::error::m');
  });

  it('prints drift as ::error file=<plan file>::<what>', () => {
    expect(
      driftCommand('plans/p/blueprint.md', { file: 'blueprint.md', status: 'changed', diff: '', note: 'blueprint.md differs' }, 'archplan generate p.yaml --out plans/p'),
    ).toBe('::error file=plans/p/blueprint.md::changed: blueprint.md differs. Regenerate with: archplan generate p.yaml --out plans/p');
    expect(driftCommand('plans/p/schema.sql', { file: 'schema.sql', status: 'stale', diff: '', note: 'no longer produced: delete it' }, 'x')).toBe(
      '::error file=plans/p/schema.sql::stale: no longer produced: delete it',
    );
  });

  it('locates a template error on the template', () => {
    expect(templateErrorCommand('tpl/x/main.eta:3:7: a template printed undefined\n  3 | <%= it.y %>\n    |       ^')).toBe(
      '::error file=tpl/x/main.eta,line=3,col=7,title=template error::a template printed undefined',
    );
    expect(templateErrorCommand('tpl/x/main.eta: broken')).toBe('::error title=template error::tpl/x/main.eta: broken');
  });

  it('groups a diff; its lines never start with ::', () => {
    expect(group('diff a.md', '--- a.md\n+++ a.md\n@@ -1 +1 @@\n-::x\n+y\n')).toBe(
      '::group::diff a.md\n--- a.md\n+++ a.md\n@@ -1 +1 @@\n-::x\n+y\n::endgroup::',
    );
  });
});

describe('--reporter github', () => {
  it('validate prints one workflow command per problem, exactly, on standard output', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'broken.yaml'),
      'version: 1\nproject:\n  name: Broken\n  summary: Two mistakes\nstack:\n  language: go\n  database: postgresql\n' +
        'entities:\n  - name: Thing\n    fields:\n      - { name: owner_id, type: uuid, references: Ownr }\n' +
        'endpoints:\n  - method: GET\n    path: /things\n    entity: Thing\n    colour: blue\n',
    );
    const r = runFrozen(['validate', 'broken.yaml', '--reporter', 'github'], { cwd: dir });
    expect(r.code).toBe(1);
    const commands = r.stdout.trim().split('\n');
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const c of commands) expect(c).toMatch(WORKFLOW_COMMAND);
    expect(commands.some((c) => c.startsWith('::error file=broken.yaml,line=11,') && c.includes(',title=entities[0].fields[0].references::'))).toBe(true);
    expect(commands.some((c) => /^::error file=broken\.yaml,line=16,col=5,title=endpoints\[0\](\.colour)?::.*colour/.test(c))).toBe(true);
    // The person reading the log still gets the text form.
    expect(r.stderr).toContain('broken.yaml:11:');
  });

  it('generate prints the same commands for invalid answers, and --json with --reporter is a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nproject:\n  name: X\n  summary: s\nstack:\n  language: cobol\n');
    const r = runFrozen(['generate', 'bad.yaml', '--reporter', 'github', '--out', join(dir, 'out')], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const c of lines) expect(c).toMatch(WORKFLOW_COMMAND);
    expect(r.stdout).toMatch(/^::error file=bad\.yaml,line=6,col=13,title=stack\.language::/m);
    const both = runFrozen(['validate', 'bad.yaml', '--json', '--reporter', 'github'], { cwd: dir });
    expect(both.code).toBe(2);
    const unknown = runFrozen(['validate', 'bad.yaml', '--reporter', 'gitlab'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are text, github');
  });

  it('generate annotates a file in the way of a plan on that file', () => {
    const dir = tempDir();
    const args = ['generate', PAYMENTS, '--out', 'plans', '--format', 'blueprint,summary', '--reporter', 'github'];
    expect(runFrozen(args, { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'plans', 'summary.md'), 'my own summary\n');
    const r = runFrozen(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '::error file=plans/summary.md::in the way: it was not generated by archplan (no marker on its first line); --force overwrites it\n',
    );
    expect(r.stderr).toContain('  plans/summary.md: it was not generated by archplan');
  });
});
