// The built-in templates stream (STREAMING in src/render/engine.ts): rendered into a sink, a large plan leaves in
// pieces as it is made. The text must be the very text of a whole render, and the plugin must be safe on each
// template: it adds its check after every line that adds to the output, which only works where that line is a
// statement of its own.

import { Eta } from 'eta/core';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/plans.js';
import { synthAnswers } from '../../scripts/synth.mjs';
import { createRenderer, ETA_OPTIONS, STREAM_PIECE, STREAMING, type TemplateSource } from '../../src/render/engine.js';
import { BUILTIN_FORMATS } from '../../src/render/formats.js';
import { planFiles, renderEach } from '../../src/render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../../src/render/template-files.js';
import { renderOpenApi, writeOpenApi } from '../../src/render/openapi.js';
import { collector } from '../../src/render/tidy.js';
import { parse } from 'yaml';

const folders = ['partials', ...BUILTIN_FORMATS.map((f) => f.name)];

describe('streaming templates', () => {
  it('check after whole statements only, in every built-in template', () => {
    const eta = new Eta(ETA_OPTIONS);
    const sources = readTemplates(BUILTIN_TEMPLATES_DIR, folders);
    expect(sources.length).toBeGreaterThan(10);
    for (const t of sources) {
      const plain = eta.compileToString(t.text);
      const lines = plain.split('\n').filter((l) => l.startsWith('__eta.res+='));
      const streamed = STREAMING.processFnString(plain);
      // Every line that adds to the output got the check, and each is a statement that parses on its own (a
      // line cut inside a multi-line expression would not).
      expect(streamed.split('\n').filter((l) => l.includes('__sink(__eta.res)')), t.name).toHaveLength(lines.length);
      for (const line of lines) expect(() => new Function('__eta', line), `${t.name}: ${line}`).not.toThrow();
      expect(() => new Function('it', 'options', streamed), t.name).not.toThrow();
    }
  });

  it('give the whole render in pieces, for every format of a model large enough to stream', () => {
    const model = modelOf(synthAnswers(60), 'synth-60.yaml');
    const renderer = createRenderer(readTemplates(BUILTIN_TEMPLATES_DIR, folders));
    const ctx = { renderer, planContext: '' };
    const whole = [...renderEach(model, BUILTIN_FORMATS, ctx)];
    const files = planFiles(model, BUILTIN_FORMATS, ctx);
    expect(files.map((f) => f.file)).toEqual(whole.map((f) => f.file));
    let streamedAny = 0;
    files.forEach((f, i) => {
      const pieces: string[] = [];
      f.writeTo(collector(pieces));
      expect(pieces.join(''), f.file).toBe(whole[i]!.content);
      if (pieces.length > 3) streamedAny++;
    });
    // Six-phase, the implementation plan, the architecture, the blueprint, verification and OpenAPI run past
    // STREAM_PIECE characters on this model.
    expect(streamedAny).toBeGreaterThanOrEqual(5);
  });

  it('stream only the template the render starts with: an include returns its whole text in place', () => {
    const big = 'x'.repeat(STREAM_PIECE);
    const sources: TemplateSource[] = [
      { name: '@t/main', path: 'main.eta', text: "<% for (const i of [1, 2, 3]) { %>[<%~ include('@t/part', { i }) %>]<% } %>", streams: true },
      { name: '@t/part', path: 'part.eta', text: `<%= it.i %><%= '${big}' %><%= it.i %>`, streams: true },
    ];
    const pieces: string[] = [];
    createRenderer(sources).renderTo(collector(pieces), '@t/main', {} as never);
    const expected = [1, 2, 3].map((i) => `[${i}${big}${i}]`).join('');
    expect(pieces.join('')).toBe(expected);
    expect(pieces.length).toBeGreaterThan(1);
    // Each piece is the main template's own output so far: no piece starts inside an included text.
    for (const p of pieces) expect(p.startsWith('[') || p.startsWith(']')).toBe(true);
  });

  it('render a template that does not stream (a user\'s) whole, in one piece', () => {
    const text = `<%= '${'y'.repeat(STREAM_PIECE)}' %><%= 'z'.repeat(${STREAM_PIECE}) %>`;
    const pieces: string[] = [];
    createRenderer([{ name: '@u/main', path: 'main.eta', text }]).renderTo(collector(pieces), '@u/main', {} as never);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toHaveLength(2 * STREAM_PIECE);
  });

  it('start the OpenAPI document over when its writer meets, halfway, a shape it leaves to the yaml Document', () => {
    // A path over 1,024 characters (answers allow 2,000) is a key blockYaml does not write; put last, it comes
    // after pieces have already gone out.
    const model = structuredClone(modelOf(synthAnswers(60), 'synth-60.yaml'));
    const last = model.endpoints[model.endpoints.length - 1]!;
    const long = `/${'long-'.repeat(220)}x`;
    (last as { path: string }).path = long;
    const pieces: string[] = [];
    let restarts = 0;
    writeOpenApi(model, {
      write: (t) => void pieces.push(t),
      restart: () => {
        restarts++;
        expect(pieces.length).toBeGreaterThan(0);
        pieces.length = 0;
      },
    });
    expect(restarts).toBe(1);
    const text = pieces.join('');
    expect(text).toBe(renderOpenApi(model));
    expect(Object.keys((parse(text) as { paths: object }).paths)).toContain(long);
  });
});
