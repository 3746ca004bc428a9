// The wizard asks only at a terminal: piped, redirected or under CI, `archplan init` (the built CLI) ends at once
// with exit 2, a message that says what to do instead, no ANSI codes, and no file written.

import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TmuxSession, tmuxAvailable } from '../wizard/fixtures/tmux.js';
import { ANSI, CLI, STACK, tempDir } from './helpers.js';

const MESSAGE = (why: string): string =>
  `archplan: init asks its questions in a terminal, and ${why}. Write an answers file instead: ` +
  '`archplan init --example payments a.yaml` writes one to start from; edit it, then run `archplan generate a.yaml`.\n';

/** `archplan init a.yaml` with the given standard input; colour forced on, to show none is used. */
function init(stdin: 'pipe' | number, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; ms: number; dir: string }> {
  const dir = tempDir();
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'init', 'a.yaml'], {
      cwd: dir,
      stdio: [stdin, 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FORCE_COLOR: '1', ...env },
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    // Like `sleep 30 | archplan init`: the pipe is left open, never written to.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      child.stdin?.destroy();
      resolve({ code, out, ms: Date.now() - started, dir });
    });
  });
}

describe('archplan init away from a terminal', () => {
  it('sleep 30 | archplan init: exit 2 at once', async () => {
    const r = await init('pipe');
    expect(r.out).toBe(MESSAGE('standard input is not a terminal'));
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(5000);
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('archplan init < /dev/null: exit 2 at once', async () => {
    const r = await init(openSync('/dev/null', 'r'));
    expect(r.out).toBe(MESSAGE('standard input is not a terminal'));
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(5000);
    expect(r.out).not.toMatch(ANSI);
    expect(r.out).not.toContain(STACK);
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('CI=true: exit 2 at once, even at a terminal (tmux)', async () => {
    expect(tmuxAvailable(), 'tmux is required (apt-get install -y tmux)').toBe(true);
    const dir = tempDir();
    const done = join(tempDir(), 'exit-code');
    const session = TmuxSession.start(`CI=true '${process.execPath}' '${CLI}' init a.yaml > out.txt 2>&1 < /dev/tty; echo $? > '${done}'; sleep 600`, dir);
    try {
      const end = Date.now() + 15_000;
      while (!existsSync(done) && Date.now() < end) await new Promise((r) => setTimeout(r, 40));
      expect(readFileSync(done, 'utf8').trim()).toBe('2');
      const out = readFileSync(join(dir, 'out.txt'), 'utf8');
      // Standard output went to a file here, so the reason may be either; CI is checked first.
      expect(out).toBe(MESSAGE('CI is set'));
      expect(out).not.toMatch(ANSI);
      expect(readdirSync(dir)).toEqual(['out.txt']);
    } finally {
      session.tmux(['kill-server']);
    }
  });
});
