// Heavy modules stay off the paths that do not need them: following the static imports (type-only imports are
// erased) from the entry and from each everyday command must never reach `diff` (check only) or inquirer
// (the wizard only). Commands themselves are reached by `await import()`, so the entry reaches none of them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Every package a source file reaches through static imports, following our own modules. */
function reachedPackages(entry: string): Set<string> {
  return reached(entry).packages;
}

/** The packages and our own modules (paths relative to src/) a source file reaches through static imports. */
function reached(entry: string): { packages: Set<string>; modules: Set<string> } {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const stack = [resolve(SRC, entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) {
        const ts = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(ts)) stack.push(ts);
      } else if (!spec.startsWith('node:')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
      }
    }
  }
  return { packages, modules: new Set([...seen].map((f) => f.slice(SRC.length + 1))) };
}

describe('lazy loading', () => {
  it('the entry reaches only the argument parser and our error family', () => {
    expect([...reachedPackages('cli.ts')].sort()).toEqual(['commander']);
  });

  for (const command of ['validate', 'generate', 'resolve', 'schema', 'formats']) {
    it(`${command} never loads diff or inquirer`, () => {
      const reached = reachedPackages(`commands/${command}.ts`);
      expect(reached.has('diff'), [...reached].join(', ')).toBe(false);
      expect(reached.has('@inquirer/prompts')).toBe(false);
    });
  }

  it('validate loads the planning engine\'s warnings only, not its other rules', () => {
    const modules = reached('commands/validate.ts').modules;
    expect(modules.has('derive/warnings.ts')).toBe(true);
    expect(modules.has('derive/plan.ts'), [...modules].filter((m) => m.startsWith('derive/')).join(', ')).toBe(false);
    expect([...modules].filter((m) => m.startsWith('render/'))).toEqual([]);
  });

  it('check does load diff', () => {
    expect(reachedPackages('commands/check.ts').has('diff')).toBe(true);
  });
});
