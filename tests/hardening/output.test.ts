// Output safety at the built CLI (and the built writer for signals): nothing written outside the output folder,
// links never followed, a failing template or a signal leaves the old plans whole and no temporary file, and
// folders that cannot be written say why.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, MINIMAL, previousGeneration, runCliAsync, snapshot, STACK, tempDir } from './helpers.js';

const SLOW_WRITER = fileURLToPath(new URL('./fixtures/slow-writer.mjs', import.meta.url));
const TEMP = /^\.archplan-tmp-/;

let previous = '';
beforeAll(() => {
  previous = previousGeneration();
});

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort();
}

describe('nothing lands outside the output folder', () => {
  it('every file written is in the real output folder, whatever the --out path looks like', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'work', 'a'), { recursive: true });
    writeFileSync(join(root, 'work', 'answers.yaml'), MINIMAL);
    const before = filesUnder(root);
    const r = await runCliAsync(['generate', 'answers.yaml', '--out', 'a/../a/./plans'], { cwd: join(root, 'work') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = realpathSync(join(root, 'work', 'a', 'plans'));
    const added = filesUnder(root).filter((f) => !before.includes(f));
    expect(added.length).toBeGreaterThan(3);
    for (const f of added) expect(realpathSync(dirname(join(root, f)))).toBe(out);
    expect(added.filter((f) => TEMP.test(f.split('/').pop() ?? ''))).toEqual([]);
  });

  it('the default folder plans/<slug> stays inside plans/, whatever the project name holds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL.replace('name: Notes', String.raw`name: '../../etc/passwd\..\x'`));
    const r = await runCliAsync(['generate', 'answers.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = filesUnder(dir).filter((f) => f !== 'answers.yaml');
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(f).toMatch(/^plans\/[a-z0-9-]+\/[^/]+$/);
  });

  it('a link in place of an output file is refused, then replaced (never written through) with --force', async () => {
    const dir = copyOf(previous);
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL.replace('Keep short notes', 'Keep shorter notes'));
    const victim = join(tempDir(), 'victim.md');
    writeFileSync(victim, 'keep me\n');
    const plans = join(dir, 'plans');
    const old = readFileSync(join(plans, 'blueprint.md'), 'utf8');
    // A real-life shape: the link's target even carries the marker.
    writeFileSync(victim, old);
    const { rmSync } = await import('node:fs');
    rmSync(join(plans, 'blueprint.md'));
    symlinkSync(victim, join(plans, 'blueprint.md'));
    const before = snapshot(plans);
    const refused = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('blueprint.md: a symbolic link is in the way (archplan does not follow links); --force replaces the link');
    expect(refused.stderr).not.toContain(STACK);
    expect(snapshot(plans)).toEqual(before);
    const forced = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe(old);
    expect(lstatSync(join(plans, 'blueprint.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(plans, 'blueprint.md'), 'utf8')).toContain('Keep shorter notes');
  });

  it('a link in place of the output folder is refused, with or without --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL);
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(dir, 'plans'));
    for (const extra of [[], ['--force']]) {
      const r = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans', ...extra], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`archplan: plans: the output folder is a symbolic link; archplan does not follow links. Name the real folder with --out.\n`);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a failure leaves the old plans whole and no temporary file', () => {
  it('a template failing on the third of five files: nothing written', async () => {
    const dir = copyOf(previous);
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL.replace('Keep short notes', 'Keep shorter notes'));
    // An override of the third format's template that fails while rendering.
    mkdirSync(join(dir, 'mine', 'architect-doc'), { recursive: true });
    writeFileSync(join(dir, 'mine', 'architect-doc', 'main.eta'), 'ok so far\n<%= it.project.nope.deeper %>\n');
    const before = snapshot(join(dir, 'plans'));
    const r = await runCliAsync(
      ['generate', 'answers.yaml', '--out', 'plans', '--format', 'six-phase,implementation-plan,architect-doc,blueprint,summary', '--templates', 'mine'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^archplan: mine\/architect-doc\/main\.eta:2:\d+: /);
    expect(r.stderr).not.toContain(STACK);
    expect(r.stdout).toBe('');
    expect(snapshot(join(dir, 'plans'))).toEqual(before);
  });

  it('a write failing on the third of five files: the two staged ones removed, the old files kept', async () => {
    const { applyWrites } = await import('../../src/output/write.js');
    const out = tempDir();
    const marker = '<!-- Generated by archplan from x.yaml; do not edit by hand: change the answers and run archplan generate. -->';
    const files = (v: string) => ['a', 'b', 'c', 'd', 'e'].map((n) => ({ format: n, file: `${n}.md`, content: `${marker}\n${n} ${v}\n` }));
    await applyWrites(out, files('old'), false);
    const before = snapshot(out);
    // The third file's temporary name is taken by a folder: staging it fails.
    mkdirSync(join(out, `.archplan-tmp-${process.pid}-2-c.md`));
    await expect(applyWrites(out, files('new'), false)).rejects.toThrow(/cannot write the plans \(E\w+\); the previous files are unchanged/);
    const after = snapshot(out);
    after.delete(`.archplan-tmp-${process.pid}-2-c.md/`);
    expect(after).toEqual(before);
  });

  it('SIGINT during the writes: handled between two files or after the last, no temporary file left, every plan old or new', async () => {
    let deferred = 0;
    // Delays from "writing" that fall before, inside and after the staging of 80 MB on most machines.
    for (let delay = 0; delay <= 600 && deferred < 2; delay += 40) {
      const dir = tempDir();
      expect(spawnSync(process.execPath, [SLOW_WRITER, dir, '20', '4', 'old']).status).toBe(0);
      const r = await signalWhileWriting(dir, 'SIGINT', delay);
      // Killed before the writes began, or the signal waited for a file to be staged (finishing, or the
      // handler's exit 130 after removing what was staged).
      expect(r.signal === 'SIGINT' || r.code === 0 || r.code === 130, `exit ${r.code} ${r.signal}`).toBe(true);
      if (r.sentBeforeDone && r.signal === null) deferred++;
      expect(readdirSync(dir).filter((f) => TEMP.test(f))).toEqual([]);
      expectWhole(dir);
    }
    // At least once the signal arrived while the writes were under way, and waited for archplan's handler.
    expect(deferred).toBeGreaterThan(0);
  });

  it('SIGKILL during the writes: plans old or new, and the next generate removes the temporary files left', async () => {
    const dir = tempDir();
    expect(spawnSync(process.execPath, [SLOW_WRITER, join(dir, 'plans'), '20', '4', 'old']).status).toBe(0);
    await signalWhileWriting(join(dir, 'plans'), 'SIGKILL', 0);
    expectWhole(join(dir, 'plans'));
    // Whatever the kill left, plus one planted for certain: a temporary file of a process that has ended.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'plans', `.archplan-tmp-${ended}-3-plan-03.md`), 'half a pla');
    // A temporary file of a process still running is someone else's write under way: kept.
    writeFileSync(join(dir, 'plans', `.archplan-tmp-${process.pid}-0-x.md`), 'busy');
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL);
    const r = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'plans')).filter((f) => TEMP.test(f))).toEqual([`.archplan-tmp-${process.pid}-0-x.md`]);
  });
});

