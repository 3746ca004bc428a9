// The core schema's numbers told by hand (yaml-number.ts), held to the expressions they replace.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { INFINITIES_AND_NAN, isCoreNumber, isDecimalInteger, isDecimalNumber, prefixedIntegerBase } from '../../src/answers/yaml-number.js';

// The specification: the `yaml` package's core schema tests, and the union the OpenAPI writer quoted by.
const DECIMAL_INTEGER = /^[-+]?[0-9]+$/;
const DECIMAL_NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const NUMBER_IN_YAML_12 = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

describe('YAML 1.2 core numbers', () => {
  const piece = fc.constantFrom(...'0123456789+-.eEoxXabfAFnNiI~_ \n'.split(''), '0x', '0o', '.inf', '.Inf', '.NaN', '.nan', 'nan', 'e5', '1.5');
  const texts = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string({ maxLength: 8 }));

  test('each test gives what its expression gives, on random texts of number characters', () => {
    fc.assert(fc.property(texts, (s) => {
      expect(isDecimalInteger(s), s).toBe(DECIMAL_INTEGER.test(s));
      expect(isDecimalNumber(s), s).toBe(DECIMAL_NUMBER.test(s));
      expect(prefixedIntegerBase(s), s).toBe(OCTAL.test(s) ? 8 : HEX.test(s) ? 16 : 0);
      expect(INFINITIES_AND_NAN.has(s), s).toBe(INF_NAN.test(s));
      expect(isCoreNumber(s), s).toBe(NUMBER_IN_YAML_12.test(s));
    }), { seed: 20261206, numRuns: 30000 });
  });

  test.each([
    ['1', true], ['-1', true], ['+0', true], ['1.', true], ['.5', true], ['1.5e3', true], ['.5E-2', true], ['1e+3', true],
    ['0o17', true], ['0x1F', true], ['-.inf', true], ['.NaN', true],
    ['', false], ['.', false], ['+', false], ['e5', false], ['1e', false], ['1.0.0', false], ['0o8', false], ['0x', false],
    ['-.nan', false], ['1_000', false], ['12:30', false], ['2026-01-01', false], ['1 ', false], ['1\n', false],
  ])('%j is a number: %s', (text, number) => {
    expect(isCoreNumber(text)).toBe(number);
    expect(NUMBER_IN_YAML_12.test(text)).toBe(number);
  });
});
