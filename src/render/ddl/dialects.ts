// What differs between the three SQL dialects, as data, so the writer in index.ts has no dialect branches
// beyond reading these facts. Column types live in types.ts.

export type SqlDialect = 'postgresql' | 'mysql' | 'sqlite';

export const SQL_DIALECTS: readonly SqlDialect[] = ['postgresql', 'mysql', 'sqlite'];

export interface DialectFacts {
  /** Name in the file's header. */
  label: string;
  /** Lines before the first table. */
  preamble: string[];
  /** Lines after the last statement. */
  postamble: string[];
  /** Text after a CREATE TABLE's closing parenthesis. */
  tableOptions: string;
  /**
   * Foreign keys that point at a table created later (a reference cycle) are added by ALTER TABLE after
   * every table exists. SQLite cannot add a constraint to an existing table, and does not need to: it
   * checks a foreign key's target only when rows are written, so there they stay inline.
   */
  alterForeignKeys: boolean;
  /** Descriptions as `COMMENT ON` statements (PostgreSQL) or `--` comments above the table and column. */
  commentOn: boolean;
  /** The current time, for created_at and updated_at defaults. */
  now: string;
  /** Added to updated_at so the database keeps it current on UPDATE ('' where a trigger does it). */
  onUpdateNow: string;
  /** Statements once before the first table when some table has updated_at (PostgreSQL's trigger function). */
  updatedAtSetup: string[];
  /**
   * The trigger that sets updated_at when an UPDATE leaves it unchanged, [] where onUpdateNow does it.
   * `table` and `trigger` come quoted.
   */
  updatedAtTrigger(table: string, trigger: string): string[];
  /** Length of a text value in a CHECK, e.g. `char_length(x)`. */
  length(column: string): string;
  /** A CHECK that the column matches a regular expression; '' where the dialect has none built in. */
  matches(column: string, pattern: string): string;
}

export const DIALECTS: Readonly<Record<SqlDialect, DialectFacts>> = {
  postgresql: {
    label: 'PostgreSQL',
    // One transaction: a schema that fails half-way leaves nothing behind.
    preamble: ['BEGIN;'],
    postamble: ['COMMIT;'],
    tableOptions: '',
    alterForeignKeys: true,
    commentOn: true,
    now: 'now()',
    onUpdateNow: '',
    updatedAtSetup: [
      '-- Keeps updated_at current when an UPDATE does not set it.',
      'CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN',
      '    NEW.updated_at := now();',
      '  END IF;',
      '  RETURN NEW;',
      'END',
      '$$;',
    ],
    updatedAtTrigger: (table, trigger) => [`CREATE TRIGGER ${trigger} BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at();`],
    length: (c) => `char_length(${c})`,
    matches: (c, p) => `${c} ~ ${p}`,
  },
  mysql: {
    label: 'MySQL 8',
    preamble: [],
    postamble: [],
    tableOptions: ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    alterForeignKeys: true,
    commentOn: false,
    now: 'CURRENT_TIMESTAMP(6)',
    onUpdateNow: 'ON UPDATE CURRENT_TIMESTAMP(6)',
    updatedAtSetup: [],
    updatedAtTrigger: () => [],
    length: (c) => `char_length(${c})`,
    matches: (c, p) => `${c} REGEXP ${p}`,
  },
  sqlite: {
    label: 'SQLite',
    // Foreign keys are off in SQLite unless each connection turns them on.
    preamble: ['PRAGMA foreign_keys = ON;'],
    postamble: [],
    tableOptions: '',
    alterForeignKeys: false,
    commentOn: false,
    now: 'CURRENT_TIMESTAMP',
    onUpdateNow: '',
    updatedAtSetup: [],
    // The inner UPDATE changes updated_at, so the WHEN clause stops it firing again.
    updatedAtTrigger: (table, trigger) => [
      `CREATE TRIGGER ${trigger} AFTER UPDATE ON ${table} FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at`,
      'BEGIN',
      `  UPDATE ${table} SET updated_at = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;`,
      'END;',
    ],
    length: (c) => `length(${c})`,
    // SQLite's REGEXP calls a user function that a plain database does not have: the pattern is a comment.
    matches: () => '',
  },
};
