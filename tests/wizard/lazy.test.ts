// Inquirer is loaded only on the interactive path: no module imports it statically, and the init command
// reaches the wizard's modules only through `await import()` after the terminal checks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers a file imports statically (type-only imports erased by TypeScript left out). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

describe('inquirer is loaded lazily', () => {
  it('no source file imports @inquirer statically', () => {
    for (const file of sources(SRC)) expect(staticImports(file).filter((s) => s.startsWith('@inquirer')), file).toEqual([]);
  });

  it('the prompter imports it dynamically, and init reaches the wizard only dynamically', () => {
    expect(readFileSync(join(SRC, 'wizard/prompter.ts'), 'utf8')).toContain("await import('@inquirer/prompts')");
    const init = staticImports(join(SRC, 'commands/init.ts'));
    // The "did you mean" of --example is the one exception: a module that imports nothing.
    expect(init.filter((s) => (s.includes('wizard') || s.includes('answers')) && s !== '../answers/similar.js')).toEqual([]);
    expect(staticImports(join(SRC, 'answers/similar.ts'))).toEqual([]);
    const text = readFileSync(join(SRC, 'commands/init.ts'), 'utf8');
    // The terminal checks come before the first dynamic import.
    expect(text.indexOf('notInteractiveReason(io)')).toBeGreaterThan(0);
    expect(text.indexOf('notInteractiveReason(io)')).toBeLessThan(text.indexOf("import('../"));
  });
});
