// The YAML packages, each loaded when first used. Most runs use neither: the everyday-shape reader reads (and
// places) the answers, and yaml-scalar.ts writes the OpenAPI document's everyday texts. js-yaml reads a file that
// reader declines; the yaml package's strict loader one that js-yaml declines too, and its writer an unusual text.
// Loading the yaml package costs a run about 1 ms (docs/performance.md). In the bundled CLI each
// `loadPackage('<package>')` becomes a require of the bundled package (scripts/bundle.mjs), so the packages are
// still in the bundle.

import type * as Yaml from 'yaml';
import type * as YamlUtil from 'yaml/util';
import type * as JsYaml from 'js-yaml';
import { lazyRequire } from './lazy-require.js';

const loadPackage = lazyRequire(import.meta.url);

let library: typeof Yaml | undefined;
let util: typeof YamlUtil | undefined;
let jsYaml: typeof JsYaml | undefined;

/** The yaml package. */
export const yamlLibrary = (): typeof Yaml => (library ??= loadPackage('yaml') as typeof Yaml);

/** yaml/util: the package's own writers of scalars. */
export const yamlUtil = (): typeof YamlUtil => (util ??= loadPackage('yaml/util') as typeof YamlUtil);

/** js-yaml. */
export const jsYamlLibrary = (): typeof JsYaml => (jsYaml ??= loadPackage('js-yaml') as typeof JsYaml);
