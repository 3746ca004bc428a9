// NAMES-1..4 as properties: entity names built the way people build them (capitalised words, initialisms,
// numbers, listed mixed-case names, run together) keep their words in every case and in the plural.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pluralize, tableName, toCamel, toConstant, toKebab, toPascal, toSnake, words } from '../../src/answers/names.js';

// Words of three letters or more: a capital and one letter after an initialism (AA + Se -> AASes) reads back as a plural initialism.
const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
const initialism = fc.stringMatching(/^[A-Z]{2,4}$/);
const number = fc.stringMatching(/^[1-9][0-9]{0,3}$/);
const unit = fc.stringMatching(/^[1-9][0-9]{0,2}[A-Z]{1,2}$/);
const term = fc.constantFrom('IoT', 'OAuth', 'GitHub', 'PayPal', 'WiFi', 'GraphQL');
type Part = { kind: 'word' | 'initialism' | 'number' | 'term'; text: string };
const part: fc.Arbitrary<Part> = fc.oneof(
  word.map((text) => ({ kind: 'word' as const, text })),
  initialism.map((text) => ({ kind: 'initialism' as const, text })),
  fc.oneof(number, unit).map((text) => ({ kind: 'number' as const, text })),
  term.map((text) => ({ kind: 'term' as const, text })),
);
/** A PascalCase name: it begins with a letter, and two initialisms never touch (HTTPAPI has no word break to find). */
const entityName = fc.array(part, { minLength: 1, maxLength: 5 })
  .filter((parts) => parts[0]!.kind !== 'number' && parts.every((p, i) => i === 0 || !(p.kind === 'initialism' && parts[i - 1]!.kind === 'initialism')))
  .map((parts) => parts.map((p) => p.text).join(''));

describe('NAMES properties', () => {
  it('every case spells the same words; the plural has as many words and keeps all but one', () => {
    fc.assert(fc.property(entityName, (name) => {
      const w = words(name);
      expect(w.length).toBeGreaterThan(0);
      for (const spelled of [toSnake(name), toKebab(name), toPascal(name), toCamel(name), toConstant(name)]) expect(words(spelled), spelled).toEqual(w);
      const plural = words(pluralize(name));
      expect(plural.length).toBe(w.length);
      expect(plural.filter((x, i) => x !== w[i]).length).toBeLessThanOrEqual(1);
      expect(tableName(name)).toBe(plural.join('_'));
    }), { seed: 20261206, numRuns: 3000 });
  });
});
