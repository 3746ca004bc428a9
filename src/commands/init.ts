// archplan init [FILE]: the interview that writes an answers file (or edits one), and --example NAME, which
// writes a bundled example without asking. The wizard and inquirer are imported only once we know a person
// is at a terminal: anything else is refused at once, before any import, so a pipe or CI never hangs.

import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// similar.ts imports nothing: the one piece of answers/ that init may load before the terminal checks.
import { didYouMean, quote } from '../answers/similar.js';
import { CancelledError, InvalidInputError, OutputError, UsageError } from '../errors.js';
import { colorAllowed } from './io.js';
import { shellWord } from './shell-word.js';
import type { Prompter } from '../wizard/prompter.js';

export interface InitOptions {
  /** The answers file to write (default archplan.yaml, chosen by the CLI). */
  file: string;
  /** Write this bundled example instead of asking. */
  example?: string;
  /** With --example: overwrite an existing file. */
  force?: boolean;
}

export interface InitIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Generates plans after saving when the user accepts (the lead supplies this; it runs `archplan generate FILE`). */
  generate(file: string): Promise<void>;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');
const SCHEMA_FILE = join(PACKAGE_ROOT, 'schemas', 'answers.schema.json');

/** Why the wizard cannot ask here, or null when standard input and output are both terminals outside CI. */
export function notInteractiveReason(io: Pick<InitIO, 'stdin' | 'stdout' | 'env'>): string | null {
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return 'CI is set';
  if (io.stdin.isTTY !== true) return 'standard input is not a terminal';
  if (io.stdout.isTTY !== true) return 'standard output is not a terminal';
  return null;
}

/** Why init cannot ask, and the commands that do the job without a terminal, for the file the user named. */
export function notInteractiveMessage(why: string, file = 'archplan.yaml'): string {
  const named = file === 'archplan.yaml' ? '' : ` ${shellWord(file)}`;
  return (
    `init asks its questions in a terminal, and ${why}. Write an answers file instead: ` +
    `\`archplan init --example payments${named}\` writes one to start from; edit it, then run \`archplan generate ${shellWord(file)}\`.`
  );
}

/** The bundled examples' names, sorted. */
export function exampleNames(dir: string = EXAMPLES_DIR): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The `$schema` an answers file in `dir` points at: a relative path to the schema archplan ships when the two
 * share a folder above the file system's root (a checkout, a project's node_modules), else the schema's URL.
 */
export function schemaReference(dir: string): string {
  const rel = relative(dir, SCHEMA_FILE).split(sep).join('/');
  const ups = rel.split('/').filter((s) => s === '..').length;
  const depth = resolve(dir).split(sep).filter((s) => s !== '').length;
  if (ups < depth) return rel;
  try {
    const id = (JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id?: unknown }).$id;
    if (typeof id === 'string' && /^https?:\/\//.test(id)) return id;
  } catch {
    // No schema file to read an $id from: the relative path still serves.
  }
  return rel;
}

/** Replaces (or adds) the editor's schema line at the top of an answers file's text. */
export function withSchemaLine(text: string, schemaRef: string): string {
  const line = `# yaml-language-server: $schema=${schemaRef}`;
  const body = text.replace(/^\uFEFF/, '');
  return body.startsWith('# yaml-language-server:') ? body.replace(/^[^\n]*/, line) : `${line}\n${body}`;
}

/** Writes `text` to `target` through a temporary file in the same folder, renamed into place. */
export function writeAtomically(target: string, text: string): void {
  const tmp = join(dirname(target), `.${basename(target)}.archplan-tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new OutputError(`${target}: cannot write the answers file (${code ?? String(err)})`);
  }
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function writeExample(options: InitOptions, io: InitIO, target: string): number {
  const name = options.example ?? '';
  const names = exampleNames();
  if (!names.includes(name)) {
    throw new UsageError(`unknown example ${quote(name)}${didYouMean(name, names)}; the examples are: ${names.join(', ')}`);
  }
  if (isDirectory(target)) throw new UsageError(`${options.file} is a folder; name the answers file to write`);
  assertFolderExists(options.file, target);
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${options.file} already exists; add --force to replace it with the ${name} example`);
  }
  const text = readFileSync(join(EXAMPLES_DIR, `${name}.yaml`), 'utf8');
  writeAtomically(target, withSchemaLine(text, schemaReference(dirname(target))));
  io.stdout.write(`Wrote ${options.file} from the ${name} example. Edit it, then run: archplan generate ${shellWord(options.file)}\n`);
  return 0;
}

