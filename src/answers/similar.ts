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

/** The closest candidate within about a third of the name's length (at least 1 edit), or undefined. */
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
  return best;
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
