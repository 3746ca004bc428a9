// The one asker: walks any questionnaire's questions over the answers being built, whatever they are about.
// Each answer is checked as it is typed (required, named rules, uniqueness in its list, then the answers
// file's own rules at that key path) and asked again with the reason when wrong.

import type { Prompter, PromptChoice, Validation } from './prompter.js';
import type { Question } from './questionnaire.js';
import { checkRules } from './rules.js';
import {
  absolutePath,
  computeDefault,
  followed,
  getKey,
  interpolate,
  isObj,
  locate,
  renameAll,
  resolveChoices,
  setKey,
  test,
  type Obj,
  type Scope,
} from './scope.js';

export interface AskContext {
  prompter: Prompter;
  /**
   * The answers file's own verdict on the value now at `path` (the draft already holds it): the reason it is
   * wrong, or null. Optional so the flow can be tested without it.
   */
  check?: (root: Obj, path: string) => string | null;
  /** When each key last changed, and when each question was last answered (a counter, not a clock). */
  changedAt: WeakMap<object, Map<string, number>>;
  answeredAt: WeakMap<object, Map<string, number>>;
  tick: number;
  /** Editing an existing file (see Question.omit_default). */
  editing: boolean;
}

export function newContext(prompter: Prompter, check?: AskContext['check'], editing = false): AskContext {
  return { prompter, ...(check ? { check } : {}), changedAt: new WeakMap(), answeredAt: new WeakMap(), tick: 0, editing };
}

export function rootScope(root: Obj): Scope {
  return { root, path: '', transient: {} };
}

/** The key a scalar list item is asked under (its holder object's only key). */
const ITEM = 'value';

function where(q: Question, scope: Scope): { container: Obj; key: string } {
  if (scope.scalar && q.key === '.') return { container: scope.item as Obj, key: ITEM };
  if (q.key.startsWith('_')) return { container: scope.transient, key: q.key };
  return { container: scope.item ?? scope.root, key: q.key };
}

function stamp(map: WeakMap<object, Map<string, number>>, container: object, key: string, tick: number): void {
  let m = map.get(container);
  if (!m) map.set(container, (m = new Map()));
  m.set(key, tick);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function write(ctx: AskContext, scope: Scope, container: Obj, key: string, value: unknown): void {
  if (!same(getKey(container, key), value)) stamp(ctx.changedAt, container, key, ++ctx.tick);
  stamp(ctx.answeredAt, container, key, ++ctx.tick);
  setKey(container, key, value);
  if (scope.scalar && key === ITEM && scope.list && scope.index !== undefined) scope.list[scope.index] = value;
}

/**
 * The value a question offers: what the answers already hold, unless the key its default or choices follow
 * (say `stack.cloud` for `stack.compute`) changed since it was last answered; then the computed default.
 */
function offered(q: Question, scope: Scope, ctx: AskContext, container: Obj, key: string): { current: unknown; computed: unknown } {
  const computed = computeDefault(q.default, scope);
  const current = getKey(container, key);
  const from = followed(q.default) ?? followed(q.choices);
  if (current !== undefined && from) {
    const at = locate(scope, from);
    const changed = at ? ctx.changedAt.get(at.container)?.get(at.key) : undefined;
    const answered = ctx.answeredAt.get(container)?.get(key) ?? -1;
    if (changed !== undefined && changed > answered) return { current: undefined, computed };
  }
  return { current, computed };
}

/** The answer equals the default of a key the answers left out, and the question says to keep it out. */
function omitted(q: Question, ctx: AskContext, current: unknown, computed: unknown, value: unknown): boolean {
  if (q.omit_default === undefined || (q.omit_default === 'editing' && !ctx.editing)) return false;
  return current === undefined && value !== undefined && same(value, computed);
}

function isBlank(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) && v.length === 0);
}

/** Why `value` cannot be the answer to `q` here, or null. */
function reason(q: Question, scope: Scope, ctx: AskContext, container: Obj, key: string, value: unknown): string | null {
  if (q.required && isBlank(value)) return 'an answer is required';
  if (isBlank(value)) return null;
  const rule = checkRules(q.validate, value, scope);
  if (rule) return rule;
  if (q.unique && typeof value === 'string' && scope.list) {
    const fold = value.toLowerCase();
    const clash = scope.list.find((other, i) => {
      if (i === scope.index) return false;
      const v = scope.scalar ? other : getKey(other, q.key);
      return typeof v === 'string' && v.toLowerCase() === fold;
    });
    if (clash !== undefined) {
      const v = scope.scalar ? clash : getKey(clash, q.key);
      return v === value ? `"${value}" is already taken` : `"${value}" is already taken (as "${String(v)}"; names differing only in case clash)`;
    }
  }
  if (ctx.check && container !== scope.transient) {
    const before = getKey(container, key);
    const listBefore = scope.scalar && scope.list && scope.index !== undefined ? scope.list[scope.index] : undefined;
    setKey(container, key, value);
    if (scope.scalar && scope.list && scope.index !== undefined) scope.list[scope.index] = value;
    try {
      return ctx.check(scope.root, scope.scalar && key === ITEM ? scope.path : absolutePath(scope, key));
    } finally {
      setKey(container, key, before);
      if (scope.scalar && scope.list && scope.index !== undefined) scope.list[scope.index] = listBefore;
    }
  }
  return null;
}

