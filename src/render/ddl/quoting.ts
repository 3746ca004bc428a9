// Identifiers, string literals and comments, made safe for each SQL dialect. Pure.
//
// Choice (docs/openapi-ddl.md): an identifier is quoted when it is a reserved word in ANY of the three
// dialects (or is not a plain lower-case snake_case word), so a table or column keeps one spelling whatever
// the dialect, and a schema moved from SQLite to PostgreSQL does not suddenly need quotes.

import type { SqlDialect } from './dialects.js';

/** Reserved in PostgreSQL (its "reserved" keywords, and the ones that cannot be a column or type name). */
export const POSTGRESQL_RESERVED: readonly string[] = [
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between',
  'bigint', 'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character', 'check', 'coalesce',
  'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog',
  'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'dec',
  'decimal', 'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'exists', 'extract',
  'false', 'fetch', 'float', 'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'greatest', 'group',
  'grouping', 'having', 'ilike', 'in', 'initially', 'inner', 'inout', 'int', 'integer', 'intersect',
  'interval', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'least', 'left', 'like', 'limit',
  'localtime', 'localtimestamp', 'national', 'natural', 'nchar', 'none', 'normalize', 'not', 'notnull', 'null',
  'nullif', 'numeric', 'offset', 'on', 'only', 'or', 'order', 'out', 'outer', 'overlaps', 'overlay', 'placing',
  'position', 'precision', 'primary', 'real', 'references', 'returning', 'right', 'row', 'select',
  'session_user', 'setof', 'similar', 'smallint', 'some', 'substring', 'symmetric', 'system_user', 'table',
  'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'treat', 'trim', 'true', 'union', 'unique',
  'user', 'using', 'values', 'varchar', 'variadic', 'verbose', 'when', 'where', 'window', 'with',
];

/** Reserved in MySQL 8 (the words marked (R) in its keyword list). */
export const MYSQL_RESERVED: readonly string[] = [
  'accessible', 'add', 'all', 'alter', 'analyze', 'and', 'as', 'asc', 'asensitive', 'before', 'between',
  'bigint', 'binary', 'blob', 'both', 'by', 'call', 'cascade', 'case', 'change', 'char', 'character', 'check',
  'collate', 'column', 'condition', 'constraint', 'continue', 'convert', 'create', 'cross', 'cube', 'cume_dist',
  'current_date', 'current_time', 'current_timestamp', 'current_user', 'cursor', 'database', 'databases',
  'day_hour', 'day_microsecond', 'day_minute', 'day_second', 'dec', 'decimal', 'declare', 'default', 'delayed',
  'delete', 'dense_rank', 'desc', 'describe', 'deterministic', 'distinct', 'distinctrow', 'div', 'double',
  'drop', 'dual', 'each', 'else', 'elseif', 'empty', 'enclosed', 'escaped', 'except', 'exists', 'exit',
  'explain', 'false', 'fetch', 'first_value', 'float', 'float4', 'float8', 'for', 'force', 'foreign', 'from',
  'fulltext', 'function', 'generated', 'get', 'grant', 'group', 'grouping', 'groups', 'having',
  'high_priority', 'hour_microsecond', 'hour_minute', 'hour_second', 'if', 'ignore', 'in', 'index', 'infile',
  'inner', 'inout', 'insensitive', 'insert', 'int', 'int1', 'int2', 'int3', 'int4', 'int8', 'integer',
  'intersect', 'interval', 'into', 'io_after_gtids', 'io_before_gtids', 'is', 'iterate', 'join', 'json_table',
  'key', 'keys', 'kill', 'lag', 'last_value', 'lateral', 'lead', 'leading', 'leave', 'left', 'like', 'limit',
  'linear', 'lines', 'load', 'localtime', 'localtimestamp', 'lock', 'long', 'longblob', 'longtext', 'loop',
  'low_priority', 'master_bind', 'master_ssl_verify_server_cert', 'match', 'maxvalue', 'mediumblob',
  'mediumint', 'mediumtext', 'middleint', 'minute_microsecond', 'minute_second', 'mod', 'modifies', 'natural',
  'not', 'no_write_to_binlog', 'nth_value', 'ntile', 'null', 'numeric', 'of', 'on', 'optimize',
  'optimizer_costs', 'option', 'optionally', 'or', 'order', 'out', 'outer', 'outfile', 'over', 'partition',
  'percent_rank', 'precision', 'primary', 'procedure', 'purge', 'range', 'rank', 'read', 'reads', 'read_write',
  'real', 'recursive', 'references', 'regexp', 'release', 'rename', 'repeat', 'replace', 'require', 'resignal',
  'restrict', 'return', 'revoke', 'right', 'rlike', 'row', 'rows', 'row_number', 'schema', 'schemas',
  'second_microsecond', 'select', 'sensitive', 'separator', 'set', 'show', 'signal', 'smallint', 'spatial',
  'specific', 'sql', 'sqlexception', 'sqlstate', 'sqlwarning', 'sql_big_result', 'sql_calc_found_rows',
  'sql_small_result', 'ssl', 'starting', 'stored', 'straight_join', 'system', 'table', 'terminated', 'then',
  'tinyblob', 'tinyint', 'tinytext', 'to', 'trailing', 'trigger', 'true', 'undo', 'union', 'unique', 'unlock',
  'unsigned', 'update', 'usage', 'use', 'using', 'utc_date', 'utc_time', 'utc_timestamp', 'values',
  'varbinary', 'varchar', 'varcharacter', 'varying', 'virtual', 'when', 'where', 'while', 'window', 'with',
  'write', 'xor', 'year_month', 'zerofill',
];

