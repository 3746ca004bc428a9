import { describe, expect, it } from 'vitest';
import { endpoint, modelFrom, payments, states } from './plan-fixture.js';

const shop = `
entities:
  - name: Customer
    fields:
      - { name: email, type: email, required: true, unique: true }
      - { name: note, type: text }
  - name: Order
    soft_delete: true
    fields:
      - { name: customer_id, type: uuid, required: true, references: Customer }
      - { name: total, type: integer, min: 0 }
      - { name: comment, type: text }
      - { name: code, type: string }
    indexes:
      - { fields: [customer_id, code], unique: true }
integrations:
  # a relay whose answer the write waits for (it verifies), so its failures reach the client (SVC-7, ERR-5XX)
  - { name: mail-relay, purpose: Verifies the address before the note is stored, timeout_ms: 1500, retry: fixed, idempotent: true }
errors:
  - { name: OrderLocked, status: 409, message: The order is locked, when: the order was shipped }
  - { name: NeverUsed, status: 418, message: Nobody uses this }
  - { name: ValidationError, status: 400, message: Bad input in our own words }
endpoints:
  - { method: GET, path: /public/orders, auth: none, entity: Order }
  - { method: PATCH, path: "/orders/{id}", auth: user, entity: Order, request: [comment] }
  - { method: POST, path: /orders, auth: clerk, entity: Order, request: [customer_id, total, code], errors: [OrderLocked, ValidationError], rate_limit: 10/min }
  - { method: POST, path: /notes, auth: admin, entity: Customer, request: [note], integrations: [mail-relay] }
  - { method: PUT, path: "/customers/{id}", auth: user, entity: Customer, request: [email] }
`;

