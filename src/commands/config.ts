// The optional project config, archplan.config.yaml in the working folder, and the templates folder a command
// uses. Templates are code, so where the folder was named decides whether it may run: typed on the command line
// (--templates DIR) is the user's consent; named only in the config file, it runs with --trust-templates only,
// so a pull request that adds a config file cannot make CI run its templates.

import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { yamlLibrary } from '../yaml-library.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import type { Io } from './io.js';

export const CONFIG_FILE = 'archplan.config.yaml';

export interface ProjectConfig {
  /** The templates folder, resolved against the config file's folder; undefined when the file names none. */
  templates?: string;
}

export interface TemplateOptions {
  /** --templates DIR */
  templates?: string;
  /** --trust-templates */
  trustTemplates?: boolean;
}

export interface TemplatesFolder {
  /** Absolute path. */
  dir: string;
  /** As shown in messages: relative to the working folder. */
  shown: string;
  from: 'command line' | 'config file';
}

function problem(text: string, offset: number, message: string): Problem {
  const before = text.slice(0, offset).split('\n');
  return { file: CONFIG_FILE, line: before.length, col: (before[before.length - 1] ?? '').length + 1, path: '', message, severity: 'error' };
}

/** Parses the config text: YAML 1.2 core schema, no duplicate keys, only known keys. */
export function parseConfig(text: string, configDir: string): ProjectConfig {
  const { isMap, isScalar, parseDocument } = yamlLibrary();
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const invalid = (p: Problem) => new InvalidInputError(`${CONFIG_FILE} is not valid`, [p]);
  const first = doc.errors[0];
  if (first) throw invalid(problem(text, first.pos[0], first.message.split('\n')[0] ?? 'cannot parse'));
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw invalid(problem(text, 0, 'the config is a mapping, such as `templates: plan-templates`'));
  const config: ProjectConfig = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
    if (key !== 'templates') throw invalid({ ...problem(text, offset, `unknown key "${key}"; the config has: templates`), path: key });
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string' || pair.value.value === '') {
      throw invalid({ ...problem(text, offset, 'templates is the path of a templates folder'), path: key });
    }
    config.templates = resolve(configDir, pair.value.value);
  }
  return config;
}

/** archplan.config.yaml of the working folder, or {} when there is none. */
export function loadProjectConfig(cwd: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, CONFIG_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`cannot read ${CONFIG_FILE}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseConfig(text, cwd);
}

function shown(cwd: string, dir: string): string {
  return (relative(cwd, dir) || '.').split(sep).join('/');
}

/**
 * The templates folder to use, or null for the built-in templates only. With `listing` (archplan formats, which
 * reads the folder but runs nothing), an untrusted config folder is returned too, marked as from the config.
 */
export function templatesFolder(options: TemplateOptions, io: Pick<Io, 'cwd'>, listing = false): TemplatesFolder | null {
  if (options.templates !== undefined) {
    const dir = resolve(io.cwd, options.templates);
    // A folder named on the command line that is not there is wrong usage, as a missing answers or context file is.
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) throw new UsageError(`cannot read the templates folder ${options.templates}: no such folder`);
    if (!stat.isDirectory()) throw new UsageError(`cannot read the templates folder ${options.templates}: it is a file; name the folder that holds the templates`);
    return { dir, shown: shown(io.cwd, dir), from: 'command line' };
  }
  const config = loadProjectConfig(io.cwd);
  if (config.templates === undefined) return null;
  const folder: TemplatesFolder = { dir: config.templates, shown: shown(io.cwd, config.templates), from: 'config file' };
  if (options.trustTemplates || listing) return folder;
  throw new UsageError(
    `${CONFIG_FILE} names the templates folder ${folder.shown}, and templates are code that archplan runs. ` +
      `A folder named only in the config file is used with --trust-templates, so that a change to the config alone ` +
      `cannot make archplan (or CI) run new code. Add --trust-templates if you trust ${folder.shown}, or name it with --templates ${folder.shown}.`,
  );
}
