// The built-in templates precompiled at build time (scripts/build-templates.mjs) must render exactly what the
// same templates compiled at run time render, and be used only for the very text they were compiled from.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../scripts/build-templates.mjs';
import { createRenderer, type CompiledTemplate, type TemplateSource } from '../../src/render/engine.js';
import { BUILTIN_FORMATS } from '../../src/render/formats.js';
import { renderFiles } from '../../src/render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../../src/render/template-files.js';
import { EXAMPLES, exampleModel } from '../helpers/plans.js';

let dir: string;
let compiled: Record<string, { text: string; render: CompiledTemplate }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archplan-templates-'));
  const file = await buildTemplates({ outFile: join(dir, 'templates-compiled.cjs') });
  compiled = createRequire(import.meta.url)(file) as typeof compiled;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const folders = ['partials', ...BUILTIN_FORMATS.map((f) => f.name)];

describe('precompiled templates', () => {
  it('cover every built-in template, each with the text it was compiled from', () => {
    const sources = readTemplates(BUILTIN_TEMPLATES_DIR, folders);
    expect(sources.length).toBeGreaterThan(10);
    expect(Object.keys(compiled).sort()).toEqual(expect.arrayContaining(sources.map((s) => s.name).sort()));
    for (const s of sources) expect(compiled[s.name]!.text, s.name).toBe(s.text);
  });

  it('render every example in every format byte for byte as the run-time compiled ones', () => {
    const plain: TemplateSource[] = readTemplates(BUILTIN_TEMPLATES_DIR, folders).map(({ compiled: _, ...t }) => t);
    const pre = plain.map((t) => ({ ...t, compiled: compiled[t.name]!.render }));
    for (const name of EXAMPLES) {
      const model = exampleModel(name);
      const a = renderFiles(model, BUILTIN_FORMATS, { renderer: createRenderer(plain), planContext: '' });
      const b = renderFiles(model, BUILTIN_FORMATS, { renderer: createRenderer(pre), planContext: '' });
      expect(b.files.length).toBeGreaterThan(5);
      expect(b).toEqual(a);
    }
  });

  it('are paired with a template read from disk only while its text is the one compiled (the built dist/)', async () => {
    // From dist/, readTemplates finds dist/render/templates-compiled.cjs beside it (npm test builds first).
    const built = (await import('../../dist/render/template-files.js')) as typeof import('../../src/render/template-files.js');
    const root = join(dir, 'templates');
    cpSync(BUILTIN_TEMPLATES_DIR, root, { recursive: true });
    const edited = join(root, 'summary', 'main.eta');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nedited\n`);
    const sources = built.readTemplates(root, folders);
    expect(sources.find((s) => s.name === '@summary/main')?.compiled).toBeUndefined();
    const others = sources.filter((s) => s.name !== '@summary/main');
    expect(others.length).toBeGreaterThan(10);
    for (const s of others) expect(s.compiled, s.name).toBeTypeOf('function');
  });

  it('are left out, not fatal, when the compiled file cannot be loaded (a build stopped halfway)', async () => {
    // tsc's template-files.js beside a broken templates-compiled.cjs: every template is still read, to be compiled
    // from its text, and the next build (which reads the templates here) is not stopped by the broken file.
    // As in dist/: render/template-files.js, with the lazy-require.js it imports one folder up.
    const copy = join(dir, 'broken', 'render');
    cpSync(new URL('../../dist/render/template-files.js', import.meta.url), join(copy, 'template-files.js'));
    cpSync(new URL('../../dist/lazy-require.js', import.meta.url), join(dir, 'broken', 'lazy-require.js'));
    writeFileSync(join(copy, 'templates-compiled.cjs'), 'module.exports = { broken');
    writeFileSync(join(dir, 'broken', 'package.json'), '{ "type": "module" }');
    const isolated = (await import(pathToFileURL(join(copy, 'template-files.js')).href)) as typeof import('../../src/render/template-files.js');
    const sources = isolated.readTemplates(BUILTIN_TEMPLATES_DIR, folders);
    expect(sources.length).toBeGreaterThan(10);
    for (const s of sources) expect(s.compiled, s.name).toBeUndefined();
  });
});
