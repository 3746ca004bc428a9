import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, runCli } from '../helpers/cli.js';

const PAYMENTS = join(ROOT, 'examples', 'payments.yaml');
const ANSI = /\u001b\[/;
const STACK = /\n\s+at /;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'archplan-cli-'));
}

const invalidAnswers = `version: 1
project:
  name: Broken
  summary: A file with two mistakes
stack:
  language: go
  database: postgresql
entities:
  - name: Thing
    fields:
      - { name: owner_id, type: uuid, references: Ownr }
endpoints:
  - method: GET
    path: /things
    entity: Thing
    colour: blue
`;

describe('archplan CLI', () => {
  it('prints its version and help', () => {
    // package.json is read only when the version is asked for: each way of asking gets it.
    for (const args of [['--version'], ['-V'], ['validate', '--version']]) {
      const v = runCli(args);
      expect(v.code, args.join(' ')).toBe(0);
      expect(v.stdout.trim(), args.join(' ')).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    }
    const h = runCli(['generate', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--format <list>');
    expect(h.stdout).toContain('--force');
  });

  it('exits 2 on wrong usage, without a stack trace', () => {
    expect(runCli([]).code).toBe(2);
    const unknown = runCli(['generat', PAYMENTS]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "generat" (did you mean "generate"?)');
    expect(unknown.stderr).toContain('generate');
    const format = runCli(['generate', PAYMENTS, '--format', 'blueprnt', '--out', tmp()]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "blueprnt"');
    const missing = runCli(['validate', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('archplan: cannot read the answers file nope.yaml: no such file\n');
    // The system's codes in words.
    const notDir = runCli(['validate', 'package.json/answers.yaml']);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toBe('archplan: cannot read the answers file package.json/answers.yaml: a part of the path before the file name is a file, not a folder\n');
    // A templates folder named on the command line and missing is wrong usage too, as a missing file is (was exit 1).
    const templates = runCli(['generate', PAYMENTS, '--dry-run', '--templates', 'no-such-templates']);
    expect(templates.code).toBe(2);
    expect(templates.stderr).toBe('archplan: cannot read the templates folder no-such-templates: no such folder\n');
    const file = runCli(['formats', '--templates', 'package.json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('archplan: cannot read the templates folder package.json: it is a file; name the folder that holds the templates\n');
    for (const r of [unknown, format, missing, templates, file]) expect(r.stderr).not.toMatch(STACK);
  });

  it('suggests the format meant by a mistyped name or a file name, and refuses an empty --format', () => {
    const names = 'all, six-phase, implementation-plan, architect-doc, blueprint, options, summary, verification, openapi, ddl';
    const typo = runCli(['generate', PAYMENTS, '--dry-run', '--format', 'blueprint,Sumary,schema.sql']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(`archplan: unknown formats "Sumary" (did you mean "summary"?), "schema.sql" (did you mean "ddl"?); the formats are: ${names}\n`);
    for (const empty of ['', ' , ']) {
      const r = runCli(['check', PAYMENTS, '--format', empty]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`archplan: --format names no format; give "all" or some of: ${names.slice('all, '.length)}\n`);
    }
  });

  it('says where to read more after a usage error, and prints the help to stderr when run without a command', () => {
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: archplan [options] [command]');
    const unknown = runCli(['foo']);
    expect(unknown.stderr).toBe('archplan: unknown command "foo"\n(archplan --help lists the commands and options)\n');
    const helpTypo = runCli(['help', 'generat']);
    expect(helpTypo.code).toBe(2);
    expect(helpTypo.stderr).toBe('archplan: unknown command "generat" (did you mean "generate"?)\n(archplan --help lists the commands and options)\n');
    const help = runCli(['help', 'check']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(runCli(['check', '--help']).stdout);
    const option = runCli(['validate', '--jsn', 'a.yaml']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('archplan: unknown option "--jsn" (did you mean "--json"?)\n(archplan validate --help lists its options)\n');
  });

  it('runs every example of the help as written, in a folder with no clone around it', () => {
    const dir = tmp();
    const help = [runCli(['--help']), ...['init', 'generate', 'check', 'validate'].map((c) => runCli([c, '--help']))];
    expect(help[1]!.stdout).toMatch(/^Bundled examples: events, library, notes, payments, shop$/m);
    const quick = /^Quick start: (.+)$/m.exec(help[0]!.stdout)?.[1] ?? '';
    const lines = [...quick.split(' && '), ...help.flatMap((h) => [...h.stdout.matchAll(/^ {2}\$ (archplan .+)$/gm)].map((m) => m[1]!))];
    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const line of lines) {
      const args = line.split(' ').slice(1);
      // Bare init asks at a terminal: here, away from one, it must refuse at once with advice.
      const r = runCli(args, { cwd: dir });
      if (line === 'archplan init') expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('archplan init --example payments')]);
      else expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'plans', 'payments', 'architecture.md'))).toBe(true);
    expect(existsSync(join(dir, 'docs', 'plans', 'openapi.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'my-api.yaml'))).toBe(true);
  });

  it('validates the bundled examples', () => {
    for (const name of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))) {
      const r = runCli(['validate', join('examples', name)]);
      expect(r.stderr.split('\n').filter((l) => l && !l.includes('(warning)'))).toEqual([]);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toContain(`examples/${name} is valid`);
    }
  });

  it('reports every problem of an invalid file at once, located, and writes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.yaml'), invalidAnswers);
    const out = join(dir, 'plans');
    const r = runCli(['generate', 'broken.yaml', '--out', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'broken.yaml:11:51 entities[0].fields[0].references: unknown entity "Ownr"\n' +
        'broken.yaml:16:5 endpoints[0].colour: unknown key "colour"\n' +
        'broken.yaml is not valid: 2 problems; nothing was written.\n',
    );
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(ANSI);
    expect(existsSync(out)).toBe(false);

    const json = runCli(['validate', 'broken.yaml', '--json'], { cwd: dir });
    expect(json.code).toBe(1);
    const problems = JSON.parse(json.stdout) as { file: string; line: number; path: string }[];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.file === 'broken.yaml' && p.line > 0)).toBe(true);
  });

  it('ends a list of problems with one summary line that fits the command and the count', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'broken.yaml'), invalidAnswers);
    const last = (args: string[]) => {
      const r = runCli(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      return r.stderr.trimEnd().split('\n').at(-1);
    };
    expect(last(['validate', 'empty.yaml'])).toBe('empty.yaml is not valid: 1 problem; nothing is generated until it is fixed.');
    expect(last(['validate', 'broken.yaml'])).toBe('broken.yaml is not valid: 2 problems; nothing is generated until they are fixed.');
    expect(last(['generate', 'empty.yaml'])).toBe('empty.yaml is not valid: 1 problem; nothing was written.');
    // check and resolve write nothing anyway: they do not claim to have held back.
    expect(last(['check', 'empty.yaml'])).toBe('empty.yaml is not valid: 1 problem; the plans were not compared.');
    expect(last(['resolve', 'empty.yaml'])).toBe('empty.yaml is not valid: 1 problem.');
  });

  it('prints a warning the same way in validate, generate, check and resolve', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'warn.yaml'),
      'version: 1\nproject: { name: Notes, summary: Notes. }\nstack: { language: go, database: postgresql }\n' +
        'entities:\n  - name: Note\n    fields: [{ name: body, type: text }]\n' +
        'errors:\n  - { name: Unused, status: 409, message: x }\nresources:\n  - { entity: Note, operations: [list] }\n',
    );
    const line = 'warn.yaml:8:5 errors[0]: error "Unused" is declared but no endpoint uses it (warning)\n';
    const validated = runCli(['validate', 'warn.yaml'], { cwd: dir });
    expect(validated.stderr).toBe(line);
    expect(validated.stdout).toBe('warn.yaml is valid: 1 entity, 1 endpoint, 1 error, 0 integrations; 1 warning (see above).\n');
    const generated = runCli(['generate', 'warn.yaml', '--format', 'blueprint', '--out', 'plans'], { cwd: dir });
    expect(generated.code).toBe(0);
    expect(generated.stderr).toBe(line);
    const checked = runCli(['check', 'warn.yaml', '--format', 'blueprint', '--out', 'plans'], { cwd: dir });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe(line);
    const resolved = runCli(['resolve', 'warn.yaml'], { cwd: dir });
    expect(resolved.code).toBe(0);
    expect(resolved.stderr).toBe(line);
    expect(JSON.parse(resolved.stdout).project.name).toBe('Notes');
  });

  it('generates the plans with a marker, names each file last, and overwrites only its own files', () => {
    const out = tmp();
    const first = runCli(['generate', PAYMENTS, '--out', out, '--format', 'blueprint']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n').pop()).toMatch(/^wrote\s+\S*blueprint\.md$/);
    const text = readFileSync(join(out, 'blueprint.md'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '<!-- Generated by archplan from payments.yaml; do not edit by hand: change the answers and run archplan generate. -->',
    );
    expect(text).not.toMatch(ANSI);

    const again = runCli(['generate', PAYMENTS, '--out', out, '--format', 'blueprint']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged\s+\S*blueprint\.md$/m);

    writeFileSync(join(out, 'blueprint.md'), 'hand written\n');
    const refused = runCli(['generate', PAYMENTS, '--out', out, '--format', 'blueprint']);
    expect(refused.code).toBe(1);
    // Named as typed (relative to the working folder), not by an absolute path the user never wrote.
    const here = tmp();
    const relative = runCli(['generate', PAYMENTS, '--out', 'plans', '--format', 'blueprint'], { cwd: here });
    writeFileSync(join(here, 'plans', 'blueprint.md'), 'hand written\n');
    expect(runCli(['generate', PAYMENTS, '--out', 'plans', '--format', 'blueprint'], { cwd: here }).stderr).toBe(
      'archplan: nothing was written; this file is in the way:\n' +
        '  plans/blueprint.md: it was not generated by archplan (no marker on its first line); --force overwrites it\n',
    );
    expect(relative.code).toBe(0);
    expect(refused.stderr).toContain('not generated by archplan');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(out, 'blueprint.md'), 'utf8')).toBe('hand written\n');

    const forced = runCli(['generate', PAYMENTS, '--out', out, '--format', 'blueprint', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'blueprint.md'), 'utf8')).toBe(text);
  });

  it('writes to plans/<slug>/ by default, relative to the working folder', () => {
    const dir = tmp();
    const r = runCli(['generate', PAYMENTS, '--format', 'blueprint'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'plans', 'payments', 'blueprint.md'))).toBe(true);
    expect(r.stdout).toContain('plans/payments/blueprint.md');
  });

  it('prints the JSON Schema and the formats', () => {
    const schema = runCli(['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const formats = runCli(['formats']);
    expect(formats.code).toBe(0);
    expect(formats.stdout).toMatch(/^blueprint\s+blueprint\.md\s+/m);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" resolve examples/payments.yaml | head -c 10`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints the resolved model as JSON', () => {
    const r = runCli(['resolve', PAYMENTS]);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model.project.slug).toBe('payments');
    expect(model.endpoints.map((e: { id: string }) => e.id)).toContain('GET /customers/{id}');
  });
});
