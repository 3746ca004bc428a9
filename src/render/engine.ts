// Eta, set up for plans rather than HTML: no escaping, no silent "undefined", templates compiled once per run.
// Pure: template texts come in as data (the CLI reads them from disk), so the core never touches the file system.

import { Eta, type EtaConfig } from 'eta/core';
import { TemplateError } from '../errors.js';
import { helpers, type Helpers } from './helpers.js';
import { locateCompileError, locateRenderError } from './locate.js';
import type { Model } from '../derive/model.js';
import type { TextSink } from './tidy.js';

/**
 * One template: its include name (`@blueprint/main`), where it came from (for errors), and its text; `compiled`,
 * when given, is the text already compiled with these very settings (scripts/build-templates.mjs), so the
 * renderer need not compile it again.
 */
export interface TemplateSource {
  name: string;
  path: string;
  text: string;
  compiled?: CompiledTemplate;
  /** A built-in template: compiled with STREAMING (and `compiled` was too), so it can render into a sink. */
  streams?: boolean;
}

/** What eta compiles a template to: a function of `it` and eta's options, called with the Eta object as this. */
export type CompiledTemplate = (this: unknown, it: object, options: object) => string;

/** What every template sees as `it`; `m` and `h` are declared for it by the function header. */
export interface TemplateData {
  m: Model;
  h: Helpers;
  [extra: string]: unknown;
}

export interface Renderer {
  /** Renders template `name` with `it.m` = model, `it.h` = helpers, and any extras beside them. */
  render(name: string, model: Model, extras?: Record<string, unknown>): string;
  /** As render, the text handed to `sink` in pieces as it is made (all at once for a template that does not stream). */
  renderTo(sink: TextSink, name: string, model: Model, extras?: Record<string, unknown>): void;
  has(name: string): boolean;
}

/**
 * Interpolations must be text or numbers: undefined, null, NaN and objects are template bugs and stop the render,
 * so a plan never says "undefined" or "[object Object]".
 */
function strictFilter(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`a template printed ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) throw new TypeError(`a template printed ${String(value)}`);
  throw new TypeError(`a template printed an object (${Object.prototype.toString.call(value)})`);
}

/** The eta settings of every renderer (locate.ts repeats a failed render with these plus debug mode). */
export const ETA_OPTIONS: Partial<EtaConfig> = {
  // Markdown, YAML and SQL are not HTML: `&` and `<` must come out as written.
  autoEscape: false,
  autoFilter: true,
  filterFunction: strictFilter,
  // Keep every newline the template has; control lines trim their own with `-%>`.
  autoTrim: false,
  cache: true,
  functionHeader: 'const m = it.m, h = it.h;',
};

/**
 * A streaming template hands its output to the sink each time this many characters have gathered: a piece of text
 * with a character past Latin-1 takes 2 bytes a character, and past 128 KB V8 allocates a string apart, in pages of
 * its own, at many times the cost (tidy makes one such string of each piece).
 */
export const STREAM_PIECE = 1 << 15;

/**
 * An eta plugin for the built-in templates: rendered with a `sink` in eta's options, a template compiled with it
 * hands its output to the sink whenever STREAM_PIECE characters have gathered, and returns only the rest. A large
 * plan then goes to its file as it is made instead of being held whole (its small strings die young). Only the
 * template the render starts with streams: it takes the sink out of the options before an include sees them (eta
 * gives each render its own copy of the options). The check goes after each line that adds to the output
 * (`__eta.res+=...;`, one statement on one line for our templates; tests/render/streaming.test.ts checks that for
 * each); a user's template, which need not keep to that, is compiled without it.
 */
export const STREAMING = {
  processFnString(fn: string): string {
    const flush = `if(__sink!==undefined&&__eta.res.length>=${STREAM_PIECE}){__sink(__eta.res);__eta.res='';}`;
    return `const __sink=options.sink;options.sink=undefined;\n${fn.replace(/^__eta\.res\+=.*;$/gm, (line) => `${line}${flush}`)}`;
  },
};

export function createRenderer(templates: readonly TemplateSource[]): Renderer {
  const eta = new Eta(ETA_OPTIONS);
  const streamingEta = eta.withConfig({ plugins: [STREAMING] });
  const names = new Set<string>();
  const streaming = new Set<string>();
  for (const t of templates) {
    names.add(t.name);
    // A later template of the same name (a user's) replaces an earlier one, streaming or not.
    if (t.streams) streaming.add(t.name);
    else streaming.delete(t.name);
    try {
      eta.loadTemplate(t.name, (t.compiled as Parameters<Eta['loadTemplate']>[1] | undefined) ?? (t.streams ? streamingEta.compile(t.text) : t.text));
    } catch (err) {
      throw locateCompileError(t, ETA_OPTIONS, err);
    }
  }
  const render = (name: string, model: Model, extras: Record<string, unknown>, sink?: TextSink): string => {
    const data: TemplateData = { ...extras, m: model, h: helpers };
    try {
      return sink ? eta.render(name, data, { sink: (text: string) => sink.write(text) } as unknown as Parameters<Eta['render']>[2]) : eta.render(name, data);
    } catch (err) {
      if (err instanceof TemplateError) throw err;
      // Once, on failure only: a debug render names the file, line and column.
      throw locateRenderError(templates, ETA_OPTIONS, name, data, err);
    }
  };
  return {
    has: (name) => names.has(name),
    render: (name, model, extras = {}) => render(name, model, extras),
    renderTo(sink, name, model, extras = {}) {
      sink.write(render(name, model, extras, streaming.has(name) ? sink : undefined));
    },
  };
}
