#!/usr/bin/env node
// Entry point: the real process's streams into main(), its answer into the exit code.

import { main } from './main.js';

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
