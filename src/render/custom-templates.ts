// A team's own templates: a folder with one subfolder per format. A subfolder named after a built-in format
// overrides that format's templates (its main.eta at least); any other subfolder is a new format described by a
// format.yaml; `partials/` adds or overrides shared partials. Templates are code: only this module reads them, it
// never follows a link, and every include resolves against the fixed map of templates loaded here.

import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { yamlLibrary } from '../yaml-library.js';
import { TemplateError } from '../errors.js';
import type { TemplateSource } from './engine.js';
import { templateFormat, type FormatDef } from './formats.js';
import type { CommentStyle } from './marker.js';

/** What format.yaml says about a new format. */
export interface FormatManifest {
  /** Output file name inside the output folder (plain name, no folders). */
  file: string;
  /** The template rendered for the file, relative to the format's folder (default `main.eta`). */
  entry: string;
  /** Comment syntax of the marker line; default from the file's extension (.md, .yaml/.yml, .sql). */
  comment: CommentStyle;
  /** One line for `archplan formats` (default: "custom format"). */
  summary: string;
}

export interface CustomFormat {
  def: FormatDef;
  /** The folder it comes from, as shown to the user. */
  source: string;
}

export interface CustomTemplates {
  /** The templates folder as shown to the user. */
  dir: string;
  /** Every template in it, named `@<folder>/<path without .eta>`. */
  templates: TemplateSource[];
  /** New formats, sorted by name. */
  formats: CustomFormat[];
  /** Built-in formats this folder overrides, with the overriding folder. */
  overrides: { name: string; source: string }[];
}

const FORMAT_NAME = /^[a-z0-9][a-z0-9-]*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MANIFEST_KEYS = ['file', 'entry', 'comment', 'summary', 'model'];
const MAX_TEMPLATE_BYTES = 1_000_000;

function fail(message: string): never {
  throw new TemplateError(message);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads a templates folder. `shown` is how paths appear in messages (relative to the working folder).
 * `builtins` are the built-in formats: a folder with one of their names overrides it.
 */
export function loadCustomTemplates(dir: string, shown: string, builtins: readonly FormatDef[]): CustomTemplates {
  let root;
  try {
    root = statSync(dir);
  } catch {
    fail(`${shown}: the templates folder does not exist`);
  }
  if (!root.isDirectory()) fail(`${shown}: the templates folder is not a folder`);
  const show = (path: string) => (relative(dir, path) ? join(shown, relative(dir, path)) : shown).split(sep).join('/');

  const templates: TemplateSource[] = [];
  const formats: CustomFormat[] = [];
  const overrides: { name: string; source: string }[] = [];
  const files = new Map(builtins.map((f) => [f.file, `the built-in format ${f.name}`]));

  for (const entry of listSorted(dir, show)) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) continue; // a README beside the folders is fine
    const name = entry.name;
    if (!FORMAT_NAME.test(name)) fail(`${show(path)}: a format folder is named in lower case letters, digits and dashes`);
    const etaFiles = listEta(path, show);
    const folderTemplates = etaFiles.map((p) => readTemplate(dir, p, show));
    templates.push(...folderTemplates);
    if (name === 'partials') continue;

    const manifestPath = join(path, 'format.yaml');
    const hasManifest = existsAsFile(manifestPath, show);
    const builtin = builtins.find((f) => f.name === name);
    if (builtin) {
      if (!builtin.template) fail(`${show(path)}: ${name} is rendered by code, not by templates, so a folder cannot override it; give your format another name and a format.yaml`);
      if (hasManifest) fail(`${show(manifestPath)}: ${name} is a built-in format; its folder overrides templates only (its file and marker stay), so it takes no format.yaml`);
      if (!folderTemplates.some((t) => t.name === builtin.template)) {
        fail(`${show(path)}: a folder named after the built-in format ${name} overrides it and needs its ${builtin.template.slice(name.length + 2)}.eta`);
      }
      overrides.push({ name, source: show(path) });
      continue;
    }
    if (!hasManifest) fail(`${show(path)}: a new format needs a format.yaml (file, and optionally entry, comment, summary)`);
    const manifest = readManifest(manifestPath, show(manifestPath));
    const entryName = `@${name}/${manifest.entry.replace(/\.eta$/, '')}`;
    if (!folderTemplates.some((t) => t.name === entryName)) fail(`${show(manifestPath)}: entry ${manifest.entry} is not a template in ${show(path)}`);
    const taken = files.get(manifest.file);
    if (taken) fail(`${show(manifestPath)}: file ${manifest.file} is already written by ${taken}`);
    files.set(manifest.file, `the custom format ${name}`);
    formats.push({
      def: templateFormat({
        name,
        file: manifest.file,
        seed: 'custom',
        summary: manifest.summary,
        comment: manifest.comment,
        entry: entryName,
      }),
      source: show(path),
    });
  }
  return { dir: shown, templates, formats, overrides };
}

