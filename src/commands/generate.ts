// archplan generate <answers>: validate, resolve, render, write atomically (or, with --dry-run, only say what
// writing would do).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../answers/limits.js';
import { InvalidInputError, OutputError, TemplateError, type Problem } from '../errors.js';
import { applyWrites, planWrites, type PlannedWrite } from '../output/write.js';
import { createRenderer, type TemplateSource } from '../render/engine.js';
import { BUILTIN_FORMATS, type FormatDef } from '../render/formats.js';
import { applyingFormats, planFiles, type PlanFile } from '../render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../render/template-files.js';
import { conflictCommand, problemCommand, templateErrorCommand } from '../reporters/github.js';
import { problemLine } from '../reporters/text.js';
import type { TemplateOptions } from './config.js';
import { colors, print, type Io } from './io.js';
import { loadModel, PlansInputError, readInputFile } from './load.js';
import { formatRegistry, type FormatRegistry } from './registry.js';
import { selectFormats } from './select-formats.js';
import type { Model } from '../derive/model.js';

export type ReporterName = 'text' | 'github';

export interface GenerateOptions extends TemplateOptions {
  out?: string;
  format?: string;
  force?: boolean;
  context?: string;
  /** Say what would be written, write nothing. */
  dryRun?: boolean;
  /** `github`: also print problems as GitHub Actions workflow commands. */
  reporter?: ReporterName;
}

export interface PreparedPlans {
  model: Model;
  /** The output folder as typed (or plans/<slug>), relative to the working folder. */
  outDir: string;
  /** Each plan, rendered as it is written. */
  stream(): PlanFile[];
  /** Warnings about the answers. */
  problems: Problem[];
  /** The formats left out, with why. */
  skipped: string[];
  registry: FormatRegistry;
}

/**
 * Everything generate does short of writing, shared with `check`: the answers read and checked, the templates
 * compiled; `stream()` gives the plans, each rendered only as it is written or compared (see applyWrites).
 */
export function preparePlans(
  answersFile: string,
  options: GenerateOptions,
  io: Io,
): PreparedPlans {
  const registry = formatRegistry(options, io);
  const formats = selectFormats(registry.formats, options.format);
  const { model, problems } = loadModel(answersFile, io.cwd);
  const renderer = createRenderer(templatesFor(formats, registry));
  const outDir = options.out ?? join('plans', model.project.slug);
  const planContext = readPlanContext(answersFile, options.context, io.cwd, outDir);
  const { applying, skipped } = applyingFormats(model, formats);
  return {
    model,
    outDir,
    stream: () => planFiles(model, applying, { renderer, planContext }),
    problems,
    skipped: skipped.map((s) => `${s.format}: skipped, ${s.reason}`),
    registry,
  };
}

/**
 * The built-in partials and the folders of the chosen built-in formats, then the custom folder's partials and
 * chosen format folders: loaded later, a custom template of the same name replaces the built-in one.
 */
function templatesFor(formats: readonly FormatDef[], registry: FormatRegistry): TemplateSource[] {
  const builtin = formats.filter((f) => BUILTIN_FORMATS.includes(f)).map((f) => f.name);
  const wanted = new Set(['partials', ...formats.map((f) => f.name)]);
  const custom = (registry.custom?.templates ?? []).filter((t) => wanted.has(t.name.slice(1).split('/')[0] ?? ''));
  return [...readTemplates(BUILTIN_TEMPLATES_DIR, ['partials', ...builtin]), ...custom];
}

/**
 * With `--reporter github`, invalid answers, template errors and files in the way of the plans are also printed
 * as workflow commands (then thrown on).
 */
export function annotated<T>(reporter: ReporterName | undefined, io: Io, fn: () => T): T {
  if (reporter !== 'github') return fn();
  try {
    return fn();
  } catch (err) {
    throw annotate(err, io);
  }
}

/** annotated, for work that ends later (the writes, which render each plan as they go). */
async function annotatedAsync<T>(reporter: ReporterName | undefined, io: Io, fn: () => Promise<T>): Promise<T> {
  if (reporter !== 'github') return fn();
  try {
    return await fn();
  } catch (err) {
    throw annotate(err, io);
  }
}

/** Prints what `err` says as workflow commands; returns it, to be thrown on. */
function annotate(err: unknown, io: Io): unknown {
  if (err instanceof InvalidInputError) for (const p of err.problems) print(io.stdout, problemCommand(p));
  if (err instanceof TemplateError) print(io.stdout, templateErrorCommand(err.message));
  if (err instanceof OutputError) for (const f of err.files) print(io.stdout, conflictCommand(f.path, f.reason));
  return err;
}

