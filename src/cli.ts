#!/usr/bin/env node
// Entry point: the real process's streams into main(), its answer into the exit code.

import { main } from './main.js';

// A reader that stops early (`archplan formats | head -1`) closes the pipe: that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  // Only init reads it; touching process.stdin opens it, so only when asked.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
