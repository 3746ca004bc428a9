// Eta, set up for plans rather than HTML: no escaping, no silent "undefined", templates compiled once per run.
// Pure: template texts come in as data (the CLI reads them from disk), so the core never touches the file system.

import { Eta, type EtaConfig } from 'eta/core';
import { TemplateError } from '../errors.js';
import { helpers, type Helpers } from './helpers.js';
import { locateCompileError, locateRenderError } from './locate.js';
import type { Model } from '../derive/model.js';

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

export function createRenderer(templates: readonly TemplateSource[]): Renderer {
  const eta = new Eta(ETA_OPTIONS);
  const paths = new Map<string, string>();
  for (const t of templates) {
    paths.set(t.name, t.path);
    try {
      eta.loadTemplate(t.name, (t.compiled as Parameters<Eta['loadTemplate']>[1] | undefined) ?? t.text);
    } catch (err) {
      throw locateCompileError(t, ETA_OPTIONS, err);
    }
  }
  return {
    has: (name) => paths.has(name),
    render(name, model, extras = {}) {
      const data: TemplateData = { ...extras, m: model, h: helpers };
      try {
        return eta.render(name, data);
      } catch (err) {
        if (err instanceof TemplateError) throw err;
        // Once, on failure only: a debug render names the file, line and column.
        throw locateRenderError(templates, ETA_OPTIONS, name, data, err);
      }
    },
  };
}
