import { describe, expect, it } from 'vitest';
import { closest, closestValue, didYouMean, editDistance, withDidYouMean } from '../../src/answers/similar.js';
import { validateName } from '../../src/answers/index.js';
import { formatPath, parsePath } from '../../src/answers/paths.js';

describe('did you mean', () => {
  it('measures edits, a swap of neighbours counting as one', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('cahce', 'cache')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });

  it('suggests the nearest name within a third of its length, ignoring case', () => {
    expect(didYouMean('DuplicatePaymnt', ['PaymentDeclined', 'DuplicatePayment'])).toBe(' (did you mean "DuplicatePayment"?)');
    expect(closest('customer', ['Customer', 'Payment'])).toBe('Customer');
    expect(closest('Strpe', ['Stripe'])).toBe('Stripe');
    expect(closest('Paypal', ['Stripe'])).toBeUndefined();
    expect(closest('ab', ['xy'])).toBeUndefined();
    // The first of equally near candidates, in the order given.
    expect(closest('cat', ['bat', 'cut'])).toBe('bat');
  });

  it('falls back to a name the word begins, then one it is a whole part of, and ignores case there too', () => {
    expect(closest('mongo', ['postgresql', 'mongodb'])).toBe('mongodb');
    expect(closest('product', ['total', 'product_id'])).toBe('product_id');
    expect(closest('int', ['bigint', 'integer'])).toBe('integer');
    expect(closest('p95_ms', ['latency_p95_ms', 'throughput_rps'])).toBe('latency_p95_ms');
    expect(closest('Refund', ['refund_row'])).toBe('refund_row');
    expect(closest('entity', ['entities', 'endpoints'])).toBe('entities');
    expect(closest('Categories', ['Product', 'Category'])).toBe('Category');
    // Not inside a word, nor for names under 3 characters.
    expect(closest('fund', ['refunds'])).toBeUndefined();
    expect(closest('id', ['idempotent'])).toBeUndefined();
  });

  it('adds "did you mean" to a message as one sentence, inside a parenthesis the message ends with', () => {
    expect(withDidYouMean('unknown error "Dup"', 'Duplicat', ['Duplicate'])).toBe('unknown error "Dup" (did you mean "Duplicate"?)');
    expect(withDidYouMean('unknown field "reasons" in Refund (a field of Payment)', 'reasons', ['reason'])).toBe(
      'unknown field "reasons" in Refund (a field of Payment; did you mean "reason"?)',
    );
    // A quoted name holding a parenthesis is not a parenthesis of the message.
    expect(withDidYouMean('unknown entity "a)"', 'Notes', ['Note'])).toBe('unknown entity "a)" (did you mean "Note"?)');
    expect(withDidYouMean('unknown field "x" in A (a field of B)', 'x', ['customer'])).toBe('unknown field "x" in A (a field of B)');
  });

  it('knows other words for allowed values', () => {
    const types = ['string', 'integer', 'bigint', 'decimal', 'boolean', 'datetime'];
    expect(closestValue('float', types)).toBe('decimal');
    expect(closestValue('Timestamp', types)).toBe('datetime');
    expect(closestValue('long', types)).toBe('bigint');
    expect(closestValue('read', ['list', 'get', 'create', 'update', 'delete'])).toBe('get');
    expect(closestValue('remove', ['list', 'get', 'create', 'update', 'delete'])).toBe('delete');
    // A synonym whose value is not allowed here is no suggestion.
    expect(closestValue('float', ['string'])).toBeUndefined();
  });
});

describe('validateName', () => {
  it('uses the same texts as validation', () => {
    expect(validateName('entity', 'Payment')).toBeNull();
    expect(validateName('entity', 'payment')).toBe('must be PascalCase, like "PaymentMethod"');
    expect(validateName('error', 'Bad-Thing')).toBe('must be PascalCase, like "PaymentMethod"');
    expect(validateName('field', 'amount_cents')).toBeNull();
    expect(validateName('field', 'amountCents')).toBe('must be snake_case, like "created_at"');
    expect(validateName('module', 'billing-core')).toBeNull();
    expect(validateName('slug', 'Billing')).toBe('must be kebab-case, like "billing-core"');
    expect(validateName('entity', `A${'b'.repeat(63)}`)).toBe('must be at most 63 characters');
    expect(validateName('integration', 'Stripe Connect')).toBeNull();
    expect(validateName('integration', '')).toBe('must not be empty');
    expect(validateName('integration', '../x')).toBe('must not hold "/" or "\\"');
    expect(validateName('integration', 'a..b')).toBe('must not hold ".."');
    expect(validateName('integration', 'a\u0000b')).toBe('must not hold control characters');
    expect(validateName('integration', 'é'.repeat(32))).toBe('must be at most 63 bytes in UTF-8');
  });
});

describe('key paths', () => {
  it('formats and parses paths, quoting odd keys', () => {
    expect(formatPath(['endpoints', 0, 'errors', 1])).toBe('endpoints[0].errors[1]');
    expect(formatPath(['stack', 'a b', '<<'])).toBe('stack["a b"]["<<"]');
    expect(parsePath('endpoints[0].errors[1]')).toEqual(['endpoints', 0, 'errors', 1]);
    expect(parsePath('stack["a b"]["<<"]')).toEqual(['stack', 'a b', '<<']);
    expect(parsePath('')).toEqual([]);
    expect(parsePath('a.b[x')).toEqual(['a', 'b']);
  });
});
