// everydayScalar: which texts it writes itself, and how. That each is what the yaml library writes is held by
// tests/render/yaml-text.test.ts (blockYaml against the library's Document on random texts); here, that the
// everyday shapes do not reach the library at all, which is what the module is for.
import { describe, expect, test, vi } from 'vitest';
import * as yamlUtil from 'yaml/util';
import { renderOpenApi } from '../../src/render/openapi.js';
import { renderOptions } from '../../src/render/options.js';
import { everydayScalar } from '../../src/render/yaml-scalar.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

vi.mock('yaml/util', async (original) => {
  const util = await original<typeof yamlUtil>();
  return { ...util, stringifyString: vi.fn(util.stringifyString) };
});

describe('everydayScalar', () => {
  test.each([
    // [text, as a value at 4 spaces, as a key]
    ['Payment', 'Payment', 'Payment'],
    ['/payments/{id}', '/payments/{id}', '/payments/{id}'],
    ['$ref', '$ref', '$ref'],
    ['a:b, c#d; [e] {f}', 'a:b, c#d; [e] {f}', 'a:b, c#d; [e] {f}'],
    ['é → ü, 日本語, 😀', 'é → ü, 日本語, 😀', 'é → ü, 日本語, 😀'],
    ['3.1.0', '3.1.0', '3.1.0'],
    ['OK: the payment.', '"OK: the payment."', '"OK: the payment."'],
    ['#/components/schemas/Payment', '"#/components/schemas/Payment"', '"#/components/schemas/Payment"'],
    ['say "hi": now', `'say "hi": now'`, `'say "hi": now'`],
    ["it's: here", `"it's: here"`, `"it's: here"`],
    ['yes', '"yes"', '"yes"'],
    ['E10', '"E10"', '"E10"'],
    ['two\nlines\n\nthree', '|-\n    two\n    lines\n\n    three', undefined],
  ])('%j', (text, asValue, asKey) => {
    expect(everydayScalar(text, '    ', false)).toBe(asValue);
    expect(everydayScalar(text, '    ', true)).toBe(asKey);
  });

  test.each([
    '', '0x1F', '1e3', '12:30', '-x', '.inf', '~', '<<', 'tab\there', 'bell\u0007', 'c1\u0085', 'lone\ud800', 'sep\u2028%',
    'both \' and ": x', 'back\\slash: x', ' lead\nblock', 'block\nends ', 'block\n',
  ])('%j is left to the library', (text) => {
    expect(everydayScalar(text, '    ', false)).toBeUndefined();
  });

  test('the first level is left to the library (its blocks are indented its own way)', () => {
    expect(everydayScalar('Payment', '', false)).toBeUndefined();
  });

  test("no example's OpenAPI document or options.yaml asks the library to write a text", () => {
    const stringifyString = vi.mocked(yamlUtil.stringifyString);
    for (const path of [REFERENCE, ...EXAMPLES, FIXTURES.names]) {
      const model = modelOf(path);
      stringifyString.mockClear();
      renderOpenApi(model);
      renderOptions(model);
      expect(stringifyString.mock.calls.map(([node]) => (node as { value: unknown }).value), path).toEqual([]);
    }
  });
});
