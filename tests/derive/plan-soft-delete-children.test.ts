// SVC-3, VER-5 and RISK-SOFT-DELETE-CASCADE agree on what a soft delete does to its on-delete-cascade
// children: a child with its own deleted_at is soft-deleted with the parent; a child without one cannot be,
// so it stays until the parent is purged, and only that child makes the risk fire.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';
import { verification } from '../../src/derive/plan/verification.js';

const body = `
entities:
  - name: Invoice
    soft_delete: true
    fields: [{ name: number, type: string, max_length: 20 }]
  - name: CreditNote
    soft_delete: true
    fields: [{ name: invoice_id, type: uuid, required: true, references: Invoice, on_delete: cascade }]
  - name: PDFExport
    fields: [{ name: invoice_id, type: uuid, required: true, references: Invoice, on_delete: cascade }]
resources:
  - { entity: Invoice, operations: [delete] }
`;

describe('a soft delete and its cascading children', () => {
  const m = modelFrom(body);
  const steps = m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'DELETE /invoices/{id}')!.steps;

  it('soft-deletes only the children that have a deleted_at, and keeps the others until the purge', () => {
    expect(steps).toContain('Soft-delete the Invoice (set deleted_at) and its credit_notes with it (on delete cascade) in a transaction');
    expect(steps).toContain("Keep its pdf_exports (on delete cascade, no deleted_at of their own) until the Invoice is purged; reads of them check the Invoice's deleted_at");
    expect(steps.join(' ')).not.toMatch(/pdf_exports with it/);
  });

  it('the risk names only the children left readable, in prose with initialisms kept', () => {
    const risk = m.plan.risks.find((r) => r.id === 'RISK-SOFT-DELETE-CASCADE');
    expect(risk?.cause).toBe('deleting an Invoice only sets its deleted_at, so its PDF exports (on delete cascade, no deleted_at of their own) stay readable; the cascade runs only when the row is purged');
  });

  it('no risk when every cascading child soft-deletes with its parent', () => {
    const all = modelFrom(body.replace('  - name: PDFExport\n', '  - name: PDFExport\n    soft_delete: true\n'));
    expect(all.plan.risks.map((r) => r.id)).not.toContain('RISK-SOFT-DELETE-CASCADE');
  });

  it('verification checks deleted_at only on children that have it', () => {
    const text = verification(m).endpoints.find((e) => e.endpoint === 'DELETE /invoices/{id}')!.afterwards;
    expect(text).toContain('Rows of credit_notes whose invoice_id named it have deleted_at set too (on delete cascade).');
    expect(text).toContain('Rows of pdf_exports whose invoice_id named it are still there (no deleted_at of their own; the cascade runs when the Invoice is purged).');
    expect(text.join(' ')).not.toContain('Rows of pdf_exports whose invoice_id named it have deleted_at set too');
  });
});
