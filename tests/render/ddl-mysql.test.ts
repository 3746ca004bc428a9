// The MySQL schema is parsed by a real SQL parser (node-sql-parser, MySQL grammar); the syntax tree holds a
// table per entity, a foreign key per reference, a unique key per unique field and every foreign key indexed.
import sqlParser from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { renderDdl } from '../../src/render/ddl/index.js';
import { ident, MYSQL_RESERVED, POSTGRESQL_RESERVED, SQLITE_RESERVED } from '../../src/render/ddl/quoting.js';
import fc from 'fast-check';
import { answersArb, planned, PROPERTY_RUNS } from './ddl-arbitrary.js';
import { EXAMPLES, FIXTURES, modelOf, REFERENCE } from './openapi-ddl-models.js';

/** REL-5: a reference across services (microservices) has no foreign key. */
const enforcedRef = (model: Model, e: { name: string }, f: { name: string; references: string }): boolean =>
  f.references !== '' && !(model.plan?.relationships ?? []).some((r) => r.kind === 'many-to-one' && r.from === e.name && r.via === f.name && r.crossService);


const parser = new sqlParser.Parser();

// The parts of node-sql-parser's tree the checks read.
/** A column (`column_ref`), or a prefix key part `col(255)` that the parser reads as a call (an aggregate for `count(255)`). */
interface ColumnRef { type?: string; column?: string | { expr: { value: string } }; name?: string | { name: { value: string }[] } }
interface CreateDefinition {
  resource: 'column' | 'constraint' | 'index';
  column?: ColumnRef;
  constraint_type?: string;
  definition?: ColumnRef[];
  reference_definition?: { table: { table: string }[]; definition: ColumnRef[]; on_action: { type: string; value: { value: string } }[] };
}
interface Statement {
  type: string;
  keyword?: string;
  table?: { table: string }[] | { table: string };
  create_definitions?: CreateDefinition[];
  index_type?: string | null;
  index_columns?: ColumnRef[];
  expr?: { action: string; create_definitions: CreateDefinition }[];
}

function col(c: ColumnRef): string {
  if (typeof c.column === 'string') return c.column;
  if (c.column) return c.column.expr.value;
  if (typeof c.name === 'string') return c.name.toLowerCase();
  return c.name!.name[0]!.value;
}

function tableName(s: Statement): string {
  return Array.isArray(s.table) ? s.table[0]!.table : s.table!.table;
}

function parse(sql: string): Statement[] {
  const ast = parser.astify(sql, { database: 'MySQL' }) as unknown as Statement | Statement[];
  return Array.isArray(ast) ? ast : [ast];
}

interface Schema {
  tables: Map<string, string[]>;
  foreignKeys: string[];
  /** `table(col, ...)`, `unique ` first when unique (constraints and CREATE INDEX alike). */
  keys: string[];
}

function schemaOf(statements: Statement[]): Schema {
  const tables = new Map<string, string[]>();
  const foreignKeys: string[] = [];
  const keys: string[] = [];
  const constraint = (table: string, d: CreateDefinition): void => {
    const type = (d.constraint_type ?? '').toLowerCase();
    if (type === 'check') return;
    const cols = (d.definition ?? []).map(col);
    if (type === 'foreign key') {
      const ref = d.reference_definition!;
      const onDelete = ref.on_action.find((a) => a.type === 'on delete')?.value.value.toLowerCase().replace(' ', '-');
      foreignKeys.push(`${table}.${cols[0]} -> ${ref.table[0]!.table}(${ref.definition.map(col).join(', ')}) ON DELETE ${onDelete}`);
    } else if (type === 'unique' || type === 'primary key') {
      keys.push(`unique ${table}(${cols.join(', ')})`);
    }
  };
  for (const s of statements) {
    if (s.type === 'create' && s.keyword === 'table') {
      const table = tableName(s);
      tables.set(table, []);
      for (const d of s.create_definitions ?? []) {
        if (d.resource === 'column') tables.get(table)!.push(col(d.column!));
        else if (d.resource === 'constraint') constraint(table, d);
      }
    } else if (s.type === 'create' && s.keyword === 'index') {
      keys.push(`${s.index_type === 'unique' ? 'unique ' : ''}${tableName(s)}(${(s.index_columns ?? []).map(col).join(', ')})`);
    } else if (s.type === 'alter') {
      for (const e of s.expr ?? []) constraint(tableName(s), e.create_definitions);
    } else {
      throw new Error(`unexpected statement ${s.type} ${s.keyword ?? ''}`);
    }
  }
  return { tables, foreignKeys: foreignKeys.sort(), keys };
}

function expectSchemaMatches(model: Model, schema: Schema): void {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  expect([...schema.tables.keys()].sort()).toEqual(model.entities.map((e) => e.table).sort());
  // IDX-2: a soft-deleting table with unique keys has the generated live column, and its unique keys end with it.
  const liveOf = (e: Model['entities'][number]): string => {
    if (!e.softDelete || (!e.fields.some((f) => f.unique && !f.primary) && !e.indexes.some((ix) => ix.unique))) return '';
    let name = 'live_row';
    for (let n = 2; e.fields.some((f) => f.name === name); n++) name = `live_row_${n}`;
    return name;
  };
  for (const e of model.entities) expect(schema.tables.get(e.table)).toEqual([...e.fields.map((f) => f.name), ...(liveOf(e) ? [liveOf(e)] : [])]);
  expect(schema.foreignKeys).toEqual(model.entities.flatMap((e) => e.fields.filter((f) => enforcedRef(model, e, f)).map((f) => {
    const t = byName.get(f.references)!;
    return `${e.table}.${f.name} -> ${t.table}(${t.primaryKey}) ON DELETE ${f.onDelete}`;
  })).sort());
  for (const e of model.entities) {
    expect(schema.keys).toContain(`unique ${e.table}(${e.primaryKey})`);
    const live = liveOf(e) ? `, ${liveOf(e)}` : '';
    for (const f of e.fields.filter((x) => x.unique)) expect(schema.keys).toContain(`unique ${e.table}(${f.name}${f.primary ? '' : live})`);
    for (const ix of e.indexes) expect(schema.keys).toContain(`${ix.unique ? 'unique ' : ''}${e.table}(${ix.fields.join(', ')}${ix.unique ? live : ''})`);
    for (const f of e.fields.filter((x) => x.references)) {
      const led = schema.keys.map((k) => k.replace(/^unique /, '')).some((k) => k === `${e.table}(${f.name})` || k.startsWith(`${e.table}(${f.name}, `));
      expect(led, `${e.table}.${f.name} indexed`).toBe(true);
    }
  }
}

