import { describe, expect, it } from 'vitest';
import { endpoint, modelFrom, payments } from './plan-fixture.js';
import { moduleDependencies } from '../../src/derive/plan/services.js';
import type { Service } from '../../src/derive/model.js';

describe('handler and service names', () => {
  it('NAME-1/2 on the reference answers', () => {
    const m = payments();
    expect(m.endpoints.map((e) => `${e.id} ${e.service}.${e.handler}`)).toEqual([
      'GET /customers/{id} CustomerService.getCustomer',
      'POST /customers CustomerService.createCustomer',
      'POST /payments PaymentService.createPayment',
      'GET /customers/{id}/payments PaymentService.listCustomerPayments',
      'GET /payments/{id} PaymentService.getPayment',
      'POST /payments/{id}/refunds RefundService.createPaymentRefund',
      'POST /webhooks/stripe WebhookService.handleStripeWebhook',
    ]);
  });

  const m = modelFrom(`
entities:
  - name: UserRole
    fields: [{ name: order, type: integer }]
  - name: Category
    fields: [{ name: label, type: string }]
resources:
  - { entity: UserRole, operations: [list, get, create, update, delete] }
  - { entity: Category, operations: [list], base_path: /api/v1/kinds }
endpoints:
  - { method: PUT, path: "/user-roles/{id}", entity: UserRole, request: [order] }
  - { method: POST, path: "/user-roles/{id}/activate", entity: UserRole }
  - { method: GET, path: "/user-roles/{id}/summary", entity: UserRole }
  - { method: GET, path: /health, auth: none }
  - { method: GET, path: /api/v2/reports/daily }
  - { method: POST, path: /reports/rebuild }
  - { method: GET, path: /user-roles/all, entity: UserRole }
  - { method: GET, path: /user-roles/all/, entity: UserRole }
`);

  it('NAME-1/2: verbs per method, plural for list, actions from the last path word, base paths and versions', () => {
    const h = Object.fromEntries(m.endpoints.map((e) => [e.id, `${e.service}.${e.handler}`]));
    expect(h['GET /user-roles']).toBe('UserRoleService.listUserRoles');
    expect(h['GET /user-roles/{id}']).toBe('UserRoleService.getUserRole');
    expect(h['POST /user-roles']).toBe('UserRoleService.createUserRole');
    expect(h['PATCH /user-roles/{id}']).toBe('UserRoleService.updateUserRole');
    expect(h['DELETE /user-roles/{id}']).toBe('UserRoleService.deleteUserRole');
    expect(h['PUT /user-roles/{id}']).toBe('UserRoleService.replaceUserRole');
    expect(h['POST /user-roles/{id}/activate']).toBe('UserRoleService.activateUserRole');
    expect(h['GET /user-roles/{id}/summary']).toBe('UserRoleService.getUserRoleSummary');
    expect(h['GET /api/v1/kinds']).toBe('CategoryService.listCategories');
  });

  it('NAME-2: a parent whose name starts the entity name is not repeated', () => {
    const lines = (entity: string) => modelFrom(`
entities:
  - { name: Order, fields: [{ name: total, type: integer }] }
  - { name: ${entity}, fields: [{ name: order_id, type: uuid, references: Order }] }
endpoints:
  - { method: PUT, path: "/orders/{id}/lines/{n}", entity: ${entity} }
  - { method: GET, path: "/orders/{id}/lines", entity: ${entity}, paginated: true }
`);
    expect(lines('OrderLine').endpoints.map((e) => e.handler)).toEqual(['replaceOrderLine', 'listOrderLines']);
    expect(lines('Line').endpoints.map((e) => e.handler)).toEqual(['replaceOrderLine', 'listOrderLines']);
    // 'lines' is not Item's collection: an action word (NAME-2).
    expect(lines('Item').endpoints.map((e) => e.handler)).toEqual(['replaceOrderItem', 'listOrderItemLines']);
  });

  it('NAME-3: entity-less endpoints grouped by their first path word, singular', () => {
    const h = Object.fromEntries(m.endpoints.map((e) => [e.id, `${e.service}.${e.handler}`]));
    expect(h['GET /health']).toBe('HealthService.getHealth');
    expect(h['GET /api/v2/reports/daily']).toBe('ReportService.getDailyReport');
    expect(h['POST /reports/rebuild']).toBe('ReportService.handleRebuildReport');
  });

  it('NAME-5: a name taken in the service gets a number', () => {
    expect(endpoint(m, 'GET /user-roles/all').handler).toBe('getUserRoleAll');
    expect(endpoint(m, 'GET /user-roles/all/').handler).toBe('getUserRoleAll2');
    for (const s of m.plan.services) expect(new Set(s.methods.map((x) => x.name)).size).toBe(s.methods.length);
  });
});

