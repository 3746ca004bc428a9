// The SQLite schema runs on real SQLite (sql.js, SQLite compiled to WebAssembly); the catalog read back
// through PRAGMAs holds a table per entity, a foreign key per reference, unique indexes and indexed foreign keys.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { renderDdl } from '../../src/render/ddl/index.js';
import { ident, MYSQL_RESERVED, POSTGRESQL_RESERVED, SQLITE_RESERVED } from '../../src/render/ddl/quoting.js';
import fc from 'fast-check';
import { answersArb, planned, PROPERTY_RUNS } from './ddl-arbitrary.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

/** REL-5: a reference across services (microservices) has no foreign key. */
const enforcedRef = (model: Model, e: { name: string }, f: { name: string; references: string }): boolean =>
  f.references !== '' && !(model.plan?.relationships ?? []).some((r) => r.kind === 'many-to-one' && r.from === e.name && r.via === f.name && r.crossService);


interface SqlDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  run(sql: string): void;
  close(): void;
}
type SqlJs = { Database: new () => SqlDatabase };

const require = createRequire(import.meta.url);
let SQL: SqlJs;
beforeAll(async () => {
  const main = require.resolve('sql.js');
  const init = require('sql.js') as (config: { locateFile: (f: string) => string }) => Promise<SqlJs>;
  SQL = await init({ locateFile: (f) => join(dirname(main), f) });
});

function run(model: Model): SqlDatabase {
  const db = new SQL.Database();
  db.exec(renderDdl(model, 'sqlite'));
  return db;
}

function query(db: SqlDatabase, sql: string): Record<string, unknown>[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
}

const relational = [REFERENCE, ...EXAMPLES, FIXTURES.allTypes, FIXTURES.cycle, FIXTURES.names].map((p) => modelOf(p)).filter((m) => m.stack.relational);

