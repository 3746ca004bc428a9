// The project's folder tree and tooling (seed 002's folder structure), from the catalog's layouts. Pure.
// Rules (docs/rules.md, "Folder structure"):
// - DIR-1 the layout of stack.language and stack.framework (catalog/folders.ts), entries that do not apply to
//   the stack (queue, IaC, relational migrations, Lambda entry point) left out.
// - DIR-2 one folder per module (its entities named; a service per module for microservices), one per
//   integration, named in the language's idiom.
// - DIR-3 every parent folder is listed, children right after their parent, in layout order.

import { folderStructure, tooling, type FolderEntry, type Tooling } from '../catalog/folders.js';
import type { Model } from '../model.js';

export interface ProjectLayout {
  /** Tree order: each parent before its children; folders end with `/`. */
  folders: FolderEntry[];
  tooling: Tooling;
}

function parents(path: string): string[] {
  const parts = path.replace(/\/$/, '').split('/');
  return parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

/** DIR-3: missing parents added; children grouped under their parent, first-seen order kept. */
export function treeOrder(entries: readonly FolderEntry[]): FolderEntry[] {
  const byPath = new Map<string, FolderEntry>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const add = (e: FolderEntry): void => {
    if (byPath.has(e.path)) {
      const known = byPath.get(e.path)!;
      if (known.purpose === '' && e.purpose !== '') known.purpose = e.purpose;
      return;
    }
    byPath.set(e.path, { ...e });
    const up = parents(e.path);
    const parent = up[up.length - 1];
    if (parent === undefined) roots.push(e.path);
    else {
      if (!byPath.has(parent)) add({ path: parent, purpose: '' });
      const list = children.get(parent) ?? [];
      list.push(e.path);
      children.set(parent, list);
    }
  };
  for (const e of entries) add(e);
  const out: FolderEntry[] = [];
  const walk = (path: string): void => {
    out.push(byPath.get(path)!);
    for (const c of children.get(path) ?? []) walk(c);
  };
  for (const r of roots) walk(r);
  return out;
}

/** DIR-1 .. DIR-3. */
export function projectLayout(m: Pick<Model, 'stack' | 'modules' | 'integrations'>): ProjectLayout {
  return {
    folders: treeOrder(folderStructure(m.stack, m.modules, m.integrations.map((i) => i.name), m.integrations)),
    tooling: tooling(m.stack),
  };
}
