// archplan generate <answers>: validate, resolve, render, write atomically.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { applyWrites } from '../output/write.js';
import { createRenderer } from '../render/engine.js';
import { BUILTIN_FORMATS } from '../render/formats.js';
import { renderFiles, type RenderedFile } from '../render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../render/template-files.js';
import { formatProblem } from '../errors.js';
import { colors, print, type Io } from './io.js';
import { loadModel, readInputFile } from './load.js';
import { selectFormats } from './select-formats.js';
import type { Model } from '../derive/model.js';

export interface GenerateOptions {
  out?: string;
  format?: string;
  force?: boolean;
  context?: string;
}

export interface Generated {
  model: Model;
  outDir: string;
  files: RenderedFile[];
}

/** Everything generate does short of writing: shared with `check`. */
export function renderPlans(answersFile: string, options: GenerateOptions, io: Io): Generated & { warnings: string[]; skipped: string[] } {
  const formats = selectFormats(BUILTIN_FORMATS, options.format);
  const { model, problems } = loadModel(answersFile, io.cwd);
  const renderer = createRenderer(readTemplates(BUILTIN_TEMPLATES_DIR, ['partials', ...formats.map((f) => f.name)]));
  const planContext = readPlanContext(answersFile, options.context, io.cwd);
  const { files, skipped } = renderFiles(model, formats, { renderer, planContext });
  const outDir = options.out ?? join('plans', model.project.slug);
  return {
    model,
    outDir,
    files,
    warnings: problems.map(formatProblem),
    skipped: skipped.map((s) => `${s.format}: skipped, ${s.reason}`),
  };
}

/** --context FILE, else a plan-context.md beside the answers file (seed 001), else none. */
function readPlanContext(answersFile: string, contextFile: string | undefined, cwd: string): string {
  if (contextFile) return bytesToText(readInputFile(contextFile, cwd, 'context file'), contextFile);
  const beside = join(dirname(resolve(cwd, answersFile)), 'plan-context.md');
  return existsSync(beside) ? bytesToText(readFileSync(beside), beside) : '';
}

function bytesToText(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InvalidInputError(`${file}:1:1: not UTF-8 text`);
  }
}

export function runGenerate(answersFile: string, options: GenerateOptions, io: Io): number {
  const c = colors(io.stderr, io.env);
  const { outDir, files, warnings, skipped } = renderPlans(answersFile, options, io);
  for (const w of warnings) print(io.stderr, c.yellow(`warning: ${w}`));
  for (const s of skipped) print(io.stderr, c.dim(s));
  const written = applyWrites(resolve(io.cwd, outDir), files, options.force ?? false);
  const out = colors(io.stdout, io.env);
  // The architecture document is the one to read first (seed 002's final message): its line comes last.
  const ordered = [...written].sort((a, b) => Number(a.file === 'architecture.md') - Number(b.file === 'architecture.md'));
  for (const w of ordered) {
    const shown = relative(io.cwd, w.path) || w.path;
    const verb = w.action === 'unchanged' ? out.dim('unchanged') : out.green('wrote    ');
    const note = w.file === 'architecture.md' ? ` (the architecture plan: read it first)` : '';
    print(io.stdout, `${verb} ${shown}${note}`);
  }
  return 0;
}
