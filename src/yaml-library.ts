// The yaml package, loaded when first used. Most runs never use it: the everyday-shape reader reads the answers
// (the strict loader, which keeps every position, runs only to place a problem or for a file that reader
// declines), and yaml-scalar.ts writes the OpenAPI document's everyday texts. Loading it costs a run about 1 ms
// (docs/performance.md). In the bundled CLI each `loadPackage('<package>')` becomes a require of the bundled
// package (scripts/bundle.mjs), so the package is still in the bundle and its code cache.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type * as YamlUtil from 'yaml/util';

let nodeRequire: NodeJS.Require | undefined;
const loadPackage = (id: string): unknown => (nodeRequire ??= createRequire(import.meta.url))(id);

let library: typeof Yaml | undefined;
let util: typeof YamlUtil | undefined;

/** The yaml package. */
export const yamlLibrary = (): typeof Yaml => (library ??= loadPackage('yaml') as typeof Yaml);

/** yaml/util: the package's own writers of scalars. */
export const yamlUtil = (): typeof YamlUtil => (util ??= loadPackage('yaml/util') as typeof YamlUtil);
