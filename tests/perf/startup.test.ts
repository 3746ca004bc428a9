// What the built bin loads: the start-up work docs/performance.md counts on staying out of validate and generate
// (streams, the terminal, child processes, node:module, the wizard's prompts), and the code cache V8 must accept.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'archplan-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A preload that writes, at exit, the built-in modules the process loaded. */
const probe = join(work, 'probe.cjs');
writeFileSync(
  probe,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, process.moduleLoadList.join('\\n')));\n",
);

function loadedBy(args: string[]): string[] {
  const out = join(work, `loaded-${args[0]}.txt`);
  const r = spawnSync(process.execPath, ['-r', probe, CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PROBE_OUT: out, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(out, 'utf8').split('\n');
}

// Each costs a millisecond or more of every run, and none is needed outside `init` (or a failing write); node:module
// (with the ES module loader it requires) costs about 0.1 ms, and the bundle needs createRequire only for files it
// does not carry. perf_hooks (ten modules, about 0.5 ms) comes with the first use of the global `performance`.
const UNWANTED = [
  'NativeModule stream', 'NativeModule tty', 'NativeModule net', 'NativeModule child_process', 'NativeModule readline',
  'NativeModule module', 'NativeModule perf_hooks',
];

describe('the built bin at start-up', () => {
  it('loads no streams, terminal, network, child-process, node:module or perf_hooks modules for validate', () => {
    const loaded = loadedBy(['validate', 'examples/payments.yaml']);
    expect(loaded).toContain('NativeModule vm'); // the loader ran
    expect(loaded.filter((m) => UNWANTED.includes(m))).toEqual([]);
  });

  it('loads none of them for generate --format all either', () => {
    const loaded = loadedBy(['generate', 'examples/payments.yaml', '--format', 'all', '--out', join(work, 'plans')]);
    expect(loaded.filter((m) => UNWANTED.includes(m))).toEqual([]);
  });

  it('has an ASCII bundle (the loader reads it as latin1) and code caches that start with its first line', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'archplan.cjs'));
    expect(bundle.every((b) => b < 0x80)).toBe(true);
    const firstLine = bundle.subarray(0, bundle.indexOf(10) + 1).toString('latin1');
    expect(firstLine).toMatch(/^\/\/ archplan bundle [0-9a-f]{64}\n$/);
    for (const cache of ['archplan.cjs.cache', 'archplan.cjs.render.cache']) {
      expect(readFileSync(join(ROOT, 'dist', cache)).subarray(0, firstLine.length).toString('latin1')).toBe(firstLine);
    }
  });

  it('has code caches V8 accepts for the bundle as it is on disk, their data at a multiple of 8 bytes', () => {
    // In a process of its own, as the loader runs: V8 refuses a cache written under other flags.
    const check = `
      const { readFileSync } = require('node:fs');
      const { Script } = require('node:vm');
      const [file, cacheFile] = process.argv.slice(1);
      const source = readFileSync(file, 'latin1');
      const start = (source.indexOf('\\n') + 1 + 7) & ~7;
      const cache = readFileSync(cacheFile);
      const script = new Script(source, { filename: file, cachedData: cache.subarray(start) });
      const fn = script.runInThisContext();
      process.stdout.write(JSON.stringify({ start, rejected: script.cachedDataRejected, wrapped: typeof fn }));
    `;
    for (const cache of ['archplan.cjs.cache', 'archplan.cjs.render.cache']) {
      const r = spawnSync(process.execPath, ['-e', check, join(ROOT, 'dist', 'archplan.cjs'), join(ROOT, 'dist', cache)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const seen = JSON.parse(r.stdout) as { start: number; rejected: boolean; wrapped: string };
      expect(seen.start % 8).toBe(0);
      expect(seen.rejected).toBe(false);
      expect(seen.wrapped).toBe('function');
    }
  });
});
