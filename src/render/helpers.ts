// Small text helpers templates call as `h.*`: they only make text safe for where it lands (a table cell, a code
// span, a fence, a Mermaid label); they never decide anything about the plan.

import type { Entity, Field, Model, Relationship, RequestBody, ResponseBody } from '../derive/model.js';
import { stackLabel as catalogLabel, type TechKey } from '../derive/catalog/technologies.js';
import { remembered, words } from '../answers/names.js';
import { entitiesByName } from '../derive/plan/lookup.js';
import type { OnDelete } from '../answers/answers.js';

const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g;

/** Line breaks and runs of blanks collapsed: the text on one line, as written otherwise. */
function collapse(text: string): string {
  // Most texts are one line already: tested first, without building new strings.
  if (!/[\r\n\u2028\u2029\t]| {2}/.test(text) && text.trim().length === text.length) return text;
  return text.replace(NEWLINES, ' ').replace(/[ \t]+/g, ' ').trim();
}

/**
 * User text for a line of Markdown prose (a list item, a heading, a sentence): on one line, with a leading block
 * mark escaped, so it cannot start a heading, an item or a fence; and with each backtick run that opens no code
 * span escaped, so it cannot pair with a code span the template writes later on the line. Code spans the user
 * wrote are kept.
 */
export function line(text: string): string {
  const s = blockSafe(collapse(text));
  if (!s.includes('`')) return s;
  const runs = [...s.matchAll(/(?<!\\)`+/g)];
  const unpaired = new Set<number>();
  for (let k = 0; k < runs.length; k++) {
    const closer = runs.findIndex((r, j) => j > k && r[0].length === runs[k]![0].length);
    if (closer < 0) unpaired.add(runs[k]!.index);
    else k = closer;
  }
  if (unpaired.size === 0) return s;
  return runs.reduceRight((out, r) => (unpaired.has(r.index) ? `${out.slice(0, r.index)}${r[0].replace(/`/g, '\\`')}${out.slice(r.index + r[0].length)}` : out), s);
}

/**
 * A backslash before a leading mark that would make a line of its own a heading, list item, quote, fence or
 * rule (`# `, `- `, `1. `, `>`, `~~~`, `---`); CommonMark shows the escaped character as itself.
 */
function blockSafe(s: string): string {
  // Every mark below starts with a digit or one of these: a text that starts otherwise is safe as it is.
  if (!BLOCK_MARK_START.has(s.charAt(0))) return s;
  const numbered = /^(\d{1,9})([.)])(?=\s|$)/.exec(s);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${s.slice(numbered[0].length)}`;
  return /^(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|[-=_*](?:\s*[-=_*]){2,}\s*$|=+\s*$|>|~{3}|`{3})/.test(s) ? `\\${s}` : s;
}

const BLOCK_MARK_START = new Set('0123456789#-+*=_>~`');

/** What cell() rewrites: a backslash, `|`, a line break. */
const CELL_SPECIAL = /[\\|\r\n\u2028\u2029]/;

/** A Markdown table cell: `|` escaped and line breaks kept as `<br>`, so the cell stays one cell. */
export function cell(text: string | number | boolean): string {
  const plain = String(text);
  // Most cells have nothing to escape: only the trimming below applies.
  if (!CELL_SPECIAL.test(plain)) {
    const s = plain.trim();
    return s === '' ? ' ' : s;
  }
  const s = plain
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(NEWLINES, '<br>')
    .trim();
  return s === '' ? ' ' : s;
}

/** The length of the longest run of backticks in `text`; found run by run with indexOf (fences hold whole models). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (let at = text.indexOf('`'); at !== -1; at = text.indexOf('`', at)) {
    let end = at + 1;
    while (text.charCodeAt(end) === 96) end++;
    if (end - at > longest) longest = end - at;
    at = end;
  }
  return longest;
}

/** An inline code span that holds any text, backticks included (CommonMark: a longer backtick string). */
export function code(text: string | number): string {
  const s = collapse(String(text));
  const ticks = '`'.repeat(longestBacktickRun(s) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${s}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so it always closes. */
export function fence(body: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return `${ticks}${lang}\n${text}${ticks}`;
}

/** Text for a code comment or plain-text block: one line, and no sequence that would end a block comment. */
export function comment(text: string): string {
  return collapse(text).replace(/\*\//g, '* /');
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
  // A label starting with a backtick would be a Mermaid Markdown string ("`...`"): those become entity codes.
  const s = collapse(text).replace(/"/g, '#quot;').replace(/^`+/, (m) => '#96;'.repeat(m.length)).replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  return `"${s}"`;
}

/** Unquoted Mermaid text (a sequence message, participant alias or branch label): one line, `#`, `;`, `<`, `>` as entity codes. */
export function mermaidText(text: string): string {
  return collapse(text).replace(/[#;<>]/g, mermaidCode);
}

const MERMAID_CODES: Readonly<Record<string, string>> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

function mermaidCode(c: string): string {
  return MERMAID_CODES[c] ?? c;
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
  const entity = entitiesByName(entities).get(response.entity);
  const fields = entity ? `{ ${entity.fields.map((f) => f.name).join(', ')} }` : response.entity;
  return response.kind === 'page' ? `{ items: [${response.entity} ${fields}], next_cursor }` : fields;
}

/** The entity named `name` (the first, as a search would find it), looked up in an index made once per model. */
export function entityNamed(m: Pick<Model, 'entities'>, name: string): Entity | undefined {
  return entitiesByName(m.entities).get(name);
}

const relationshipIndexes = new WeakMap<object, ReadonlyMap<string, readonly Relationship[]>>();

/** The relationships from the entity named `entity`, in the plan's order: looked up in an index made once per model
 *  (templates ask per entity, and a large model has thousands of relationships). The list is shared, so frozen. */
export function relationshipsFrom(m: Pick<Model, 'plan'>, entity: string): readonly Relationship[] {
  const relationships = m.plan.relationships;
  let index = relationshipIndexes.get(relationships);
  if (!index) {
    const made = new Map<string, Relationship[]>();
    for (const r of relationships) {
      const list = made.get(r.from);
      if (list) list.push(r);
      else made.set(r.from, [r]);
    }
    for (const list of made.values()) Object.freeze(list);
    relationshipIndexes.set(relationships, (index = made));
  }
  return index.get(entity) ?? [];
}

/**
 * A field's constraints as short phrases: `primary key`, `required`, `unique`, `max length 64`, ... With the
 * model and the entity, a unique field of a soft-deleting entity reads `unique among live rows` (IDX-2,
 * `plan.liveUniques`, in the database's words: rows, documents, items, nodes).
 */
export function constraints(f: Field, m?: Pick<Model, 'plan'>, e?: Pick<Entity, 'name'>): string[] {
  const out: string[] = [];
  if (f.primary) out.push('primary key');
  else if (f.required) out.push('required');
  if (f.unique) {
    const live = m?.plan && e ? liveUniqueFields(m.plan.liveUniques).has(`${e.name}\u0000${f.name}`) : false;
    out.push(live ? `unique among live ${m!.plan.storage.records}` : 'unique');
  }
  if (f.maxLength !== null) out.push(`max length ${f.maxLength}`);
  if (f.min !== null) out.push(`min ${f.min}`);
  if (f.max !== null) out.push(`max ${f.max}`);
  if (f.pattern) out.push(`pattern ${code(f.pattern)}`);
  if (f.default !== null) out.push(`default ${collapse(String(f.default))}`);
  // REL-5: a reference into another service's database has no foreign key (the DDL's comment says so): the
  // on-delete rule is the services' to apply, through events or the API, never the database's.
  if (f.references && m?.plan && e && crossService(m, e, f)) out.push(`references ${f.references} in another service: no ${m.plan.storage.reference}, on delete ${f.onDelete} applied by the services`);
  else if (f.references) out.push(`references ${f.references}, on delete ${f.onDelete}`);
  if (f.generated === 'primary') out.push('added by archplan');
  else if (f.generated) out.push('set by the service');
  return out;
}

const liveIndexes = new WeakMap<object, ReadonlySet<string>>();

/** `Entity\0field` of each single-field unique key that holds among live rows only: templates ask per field, several
 *  times, so the set is made once per model. */
function liveUniqueFields(liveUniques: Model['plan']['liveUniques']): ReadonlySet<string> {
  let index = liveIndexes.get(liveUniques);
  if (!index) {
    index = new Set(liveUniques.filter((u) => u.fields.length === 1).map((u) => `${u.entity}\u0000${u.fields[0]}`));
    liveIndexes.set(liveUniques, index);
  }
  return index;
}

const crossServiceIndexes = new WeakMap<object, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The SQL words of a reference's delete rule (`on_delete`, restrict when the answers leave it out), as the DDL's
 * `ON DELETE` says them: the data models that name the rule (SQLModel's `ondelete=`) use the same words.
 */
export function sqlOnDelete(f: Pick<Field, 'onDelete'>): string {
  return SQL_ON_DELETE[f.onDelete || 'restrict'];
}
const SQL_ON_DELETE: Record<OnDelete, string> = { restrict: 'RESTRICT', cascade: 'CASCADE', 'set-null': 'SET NULL' };

/**
 * REL-5, as the engine decided it (`crossService` on the many-to-one relationship): whether the reference field
 * `f` of `e` points into another service's database, so it gets no foreign key. Looked up in an index made once per
 * model, by entity then field (the DDL and the data models ask per field: no key text made per question).
 */
export function crossService(m: Pick<Model, 'plan'>, e: Pick<Entity, 'name'>, f: Pick<Field, 'name'>): boolean {
  const relationships = m.plan?.relationships;
  if (!relationships) return false;
  let index = crossServiceIndexes.get(relationships);
  if (!index) {
    const made = new Map<string, Set<string>>();
    for (const r of relationships) {
      if (r.kind !== 'many-to-one' || !r.crossService) continue;
      const fields = made.get(r.from);
      if (fields) fields.add(r.via);
      else made.set(r.from, new Set([r.via]));
    }
    crossServiceIndexes.set(relationships, (index = made));
  }
  return index.get(e.name)?.has(f.name) ?? false;
}

// Identifiers and literals for the code blocks of the plans: spelling only, the same words in each language's idiom.

/** Initialisms Go spells in capitals (golint's list, trimmed to what field names use). */
const GO_INITIALISMS = new Set([
  'acl', 'api', 'ascii', 'cpu', 'css', 'dns', 'eof', 'guid', 'html', 'http', 'https', 'id', 'ip', 'json', 'sku',
  'sla', 'sql', 'ssh', 'tcp', 'tls', 'ttl', 'ui', 'uid', 'uri', 'url', 'utf8', 'uuid', 'vat', 'xml',
]);

// goName and constName remember their answers (answers/names.ts remembered): the data models spell the same few
// field names for every entity.

/** An exported Go identifier: `customer_id` -> `CustomerID`, `in-progress` -> `InProgress`, `2fa` -> `X2fa`. */
export const goName = remembered((text) => {
  const s = words(text)
    .map((w) => (GO_INITIALISMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  if (s === '') return 'X';
  return /^[0-9]/.test(s) ? `X${s}` : s;
});

/** An UPPER_SNAKE constant name: `in-progress` -> `IN_PROGRESS`, `2fa` -> `V_2FA`. */
export const constName = remembered((text) => {
  const s = words(text).join('_').toUpperCase();
  if (s === '') return 'VALUE';
  return /^[0-9]/.test(s) ? `V_${s}` : s;
});

/**
 * One identifier per value, unique within the list: values that spell the same identifier (`a-b` and `a_b`, or
 * two without ASCII letters, both `VALUE`) get `_2`, `_3` in order (`2`, `3` for Go names).
 */
function uniqueNames(values: readonly string[], name: (v: string) => string, sep: string): string[] {
  const seen = new Set<string>();
  return values.map((v) => {
    const base = name(v);
    let out = base;
    for (let n = 2; seen.has(out); n++) out = `${base}${sep}${n}`;
    seen.add(out);
    return out;
  });
}

/** constName for each enum value, unique within the enum: `[中華, 日本]` -> `[VALUE, VALUE_2]`. */
export function constNames(values: readonly string[]): string[] {
  return uniqueNames(values, constName, '_');
}

/** goName for each enum value, unique within the enum. */
export function goNames(values: readonly string[]): string[] {
  return uniqueNames(values, goName, '');
}

/** `createPayment` -> `CreatePayment`. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value inside a Go struct tag (`desc:"..."`): one line, quotes and backslashes escaped, no backtick. */
export function goTag(text: string): string {
  return collapse(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/`/g, "'");
}

/** A double-quoted string literal valid in TypeScript, Python and Go (JSON's escapes; U+2028/9 escaped too). */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Rows of cells as aligned lines: every column but the last padded to its widest cell plus one space, the
 * way gofmt aligns struct fields. Trailing blanks are dropped.
 */
export function align(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => {
    if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, codePoints(c));
  });
  return rows.map((row) => row.map((c, i) => (i < row.length - 1 ? c.padEnd((widths[i] ?? 0) + 1 + c.length - codePoints(c)) : c)).join('').trimEnd());
}

/** How many characters `text` has as [...text] counts them (a surrogate pair is one), without making that array
 *  when it has no surrogate: align measures every cell of the data models. */
function codePoints(text: string): number {
  return /[\ud800-\udfff]/.test(text) ? [...text].length : text.length;
}

/**
 * Paths (folders end with `/`, each parent listed before its children) drawn under `root` as a tree with
 * box-drawing lines, each note aligned after `# `.
 */
export function tree(root: string, rows: readonly { path: string; note: string }[]): string {
  const parentOf = (p: string): string => p.replace(/\/$/, '').split('/').slice(0, -1).join('/');
  const parentPaths = rows.map((r) => parentOf(r.path));
  const isLast = rows.map((_, i) => !parentPaths.slice(i + 1).includes(parentPaths[i] ?? ''));
  const lastByPath = new Map(rows.map((r, i) => [r.path.replace(/\/$/, ''), isLast[i] ?? true]));
  const lines = rows.map((r, i) => {
    const parts = r.path.replace(/\/$/, '').split('/');
    let prefix = '';
    for (let d = 1; d < parts.length; d++) prefix += lastByPath.get(parts.slice(0, d).join('/')) === false ? '│   ' : '    ';
    const name = `${parts[parts.length - 1] ?? ''}${r.path.endsWith('/') ? '/' : ''}`;
    const note = collapse(r.note);
    return [`${prefix}${isLast[i] ? '└── ' : '├── '}${name}`, note === '' ? '' : `# ${note}`];
  });
  return [collapse(root), ...align(lines)].join('\n');
}

/**
 * Items joined with `, ` into lines of about `width` characters, never more than `maxLines` lines: when they
 * do not fit, the lines grow wider instead. Every item is kept, whole.
 */
export function pack(items: readonly string[], width: number, maxLines: number): string[] {
  const total = items.reduce((n, s) => n + s.length + 2, 0);
  let w = Math.max(width, Math.ceil(total / Math.max(1, maxLines)));
  for (;;) {
    const lines: string[] = [];
    let current = '';
    for (const item of items) {
      const next = current === '' ? item : `${current}, ${item}`;
      if (current !== '' && next.length > w) {
        lines.push(`${current},`);
        current = item;
      } else {
        current = next;
      }
    }
    if (current !== '') lines.push(current);
    if (lines.length <= maxLines) return lines;
    w += Math.max(1, Math.ceil(w / 10));
  }
}

/**
 * How a stack choice reads in prose: the technology catalog's label (`PostgreSQL`), or the value as written;
 * `inline` lower-cases the labels that are common nouns (`virtual machines`) for mid-sentence use.
 */
export function stackLabel(model: Pick<Model, 'stack' | 'plan'>, key: keyof Model['stack'], inline = false): string {
  const choice = model.plan.rationale.find((r) => r.key === key);
  if (!choice) return String(model.stack[key]);
  return inline && key !== 'observability' ? line(catalogLabel(key as TechKey, String(model.stack[key]), true)) : line(choice.label);
}

export const helpers = {
  line, cell, code, fence, comment, join, count, or, mermaidId, mermaidLabel, mermaidText,
  requestText, responseText, constraints, crossService, sqlOnDelete, entityNamed, relationshipsFrom, stackLabel,
  goName, constName, goNames, constNames, upperFirst, goTag, quote, align, tree, pack,
};
export type Helpers = typeof helpers;
