// The small family of errors archplan raises. Only src/cli.ts prints them and turns them into exit codes.

/** One problem in an answers file, located at the node that causes it. */
export interface Problem {
  /** The answers file as the user named it. */
  file: string;
  /** 1-based line and column of the offending node (1:1 when the file as a whole is at fault). */
  line: number;
  col: number;
  /** Key path such as `endpoints[0].errors[1]`; empty for the document itself. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** Only on the last line of a list cut short (`... 99800 more problems`): how many problems it stands for. */
  more?: number;
}

/** `file:line:col key.path: message`, the one text form of a problem. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** How many errors a list holds, counting those a cut list only counts. */
export function errorCount(problems: readonly Problem[]): number {
  return problems.reduce((n, p) => n + (p.severity === 'error' ? (p.more ?? 1) : 0), 0);
}

/**
 * The last line under a list of problems: `answers.yaml is not valid: 2 problems; nothing was written.`
 * `subject` is the error's message (`answers.yaml is not valid`); `outcome` what the command did not do, if anything.
 */
export function problemsSummary(subject: string, errors: number, outcome?: string): string {
  return `${subject}: ${errors} ${errors === 1 ? 'problem' : 'problems'}${outcome ? `; ${outcome}` : ''}.`;
}

/** Problems sorted by position, then path and message, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.line - b.line ||
      a.col - b.col ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export abstract class ArchplanError extends Error {
  abstract readonly exitCode: number;
}

/** The answers (or another input file) are invalid: exit 1. */
export class InvalidInputError extends ArchplanError {
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** The command line is wrong: exit 2. */
export class UsageError extends ArchplanError {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Committed plans differ from what the answers produce: exit 1. */
export class DriftError extends ArchplanError {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'DriftError';
  }
}

/** A template failed to render; names the template file, line and column: exit 1. */
export class TemplateError extends ArchplanError {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Writing the output failed (read-only folder, a link in the way, a file without the marker): exit 1. */
export class OutputError extends ArchplanError {
  readonly exitCode = 1;
  constructor(
    message: string,
    /** The files in the way, when that is the cause: each as shown to the user, and why. */
    readonly files: ReadonlyArray<{ path: string; reason: string }> = [],
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/** The user pressed Ctrl-C: exit 130. */
export class CancelledError extends ArchplanError {
  readonly exitCode = 130;
  constructor(message = 'Cancelled; nothing was written.') {
    super(message);
    this.name = 'CancelledError';
  }
}
