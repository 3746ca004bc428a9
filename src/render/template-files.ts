// The one place the render stage touches the file system: reading template texts from a templates folder.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSource } from './engine.js';

/** The built-in templates folder (two levels up from src/render or dist/render). */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every `*.eta` under `root/<folder>/` for the given folders, named `@<folder>/<path without .eta>`. */
export function readTemplates(root: string, folders: readonly string[]): TemplateSource[] {
  const sources: TemplateSource[] = [];
  for (const folder of folders) {
    const dir = join(root, folder);
    for (const path of listEta(dir)) {
      const rel = relative(root, path).split(sep).join('/').replace(/\.eta$/, '');
      sources.push({ name: `@${rel}`, path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') });
    }
  }
  return sources;
}

function listEta(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...listEta(path));
    else if (e.isFile() && e.name.endsWith('.eta')) out.push(path);
  }
  return out;
}