/** Entries sorted by name; a link anywhere in the folder is refused, so no template comes from outside it. */
function listSorted(dir: string, show: (p: string) => string) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    fail(`${show(dir)}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  for (const e of entries) {
    if (e.isSymbolicLink()) {
      fail(`${show(join(dir, e.name))}: is a symbolic link; links are refused in a templates folder, so that every template is inside it`);
    }
  }
  return [...entries].sort((a, b) => byName(a.name, b.name));
}

function listEta(dir: string, show: (p: string) => string): string[] {
  const out: string[] = [];
  for (const e of listSorted(dir, show)) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...listEta(path, show));
    else if (e.isFile() && e.name.endsWith('.eta')) out.push(path);
  }
  return out;
}

function existsAsFile(path: string, show: (p: string) => string): boolean {
  try {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) fail(`${show(path)}: is a symbolic link; links are refused in a templates folder`);
    return st.isFile();
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    return false;
  }
}

function readText(path: string, shown: string): string {
  const bytes = readFileSync(path);
  if (bytes.length > MAX_TEMPLATE_BYTES) fail(`${shown}: larger than ${MAX_TEMPLATE_BYTES} bytes; is it a template?`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail(`${shown}: not UTF-8 text`);
  }
}

function readTemplate(root: string, path: string, show: (p: string) => string): TemplateSource {
  const rel = relative(root, path).split(sep).join('/').replace(/\.eta$/, '');
  return { name: `@${rel}`, path: show(path), text: readText(path, show(path)) };
}

const COMMENT_BY_EXTENSION: Record<string, CommentStyle> = { md: 'markdown', markdown: 'markdown', yaml: 'yaml', yml: 'yaml', sql: 'sql' };

/** format.yaml, loaded strictly (YAML 1.2 core schema, no duplicate keys; an alias is not text), every key checked. */
export function parseManifest(text: string, shown: string): FormatManifest {
  const { isMap, isScalar, parseDocument } = yamlLibrary();
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const at = (range: readonly number[] | null | undefined) => {
    const offset = range?.[0] ?? 0;
    const before = text.slice(0, offset).split('\n');
    return `${shown}:${before.length}:${(before[before.length - 1] ?? '').length + 1}`;
  };
  const first = doc.errors[0];
  if (first) fail(`${at(first.pos)}: ${first.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) fail(`${shown}:1:1: a format.yaml is a mapping (file:, entry:, comment:, summary:)`);
  const values = new Map<string, { value: string; where: string }>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const where = at(isScalar(pair.key) ? pair.key.range : null);
    if (!MANIFEST_KEYS.includes(key)) fail(`${where}: unknown key "${key}"; a format.yaml has ${MANIFEST_KEYS.join(', ')}`);
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') fail(`${where}: ${key} is text`);
    values.set(key, { value: pair.value.value, where });
  }
  const file = values.get('file');
  if (!file) fail(`${shown}:1:1: file is required: the name of the file the format writes, such as handoff.md`);
  if (!FILE_NAME.test(file.value) || file.value.includes('..')) {
    fail(`${file.where}: file is a plain file name (letters, digits, dots, dashes, underscores; no folders)`);
  }
  const entry = values.get('entry')?.value ?? 'main.eta';
  if (!entry.endsWith('.eta') || entry.split('/').some((s) => s === '..' || s === '' || s === '.') || entry.startsWith('/')) {
    fail(`${values.get('entry')?.where ?? shown}: entry is a .eta file inside the format's folder, such as main.eta`);
  }
  const model = values.get('model');
  if (model && model.value !== 'resolved') fail(`${model.where}: model is "resolved", the one model templates read (see docs/templates.md)`);
  const commentValue = values.get('comment');
  let comment: CommentStyle | undefined;
  if (commentValue) {
    if (!['markdown', 'yaml', 'sql'].includes(commentValue.value)) fail(`${commentValue.where}: comment is markdown, yaml or sql`);
    comment = commentValue.value as CommentStyle;
  } else {
    comment = COMMENT_BY_EXTENSION[file.value.split('.').pop()?.toLowerCase() ?? ''];
    if (!comment) fail(`${file.where}: comment is required for ${file.value} (markdown, yaml or sql: the syntax of the marker line)`);
  }
  return { file: file.value, entry, comment, summary: values.get('summary')?.value.replace(/\s+/g, ' ').trim() || 'custom format' };
}

function readManifest(path: string, shown: string): FormatManifest {
  return parseManifest(readText(path, shown), shown);
}