const relational = [REFERENCE, ...EXAMPLES, FIXTURES.allTypes, FIXTURES.cycle, FIXTURES.names].map((p) => modelOf(p)).filter((m) => m.stack.relational);

describe('MySQL schema parsed by node-sql-parser', () => {
  test.each(relational.map((m) => [m.source, m] as const))('%s parses and its tree matches the model', (_name, model) => {
    expectSchemaMatches(model, schemaOf(parse(renderDdl(model, 'mysql'))));
  });

  test('the parser refuses reserved words left bare, so the quoting is what makes the file parse', () => {
    expect(() => parse('CREATE TABLE t (order int)')).toThrow();
    expect(() => parse('CREATE TABLE groups (id int)')).toThrow();
    const sql = renderDdl(modelOf(FIXTURES.allTypes), 'mysql');
    expect(sql).toContain('CREATE TABLE `groups` (');
    expect(sql).toContain("  `select` varchar(40) DEFAULT 'it''s',\n");
    expect(sql).toContain('  `order` int DEFAULT 5,\n');
    expect(sql).toContain("  `group` ENUM('alpha', 'it''s', 'back\\\\slash') DEFAULT 'it''s',\n");
    expect(sql).toContain("  meta json DEFAULT ('{}'),\n");
    expect(sql).toContain('  id int NOT NULL AUTO_INCREMENT,\n');
    expect(sql).toContain("CHECK (code REGEXP '^[A-Z]{2}\\\\d{3}$')");
    expect(sql).toContain('  updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),\n');
    expect(sql).toContain('  `table` text,\n');
  });

  test('every listed reserved word parses quoted as a table and a column name', () => {
    const all = [...new Set([...POSTGRESQL_RESERVED, ...MYSQL_RESERVED, ...SQLITE_RESERVED])].sort();
    const tables = parse(all.map((w) => `CREATE TABLE ${ident(w, 'mysql')} (${ident(w, 'mysql')} int);`).join('\n'));
    expect(tables.map((t) => tableName(t))).toEqual(all);
    for (const w of ['order', 'group', 'select', 'where', 'table', 'key', 'groups']) expect(() => parse(`CREATE TABLE t (${w} int)`), w).toThrow();
  });

  test('property: random answers with reserved names and hostile text parse, and the tree matches', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const model = planned(answers);
      expectSchemaMatches(model, schemaOf(parse(renderDdl(model, 'mysql'))));
    }), PROPERTY_RUNS);
  });

  test('every field type has its MySQL column type', () => {
    const [users, groups, orders] = parse(renderDdl(modelOf(FIXTURES.allTypes), 'mysql')).filter((s) => s.keyword === 'table') as Statement[];
    const types = (s: Statement | undefined): Record<string, string> => Object.fromEntries((s?.create_definitions ?? [])
      .filter((d) => d.resource === 'column')
      .map((d) => {
        const def = (d as unknown as { definition: { dataType: string; length?: number; scale?: number } }).definition;
        return [col(d.column!), `${def.dataType}${def.length !== undefined ? `(${def.length}${def.scale !== undefined ? `,${def.scale}` : ''})` : ''}`];
      }));
    expect(types(users)).toMatchObject({ id: 'CHAR(36)', email: 'VARCHAR(254)', select: 'VARCHAR(40)', order: 'INT', group: 'ENUM', homepage: 'VARCHAR(255)', bio: 'TEXT', deleted_at: 'DATETIME(6)' });
    expect(types(groups)).toMatchObject({ id: 'INT', from: 'DATE', active: 'BOOLEAN', meta: 'JSON' });
    expect(types(orders)).toMatchObject({ group_id: 'INT', total: 'DECIMAL(19,4)', count: 'BIGINT', placed_at: 'DATETIME(6)', token: 'CHAR(36)', table: 'TEXT' });
  });

  test('a description cannot end a statement: it is one comment line, and the statements are only the schema', () => {
    const sql = renderDdl(modelOf(FIXTURES.allTypes), 'mysql');
    expect(sql).toContain('-- User: Somebody who signs in. DROP TABLE users; -- not a statement\n');
    const kinds = parse(sql).map((s) => `${s.type} ${s.keyword ?? ''}`.trim());
    expect(kinds.every((k) => k === 'create table' || k === 'create index' || k === 'alter')).toBe(true);
  });

  test('cycles: the forward foreign keys come by ALTER TABLE after every table', () => {
    const statements = parse(renderDdl(modelOf(FIXTURES.cycle), 'mysql'));
    const firstAlter = statements.findIndex((s) => s.type === 'alter');
    expect(firstAlter).toBeGreaterThan(0);
    expect(statements.slice(firstAlter).every((s) => s.type === 'alter')).toBe(true);
  });
});
