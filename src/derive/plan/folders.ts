// The project's folder tree and tooling (seed 002's folder structure), from the catalog's layouts. Pure.
// Rules (docs/rules.md, "Folder structure"):
// - DIR-1 the layout of stack.language and stack.framework (catalog/folders.ts), entries that do not apply to
//   the stack (queue, IaC, relational migrations, Lambda entry point) left out.
// - DIR-2 one folder per module (its entities named; a service per module for microservices), one per
//   integration, named in the language's idiom.
// - DIR-3 every parent folder is listed, children right after their parent, in layout order.
// - DIR-5 microservices with two or more deployables (INFRA-3): one deployable per service under services/,
//   each with its own entry point, configuration, manifest, image or unit, migrations or schema of its own
//   data, API contract and tests; the events' shared contracts when a queue carries them; IaC at the root. A
//   service that owns no data gets no database client, migrations or schema, and no repository, models,
//   real-database tests or outbox in its entries' purposes (the catalog's `noData` purposes).

import { toKebab } from '../../answers/names.js';
import { folderStructure, microservicesStructure, tooling, type Deployable, type FolderEntry, type Tooling } from '../catalog/folders.js';
import type { Model, PublishedEvent, Service } from '../model.js';
import { storageTerms } from './storage.js';

export type { Deployable };

export interface ProjectLayout {
  /** Tree order: each parent before its children; folders end with `/`. */
  folders: FolderEntry[];
  tooling: Tooling;
  /** DIR-5: the deployables of a microservices system, in module order then entity-less services; [] otherwise (one application). */
  deployables: Deployable[];
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

/**
 * DIR-5: what runs on its own under `architecture: microservices`: each module (answer order), then each
 * service of entity-less endpoints (SVC-1) as one of its own; [] for any other architecture or when fewer
 * than two would run (one service has nothing to split). Linear: services, entities and events read once.
 */
export function deployables(m: Pick<Model, 'stack' | 'modules' | 'integrations' | 'entities'>, services: readonly Service[], events: readonly PublishedEvent[]): Deployable[] {
  if (m.stack.architecture !== 'microservices') return [];
  const moduleNames = new Set(m.modules.map((mod) => mod.name));
  const loose = services.filter((s) => !moduleNames.has(s.module));
  if (m.modules.length + loose.length < 2) return [];
  const nameOfService = new Map<string, string>();
  for (const s of services) nameOfService.set(s.name, s.module);
  const looseName = (s: Service): string => toKebab(s.name.replace(/Service$/, '')) || toKebab(s.name);
  for (const s of loose) nameOfService.set(s.name, looseName(s));
  const graphLike = m.stack.database === 'dynamodb' || m.stack.database === 'neo4j';
  const containerOf = new Map(m.entities.map((e) => [e.name, graphLike ? e.name : e.table]));
  const integrationRank = new Map(m.integrations.map((x, k) => [x.name, k]));
  const units: Deployable[] = [
    ...m.modules.map((mod) => ({ name: mod.name, entities: [...mod.entities], services: [], owned: mod.entities.map((e) => containerOf.get(e) ?? e), integrations: [], calls: [], publishes: [] })),
    ...loose.map((s) => ({ name: looseName(s), entities: [], services: [], owned: [], integrations: [], calls: [], publishes: [] })),
  ];
  const rank = new Map(units.map((u, k) => [u.name, k]));
  const byName = new Map(units.map((u) => [u.name, u as Deployable]));
  const integrations = new Map<string, Set<string>>();
  const calls = new Map<string, Set<string>>();
  for (const s of services) {
    const home = nameOfService.get(s.name) ?? '';
    const unit = byName.get(home);
    if (!unit) continue;
    unit.services.push(s.name);
    for (const dep of s.dependencies) {
      if (integrationRank.has(dep)) (integrations.get(home) ?? integrations.set(home, new Set()).get(home)!).add(dep);
      const other = nameOfService.get(dep);
      if (other !== undefined && other !== home && byName.has(other)) (calls.get(home) ?? calls.set(home, new Set()).get(home)!).add(other);
    }
  }
  const published = new Set<string>();
  for (const e of events) {
    const home = nameOfService.get(e.service) ?? '';
    const u = byName.get(home);
    if (u && !published.has(`${home} ${e.name}`)) {
      published.add(`${home} ${e.name}`);
      u.publishes.push(e.name);
    }
  }
  for (const u of units) {
    u.integrations = [...(integrations.get(u.name) ?? [])].sort((a, b) => integrationRank.get(a)! - integrationRank.get(b)!);
    u.calls = [...(calls.get(u.name) ?? [])].sort((a, b) => rank.get(a)! - rank.get(b)!);
  }
  return units;
}

/** DIR-1 .. DIR-3, and DIR-5 when there are deployables. */
export function projectLayout(m: Pick<Model, 'stack' | 'modules' | 'integrations'>, units: readonly Deployable[] = []): ProjectLayout {
  const folders = units.length > 0
    ? microservicesStructure(m.stack, units, storageTerms(m.stack.database).containers, m.integrations)
    : folderStructure(m.stack, m.modules, m.integrations.map((i) => i.name), m.integrations);
  return { folders: treeOrder(folders), tooling: tooling(m.stack), deployables: [...units] };
}
