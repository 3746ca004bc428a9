// readTemplates joins the paths of the built-in templates itself (see listEta): the names, paths and texts it
// gives are those node:path's join and relative give, for every way of naming the root and the folders.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../../src/render/template-files.js';

/** What readTemplates gave when every path went through join and relative (its specification). */
function viaNodePath(root: string, folders: readonly string[]): { name: string; path: string; text: string }[] {
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : e.isFile() && e.name.endsWith('.eta') ? [join(dir, e.name)] : []));
  return folders.flatMap((folder) =>
    list(join(root, folder)).map((path) => ({
      name: `@${relative(root, path).split(sep).join('/').replace(/\.eta$/, '')}`,
      path: relative(process.cwd(), path) || path,
      text: readFileSync(path, 'utf8'),
    })),
  );
}

describe('readTemplates', () => {
  const roots = [BUILTIN_TEMPLATES_DIR, BUILTIN_TEMPLATES_DIR.replace(/\/$/, ''), `${BUILTIN_TEMPLATES_DIR}../templates/`, relative(process.cwd(), BUILTIN_TEMPLATES_DIR)];
  const folderSets = [['partials', 'six-phase', 'blueprint'], ['./partials', 'architect-doc/', 'summary/../verification'], ['.']];
  test.each(roots.flatMap((root) => folderSets.map((folders) => [root, folders] as const)))('%s with %j', (root, folders) => {
    const got = readTemplates(root, folders).map(({ name, path, text }) => ({ name, path, text }));
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(viaNodePath(root, folders));
  });
});
