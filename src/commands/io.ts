// What a command may touch of the outside world, injected so tests can run commands in-process.

import type { ChalkInstance } from 'chalk';

export interface Io {
  /** Only `init` reads it (its wizard asks at a terminal). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The styles the commands paint with. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const PLAIN: Colors = { red: (t) => t, yellow: (t) => t, green: (t) => t, cyan: (t) => t, bold: (t) => t, dim: (t) => t };

/** False under NO_COLOR (set and not empty, as no-color.org defines it) or TERM=dumb. */
export function colorAllowed(env: NodeJS.ProcessEnv): boolean {
  return !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * chalk, loaded by loadColors before a command runs when its output may be painted: most runs (a pipe, a file,
 * NO_COLOR) never are, and loading chalk costs each of them a few tenths of a millisecond.
 */
let chalk: ChalkInstance | undefined;

export async function loadColors(io: Pick<Io, 'stdout' | 'stderr' | 'env'>): Promise<void> {
  if (chalk === undefined && colorAllowed(io.env) && (io.stdout.isTTY === true || io.stderr.isTTY === true)) {
    const { Chalk } = await import('chalk');
    chalk = new Chalk({ level: 1 });
  }
}

/** Colour only on a terminal, and never under NO_COLOR or TERM=dumb (painted once loadColors has run). */
export function colors(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  return chalk !== undefined && stream.isTTY === true && colorAllowed(env) ? chalk : PLAIN;
}

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