/** The answers file goes into an existing folder: init creates no folders. */
function assertFolderExists(file: string, target: string): void {
  if (!isDirectory(dirname(target))) throw new UsageError(`cannot write ${file}: the folder ${dirname(file)} does not exist`);
}

function isExitPrompt(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError';
}

export async function runInit(options: InitOptions, io: InitIO): Promise<number> {
  return runInitWith(options, io, {});
}

/** What tests put in place of the terminal. */
export interface InitDeps {
  /** Asks instead of inquirer (the terminal checks still apply to `io`). */
  prompter?: Prompter;
}

export async function runInitWith(options: InitOptions, io: InitIO, deps: InitDeps): Promise<number> {
  const target = resolve(io.cwd, options.file);
  if (options.example !== undefined) return writeExample(options, io, target);
  // Said rather than ignored: the interview never replaces a file, it edits one, so --force would mean nothing.
  if (options.force) throw new UsageError('--force goes with --example NAME (to replace a file with an example); the interview edits an existing file without it');
  const why = notInteractiveReason(io);
  if (why) throw new UsageError(notInteractiveMessage(why, options.file));
  if (isDirectory(target)) throw new UsageError(`${options.file} is a folder; name the answers file to write`);
  // Found out now, not after the whole interview.
  assertFolderExists(options.file, target);

  const [{ readAnswers }, { loadExisting }, { runWizard }, { createInquirerPrompter }, { loadQuestionnaire }, { answersText }, { editedText }] =
    await Promise.all([
      import('../answers/index.js'),
      import('../wizard/existing.js'),
      import('../wizard/wizard.js'),
      import('../wizard/prompter.js'),
      import('../wizard/questionnaire.js'),
      import('../wizard/document.js'),
      import('../wizard/edited.js'),
    ]);

  const existed = existsSync(target);
  const originalBytes = existed ? readFileSync(target) : undefined;
  const initial = originalBytes ? loadExisting(originalBytes, options.file) : undefined;
  if (initial && initial.problems > 0) {
    io.stdout.write(
      `${options.file} has ${initial.problems === 1 ? 'a problem' : `${initial.problems} problems`}; its values are the defaults, and each answer is checked again.\n`,
    );
    if (initial.dropped.length > 0) io.stdout.write(`Unknown keys left out: ${initial.dropped.join(', ')}\n`);
  }
  const sections = loadQuestionnaire();
  const schemaRef = schemaReference(dirname(target));
  const comments = sections.flatMap((s) => s.writes.map((key) => ({ key, comment: s.comment })));
  const render = (answers: Record<string, unknown>) => answersText(answers, { schemaRef, comments });
  const problems = (text: string) => readAnswers(text, options.file).problems;
  const prompter = deps.prompter ?? (await createInquirerPrompter(io, colorAllowed(io.env)));

  let result: Awaited<ReturnType<typeof runWizard>>;
  try {
    result = await runWizard(prompter, { sections, file: options.file, ...(initial ? { initial: initial.answers } : {}), render, problems });
  } catch (err) {
    if (isExitPrompt(err)) throw new CancelledError(existed ? `Cancelled; ${options.file} was left as it was.` : 'Cancelled; nothing was written.');
    throw err;
  }
  if (result.action === 'quit') {
    io.stdout.write(existed ? `${options.file} was left as it was.\n` : 'Nothing was written.\n');
    return 0;
  }
  // An edited file keeps its comments and layout where it can; a new one is written fresh.
  const edited = originalBytes ? editedText(originalBytes.toString('utf8'), result.answers, result.text, { schemaRef, comments }) : null;
  const text = edited ?? result.text;
  const errors = problems(text).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new InvalidInputError(`the answers collected do not validate (a wizard bug; nothing was written)`, errors);
  writeAtomically(target, text);
  io.stdout.write(`Saved ${options.file}.\n`);

  let generate: boolean;
  try {
    generate = await prompter.confirm({ message: 'Generate the plans now?', default: true });
  } catch (err) {
    if (isExitPrompt(err)) throw new CancelledError(`Cancelled; ${options.file} is saved, no plans were generated.`);
    throw err;
  }
  if (generate) await io.generate(options.file);
  else io.stdout.write(`Generate them later with: archplan generate ${shellWord(options.file)}\n`);
  return 0;
}
