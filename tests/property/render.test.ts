// Property: every valid answers model (tests/property/arbitraries.ts) renders in every registered format, and
// each file is sound for its format: Markdown tables keep their columns and fences close, Mermaid parses, YAML
// reads back the same under 1.1 and 1.2, the OpenAPI lints with zero errors, the DDL runs on PostgreSQL (PGlite)
// and SQLite (sql.js) and parses as MySQL; two renders are identical. Seeded (FC_SEED, default 42); FC_RUNS=2000
// for the long run (docs/security.md).

import { PGlite } from '@electric-sql/pglite';
import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sqlParser from 'node-sql-parser';
import { parseDocument, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { resolveAnswers } from '../../src/core.js';
import { createRenderer } from '../../src/render/engine.js';
import { BUILTIN_FORMATS } from '../../src/render/formats.js';
import { renderFiles, type RenderedFile } from '../../src/render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../../src/render/template-files.js';
import { markdownProblems } from '../helpers/markdown.js';
import { mermaidProblems } from '../helpers/mermaid.js';
import { TIMEOUT, configureFastCheck, validAnswers } from './arbitraries.js';

configureFastCheck();

const renderer = createRenderer(
  readTemplates(BUILTIN_TEMPLATES_DIR, ['partials', ...BUILTIN_FORMATS.filter((f) => f.template !== undefined).map((f) => f.name)]),
);

function render(text: string): RenderedFile[] {
  const { model, problems } = resolveAnswers(text, 'p.yaml', 'p.yaml');
  if (!model) throw new Error(`not valid:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return renderFiles(model, BUILTIN_FORMATS, { renderer, planContext: '' }).files;
}

type SqlJs = { Database: new () => { exec(sql: string): unknown; close(): void } };
const require = createRequire(import.meta.url);
const mysqlParser = new sqlParser.Parser();

let config: Config;
let db: PGlite;
let sqlite: SqlJs;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
  db = new PGlite();
  const main = require.resolve('sql.js');
  sqlite = await (require('sql.js') as (c: { locateFile: (f: string) => string }) => Promise<SqlJs>)({ locateFile: (f) => join(dirname(main), f) });
});
afterAll(async () => {
  await db.close();
});

/** Problems of one file, by its format's kind; '' entries are dropped. */
async function fileProblems(file: RenderedFile, database: string): Promise<string[]> {
  const format = BUILTIN_FORMATS.find((f) => f.name === file.format)!;
  const out: string[] = [];
  if (format.comment === 'markdown') {
    out.push(...markdownProblems(file.content, { emptyCells: false }).map((p) => `line ${p.line}: ${p.message}`));
    out.push(...(await mermaidProblems(file.content)).map((p) => `line ${p.line}: mermaid: ${p.message}`));
  }
  if (format.comment === 'yaml') {
    const v12 = parseDocument(file.content, { version: '1.2', uniqueKeys: true });
    const v11 = parseDocument(file.content, { version: '1.1', uniqueKeys: true });
    out.push(...v12.errors.map((e) => `yaml 1.2: ${e.message}`), ...v11.errors.map((e) => `yaml 1.1: ${e.message}`));
    if (JSON.stringify(v11.toJS()) !== JSON.stringify(v12.toJS())) out.push('reads differently under YAML 1.1 and 1.2');
    if (format.name === 'openapi') {
      const lint = await lintFromString({ source: file.content, absoluteRef: '/virtual/openapi.yaml', config });
      out.push(...lint.filter((p) => p.severity === 'error').map((p) => `openapi: ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`));
    }
  }
  if (format.comment === 'sql') {
    // PostgreSQL runs on PGlite, SQLite on sql.js; MySQL is parsed by node-sql-parser's MySQL grammar.
    try {
      if (database === 'postgresql') {
        await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await db.exec(file.content);
      } else if (database === 'sqlite') {
        const lite = new sqlite.Database();
        try {
          lite.exec(file.content);
        } finally {
          lite.close();
        }
      } else if (database === 'mysql') {
        mysqlParser.astify(file.content, { database: 'MySQL' });
      }
    } catch (err) {
      out.push(`${database}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

describe('every valid answers model renders soundly in every format', () => {
  it('is valid by construction', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        expect(readAnswers(stringify(answers, { version: '1.2' }), 'p.yaml').problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
    );
  }, TIMEOUT);

  it('renders without throwing, deterministically, and each file is sound', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        const text = stringify(answers, { version: '1.2' });
        const first = render(text);
        expect(render(text)).toEqual(first);
        const database = String((answers.stack as Record<string, unknown>).database);
        const expected = BUILTIN_FORMATS.filter((f) => f.name !== 'ddl' || ['postgresql', 'mysql', 'sqlite'].includes(database)).map((f) => f.file);
        expect(first.map((f) => f.file)).toEqual(expected);
        for (const file of first) expect(await fileProblems(file, database), file.file).toEqual([]);
      }),
    );
  }, TIMEOUT);
});
