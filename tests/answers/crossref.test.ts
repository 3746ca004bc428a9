import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { at, edit, fixture, payments, problemsOf } from './helpers.js';

const minimal = fixture('minimal.yaml');
const p = (text: string, needle: string, rest: string, shift = 0, nth = 0): string =>
  `payments.yaml:${at(text, needle, shift, nth)} ${rest}`;
const check = (text: string): string[] => problemsOf(text, 'payments.yaml');

describe('cross-reference checks', () => {
  it('reports an unknown error with a suggestion, as answers.md shows', () => {
    const t = edit(payments, ['errors: [PaymentDeclined, DuplicatePayment]', 'errors: [PaymentDeclined, DuplicatePaymnt]']);
    expect(check(t)).toEqual([
      p(t, 'DuplicatePaymnt', 'endpoints[0].errors[1]: unknown error "DuplicatePaymnt" (did you mean "DuplicatePayment"?)'),
    ]);
  });

  it('reports unknown integrations', () => {
    const t = edit(payments, ['integrations: [Stripe]\n  - method: GET', 'integrations: [Strpe]\n  - method: GET']);
    expect(check(t)).toEqual([
      p(t, 'Strpe', 'endpoints[0].integrations[0]: unknown integration "Strpe" (did you mean "Stripe"?)'),
    ]);
  });

  it('reports unknown entities in references, endpoint entity, response, resources and modules', () => {
    const t = edit(
      payments,
      ['references: Customer', 'references: Custmer'],
      ['entities: [Customer]', 'entities: [Customers]'],
      ['  - entity: Customer', '  - entity: Client'],
      ['    entity: Refund\n', '    entity: Refnd\n'],
      ['    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment\n',
        '    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment\n    response: Payments\n'],
    );
    expect(check(t)).toEqual([
      p(t, 'Custmer', 'entities[1].fields[1].references: unknown entity "Custmer" (did you mean "Customer"?)'),
      p(t, 'Customers', 'modules[0].entities[0]: unknown entity "Customers" (did you mean "Customer"?)'),
      p(t, 'Client', 'resources[0].entity: unknown entity "Client"'),
      p(t, 'response: Payments', 'endpoints[2].response: unknown entity "Payments" (did you mean "Payment"?)', 10),
      p(t, 'Refnd', 'endpoints[3].entity: unknown entity "Refnd" (did you mean "Refund"?)'),
    ]);
    expect(check(edit(payments, ['    entity: Refund\n', '    entity: Refund\n    response: none\n']))).toEqual([]);
  });

  it('suggests names that differ only in case, once per node, for every kind of reference', () => {
    const t = `version: 1
project:
  name: Notes
  summary: Keep short notes
stack:
  language: go
  database: postgresql
entities:
  - name: Note
    fields:
      - { name: title, type: string, required: true }
      - { name: status, type: enum, values: [draft, published], default: Draft }
  - name: Comment
    fields:
      - { name: note_id, type: uuid, references: note }
    indexes:
      - fields: [Note_ID]
errors:
  - { name: NoteNotFound, status: 404, message: no such note }
integrations:
  - { name: Mailer, purpose: send mail, protocol: https }
endpoints:
  - method: POST
    path: /notes
    entity: Note
    request: [Title]
    response: NOTE
    errors: [notenotfound]
    integrations: [mailer]
  - method: GET
    path: /notes
    entity: note
modules:
  - name: core
    entities: [note]
`;
    // One problem each: the unknown name with its fix, not also "must be PascalCase" at the same place.
    expect(check(t)).toEqual([
      p(t, 'Draft', 'entities[0].fields[1].default: must be one of the values: draft, published (did you mean "draft"?)'),
      p(t, 'note }', 'entities[1].fields[0].references: unknown entity "note" (did you mean "Note"?)'),
      p(t, 'Note_ID', 'entities[1].indexes[0].fields[0]: unknown field "Note_ID" in Comment (did you mean "note_id"?)'),
      p(t, 'Title', 'endpoints[0].request[0]: unknown field "Title" in Note (did you mean "title"?)'),
      p(t, 'NOTE', 'endpoints[0].response: unknown entity "NOTE" (did you mean "Note"?)'),
      p(t, 'notenotfound', 'endpoints[0].errors[0]: unknown error "notenotfound" (did you mean "NoteNotFound"?)'),
      p(t, 'mailer', 'endpoints[0].integrations[0]: unknown integration "mailer" (did you mean "Mailer"?)'),
      p(t, 'note\n', 'endpoints[1].entity: unknown entity "note" (did you mean "Note"?)'),
      p(t, 'note]', 'modules[0].entities[0]: unknown entity "note" (did you mean "Note"?)'),
    ]);
  });

  it('checks request field names against the endpoint entity', () => {
    const t = edit(
      payments,
      ['request: [amount_cents, reason]', 'request: [amount, reason, created_at]'],
      ['    request: raw', '    request: [signature]'],
    );
    expect(check(t)).toEqual([
      p(t, 'amount,', 'endpoints[3].request[0]: unknown field "amount" in Refund (did you mean "amount_cents"?)'),
      p(t, 'created_at]', 'endpoints[3].request[2]: field "created_at" of Refund is filled in by the tool and cannot be in a request', 0, 1),
      p(t, '[signature]', 'endpoints[4].request: a list of fields needs an "entity"; use "raw" for another body'),
    ]);
    const near = edit(payments, ['request: [amount_cents, reason]', 'request: [amount_cent, reason]']);
    expect(check(near)).toEqual([
      p(near, 'amount_cent,', 'endpoints[3].request[0]: unknown field "amount_cent" in Refund (did you mean "amount_cents"?)'),
    ]);
    // Another entity's field: say whose it is.
    const other = edit(payments, ['request: [amount_cents, reason]', 'request: [amount_cents, reason, currency, email]']);
    expect(check(other)).toEqual([
      p(other, 'currency, email', 'endpoints[3].request[2]: unknown field "currency" in Refund (a field of Payment)'),
      p(other, 'email]', 'endpoints[3].request[3]: unknown field "email" in Refund (a field of Customer)'),
    ]);
    // Whose field it is and the near name of the endpoint's entity: one parenthesis, not two in a row.
    const both = edit(
      payments,
      ['      - { name: idempotency_key, type: string, required: true, unique: true, max_length: 80 }\n', '      - { name: idempotency_key, type: string, required: true, unique: true, max_length: 80 }\n      - { name: reasons, type: text }\n'],
      ['request: [amount_cents, reason]', 'request: [amount_cents, reasons]'],
    );
    expect(check(both)).toEqual([
      p(both, 'reasons]', 'endpoints[3].request[1]: unknown field "reasons" in Refund (a field of Payment; did you mean "reason"?)'),
    ]);
  });

  it('checks index fields, counting the fields the tool adds', () => {
    const t = edit(payments, ['fields: [customer_id, created_at]', 'fields: [customer_id, creatd_at, deleted_at]']);
    expect(check(t)).toEqual([
      p(t, 'creatd_at', 'entities[1].indexes[0].fields[1]: unknown field "creatd_at" in Payment (did you mean "created_at"?)'),
      p(t, 'deleted_at', 'entities[1].indexes[0].fields[2]: unknown field "deleted_at" in Payment'),
    ]);
  });

  it('checks enum defaults and default types', () => {
    const t = edit(
      payments,
      ['default: pending', 'default: pendng'],
      ['{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: currency',
        '{ name: amount_cents, type: integer, required: true, min: 1, default: 1.5 }\n      - { name: currency'],
      ['{ name: reason, type: text }', '{ name: reason, type: text, default: 3 }'],
      ['{ name: email, type: email, required: true, unique: true }', '{ name: email, type: email, required: true, unique: true }\n      - { name: vip, type: boolean, default: "no" }'],
    );
    expect(check(t)).toEqual([
      p(t, '"no"', 'entities[0].fields[2].default: must be true or false for a boolean field (write false)'),
      p(t, '1.5', 'entities[1].fields[3].default: must be a whole number for an integer field'),
      p(t, 'pendng', 'entities[1].fields[5].default: must be one of the values: pending, succeeded, failed, refunded (did you mean "pending"?)'),
      p(t, 'default: 3', 'entities[2].fields[3].default: must be text for a text field (quote it: "3")', 9),
    ]);
  });

  it('says to remove the quotes around a number or true/false default, and suggests none for a response None', () => {
    const t = edit(
      payments,
      ['{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: currency',
        '{ name: amount_cents, type: integer, required: true, min: 1, default: "5" }\n      - { name: currency'],
      ['{ name: email, type: email, required: true, unique: true }', '{ name: email, type: email, required: true, unique: true }\n      - { name: vip, type: boolean, default: "true" }'],
      ['    status: 204\n', '    status: 204\n    response: None\n'],
    );
    expect(check(t)).toEqual([
      p(t, '"true"', 'entities[0].fields[2].default: must be true or false for a boolean field (remove the quotes: true)'),
      p(t, '"5"', 'entities[1].fields[3].default: must be a whole number for an integer field (remove the quotes: 5)'),
      p(t, 'None', 'endpoints[4].response: unknown entity "None" (did you mean "none"?)'),
    ]);
  });

  it('checks that uuid, datetime and bounded defaults are ones the database accepts', () => {
    const t = edit(
      payments,
      ['{ name: name, type: string, required: true, max_length: 120 }',
        '{ name: name, type: string, required: true, max_length: 3, default: "Anonymous" }\n      - { name: ref, type: uuid, default: "not-a-uuid" }\n      - { name: seen, type: datetime, default: "2026-02-30T10:00:00Z" }'],
      ['{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: currency',
        '{ name: amount_cents, type: integer, required: true, min: 1, default: 0 }\n      - { name: currency'],
    );
    expect(check(t)).toEqual([
      p(t, '"Anonymous"', 'entities[0].fields[2].default: is longer than max_length (3)'),
      p(t, '"not-a-uuid"', 'entities[0].fields[3].default: must be a UUID like "123e4567-e89b-12d3-a456-426614174000"'),
      p(t, '"2026-02-30T10:00:00Z"', 'entities[0].fields[4].default: must be a date and time like "2026-01-05T09:30:00Z"'),
      p(t, 'default: 0', 'entities[1].fields[3].default: is less than min (1)', 9),
    ]);
    const fine = edit(payments, ['{ name: reason, type: text }',
      '{ name: reason, type: text }\n      - { name: at, type: datetime, default: "2026-01-05T09:30:00+02:00" }\n      - { name: ref, type: uuid, default: "123E4567-E89B-12D3-A456-426614174000" }']);
    expect(check(fine)).toEqual([]);
  });

  it('reports duplicate names and names equal apart from case', () => {
    const t = edit(
      payments,
      ['  - name: Refund\n', '  - name: Payment\n'],
      ['{ name: reason, type: text }', '{ name: reason, type: text }\n      - { name: reason, type: string }'],
      ['  - name: billing', '  - name: customers'],
      ['{ name: InvalidSignature, status: 400', '{ name: PaymentDeclined, status: 400'],
      ['{ name: RefundExceedsPayment, status: 422', '{ name: Paymentdeclined, status: 422'],
      ['    rate_limit: 100/s\n', '    rate_limit: 100/s\n  - name: Stripe\n'],
    );
    const problems = check(t);
    expect(problems).toContain(p(t, 'Payment\n', 'entities[2].name: duplicate entity "Payment"', 0, 1));
    expect(problems).toContain(p(t, 'name: reason, type: string', 'entities[2].fields[4].name: duplicate field "reason" in Payment', 6));
    expect(problems).toContain(p(t, 'customers\n', 'modules[1].name: duplicate module "customers"', 0, 1));
    expect(problems).toContain(p(t, 'Paymentdeclined', 'errors[2].name: error "Paymentdeclined" differs from "PaymentDeclined" only in case'));
    expect(problems).toContain(p(t, 'PaymentDeclined, status: 400', 'errors[3].name: duplicate error "PaymentDeclined"'));
    expect(problems).toContain(p(t, '  - name: Stripe\n', 'integrations[1].name: duplicate integration "Stripe"', 10, 1));
  });

  it('reports two entities whose names differ but whose table and path are the same (NAMES-4)', () => {
    const entities = (...names: string[]): string => edit(minimal, ['  - name: Note\n    fields:\n      - { name: title, type: string, required: true }\n',
      names.map((n) => `  - { name: ${n}, fields: [{ name: title, type: string }] }\n`).join('')]);
    const t = entities('Setting', 'Settings', 'Person', 'People', 'SensorReading4K', 'SensorReadings4K', 'Box', 'Boxes');
    expect(problemsOf(t)).toEqual([
      `a.yaml:${at(t, 'Settings')} entities[1].name: entity "Settings" has the same table and path as "Setting" (settings, /settings)`,
      `a.yaml:${at(t, 'People')} entities[3].name: entity "People" has the same table and path as "Person" (people, /people)`,
      `a.yaml:${at(t, 'SensorReadings4K')} entities[5].name: entity "SensorReadings4K" has the same table and path as "SensorReading4K" (sensor_readings_4k, /sensor-readings-4k)`,
      `a.yaml:${at(t, 'Boxes')} entities[7].name: entity "Boxes" has the same table and path as "Box" (boxes, /boxes)`,
    ]);
    // Names equal apart from case are reported once, as such; names whose tables differ are fine.
    const cased = entities('IoTDevice', 'IotDevice');
    expect(problemsOf(cased)).toEqual([`a.yaml:${at(cased, 'IotDevice')} entities[1].name: entity "IotDevice" differs from "IoTDevice" only in case`]);
    expect(problemsOf(entities('Datum', 'Data', 'UserID', 'UserIds', 'Index', 'Indices'))).toEqual([
      `a.yaml:${at(entities('Datum', 'Data', 'UserID', 'UserIds', 'Index', 'Indices'), 'Data')} entities[1].name: entity "Data" has the same table and path as "Datum" (data, /data)`,
      `a.yaml:${at(entities('Datum', 'Data', 'UserID', 'UserIds', 'Index', 'Indices'), 'UserIds')} entities[3].name: entity "UserIds" has the same table and path as "UserID" (user_ids, /user-ids)`,
    ]);
  });

  it('refuses more than one primary field', () => {
    const t = edit(payments, ['{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: reason',
      '{ name: amount_cents, type: integer, required: true, min: 1, primary: true }\n      - { name: reason']);
    expect(check(t)).toEqual([
      p(t, 'primary: true }\n      - { name: reason', 'entities[2].fields[2].primary: more than one primary field in Refund (already "id")', 9),
    ]);
  });

  it('refuses dot segments in paths', () => {
    const t = edit(payments, ['path: /webhooks/stripe', 'path: /webhooks/../stripe'], ['operations: [create, get]', 'operations: [create, get]\n    base_path: /./customers']);
    expect(check(t)).toEqual([
      p(t, '/./customers', 'resources[0].base_path: must not hold "." or ".." segments'),
      p(t, '/webhooks/../stripe', 'endpoints[4].path: must not hold "." or ".." segments'),
    ]);
  });

  it('refuses a path parameter named twice', () => {
    const t = edit(payments, ['path: /customers/{id}/payments', 'path: /customers/{id}/payments/{id}']);
    expect(check(t)).toEqual([
      p(t, '/customers/{id}/payments/{id}', 'endpoints[1].path: path parameter "id" appears twice'),
    ]);
  });

  it('refuses an entity in two modules', () => {
    const t = edit(payments, ['entities: [Customer]', 'entities: [Customer, Payment]']);
    expect(check(t)).toEqual([
      p(t, 'Payment, Refund]', 'modules[1].entities[0]: entity "Payment" is already in module "customers"'),
    ]);
  });

  it('refuses min above max', () => {
    const t = edit(payments, ['min: 1 }\n      - { name: currency', 'min: 10, max: 5 }\n      - { name: currency']);
    expect(check(t)).toEqual([p(t, 'max: 5', 'entities[1].fields[3].max: max (5) is less than min (10)', 5)]);
  });

  describe('duplicate method + path, resources expanded', () => {
    it('between an endpoint and an expanded resource, whatever the parameter is called', () => {
      const t = edit(payments, ['path: /payments/{id}\n', 'path: /customers/{customerId}\n']);
      expect(check(t)).toEqual([
        p(t, '/customers/{customerId}', 'endpoints[2].path: duplicate endpoint GET /customers/{customerId} (same as resources[0] get)'),
      ]);
    });

    it('between two endpoints, and on a resource base_path with plural rules', () => {
      const t = edit(
        payments,
        ['path: /payments/{id}\n', 'path: /payments/\n    method_note: x\n'],
      );
      expect(check(t)[0]).toContain('unknown key "method_note"');
      const two = edit(
        minimal,
        ['      - { name: title, type: string, required: true }\n',
          '      - { name: title, type: string, required: true }\n  - name: Category\n    fields:\n      - { name: slug, type: string, primary: true }\n'],
      ) + [
        'resources:',
        '  - { entity: Category, operations: [list, get] }',
        '  - { entity: Note, operations: [list], base_path: /categories/ }',
        'endpoints:',
        '  - { method: GET, path: "/categories/{slug}" }',
        '  - { method: POST, path: /notes }',
        '  - { method: POST, path: /notes/ }',
        '',
      ].join('\n');
      expect(problemsOf(two, 'payments.yaml')).toEqual([
        p(two, 'list], base_path', 'resources[1].operations[0]: duplicate endpoint GET /categories/ (same as resources[0] list)'),
        p(two, '"/categories/{slug}"', 'endpoints[0].path: duplicate endpoint GET /categories/{slug} (same as resources[0] get)'),
        p(two, '/notes/ }', 'endpoints[2].path: duplicate endpoint POST /notes/ (same as endpoints[1])'),
      ]);
    });
  });

  it('refuses names unsafe as identifiers or file names', () => {
    const long = `S${'x'.repeat(63)}`;
    const t = edit(
      payments,
      ['  - name: Stripe\n', '  - name: "../Stripe"\n'],
      ['    rate_limit: 100/s\n', `    rate_limit: 100/s\n  - name: "Bank\\tFeed"\n  - name: ${'é'.repeat(40)}\n  - name: ${long}\n  - name: a/b\n`],
    );
    expect(check(t).filter((x) => / integrations\[/.test(x))).toEqual([
      p(t, '"../Stripe"', 'integrations[0].name: must not hold "/" or "\\"'),
      p(t, '"Bank', 'integrations[1].name: must not hold control characters'),
      p(t, 'é', 'integrations[2].name: must be at most 63 bytes in UTF-8'),
      p(t, long, 'integrations[3].name: must be at most 63 characters'),
      p(t, 'a/b', 'integrations[4].name: must not hold "/" or "\\"'),
    ]);
  });

  it('checks a real start date', () => {
    const t = edit(payments, ['  platform: Chariot', '  start: 2026-02-30']);
    expect(check(t)).toEqual([p(t, '2026-02-30', 'project.start: is not a real date')]);
    expect(check(edit(payments, ['  platform: Chariot', '  start: 2028-02-29']))).toEqual([]);
  });

  it('checks field patterns and on_delete', () => {
    const t = edit(
      payments,
      ['{ name: order_ref, type: string, required: true, max_length: 64 }', '{ name: order_ref, type: string, required: true, max_length: 64, pattern: "([a-z" }'],
      ['references: Payment, on_delete: cascade', 'references: Payment, on_delete: set-null'],
      ['{ name: reason, type: text }', '{ name: reason, type: text, on_delete: cascade }'],
    );
    expect(check(t)).toEqual([
      p(t, '"([a-z"', 'entities[1].fields[2].pattern: is not a valid regular expression (unterminated character class)'),
      p(t, 'set-null', 'entities[2].fields[1].on_delete: set-null needs a field that is not required'),
      p(t, 'on_delete: cascade }', 'entities[2].fields[3].on_delete: only applies with "references"'),
    ]);
  });

  it('reports every problem at once, sorted by position', () => {
    const t = edit(
      payments,
      ['errors: [PaymentDeclined, DuplicatePayment]', 'errors: [PaymentDeclined, DuplicatePaymnt]'],
      ['references: Customer', 'references: Custmer'],
      ['  cache: redis', '  cahce: redis'],
    );
    const read = readAnswers(t, 'payments.yaml');
    expect(read.answers).toBeNull();
    expect(read.problems.map((x) => x.path)).toEqual([
      'stack.cahce',
      'entities[1].fields[1].references',
      'endpoints[0].errors[1]',
    ]);
    expect(read.problems.every((x) => x.severity === 'error' && x.file === 'payments.yaml')).toBe(true);
  });

  it('does not crash on data of the wrong shape', () => {
    const shapes = [
      'version: 1\nentities: 3\nendpoints: {a: 1}\nmodules: [1, [2], {entities: 5}]\n',
      'version: 1\nentities: [{name: 3, fields: [{name: [x], primary: true}, {primary: true}]}]\nresources: [{entity: 7, operations: get}]\n',
      'version: 1\nendpoints: [{method: 1, path: 2, request: [1, 2], errors: [1], integrations: {}}]\nerrors: [{name: []}]\n',
      'version: 1\nentities: [{name: A, fields: [{name: a, type: enum, values: 3, default: x, min: "1", max: 0}]}]\n',
    ];
    for (const s of shapes) {
      const read = readAnswers(s, 'a.yaml');
      expect(read.answers).toBeNull();
      expect(read.problems.length).toBeGreaterThan(0);
    }
  });
});
