import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import {
  exampleNames,
  runInit,
  runInitWith,
  schemaReference,
  withSchemaLine,
  type InitIO,
} from '../../src/commands/init.js';
import { CancelledError, InvalidInputError, UsageError } from '../../src/errors.js';
import { INIT_ARGS } from './fixtures/cli.js';
import { CTRL_C, ScriptedPrompter, acceptDefaults, type Step } from './fixtures/scripted-prompter.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'archplan-init-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface FakeIo extends InitIO {
  out: string[];
  generated: string[];
}

function fakeIo(cwd: string, tty = true, env: NodeJS.ProcessEnv = {}): FakeIo {
  const out: string[] = [];
  const generated: string[] = [];
  const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => (out.push(s), true) }) as unknown as NodeJS.WriteStream;
  return {
    stdin: { isTTY: tty } as unknown as NodeJS.ReadStream,
    stdout: stream(tty),
    stderr: stream(false),
    env,
    cwd,
    out,
    generated,
    async generate(file) {
      generated.push(file);
    },
  };
}

/** The smallest system, typed: one entity with one field, everything else left at its default or empty. */
const TINY: Step[] = [
  ['Project name', 'Tiny'],
  ['one or two sentences', 'A tiny system.'],
  ['Database', 'sqlite'],
  ['Entity name', 'Item'],
  ['Field name', 'label'],
  ['Fields of Item: label', 'done'],
  ['Entities: Item', 'done'],
  ['Generate the plans now?', true],
];

