// Small text helpers templates call as `h.*`: they only make text safe for where it lands (a table cell, a code
// span, a fence, a Mermaid label); they never decide anything about the plan.

import type { Entity, Field, RequestBody, ResponseBody } from '../derive/model.js';

const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g;

/** Collapse line breaks and runs of blanks: user text in a list item, heading or comment stays on one line. */
export function line(text: string): string {
  return text.replace(NEWLINES, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** A Markdown table cell: `|` escaped and line breaks kept as `<br>`, so the cell stays one cell. */
export function cell(text: string | number | boolean): string {
  const s = String(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(NEWLINES, '<br>')
    .trim();
  return s === '' ? ' ' : s;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** An inline code span that holds any text, backticks included (CommonMark: a longer backtick string). */
export function code(text: string | number): string {
  const s = line(String(text));
  const ticks = '`'.repeat(longestRun(s, '`') + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${s}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so it always closes. */
export function fence(body: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return `${ticks}${lang}\n${text}${ticks}`;
}

/** Text for a code comment or plain-text block: one line, and no sequence that would end a block comment. */
export function comment(text: string): string {
  return line(text).replace(/\*\//g, '* /');
}

/** `a, b and c`. */
export function join(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** `1 entity`, `3 entities`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The text itself, or the fallback when it is empty. */
export function or(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}

/** A Mermaid node id: letters, digits and underscores only, never starting with a digit. */
export function mermaidId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `n_${id}`;
}

/** A Mermaid label in double quotes, with quotes and line breaks made harmless. */
export function mermaidLabel(text: string): string {
  const s = line(text).replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  return `"${s}"`;
}

/** How an endpoint's `auth` reads in a plan. */
export function authText(auth: string, scheme: string): string {
  if (auth === 'none') return 'None (public)';
  if (auth === 'user') return `Required (any signed-in user; ${scheme})`;
  return `Required (role: ${auth}; ${scheme})`;
}

/** `{ a, b }`, `raw body`, or `none`. */
export function requestText(request: RequestBody): string {
  if (request.kind === 'none') return 'none';
  if (request.kind === 'raw') return 'raw body, passed through unparsed';
  return `{ ${request.fields.join(', ')} }`;
}

/** `{ id, email, ... }`, `{ items: [Payment], next_cursor }`, or `no body`. */
export function responseText(response: ResponseBody, entities: readonly Entity[]): string {
  if (response.kind === 'none') return 'no body';
  const entity = entities.find((e) => e.name === response.entity);
  const fields = entity ? `{ ${entity.fields.map((f) => f.name).join(', ')} }` : response.entity;
  return response.kind === 'page' ? `{ items: [${response.entity} ${fields}], next_cursor }` : fields;
}

/** A field's constraints as short phrases: `primary key`, `required`, `unique`, `max length 64`, ... */
export function constraints(f: Field): string[] {
  const out: string[] = [];
  if (f.primary) out.push('primary key');
  else if (f.required) out.push('required');
  if (f.unique) out.push('unique');
  if (f.maxLength !== null) out.push(`max length ${f.maxLength}`);
  if (f.min !== null) out.push(`min ${f.min}`);
  if (f.max !== null) out.push(`max ${f.max}`);
  if (f.pattern) out.push(`pattern ${code(f.pattern)}`);
  if (f.default !== null) out.push(`default ${String(f.default)}`);
  if (f.references) out.push(`references ${f.references}, on delete ${f.onDelete}`);
  if (f.generated === 'primary') out.push('added by archplan');
  else if (f.generated) out.push('set by the service');
  return out;
}

export const helpers = {
  line, cell, code, fence, comment, join, count, or, mermaidId, mermaidLabel,
  authText, requestText, responseText, constraints,
};
export type Helpers = typeof helpers;
