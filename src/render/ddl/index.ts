// The `ddl` format (schema.sql): CREATE TABLE statements for the relational databases, from the resolved
// model. Pure; returns the text without the generated-file marker (the writer adds it).
// Tables in dependency order; foreign keys inside a reference cycle added by ALTER TABLE once every table
// exists (inline in SQLite); every foreign key indexed; names quoted where reserved (quoting.ts).

import type { Entity, Field, Model } from '../../derive/model.js';
import { DIALECTS, type DialectFacts, type SqlDialect } from './dialects.js';
import { forwardReferences, tableOrder } from './order.js';
import { commentText, ident, literal, shortName } from './quoting.js';
import { columnChecks, columnType, defaultExpression, identitySuffix, MYSQL_TEXT_INDEX_PREFIX, mysqlPrefixed } from './types.js';
import { withArticle } from '../../derive/plan/text.js';
import { crossService, sqlOnDelete } from '../helpers.js';

export type { SqlDialect } from './dialects.js';
export { SQL_DIALECTS } from './dialects.js';

/** The format applies to relational databases only (DynamoDB, MongoDB and Neo4j have no DDL). */
export function ddlApplies(model: Model): boolean {
  return model.stack.database === 'postgresql' || model.stack.database === 'mysql' || model.stack.database === 'sqlite';
}

export function renderDdl(model: Model, dialect?: SqlDialect): string {
  const d = dialect ?? relationalDialect(model);
  return new DdlWriter(model, d).write();
}

function relationalDialect(model: Model): SqlDialect {
  if (!ddlApplies(model)) throw new Error(`the ddl format does not apply to ${model.stack.database}: it is not a relational database`);
  return model.stack.database as SqlDialect;
}

/** The entity has the generated updated_at column the database keeps current. */
function updatedAt(e: Entity): boolean {
  return e.fields.some((f) => f.name === 'updated_at' && f.generated === 'timestamp');
}

interface ForeignKey {
  table: Entity;
  field: Field;
  target: Entity;
}

class DdlWriter {
  private readonly facts: DialectFacts;
  private readonly byName: Map<string, Entity>;
  /** Index and constraint names taken so far: PostgreSQL keeps index names unique per schema. */
  private readonly taken = new Set<string>();

  constructor(private readonly model: Model, private readonly dialect: SqlDialect) {
    this.facts = DIALECTS[dialect];
    this.byName = new Map(model.entities.map((e) => [e.name, e]));
  }

  private q(name: string): string {
    return ident(name, this.dialect);
  }

  /** A constraint or index name, shortened and made unique. */
  private name(wanted: string): string {
    let base = shortName(wanted);
    for (let n = 2; this.taken.has(base); n++) base = shortName(`${wanted}_${n}`);
    this.taken.add(base);
    return base;
  }

  write(): string {
    const order = tableOrder(this.model);
    const forward = this.facts.alterForeignKeys ? forwardReferences(order) : new Set<string>();
    for (const e of order) this.taken.add(e.table);

    const out: string[] = [
      `-- ${commentText(this.model.project.name)}: ${this.facts.label} schema from ${commentText(this.model.source)}.`,
      '-- Tables in dependency order: a table comes after the tables it references.',
    ];
    const cycles = this.model.plan?.cycles ?? [];
    for (const c of cycles) {
      const loop = commentText([...c, c[0]].join(' -> '));
      out.push(this.facts.alterForeignKeys
        ? `-- Reference cycle ${loop}: its forward foreign keys are added by ALTER TABLE after every table exists.`
        : `-- Reference cycle ${loop}: SQLite checks foreign keys only when rows are written, so they stay inline.`);
    }
    if (this.facts.preamble.length > 0) out.push('', ...this.facts.preamble);
    if (this.facts.updatedAtSetup.length > 0 && order.some((e) => updatedAt(e))) out.push('', ...this.facts.updatedAtSetup);

    const deferred: ForeignKey[] = [];
    for (const e of order) {
      out.push('', ...this.table(e, forward, deferred));
    }
    if (deferred.length > 0) {
      out.push('', '-- Foreign keys to tables created after their own (reference cycles), now that every table exists.');
      for (const fk of deferred) {
        out.push(`ALTER TABLE ${this.q(fk.table.table)} ADD ${this.foreignKey(fk)};`);
      }
    }
    if (this.facts.postamble.length > 0) out.push('', ...this.facts.postamble);
    return `${out.join('\n')}\n`;
  }