function validation(why: string | null): Validation {
  return why === null ? true : why;
}

/** Text typed for an input question -> the value written (undefined: leave the key out). */
function parseInput(q: Question, text: string): unknown {
  const t = text.trim();
  if (t === '' || (t === '-' && !q.required)) return undefined;
  if (q.split) {
    const parts = t.split(q.split).map((p) => p.trim()).filter((p) => p !== '');
    return parts.length > 0 ? parts : undefined;
  }
  return t;
}

function inputDefault(q: Question, v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(String).join(`${q.split ?? ','} `);
  return v === undefined || v === null ? undefined : String(v);
}

export async function askQuestions(questions: readonly Question[], scope: Scope, ctx: AskContext): Promise<void> {
  for (const q of questions) {
    const { container, key } = where(q, scope);
    if (!test(q.when, scope)) {
      // A question that no longer applies takes its stale answer with it (say `values` once a field is not an
      // enum), unless another question fills the same key here.
      const filledElsewhere = questions.some((o) => o !== q && o.key === q.key && test(o.when, scope));
      if (!filledElsewhere && getKey(container, key) !== undefined) write(ctx, scope, container, key, undefined);
      continue;
    }
    await askOne(q, scope, ctx, container, key);
  }
}

async function askOne(q: Question, scope: Scope, ctx: AskContext, container: Obj, key: string): Promise<void> {
  const p = ctx.prompter;
  const message = interpolate(q.message, scope);
  const help = q.help !== undefined ? interpolate(q.help, scope) : undefined;
  const extra = help !== undefined ? { help } : {};
  const { current, computed } = offered(q, scope, ctx, container, key);
  switch (q.type) {
    case 'input': {
      const def = inputDefault(q, current ?? computed);
      const text = await p.input({
        message,
        ...extra,
        ...(def !== undefined ? { default: def } : {}),
        validate: (t) => validation(reason(q, scope, ctx, container, key, parseInput(q, t))),
      });
      const value = parseInput(q, text);
      const before = getKey(container, key);
      write(ctx, scope, container, key, omitted(q, ctx, current, computed, value) ? undefined : value);
      // A renamed entity (or error, or field) takes the references to it along.
      if (typeof before === 'string' && before !== '' && typeof value === 'string' && value !== before) {
        for (const pattern of q.renames ?? []) renameAll(scope, pattern, before, value);
      }
      return;
    }
    case 'number': {
      const def = typeof current === 'number' ? current : typeof computed === 'number' ? computed : undefined;
      const n = await p.number({
        message,
        ...extra,
        ...(def !== undefined ? { default: def } : {}),
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
        required: q.required ?? false,
        validate: (v) => validation(reason(q, scope, ctx, container, key, v)),
      });
      write(ctx, scope, container, key, omitted(q, ctx, current, computed, n) ? undefined : n);
      return;
    }
    case 'confirm': {
      const def = typeof current === 'boolean' ? current : typeof computed === 'boolean' ? computed : false;
      const yes = await p.confirm({ message, ...extra, default: def });
      // Every yes/no key of the answers file means "no" when absent: only a yes is written.
      write(ctx, scope, container, key, yes ? true : undefined);
      return;
    }
    case 'select': {
      const choices = resolveChoices(q.choices, scope);
      if (choices.length <= 1) {
        // Nothing to choose: the only choice is the answer.
        write(ctx, scope, container, key, choices[0]?.value ?? undefined);
        return;
      }
      const values = choices.map((c) => c.value);
      const pick = (v: unknown) => (values.includes((v ?? null) as never) ? ((v ?? null) as (typeof values)[number]) : undefined);
      const def = pick(current) ?? pick(computed) ?? values[0];
      const chosen = await p.select({ message, ...extra, choices: choices.map(toPrompt), default: def });
      write(ctx, scope, container, key, omitted(q, ctx, current, computed ?? values[0], chosen) ? undefined : (chosen ?? undefined));
      return;
    }
    case 'checkbox': {
      const choices = resolveChoices(q.choices, scope).filter((c) => c.value !== null);
      if (choices.length === 0) {
        write(ctx, scope, container, key, undefined);
        return;
      }
      const ticked: unknown[] = Array.isArray(current) ? current : Array.isArray(computed) ? computed : [];
      // Order can matter (an index's columns): what was already chosen keeps its order, new ticks follow.
      const rank = (v: unknown) => (ticked.includes(v) ? ticked.indexOf(v) : ticked.length);
      const inOrder = <V>(vs: V[]) => vs.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((x) => x.v);
      const min = q.min ?? 0;
      const chosen = await p.checkbox({
        message,
        ...extra,
        choices: choices.map((c) => ({ ...toPrompt(c), checked: ticked.includes(c.value) })),
        validate: (vs) =>
          vs.length < min ? `choose at least ${min} (space ticks, enter confirms)` : validation(reason(q, scope, ctx, container, key, vs.length ? inOrder(vs) : undefined)),
      });
      write(ctx, scope, container, key, chosen.length > 0 ? inOrder(chosen) : undefined);
      return;
    }
    case 'list':
      await askList(q, scope, ctx, container, key);
      return;
  }
}

