import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { readAnswers } from '../../src/answers/index.js';
const base = readFileSync('/work/shared/spec/payments.yaml', 'utf8');
const muts: Record<string, [string, string][]> = {
  enum: [['language: go', 'language: rust']],
  fw: [['framework: chi', 'framework: express']],
  unknownkey: [['  cache: redis', '  cahce: redis']],
  topkey: [['version: 1', 'version: 1\ncolour: red']],
  missing: [['  summary: >-', '  sumary: >-']],
  avail: [['availability: "99.9"', 'availability: 99.9']],
  rate: [['rate_limit: 100/s', 'rate_limit: 100 per second']],
  path: [['path: /payments/{id}/refunds', 'path: payments/:id/refunds']],
  values: [['type: string, required: true, max_length: 64', 'type: string, required: true, max_length: 64, values: [a]']],
  enumnovals: [['type: enum, values: [usd, eur, gbp], required: true', 'type: enum, required: true']],
  minstr: [['{ name: name, type: string, required: true, max_length: 120 }', '{ name: name, type: string, required: true, min: 1 }']],
  status: [['status: 402', 'status: 302']],
  badname: [['name: Refund\n', 'name: refund\n']],
  err: [['errors: [PaymentDeclined, DuplicatePayment]', 'errors: [PaymentDeclined, DuplicatePaymnt]']],
  integ: [['integrations: [Stripe]\n  - method: GET', 'integrations: [Strpe]\n  - method: GET']],
  ref: [['references: Customer', 'references: Custmer']],
  entity: [['entity: Refund\n', 'entity: Refnd\n']],
  req: [['request: [amount_cents, reason]', 'request: [amount, reason, created_at]']],
  rawless: [['    request: raw', '    request: [a]']],
  resp: [['entity: Refund\n', 'entity: Refund\n    response: Refunds\n']],
  defenum: [['default: pending', 'default: pendng']],
  defint: [['amount_cents, type: integer, required: true, min: 1 }\n      - { name: currency', 'amount_cents, type: integer, required: true, min: 1, default: "x" }\n      - { name: currency']],
  idx: [['fields: [customer_id, created_at]', 'fields: [customer_id, created]']],
  dupent: [['name: Refund\n', 'name: Payment\n']],
  casefold: [['name: Refund\n', 'name: PAYMENT\n']],
  dupfield: [['{ name: reason, type: text }', '{ name: reason, type: text }\n      - { name: reason, type: string }']],
  twoprimary: [['{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: reason', '{ name: amount_cents, type: integer, required: true, min: 1, primary: true }\n      - { name: reason']],
  dupmod: [['entities: [Customer]', 'entities: [Customer, Payment]']],
  modunknown: [['entities: [Customer]', 'entities: [Customers]']],
  duproute: [['path: /payments/{id}\n', 'path: /customers/{customerId}\n']],
  dupresource: [['operations: [create, get]', 'operations: [create, get, get]']],
  param2: [['path: /customers/{id}/payments', 'path: /customers/{id}/payments/{id}']],
  minmax: [['min: 1 }\n      - { name: currency', 'min: 10, max: 5 }\n      - { name: currency']],
  integname: [['  - name: Stripe\n', '  - name: "../Stripe"\n']],
  dupError: [['{ name: InvalidSignature, status: 400', '{ name: PaymentDeclined, status: 400']],
  proto: [['  cache: redis', '  __proto__: redis']],
  noent: [['  - method: GET\n    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment', '  - method: GET\n    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment\n    request: [x]\n    colour: 3']],
};
it('explore', () => {
  for (const [k, ms] of Object.entries(muts)) {
    let t = base;
    for (const [a, b] of ms) { if (!t.includes(a)) throw new Error(k + ' ' + a); t = t.replace(a, b); }
    const r = readAnswers(t, 'p.yaml');
    console.log(k.padEnd(10), r.problems.map(formatProblem).join('\n           '));
  }
});
import { at as at2, edit as edit2, payments as pay2 } from './helpers.js';
it('dups', () => {
    const t = edit2(
      pay2,
      ['  - name: Refund\n', '  - name: Payment\n'],
      ['{ name: reason, type: text }', '{ name: reason, type: text }\n      - { name: reason, type: string }'],
      ['  - name: billing', '  - name: customers'],
      ['{ name: InvalidSignature, status: 400', '{ name: PaymentDeclined, status: 400'],
      ['{ name: RefundExceedsPayment, status: 422', '{ name: Paymentdeclined, status: 422'],
      ['    rate_limit: 100/s\n', '    rate_limit: 100/s\n  - name: Stripe\n'],
    );
    console.log(readAnswers(t, 'p.yaml').problems.map(formatProblem).join('\n'));
});
