// The ddl helpers on their own: quoting, literals, comments, long names, table order, the type table.
import { describe, expect, test } from 'vitest';
import { FIELD_TYPES } from '../../src/answers/answers.js';
import type { Field, Model } from '../../src/derive/model.js';
import { renderDdl } from '../../src/render/ddl/index.js';
import { forwardReferences, tableOrder } from '../../src/render/ddl/order.js';
import { commentText, ident, literal, needsQuotes, shortName } from '../../src/render/ddl/quoting.js';
import { columnChecks, columnType, defaultExpression, SQLITE_UUID_V4 } from '../../src/render/ddl/types.js';
import { FIXTURES, modelOf } from './openapi-ddl-models.js';

function field(over: Partial<Field>): Field {
  return {
    name: 'x', type: 'string', required: false, unique: false, primary: false, generated: '', default: null, min: null, max: null,
    maxLength: null, pattern: '', values: [], description: '', references: '', onDelete: '', ...over,
  };
}

describe('quoting', () => {
  test('reserved words are quoted in every dialect, plain names are left bare', () => {
    expect(ident('order', 'postgresql')).toBe('"order"');
    expect(ident('order', 'mysql')).toBe('`order`');
    expect(ident('order', 'sqlite')).toBe('"order"');
    // Reserved only in MySQL and SQLite, quoted everywhere: one spelling whatever the dialect.
    expect(ident('groups', 'postgresql')).toBe('"groups"');
    expect(ident('user', 'mysql')).toBe('`user`');
    expect(ident('amount_cents', 'mysql')).toBe('amount_cents');
    expect(needsQuotes('Weird Name')).toBe(true);
    expect(ident('a"b', 'postgresql')).toBe('"a""b"');
    expect(ident('a`b', 'mysql')).toBe('`a``b`');
  });

  test('literals double quotes; MySQL also doubles backslashes', () => {
    expect(literal("it's", 'postgresql')).toBe("'it''s'");
    expect(literal('a\\d', 'postgresql')).toBe("'a\\d'");
    expect(literal('a\\d', 'mysql')).toBe("'a\\\\d'");
    expect(literal("it's", 'sqlite')).toBe("'it''s'");
  });

  test('comment text is one line whatever the description holds', () => {
    expect(commentText('a\nDROP TABLE x;\r\n--b\u2028c\u0000d')).toBe('a DROP TABLE x; --b c d');
  });

  test('long names are cut to 63 characters with a hash, distinct and stable', () => {
    const a = shortName(`${'a'.repeat(70)}_x_idx`);
    const b = shortName(`${'a'.repeat(70)}_y_idx`);
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(shortName(`${'a'.repeat(70)}_x_idx`)).toBe(a);
    expect(shortName('short_idx')).toBe('short_idx');
  });
});

describe('table order', () => {
  test("without the engine's order: referenced first, cycles broken at their earliest member, waiting entities wait", () => {
    const model = modelOf(FIXTURES.cycle);
    const { plan: _plan, ...bare } = model;
    const order = tableOrder(bare).map((e) => e.name);
    expect(order).toEqual(['Department', 'Employee', 'Project', 'Assignment', 'Office', 'Team']);
    // Only the foreign keys inside cycles point forward.
    expect([...forwardReferences(tableOrder(bare))].sort()).toEqual(['Department.head_id', 'Project.team_id']);
  });

  test("the engine's order is used when present", () => {
    const model = modelOf(FIXTURES.cycle);
    expect(tableOrder(model).map((e) => e.name)).toEqual(model.plan.entityOrder);
  });

  test('a model without plan still renders, with its foreign keys indexed by the DDL itself', () => {
    const model = modelOf(FIXTURES.cycle);
    const bare = { ...model, plan: undefined, entities: model.entities.map((e) => ({ ...e, indexes: e.indexes.filter((i) => i.origin === 'declared') })) } as unknown as Model;
    const sql = renderDdl(bare, 'postgresql');
    expect(sql).toContain('CREATE INDEX employees_manager_id_idx ON employees (manager_id);');
    expect(sql).toContain('CREATE INDEX departments_head_id_idx ON departments (head_id);');
    expect(sql).toContain('ALTER TABLE departments ADD CONSTRAINT departments_head_id_fkey FOREIGN KEY (head_id) REFERENCES employees (id) ON DELETE SET NULL;');
  });
});

