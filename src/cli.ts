#!/usr/bin/env node
// Entry point: the real process's streams into main(), its answer into the exit code.

import { fstatSync, writeSync } from 'node:fs';
import { main } from './main.js';
import type { Io } from './commands/io.js';

/**
 * Standard output or error as every command but `init` uses it: whole texts written straight to the file
 * descriptor. process.stdout would build a stream (and load tty, net and stream) for the few lines a command
 * prints: about 4 ms of every run. Writes stay synchronous and in order, as process.stdout's are for files,
 * pipes and terminals.
 */
function descriptor(fd: 1 | 2): Io['stdout'] {
  let terminal: boolean | undefined;
  const out = {
    write(text: string | Uint8Array): boolean {
      writeAll(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
      return true;
    },
    // A terminal is a character device (so is /dev/null, where colour does no harm); a file or pipe is not.
    get isTTY(): boolean {
      return (terminal ??= isCharacterDevice(fd));
    },
  };
  return out as unknown as Io['stdout'];
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A reader that stops early (`archplan formats | head -1`) closes the pipe: that is not an error of ours.
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A pipe the parent made non-blocking is full: wait a moment for its reader.
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else throw err;
    }
  }
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

// The wizard talks to the terminal through the real streams (inquirer reads and redraws them).
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const interactive = command === 'init';
if (interactive) {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

process.exitCode = await main(process.argv.slice(2), {
  // Only init reads it; touching process.stdin opens it, so only when asked.
  get stdin() {
    return process.stdin;
  },
  stdout: interactive ? process.stdout : descriptor(1),
  stderr: interactive ? process.stderr : descriptor(2),
  env: process.env,
  cwd: process.cwd(),
});
