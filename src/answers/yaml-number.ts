// The numbers of YAML 1.2's core schema (the `yaml` package's, which the strict loader reads with), told by hand
// rather than by its expressions: V8 compiles an expression on its first use, a few hundredths of a millisecond
// apiece, in every run, and most texts are told apart by their first character. Pure. The expressions they
// replace are the specification in tests/answers/yaml-number.test.ts.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** `[-+]?[0-9]+`, the whole text. */
export function isDecimalInteger(text: string): boolean {
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  if (i === text.length) return false;
  for (; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * `[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?`, the whole text: a decimal integer, a float (`1.5`,
 * `.5`, `1.`) or either with an exponent (`1e3`, `.5E-2`).
 */
export function isDecimalNumber(text: string): boolean {
  const n = text.length;
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  const whole = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const wholeDigits = i - whole;
  if (i < n && text[i] === '.') {
    i++;
    const fraction = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (wholeDigits === 0 && i === fraction) return false; // `.` alone, or before no digit
  } else if (wholeDigits === 0) {
    return false;
  }
  if (i === n) return true;
  if (text[i] !== 'e' && text[i] !== 'E') return false;
  i++;
  if (text[i] === '-' || text[i] === '+') i++;
  const exponent = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i > exponent && i === n;
}

/** `0o[0-7]+` (octal) or `0x[0-9a-fA-F]+` (hexadecimal), the whole text: its base, else 0. */
export function prefixedIntegerBase(text: string): 0 | 8 | 16 {
  if (text.length < 3 || text[0] !== '0' || (text[1] !== 'o' && text[1] !== 'x')) return 0;
  const hex = text[1] === 'x';
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = hex ? isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) : c >= 48 && c <= 55;
    if (!ok) return 0;
  }
  return hex ? 16 : 8;
}

/** `[-+]?\.(?:inf|Inf|INF)` and `\.(?:nan|NaN|NAN)`, with their values. */
export const INFINITIES_AND_NAN: ReadonlyMap<string, number> = new Map(
  ['.inf', '.Inf', '.INF'].flatMap((inf) => [[inf, Infinity], [`+${inf}`, Infinity], [`-${inf}`, -Infinity]] as [string, number][])
    .concat(['.nan', '.NaN', '.NAN'].map((nan) => [nan, NaN] as [string, number])),
);

/** Whether the core schema reads the plain scalar `text` as a number (an integer in any base, a float, an infinity, NaN). */
export function isCoreNumber(text: string): boolean {
  return isDecimalNumber(text) || prefixedIntegerBase(text) !== 0 || INFINITIES_AND_NAN.has(text);
}
