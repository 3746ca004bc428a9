// The built CLI in a real pseudo-terminal (tmux): a small system typed through the keyboard and saved, then
// a run cancelled with Ctrl-C. tmux is required: without it these tests fail, they do not skip.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { INIT_ARGS, ROOT } from './fixtures/cli.js';
import { TmuxSession, tmuxAvailable } from './fixtures/tmux.js';

/** The command under test, as a user runs it. */
const INIT = ['node', ...INIT_ARGS].map((a) => `'${a}'`).join(' ');

let session: TmuxSession | undefined;
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'archplan-init-e2e-'));
  dirs.push(d);
  return d;
}

/** Runs `init ARGS` in `cwd` under tmux; the exit code lands in a file outside `cwd`. */
function start(cwd: string, args: string): { session: TmuxSession; codeFile: string } {
  const codeFile = join(tempDir(), 'exit-code');
  // CI is unset so the wizard may start (the harness may run under CI=true); NO_COLOR keeps the screen plain.
  const command = `env -u CI NO_COLOR=1 ${INIT} ${args}; echo $? > '${codeFile}'; sleep 600`;
  // tmux runs the command with the shell, which expands $? when node has ended.
  session = TmuxSession.start(command, cwd);
  return { session, codeFile };
}

beforeAll(() => {
  expect(tmuxAvailable(), 'tmux is required for the wizard end-to-end tests (apt-get install -y tmux)').toBe(true);
  expect(existsSync(join(ROOT, 'dist/commands/init.js')), 'build first: npx tsc -p tsconfig.json').toBe(true);
});

afterEach(() => {
  session?.kill();
  session = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('archplan init in a terminal', () => {
  it('types a small system through the keyboard, saves a valid file and generates the plans', async () => {
    const cwd = tempDir();
    const { session: t, codeFile } = start(cwd, 'notes.yaml');

    await t.answer('Project name', 'Notes');
    await t.answer('Slug');
    await t.answer('In one or two sentences', 'Keep short notes.');
    await t.answer('Existing platform');
    await t.answer('Engineers on the team');
    await t.answer('Start date');
    await t.answer('Goals: none yet');
    await t.answer('Functional requirements: none yet');
    await t.answer('p95 latency');
    await t.answer('Peak throughput');
    await t.answer('Availability');
    await t.answer('How long data is kept');
    await t.answer('Compliance');
    await t.answer('Language');
    await t.answer('Framework');
    await t.answer('Architecture');
    await t.prompt('Database');
    t.press('Down', 'Down', 'Enter'); // sqlite
    await t.answer('Cache');
    await t.answer('Queue');
    await t.answer('Cloud');
    await t.answer('Compute');
    await t.answer('Infrastructure as code');
    await t.answer('How do clients authenticate?');
    await t.answer('Observability');

    // A wrong answer is refused with the reason, and asked again.
    await t.answer('Entity name', 'note');
    await t.waitFor(/^> must be PascalCase, like "PaymentMethod"$/m);
    t.press('C-u');
    t.type('Note');
    t.press('Enter');
    await t.answer('What is one Note?', 'A short text');
    await t.answer('Keep created_at and updated_at?');
    await t.answer('Soft delete');
    await t.answer('Field name', 'id');
    await t.answer('Type of id'); // uuid, computed from the name
    await t.answer('Is id the primary key?'); // yes, computed from the name
    await t.answer('Fields of Note: id'); // add another (the default after an add)
    await t.answer('Field name', 'body');
    await t.prompt('Type of body');
    t.press('Down', 'Enter'); // text
    await t.answer('Is body required?', 'y');
    await t.answer('Is body unique?');
    await t.prompt('Fields of Note: id, body');
    t.press('Down', 'Enter'); // done
    await t.answer('Indexes of Note: none yet');
    await t.prompt('Entities: Note');
    t.press('Down', 'Enter'); // done
    await t.answer('Modules: none yet');

    await t.prompt('CRUD endpoints for Note');
    t.press('Space', 'Down', 'Space', 'Enter'); // list and get
    await t.answer('Who may call them?');
    await t.answer('Base path');
    await t.answer('Errors: none yet');
    await t.answer('Integrations: none yet');
    await t.answer('Endpoints: none yet');

    const summary = await t.waitFor(/^\? What next\?/m);
    expect(summary).toContain('Summary of notes.yaml');
    expect(summary).toContain('Resource     Note: list, get');
    t.press('Enter'); // save
    await t.answer('Generate the plans now?');

    const code = await t.exitCode(codeFile);
    expect(t.screen()).toContain('Saved notes.yaml.');
    const text = readFileSync(join(cwd, 'notes.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+answers\.schema\.json$/);
    const read = readAnswers(text, 'notes.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers?.entities).toEqual([
      {
        name: 'Note',
        description: 'A short text',
        timestamps: true,
        fields: [
          { name: 'id', type: 'uuid', primary: true },
          { name: 'body', type: 'text', required: true },
        ],
      },
    ]);
    expect(read.answers?.resources).toEqual([{ entity: 'Note', operations: ['list', 'get'], auth: 'user' }]);
    expect(read.answers?.stack).toMatchObject({ language: 'go', framework: 'chi', database: 'sqlite' });
    // The plans were generated beside it, and no temporary file was left behind.
    expect(code, t.screen()).toBe(0);
    expect(readdirSync(join(cwd, 'plans', 'notes')).length).toBeGreaterThan(0);
    expect(readdirSync(cwd).filter((f) => f.includes('tmp'))).toEqual([]);
  }, 120_000);

  it('Ctrl-C midway writes nothing, says so on one line and exits 130', async () => {
    const cwd = tempDir();
    const { session: t, codeFile } = start(cwd, '');

    await t.answer('Project name', 'Half');
    await t.answer('Slug');
    await t.prompt('In one or two sentences');
    t.type('Never finished');
    t.press('C-c');

    expect(await t.exitCode(codeFile)).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
    const screen = t.screen();
    expect(screen).toContain('archplan: Cancelled; nothing was written.');
    expect(screen).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});
