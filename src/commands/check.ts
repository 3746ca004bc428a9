// archplan check <answers>: renders in memory and compares with the plans on disk, for CI. Exit 0 when every
// file matches byte for byte; 1 when one is missing, changed, or stale (marked as archplan's but no longer
// produced), with a unified diff per changed file and the command that regenerates them.

import { lstatSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { InvalidInputError, OutputError } from '../errors.js';
import { compareWithDisk, markedFiles, readOnDisk, type DriftReport, type MatchedFile, type OnDisk } from '../output/drift.js';
import { matchesOnDisk } from '../output/matches.js';
import { wholeText, type RenderedFile } from '../render/index.js';
import { hasMarker } from '../render/marker.js';
import { driftCommand, group, problemCommand } from '../reporters/github.js';
import { checkJson } from '../reporters/json.js';
import { driftText, problemLine } from '../reporters/text.js';
import { annotated, preparePlans, type GenerateOptions, type PreparedPlans, type ReporterName } from './generate.js';
import { colors, print, type Io } from './io.js';
import { PlansInputError } from './load.js';
import { shellWord } from './shell-word.js';

export interface CheckOptions extends Pick<GenerateOptions, 'out' | 'format' | 'context' | 'templates' | 'trustTemplates'> {
  reporter?: ReporterName;
  json?: boolean;
}

/**
 * The generate command that rewrites what check compared: same answers, folder, formats and templates; with
 * `force` when a file to replace has lost its marker line (generate refuses it otherwise).
 */
export function regenerateCommand(answers: string, outDir: string, options: CheckOptions, force = false): string {
  const words = ['archplan', 'generate', answers, '--out', outDir];
  if (options.format !== undefined && !isEveryFormat(options.format)) words.push('--format', options.format);
  if (options.templates !== undefined) words.push('--templates', options.templates);
  else if (options.trustTemplates) words.push('--trust-templates');
  if (options.context !== undefined) words.push('--context', options.context);
  if (force) words.push('--force');
  return words.map(shellWord).join(' ');
}

function isEveryFormat(list: string | undefined): boolean {
  const wanted = (list ?? 'all').split(',').map((s) => s.trim()).filter(Boolean);
  return wanted.length === 0 || wanted.includes('all');
}

export function runCheck(answersFile: string, options: CheckOptions, io: Io): number {
  let plans: PreparedPlans;
  try {
    plans = annotated(options.reporter, io, () => preparePlans(answersFile, options, io));
  } catch (err) {
    if (options.json && err instanceof InvalidInputError) {
      const out = options.out !== undefined ? shownFolder(options.out, io.cwd) : err instanceof PlansInputError ? err.outDir() : '';
      io.stdout.write(checkJson({ ok: false, answers: answersFile, out, files: [], regenerate: '', problems: err.problems }));
      return 1;
    }
    throw err;
  }
  const outAbs = resolve(io.cwd, plans.outDir);
  const outShown = shownFolder(plans.outDir, io.cwd);
  refuseLinkedFolder(outAbs, outShown);
  // Stale files can be told apart only when every format was rendered: with --format a,b the others are simply not asked about.
  const stale = isEveryFormat(options.format) ? markedFiles(outAbs) : [];
  let unmarked = false;
  const onDisk = (file: string): OnDisk => {
    const found = readOnDisk(outAbs, file);
    if (found.kind === 'file' && !hasMarker(found.content)) unmarked = true;
    return found;
  };
  // Each plan compared with its file as it is rendered, and let go before the next; rendered whole again only when
  // it differs, for the diff (a template's error is annotated as generate's).
  function* compared(): Iterable<RenderedFile | MatchedFile> {
    for (const plan of plans.stream()) yield matchesOnDisk(outAbs, plan) ? { file: plan.file, matched: true } : wholeText(plan);
  }
  const report = annotated(options.reporter, io, () => compareWithDisk(compared(), onDisk, stale, { answers: answersFile, outDir: outShown }));
  const pathOf = (file: string) => `${outShown === '.' ? '' : `${outShown}/`}${file}`;
  // generate fixes changed and missing files; it never deletes, so stale files get their own command.
  const needsGenerate = report.entries.some((e) => e.status === 'changed' || e.status === 'missing');
  const regenerate = needsGenerate ? regenerateCommand(answersFile, outShown, options, unmarked) : '';
  const stalePaths = report.entries.filter((e) => e.status === 'stale').map((e) => pathOf(e.file));

  if (options.json) {
    io.stdout.write(
      checkJson({
        ok: report.clean,
        answers: answersFile,
        out: outShown,
        files: report.entries.map((e) => ({ file: e.file, path: pathOf(e.file), status: e.status, note: e.note, diff: e.diff })),
        regenerate,
        problems: plans.problems,
      }),
    );
    return report.clean ? 0 : 1;
  }

  const c = colors(io.stderr, io.env);
  for (const p of plans.problems) print(io.stderr, problemLine(p, c));
  if (options.reporter === 'github') {
    for (const p of plans.problems) print(io.stdout, problemCommand(p));
    for (const e of report.entries) {
      if (e.status === 'unchanged') continue;
      if (e.diff) print(io.stdout, group(`diff ${pathOf(e.file)}`, e.diff));
      print(io.stdout, driftCommand(pathOf(e.file), e, regenerate));
    }
  } else {
    io.stdout.write(driftText(report.entries.map((entry) => ({ path: pathOf(entry.file), entry })), colors(io.stdout, io.env)));
  }
  print(io.stdout, summary(report, answersFile, outShown));
  if (regenerate) print(io.stdout, `Regenerate with: ${regenerate}`);
  if (stalePaths.length > 0) {
    print(io.stdout, `Delete the stale ${stalePaths.length === 1 ? 'file' : 'files'}: rm ${stalePaths.map(shellWord).join(' ')}`);
  }
  return report.clean ? 0 : 1;
}

/** A folder as check shows it: relative to the working folder, with forward slashes. */
function shownFolder(folder: string, cwd: string): string {
  return (relative(cwd, resolve(cwd, folder)) || '.').split(sep).join('/');
}

function summary(report: DriftReport, answers: string, outShown: string): string {
  const produced = report.entries.filter((e) => e.status !== 'stale').length;
  if (report.clean) return `${outShown}: ${produced === 1 ? 'the plan file matches' : `the ${produced} plan files match`} ${answers}.`;
  const count = (status: string) => report.entries.filter((e) => e.status === status).length;
  // Nothing there at all: more often a wrong --out (or plans never generated) than drift.
  if (count('missing') === report.entries.length && produced > 1) {
    return `${outShown}: none of the ${produced} plan files ${answers} produces is there (is --out the plans folder?).`;
  }
  const parts = (['changed', 'missing', 'stale'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`);
  return `${outShown}: the plans differ from what ${answers} produces (${parts.join(', ')}).`;
}

function refuseLinkedFolder(outAbs: string, shown: string): void {
  const stat = lstatSync(outAbs, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new OutputError(`${shown}: the output folder is a symbolic link; archplan does not follow links. Name the real folder with --out.`);
  // A file where the plans folder should be: not "every plan is missing", and no generate command that would fail.
  if (stat && !stat.isDirectory()) throw new OutputError(`${shown}: exists and is not a folder; --out names the folder that holds the plans.`);
}
