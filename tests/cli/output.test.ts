// The CLI writes its output straight to file descriptors 1 and 2 (src/cli.ts): every byte must arrive, in
// order, whatever the reader does, and a reader that stops early is no error.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { synthAnswers } from '../../scripts/synth.mjs';
import { CLI } from '../helpers/cli.js';

it('a slow reader of a large output gets all of it, in one piece', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'archplan-output-'));
  const answers = join(dir, 'synth.yaml');
  writeFileSync(answers, synthAnswers(30) as string);
  const expected = spawnSync(process.execPath, [CLI, 'resolve', answers], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  // Far more than a pipe holds: the writer must wait for the reader, not fail or drop.
  expect(expected.length).toBeGreaterThan(256 * 1024);
  const child = spawn(process.execPath, [CLI, 'resolve', answers], { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let err = '';
  child.stdout.pause();
  setTimeout(() => child.stdout.resume(), 300);
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  expect(JSON.parse(expected)).toHaveProperty('plan');
}, 60_000);

it('a reader that stops early ends archplan quietly, with the exit code of its work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archplan-output-'));
  const answers = join(dir, 'synth.yaml');
  writeFileSync(answers, synthAnswers(30) as string);
  // More than a pipe holds, so archplan is still writing when head has gone.
  const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" resolve "${answers}" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  expect(piped.stderr).toBe('');
  expect(piped.stdout.trim()).toBe('0');
});
