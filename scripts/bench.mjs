#!/usr/bin/env node
// The archplan benchmark (`npm run bench`, after a build): whole processes, as CI and pre-commit hooks run them.
// Every case runs once per round, rounds interleaved so a busy moment on the machine hits every case alike;
// the first rounds are warm-up and discarded; the median of the rest is reported, with the ratio to bare
// `node -e 0` measured in the same rounds. Peak memory (max RSS) and CPU time come from separate runs
// (under /usr/bin/time when present, and with a preloaded script that writes process.resourceUsage() at exit),
// so the timed runs carry no measuring overhead.
//
//   node scripts/bench.mjs [--runs 15] [--warmup 3] [--sizes 10,100,1000] [--format all] [--cli dist/cli.cjs] [--json FILE]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthAnswers } from './synth.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = process.execPath;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const RUNS = Number(option('runs', '15'));
const WARMUP = Number(option('warmup', '3'));
const SIZES = option('sizes', '10,100,1000').split(',').map(Number);
const JSON_OUT = option('json', undefined);
// The formats generate renders (default all), and the CLI to measure (default the bin package.json names).
const FORMAT = option('format', 'all');
const CLI = option('cli', join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.archplan));

if (!existsSync(CLI)) {
  process.stderr.write(`bench: ${CLI} is missing; run \`npm run build\` first (npm run bench does).\n`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'archplan-bench-'));
const outDir = (name) => join(work, `out-${name}`);

/** @type {{name: string, args: string[], entities?: number, out?: string}[]} */
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  // Node reads and parses the certificates NODE_EXTRA_CA_CERTS names at every start, before any script runs
  // (tens of ms for a large bundle): part of every case's time here, floor included. Shown for scale, not a goal.
  ...(process.env.NODE_EXTRA_CA_CERTS ? [{ name: 'node -e 0, no extra CAs', args: ['-e', '0'], unset: ['NODE_EXTRA_CA_CERTS'] }] : []),
  { name: 'archplan --version', args: [CLI, '--version'] },
  { name: 'archplan formats', args: [CLI, 'formats'] },
  { name: 'validate payments', args: [CLI, 'validate', 'examples/payments.yaml'] },
  {
    name: 'generate payments',
    args: [CLI, 'generate', 'examples/payments.yaml', '--format', FORMAT, '--out', outDir('payments')],
    out: outDir('payments'),
  },
];
for (const n of SIZES) {
  const file = join(work, `synth-${n}.yaml`);
  writeFileSync(file, synthAnswers(n));
  cases.push({ name: `validate synth-${n}`, args: [CLI, 'validate', file], entities: n, kind: 'validate' });
  cases.push({
    name: `generate synth-${n}`,
    args: [CLI, 'generate', file, '--format', FORMAT, '--out', outDir(`synth-${n}`)],
    out: outDir(`synth-${n}`),
    entities: n,
    kind: 'generate',
  });
}

/** The environment a case runs in: this one, without colour, without the variables the case unsets. */
function envFor(c) {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const name of c.unset ?? []) delete env[name];
  return env;
}

/** One run: wall time in ms, or the failure. Output folders are removed first (untimed): a fresh write each run. */
function runOnce(c, wrap = null) {
  if (c.out) rmSync(c.out, { recursive: true, force: true });
  const [cmd, args] = wrap ? wrap(c.args) : [NODE, c.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: envFor(c), maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-3).join(' / ');
    return { ms, failed: `exit ${r.status}: ${why.slice(0, 300)}` };
  }
  return { ms };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Timing: interleaved rounds.
const times = new Map(cases.map((c) => [c.name, []]));
const failures = new Map();
for (let round = 0; round < WARMUP + RUNS; round++) {
  for (const c of cases) {
    if (failures.has(c.name)) continue;
    const r = runOnce(c);
    if (r.failed) failures.set(c.name, r.failed);
    else if (round >= WARMUP) times.get(c.name).push(r.ms);
  }
  process.stderr.write(`\rbench: round ${round + 1}/${WARMUP + RUNS}${round < WARMUP ? ' (warm-up)' : '          '}`);
}
process.stderr.write('\n');

// Peak memory and CPU time: separate runs (RESOURCE_RUNS per case, medians), each with a preloaded script that
// writes process.resourceUsage() at exit; under /usr/bin/time when present, whose max RSS is then the memory
// figure. CPU time (user + system, all of the process's threads) moves far less than wall time when the
// machine is busy, so its ratio to the floor's CPU time is the steadier start-up figure.
const RESOURCE_RUNS = 5;
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', NODE, '-e', '0'], { encoding: 'utf8' }).status === 0;
const usageFile = join(work, 'usage.json');
const timeFile = join(work, 'time.txt');
const preload = join(work, 'usage.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\n` +
    `process.on('exit', () => { const u = process.resourceUsage(); ` +
    `writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n`,
);
function resources(c) {
  const mem = [];
  const cpu = [];
  for (let k = 0; k < RESOURCE_RUNS; k++) {
    if (c.out) rmSync(c.out, { recursive: true, force: true });
    rmSync(usageFile, { force: true });
    rmSync(timeFile, { force: true });
    const nodeArgs = ['--import', preload, ...c.args];
    const [cmd, args] = haveTime ? [TIME, ['-f', '%M', '-o', timeFile, NODE, ...nodeArgs]] : [NODE, nodeArgs];
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: envFor(c), maxBuffer: 1 << 28 });
    if (r.status !== 0 || !existsSync(usageFile)) return { peakMb: null, cpuMs: null };
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    // Both report kilobytes; /usr/bin/time may write a "Command exited..." line before the number.
    const kb = haveTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : usage.maxRssKb;
    mem.push(kb / 1024);
    cpu.push(usage.cpuUs / 1000);
  }
  return { peakMb: median(mem), cpuMs: median(cpu) };
}