describe('SQLite schema on sql.js', () => {
  test.each(relational.map((m) => [m.source, m] as const))('%s runs and its catalog matches the model', (_name, model) => {
    const db = run(model);
    const byName = new Map(model.entities.map((e) => [e.name, e]));
    const tables = query(db, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).map((r) => r.name);
    expect(tables).toEqual(model.entities.map((e) => e.table).sort());
    for (const e of model.entities) {
      const t = e.table.replace(/'/g, "''");
      const fks = query(db, `SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list('${t}') ORDER BY "from"`);
      const expected = e.fields.filter((f) => enforcedRef(model, e, f)).map((f) => ({
        from: f.name, table: byName.get(f.references)!.table, to: byName.get(f.references)!.primaryKey,
        on_delete: f.onDelete.toUpperCase().replace('-', ' '),
      })).sort((a, b) => (a.from < b.from ? -1 : 1));
      expect(fks).toEqual(expected);
      // Each index with its columns, `unique ` first when unique.
      const indexes = query(db, `SELECT name, "unique" FROM pragma_index_list('${t}')`).map((ix) => {
        const cols = query(db, `SELECT name FROM pragma_index_info('${String(ix.name).replace(/'/g, "''")}') ORDER BY seqno`).map((c) => c.name);
        return `${ix.unique ? 'unique ' : ''}(${cols.join(', ')})`;
      });
      for (const f of e.fields.filter((x) => x.unique)) expect(indexes).toContain(`unique (${f.name})`);
      for (const f of e.fields.filter((x) => x.references)) {
        const pk = e.primaryKey === f.name;
        expect(pk || indexes.some((ix) => ix.replace(/^unique /, '').startsWith(`(${f.name},`) || ix.replace(/^unique /, '') === `(${f.name})`), `${e.table}.${f.name} indexed`).toBe(true);
      }
      for (const ix of e.indexes) expect(indexes).toContain(`${ix.unique ? 'unique ' : ''}(${ix.fields.join(', ')})`);
    }
    expect(query(db, 'PRAGMA foreign_key_check')).toEqual([]);
    db.close();
  });

  test('reserved words, typed defaults and checks work in SQLite', () => {
    const model = modelOf(FIXTURES.allTypes);
    const db = run(model);
    expect(query(db, 'PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    db.run(`INSERT INTO users (id, email) VALUES ('u1', 'a@example.com')`);
    const [user] = query(db, `SELECT "select", "order", "group", created_at, deleted_at FROM users`);
    expect(user).toMatchObject({ select: "it's", order: 5, group: "it's", deleted_at: null });
    expect(String(user!.created_at)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // A uuid key is made by the database, a version-4 uuid.
    db.run(`INSERT INTO users (email) VALUES ('b@example.com')`);
    expect(String(query(db, `SELECT id FROM users WHERE email = 'b@example.com'`)[0]!.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    db.run(`DELETE FROM users WHERE email = 'b@example.com'`);
    // updated_at: kept when an UPDATE sets it, made current by the trigger when it does not.
    db.run(`UPDATE users SET updated_at = '2000-01-01 00:00:00'`);
    expect(query(db, 'SELECT updated_at FROM users')).toEqual([{ updated_at: '2000-01-01 00:00:00' }]);
    db.run(`UPDATE users SET bio = 'changed'`);
    expect(String(query(db, 'SELECT updated_at FROM users')[0]!.updated_at) > '2000-01-01 00:00:00').toBe(true);
    db.run(`INSERT INTO "groups" (name) VALUES ('g')`);
    expect(query(db, `SELECT id, active, archived, meta, "from" FROM "groups"`)).toEqual([{ id: 1, active: 1, archived: 0, meta: '{}', from: '2026-01-01' }]);
    for (const bad of [
      `UPDATE users SET "order" = 101`, `UPDATE users SET "group" = 'beta'`, `UPDATE users SET "select" = '${'x'.repeat(41)}'`,
      `UPDATE "groups" SET active = 2`, `INSERT INTO orders (id, user_id, total, placed_at) VALUES ('o1', 'nobody', 1, 'now')`,
      `INSERT INTO users (id, email) VALUES ('u2', 'a@example.com')`,
    ]) {
      expect(() => db.run(bad), bad).toThrow();
    }
    db.run(`INSERT INTO orders (id, user_id, total, placed_at, "table") VALUES ('o1', 'u1', 12.5, '2026-01-01T10:00:00Z', 't')`);
    db.run(`INSERT INTO selects ("key", "where", order_id) VALUES ('k', 'w', 'o1')`);
    // restrict: the order a select row points at keeps the user (whose delete would cascade to it).
    expect(() => db.run(`DELETE FROM users`)).toThrow(/FOREIGN KEY/);
    db.run(`DELETE FROM selects`);
    // cascade: the user's orders go with it.
    db.run(`DELETE FROM users`);
    expect(query(db, 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 0 }]);
    db.close();
  });

  test('descriptions are one-line comments that cannot end the statement early', () => {
    const sql = renderDdl(modelOf(FIXTURES.allTypes), 'sqlite');
    expect(sql).toContain('-- User: Somebody who signs in. DROP TABLE users; -- not a statement\n');
    expect(sql).toContain("  -- line one line two'); DROP TABLE users; --\n  bio text,\n");
    expect(sql.split('\n').filter((l) => l.startsWith('DROP'))).toEqual([]);
  });

  test('every listed reserved word works quoted as a table and a column name; bare, SQLite refuses them', () => {
    const db = new SQL.Database();
    const all = [...new Set([...POSTGRESQL_RESERVED, ...MYSQL_RESERVED, ...SQLITE_RESERVED])].sort();
    db.exec(all.map((w) => `CREATE TABLE ${ident(w, 'sqlite')} (${ident(w, 'sqlite')} integer);`).join('\n'));
    expect(query(db, `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`)).toEqual([{ n: all.length }]);
    for (const w of ['order', 'group', 'select', 'where', 'table']) expect(() => db.exec(`CREATE TABLE ${w} (x integer)`), w).toThrow();
    db.close();
  });

  test('property: random answers with reserved names and hostile text run on SQLite with every table and foreign key', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const model = planned(answers);
      const db = run(model);
      const tables = query(db, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).map((r) => r.name);
      expect(tables).toEqual(model.entities.map((e) => e.table).sort());
      for (const e of model.entities) {
        const fks = query(db, `SELECT "from" FROM pragma_foreign_key_list('${e.table}')`).map((r) => r.from).sort();
        expect(fks).toEqual(e.fields.filter((f) => enforcedRef(model, e, f)).map((f) => f.name).sort());
      }
      db.close();
    }), PROPERTY_RUNS);
  });

  test('cycles stay inline in SQLite, and rows go in once foreign keys are checked', () => {
    const model = modelOf(FIXTURES.cycle);
    const sql = renderDdl(model, 'sqlite');
    expect(sql).not.toMatch(/^ALTER TABLE/m);
    expect(sql).toContain('-- Reference cycle Department -> Employee -> Department: SQLite checks foreign keys only when rows are written, so they stay inline.');
    const db = run(model);
    db.run(`INSERT INTO departments (id, name) VALUES ('d', 'Ops')`);
    db.run(`INSERT INTO employees (id, name, department_id) VALUES ('e', 'Ada', 'd')`);
    db.run(`UPDATE departments SET head_id = 'e'`);
    expect(() => db.run(`INSERT INTO employees (id, name, department_id) VALUES ('x', 'X', 'nowhere')`)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