/** --context FILE, else a plan-context.md beside the answers file (seed 001), else none. */
function readPlanContext(answersFile: string, contextFile: string | undefined, cwd: string, outDir: string): string {
  if (contextFile) return bytesToText(readInputFile(contextFile, cwd, 'context file'), contextFile, outDir);
  // Named as the user would write it (beside the answers as they named them), not by an absolute path.
  const beside = join(dirname(answersFile), 'plan-context.md');
  return existsSync(resolve(cwd, beside)) ? bytesToText(readInputFile(beside, cwd, 'context file'), beside, outDir) : '';
}

/**
 * The context text; bytes that are not UTF-8, or more than the answers file may hold, are a problem of that file,
 * located and reported like the answers'.
 */
function bytesToText(bytes: Buffer, file: string, outDir: string): string {
  if (bytes.length > MAX_FILE_BYTES) {
    const problem: Problem = { file, line: 1, col: 1, path: '', message: `the file is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the limit for a context file`, severity: 'error' };
    throw new PlansInputError(`${file} is not valid`, [problem], () => outDir);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const problem: Problem = { file, line: 1, col: 1, path: '', message: 'the file is not UTF-8 text', severity: 'error' };
    throw new PlansInputError(`${file} is not valid`, [problem], () => outDir);
  }
}

export async function runGenerate(answersFile: string, options: GenerateOptions, io: Io): Promise<number> {
  const c = colors(io.stderr, io.env);
  const { outDir, stream, problems, skipped } = annotated(options.reporter, io, () => preparePlans(answersFile, options, io));
  if (options.reporter === 'github') for (const p of problems) print(io.stdout, problemCommand(p));
  // Warnings as validate prints them: the location first, so an editor can jump to it.
  for (const p of problems) print(io.stderr, problemLine(p, c));
  for (const s of skipped) print(io.stderr, c.dim(s));
  if (options.dryRun) {
    const planned = annotated(options.reporter, io, () => planWrites(resolve(io.cwd, outDir), stream(), options.force ?? false, outDir));
    return reportDryRun(planned, outDir, io);
  }
  const written = await annotatedAsync(options.reporter, io, () => applyWrites(resolve(io.cwd, outDir), stream(), options.force ?? false, outDir));
  const out = colors(io.stdout, io.env);
  // The architecture document is the one to read first (seed 002's final message): its line comes last.
  const ordered = [...written].sort((a, b) => Number(a.file === 'architecture.md') - Number(b.file === 'architecture.md'));
  for (const w of ordered) {
    const shown = join(outDir, w.file);
    const verb = w.action === 'unchanged' ? out.dim('unchanged') : out.green('wrote    ');
    const note = w.file === 'architecture.md' ? ` (the architecture plan: read it first)` : '';
    print(io.stdout, `${verb} ${shown}${note}`);
  }
  return 0;
}

const DRY_RUN_VERB: Record<PlannedWrite['action'], string> = {
  create: 'would create',
  update: 'would update',
  unchanged: 'unchanged   ',
  conflict: 'refused     ',
};

/** One line per file, then what the run as a whole would do; exit 1 when generate would refuse. */
function reportDryRun(planned: readonly PlannedWrite[], outDir: string, io: Io): number {
  const out = colors(io.stdout, io.env);
  for (const p of planned) {
    const shown = join(outDir, p.file);
    const verb = DRY_RUN_VERB[p.action];
    const painted = p.action === 'conflict' ? out.red(verb) : p.action === 'unchanged' ? out.dim(verb) : out.green(verb);
    print(io.stdout, `${painted} ${shown}${p.reason ? `: ${p.reason}` : ''}`);
  }
  const refused = planned.filter((p) => p.action === 'conflict').length;
  if (refused > 0) {
    print(io.stdout, `Dry run, nothing was written. generate would refuse ${refused === 1 ? 'this file' : `these ${refused} files`} and write nothing.`);
    return 1;
  }
  const changes = planned.filter((p) => p.action === 'create' || p.action === 'update').length;
  const kept = planned.length - changes;
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const would =
    changes === 0
      ? `change nothing: ${kept === 1 ? 'the file is' : `the ${kept} files are`} up to date`
      : `write ${files(changes)}${kept > 0 ? ` and leave ${kept} unchanged` : ''}`;
  print(io.stdout, `Dry run, nothing was written. generate would ${would}.`);
  return 0;
}
