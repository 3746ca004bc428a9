// Column types, defaults and per-column checks for each dialect and field type. Pure.
// The table is documented in docs/openapi-ddl.md; the choices that surprise say why beside them.

import type { FieldType } from '../../answers/answers.js';
import type { Field } from '../../derive/model.js';
import { DIALECTS, type SqlDialect } from './dialects.js';
import { literal } from './quoting.js';

/** varchar length when a string, email or url field states no max_length. */
export const DEFAULT_VARCHAR = 255;
/** Money and other exact amounts: 15 digits before the point, 4 after (enough for every currency's minor units). */
export const DECIMAL_TYPE = { precision: 19, scale: 4 } as const;
/** MySQL can index only a prefix of a TEXT column. */
export const MYSQL_TEXT_INDEX_PREFIX = 255;

const VARCHAR_TYPES: ReadonlySet<FieldType> = new Set(['string', 'email', 'url']);
const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'decimal']);

/** Longest varchar each dialect takes (MySQL: 65,535 bytes a row, 4 bytes a utf8mb4 character); past it, text. */
export const MAX_VARCHAR: Readonly<Record<SqlDialect, number>> = { postgresql: 10485760, mysql: 16383, sqlite: Infinity };

function varchar(f: Field, dialect: SqlDialect): string {
  const n = f.maxLength ?? DEFAULT_VARCHAR;
  if (n > MAX_VARCHAR[dialect]) return dialect === 'mysql' ? 'mediumtext' : 'text';
  return `varchar(${n})`;
}

/** MySQL stores it as TEXT (a text field, or a string too long for varchar). */
export function mysqlText(f: Field): boolean {
  return f.type === 'text' || (VARCHAR_TYPES.has(f.type) && (f.maxLength ?? DEFAULT_VARCHAR) > MAX_VARCHAR.mysql);
}

/** Longest column MySQL indexes whole: 3,072 bytes a key, 4 bytes a utf8mb4 character. */
export const MYSQL_MAX_KEY_CHARS = 768;

/** MySQL indexes only a prefix of it (TEXT, or a varchar past the key length limit). */
export function mysqlPrefixed(f: Field): boolean {
  return mysqlText(f) || (VARCHAR_TYPES.has(f.type) && (f.maxLength ?? DEFAULT_VARCHAR) > MYSQL_MAX_KEY_CHARS);
}

/** The column type, without constraints. `type` may differ from f.type (a foreign key takes its target's type). */
export function columnType(f: Field, type: FieldType, dialect: SqlDialect): string {
  const decimal = `(${DECIMAL_TYPE.precision},${DECIMAL_TYPE.scale})`;
  switch (dialect) {
    case 'postgresql':
      switch (type) {
        case 'string': case 'email': case 'url': return varchar(f, dialect);
        case 'text': return 'text';
        case 'integer': return 'integer';
        case 'bigint': return 'bigint';
        case 'decimal': return `numeric${decimal}`;
        case 'boolean': return 'boolean';
        case 'uuid': return 'uuid';
        case 'date': return 'date';
        // With the time zone: the instant is kept, whatever the session's zone.
        case 'datetime': return 'timestamptz';
        case 'json': return 'jsonb';
        case 'enum': return 'text';
      }
      break;
    case 'mysql':
      switch (type) {
        case 'string': case 'email': case 'url': return varchar(f, dialect);
        case 'text': return 'text';
        case 'integer': return 'int';
        case 'bigint': return 'bigint';
        case 'decimal': return `decimal${decimal}`;
        case 'boolean': return 'boolean';
        case 'uuid': return 'char(36)';
        case 'date': return 'date';
        // Microseconds, as PostgreSQL keeps; MySQL stores no zone, so the application writes UTC.
        case 'datetime': return 'datetime(6)';
        case 'json': return 'json';
        case 'enum': return `ENUM(${f.values.map((v) => literal(v, 'mysql')).join(', ')})`;
      }
      break;
    case 'sqlite':
      // SQLite has type affinities, not types: text, integer and numeric say how values are stored.
      switch (type) {
        case 'string': case 'email': case 'url': case 'text': case 'uuid': case 'json': case 'enum':
          return 'text';
        // ISO 8601 text, which sorts and compares correctly and is what CURRENT_TIMESTAMP writes.
        case 'date': case 'datetime': return 'text';
        // Exactly INTEGER, so an integer primary key is the rowid.
        case 'integer': case 'bigint': case 'boolean': return 'integer';
        case 'decimal': return `numeric${decimal}`;
      }
      break;
  }
  throw new Error(`no ${dialect} column type for field type ${type}`);
}