describe('column types', () => {
  test('the type table, per dialect and field type', () => {
    const table = Object.fromEntries(FIELD_TYPES.map((t) => {
      const f = field({ type: t, values: t === 'enum' ? ['a', 'b'] : [] });
      return [t, [columnType(f, t, 'postgresql'), columnType(f, t, 'mysql'), columnType(f, t, 'sqlite')].join(' | ')];
    }));
    expect(table).toEqual({
      string: 'varchar(255) | varchar(255) | text',
      text: 'text | text | text',
      integer: 'integer | int | integer',
      bigint: 'bigint | bigint | integer',
      decimal: 'numeric(19,4) | decimal(19,4) | numeric(19,4)',
      boolean: 'boolean | boolean | integer',
      uuid: "uuid | char(36) | text",
      date: 'date | date | text',
      datetime: 'timestamptz | datetime(6) | text',
      json: 'jsonb | json | text',
      email: 'varchar(255) | varchar(255) | text',
      url: 'varchar(255) | varchar(255) | text',
      enum: "text | ENUM('a', 'b') | text",
    });
    expect(columnType(field({ maxLength: 12 }), 'string', 'mysql')).toBe('varchar(12)');
  });

  test('checks: bounds, enum values, lengths the type does not enforce, patterns, SQLite booleans', () => {
    expect(columnChecks(field({ type: 'integer', min: 1, max: 9 }), 'n', 'mysql')).toEqual(['n >= 1', 'n <= 9']);
    expect(columnChecks(field({ type: 'enum', values: ['a'] }), 'e', 'postgresql')).toEqual(["e IN ('a')"]);
    expect(columnChecks(field({ type: 'enum', values: ['a'] }), 'e', 'mysql')).toEqual([]);
    expect(columnChecks(field({ type: 'string' }), 's', 'postgresql')).toEqual([]);
    expect(columnChecks(field({ type: 'string' }), 's', 'sqlite')).toEqual(['length(s) <= 255']);
    expect(columnChecks(field({ type: 'text', maxLength: 9 }), 't', 'postgresql')).toEqual(['char_length(t) <= 9']);
    expect(columnChecks(field({ type: 'text' }), 't', 'sqlite')).toEqual([]);
    expect(columnChecks(field({ type: 'boolean' }), 'b', 'sqlite')).toEqual(['b IN (0, 1)']);
    expect(columnChecks(field({ pattern: '^a$' }), 's', 'postgresql')).toEqual(["s ~ '^a$'"]);
    expect(columnChecks(field({ pattern: '^a$' }), 's', 'mysql')).toEqual(["s REGEXP '^a$'"]);
    expect(columnChecks(field({ pattern: '^a$' }), 's', 'sqlite')).toEqual(['length(s) <= 255']);
  });

  test('defaults are literals of the column type', () => {
    expect(defaultExpression(field({ type: 'boolean', default: true }), 'postgresql')).toBe('TRUE');
    expect(defaultExpression(field({ type: 'boolean', default: false }), 'sqlite')).toBe('0');
    expect(defaultExpression(field({ type: 'integer', default: '7' }), 'mysql')).toBe('7');
    expect(defaultExpression(field({ type: 'decimal', default: 2.5 }), 'postgresql')).toBe('2.5');
    expect(defaultExpression(field({ type: 'string', default: "O'Neil" }), 'postgresql')).toBe("'O''Neil'");
    expect(defaultExpression(field({ type: 'text', default: 'x' }), 'mysql')).toBe("('x')");
    expect(defaultExpression(field({ type: 'json', default: '{}' }), 'mysql')).toBe("('{}')");
    expect(defaultExpression(field({ type: 'datetime', generated: 'timestamp' }), 'postgresql')).toBe('now()');
    expect(defaultExpression(field({ type: 'datetime', generated: 'timestamp' }), 'mysql')).toBe('CURRENT_TIMESTAMP(6)');
    expect(defaultExpression(field({ type: 'datetime', generated: 'timestamp' }), 'sqlite')).toBe('CURRENT_TIMESTAMP');
    expect(defaultExpression(field({ type: 'uuid', primary: true }), 'postgresql')).toBe('gen_random_uuid()');
    expect(defaultExpression(field({ type: 'uuid', primary: true }), 'mysql')).toBe('(UUID())');
    expect(defaultExpression(field({ type: 'uuid', primary: true }), 'sqlite')).toBe(SQLITE_UUID_V4);
  });

  test('MySQL indexes a prefix of a TEXT column', () => {
    const model = modelOf(FIXTURES.allTypes, (t) => t.replace('{ name: table, type: text }', '{ name: table, type: text, unique: true }'));
    const sql = renderDdl(model, 'mysql');
    expect(sql).toContain('CONSTRAINT orders_table_key UNIQUE (`table`(255))');
    expect(renderDdl(model, 'postgresql')).toContain('CONSTRAINT orders_table_key UNIQUE ("table")');
  });
});
