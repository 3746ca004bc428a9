// The JSON Schema (2020-12) of the answers file, built from the enums of answers.ts so the two cannot drift.
// schemas/answers.schema.json is this object written out (a test keeps the file in sync).

import {
  ARCHITECTURES, AUTHS, CACHES, CLOUDS, COMPUTES, CRUD_OPERATIONS, DATABASES, FIELD_TYPES, FRAMEWORKS, HTTP_METHODS,
  IACS, LANGUAGES, ON_DELETE, QUEUES, RETRY_POLICIES,
} from './answers.js';

/** Longest name, in bytes: a safe identifier and file name everywhere (PostgreSQL truncates at 63). */
export const MAX_NAME_BYTES = 63;

/** Patterns, each with the message validation prints when a value does not match it. */
export const PATTERNS = {
  pascal: { pattern: '^[A-Z][A-Za-z0-9]*$', message: 'must be PascalCase, like "PaymentMethod"' },
  snake: { pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$', message: 'must be snake_case, like "created_at"' },
  kebab: { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', message: 'must be kebab-case, like "billing-core"' },
  path: {
    pattern: '^/([A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}|/)*$',
    message: 'must start with "/" and name parameters as {name}, like "/payments/{id}"',
  },
  role: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$', message: 'must be none, user, admin or a role name of letters, digits, "_" and "-"' },
  rate: { pattern: '^[1-9][0-9]*/(s|min|h)$', message: 'must be a count per s, min or h, like "100/s", "6000/min" or "10/h"' },
  availability: { pattern: '^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)$', message: 'must be a percentage like "99.9"' },
  date: { pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', message: 'must be a date like "2026-01-05"' },
  request: { pattern: '^raw$', message: 'must be a list of field names or "raw"' },
  response: { pattern: '^([A-Z][A-Za-z0-9]*|none)$', message: 'must be an entity name or "none"' },
} as const;

const NUMERIC_TYPES = ['integer', 'bigint', 'decimal'] as const;
const TEXT_TYPES = ['string', 'text', 'email', 'url'] as const;

const text = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', items: text } as const;
const named = (p: keyof typeof PATTERNS, maxLength = MAX_NAME_BYTES): object => ({
  type: 'string',
  pattern: PATTERNS[p].pattern,
  maxLength,
});
const list = (items: object, extra: object = {}): object => ({ type: 'array', items, uniqueItems: true, ...extra });

const field = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: {
    name: named('snake'),
    type: { enum: [...FIELD_TYPES] },
    required: { type: 'boolean' },
    unique: { type: 'boolean' },
    primary: { type: 'boolean' },
    default: { type: ['string', 'number', 'boolean'] },
    min: { type: 'number' },
    max: { type: 'number' },
    max_length: { type: 'integer', minimum: 1 },
    pattern: text,
    values: { type: 'array', items: text, minItems: 1, uniqueItems: true },
    description: { type: 'string' },
    references: named('pascal'),
    on_delete: { enum: [...ON_DELETE] },
  },
  // Keys that only make sense for some types: `values` is for enum (and required there), bounds for numbers,
  // length and pattern for text.
  allOf: [
    {
      if: { type: 'object', properties: { type: { const: 'enum' } }, required: ['type'] },
      then: { type: 'object', properties: { values: true }, required: ['values'] },
      else: { properties: { values: false } },
    },
    {
      if: { type: 'object', properties: { type: { enum: [...NUMERIC_TYPES] } }, required: ['type'] },
      else: { properties: { min: false, max: false } },
    },
    {
      if: { type: 'object', properties: { type: { enum: [...TEXT_TYPES] } }, required: ['type'] },
      else: { properties: { max_length: false, pattern: false } },
    },
  ],
};

const endpoint = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'path'],
  properties: {
    method: { enum: [...HTTP_METHODS] },
    path: named('path', 2000),
    summary: { type: 'string' },
    auth: named('role'),
    entity: named('pascal'),
    request: { type: ['array', 'string'], items: named('snake'), uniqueItems: true, pattern: PATTERNS.request.pattern },
    response: { type: 'string', pattern: PATTERNS.response.pattern, maxLength: MAX_NAME_BYTES },
    status: { type: 'integer', minimum: 200, maximum: 299 },
    errors: list(named('pascal')),
    integrations: list({ type: 'string', minLength: 1 }),
    paginated: { type: 'boolean' },
    rate_limit: named('rate', 20),
  },
};

const frameworkRules = LANGUAGES.map((language) => ({
  if: { type: 'object', properties: { language: { const: language } }, required: ['language'] },
  then: { properties: { framework: { enum: [...FRAMEWORKS[language]] } } },
}));

export const answersSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'archplan answers file, version 1',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'project', 'stack', 'entities'],
  properties: {
    version: { const: 1 },
    project: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'summary'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        slug: named('kebab'),
        summary: text,
        platform: { type: 'string' },
        team_size: { type: 'integer', minimum: 1, maximum: 1000 },
        start: named('date', 10),
        goals: texts,
      },
    },
    requirements: {
      type: 'object',
      additionalProperties: false,
      properties: {
        functional: texts,
        non_functional: {
          type: 'object',
          additionalProperties: false,
          properties: {
            latency_p95_ms: { type: 'number', exclusiveMinimum: 0 },
            throughput_rps: { type: 'number', exclusiveMinimum: 0 },
            availability: named('availability', 20),
            data_retention: { type: 'string' },
            compliance: texts,
          },
        },
      },
    },
    stack: {
      type: 'object',
      additionalProperties: false,
      required: ['language', 'database'],
      properties: {
        language: { enum: [...LANGUAGES] },
        framework: { enum: [...new Set(LANGUAGES.flatMap((l) => FRAMEWORKS[l]))] },
        architecture: { enum: [...ARCHITECTURES] },
        database: { enum: [...DATABASES] },
        cache: { enum: [...CACHES] },
        queue: { enum: [...QUEUES] },
        cloud: { enum: [...CLOUDS] },
        compute: { enum: [...COMPUTES] },
        iac: { enum: [...IACS] },
        auth: { enum: [...AUTHS] },
        observability: list(text),
      },
      allOf: frameworkRules,
    },
    entities: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'fields'],
        properties: {
          name: named('pascal'),
          description: { type: 'string' },
          timestamps: { type: 'boolean' },
          soft_delete: { type: 'boolean' },
          fields: { type: 'array', minItems: 1, items: field },
          indexes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['fields'],
              properties: {
                fields: list(named('snake'), { minItems: 1 }),
                unique: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['entity', 'operations'],
        properties: {
          entity: named('pascal'),
          operations: list({ type: 'string', enum: [...CRUD_OPERATIONS] }, { minItems: 1 }),
          auth: named('role'),
          base_path: named('path', 2000),
        },
      },
    },
    endpoints: { type: 'array', items: endpoint },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'status', 'message'],
        properties: {
          name: named('pascal'),
          status: { type: 'integer', minimum: 400, maximum: 599 },
          message: text,
          when: { type: 'string' },
        },
      },
    },
    modules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'entities'],
        properties: {
          name: named('kebab'),
          description: { type: 'string' },
          entities: list(named('pascal'), { minItems: 1 }),
        },
      },
    },
    integrations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: MAX_NAME_BYTES },
          purpose: { type: 'string' },
          protocol: { type: 'string' },
          auth: { type: 'string' },
          timeout_ms: { type: 'integer', minimum: 1, maximum: 600000 },
          retry: { enum: [...RETRY_POLICIES] },
          idempotent: { type: 'boolean' },
          rate_limit: named('rate', 20),
        },
      },
    },
  },
} as const;
