// Shared by the CI tests: temporary folders, answers files, and a templates folder built from a map of files.

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, type CliResult } from '../helpers/cli.js';

export const PAYMENTS = join(ROOT, 'examples', 'payments.yaml');

let frozen: string | undefined;

/**
 * A copy of the built CLI with its templates, made once per test file: these tests compare the output of
 * several runs, so a rebuild or a template edit in the working tree while they run must not reach them.
 */
export function frozenRoot(): string {
  if (frozen) return frozen;
  const dir = mkdtempSync(join(tmpdir(), 'archplan-frozen-'));
  for (const part of ['dist', 'templates', 'schemas', 'questionnaires', 'examples']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  frozen = dir;
  return dir;
}

/** runCli (tests/helpers/cli.ts), on the frozen copy. */
export function runFrozen(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const root = frozenRoot();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'archplan-ci-'));
}

/** Writes `files` (path -> text) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A copy of the payments example in `dir` as `name`, optionally edited. */
export function copyPayments(dir: string, name = 'payments.yaml', edit: (text: string) => string = (t) => t): string {
  const text = edit(readFileSync(PAYMENTS, 'utf8'));
  writeFileSync(join(dir, name), text);
  return name;
}
