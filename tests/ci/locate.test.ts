import { describe, expect, it } from 'vitest';
import { createRenderer, type TemplateSource } from '../../src/render/engine.js';
import { TemplateError } from '../../src/errors.js';
import { regenerateCommand } from '../../src/commands/check.js';
import { shellWord } from '../../src/commands/shell-word.js';
import type { Model } from '../../src/derive/model.js';

const model = { project: { name: 'P', teamSize: 3 }, entities: [] } as unknown as Model;

function failure(templates: TemplateSource[], name = '@t/main'): string {
  try {
    createRenderer(templates).render(name, model);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return (err as Error).message;
  }
  throw new Error('the render did not fail');
}

const one = (text: string): TemplateSource[] => [{ name: '@t/main', path: 'tpl/t/main.eta', text }];

describe('template errors are located', () => {
  it('at the interpolation that printed undefined, with the line quoted', () => {
    expect(failure(one('# Title\n\nname: <%= m.project.name %>, size: <%= m.project.size %>\n'))).toBe(
      'tpl/t/main.eta:3:40: a template printed undefined\n  3 | name: <%= m.project.name %>, size: <%= m.project.size %>\n    |                                        ^',
    );
  });

  it('at the line and column inside a code tag of several lines', () => {
    expect(failure(one('# T\n<%\n/* a comment */\nconst v = m.plan;\nconst n = v.endpoints.length;\n-%>\n<%= n %>\n'))).toBe(
      "tpl/t/main.eta:5:13: Cannot read properties of undefined (reading 'endpoints')\n  5 | const n = v.endpoints.length;\n    |             ^",
    );
    expect(failure(one('<% const a = 1; const b = m.x.y; %>'))).toBe(
      "tpl/t/main.eta:1:31: Cannot read properties of undefined (reading 'y')\n  1 | <% const a = 1; const b = m.x.y; %>\n    |                               ^",
    );
  });

  it('in the innermost include, with the includes that led there', () => {
    const templates: TemplateSource[] = [
      { name: '@t/main', path: 'tpl/t/main.eta', text: 'top\n<%~ include("@t/mid") %>\n' },
      { name: '@t/mid', path: 'tpl/t/mid.eta', text: '\n\n  <%~ include("@partials/leaf", { n: null }) %>' },
      { name: '@partials/leaf', path: 'tpl/partials/leaf.eta', text: '<% if (true) { %>\n<%= it.n %>\n<% } %>' },
    ];
    expect(failure(templates)).toBe(
      'tpl/partials/leaf.eta:2:5: a template printed null\n  2 | <%= it.n %>\n    |     ^\n' +
        '  included from tpl/t/mid.eta:3:7\n  included from tpl/t/main.eta:2:5',
    );
  });

  it('for code that does not compile, an unclosed block, tag or string', () => {
    expect(() => createRenderer(one('a\n<% for (const e of m.entities { %>\n<% } %>\n'))).toThrow(
      new TemplateError("tpl/t/main.eta:2:4: the code in this tag is not valid JavaScript: Unexpected token '{'\n  2 | <% for (const e of m.entities { %>\n    |    ^"),
    );
    expect(() => createRenderer(one('<% if (m) { %>\nx\n<% if (m) { %>\ny\n'))).toThrow(
      /^tpl\/t\/main\.eta:3:4: the template ends inside a block: a `\{` opened in a tag is never closed \(this is its last tag\)\n/,
    );
    expect(() => createRenderer(one('line\n  <%= m.project.name\n'))).toThrow(new TemplateError('tpl/t/main.eta:2:3: unclosed tag\n  2 |   <%= m.project.name\n    |   ^'));
    expect(() => createRenderer(one('<%= "a %>'))).toThrow(new TemplateError('tpl/t/main.eta:1:5: unclosed string\n  1 | <%= "a %>\n    |     ^'));
  });

  it('for an include of a template that is not loaded', () => {
    expect(failure(one('\n<%~ include("@partials/nope") %>'))).toBe(
      'tpl/t/main.eta:2:5: no template named "@partials/nope" to include (includes name a loaded template, such as @partials/<name>; paths and ".." are not allowed)\n' +
        '  2 | <%~ include("@partials/nope") %>\n    |     ^',
    );
    expect(failure(one('x'), '@t/other')).toBe('@t/other: no template named "@t/other"');
  });

  it('and a render that works is not slowed by it: the same renderer renders again after a failure', () => {
    const r = createRenderer(one('<%= it.v %>'));
    expect(() => r.render('@t/main', model)).toThrow(TemplateError);
    expect(r.render('@t/main', model, { v: 'ok' })).toBe('ok');
  });
});

describe('the regenerate line', () => {
  it('repeats the folder, formats and templates options, quoted for the shell', () => {
    expect(regenerateCommand('a.yaml', 'plans/a', {})).toBe('archplan generate a.yaml --out plans/a');
    expect(regenerateCommand('a.yaml', 'plans/a', { format: 'all' })).toBe('archplan generate a.yaml --out plans/a');
    expect(regenerateCommand('my answers.yaml', 'out', { format: 'blueprint,ddl', templates: 'tpl', context: 'c.md' })).toBe(
      "archplan generate 'my answers.yaml' --out out --format blueprint,ddl --templates tpl --context c.md",
    );
    expect(regenerateCommand('a.yaml', 'out', { trustTemplates: true })).toBe('archplan generate a.yaml --out out --trust-templates');
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('$(rm)')).toBe("'$(rm)'");
  });
});
