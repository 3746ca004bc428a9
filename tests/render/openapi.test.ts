// The openapi format: each example's document linted in-process with Redocly's `recommended` rules (zero
// errors, the warnings pinned), every operation and error response present, schemas from the entities, security
// from stack.auth, and YAML that 1.1 and 1.2 parsers read back the same.
import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { buildOpenApi, renderOpenApi } from '../../src/render/openapi.js';
import fc from 'fast-check';
import { answersArb, planned, PROPERTY_RUNS } from './ddl-arbitrary.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

let config: Config;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
});

async function lint(model: Model): Promise<{ errors: string[]; warnings: string[] }> {
  const problems = await lintFromString({ source: renderOpenApi(model), absoluteRef: '/virtual/openapi.yaml', config });
  const text = (p: (typeof problems)[number]): string => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`;
  return { errors: problems.filter((p) => p.severity === 'error').map(text), warnings: problems.filter((p) => p.severity !== 'error').map(text) };
}

const ALL = [REFERENCE, ...EXAMPLES, FIXTURES.allTypes, FIXTURES.cycle, FIXTURES.names];
const cases = ALL.map((p) => [p.split('/').slice(-2).join('/'), modelOf(p)] as const);

/**
 * The warnings left, each on purpose: the answers carry no license and archplan does not invent one; the
 * import endpoint of the fixture takes a raw body and declares no error, so no 4XX is derived for it.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'ddl/all-types.yaml': ['info-license #/info', 'operation-4xx-response #/paths/~1imports/post/responses'],
};

describe('Redocly recommended rules', () => {
  test.each(cases)('%s: zero errors, only the expected warnings', async (name, model) => {
    const { errors, warnings } = await lint(model);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(EXPECTED_WARNINGS[name] ?? ['info-license #/info']);
  });

  test('property: random answers with reserved names and hostile text lint without errors and read back', async () => {
    await fc.assert(fc.asyncProperty(answersArb, async (answers) => {
      const model = planned(answers);
      const { errors } = await lint(model);
      expect(errors).toEqual([]);
      const text = renderOpenApi(model);
      expect(parse(text, { version: '1.1' })).toEqual(JSON.parse(JSON.stringify(buildOpenApi(model))));
    }), { ...PROPERTY_RUNS, numRuns: 25 });
  }, 60000);

  test('the linter does report errors (a broken document fails)', async () => {
    const doc = buildOpenApi(modelOf(REFERENCE)) as Doc;
    delete doc.paths['/payments'].post.summary;
    doc.paths['/payments'].post.security = [{ nowhere: [] }];
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/virtual/openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId).sort()).toEqual(['operation-summary', 'security-defined']);
  });
});

describe('operations', () => {
  test.each(cases)('%s: every endpoint, with its handler as operationId and every error state as a response', (_name, model) => {
    const doc = buildOpenApi(model) as Doc;
    const ops = Object.entries(doc.paths as Record<string, Record<string, Doc>>).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => ({ id: `${m.toUpperCase()} ${path}`, op })));
    expect(ops.map((o) => o.id).sort()).toEqual(model.endpoints.map((e) => e.id).sort());
    for (const ep of model.endpoints) {
      const op = doc.paths[ep.path][ep.method.toLowerCase()];
      expect(op.operationId).toBe(ep.handler);
      expect(op.summary).toBe(ep.summary || ep.id);
      expect(Object.keys(op.responses)).toEqual([String(ep.status), ...new Set(ep.errorStates.map((s) => String(s.status)))]);
      for (const s of ep.errorStates) {
        const response = op.responses[String(s.status)];
        expect(response.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(response.content['application/problem+json'].examples[s.name].value).toMatchObject({ status: s.status, code: s.name, title: s.title });
        expect(response.description).toContain(s.name);
      }
      expect(op.security).toEqual(ep.auth === 'none' ? [] : [{ [Object.keys(doc.components.securitySchemes)[0]!]: [] }]);
      const pathParams = (op.parameters ?? []).filter((p: Doc) => p.in === 'path').map((p: Doc) => p.name);
      expect(pathParams).toEqual(ep.pathParams.map((p) => p.name));
    }
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('payments: the contract in detail', () => {
    const model = modelOf(REFERENCE);
    const doc = buildOpenApi(model) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Payments API', version: '1.0.0', summary: model.project.summary });
    expect(doc.servers).toEqual([{ url: 'https://api.payments.example', description: expect.stringContaining('Placeholder') }]);
    expect(doc.tags.map((t: Doc) => t.name)).toEqual(['Customer', 'Payment', 'Refund', 'Webhook']);
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: expect.stringContaining('admin') } });

    const create = doc.paths['/payments'].post;
    expect(create.operationId).toBe('createPayment');
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '402', '409', '429', '502', '503', '504']);
    // ERR-409-DECL: one 409 for the reused idempotency key, the declared DuplicatePayment; SVC-14: the same body replays the 201.
    expect(Object.keys(create.responses['409'].content['application/problem+json'].examples)).toEqual(['DuplicatePayment']);
    expect(create.responses['201'].description).toBe('Created: the payment. A repeat with the same idempotency_key and the same body gets this response again (the first payment, nothing created twice).');
    expect(create.responses['429'].headers).toEqual({ 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } } });
    expect(create.responses['400'].headers).toBeUndefined();
    expect(create.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Payment' });
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreatePaymentRequest' });
    expect(doc.components.schemas.CreatePaymentRequest).toEqual({
      type: 'object',
      description: 'The request of POST /payments.',
      required: ['order_ref', 'amount_cents', 'currency', 'idempotency_key'],
      properties: {
        order_ref: { type: 'string', maxLength: 64 },
        amount_cents: { type: 'integer', format: 'int32', minimum: 1 },
        currency: { type: 'string', enum: ['usd', 'eur', 'gbp'] },
        idempotency_key: { type: 'string', maxLength: 80 },
      },
      additionalProperties: false,
    });

    const list = doc.paths['/customers/{id}/payments'].get;
    expect(list.parameters).toEqual([
      { name: 'id', in: 'path', required: true, description: "The Customer's id.", schema: { type: 'string', format: 'uuid' } },
      expect.objectContaining({ name: 'cursor', in: 'query', required: false, schema: { type: 'string' } }),
      expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }),
    ]);
    expect(list.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PaymentPage' });
    expect(doc.components.schemas.PaymentPage.required).toEqual(['items', 'next_cursor']);
    expect(doc.components.schemas.PaymentPage.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Payment' } });

    const webhook = doc.paths['/webhooks/stripe'].post;
    expect(webhook.security).toEqual([]);
    expect(webhook.tags).toEqual(['Webhook']);
    expect(webhook.responses['204']).toEqual({ description: 'No Content' });
    expect(webhook.requestBody.content['application/json'].schema).toEqual({ type: 'object', additionalProperties: true });
    expect(webhook.requestBody.description).toContain('raw bytes');
    expect(doc.paths['/payments/{id}/refunds'].post.description).toContain('Requires the `admin` role.');

    const payment = doc.components.schemas.Payment;
    expect(payment.properties.id).toEqual({ type: 'string', format: 'uuid' });
    expect(payment.properties.created_at).toMatchObject({ type: 'string', format: 'date-time', readOnly: true });
    expect(payment.properties.status).toEqual({ type: ['string', 'null'], enum: ['pending', 'succeeded', 'failed', 'refunded', null], default: 'pending' });
    expect(payment.properties.customer_id.description).toBe('References Customer.');
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
  });

  test('every field type of answers.md has its schema', () => {
    const doc = buildOpenApi(modelOf(FIXTURES.allTypes)) as Doc;
    const user = doc.components.schemas.User.properties;
    const group = doc.components.schemas.Group.properties;
    const schemaOf = (op: Doc): Doc => doc.components.schemas[op.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    const order = schemaOf(doc.paths['/orders'].post);
    expect(user.email).toEqual({ type: 'string', format: 'email', maxLength: 254 });
    expect(user.select).toMatchObject({ type: ['string', 'null'], maxLength: 40, default: "it's" });
    expect(user.order).toMatchObject({ type: ['integer', 'null'], format: 'int32', minimum: 0, maximum: 100, default: 5 });
    expect(user.group).toMatchObject({ enum: ['alpha', "it's", 'back\\slash', null] });
    expect(user.homepage).toMatchObject({ type: ['string', 'null'], format: 'uri' });
    expect(user.bio).toMatchObject({ type: ['string', 'null'], maxLength: 2000 });
    expect(user.code).toMatchObject({ pattern: '^[A-Z]{2}\\d{3}$', maxLength: 5 });
    expect(user.deleted_at).toMatchObject({ type: ['string', 'null'], format: 'date-time', readOnly: true });
    expect(group.id).toEqual({ type: 'integer', format: 'int32' });
    expect(group.from).toMatchObject({ format: 'date', default: '2026-01-01' });
    expect(group.active).toEqual({ type: 'boolean', default: true });
    expect(group.meta).toEqual({ description: 'Any JSON value.', default: {} });
    const props = order.properties;
    expect(order.required).toEqual(['user_id', 'total', 'placed_at']);
    expect(props.total).toEqual({ type: 'string', format: 'decimal', pattern: '^[0-9]{1,15}(\\.[0-9]{1,4})?$', description: 'At least 0. At most 1000000. A decimal number as a string, at most 4 decimals.' });
    expect(props.count).toEqual({ type: 'string', format: 'int64', pattern: '^[0-9]{1,19}$', description: 'At least 1. A 64-bit integer as a decimal string.' });
    expect(props.placed_at).toEqual({ type: 'string', format: 'date-time' });
    expect(props.token).toEqual({ type: 'string', format: 'uuid' });
    expect(props.group_id).toEqual({ type: 'integer', format: 'int32', description: 'References Group.' });
    // A PATCH carries what it changes: nothing required, at least one member.
    const update = schemaOf(doc.paths['/users/{id}'].patch);
    expect(update.required).toBeUndefined();
    expect(update.minProperties).toBe(1);
    // Path parameters take the type of the key they name.
    expect(doc.paths['/groups/{id}'].get.parameters[0].schema).toEqual({ type: 'integer', format: 'int32' });
    expect(doc.paths['/selects/{key}'].get.parameters[0].schema).toEqual({ type: 'string', maxLength: 32 });
    // A 202 with no response entity has no content.
    expect(doc.paths['/imports'].post.responses['202']).toEqual({ description: 'Accepted' });
  });
});

describe('security schemes from stack.auth', () => {
  const withAuth = (auth: string): Doc => buildOpenApi(modelOf(REFERENCE, (t) => t.replace('auth: jwt  ', `auth: ${auth}  `)));

  test.each([
    ['oauth2', { oauth2: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes: {} } } } }],
    ['oidc', { openIdConnect: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' } }],
    ['api-key', { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } }],
    ['session', { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'session' } }],
  ])('%s', async (auth, expected) => {
    const doc = withAuth(auth);
    const [key] = Object.keys(expected);
    expect(doc.components.securitySchemes).toEqual({ [key!]: expect.objectContaining(expected[key as keyof typeof expected]) });
    expect(doc.paths['/payments'].post.security).toEqual([{ [key!]: [] }]);
    expect(doc.paths['/webhooks/stripe'].post.security).toEqual([]);
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/virtual/openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('none: no scheme, every operation open, and the lint is still clean', async () => {
    const model = modelOf(EXAMPLES[2]!); // notes: auth none
    expect(model.stack.auth).toBe('none');
    const doc = buildOpenApi(model) as Doc;
    expect(doc.components.securitySchemes).toBeUndefined();
    for (const item of Object.values(doc.paths as Record<string, Record<string, Doc>>)) for (const op of Object.values(item)) expect(op.security).toEqual([]);
  });
});

describe('YAML output', () => {
  test.each(cases)('%s: YAML 1.1 and 1.2 parsers read back the document, byte-stable', (_name, model) => {
    const text = renderOpenApi(model);
    const data = JSON.parse(JSON.stringify(buildOpenApi(model)));
    expect(parse(text)).toEqual(data);
    expect(parse(text, { version: '1.1' })).toEqual(data);
    expect(text).not.toMatch(/[&*]a\d/); // no anchors or aliases
    expect(renderOpenApi(model)).toBe(text);
  });

  test('strings YAML 1.1 would read as booleans, comments, aliases or numbers stay strings', () => {
    const tricky = ['no', 'yes', 'on', 'off', 'y', 'n', '#x', '*a', '&b', '1_000', '0x1F', '12:30', '~', 'null', '2026-01-01', '- x', 'a: b', '!tag', '%d', '@x', '`x`'];
    const model = modelOf(REFERENCE, (t) => t
      .replace('name: Payments', 'name: "no"')
      .replace(/summary: >-\n[^\n]*\n[^\n]*\n/, 'summary: "#x"\n')
      .replace('description: A person who pays for orders', `description: "*a"`)
      .replace('values: [usd, eur, gbp]', `values: [${tricky.map((v) => JSON.stringify(v)).join(', ')}]`));
    const text = renderOpenApi(model);
    expect(text).toContain('title: no API');
    expect(text).toContain('summary: "#x"');
    const back11 = parse(text, { version: '1.1' });
    const back12 = parse(text);
    for (const back of [back11, back12]) {
      expect(back.info.summary).toBe('#x');
      expect(back.tags[0].description).toBe('*a');
      expect(back.components.schemas.Payment.properties.currency.enum).toEqual(tricky);
    }
  });
});