  private table(e: Entity, forward: ReadonlySet<string>, deferred: ForeignKey[]): string[] {
    const out: string[] = [];
    const lineComment = !this.facts.commentOn;
    out.push(`-- ${e.name}${e.description ? `: ${commentText(e.description)}` : ''}`);

    const lines: string[] = [];
    const live = this.liveColumn(e);
    for (const f of e.fields) {
      if (lineComment && f.description) lines.push(`  -- ${commentText(f.description)}`);
      if (crossService(this.model, e, f)) {
        const target = this.byName.get(f.references);
        lines.push(`  -- ${commentText(`${f.name}: the ${target?.primaryKey ?? 'id'} of ${withArticle(f.references)} in the ${target?.module ?? 'other'} service; no foreign key across services, checked through its API`)}`);
      }
      lines.push(`  ${this.column(e, f)},`);
    }
    if (live) {
      lines.push('  -- 1 while the row is live, NULL once soft-deleted: unique keys end with it, so deleted rows never collide.');
      lines.push(`  ${this.q(live)} tinyint GENERATED ALWAYS AS (CASE WHEN ${this.q('deleted_at')} IS NULL THEN 1 END) VIRTUAL,`);
    }
    const constraints: string[] = [];
    const primary = e.fields.filter((f) => f.primary);
    const pkeyName = this.name(`${e.table}_pkey`);
    constraints.push(`CONSTRAINT ${this.q(pkeyName)} PRIMARY KEY (${primary.map((f) => this.q(f.name)).join(', ')})`);
    for (const f of e.fields) {
      // IDX-2: a soft-deleting table's unique field is a partial unique index (below), or keyed with the live column.
      if (f.unique && !f.primary && (!e.softDelete || live)) {
        constraints.push(`CONSTRAINT ${this.q(this.name(`${e.table}_${f.name}_key`))} UNIQUE (${this.keyPart(f)}${live ? `, ${this.q(live)}` : ''})`);
      }
    }
    for (const f of e.fields) {
      const target = f.references ? this.byName.get(f.references) : undefined;
      if (!target) continue;
      if (crossService(this.model, e, f)) continue;
      const fk: ForeignKey = { table: e, field: f, target };
      if (forward.has(`${e.name}.${f.name}`)) deferred.push(fk);
      else constraints.push(this.foreignKey(fk));
    }
    for (const f of e.fields) {
      const checks = columnChecks(f, this.q(f.name), this.dialect);
      if (checks.length > 0) constraints.push(`CONSTRAINT ${this.q(this.name(`${e.table}_${f.name}_check`))} CHECK (${checks.join(' AND ')})`);
    }
    constraints.forEach((c, i) => lines.push(`  ${c}${i < constraints.length - 1 ? ',' : ''}`));

    out.push(`CREATE TABLE ${this.q(e.table)} (`, ...lines, `)${this.facts.tableOptions};`);
    out.push(...this.indexes(e));
    if (updatedAt(e)) out.push(...this.facts.updatedAtTrigger(this.q(e.table), this.q(this.name(`${e.table}_set_updated_at`))));
    if (this.facts.commentOn) out.push(...this.commentsOn(e));
    return out;
  }

  /**
   * IDX-2 on MySQL, which has no partial index: the generated column that is 1 for a live row and NULL once
   * soft-deleted, named apart from the declared columns; '' when the table needs none.
   */
  private liveColumn(e: Entity): string {
    if (this.dialect !== 'mysql' || !this.softDeleting(e)) return '';
    if (!e.fields.some((f) => f.unique && !f.primary) && !e.indexes.some((ix) => ix.unique)) return '';
    let name = 'live_row';
    for (let n = 2; e.fields.some((f) => f.name === name); n++) name = `live_row_${n}`;
    return name;
  }

  /** The table has the generated deleted_at column of a soft delete. */
  private softDeleting(e: Entity): boolean {
    return e.softDelete && e.fields.some((f) => f.name === 'deleted_at' && f.generated === 'soft-delete');
  }


