#!/usr/bin/env node
// Bundles the compiled CLI (tsc's dist/) into one file and makes dist/cli.js a small loader for it, because
// resolving, reading and compiling some hundred modules was most of archplan's start-up time
// (docs/performance.md has the figures). Runs after tsc and build-validator in `npm run build`.
//
// - dist/archplan.cjs: dist/cli.js and everything it imports, dependencies included, as one CommonJS module
//   written inside its wrapper function, `(function (exports, require, module, __filename, __dirname) {...})`, so
//   the loader hands the file's text to V8 as it is (joining the wrapper on at run time copied 1.4 MB once more).
//   CommonJS so that the loader can hand it to V8 with a code cache (Node 20 has no code cache for ES modules).
//   Names are minified; dist/archplan.cjs.map maps the bundle back to dist/'s modules (scripts/stack.mjs).
//   Every module keeps the import.meta.url it had in dist/ (rewritten to the same URL computed from the bundle),
//   so templates/, schemas/, questionnaires/ and package.json are still read from the package root.
// - @inquirer/prompts stays outside: only the interactive wizard imports it (dynamically), from node_modules,
//   through require (see `supported` below).
// - The precompiled answers validator (dist/answers/answers-validator.cjs, which src/answers/schema-validator.ts
//   loads with createRequire when unbundled) is bundled in as well, so the code cache covers it.
// - dist/cli.cjs (the bin) is the loader: it compiles archplan.cjs with a code cache (archplan.cjs.cache, or
//   archplan.cjs.render.cache for the commands that render) when V8 accepts it (same V8, same flags, same
//   source), else compiles as usual. dist/cli.js becomes an ES module entry that imports it.
// - The cache is written by running the bundle once on examples/payments.yaml (all formats, into a temporary
//   folder; see cacheAnswers), so it holds the functions a real run compiles. A failing run only means a smaller
//   cache.
// The rest of tsc's output stays in dist/ (tests import some of it), unused by the bin.
//
//   node scripts/bundle.mjs [--no-cache]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'cli.js');
const BUNDLE = join(DIST, 'archplan.cjs');
/**
 * Two code caches, each written by one cold run: one for the commands that render plans (generate, check), one
 * for the rest (validate, formats, --version, ...), which would otherwise deserialize the renderers' code too
 * (a cache of everything costs validate about 2 ms more than its own).
 */
const CACHE = `${BUNDLE}.cache`;
const RENDER_CACHE = `${BUNDLE}.render.cache`;
/** The bin (package.json): the loader. */
const LOADER_FILE = join(DIST, 'cli.cjs');

/** tsc's entry, read before the loader replaces it (a rebuild without tsc bundles the kept copy). */
function entrySource() {
  const text = readFileSync(ENTRY, 'utf8');
  if (text.includes(LOADER_MARK)) {
    throw new Error('bundle: dist/cli.js is already the loader; run tsc first (npm run build does)');
  }
  return text;
}

/**
 * CommonJS has no top-level await: the entry's statements run inside an async function, its imports (tsc writes
 * each on one line) stay at the top.
 */
