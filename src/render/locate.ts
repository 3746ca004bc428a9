// Where a template failed: file, line and column. Normal renders run without eta's debug mode (it costs time on
// every tag); when one fails, the same render is repeated once with a debug renderer that records the position of
// each tag, so the error can name the exact spot. Pure: template texts in, an error out.

import vm from 'node:vm';
import { Eta, EtaNameResolutionError, EtaParseError, type EtaConfig } from 'eta/core';
import { TemplateError } from '../errors.js';
import type { TemplateSource } from './engine.js';

/** A spot in a template: its include name, 1-based line and column. */
export interface Spot {
  t: string;
  line: number;
  col: number;
}

/** Thrown inside the debug renderer: the innermost failing spot, then the includes that led to it. */
class LocatedFailure extends Error {
  readonly includedFrom: Spot[] = [];
  constructor(
    readonly spot: Spot,
    readonly original: unknown,
  ) {
    super('located template failure');
  }
}

interface AstTag {
  t: string;
  val: string;
  lineNo?: number | string;
}

/** Line and column (1-based) of `index` in `text`. */
export function lineCol(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: (before[before.length - 1] ?? '').length + 1 };
}

/**
 * A plugin that replaces eta's line number before each tag with the tag's full spot, so a runtime failure knows
 * its template, line and column. Tags are found in the order eta's parser found them: each starts at the next
 * opening delimiter after the previous tag, and its code is its `val`, verbatim.
 */
function spotPlugin(current: () => string, open: string, close: string): EtaConfig['plugins'][number] {
  let text = '';
  return {
    processTemplate(str: string) {
      text = str;
      return str;
    },
    processAST(ast) {
      let cursor = 0;
      for (const node of ast as (string | AstTag)[]) {
        if (typeof node === 'string') continue;
        const opened = text.indexOf(open, cursor);
        if (opened < 0) break;
        const code = node.val ? text.indexOf(node.val, opened) : -1;
        const at = code >= 0 ? code : opened;
        const { line, col } = lineCol(text, at);
        node.lineNo = `{t:${JSON.stringify(current())},line:${line},col:${col}}`;
        const closed = text.indexOf(close, code >= 0 ? code + node.val.length : opened + open.length);
        cursor = closed >= 0 ? closed + close.length : text.length;
      }
      return ast as never;
    },
  };
}

/** An eta instance like the normal one, in debug mode, with every template loaded and tag spots recorded. */
function debugEta(templates: readonly TemplateSource[], options: Partial<EtaConfig>): Eta {
  let current = '';
  const tags = options.tags ?? ['<%', '%>'];
  const eta = new Eta({ ...options, debug: true, plugins: [...(options.plugins ?? []), spotPlugin(() => current, tags[0], tags[1])] });
  // Instead of eta's pretty error: keep the innermost spot, and add each include on the way out.
  eta.RuntimeErr = ((err: unknown, _str: string, spot: unknown): never => {
    if (err instanceof LocatedFailure) {
      if (isSpot(spot)) err.includedFrom.push(spot);
      throw err;
    }
    throw new LocatedFailure(isSpot(spot) ? spot : { t: current, line: 0, col: 0 }, err);
  }) as Eta['RuntimeErr'];
  for (const t of templates) {
    current = t.name;
    eta.loadTemplate(t.name, t.text);
  }
  return eta;
}

function isSpot(value: unknown): value is Spot {
  return typeof value === 'object' && value !== null && typeof (value as Spot).line === 'number';
}

function messageOf(err: unknown, top = ''): string {
  if (err instanceof EtaNameResolutionError) {
    const name = /'([^']*)'/.exec(err.message)?.[1] ?? '';
    if (name === top) return `no template named "${name}"`;
    return `no template named "${name}" to include (includes name a loaded template, such as @partials/<name>; paths and ".." are not allowed)`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** `path:line:col: message`, the line quoted with a caret under the column. */
export function locatedMessage(path: string, text: string, line: number, col: number, message: string): string {
  const source = text.replace(/\r\n?/g, '\n').split('\n')[line - 1];
  const head = `${path}:${line}:${col}: ${message}`;
  if (source === undefined) return head;
  const gutter = String(line);
  const shown = source.replace(/\t/g, ' ');
  return `${head}\n  ${gutter} | ${shown}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, col - 1))}^`;
}

/**
 * The error for a render of `name` that failed with `err`: repeats the render in debug mode to find the spot.
 * Falls back to the template's path alone when the failure cannot be reproduced or located.
 */