  private column(e: Entity, f: Field): string {
    const target = f.references ? this.byName.get(f.references) : undefined;
    const targetKey = target?.fields.find((t) => t.primary);
    // A foreign key column takes the type of the key it points at, so the constraint always fits.
    const type = targetKey ? columnType(targetKey, targetKey.type, this.dialect) : columnType(f, f.type, this.dialect);
    const parts = [this.q(f.name), type];
    if (f.required || f.primary) parts.push('NOT NULL');
    const identity = f.primary && e.fields.filter((x) => x.primary).length === 1 && f.default === null ? identitySuffix(f.type, this.dialect) : '';
    if (identity) parts.push(identity);
    else {
      const def = defaultExpression(f, this.dialect);
      if (def) parts.push(`DEFAULT ${def}`);
    }
    if (f.generated === 'timestamp' && f.name === 'updated_at' && this.facts.onUpdateNow) parts.push(this.facts.onUpdateNow);
    return parts.join(' ');
  }

  private foreignKey(fk: ForeignKey): string {
    const key = fk.target.fields.find((f) => f.primary)?.name ?? fk.target.primaryKey;
    return `CONSTRAINT ${this.q(this.name(`${fk.table.table}_${fk.field.name}_fkey`))} FOREIGN KEY (${this.q(fk.field.name)}) ` +
      `REFERENCES ${this.q(fk.target.table)} (${this.q(key)}) ON DELETE ${sqlOnDelete(fk.field)}`;
  }

  /** A column in an index; MySQL indexes only a prefix of a TEXT or very long varchar column. */
  private keyPart(f: Field | undefined, name = f?.name ?? ''): string {
    const column = this.q(name);
    if (this.dialect === 'mysql' && f && mysqlPrefixed(f)) return `${column}(${MYSQL_TEXT_INDEX_PREFIX})`;
    return column;
  }

  /**
   * Entity.indexes (declared, and the foreign-key ones the planning engine adds), then an index for any
   * foreign key still not led by an index, the primary key or its own unique constraint: the schema
   * guarantees every foreign key is indexed even for a model that skipped the engine.
   */
  private indexes(e: Entity): string[] {
    const field = (n: string): Field | undefined => e.fields.find((f) => f.name === n);
    const singleUnique = new Set(e.fields.filter((f) => f.unique && !f.primary).map((f) => f.name));
    const leading = new Set<string>(e.fields.filter((f) => f.primary).slice(0, 1).map((f) => f.name));
    for (const n of singleUnique) leading.add(n);
    const out: string[] = [];
    // IDX-2: on a soft-deleting table a value is unique among live rows only (a deleted row keeps its value).
    const live = this.liveColumn(e);
    const partial = this.softDeleting(e) && !live ? ` WHERE ${this.q('deleted_at')} IS NULL` : '';
    const add = (fields: string[], unique: boolean, wanted: string): void => {
      leading.add(fields[0]!);
      const cols = [...fields.map((n) => this.keyPart(field(n), n)), ...(unique && live ? [this.q(live)] : [])].join(', ');
      out.push(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${this.q(this.name(wanted))} ON ${this.q(e.table)} (${cols})${unique ? partial : ''};`);
    };
    if (partial) {
      for (const f of e.fields) {
        if (f.unique && !f.primary) add([f.name], true, `${e.table}_${f.name}_key`);
      }
    }
    for (const ix of e.indexes) {
      // A unique index over one unique field repeats its constraint.
      if (ix.unique && ix.fields.length === 1 && singleUnique.has(ix.fields[0]!)) continue;
      if (ix.fields.length === 0) continue;
      add(ix.fields, ix.unique, ix.name);
    }
    for (const f of e.fields) {
      if (f.references && this.byName.has(f.references) && !leading.has(f.name)) add([f.name], false, `${e.table}_${f.name}_idx`);
    }
    return out;
  }

  private commentsOn(e: Entity): string[] {
    const out: string[] = [];
    if (e.description) out.push(`COMMENT ON TABLE ${this.q(e.table)} IS ${literal(e.description, this.dialect)};`);
    for (const f of e.fields) {
      if (f.description) out.push(`COMMENT ON COLUMN ${this.q(e.table)}.${this.q(f.name)} IS ${literal(f.description, this.dialect)};`);
    }
    return out;
  }
}
