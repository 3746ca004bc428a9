#!/usr/bin/env node
// Where one run's time goes, phase by phase, in one process: for finding the step that grows too fast
// (compare two model sizes), not for the figures (that is scripts/bench.mjs, with whole processes).
// Reads tsc's modules in dist/ (run `npm run build` first); every phase runs once, cold.
//
//   node scripts/phases.mjs ANSWERS [FORMATS]        e.g. node scripts/phases.mjs /tmp/synth-1000.yaml six-phase,openapi
//   node --cpu-prof scripts/phases.mjs ANSWERS       then open the .cpuprofile in Chrome's DevTools

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

const [file, formatList] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/phases.mjs ANSWERS [FORMATS]\n');
  process.exit(2);
}

let last = performance.now();
const rows = [];
const lap = (name, note = '') => {
  const now = performance.now();
  rows.push([name, now - last, note]);
  last = now;
};

const { loadYaml } = await load('answers/load.js');
const { schemaErrors } = await load('answers/schema-validator.js');
const { crossReferenceFindings } = await load('answers/crossref.js');
const { readAnswers } = await load('answers/index.js');
const { normalise } = await load('derive/normalise.js');
const { plan } = await load('derive/plan.js');
const { createRenderer } = await load('render/engine.js');
const { BUILTIN_FORMATS } = await load('render/formats.js');
const { renderFiles } = await load('render/index.js');
const { BUILTIN_TEMPLATES_DIR, readTemplates } = await load('render/template-files.js');
lap('import the modules');

const bytes = readFileSync(file);
const loaded = loadYaml(bytes);
lap('load the YAML', `${(bytes.length / 1024).toFixed(0)} KB`);
schemaErrors(loaded.value);
lap('schema check');
crossReferenceFindings(loaded.value);
lap('cross-reference checks');
const read = readAnswers(bytes, file);
lap('readAnswers (the three again)');
if (!read.answers) {
  process.stderr.write(`${file} is not valid: ${read.problems.length} problems (archplan validate ${file})\n`);
  process.exit(1);
}
const resolved = normalise(read.answers, basename(file));
lap('normalise', `${resolved.entities.length} entities, ${resolved.endpoints.length} endpoints`);
const model = plan(resolved);
lap('plan');

const wanted = formatList ? formatList.split(',') : BUILTIN_FORMATS.map((f) => f.name);
for (const format of BUILTIN_FORMATS.filter((f) => wanted.includes(f.name))) {
  const renderer = createRenderer(readTemplates(BUILTIN_TEMPLATES_DIR, ['partials', format.name]));
  lap(`compile ${format.name}`);
  try {
    const { files } = renderFiles(model, [format], { renderer, planContext: '' });
    lap(`render ${format.name}`, files[0] ? `${(files[0].content.length / 1024).toFixed(0)} KB` : 'skipped');
  } catch (err) {
    lap(`render ${format.name}`, `failed: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`);
  }
}

const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, ms, note] of rows) {
  process.stdout.write(`${name.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${note}\n`);
}
const mem = process.memoryUsage();
process.stdout.write(`heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB\n`);
