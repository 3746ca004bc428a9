// Shared by the hardening tests: the built CLI run without blocking (so cases run side by side), folders
// snapshotted byte for byte, and positions found by searching the text.

import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli, type CliResult } from '../helpers/cli.js';

export { CLI, ROOT, runCli };

export const MINIMAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'answers', 'minimal.yaml'), 'utf8');
export const PAYMENTS = readFileSync(join(ROOT, 'examples', 'payments.yaml'), 'utf8');
/** A stack trace line, as Node prints it. */
export const STACK = '\n    at ';
export const ANSI = /\u001b\[/;

export function tempDir(prefix = 'archplan-hard-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The built CLI as a child process, without blocking the test runner; `ms` is how long it took. */
export function runCliAsync(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult & { ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Every entry under `dir` (recursively, links not followed): path -> bytes (files) or `-> target` (links). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const full = join(dir, path);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.set(path, `-> ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(`${path}/`, '');
        walk(path);
      } else out.set(path, readFileSync(full).toString('base64'));
    }
  };
  walk('');
  return out;
}

/**
 * A working folder holding `plans/`, a previous generation of the minimal answers (all formats) made by the
 * built CLI; created once per test file and copied for each case.
 */
export function previousGeneration(): string {
  const dir = tempDir('archplan-prev-');
  const r = runCli(['generate', join(ROOT, 'tests', 'fixtures', 'answers', 'minimal.yaml'), '--out', join(dir, 'plans')], { cwd: dir });
  if (r.code !== 0) throw new Error(`the previous generation failed (exit ${r.code}):\n${r.stderr}`);
  return dir;
}

/** A fresh copy of a working folder. */
export function copyOf(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

// The same position and edit helpers as the answers tests: one copy.
export { at, edit } from '../answers/helpers.js';