describe('error states', () => {
  const m = modelFrom(shop);

  it('ERR-400 fires for constrained fields, path parameters and pagination, not for an unconstrained request', () => {
    expect(states(m, 'GET /public/orders')).toEqual([]);
    expect(states(m, 'PATCH /orders/{id}')).toContain('400 ValidationError');
    // note is free text: nothing to break
    expect(states(m, 'POST /notes')).not.toContain('400 ValidationError');
    const put = endpoint(m, 'PUT /customers/{id}').errorStates.find((s) => s.status === 400)!;
    expect(put.cause).toBe('the request breaks a constraint of email (required, an email address) and the path parameter {id} (a UUID)');
  });

  it('ERR-400: required counts on POST and PUT only', () => {
    const m2 = modelFrom(`
entities: [{ name: Tag, fields: [{ name: label, type: string, required: true }] }]
endpoints:
  - { method: PATCH, path: /labels, entity: Tag, request: [label] }
  - { method: POST, path: /labels, entity: Tag, request: [label] }
`);
    expect(states(m2, 'PATCH /labels')).not.toContain('400 ValidationError');
    expect(states(m2, 'POST /labels')).toContain('400 ValidationError');
  });

  it('ERR-401 when auth is not none; ERR-403 for admin and roles only', () => {
    expect(states(m, 'GET /public/orders')).not.toContain('401 Unauthorized');
    expect(states(m, 'PATCH /orders/{id}')).toContain('401 Unauthorized');
    expect(states(m, 'PATCH /orders/{id}')).not.toContain('403 Forbidden');
    const role = endpoint(m, 'POST /orders').errorStates.find((s) => s.status === 403)!;
    expect(role.cause).toBe('the caller is authenticated but not in the clerk role');
    expect(endpoint(m, 'POST /notes').errorStates.find((s) => s.status === 403)!.cause).toBe('the caller is authenticated but not an admin');
  });

  it('ERR-401 names the chosen authentication', () => {
    const m2 = modelFrom('entities: [{ name: Tag, fields: [{ name: label, type: string }] }]\nresources: [{ entity: Tag, operations: [get] }]', '{ language: go, database: postgresql, auth: api-key }');
    expect(endpoint(m2, 'GET /tags/{id}').errorStates.find((s) => s.status === 401)!.cause).toBe('the API key is missing, unknown or revoked');
  });

  it('ERR-404 for a path entity and for each referenced entity of the request, soft delete stated', () => {
    const patch = endpoint(m, 'PATCH /orders/{id}').errorStates.find((s) => s.status === 404)!;
    expect(patch).toEqual({ status: 404, title: 'Not Found', name: 'OrderNotFound', cause: 'no Order has the id given in {id} (or it is soft-deleted)', origin: 'derived' });
    const post = endpoint(m, 'POST /orders').errorStates.find((s) => s.status === 404)!;
    expect(post.name).toBe('CustomerNotFound');
    expect(post.cause).toBe('customer_id names no existing Customer');
    expect(states(m, 'GET /public/orders').some((s) => s.startsWith('404'))).toBe(false);
  });

  it('ERR-404 and ERR-400 name the field a path parameter carries', () => {
    const m2 = modelFrom(`
entities: [{ name: Member, fields: [{ name: email, type: email, unique: true }, { name: number, type: integer, unique: true }] }]
endpoints:
  - { method: GET, path: "/members/{email}", entity: Member }
  - { method: GET, path: "/members/{number}/profile", entity: Member }
`);
    expect(endpoint(m2, 'GET /members/{email}').errorStates.find((s) => s.status === 404)!.cause).toBe('no Member has the email given in {email}');
    const byNumber = endpoint(m2, 'GET /members/{number}/profile').errorStates;
    expect(byNumber.find((s) => s.status === 400)!.cause).toBe('the request breaks a constraint of the path parameter {number} (an integer)');
  });

  it('ERR-409 for unique fields and unique indexes the request writes, not otherwise', () => {
    expect(endpoint(m, 'POST /orders').errorStates.find((s) => s.name === 'ConflictError')!.cause).toBe('(customer_id, code) must be unique');
    expect(endpoint(m, 'PUT /customers/{id}').errorStates.find((s) => s.name === 'ConflictError')!.cause).toBe('email must be unique');
    expect(states(m, 'PATCH /orders/{id}')).not.toContain('409 ConflictError');
  });

  it('ERR-409 for a hard delete a restricting reference refuses; not for soft deletes or cascades', () => {
    const m2 = modelFrom(`
entities:
  - { name: Customer, fields: [{ name: email, type: email }] }
  - { name: Invoice, fields: [{ name: customer_id, type: uuid, references: Customer }] }
  - { name: Album, soft_delete: true, fields: [{ name: title, type: string }] }
  - { name: Track, fields: [{ name: album_id, type: uuid, references: Album }] }
  - { name: Genre, fields: [{ name: label, type: string }] }
  - { name: Tagging, fields: [{ name: genre_id, type: uuid, references: Genre, on_delete: cascade }] }
resources: [{ entity: Customer, operations: [delete] }, { entity: Album, operations: [delete] }, { entity: Genre, operations: [delete] }]
`);
    expect(endpoint(m2, 'DELETE /customers/{id}').errorStates.find((s) => s.status === 409)!.cause).toBe('the Customer is still referenced by invoices.customer_id (on delete restrict)');
    expect(m2.plan.services[0]!.methods[0]!.steps).toContain('Refuse the delete while invoices.customer_id still references it (409 ConflictError)');
    expect(states(m2, 'DELETE /albums/{id}')).not.toContain('409 ConflictError');
    expect(states(m2, 'DELETE /genres/{id}')).not.toContain('409 ConflictError');
  });

  it('ERR-429 for an endpoint rate limit or a rate-limited integration only', () => {
    expect(endpoint(m, 'POST /orders').errorStates.find((s) => s.status === 429)!.cause).toBe('the endpoint allows 10/min per client; calls beyond it are refused until the window resets');
    expect(states(m, 'POST /notes')).not.toContain('429 RateLimitExceeded');
  });

  it('ERR-5XX per integration, with timeout and retry policy', () => {
    const notes = endpoint(m, 'POST /notes').errorStates.filter((s) => s.status >= 500);
    expect(notes.map((s) => `${s.status} ${s.name}`)).toEqual(['502 MailRelayError', '503 MailRelayUnavailable', '504 MailRelayTimeout']);
    expect(notes[2]!.cause).toBe('mail-relay does not answer within 1500 ms (retried at a fixed interval)');
    expect(states(m, 'POST /orders').some((s) => s.startsWith('5'))).toBe(false);
  });

  it('ERR-DECL: declared errors kept beside derived ones of the same status; same name and status replaced', () => {
    expect(states(m, 'POST /orders')).toEqual([
      '400 ValidationError', '401 Unauthorized', '403 Forbidden', '404 CustomerNotFound', '409 ConflictError', '409 OrderLocked', '429 RateLimitExceeded',
    ]);
    const v = endpoint(m, 'POST /orders').errorStates.find((s) => s.name === 'ValidationError')!;
    expect(v).toEqual({ status: 400, title: 'Bad Request', name: 'ValidationError', cause: 'Bad input in our own words', origin: 'declared' });
    expect(endpoint(m, 'POST /orders').errorStates.find((s) => s.name === 'OrderLocked')!.cause).toBe('the order was shipped');
  });

  it('error states are sorted by status then name on every endpoint', () => {
    for (const ep of m.endpoints) {
      const keys = ep.errorStates.map((s) => [s.status, s.name] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);
    }
  });

  it('WARN-ERR: an unused declared error is a warning at its path', () => {
    expect(m.plan.warnings).toEqual([{ path: 'errors[1]', message: 'error "NeverUsed" is declared but no endpoint uses it' }]);
  });

  it('WARN-AUTH: a caller required while stack.auth is none is a warning at the auth key, once per resource; never with a scheme', () => {
    const body = `entities: [{ name: Note, fields: [{ name: body, type: text }] }]
resources:
  - { entity: Note, operations: [list, get], auth: admin }
  - { entity: Note, operations: [create], base_path: /drafts }
endpoints:
  - { method: POST, path: '/notes/{id}/pin', entity: Note, auth: user }
  - { method: GET, path: /health }`;
    const none = modelFrom(body, '{ language: go, database: postgresql, auth: none }');
    expect(none.plan.warnings).toEqual([
      { path: 'resources[0].auth', message: 'requires an authenticated caller ("admin") but stack.auth is none, so nothing can authenticate one: choose stack.auth, or set auth: none' },
      { path: 'endpoints[0].auth', message: 'requires an authenticated caller ("user") but stack.auth is none, so nothing can authenticate one: choose stack.auth, or set auth: none' },
    ]);
    const pin = none.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'POST /notes/{id}/pin')!;
    expect(pin.steps).toContain('Authorize: require an authenticated caller (no scheme chosen: stack.auth is none; 401 Unauthorized)');
    expect(modelFrom(body, '{ language: go, database: postgresql, auth: session }').plan.warnings).toEqual([]);
  });

  it('the error catalog lists each error once, declared unused ones included, with the endpoints', () => {
    const cat = m.plan.errorCatalog.map((e) => `${e.status} ${e.name}`);
    expect(cat).toEqual([...cat].sort((a, b) => Number(a.slice(0, 3)) - Number(b.slice(0, 3)) || (a < b ? -1 : 1)));
    expect(new Set(cat).size).toBe(cat.length);
    expect(m.plan.errorCatalog.find((e) => e.name === 'NeverUsed')).toMatchObject({ status: 418, endpoints: [], origin: 'declared' });
    expect(m.plan.errorCatalog.find((e) => e.name === 'OrderNotFound')!.endpoints).toEqual(['PATCH /orders/{id}']);
  });
});

