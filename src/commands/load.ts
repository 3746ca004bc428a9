// Reading the answers file and resolving it: the I/O edge around the pure pipeline of src/core.ts.

import { basename } from 'node:path';
import { loadYaml } from '../answers/load.js';
import { toKebab } from '../answers/names.js';
import { validateName } from '../answers/validate-name.js';
import { resolveAnswers } from '../core.js';
import type { Model } from '../derive/model.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { readInputFile } from './read-input.js';

export { readInputFile } from './read-input.js';

export interface Loaded {
  model: Model;
  /** Warnings only (errors throw). */
  problems: Problem[];
}

/**
 * Invalid input met on the way to the plans (the answers, a context file), with the plans folder they were for:
 * `check --json` reports it, and, for answers too broken to resolve, derives it from the bytes already read
 * rather than reading the file again.
 */
export class PlansInputError extends InvalidInputError {
  constructor(
    message: string,
    problems: Problem[],
    /** plans/<slug> as generate would derive it, or '' when it cannot be known. */
    readonly outDir: () => string,
  ) {
    super(message, problems);
  }
}

/** Reads, validates and resolves; throws PlansInputError with every problem when the answers are invalid. */
export function loadModel(file: string, cwd: string): Loaded {
  const bytes = readInputFile(file, cwd);
  const { model, problems } = resolveAnswers(bytes, file, basename(file));
  if (!model) throw new PlansInputError(`${file} is not valid`, problems, () => defaultOutDir(bytes));
  return { model, problems };
}

/**
 * plans/<slug> of answers too broken to resolve, when the slug can still be known as generate would derive it
 * (a valid project.slug, or the project name in kebab-case); '' when it cannot.
 */
function defaultOutDir(bytes: Uint8Array): string {
  const loaded = loadYaml(bytes);
  // A file that does not load cleanly has gaps: its name cannot be trusted.
  if (loaded.issues.length > 0) return '';
  const project = (loaded.value as { project?: unknown } | null | undefined)?.project;
  if (project === null || typeof project !== 'object' || Array.isArray(project)) return '';
  const { slug, name } = project as { slug?: unknown; name?: unknown };
  if (Object.hasOwn(project, 'slug')) return typeof slug === 'string' && validateName('slug', slug) === null ? `plans/${slug}` : '';
  const fits = typeof name === 'string' && name !== '' && [...name].length <= 100; // the schema's project.name
  return fits ? `plans/${toKebab(name) || 'project'}` : '';
}
