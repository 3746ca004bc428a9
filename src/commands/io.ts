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

/** Colour only on a terminal, and never under NO_COLOR or TERM=dumb. */
export function colors(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  const on = stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
