// The PostgreSQL schema runs on a real PostgreSQL (PGlite, in-process), and the catalog read back holds a
// table per entity, a foreign key per reference, a unique index per unique field and every foreign key indexed.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { ddlApplies, renderDdl } from '../../src/render/ddl/index.js';
import { ident, MYSQL_RESERVED, POSTGRESQL_RESERVED, SQLITE_RESERVED } from '../../src/render/ddl/quoting.js';
import fc from 'fast-check';
import { answersArb, planned, PROPERTY_RUNS } from './ddl-arbitrary.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

/** REL-5: a reference across services (microservices) has no foreign key. */
const enforcedRef = (model: Model, e: { name: string }, f: { name: string; references: string }): boolean =>
  f.references !== '' && !(model.plan?.relationships ?? []).some((r) => r.kind === 'many-to-one' && r.from === e.name && r.via === f.name && r.crossService);


let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
});
afterAll(async () => {
  await db.close();
});

/** Runs the schema in a fresh PostgreSQL schema (namespace) of its own, so one instance serves every case. */
async function apply(model: Model, namespace: string): Promise<void> {
  await db.exec(`DROP SCHEMA IF EXISTS ${namespace} CASCADE; CREATE SCHEMA ${namespace}; SET search_path TO ${namespace};`);
  await db.exec(renderDdl(model, 'postgresql'));
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}

interface Catalog {
  tables: string[];
  /** `table.column -> target(column) ON DELETE x` */
  foreignKeys: string[];
  /** Each index as `table(col, col)`, prefixed `unique ` when unique. */
  indexes: string[];
}

