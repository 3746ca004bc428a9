// The identifier and layout helpers the code models use (src/render/helpers.ts).

import { describe, expect, it } from 'vitest';
import { align, constName, goName, goTag, quote, upperFirst } from '../../src/render/helpers.js';

describe('code identifier helpers', () => {
  it('goName: exported Go names with initialisms', () => {
    expect(goName('customer_id')).toBe('CustomerID');
    expect(goName('home_url')).toBe('HomeURL');
    expect(goName('api_key')).toBe('APIKey');
    expect(goName('in-progress')).toBe('InProgress');
    expect(goName('2fa')).toBe('X2fa');
    expect(goName('stripeCustomerId')).toBe('StripeCustomerID');
    expect(goName('---')).toBe('X');
  });
  it('constName: UPPER_SNAKE, never starting with a digit', () => {
    expect(constName('in-progress')).toBe('IN_PROGRESS');
    expect(constName('2fa')).toBe('V_2FA');
    expect(constName('Ready To Go')).toBe('READY_TO_GO');
    expect(constName('')).toBe('VALUE');
  });
  it('upperFirst', () => {
    expect(upperFirst('createPayment')).toBe('CreatePayment');
    expect(upperFirst('')).toBe('');
  });
  it('goTag: one line, quotes and backslashes escaped, no backtick', () => {
    expect(goTag('Said "hi"\n\\ back`slash`')).toBe('Said \\"hi\\" \\\\ back\'slash\'');
  });
  it('quote: a string literal for TypeScript, Python and Go', () => {
    expect(quote('a "b" \\ c\u2028')).toBe('"a \\"b\\" \\\\ c\\u2028"');
  });
  it('align: columns padded to the widest cell plus one space, the last left as is', () => {
    expect(align([['ID', 'string', '`json:"id"`'], ['CustomerID', '*string', '`x`'], ['Ä', 'int', '']])).toEqual([
      'ID         string  `json:"id"`',
      'CustomerID *string `x`',
      'Ä          int',
    ]);
  });
});
