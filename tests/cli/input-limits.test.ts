// An input file is read only up to the limit (1 MiB and one byte): an endless one (/dev/zero) is refused at
// once as too large, and a context file over the limit is a located problem, nothing written.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

it('an endless answers file (/dev/zero) is too large, said at once', () => {
  if (!existsSync('/dev/zero')) return;
  const r = runCli(['validate', '/dev/zero']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('/dev/zero:1:1: the file is larger than 1048576 bytes (1 MiB), the limit for an answers file');
});

it('a context file over 1 MiB is a located problem, and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archplan-limits-'));
  writeFileSync(join(dir, 'answers.yaml'), readFileSync(join(ROOT, 'examples/payments.yaml')));
  writeFileSync(join(dir, 'context.md'), 'a'.repeat(1024 * 1024 + 1));
  const r = runCli(['generate', 'answers.yaml', '--context', 'context.md', '--out', 'plans'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('context.md:1:1: the file is larger than 1048576 bytes (1 MiB), the limit for a context file');
  expect(existsSync(join(dir, 'plans'))).toBe(false);
  // At the limit exactly it is taken.
  writeFileSync(join(dir, 'context.md'), 'a'.repeat(1024 * 1024));
  expect(runCli(['generate', 'answers.yaml', '--context', 'context.md', '--out', 'plans'], { cwd: dir }).code).toBe(0);
});