/** SQLite has no uuid function: a random version-4 uuid from randomblob, as lower-case text. */
export const SQLITE_UUID_V4 =
  "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))";

/** Integer primary keys number themselves: identity, AUTO_INCREMENT, or SQLite's rowid. */
export function identitySuffix(type: FieldType, dialect: SqlDialect): string {
  if (type !== 'integer' && type !== 'bigint') return '';
  if (dialect === 'postgresql') return 'GENERATED BY DEFAULT AS IDENTITY';
  if (dialect === 'mysql') return 'AUTO_INCREMENT';
  return '';
}

/** The DEFAULT expression of a column, '' when none. */
export function defaultExpression(f: Field, dialect: SqlDialect): string {
  const facts = DIALECTS[dialect];
  if (f.generated === 'timestamp') return facts.now;
  if (f.primary && f.type === 'uuid' && f.default === null) {
    if (dialect === 'postgresql') return 'gen_random_uuid()';
    if (dialect === 'mysql') return '(UUID())';
    return SQLITE_UUID_V4;
  }
  if (f.default === null) return '';
  return typedLiteral(f, dialect);
}

/** The answers' default as a literal of the column's type. */
export function typedLiteral(f: Field, dialect: SqlDialect): string {
  const value = f.default;
  if (f.type === 'boolean') {
    const on = value === true || value === 'true' || value === 1 || value === '1';
    if (dialect === 'sqlite') return on ? '1' : '0';
    return on ? 'TRUE' : 'FALSE';
  }
  if (NUMERIC_TYPES.has(f.type)) {
    const n = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(n) && String(value).trim() !== '') return String(n);
  }
  // A json default is JSON text: kept when it parses, else the value written as JSON (`abc` -> `"abc"`).
  const raw = f.type === 'json' ? jsonText(value) : String(value);
  const text = literal(raw, dialect);
  // MySQL takes a default for TEXT and JSON only as an expression in parentheses.
  if (dialect === 'mysql' && (mysqlText(f) || f.type === 'json')) return `(${text})`;
  return text;
}

function jsonText(value: string | number | boolean | null): string {
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return value;
    } catch {
      return JSON.stringify(value);
    }
  }
  return JSON.stringify(value);
}

/**
 * The CHECK conditions one column carries (joined with AND into one named constraint): numeric bounds,
 * enum values where the type does not enforce them, lengths the type does not enforce, the pattern, and
 * SQLite's 0/1 booleans.
 */
export function columnChecks(f: Field, column: string, dialect: SqlDialect): string[] {
  const facts = DIALECTS[dialect];
  const out: string[] = [];
  if (NUMERIC_TYPES.has(f.type)) {
    if (f.min !== null) out.push(`${column} >= ${f.min}`);
    if (f.max !== null) out.push(`${column} <= ${f.max}`);
  }
  if (f.type === 'enum' && dialect !== 'mysql' && f.values.length > 0) {
    out.push(`${column} IN (${f.values.map((v) => literal(v, dialect)).join(', ')})`);
  }
  if (f.type === 'boolean' && dialect === 'sqlite') out.push(`${column} IN (0, 1)`);
  const varcharEnforced = dialect !== 'sqlite' && VARCHAR_TYPES.has(f.type) && (f.maxLength ?? DEFAULT_VARCHAR) <= MAX_VARCHAR[dialect];
  if (!varcharEnforced && (VARCHAR_TYPES.has(f.type) || f.type === 'text')) {
    const max = f.maxLength ?? (VARCHAR_TYPES.has(f.type) ? DEFAULT_VARCHAR : null);
    if (max !== null) out.push(`${facts.length(column)} <= ${max}`);
  }
  if (f.pattern && (VARCHAR_TYPES.has(f.type) || f.type === 'text')) {
    const check = facts.matches(column, literal(f.pattern, dialect));
    if (check) out.push(check);
  }
  return out;
}