function wrapEntry(text) {
  const lines = text.replace(/^#!.*\n/, '').split('\n');
  const imports = lines.filter((l) => /^import\s/.test(l));
  const body = lines.filter((l) => !/^import\s/.test(l));
  return `${imports.join('\n')}\n(async () => {\n${body.join('\n')}\n})();\n`;
}

const VALIDATOR_LOADER = join(DIST, 'answers', 'schema-validator.js');
const VALIDATOR_REQUIRE = 'requireHere(file)';

/**
 * The precompiled answers validator goes into the bundle too, so the code cache covers it: the run-time
 * require of the file beside schema-validator.js becomes a require esbuild follows. Other files (tests pass
 * their own) still load at run time.
 */
function inlineValidator(text) {
  if (!text.includes(VALIDATOR_REQUIRE)) {
    throw new Error(`bundle: ${VALIDATOR_LOADER} no longer says ${VALIDATOR_REQUIRE}; update scripts/bundle.mjs`);
  }
  return text.replace(
    VALIDATOR_REQUIRE,
    `(file === './answers-validator.cjs' ? require('./answers-validator.cjs') : ${VALIDATOR_REQUIRE})`,
  );
}

const TEMPLATES_LOADER = join(DIST, 'render', 'template-files.js');
const TEMPLATES_REQUIRE = "requireHere('./templates-compiled.cjs')";

/** The precompiled templates (scripts/build-templates.mjs) go into the bundle too, for the code cache. */
function inlineTemplates(text) {
  if (!text.includes(TEMPLATES_REQUIRE)) {
    throw new Error(`bundle: ${TEMPLATES_LOADER} no longer says ${TEMPLATES_REQUIRE}; update scripts/bundle.mjs`);
  }
  return text.replace(TEMPLATES_REQUIRE, "require('./templates-compiled.cjs')");
}

/**
 * A package our code loads on first use (src/yaml-library.ts) is bundled too: each `loadPackage('<package>')`
 * becomes a require esbuild follows, which initialises the bundled package when first called.
 */
function bundlePackagesLoadedLater(text) {
  return text.replace(/\bloadPackage\('([^'./][^']*)'\)/g, "require('$1')");
}

/** True for our own compiled modules (dist/, outside node_modules). */
function isOurs(path) {
  const rel = relative(DIST, path);
  return !rel.startsWith('..') && !rel.split(sep).includes('node_modules');
}

/** Gives each of our compiled modules the import.meta.url it had before bundling. */
const keepModuleUrls = (entryText) => ({
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!isOurs(args.path)) return undefined;
      let text = args.path === ENTRY ? wrapEntry(entryText) : await readFile(args.path, 'utf8');
      if (args.path === VALIDATOR_LOADER) text = inlineValidator(text);
      if (args.path === TEMPLATES_LOADER) text = inlineTemplates(text);
      text = bundlePackagesLoadedLater(text);
      const fromBundle = relative(dirname(BUNDLE), args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, __archplanBundleUrl).href`;
      text = text.replaceAll('import.meta.url', url);
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

const LOADER_MARK = 'archplan bundle loader';

// The loader: CommonJS with Node built-ins only (an ES module entry costs Node's ESM loader, about 4 ms, and
// importing node:fs from one loads fs streams and fs/promises). The wrapper text must stay the same between the
// run that writes the cache and the runs that read it (V8 checks the source).
const LOADER = `#!/usr/bin/env node
// ${LOADER_MARK} (written by scripts/bundle.mjs): runs archplan.cjs, the whole CLI in one file, compiled with
// V8's code cache: archplan.cjs.render.cache for the commands that render plans, archplan.cjs.cache for the
// others. V8 itself checks only the source's length, so the cache starts with the bundle's first line, which
// names a hash of its content, and is used only when the two lines match. V8's data follows at a multiple of 8
// bytes: V8 copies cache data that is not aligned.
// ARCHPLAN_WRITE_CODE_CACHE is for the build only.
'use strict';
const { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script, constants } = require('node:vm');

const file = join(__dirname, 'archplan.cjs');
const renders = process.argv[2] === 'generate' || process.argv[2] === 'check';
const cacheFile = \`\${file}\${renders ? '.render' : ''}.cache\`;

/** Where V8's data starts in a cache file: after the bundle's first line, at a multiple of 8 (else V8 copies it). */
const dataStart = (id) => (id.length + 7) & ~7;

function openOrNull(path) {
  try {
    return openSync(path, 'r');
  } catch {
    return null; // No cache (or unreadable): V8 compiles as usual.
  }
}

function readAll(fd, size, buffer) {
  try {
    let n = 0;
    for (let r; n < size && (r = readSync(fd, buffer, n, size - n, n)) > 0; ) n += r;
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

// Both files are read into one buffer, the bundle's text copied out before the cache is read in: the second read
// then touches no new memory (each new page costs the kernel a fault, about 1.3 us here).
const bundleFd = openSync(file, 'r');
const cacheFd = openOrNull(cacheFile);
const bundleSize = fstatSync(bundleFd).size;
const cacheSize = cacheFd === null ? 0 : fstatSync(cacheFd).size;
const buffer = Buffer.allocUnsafeSlow(Math.max(bundleSize, cacheSize));
// The bundle is ASCII (the build checks it), so latin1 reads the same text without decoding UTF-8 (about 1 ms).
// It is the whole script, wrapper included: a text joined here would be copied whole again for V8.
const source = readAll(bundleFd, bundleSize, buffer).toString('latin1');
const id = source.slice(0, source.indexOf('\\n') + 1);
let cachedData;
if (cacheFd !== null) {
  try {
    const cache = readAll(cacheFd, cacheSize, buffer);
    if (cache.toString('latin1', 0, id.length) === id) cachedData = cache.subarray(dataStart(id));
  } catch {
    // Unreadable: V8 compiles as usual.
  }
}
const script = new Script(source, {
  filename: file,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (process.env.ARCHPLAN_WRITE_CODE_CACHE === cacheFile) {
  process.on('exit', () => {
    const tmp = \`\${cacheFile}.\${process.pid}.tmp\`;
    const header = Buffer.alloc(dataStart(id), 0x20);
    header.write(id, 'latin1');
    writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
    renameSync(tmp, cacheFile);
  });
}
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle, file, __dirname);
`;

/** dist/cli.js stays an entry too (`node dist/cli.js`), handing over to the loader. */
const ESM_ENTRY = `#!/usr/bin/env node
// ${LOADER_MARK}: the ES module entry \`node dist/cli.js\` runs the CommonJS loader cli.cjs (the bin, faster to start).
import './cli.cjs';
`;

/**
 * chalk probes the terminal at its import (supports-color: environment, tty, OS release) for its default
 * instances, which archplan never uses: src/commands/io.ts decides the colour level itself and passes it to
 * new Chalk({ level }). The probe cost about 1.5 ms of every run; in the bundle it finds no colour support.
 */
const noColorProbe = {
  name: 'no-color-probe',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.split(sep).includes('chalk') ? { path: 'supports-color', namespace: 'archplan-no-color-probe' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'archplan-no-color-probe' }, () => ({
      contents: 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process at its top, for subcommands run as separate programs, which archplan
 * has none of: loading it cost about 2.5 ms of every run. It is required when first used instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.split(sep).includes('commander') ? { path: 'child_process', namespace: 'archplan-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'archplan-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * Our modules import createRequire from node:module (schema-validator.ts, template-files.ts), which the bundle
 * calls only for files it does not carry (the two it loads are inlined above). Loading node:module (and the ES
 * module loader it requires) cost about 1 M instructions of every run: it is required when createRequire is first
 * called.
 */
const lazyNodeModule = {
  name: 'lazy-node-module',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, (args) =>
      isOurs(args.importer) ? { path: 'module', namespace: 'archplan-lazy-module' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'archplan-lazy-module' }, () => ({
      contents: "export function createRequire(url) { return require('node:module').createRequire(url); }",
      loader: 'js',
    }));
  },
};

const entryText = entrySource();
const bundled = await build({
  entryPoints: [ENTRY],
  outfile: BUNDLE,
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['@inquirer/prompts'],
  // import() becomes require(): a script compiled with a code cache cannot import() without an experimental
  // flag. @inquirer/prompts ships CommonJS too.
  supported: { 'dynamic-import': false },
  banner: { js: "const __archplanBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  // Names too: a quarter less text to read and copy at every start (about 1 ms), and a smaller code cache. The
  // source map written beside the bundle names the originals again (scripts/stack.mjs, for --debug's traces).
  minifyIdentifiers: true,
  sourcemap: 'external',
  sourcesContent: false,
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
  absWorkingDir: ROOT,
  plugins: [keepModuleUrls(entryText), lazyChildProcess, lazyNodeModule, noColorProbe],
});
// The first line names the content, for the loader to match the cache against (see LOADER).
const code = bundled.outputFiles.find((f) => f.path === BUNDLE).text;
const sourceMap = JSON.parse(bundled.outputFiles.find((f) => f.path === `${BUNDLE}.map`).text);
// The loader reads the bundle as latin1 (faster than UTF-8): esbuild's ASCII charset escapes every other character.
const nonAscii = /[^\x00-\x7f]/.exec(code);
if (nonAscii) throw new Error(`bundle: a character outside ASCII (${JSON.stringify(nonAscii[0])}) at ${nonAscii.index}; the loader reads latin1`);
const hash = createHash('sha256').update(code).digest('hex');
// Written whole through a temporary file: builds running side by side never leave a torn bundle.
const tmp = `${BUNDLE}.${process.pid}.tmp`;
writeFileSync(tmp, `// archplan bundle ${hash}\n(function (exports, require, module, __filename, __dirname) {${code}\n})`);
renameSync(tmp, BUNDLE);
// The map's lines move down one, for the first line above (the wrapper before the code's first line shifts only
// that line's columns, esbuild's helpers).
sourceMap.mappings = `;${sourceMap.mappings}`;
writeFileSync(`${tmp}.map`, JSON.stringify(sourceMap));
renameSync(`${tmp}.map`, `${BUNDLE}.map`);
writeFileSync(LOADER_FILE, LOADER);
chmodSync(LOADER_FILE, 0o755);
writeFileSync(ENTRY, ESM_ENTRY);
chmodSync(ENTRY, 0o755);
rmSync(CACHE, { force: true });
rmSync(RENDER_CACHE, { force: true });

/** Runs the new bundle once with `args`, which writes `cache` at its exit. A failing run only means a smaller cache. */
function writeCache(cache, args) {
  const out = mkdtempSync(join(tmpdir(), 'archplan-cache-'));
  try {
    spawnSync(process.execPath, [LOADER_FILE, ...args(out)], {
      cwd: ROOT,
      env: { ...process.env, ARCHPLAN_WRITE_CODE_CACHE: cache, NO_COLOR: '1' },
      stdio: 'ignore',
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The answers the caches are written with: the payments example with one error declared and never used. Its
 * warning makes the run place and print a problem, so that code is in the caches too, for the many runs that
 * report one; a run without deserialises it (a few KB) but never runs it. The readers of files the everyday-shape
 * reader declines (js-yaml, the strict loader) stay out: in the caches, their code cost every run more than it
 * saves the runs that need it (docs/performance.md).
 */
function cacheAnswers(dir) {
  const text = readFileSync(join(ROOT, 'examples', 'payments.yaml'), 'utf8');
  const file = join(dir, 'payments.yaml');
  writeFileSync(file, text.replace(/^errors:\n/m, 'errors:\n  - { name: CodeCacheWarmUp, status: 409, message: Declared and never used }\n'));
  return file;
}

if (!process.argv.includes('--no-cache')) {
  const dir = mkdtempSync(join(tmpdir(), 'archplan-cache-answers-'));
  try {
    const answers = cacheAnswers(dir);
    // Each run is cold (no cache yet for its kind of command), so each cache holds only what its commands compile.
    writeCache(RENDER_CACHE, (out) => ['generate', answers, '--format', 'all', '--out', out]);
    writeCache(CACHE, () => ['validate', answers]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