async function catalog(namespace: string): Promise<Catalog> {
  const tables = (await rows<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`, [namespace])).map((r) => r.name);
  const foreignKeys = (await rows<{ fk: string }>(
    `SELECT t.relname || '.' || a.attname || ' -> ' || r.relname || '(' || ra.attname || ') ON DELETE ' ||
            CASE c.confdeltype WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set-null' ELSE c.confdeltype::text END AS fk
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1) ORDER BY 1`, [namespace])).map((r) => r.fk);
  const indexes = (await rows<{ ix: string }>(
    `SELECT CASE WHEN i.indisunique THEN 'unique ' ELSE '' END || t.relname || '(' ||
            (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) || ')' AS ix
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 ORDER BY 1`, [namespace])).map((r) => r.ix);
  return { tables, foreignKeys, indexes };
}

function expectCatalogMatches(model: Model, cat: Catalog): void {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  expect(cat.tables).toEqual(model.entities.map((e) => e.table).sort());
  const expectedFks = model.entities.flatMap((e) => e.fields.filter((f) => enforcedRef(model, e, f)).map((f) => {
    const target = byName.get(f.references)!;
    return `${e.table}.${f.name} -> ${target.table}(${target.primaryKey}) ON DELETE ${f.onDelete}`;
  }));
  expect(cat.foreignKeys).toEqual(expectedFks.sort());
  for (const e of model.entities) {
    for (const f of e.fields.filter((x) => x.unique)) expect(cat.indexes).toContain(`unique ${e.table}(${f.name})`);
    expect(cat.indexes).toContain(`unique ${e.table}(${e.primaryKey})`);
    for (const f of e.fields.filter((x) => x.references)) {
      // An index whose first column is the foreign key.
      expect(cat.indexes.some((ix) => ix.replace(/^unique /, '').startsWith(`${e.table}(${f.name}`) && /[,)]/.test(ix.replace(/^unique /, '').slice(`${e.table}(${f.name}`.length, `${e.table}(${f.name}`.length + 1))), `${e.table}.${f.name} indexed`).toBe(true);
    }
    for (const ix of e.indexes) expect(cat.indexes).toContain(`${ix.unique ? 'unique ' : ''}${e.table}(${ix.fields.join(', ')})`);
  }
}

const relational = [REFERENCE, ...EXAMPLES, FIXTURES.allTypes, FIXTURES.cycle, FIXTURES.names].map((p) => ({ path: p, model: modelOf(p) })).filter((c) => ddlApplies(c.model));

describe('PostgreSQL schema on PGlite', () => {
  test('the relational examples are all here', () => {
    expect(relational.map((c) => c.path.split('/').slice(-2).join('/'))).toEqual([
      'spec/payments.yaml', 'examples/notes.yaml', 'examples/payments.yaml', 'examples/shop.yaml', 'ddl/all-types.yaml', 'ddl/cycle.yaml', 'qa/awkward-names.yaml',
    ]);
  });

  test.each(relational.map((c, i) => [c.path.split('/').slice(-2).join('/'), c.model, `s${i}`] as const))('%s runs and its catalog matches the model', async (_name, model, ns) => {
    await apply(model, ns);
    expectCatalogMatches(model, await catalog(ns));
  });

  test('reserved words are quoted and usable, defaults are typed, checks hold', async () => {
    const model = modelOf(FIXTURES.allTypes);
    await apply(model, 'reserved');
    const sql = renderDdl(model, 'postgresql');
    expect(sql).toContain('"select" varchar(40) DEFAULT \'it\'\'s\'');
    expect(sql).toContain('"order" integer DEFAULT 5');
    // groups is reserved in MySQL and SQLite: one spelling in every dialect.
    expect(sql).toContain('CREATE TABLE "groups" (');
    const columns = (await rows<{ c: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type AS c FROM information_schema.columns WHERE table_schema = 'reserved' ORDER BY 1`)).map((r) => r.c);
    expect(columns).toEqual(expect.arrayContaining([
      'users.select character varying', 'users.order integer', 'users.group text', 'orders.table text', 'selects.key character varying',
      'selects.where character varying', 'groups.from date', 'groups.meta jsonb', 'groups.active boolean', 'orders.total numeric',
      'orders.placed_at timestamp with time zone', 'orders.token uuid', 'orders.count bigint', 'users.homepage character varying',
      'users.deleted_at timestamp with time zone',
    ]));
    await db.exec(`INSERT INTO users (email) VALUES ('a@example.com')`);
    const user = (await rows<Record<string, unknown>>(`SELECT "select", "order", "group", id, created_at, deleted_at FROM users`))[0]!;
    expect(user).toMatchObject({ select: "it's", order: 5, group: "it's", deleted_at: null });
    expect(String(user.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.created_at).toBeInstanceOf(Date);
    const group = (await rows<Record<string, unknown>>(`INSERT INTO groups (name) VALUES ('g') RETURNING id, active, archived, meta, "from"`))[0]!;
    expect(group).toMatchObject({ id: 1, active: true, archived: false, meta: {} });
    for (const bad of [
      `UPDATE users SET "order" = 101`, `UPDATE users SET "group" = 'beta'`, `UPDATE users SET code = 'ab123'`,
      `UPDATE users SET bio = repeat('x', 2001)`, `INSERT INTO orders (user_id, total, placed_at) VALUES (gen_random_uuid(), 1, now())`,
      `INSERT INTO users (email) VALUES ('a@example.com')`,
    ]) {
      await expect(db.exec(bad), bad).rejects.toThrow();
    }
    await db.exec(`UPDATE users SET code = 'AB123', "group" = 'back\\slash'`);
    // updated_at: kept when an UPDATE sets it, made current by the trigger when it does not.
    await db.exec(`UPDATE users SET updated_at = '2000-01-01T00:00:00Z'`);
    expect((await rows<{ y: number }>(`SELECT extract(year FROM updated_at)::int AS y FROM users`))[0]!.y).toBe(2000);
    await db.exec(`UPDATE users SET bio = 'changed'`);
    expect((await rows<{ y: number }>(`SELECT extract(year FROM updated_at)::int AS y FROM users`))[0]!.y).toBeGreaterThan(2000);
    // The descriptions stayed inside their literals: the tables are there, the text kept whole.
    const comment = (await rows<{ d: string }>(`SELECT obj_description('reserved.users'::regclass, 'pg_class') AS d`))[0]!.d;
    expect(comment).toBe('Somebody who signs in.\nDROP TABLE users; -- not a statement');
    const bio = (await rows<{ d: string }>(`SELECT col_description(attrelid, attnum) AS d FROM pg_attribute WHERE attrelid = 'reserved.users'::regclass AND attname = 'bio'`))[0]!.d;
    expect(bio).toBe("line one\nline two'); DROP TABLE users; --");
  });

  test('cycles: tables first, the forward foreign keys by ALTER TABLE; ON DELETE behaves', async () => {
    const model = modelOf(FIXTURES.cycle);
    const sql = renderDdl(model, 'postgresql');
    expect(sql).toContain('-- Reference cycle Department -> Employee -> Department');
    const alters = sql.split('\n').filter((l) => l.startsWith('ALTER TABLE'));
    expect(alters.length).toBeGreaterThan(0);
    // Each ALTER names a table that exists by then: it comes after every CREATE TABLE.
    expect(sql.lastIndexOf('\nCREATE TABLE')).toBeLessThan(sql.indexOf('\nALTER TABLE'));
    await apply(model, 'cycles');
    await db.exec(`
      INSERT INTO departments (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Ops');
      INSERT INTO employees (id, name, department_id) VALUES ('00000000-0000-0000-0000-000000000002', 'Ada', '00000000-0000-0000-0000-000000000001');
      INSERT INTO employees (id, name, department_id, manager_id) VALUES ('00000000-0000-0000-0000-000000000003', 'Bo', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002');
      UPDATE departments SET head_id = '00000000-0000-0000-0000-000000000002';
      DELETE FROM employees WHERE id = '00000000-0000-0000-0000-000000000002';`);
    const left = await rows<{ manager_id: string | null }>(`SELECT manager_id FROM employees`);
    expect(left).toEqual([{ manager_id: null }]);
    expect((await rows<{ head_id: string | null }>(`SELECT head_id FROM departments`))[0]!.head_id).toBeNull();
    // restrict: a department with employees cannot go.
    await expect(db.exec(`DELETE FROM departments`)).rejects.toThrow(/foreign key/);
  });

  test('every word PostgreSQL reserves is in the list, and every listed word works quoted as a table and a column', async () => {
    const reserved = (await rows<{ word: string }>(`SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY 1`)).map((r) => r.word);
    expect(reserved.length).toBeGreaterThan(70);
    expect(reserved.filter((w) => !POSTGRESQL_RESERVED.includes(w))).toEqual([]);
    await db.exec('DROP SCHEMA IF EXISTS words CASCADE; CREATE SCHEMA words; SET search_path TO words;');
    const all = [...new Set([...POSTGRESQL_RESERVED, ...MYSQL_RESERVED, ...SQLITE_RESERVED])].sort();
    await db.exec(all.map((w) => `CREATE TABLE ${ident(w, 'postgresql')} (${ident(w, 'postgresql')} integer);`).join('\n'));
    const made = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'words' AND table_name = column_name`);
    expect(made[0]!.n).toBe(all.length);
    // Bare, a reserved word is refused: the quotes are what make `order` work.
    await expect(db.exec('CREATE TABLE t (order integer)')).rejects.toThrow(/syntax error/);
  });

  test('property: random answers with reserved names and hostile text run, and the catalog matches', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(answersArb, async (answers) => {
      const model = planned(answers);
      const ns = `p${n++}`;
      await apply(model, ns);
      expectCatalogMatches(model, await catalog(ns));
      await db.exec(`DROP SCHEMA ${ns} CASCADE`);
    }), { ...PROPERTY_RUNS, numRuns: 20 });
  }, 60000);

  test('the format does not apply to DynamoDB, MongoDB and Neo4j', () => {
    for (const p of EXAMPLES) {
      const model = modelOf(p);
      expect(ddlApplies(model)).toBe(['postgresql', 'mysql', 'sqlite'].includes(model.stack.database));
      if (!ddlApplies(model)) expect(() => renderDdl(model)).toThrow(/does not apply to (dynamodb|mongodb|neo4j)/);
    }
    const neo = modelOf(REFERENCE, (t) => t.replace('database: postgresql', 'database: neo4j'));
    expect(ddlApplies(neo)).toBe(false);
  });

  test('the default dialect is the stack database, and output is stable', () => {
    const shop = modelOf(EXAMPLES[4]!);
    expect(renderDdl(shop)).toBe(renderDdl(shop, 'mysql'));
    expect(renderDdl(modelOf(REFERENCE))).toBe(renderDdl(modelOf(REFERENCE), 'postgresql'));
  });
});