describe('archplan init refuses to start without a person at a terminal', () => {
  const message = (why: string) =>
    `init asks its questions in a terminal, and ${why}. Write an answers file instead: ` +
    '`archplan init --example payments` writes one to start from; edit it, then run `archplan generate archplan.yaml`.';

  it('standard input not a terminal: exit 2 with how to use an answers file', async () => {
    const cwd = tempDir();
    await expect(runInit({ file: 'archplan.yaml' }, fakeIo(cwd, false))).rejects.toThrow(new UsageError(message('standard input is not a terminal')));
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('under CI=true, even at a terminal', async () => {
    await expect(runInit({ file: 'archplan.yaml' }, fakeIo(tempDir(), true, { CI: 'true' }))).rejects.toThrow(new UsageError(message('CI is set')));
  });

  it('standard output not a terminal', async () => {
    const io = fakeIo(tempDir(), true);
    (io.stdout as { isTTY: boolean }).isTTY = false;
    await expect(runInit({ file: 'archplan.yaml' }, io)).rejects.toThrow(new UsageError(message('standard output is not a terminal')));
  });

  it.each([
    ['< /dev/null', 'devnull'],
    ['sleep 30 | (a pipe that stays open)', 'pipe'],
  ])('%s: ends at once with exit 2 and no ANSI codes', async (_, input) => {
    const started = Date.now();
    const cwd = tempDir();
    const stdin = input === 'devnull' ? openSync('/dev/null', 'r') : 'pipe';
    const child = spawn(process.execPath, INIT_ARGS, {
      cwd,
      env: { ...process.env, CI: '', FORCE_COLOR: '1' },
      stdio: [stdin, 'pipe', 'pipe'],
    });
    // The pipe is never written to nor closed, as with `sleep 30 | archplan init`.
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    child.stdin?.destroy();
    if (typeof stdin === 'number') closeSync(stdin);
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stderr).toBe(`archplan: ${message('standard input is not a terminal')}\n`);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/\u001b\[/);
    expect(readdirSync(cwd)).toEqual([]);
  }, 20_000);
});

describe('archplan init --example NAME', () => {
  it('lists the bundled examples', () => {
    expect(exampleNames()).toEqual(expect.arrayContaining(['payments']));
  });

  it('writes the example without asking (no terminal needed), with a schema line for its new place', async () => {
    const cwd = tempDir();
    const io = fakeIo(cwd, false);
    expect(await runInit({ file: 'archplan.yaml', example: 'payments' }, io)).toBe(0);
    const text = readFileSync(join(cwd, 'archplan.yaml'), 'utf8');
    const example = readFileSync(join(ROOT, 'examples/payments.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaReference(cwd)}`);
    expect(text.split('\n').slice(1)).toEqual(example.split('\n').slice(1));
    expect(readAnswers(text, 'archplan.yaml').problems).toEqual([]);
    expect(io.out.join('')).toBe('Wrote archplan.yaml from the payments example. Edit it, then run: archplan generate archplan.yaml\n');
  });

  it('quotes a file name with a space in the command it prints, so the command runs as printed', async () => {
    const io = fakeIo(tempDir(), false);
    expect(await runInit({ file: 'my api.yaml', example: 'notes' }, io)).toBe(0);
    expect(io.out.join('')).toBe("Wrote my api.yaml from the notes example. Edit it, then run: archplan generate 'my api.yaml'\n");
  });

  it('an unknown name is a usage error that lists the names', async () => {
    const cwd = tempDir();
    await expect(runInit({ file: 'a.yaml', example: 'paymnts' }, fakeIo(cwd))).rejects.toThrow(
      new UsageError(`unknown example "paymnts" (did you mean "payments"?); the examples are: ${exampleNames().join(', ')}`),
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--force without --example is a usage error, not ignored', async () => {
    const cwd = tempDir();
    await expect(runInit({ file: 'a.yaml', force: true }, fakeIo(cwd))).rejects.toThrow(
      new UsageError('--force goes with --example NAME (to replace a file with an example); the interview edits an existing file without it'),
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('names the folder that does not exist, before writing anything', async () => {
    const cwd = tempDir();
    await expect(runInit({ file: 'no/such/a.yaml', example: 'notes' }, fakeIo(cwd))).rejects.toThrow(
      new UsageError('cannot write no/such/a.yaml: the folder no/such does not exist'),
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mine.yaml'), 'my own words\n');
    await expect(runInit({ file: 'mine.yaml', example: 'notes' }, fakeIo(cwd))).rejects.toThrow(
      new UsageError('mine.yaml already exists; add --force to replace it with the notes example'),
    );
    expect(readFileSync(join(cwd, 'mine.yaml'), 'utf8')).toBe('my own words\n');
    expect(await runInit({ file: 'mine.yaml', example: 'notes', force: true }, fakeIo(cwd))).toBe(0);
    expect(readAnswers(readFileSync(join(cwd, 'mine.yaml')), 'mine.yaml').problems).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['mine.yaml']);
  });
});

describe('the schema line', () => {
  it('points at the shipped schema by a relative path from inside the tree, by URL from elsewhere', () => {
    expect(schemaReference(join(ROOT, 'examples'))).toBe('../schemas/answers.schema.json');
    expect(schemaReference(ROOT)).toBe('schemas/answers.schema.json');
    expect(withSchemaLine('# yaml-language-server: $schema=old\nversion: 1\n', 'new.json')).toBe('# yaml-language-server: $schema=new.json\nversion: 1\n');
    expect(withSchemaLine('version: 1\n', 'new.json')).toBe('# yaml-language-server: $schema=new.json\nversion: 1\n');
  });
});

describe('archplan init at a terminal (scripted answers)', () => {
  it('saves a new file atomically, then generates when accepted', async () => {
    const cwd = tempDir();
    const io = fakeIo(cwd);
    const prompter = new ScriptedPrompter(TINY, acceptDefaults);
    expect(await runInitWith({ file: 'tiny.yaml' }, io, { prompter })).toBe(0);
    expect(prompter.remaining).toBe(0);
    const text = readFileSync(join(cwd, 'tiny.yaml'), 'utf8');
    expect(text.startsWith(`# yaml-language-server: $schema=${schemaReference(cwd)}\n`)).toBe(true);
    expect(readAnswers(text, 'tiny.yaml').problems).toEqual([]);
    expect(io.generated).toEqual(['tiny.yaml']);
    expect(io.out.join('')).toContain('Saved tiny.yaml.\n');
    expect(readdirSync(cwd)).toEqual(['tiny.yaml']);
  });

  it('saying no to generating says how to do it later', async () => {
    const cwd = tempDir();
    const io = fakeIo(cwd);
    const steps: Step[] = [...TINY.slice(0, -1), ['Generate the plans now?', false]];
    expect(await runInitWith({ file: 'tiny.yaml' }, io, { prompter: new ScriptedPrompter(steps, acceptDefaults) })).toBe(0);
    expect(io.generated).toEqual([]);
    expect(io.out.join('')).toContain('Generate them later with: archplan generate tiny.yaml\n');
  });

  it('Ctrl-C leaves an existing file untouched, no temporary file behind, and says so on one line', async () => {
    const cwd = tempDir();
    const example = readFileSync(join(ROOT, 'examples/payments.yaml'));
    writeFileSync(join(cwd, 'payments.yaml'), example);
    const prompter = new ScriptedPrompter([['Engineers on the team', 9], ['Language', CTRL_C]], acceptDefaults);
    const run = runInitWith({ file: 'payments.yaml' }, fakeIo(cwd), { prompter });
    await expect(run).rejects.toThrow(new CancelledError('Cancelled; payments.yaml was left as it was.'));
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(readFileSync(join(cwd, 'payments.yaml')).equals(example)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['payments.yaml']);
  });

  it('Ctrl-C on a new file writes nothing: exit 130', async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter([['Project name', 'X'], ['Slug', CTRL_C]]);
    const err = await runInitWith({ file: 'new.yaml' }, fakeIo(cwd), { prompter }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(130);
    expect((err as CancelledError).message).toBe('Cancelled; nothing was written.');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('quitting at the summary writes nothing and exits 0', async () => {
    const cwd = tempDir();
    const io = fakeIo(cwd);
    const steps: Step[] = [...TINY.slice(0, -1), ['What next?', 'quit'], ['Quit without saving?', true]];
    expect(await runInitWith({ file: 'tiny.yaml' }, io, { prompter: new ScriptedPrompter(steps, acceptDefaults) })).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(io.out.join('')).toBe('Nothing was written.\n');
  });

  it('edits an existing file: its values are the defaults', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'notes.yaml'), readFileSync(join(ROOT, 'examples/notes.yaml')));
    const prompter = new ScriptedPrompter([['In one or two sentences', 'Notes, now with tags.'], ['Generate the plans now?', false]], acceptDefaults);
    expect(await runInitWith({ file: 'notes.yaml' }, fakeIo(cwd), { prompter })).toBe(0);
    expect(prompter.asked.find((a) => a.message === 'Project name')?.default).toBe('Notes');
    const read = readAnswers(readFileSync(join(cwd, 'notes.yaml')), 'notes.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers?.project.summary).toBe('Notes, now with tags.');
  });

  it('editing keeps the comments and layout of the file, with only the changed line different', async () => {
    const cwd = tempDir();
    const original = readFileSync(join(ROOT, 'examples/payments.yaml'), 'utf8').replace('team_size: 3', 'team_size: 3 # two backend, one platform');
    writeFileSync(join(cwd, 'payments.yaml'), original);
    const prompter = new ScriptedPrompter([['Engineers on the team', 4], ['Generate the plans now?', false]], acceptDefaults);
    expect(await runInitWith({ file: 'payments.yaml' }, fakeIo(cwd), { prompter })).toBe(0);
    const after = readFileSync(join(cwd, 'payments.yaml'), 'utf8');
    expect(readAnswers(after, 'payments.yaml').problems).toEqual([]);
    expect(after).toContain('team_size: 4 # two backend, one platform\n');
    // Every comment line of the file is still there, in the same order.
    const commentLines = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(commentLines(after)).toEqual(commentLines(original));
  });

  it('an existing file that is not YAML is refused with its problems (exit 1), untouched', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'broken.yaml'), 'project: [unclosed\n');
    const err = await runInitWith({ file: 'broken.yaml' }, fakeIo(cwd), { prompter: new ScriptedPrompter([]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).exitCode).toBe(1);
    expect((err as InvalidInputError).problems.length).toBeGreaterThan(0);
    expect(readFileSync(join(cwd, 'broken.yaml'), 'utf8')).toBe('project: [unclosed\n');
  });

  it('an existing file with problems is still a starting point', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.yaml'), 'version: 1\nproject: { name: A, summary: S, slug: Bad Slug, sumary: typo }\nstack: { language: go, database: sqlite }\nentities: []\n');
    const io = fakeIo(cwd);
    const prompter = new ScriptedPrompter(
      [
        ['Slug', 'a'],
        ['Entity name', 'Thing'],
        ['Field name', 'label'],
        ['Fields of Thing: label', 'done'],
        ['Entities: Thing', 'done'],
        ['Generate the plans now?', false],
      ],
      acceptDefaults,
    );
    expect(await runInitWith({ file: 'a.yaml' }, io, { prompter })).toBe(0);
    expect(io.out.join('')).toContain('a.yaml has 3 problems; its values are the defaults, and each answer is checked again.\nUnknown keys left out: project.sumary\n');
    expect(readAnswers(readFileSync(join(cwd, 'a.yaml')), 'a.yaml').problems).toEqual([]);
  });

  it('a missing folder is a usage error before any question', async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter([]);
    await expect(runInitWith({ file: 'no/such/a.yaml' }, fakeIo(cwd), { prompter })).rejects.toThrow(
      new UsageError('cannot write no/such/a.yaml: the folder no/such does not exist'),
    );
    expect(prompter.asked).toEqual([]);
  });

  it('a folder in place of the file is a usage error', async () => {
    const cwd = tempDir();
    await expect(runInitWith({ file: '.' }, fakeIo(cwd), { prompter: new ScriptedPrompter([]) })).rejects.toThrow(
      new UsageError('. is a folder; name the answers file to write'),
    );
    expect(existsSync(join(cwd, '.archplan-tmp'))).toBe(false);
  });
});