/** SQLite's keywords (sqlite.org/lang_keywords.html); some are accepted bare, but quoting is never wrong. */
export const SQLITE_RESERVED: readonly string[] = [
  'abort', 'action', 'add', 'after', 'all', 'alter', 'always', 'analyze', 'and', 'as', 'asc', 'attach',
  'autoincrement', 'before', 'begin', 'between', 'by', 'cascade', 'case', 'cast', 'check', 'collate', 'column',
  'commit', 'conflict', 'constraint', 'create', 'cross', 'current', 'current_date', 'current_time',
  'current_timestamp', 'database', 'default', 'deferrable', 'deferred', 'delete', 'desc', 'detach', 'distinct',
  'do', 'drop', 'each', 'else', 'end', 'escape', 'except', 'exclude', 'exclusive', 'exists', 'explain', 'fail',
  'filter', 'first', 'following', 'for', 'foreign', 'from', 'full', 'generated', 'glob', 'group', 'groups',
  'having', 'if', 'ignore', 'immediate', 'in', 'index', 'indexed', 'initially', 'inner', 'insert', 'instead',
  'intersect', 'into', 'is', 'isnull', 'join', 'key', 'last', 'left', 'like', 'limit', 'match', 'materialized',
  'natural', 'no', 'not', 'nothing', 'notnull', 'null', 'nulls', 'of', 'offset', 'on', 'or', 'order', 'others',
  'outer', 'over', 'partition', 'plan', 'pragma', 'preceding', 'primary', 'query', 'raise', 'range',
  'recursive', 'references', 'regexp', 'reindex', 'release', 'rename', 'replace', 'restrict', 'returning',
  'right', 'rollback', 'row', 'rows', 'savepoint', 'select', 'set', 'table', 'temp', 'temporary', 'then',
  'ties', 'to', 'transaction', 'trigger', 'unbounded', 'union', 'unique', 'update', 'using', 'vacuum', 'values',
  'view', 'virtual', 'when', 'where', 'window', 'with', 'without',
];

const ANY_RESERVED: ReadonlySet<string> = new Set([...POSTGRESQL_RESERVED, ...MYSQL_RESERVED, ...SQLITE_RESERVED]);
const PLAIN = /^[a-z_][a-z0-9_]*$/;

/** Longest identifier the three accept (PostgreSQL cuts at 63 bytes, MySQL refuses past 64). */
export const MAX_IDENTIFIER = 63;

/** True when the identifier must be quoted (reserved in any dialect, or not a plain snake_case word). */
export function needsQuotes(name: string): boolean {
  return !PLAIN.test(name) || ANY_RESERVED.has(name);
}

/** The identifier as the dialect reads it: bare when plain and unreserved, else quoted with doubling. */
export function ident(name: string, dialect: SqlDialect): string {
  if (!needsQuotes(name)) return name;
  return dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

/**
 * A constraint or index name within MAX_IDENTIFIER characters: long names keep their start and end a
 * deterministic hash of the whole, so two long names never collide after cutting.
 */
export function shortName(name: string): string {
  if (name.length <= MAX_IDENTIFIER) return name;
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${name.slice(0, MAX_IDENTIFIER - 9)}_${hash.toString(16).padStart(8, '0')}`;
}

/**
 * A string literal. Quotes are doubled everywhere; MySQL also reads backslash escapes in literals by
 * default, so there backslashes are doubled too (a pattern `\d` must reach the server as `\d`).
 */
export function literal(text: string, dialect: SqlDialect): string {
  const body = dialect === 'mysql' ? text.replace(/\\/g, '\\\\').replace(/'/g, "''") : text.replace(/'/g, "''");
  return `'${body}'`;
}

/**
 * Text for a `--` line comment: one line, whatever the user wrote. Line breaks (and every other control
 * character, and the Unicode line separators) become spaces, so a description like "x\nDROP TABLE y;" can
 * never start a statement of its own.
 */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
