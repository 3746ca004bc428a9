// The answers files the tests hold every loader and rule to: the bundled examples and the test fixtures.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every `.yaml` (and `.yml`) file under `dir`, at any depth. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return f.endsWith('.yaml') || f.endsWith('.yml') ? [path] : [];
  });
}

/** The examples and the fixtures (valid or not). */
export function answersFiles(): string[] {
  return [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests/fixtures'))];
}