describe('services', () => {
  it('SVC-1: one per entity touched, then entity-less groups; methods in endpoint order', () => {
    const m = payments();
    expect(m.plan.services.map((s) => [s.name, s.entity, s.module, s.dependencies])).toEqual([
      ['CustomerService', 'Customer', 'customers', []],
      ['PaymentService', 'Payment', 'billing', ['CustomerService', 'Stripe']],
      ['RefundService', 'Refund', 'billing', ['PaymentService', 'Stripe']],
      ['WebhookService', '', '', []],
    ]);
    expect(m.plan.services[1]!.methods.map((x) => x.name)).toEqual(['createPayment', 'listCustomerPayments', 'getPayment']);
  });

  it('SVC-1: an entity no endpoint touches gets no service', () => {
    const m = modelFrom('entities: [{ name: Tag, fields: [{ name: label, type: string }] }, { name: Note, fields: [{ name: body, type: text }] }]\nresources: [{ entity: Note, operations: [get] }]');
    expect(m.plan.services.map((s) => s.name)).toEqual(['NoteService']);
  });

  it('SVC-2: signatures in Go, TypeScript and Python, and the seed-003 form', () => {
    const body = `
entities:
  - name: Payment
    fields: [{ name: amount, type: integer }]
  - name: Refund
    fields: [{ name: payment_id, type: uuid, references: Payment }, { name: amount, type: integer }]
endpoints:
  - { method: POST, path: /payments, entity: Payment, request: [amount] }
  - { method: POST, path: "/payments/{id}/refunds", entity: Refund, request: [amount] }
  - { method: GET, path: /payments, entity: Payment, paginated: true }
  - { method: DELETE, path: "/payments/{id}", entity: Payment }
  - { method: POST, path: /webhooks/stripe, auth: none, request: raw, status: 204 }
`;
    const sig = (lang: string) => modelFrom(body, `{ language: ${lang}, database: postgresql }`).plan.services.flatMap((s) => s.methods.map((x) => x.signature));
    expect(sig('go')).toEqual([
      'func (s *PaymentService) CreatePayment(ctx context.Context, in CreatePaymentRequest) (*Payment, error)',
      'func (s *PaymentService) ListPayments(ctx context.Context, page PageRequest) (*PaymentPage, error)',
      'func (s *PaymentService) DeletePayment(ctx context.Context, id string) error',
      'func (s *RefundService) CreatePaymentRefund(ctx context.Context, id string, in CreatePaymentRefundRequest) (*Refund, error)',
      'func (s *WebhookService) HandleStripeWebhook(ctx context.Context, payload []byte) error',
    ]);
    expect(sig('typescript')).toEqual([
      'createPayment(input: CreatePaymentRequest): Promise<Payment>',
      'listPayments(page: PageQuery): Promise<PaymentPage>',
      'deletePayment(id: string): Promise<void>',
      'createPaymentRefund(id: string, input: CreatePaymentRefundRequest): Promise<Refund>',
      'handleStripeWebhook(payload: Buffer): Promise<void>',
    ]);
    expect(sig('python')).toEqual([
      'def create_payment(self, data: CreatePaymentRequest) -> Payment',
      'def list_payments(self, cursor: str | None, limit: int) -> PaymentPage',
      'def delete_payment(self, id: UUID) -> None',
      'def create_payment_refund(self, id: UUID, data: CreatePaymentRefundRequest) -> Refund',
      'def handle_stripe_webhook(self, payload: bytes) -> None',
    ]);
    const m = modelFrom(body);
    expect(m.plan.services.flatMap((s) => s.methods.map((x) => [x.blueprintSignature, x.input, x.output, x.transactional]))).toEqual([
      ['createPayment(data: CreatePaymentRequest) -> Payment', 'CreatePaymentRequest', 'Payment', true],
      ['listPayments(cursor: string, limit: integer) -> PaymentPage', '', 'PaymentPage', false],
      ['deletePayment(id: uuid) -> void', '', 'void', true],
      ['createPaymentRefund(id: uuid, data: CreatePaymentRefundRequest) -> Refund', 'CreatePaymentRefundRequest', 'Refund', true],
      ['handleStripeWebhook(payload: bytes) -> void', '', 'void', false],
    ]);
    // The method name in the language's case (QA: camelCase names beside snake_case signatures in Python plans).
    const names = (lang: string) => modelFrom(body, `{ language: ${lang}, database: postgresql }`).plan.services.flatMap((s) => s.methods.map((x) => x.languageName));
    expect(names('python')).toEqual(['create_payment', 'list_payments', 'delete_payment', 'create_payment_refund', 'handle_stripe_webhook']);
    expect(names('go')).toEqual(['CreatePayment', 'ListPayments', 'DeletePayment', 'CreatePaymentRefund', 'HandleStripeWebhook']);
    expect(names('typescript')).toEqual(['createPayment', 'listPayments', 'deletePayment', 'createPaymentRefund', 'handleStripeWebhook']);
  });

  it('SVC-2: a path parameter never takes a keyword or a name the signature uses', () => {
    const body = 'entities: [{ name: Doc, fields: [{ name: body, type: text }] }]\nendpoints: [{ method: GET, path: "/docs/{type}/{class}/{data}/{card-no}", entity: Doc }]';
    const sig = (lang: string) => modelFrom(body, `{ language: ${lang}, database: postgresql }`).plan.services[0]!.methods[0]!.signature;
    expect(sig('go')).toBe('func (s *DocService) GetDoc(ctx context.Context, typeParam string, class string, data string, cardNo string) (*Doc, error)');
    expect(sig('typescript')).toBe('getDoc(type: string, classParam: string, data: string, cardNo: string): Promise<Doc>');
    expect(sig('python')).toBe('def get_doc(self, type: UUID, class_: str, data_: str, card_no: str) -> Doc');
  });

  it('SVC-3: the ordered steps of POST /payments on the reference answers', () => {
    const m = payments();
    const create = m.plan.services[1]!.methods[0]!;
    expect(create.steps).toEqual([
      'Validate input: order_ref (required, at most 64 characters), amount_cents (required, at least 1), currency (required, one of usd, eur, gbp) and idempotency_key (required, at most 80 characters) (400 ValidationError)',
      'Authorize: require an authenticated caller (JWT bearer tokens; 401 Unauthorized)',
      'Look up idempotency_key (a Payment stored with the same key and the same request body, compared by the stored Payment\'s order_ref, amount_cents and currency, is a repeat: return it again, 201 with the same Payment, with no second write or call to Stripe; the same key with another body answers 409 DuplicatePayment; a concurrent repeat that loses the insert on the unique index is answered the same way)',
      'Map failures to the declared errors: PaymentDeclined (402: The card was declined)',
      'Call Stripe (timeout 5000 ms, retried with exponential backoff, idempotency key idempotency_key, within its 100/s); the write needs its answer, so it comes first: if the write then fails, compensate it (cancel, void or reconcile)',
      "Insert the Payment (customer_id is the caller's) in a transaction",
      'Publish payment.created on Amazon SQS after the commit (transactional outbox)',
      'Return 201 Payment',
    ]);
    expect(m.plan.services[1]!.methods[2]!.steps).toEqual([
      'Validate input: the path parameter {id} (a UUID) (400 ValidationError)',
      'Authorize: require an authenticated caller (JWT bearer tokens; 401 Unauthorized)',
      'Load the Payment named by {id} (404 PaymentNotFound)',
      'Return 200 Payment',
    ]);
  });

  it('SVC-3: no publish step without a queue; soft delete and cascades named on delete', () => {
    const m = modelFrom(`
entities:
  - { name: Album, soft_delete: true, fields: [{ name: title, type: string }] }
  - { name: Track, fields: [{ name: album_id, type: uuid, references: Album, on_delete: cascade }] }
  - { name: Genre, fields: [{ name: label, type: string }] }
  - { name: Tagging, fields: [{ name: genre_id, type: uuid, references: Genre, on_delete: cascade }] }
resources:
  - { entity: Album, operations: [delete] }
  - { entity: Genre, operations: [delete] }
`);
    const [album, genre] = m.plan.services;
    // Tracks have no deleted_at: they cannot be soft-deleted with the Album, and stay until it is purged.
    expect(album!.methods[0]!.steps).toContain('Soft-delete the Album (set deleted_at) in a transaction');
    expect(album!.methods[0]!.steps).toContain("Keep its tracks (on delete cascade, no deleted_at of their own) until the Album is purged; reads of them check the Album's deleted_at");
    expect(genre!.methods[0]!.steps).toContain('Delete the Genre (cascades to taggings) in a transaction');
    expect(m.plan.services.flatMap((s) => s.methods.flatMap((x) => x.steps)).some((t) => t.startsWith('Publish'))).toBe(false);
  });
});