describe('error states on the reference payments answers', () => {
  const m = payments();

  it('401 on every user and admin endpoint', () => {
    const guarded = m.endpoints.filter((e) => e.auth === 'user' || e.auth === 'admin');
    expect(guarded.length).toBe(6);
    for (const ep of guarded) expect(states(m, ep.id)).toContain('401 Unauthorized');
    expect(states(m, 'POST /webhooks/stripe')).toEqual(['400 InvalidSignature']);
  });

  it('one 409 on POST /payments: the declared DuplicatePayment answers the idempotency key reused with another body (ERR-409-DECL, ERR-409-IDEM)', () => {
    const conflict = endpoint(m, 'POST /payments').errorStates.filter((s) => s.status === 409);
    expect(conflict.map((s) => [s.name, s.cause])).toEqual([
      ['DuplicatePayment', 'A payment with this idempotency key already exists: idempotency_key was sent before with a different request body; the same key with the same body replays the first response'],
    ]);
  });

  it('404 on the /payments/{id} routes', () => {
    expect(states(m, 'GET /payments/{id}')).toContain('404 PaymentNotFound');
    expect(states(m, 'POST /payments/{id}/refunds')).toContain('404 PaymentNotFound');
    expect(states(m, 'GET /customers/{id}/payments')).toContain('404 CustomerNotFound');
  });

  it('502, 503 and 504 on the endpoints that call Stripe, and only there', () => {
    for (const ep of m.endpoints) {
      const upstream = states(m, ep.id).filter((s) => /^50[234] /.test(s));
      if (ep.integrations.includes('Stripe')) expect(upstream).toEqual(['502 StripeError', '503 StripeUnavailable', '504 StripeTimeout']);
      else expect(upstream).toEqual([]);
    }
    expect(endpoint(m, 'POST /payments').errorStates.find((s) => s.status === 504)!.cause).toBe('Stripe does not answer within 5000 ms (retried with exponential backoff)');
  });

  it('403 only on the admin refund endpoint; no warning since every error is used', () => {
    expect(m.endpoints.filter((e) => states(m, e.id).includes('403 Forbidden')).map((e) => e.id)).toEqual(['POST /payments/{id}/refunds']);
    expect(m.plan.warnings).toEqual([]);
  });
});
