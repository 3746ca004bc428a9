// The one place the render stage touches the file system: reading template texts from a templates folder.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyRequire } from '../lazy-require.js';
import type { CompiledTemplate, TemplateSource } from './engine.js';

/** The built-in templates folder (two levels up from src/render or dist/render). */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The built-in templates: every `*.eta` under `root/<folder>/` for the given folders, named
 * `@<folder>/<path without .eta>`, streaming (see STREAMING in engine.ts), with the precompiled function of a
 * built-in template whose text it has (see precompiledTemplates). A user's templates are read by custom-templates.ts.
 */
export function readTemplates(root: string, folders: readonly string[]): TemplateSource[] {
  const sources: TemplateSource[] = [];
  const precompiled = precompiledTemplates();
  const rootDir = join(root, '.');
  for (const folder of folders) {
    const dir = isEntryName(folder) ? inside(rootDir, folder) : join(root, folder);
    const named = isEntryName(folder) ? folder : relative(root, dir).split(sep).join('/');
    for (const { path, within } of listEta(dir)) {
      const name = `@${named === '' ? within : `${named}/${within}`}`.replace(/\.eta$/, '');
      const text = readFileSync(path, 'utf8');
      const found = precompiled && Object.hasOwn(precompiled, name) ? precompiled[name] : undefined;
      sources.push({
        name,
        // Worked out only for a message about the template.
        get path() {
          return relative(process.cwd(), path) || path;
        },
        text,
        streams: true,
        ...(found?.text === text ? { compiled: found.render } : {}),
      });
    }
  }
  return sources;
}

// The bundled CLI requires the compiled templates directly (scripts/bundle.mjs).
const requireHere = lazyRequire(import.meta.url);
let precompiled: Record<string, { text: string; render: CompiledTemplate }> | null | undefined;

/**
 * The built-in templates compiled at build time (dist/render/templates-compiled.cjs, by
 * scripts/build-templates.mjs), each with the text it was compiled from; null without that file (tests run from
 * src/) or when it cannot be loaded. Loaded once.
 */
function precompiledTemplates(): Record<string, { text: string; render: CompiledTemplate }> | null {
  if (precompiled === undefined) {
    try {
      precompiled = requireHere('./templates-compiled.cjs') as Record<string, { text: string; render: CompiledTemplate }>;
    } catch {
      // Missing (tests run from src/) or unreadable (a build stopped halfway): every template is compiled from its
      // text instead. A bad file must cost time only, and never stop the next build, which reads templates here.
      precompiled = null;
    }
  }
  return precompiled;
}

/** A folder entry's name: one path segment, not `.` or `..`. */
function isEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes(sep);
}

/** join(dir, name) for a normalised `dir` and an entry name, without normalising again. */
function inside(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/**
 * The `.eta` files under the normalised folder `dir`, sorted, each with its path and its path within `dir`
 * ('/'-separated). Paths are joined here (`inside`), not by node:path, whose normalising loop, run on every path
 * of every template, gets optimised by V8 when the install folder's path is long: milliseconds of a run.
 */
function listEta(dir: string, within = ''): { path: string; within: string }[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: { path: string; within: string }[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = inside(dir, e.name);
    if (e.isDirectory()) out.push(...listEta(path, `${within}${e.name}/`));
    else if (e.isFile() && e.name.endsWith('.eta')) out.push({ path, within: within + e.name });
  }
  return out;
}