const floor = median(times.get('node -e 0'));
const rows = cases.map((c) => {
  const failed = failures.get(c.name);
  if (failed) return { name: c.name, failed };
  const ms = median(times.get(c.name));
  const row = { name: c.name, medianMs: ms, ratio: ms / floor, minMs: Math.min(...times.get(c.name)), maxMs: Math.max(...times.get(c.name)) };
  Object.assign(row, resources(c));
  if (c.entities) {
    row.entities = c.entities;
    // Work above the process floor, per entity.
    row.msPerEntity = (ms - floor) / c.entities;
  }
  return row;
});

const floorCpu = rows[0].cpuMs;
for (const r of rows) if (!r.failed) r.cpuRatio = r.cpuMs !== null && floorCpu ? r.cpuMs / floorCpu : null;

const fmt = (x, d = 1) => (x === null || x === undefined ? '-' : x.toFixed(d));
const table = [
  ['case', 'median ms', 'x floor', 'min..max ms', 'ms/entity', 'CPU ms', 'CPU x floor', 'peak MB'],
  ...rows.map((r) =>
    r.failed
      ? [r.name, 'FAILED', '', '', '', '', '', '']
      : [
          r.name, fmt(r.medianMs), fmt(r.ratio, 2), `${fmt(r.minMs, 0)}..${fmt(r.maxMs, 0)}`,
          r.entities ? fmt(r.msPerEntity, 3) : '', fmt(r.cpuMs), fmt(r.cpuRatio, 2), fmt(r.peakMb),
        ],
  ),
];
const widths = table[0].map((_, k) => Math.max(...table.map((row) => row[k].length)));
const line = (row) => `| ${row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join(' | ')} |`;
const out = [];
out.push(line(table[0]));
out.push(`| ${widths.map((w, k) => (k === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
for (const row of table.slice(1)) out.push(line(row));
for (const r of rows) if (r.failed) out.push(`\n${r.name} failed: ${r.failed}`);

// Goals of issue 9.
const byName = new Map(rows.map((r) => [r.name, r]));
const goals = [];
function goal(text, fn) {
  try {
    const v = fn();
    const partial = FORMAT === 'all' || !/generate|entities/.test(text) ? '' : ` (measured with --format ${FORMAT} only)`;
    goals.push(`${v.ok ? 'met    ' : 'NOT met'}  ${text}: ${v.got}${partial}`);
  } catch {
    goals.push(`unknown  ${text}: not measured (a case failed or was not run)`);
  }
}
const need = (name) => {
  const r = byName.get(name);
  if (!r || r.failed) throw new Error(name);
  return r;
};
goal('generate --format all on payments <= 1.6x floor', () => {
  const r = need('generate payments');
  return { ok: r.ratio <= 1.6, got: `${fmt(r.ratio, 2)}x (CPU time: ${fmt(r.cpuRatio, 2)}x)` };
});
goal('validate payments <= 1.4x floor', () => {
  const r = need('validate payments');
  return { ok: r.ratio <= 1.4, got: `${fmt(r.ratio, 2)}x (CPU time: ${fmt(r.cpuRatio, 2)}x)` };
});
goal('1,000 entities, all formats, < 2 s', () => {
  const r = need('generate synth-1000');
  return { ok: r.medianMs < 2000, got: `${fmt(r.medianMs, 0)} ms` };
});
goal('1,000 entities, all formats, < 300 MB peak', () => {
  const r = need('generate synth-1000');
  if (r.peakMb === null) throw new Error('no memory figure');
  return { ok: r.peakMb < 300, got: `${fmt(r.peakMb)} MB` };
});
goal('100 -> 1,000 entities grows <= 12x', () => {
  const a = need('generate synth-100');
  const b = need('generate synth-1000');
  const g = b.medianMs / a.medianMs;
  return { ok: g <= 12, got: `${fmt(g, 2)}x (above the floor: ${fmt((b.medianMs - floor) / (a.medianMs - floor), 2)}x)` };
});

const machine = {
  node: process.version,
  cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
  platform: `${process.platform} ${process.arch}`,
};

process.stdout.write(
  `archplan benchmark: ${RUNS} runs per case after ${WARMUP} warm-up rounds, medians; ` +
    `floor (node -e 0) ${fmt(floor)} ms; generate --format ${FORMAT}; memory via ${haveTime ? "/usr/bin/time" : "maxRSS at exit"}, CPU via process.resourceUsage()\n` +
    `machine: ${machine.cpus}; ${machine.memory}; node ${machine.node}; ${machine.platform}\n` +
    (byName.has('node -e 0, no extra CAs')
      ? `NODE_EXTRA_CA_CERTS is set: Node parses those certificates at every start, in every case and the floor ` +
        `(node -e 0 takes ${fmt(byName.get('node -e 0, no extra CAs').medianMs)} ms without them)\n`
      : '') +
    '\n' +
    `${out.join('\n')}\n\nGoals:\n${goals.map((g) => `  ${g}`).join('\n')}\n`,
);

if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ runs: RUNS, warmup: WARMUP, floorMs: floor, machine, rows, goals }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = failures.size > 0 ? 1 : 0;
