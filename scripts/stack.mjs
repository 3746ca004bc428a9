#!/usr/bin/env node
// Maps the places a stack trace names in the bundled CLI (`dist/archplan.cjs:LINE:COLUMN`, where function names
// are minified) back to the compiled modules, with the source map the build writes beside the bundle
// (scripts/bundle.mjs). For the trace `--debug` prints:
//
//   archplan generate answers.yaml --debug 2> trace.txt; node scripts/stack.mjs trace.txt
//   (or: ... 2>&1 | node scripts/stack.mjs)

import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAP = new URL('../dist/archplan.cjs.map', import.meta.url);

let payload;
try {
  payload = JSON.parse(readFileSync(MAP, 'utf8'));
} catch (err) {
  process.stderr.write(`stack: cannot read ${MAP.pathname} (${err.code ?? err.message}); run \`npm run build\` first.\n`);
  process.exit(2);
}
const map = new SourceMap(payload);
const text = readFileSync(process.argv[2] ?? 0, 'utf8');
process.stdout.write(
  text.replace(/[^\s()]*archplan\.cjs:(\d+):(\d+)/g, (place, line, column) => {
    const found = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (found?.originalSource === undefined) return place;
    const source = relative(ROOT, fileURLToPath(new URL(found.originalSource, MAP)));
    return `${source}:${found.originalLine + 1}:${found.originalColumn + 1}`;
  }),
);
