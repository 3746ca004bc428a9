// Small text and ordering helpers the planning rules share. Pure, locale-free.

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The text as one flat string, now. A template literal of many parts is a tree of its pieces (V8's cons strings)
 * until something reads it; the plan's texts all live until they are rendered, so every scavenge on the way
 * copies each tree, about twice the size of the text. Reading a character makes V8 flatten the tree in place,
 * and its pieces die young. The characters are the same: only where they are kept changes.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Each text of the list made flat (see flat); the same list. */
export function flatAll<T extends readonly string[]>(texts: T): T {
  for (const text of texts) flat(text);
  return texts;
}

/** Code-unit comparison: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy without duplicates. */
export function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareText);
}

/** Copy without duplicates, first occurrence order kept. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** `1 entity`, `2 entities`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `a` or `an` by the sound the word starts with: the vowel-letter rule, except that an initialism is read letter
 * by letter (`an HTTPAuditLog`, `an SMSMessage`, `a URL`), a `u` said "you" takes `a` (`a User`, `a Unit`, `a
 * usage`, but `an update`), `eu` and `one` take `a`, and a silent `h` takes `an` (`an hour`).
 */
export function aOrAn(word: string): string {
  // A capital before another capital or a digit is read as a letter: HTTP, S3 (an S3Object), F1.
  const initialism = /^[A-Z][A-Z0-9]/.exec(word);
  if (initialism) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^(u[bcdfgjklmnprstvz][aeiou]|eu|one\b|once)/i.test(word) && !/^un[^i]/i.test(word)) return 'a';
  if (/^(hour|honest|honou?r|heir)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** `an Appointment`, `a Payment`. */
export function withArticle(word: string): string {
  return `${aOrAn(word)} ${word}`;
}

/** `1 engineer`, `2 engineers`: the regular plural by adding `s`. */
export function countS(n: number, word: string): string {
  return count(n, word, `${word}s`);
}

/** Irregular past participles of verbs an action path may use (TEXT-2). */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  bind: 'bound', build: 'built', buy: 'bought', choose: 'chosen', do: 'done', draw: 'drawn', find: 'found',
  freeze: 'frozen', get: 'got', give: 'given', hide: 'hidden', hold: 'held', lay: 'laid', make: 'made',
  pay: 'paid', put: 'put', read: 'read', rebuild: 'rebuilt', redo: 'redone', resend: 'resent', reset: 'reset',
  run: 'run', sell: 'sold', send: 'sent', set: 'set', shut: 'shut', split: 'split', take: 'taken',
  undo: 'undone', withdraw: 'withdrawn', write: 'written',
};

/** Longer verbs stressed on the last syllable (and British -l) that double their final consonant (TEXT-2). */
const DOUBLING = new Set([
  'admit', 'cancel', 'commit', 'compel', 'control', 'defer', 'deter', 'emit', 'equip', 'expel', 'forbid',
  'incur', 'label', 'level', 'model', 'occur', 'omit', 'patrol', 'permit', 'prefer', 'propel', 'refer',
  'regret', 'submit', 'transfer', 'travel', 'unpin', 'unzip',
]);

/**
 * TEXT-2: the past participle of an action verb, for event names (`cancel` -> `cancelled`). The irregular
 * table first; words already ending in -ed stay; -e adds d; consonant + y becomes -ied; a one-syllable
 * consonant-vowel-consonant word (not ending in w, x or y) and the words of DOUBLING double the last
 * letter; every other word adds -ed.
 */
export function pastParticiple(verb: string): string {
  const w = verb.toLowerCase();
  if (w === '') return w;
  const irregular = IRREGULAR_PAST[w];
  if (irregular !== undefined) return irregular;
  if (w.endsWith('ed')) return w;
  if (w.endsWith('e')) return `${w}d`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
  const oneSyllableCvc = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w);
  if (oneSyllableCvc || DOUBLING.has(w)) return `${w}${w[w.length - 1]}ed`;
  return `${w}ed`;
}

/** TEXT-2 over an action path word: the first word becomes past tense, the rest follow (`mark-paid` -> `marked_paid`). */
export function eventAction(action: string): string {
  const words = action.split(/[-_\s]+/).filter((x) => x !== '').map((x) => x.toLowerCase());
  if (words.length === 0) return 'completed';
  return [pastParticiple(words[0]!), ...words.slice(1)].join('_');
}