function toPrompt<V>(c: { value: V; name: string; description?: string }): PromptChoice<V> {
  return { value: c.value, name: c.name, ...(c.description !== undefined ? { description: c.description } : {}) };
}

function childScope(q: Question, scope: Scope, list: unknown[], index: number, listPath: string): Scope {
  const scalar = isScalarList(q);
  const item = scalar ? { [ITEM]: list[index] } : (list[index] as Obj);
  return { root: scope.root, item, parent: scope, list, index, path: `${listPath}[${index}]`, transient: {}, ...(scalar ? { scalar } : {}) };
}

function isScalarList(q: Question): boolean {
  return q.questions?.length === 1 && q.questions[0]?.key === '.';
}

/** How an item shows in menus: its label key (or itself), on one short line. */
export function itemLabel(q: Question, item: unknown): string {
  const v = isScalarList(q) ? item : q.label ? getKey(item, q.label) : undefined;
  const text = v === undefined || v === null ? '(unnamed)' : String(v);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

async function askList(q: Question, scope: Scope, ctx: AskContext, container: Obj, key: string): Promise<void> {
  const questions = q.questions ?? [];
  const listPath = absolutePath(scope, key);
  const existing = getKey(container, key);
  const items: unknown[] = Array.isArray(existing) ? existing.filter((x) => (isScalarList(q) ? true : isObj(x))) : [];

  if (q.for_each) {
    // One item per item of another list (a resource per entity): the answers' items keep their order, new
    // ones follow in that list's order; items whose counterpart is gone are dropped.
    const fe = q.for_each;
    const names = resolveChoices({ source: 'names', of: fe.of, field: fe.field }, scope).map((c) => c.value);
    const kept = items.filter((x, i) => names.includes(getKey(x, fe.key) as never) && items.findIndex((y) => getKey(y, fe.key) === getKey(x, fe.key)) === i);
    const fresh = names.filter((n) => !kept.some((x) => getKey(x, fe.key) === n)).map((n) => ({ [fe.key]: n }));
    const next: unknown[] = [...kept, ...fresh];
    write(ctx, scope, container, key, next);
    for (let i = 0; i < next.length; i++) await askQuestions(questions, childScope(q, scope, next, i, listPath), ctx);
    const answered = next.filter((_, i) => test(q.keep_when, childScope(q, scope, next, i, listPath)));
    write(ctx, scope, container, key, answered.length > 0 ? answered : undefined);
    return;
  }

  write(ctx, scope, container, key, items);
  const min = q.min ?? 0;
  const noun = interpolate(q.message, scope);
  // After an add, the menu offers another (for lists marked `another`); otherwise "done" is the default.
  let adding = false;
  for (;;) {
    let action: string;
    if (items.length < min) action = 'add';
    else {
      const choices: PromptChoice<string>[] = [
        { value: 'add', name: interpolate(q.add ?? 'Add one', scope) },
        { value: 'done', name: interpolate(q.done ?? 'Done', scope) },
        ...items.map((item, i) => ({ value: `edit:${i}`, name: `Edit ${itemLabel(q, item)}` })),
        ...(items.length > min ? items.map((item, i) => ({ value: `remove:${i}`, name: `Remove ${itemLabel(q, item)}` })) : []),
      ];
      const listed = items.length > 0 ? items.map((x) => itemLabel(q, x)).join(', ') : 'none yet';
      action = await ctx.prompter.select({ message: `${noun}: ${listed}`, choices, default: q.another && adding ? 'add' : 'done' });
    }
    if (action === 'done') break;
    if (action.startsWith('remove:')) {
      adding = false;
      items.splice(Number(action.slice('remove:'.length)), 1);
      stamp(ctx.changedAt, container, key, ++ctx.tick);
      continue;
    }
    adding = action === 'add';
    let index: number;
    if (action === 'add') {
      items.push(isScalarList(q) ? undefined : {});
      index = items.length - 1;
    } else index = Number(action.slice('edit:'.length));
    const child = childScope(q, scope, items, index, listPath);
    await askQuestions(questions, child, ctx);
    // An empty answer for a one-line item (a goal left blank) removes it.
    if (isScalarList(q) && items[index] === undefined) items.splice(index, 1);
    stamp(ctx.changedAt, container, key, ++ctx.tick);
  }
  write(ctx, scope, container, key, items.length > 0 ? items : undefined);
}