export function locateRenderError(
  templates: readonly TemplateSource[],
  options: Partial<EtaConfig>,
  name: string,
  data: object,
  err: unknown,
): TemplateError {
  const byName = new Map(templates.map((t) => [t.name, t]));
  const fallback = () => new TemplateError(`${byName.get(name)?.path ?? name}: ${messageOf(err, name)}`);
  let eta: Eta;
  try {
    eta = debugEta(templates, options);
  } catch {
    return fallback();
  }
  try {
    eta.render(name, data);
  } catch (failure) {
    if (!(failure instanceof LocatedFailure)) return fallback();
    const source = byName.get(failure.spot.t);
    if (!source || failure.spot.line === 0) return fallback();
    const spot = refineSpot(eta, source, failure.spot, failure.original);
    const lines = [locatedMessage(source.path, source.text, spot.line, spot.col, messageOf(failure.original))];
    for (const s of failure.includedFrom) {
      const from = byName.get(s.t);
      if (from && from.name !== source.name) lines.push(`  included from ${from.path}:${s.line}:${s.col}`);
    }
    return new TemplateError(lines.join('\n'));
  }
  return fallback();
}

/**
 * Inside a tag of several lines, the tag's start is not precise enough: the failing frame of the error's stack
 * (V8 numbers the lines of a compiled template function) points at the line and column within the tag's code.
 */
function refineSpot(eta: Eta, source: TemplateSource, spot: Spot, err: unknown): Spot {
  const frame = /<anonymous>:(\d+):(\d+)\)?$/m.exec(err instanceof Error ? (err.stack ?? '') : '');
  if (!frame) return spot;
  // `new Function` puts two lines before the body: `function anonymous(it,options` and `) {`.
  const bodyLine = Number(frame[1]) - 2;
  const col = Number(frame[2]);
  let body: string[];
  try {
    body = eta.compileToString(source.text).split('\n');
  } catch {
    return spot;
  }
  const marker = `__eta.line={t:${JSON.stringify(spot.t)},line:${spot.line},col:${spot.col}}`;
  let markerLine = -1;
  for (let i = Math.min(bodyLine, body.length) - 1; i >= 0; i--) {
    if ((body[i] ?? '').startsWith('__eta.line=')) {
      if (body[i] === marker) markerLine = i + 1;
      break;
    }
  }
  // Only code tags (`<% %>`) are copied verbatim one line after their marker; interpolations keep the tag's spot.
  const offset = bodyLine - markerLine - 1;
  if (markerLine < 0 || offset < 0 || (body[markerLine] ?? '').startsWith('__eta.res+=')) return spot;
  return offset === 0 ? { t: spot.t, line: spot.line, col: spot.col + col - 1 } : { t: spot.t, line: spot.line + offset, col };
}

/** The error for a template that does not compile: eta's parse errors carry a line and column; JavaScript syntax errors are located here. */
export function locateCompileError(template: TemplateSource, options: Partial<EtaConfig>, err: unknown): TemplateError {
  const message = err instanceof Error ? err.message : String(err);
  const parsed = /^(.*?) at line (\d+) col (\d+):/s.exec(message);
  if (err instanceof EtaParseError && parsed) {
    return new TemplateError(locatedMessage(template.path, template.text, Number(parsed[2]), Number(parsed[3]), parsed[1] ?? 'cannot parse'));
  }
  if (err instanceof EtaParseError && message.startsWith('Bad template syntax')) {
    const located = locateSyntaxError(template, options);
    if (located) return located;
    const reason = message.split('\n')[2] ?? 'bad template syntax';
    return new TemplateError(`${template.path}: the code in a tag is not valid JavaScript: ${reason}`);
  }
  return new TemplateError(`${template.path}: ${message}`);
}

/** Compiles the debug form of the template with V8, which names the failing line; the tag spot just before it is the culprit. */
function locateSyntaxError(template: TemplateSource, options: Partial<EtaConfig>): TemplateError | null {
  const tags = options.tags ?? ['<%', '%>'];
  const eta = new Eta({ ...options, debug: true, plugins: [spotPlugin(() => template.name, tags[0], tags[1])] });
  let fn: string;
  try {
    fn = eta.compileToString(template.text);
  } catch {
    return null;
  }
  const code = `(function (it, options) {\n${fn}\n})`;
  try {
    new vm.Script(code, { filename: 'template' });
    return null;
  } catch (err) {
    if (!(err instanceof SyntaxError)) return null;
    const failingLine = Number(/^template:(\d+)/.exec(err.stack ?? '')?.[1] ?? 0);
    if (!failingLine) return null;
    const codeLines = code.split('\n').slice(0, failingLine);
    for (let i = codeLines.length - 1; i >= 0; i--) {
      const m = /__eta\.line=\{t:"(?:[^"\\]|\\.)*",line:(\d+),col:(\d+)\}/.exec(codeLines[i] ?? '');
      if (m) {
        // Debug mode wraps the body in try/catch, so a block left open surfaces as an unexpected `catch`.
        const unclosed = /Unexpected (end of input|token 'catch')/.test(err.message);
        const what = unclosed
          ? 'the template ends inside a block: a `{` opened in a tag is never closed (this is its last tag)'
          : `the code in this tag is not valid JavaScript: ${err.message}`;
        return new TemplateError(locatedMessage(template.path, template.text, Number(m[1]), Number(m[2]), what));
      }
    }
    return null;
  }
}
