// The text the yaml library's stringifyString writes for an everyday string in a block document (YAML 1.1
// schema, no line width, no style asked for), worked out here: the library's writer is the larger part of
// writing a small document, since a run meets most of its code, and its dozen YAML 1.1 expressions, only once.
// Everything this is unsure of (tabs, control characters, lone surrogates, backslashes with double quotes,
// texts a YAML 1.1 tag may read, blanks at a block's edges) is left to the library: `undefined`.
// tests/render/yaml-text.test.ts holds it to the library on random texts (through blockYaml);
// tests/render/yaml-scalar.test.ts shows which texts it writes, and that the examples' documents need no other.

/** First characters after which the library never writes a text plain (YAML indicators, and a blank). */
const INDICATOR_FIRST = new Set([...' ,[]{}#&*!|>\'"%@`']);

/**
 * First characters of the texts a YAML 1.1 tag of the library may read as something else (numbers, dates,
 * `~`, `<<`), or a `-` or `.` that may open a document marker: such texts are the library's to write.
 */
const TAG_FIRST = new Set([...'0123456789+-.~<?:']);

/** The words YAML 1.1 reads as booleans or null (the library quotes them). None is over 5 characters. */
const YAML_11_WORD_LENGTH = 5;
const YAML_11_WORDS: ReadonlySet<string> = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL',
]);

/**
 * Texts of characters the library writes as they are (in any style): no tab, no control character (C0, DEL, C1),
 * no lone surrogate, and no line or paragraph separator, after which its test for document markers (`%`, `---`)
 * sees a new line. Not empty. Expressions and string methods rather than a loop over characters: a loop run on
 * every text of a document gets optimised by V8 on another thread, which costs a short run more than it saves.
 */
const EVERYDAY_CHARACTERS = /^[\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\u{10ffff}]+$/u;
const LINE_BREAKS = /\n+/g;
/** `1.0.0`, `3.1.0`: digits and (tested apart) at least two dots, which no YAML 1.1 number, time or date reads. */
const DOTTED_VERSION = /^[0-9][0-9.]*$/;
/** `e5`, `E-3`: the library's YAML 1.1 float tag reads an exponent with no digits before it as a number. */
const EXPONENT = /^[eE][-+]?[0-9]+$/;

/**
 * Texts the library writes plain, as they are, wherever they stand in a block document: a letter first, no `:`
 * or `#`, no line break or tab, no blank at the end, not a YAML 1.1 word or exponent. Most keys and names are;
 * one expression tells, before everydayScalar's longer look (which V8 would optimise, at a cost, when it ran on
 * every text of a larger document).
 */
const PLAIN_AS_IS = /^[A-Za-z][A-Za-z0-9 _.,/()'+=-]*$/;

export function isPlainAsIs(value: string): boolean {
  return (
    PLAIN_AS_IS.test(value) &&
    value[value.length - 1] !== ' ' &&
    !(value.length <= YAML_11_WORD_LENGTH && YAML_11_WORDS.has(value)) &&
    !EXPONENT.test(value)
  );
}

/**
 * `value` as the library writes it when it is a key (`implicitKey`) or a value at `indent` (not '': the first
 * level's texts are the library's, which indents their blocks its own way), or undefined when unsure.
 */
export function everydayScalar(value: string, indent: string, implicitKey: boolean): string | undefined {
  if (indent === '' || !EVERYDAY_CHARACTERS.test(value)) return undefined;
  const head = value[0]!;
  const tail = value[value.length - 1]!;

  if (value.includes('\n')) {
    // A literal block with its final line break stripped (`|-`), each line at the indent (blank lines bare):
    // unless it is a key (quoted), or starts or ends with a blank or line break (other headers).
    if (implicitKey || head === ' ' || head === '\n' || tail === ' ' || tail === '\n') return undefined;
    return `|-\n${indent}${value.replace(LINE_BREAKS, `$&${indent}`)}`;
  }

  const needsQuotes =
    INDICATOR_FIRST.has(head) ||
    ((head === '-' || head === '?') && (value.length === 1 || value[1] === ' ')) ||
    value.includes(': ') ||
    value.includes(' #') ||
    tail === ' ' ||
    tail === ':';
  if (!needsQuotes) {
    if (TAG_FIRST.has(head)) return DOTTED_VERSION.test(value) && value.indexOf('.') !== value.lastIndexOf('.') ? value : undefined;
    if (!(value.length <= YAML_11_WORD_LENGTH && YAML_11_WORDS.has(value)) && !EXPONENT.test(value)) return value;
  }
  // Quoted: single quotes for a text with double quotes only; else double quotes, written as the text's JSON form
  // when it has nothing to escape (the library then rewrites nothing).
  if (value.includes('"')) return value.includes("'") ? undefined : `'${value}'`;
  return value.includes('\\') ? undefined : JSON.stringify(value);
}

