// The bundled CLI's names are minified (scripts/bundle.mjs); scripts/stack.mjs maps the places a --debug trace
// names in it back to the compiled modules, with the source map the build writes beside the bundle.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const BUNDLE = join(ROOT, 'dist', 'archplan.cjs');

/** `line:column` (1-based) in the bundle of the first occurrence of `text`. */
function placeOf(bundle: string, text: string): string {
  const at = bundle.indexOf(text);
  expect(at, text).toBeGreaterThan(0);
  const before = bundle.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

describe('scripts/stack.mjs', () => {
  it('maps places in the bundle to the modules they were bundled from', () => {
    const bundle = readFileSync(BUNDLE, 'latin1');
    const trace = [
      `    at a (${BUNDLE}:${placeOf(bundle, 'Run again with --debug for the stack trace')})`,
      `    at b (${BUNDLE}:${placeOf(bundle, 'not a day in Date')})`,
      '    at node:internal/main/run_main_module:28:49',
    ].join('\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'stack.mjs')], { input: trace, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ {4}at a \(dist\/main\.js:\d+:\d+\)$/);
    expect(lines[1]).toMatch(/^ {4}at b \(dist\/derive\/plan\/phases\.js:\d+:\d+\)$/);
    expect(lines[2]).toBe('    at node:internal/main/run_main_module:28:49');
    // The line named is the one holding the text, in the compiled module.
    const [, line] = /main\.js:(\d+)/.exec(lines[0]!)!;
    expect(readFileSync(join(ROOT, 'dist', 'main.js'), 'utf8').split('\n')[Number(line) - 1]).toContain('Run again with --debug');
  });
});