describe('SVC-9: module dependencies', () => {
  const svc = (name: string, module: string, dependencies: string[]): Service => ({ name, entity: '', module, dependencies, methods: [] });

  it('per module, the services of other modules and the integrations its services call, sorted and once each', () => {
    const services = [
      svc('OrderService', 'ordering', ['UserService', 'Stripe', 'LineService']),
      svc('LineService', 'ordering', ['ProductService', 'UserService']),
      svc('UserService', 'accounts', []),
      svc('ProductService', 'catalogue', ['Search']),
      svc('WebhookService', '', ['Stripe']),
    ];
    expect(moduleDependencies([{ name: 'accounts' }, { name: 'ordering' }, { name: 'catalogue' }, { name: 'empty' }], services)).toEqual([
      { module: 'accounts', dependencies: [] },
      { module: 'ordering', dependencies: ['ProductService', 'Stripe', 'UserService'] },
      { module: 'catalogue', dependencies: ['Search'] },
      { module: 'empty', dependencies: [] },
    ]);
  });

  it('reads the services once, not once per module (modules x services)', () => {
    const n = 60;
    const modules = Array.from({ length: n }, (_, k) => ({ name: `m${k}` }));
    const list = Array.from({ length: n }, (_, k) => svc(`S${k}Service`, `m${k}`, k > 0 ? [`S${k - 1}Service`] : []));
    let reads = 0;
    const counted = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const deps = moduleDependencies(modules, counted);
    expect(deps[5]).toEqual({ module: 'm5', dependencies: ['S4Service'] });
    expect(reads).toBeLessThanOrEqual(4 * n);
  });
});