/** Starts the slow writer on `dir` with new content and sends `signal` `delay` ms after it starts writing. */
function signalWhileWriting(
  dir: string,
  signal: NodeJS.Signals,
  delay: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; sentBeforeDone: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SLOW_WRITER, dir, '20', '4', 'new']);
    let out = '';
    let sentBeforeDone = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (out === '') {
        setTimeout(() => {
          sentBeforeDone = !out.includes('done');
          child.kill(signal);
        }, delay);
      }
      out += d;
    });
    child.on('close', (code, sig) => resolve({ code, signal: sig, sentBeforeDone }));
  });
}

/** Each plan file is entirely the old content or entirely the new. */
function expectWhole(dir: string): void {
  const plans = readdirSync(dir).filter((f) => f.startsWith('plan-'));
  expect(plans).toHaveLength(20);
  for (const f of plans) {
    const text = readFileSync(join(dir, f), 'utf8');
    const body = text.slice(text.indexOf('\n') + 1, -1);
    expect(body === 'old '.repeat(body.length / 4) || body === 'new '.repeat(body.length / 4), `${f} is half written`).toBe(true);
    expect(body.length).toBeGreaterThan(4 * 1024 * 1024 - 8);
  }
}

describe('folders that cannot be written say why', () => {
  it('a file in the way of the output folder, or of one of its parents', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL);
    writeFileSync(join(dir, 'plans'), 'not a folder');
    const a = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans'], { cwd: dir });
    expect(a.stderr).toBe('archplan: plans: exists and is not a folder.\n');
    const b = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans/x'], { cwd: dir });
    expect(b.stderr).toBe(`archplan: plans/x: cannot create the output folder: a file is in the way of a folder on its path (ENOTDIR)\n`);
    for (const r of [a, b]) {
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain(STACK);
    }
    expect(readFileSync(join(dir, 'plans'), 'utf8')).toBe('not a folder');
  });

  it('a folder that refuses new entries (here /proc: even root cannot write there) ends at once with the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL);
    const r = await runCliAsync(['generate', 'answers.yaml', '--out', '/proc/archplan-plans'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^archplan: \/proc\/archplan-plans: cannot create the output folder: .+ \((ENOENT|EACCES|EPERM|EROFS)\)\n$/);
    expect(r.ms).toBeLessThan(10_000);
    expect(existsSync('/proc/archplan-plans')).toBe(false);
  });

  it('a read-only folder (as a user other than root, who writes through permissions)', async () => {
    const dir = copyOf(previous);
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL.replace('Keep short notes', 'Keep shorter notes'));
    const { chmodSync } = await import('node:fs');
    chmodSync(join(dir, 'plans'), 0o555);
    const before = snapshot(join(dir, 'plans'));
    const r = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans'], { cwd: dir });
    chmodSync(join(dir, 'plans'), 0o755);
    if (process.getuid?.() === 0) {
      // Root writes anyway: the run succeeds, which is all that can be checked here.
      expect(r.code).toBe(0);
      return;
    }
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^archplan: .*plans: cannot write the plans \(EACCES\); the previous files are unchanged\.\n$/);
    expect(snapshot(join(dir, 'plans'))).toEqual(before);
  });
});
