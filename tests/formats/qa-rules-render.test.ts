// QA round on plan content: findings that live in a template, each on a small model.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';

describe('SQLModel and TypeScript models: a unique field of a soft-deleting entity is unique among live rows (IDX-2)', () => {
  const answers = (language: string, database: string) => `version: 1
project: { name: Firms, summary: Partner firms }
stack: { language: ${language}, database: ${database} }
entities:
  - name: Firm
    soft_delete: true
    fields:
      - { name: vat_id, type: string, required: true, unique: true }
  - name: Partner
    fields:
      - { name: code, type: string, unique: true }
`;
  it('SQLModel on PostgreSQL: a partial unique Index in __table_args__, not unique=True', () => {
    const text = renderFormat(modelOf(answers('python', 'postgresql'), 'firms.yaml'), 'six-phase');
    expect(text).toContain('    __table_args__ = (Index("firms_vat_id_key", "vat_id", unique=True, postgresql_where=text("deleted_at IS NULL")),)\n');
    expect(text).toContain('from sqlalchemy import Index, text');
    expect(text).not.toMatch(/vat_id: .*unique=True/);
    expect(text).toMatch(/code: .*unique=True/);
  });

  it('SQLModel on SQLite: sqlite_where; on MySQL: a comment, no unique=True', () => {
    expect(renderFormat(modelOf(answers('python', 'sqlite'), 'firms.yaml'), 'six-phase')).toContain('sqlite_where=text("deleted_at IS NULL")');
    const mysql = renderFormat(modelOf(answers('python', 'mysql'), 'firms.yaml'), 'six-phase');
    expect(mysql).not.toMatch(/vat_id: .*unique=True/);
    expect(mysql).toContain('# Unique among live rows only (deleted_at not set): MySQL has no partial index');
    expect(mysql).not.toContain('Index(');
  });

  it('Go desc tags say "unique among live rows", as the TypeScript comments', () => {
    const text = renderFormat(modelOf(answers('go', 'postgresql'), 'firms.yaml'), 'six-phase');
    expect(text).toMatch(/VATID +string +`json:"vat_id" neo4j:"vat_id" desc:"required; unique among live rows"`/);
    expect(text).toMatch(/Code +\*string +`json:"code,omitempty" neo4j:"code" desc:"unique"`/);
  });

  it('TypeScript doc comments say "unique among live rows"', () => {
    const text = renderFormat(modelOf(answers('typescript', 'postgresql'), 'firms.yaml'), 'six-phase');
    expect(text).toContain('/** required; unique among live rows */\n  vat_id: string;');
    expect(text).toContain('/** unique */\n  code: string | null;');
  });
});

describe('SQLModel models: a foreign key names its delete rule as the DDL does (REL-1)', () => {
  const answers = `version: 1
project: { name: Orders, summary: Orders and their lines }
stack: { language: python, framework: fastapi, database: mysql }
entities:
  - name: Order
    fields:
      - { name: note, type: string }
  - name: Product
    fields:
      - { name: title, type: string, required: true }
  - name: OrderLine
    fields:
      - { name: order_id, type: uuid, references: Order, required: true, on_delete: cascade }
      - { name: product_id, type: uuid, references: Product }
      - { name: replaces_id, type: uuid, references: OrderLine, on_delete: set-null }
`;
  it('ondelete="CASCADE", "RESTRICT" (the default) and "SET NULL", each beside the ON DELETE of schema.sql', () => {
    const model = modelOf(answers, 'orders.yaml');
    const text = renderFormat(model, 'six-phase');
    const ddl = renderFormat(model, 'ddl');
    expect(text).toContain('order_id: UUID = Field(foreign_key="orders.id", ondelete="CASCADE")');
    expect(ddl).toContain('REFERENCES orders (id) ON DELETE CASCADE');
    expect(text).toContain('product_id: Optional[UUID] = Field(default=None, foreign_key="products.id", ondelete="RESTRICT")');
    expect(ddl).toContain('REFERENCES products (id) ON DELETE RESTRICT');
    expect(text).toContain('replaces_id: Optional[UUID] = Field(default=None, foreign_key="order_lines.id", ondelete="SET NULL")');
    expect(ddl).toContain('REFERENCES order_lines (id) ON DELETE SET NULL');
  });
});
