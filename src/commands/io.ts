// What a command may touch of the outside world, injected so tests can run commands in-process.

import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  /** Only `init` reads it (its wizard asks at a terminal). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** False under NO_COLOR (set and not empty, as no-color.org defines it) or TERM=dumb. */
export function colorAllowed(env: NodeJS.ProcessEnv): boolean {
  return !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Colour only on a terminal, and never under NO_COLOR or TERM=dumb. */
export function colors(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  return new Chalk({ level: stream.isTTY === true && colorAllowed(env) ? 1 : 0 });
}

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
