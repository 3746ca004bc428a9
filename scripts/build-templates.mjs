#!/usr/bin/env node
// Precompiles the built-in Eta templates (templates/**/*.eta) into dist/render/templates-compiled.cjs, so a run
// does not parse and compile them again: about a tenth of `generate` on a small model (docs/performance.md).
// Each entry keeps the text it was compiled from; src/render/template-files.ts uses an entry only when the
// template read from disk has that very text, so a stale file costs time, never correctness. Runs after tsc in
// `npm run build` (it reads the compiled engine's settings from dist/).
//
//   node scripts/build-templates.mjs [--out FILE]

import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Eta } from 'eta/core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_OUT = join(ROOT, 'dist', 'render', 'templates-compiled.cjs');

/** Writes the precompiled built-in templates to `outFile`; returns the path written. */
export async function buildTemplates({ outFile = DEFAULT_OUT } = {}) {
  const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
  const { ETA_OPTIONS, STREAMING } = await dist('render/engine.js');
  const { BUILTIN_TEMPLATES_DIR, readTemplates } = await dist('render/template-files.js');
  const folders = readdirSync(BUILTIN_TEMPLATES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  // Built-in templates stream (readTemplates marks them so): compiled as createRenderer compiles those.
  const eta = new Eta({ ...ETA_OPTIONS, plugins: [STREAMING] });
  const entries = readTemplates(BUILTIN_TEMPLATES_DIR, folders).map((t) => {
    const body = eta.compileToString(t.text);
    // As eta's compile does: new Function(varName, 'options', body).
    return `  ${JSON.stringify(t.name)}: {\n    text: ${JSON.stringify(t.text)},\n    render: function (${eta.config.varName}, options) {\n${body}\n    },\n  },`;
  });
  const code = `'use strict';\n// Written by scripts/build-templates.mjs from templates/; do not edit.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, outFile);
  return outFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--out');
  await buildTemplates(at >= 0 ? { outFile: process.argv[at + 1] } : {});
}
