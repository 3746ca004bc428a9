// IDX-2 in schema.sql: on a soft-deleting table a unique value is unique among live rows only, as the plans
// say (plan.liveUniques): a partial unique index on PostgreSQL and SQLite, a generated live column in the
// MySQL key. A soft-deleted row must not block creating its value again; two live rows still collide.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import sqlParser from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import type { Model } from '../../src/derive/model.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';
import { renderDdl } from '../../src/render/ddl/index.js';

const ANSWERS = `version: 1
project: { name: Tenants, summary: Soft-deleted tenants keep their slugs. }
stack: { language: go, database: postgresql }
entities:
  - name: Tenant
    soft_delete: true
    fields:
      - { name: id, type: integer, primary: true }
      - { name: slug, type: string, required: true, unique: true, max_length: 40 }
      - { name: region, type: string, required: true, max_length: 10 }
      - { name: number, type: string, required: true, max_length: 10 }
    indexes:
      - { fields: [region, number], unique: true }
  - name: Plan
    fields:
      - { name: code, type: string, required: true, unique: true, max_length: 10 }
`;

function model(): Model {
  const read = readAnswers(ANSWERS, 'tenants.yaml');
  if (!read.answers) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return plan(normalise(read.answers, 'tenants.yaml'));
}

const INSERT_A = "INSERT INTO tenants (id, slug, region, number) VALUES (1, 'acme', 'eu', '7')";
const DELETE_A = 'UPDATE tenants SET deleted_at = CURRENT_TIMESTAMP WHERE id = 1';
const INSERT_B = "INSERT INTO tenants (id, slug, region, number) VALUES (2, 'acme', 'eu', '7')";
const INSERT_C = "INSERT INTO tenants (id, slug, region, number) VALUES (3, 'acme', 'us', '8')";
const INSERT_D = "INSERT INTO tenants (id, slug, region, number) VALUES (4, 'other', 'eu', '7')";

describe('unique values of soft-deleting tables (IDX-2)', () => {
  test('PostgreSQL: partial unique indexes; a deleted row frees its values, live rows still collide', async () => {
    const sql = renderDdl(model(), 'postgresql');
    expect(sql).toContain('CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug) WHERE deleted_at IS NULL;');
    expect(sql).toContain('CREATE UNIQUE INDEX tenants_region_number_key ON tenants (region, number) WHERE deleted_at IS NULL;');
    expect(sql).not.toContain('CONSTRAINT tenants_slug_key UNIQUE');
    // A table without soft delete keeps its plain constraint.
    expect(sql).toContain('CONSTRAINT plans_code_key UNIQUE (code)');
    const db = new PGlite();
    try {
      await db.exec(sql);
      await db.exec(INSERT_A);
      await db.exec(DELETE_A);
      await db.exec(INSERT_B);
      await expect(db.exec(INSERT_C)).rejects.toThrow(/tenants_slug_key/);
      await expect(db.exec(INSERT_D)).rejects.toThrow(/tenants_region_number_key/);
    } finally {
      await db.close();
    }
  });

  test('SQLite: partial unique indexes with the same behaviour', async () => {
    const require = createRequire(import.meta.url);
    const main = require.resolve('sql.js');
    const init = require('sql.js') as (c: { locateFile: (f: string) => string }) => Promise<{ Database: new () => { exec(s: string): unknown; close(): void } }>;
    const SQL = await init({ locateFile: (f) => join(dirname(main), f) });
    const sql = renderDdl(model(), 'sqlite');
    expect(sql).toContain('CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug) WHERE deleted_at IS NULL;');
    const db = new SQL.Database();
    try {
      db.exec(sql);
      db.exec(INSERT_A);
      db.exec(DELETE_A);
      db.exec(INSERT_B);
      expect(() => db.exec(INSERT_C)).toThrow(/UNIQUE constraint failed: tenants\.slug/);
      expect(() => db.exec(INSERT_D)).toThrow(/UNIQUE constraint failed: tenants\.region, tenants\.number/);
    } finally {
      db.close();
    }
  });

  test('MySQL: every unique key of the table ends with the generated live column', () => {
    const sql = renderDdl(model(), 'mysql');
    expect(sql).toContain('live_row tinyint GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN 1 END) VIRTUAL,');
    expect(sql).toContain('CONSTRAINT tenants_slug_key UNIQUE (slug, live_row)');
    expect(sql).toContain('CREATE UNIQUE INDEX tenants_region_number_key ON tenants (region, number, live_row);');
    expect(sql).toContain('CONSTRAINT plans_code_key UNIQUE (code)');
    expect(sql.match(/live_row tinyint/g)).toHaveLength(1);
    expect(() => new sqlParser.Parser().astify(sql, { database: 'MySQL' })).not.toThrow();
  });
});
