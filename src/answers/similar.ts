// "Did you mean" suggestions: the nearest known name by edit distance, case-insensitive. Pure.

/** Past this many candidates no suggestion is searched for, so huge files stay fast. */
const MAX_CANDIDATES = 1000;

/**
 * Edit distance (Levenshtein, plus a swap of two neighbours as one edit: "cahce" is one edit from "cache"),
 * giving up (returning limit + 1) once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest candidate within about a third of the name's length (at least 1 edit); failing that, for a name
 * of 3 or more characters, its plural or singular (`entity` -> `entities`), then the shortest candidate it
 * begins (`mongo` -> `mongodb`, `product` -> `product_id`), then the shortest it is a whole part of (`p95_ms` ->
 * `latency_p95_ms`). Case is ignored. Or undefined.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length > MAX_CANDIDATES || name === '') return undefined;
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(lower.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of list) {
    if (c === name) continue;
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined || lower.length < 3) return best;
  // Singular for plural and back: `entity` -> `entities`, `categories` -> `category`.
  const plural = list.find((c) => isPluralOf(c.toLowerCase(), lower) || isPluralOf(lower, c.toLowerCase()));
  if (plural !== undefined) return plural;
  return shortest(list.filter((c) => c.toLowerCase().startsWith(lower))) ??
    shortest(list.filter((c) => wholePartOf(lower, c.toLowerCase())));
}

/** `entities` of `entity`, `boxes` of `box`, `diagnoses` of `diagnosis` (English rules, enough for a suggestion). */
function isPluralOf(plural: string, word: string): boolean {
  return plural === `${word}s` || plural === `${word}es` ||
    (word.endsWith('y') && plural === `${word.slice(0, -1)}ies`) ||
    (word.endsWith('sis') && plural === `${word.slice(0, -2)}es`);
}

/** `p95_ms` in `latency_p95_ms`: the name is the candidate's end, or a run of its parts between `_` or `-`. */
function wholePartOf(name: string, candidate: string): boolean {
  if (candidate === name) return false;
  const at = candidate.indexOf(name);
  if (at < 0) return false;
  const before = at === 0 || /[_-]/.test(candidate[at - 1]!);
  const after = at + name.length === candidate.length || /[_-]/.test(candidate[at + name.length]!);
  return before && after;
}

function shortest(list: string[]): string | undefined {
  let best: string | undefined;
  for (const c of list) if (best === undefined || c.length < best.length) best = c;
  return best;
}

/** Other words for an allowed value, where no spelling is near: `float` means decimal, `read` means get. */
const SYNONYMS: Record<string, readonly string[]> = {
  // field types
  int: ['integer'], int32: ['integer'], number: ['decimal', 'integer'], float: ['decimal'], double: ['decimal'],
  numeric: ['decimal'], money: ['decimal'], long: ['bigint'], int64: ['bigint'], bool: ['boolean'],
  str: ['string'], varchar: ['string'], char: ['string'], guid: ['uuid'], timestamp: ['datetime'],
  timestamptz: ['datetime'], jsonb: ['json'], object: ['json'], uri: ['url'],
  // resource operations
  read: ['get'], show: ['get'], fetch: ['get'], retrieve: ['get'], index: ['list'], all: ['list'],
  add: ['create'], new: ['create'], insert: ['create'], edit: ['update'], patch: ['update'], put: ['update'],
  remove: ['delete'], destroy: ['delete'],
  // stack
  pg: ['postgresql'], postgre: ['postgresql'], mariadb: ['mysql'], k8s: ['kubernetes'], google: ['gcp'],
  amazon: ['aws'], microsoft: ['azure'], nullify: ['set-null'],
};

/** closest, after the synonyms of allowed values: `float` -> `decimal`, `read` -> `get`. */
export function closestValue(value: string, allowed: readonly string[]): string | undefined {
  const synonyms = Object.hasOwn(SYNONYMS, value.toLowerCase()) ? SYNONYMS[value.toLowerCase()]! : [];
  const lower = value.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === lower && a !== value) ?? synonyms.find((s) => allowed.includes(s)) ?? closest(value, allowed);
}

/** A name as messages show it: in double quotes, with control characters escaped. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

/** ` (did you mean "X"?)` or ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c === undefined ? '' : ` (did you mean ${quote(c)}?)`;
}

/** A message that already ends in a parenthesis: `(a field of Payment)`, quoted names inside it allowed. */
const ENDS_IN_PARENTHESIS = /\((?:[^()"]|"(?:[^"\\]|\\.)*")*\)$/;

/**
 * The message with "did you mean" for the nearest candidate, as one sentence: ` (did you mean "X"?)` after
 * it, or, when it already ends in a parenthesis, inside that one (`(a field of Payment; did you mean
 * "reason"?)`), never two parentheses in a row. The message unchanged when no candidate is near.
 */
export function withDidYouMean(message: string, name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  if (c === undefined) return message;
  return ENDS_IN_PARENTHESIS.test(message) ? `${message.slice(0, -1)}; did you mean ${quote(c)}?)` : `${message} (did you mean ${quote(c)}?)`;
}
