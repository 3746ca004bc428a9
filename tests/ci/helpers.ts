// Shared by the CI tests: temporary folders, answers files, and a templates folder built from a map of files.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const PAYMENTS = join(ROOT, 'examples', 'payments.yaml');

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
