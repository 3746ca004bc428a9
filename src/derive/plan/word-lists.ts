// Tests of a name or a text against a list of words, written with string methods rather than regular
// expressions: V8 compiles a regular expression the first time it runs, and one of a few dozen alternatives took
// 0.1 to 0.2 ms to compile, more at start-up than all the asking (each list is asked a handful of times on a small
// model). Pure.

/** `name` is one of `words` or ends in `_` and one of them: `billing_email`, not `email_template` or `remail`. */
export function endsWithWord(name: string, words: readonly string[]): boolean {
  for (const w of words) {
    if (name.endsWith(w) && (name.length === w.length || name.charCodeAt(name.length - w.length - 1) === 95)) return true;
  }
  return false;
}

/**
 * `text` with its ASCII capitals in lower case and nothing else changed: a regular expression's `i` flag matches
 * an ASCII word only against ASCII letters (toLowerCase would also turn the Kelvin sign into a `k`).
 */
export function lowerAscii(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      out += text.slice(from, i) + String.fromCharCode(c + 32);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `text` ends with one of `words` (lower case), in any case. */
export function endsWithAny(text: string, words: readonly string[]): boolean {
  const lower = lowerAscii(text);
  return words.some((w) => lower.endsWith(w));
}

/** `text` holds one of `words` (lower case) anywhere, in any case. */
export function includesAny(text: string, words: readonly string[]): boolean {
  const lower = lowerAscii(text);
  return words.some((w) => lower.includes(w));
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;

/**
 * The runs of `text` whose characters pass `inRun`, lower case, each with the text between it and the next run:
 * `splitRuns('E-mail sent', isAsciiLetter)` is `[['e', '-'], ['mail', ' '], ['sent', '']]`.
 */
function splitRuns(text: string, inRun: (c: number) => boolean): [string, string][] {
  const runs: [string, string][] = [];
  let i = 0;
  while (i < text.length && !inRun(text.charCodeAt(i))) i++;
  while (i < text.length) {
    const start = i;
    while (i < text.length && inRun(text.charCodeAt(i))) i++;
    const end = i;
    while (i < text.length && !inRun(text.charCodeAt(i))) i++;
    runs.push([lowerAscii(text.slice(start, end)), text.slice(end, i)]);
  }
  return runs;
}

/** The words of `text` as a regular expression's `\b` sees them (runs of ASCII letters, digits and `_`), lower case. */
export function asciiWords(text: string): string[] {
  return splitRuns(text, isAsciiWordChar).map(([run]) => run);
}

/** Words to look for among a text's letter runs (see saysAny): whole words, stems and two-word phrases. */
export interface WordList {
  /** Whole words: `send` is in `send it`, not in `sender`. */
  words: ReadonlySet<string>;
  /** Word beginnings: `notif` is in `notify` and `notification`. */
  stems: readonly string[];
  /** Two words with one space between them: `look up`. */
  pairs: readonly (readonly [string, string])[];
}

/**
 * Whether `text` says one of `list`'s words, reading words as `(^|[^a-z])(...)([^a-z]|$)` with the `i` flag does:
 * runs of ASCII letters, any other character between them (a stem's `\w*` may run on through digits and `_`).
 */
export function saysAny(text: string, list: WordList): boolean {
  const runs = splitRuns(text, isAsciiLetter);
  return runs.some(([run, gap], i) =>
    list.words.has(run) || list.stems.some((s) => run.startsWith(s)) || (gap === ' ' && list.pairs.some(([a, b]) => a === run && runs[i + 1]?.[0] === b)));
}
