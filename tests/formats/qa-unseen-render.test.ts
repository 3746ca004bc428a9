// QA round on unseen answers: findings that live in a template, each on a small model.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';

describe('Django models: a unique field of a soft-deleting entity is unique among live rows, as the DDL says', () => {
  const answers = (database: string) => `version: 1
project: { name: Firms, summary: Partner firms }
stack: { language: python, framework: django, database: ${database} }
entities:
  - name: Firm
    soft_delete: true
    fields:
      - { name: vat_id, type: string, required: true, unique: true }
      - { name: email, type: email, unique: true }
`;
  it('PostgreSQL: a conditional UniqueConstraint in Meta, not unique=True (the DDL has a partial index)', () => {
    const text = renderFormat(modelOf(answers('postgresql'), 'firms.yaml'), 'six-phase');
    expect(text).toContain('vat_id = models.CharField(max_length=255)');
    expect(text).toContain('models.UniqueConstraint(fields=["vat_id"], name="firms_vat_id_key", condition=Q(deleted_at__isnull=True)),');
    expect(text).toContain('models.UniqueConstraint(fields=["email"], name="firms_email_key", condition=Q(deleted_at__isnull=True)),');
    expect(text).toContain('from django.db.models import Q');
    expect(text).not.toMatch(/vat_id = .*unique=True/);
  });

  it('MySQL (no partial index) keeps unique=True', () => {
    const text = renderFormat(modelOf(answers('mysql'), 'firms.yaml'), 'six-phase');
    expect(text).toMatch(/vat_id = .*unique=True/);
    expect(text).not.toContain('condition=Q(');
  });
});

describe('REL-5 in every constraints list: a reference across services has no foreign key', () => {
  const m = modelOf(`version: 1
project: { name: Contracts, summary: Partner contracts }
stack: { language: python, framework: django, database: postgresql, architecture: microservices }
entities:
  - name: Firm
    fields: [{ name: name, type: string }]
  - name: Party
    fields:
      - { name: firm_id, type: uuid, required: true, references: Firm }
modules:
  - { name: firms, entities: [Firm] }
  - { name: contracts, entities: [Party] }
resources:
  - { entity: Party, operations: [list] }
`, 'contracts.yaml');
  it('the architecture doc says so in its table and ER comment, with no FK marker, as schema.sql has no constraint', () => {
    const text = renderFormat(m, 'architect-doc');
    expect(text).toContain('| firm_id | uuid | required, references Firm in another service: no foreign key, on delete restrict applied by the services |');
    expect(text).toContain('uuid firm_id "required, references Firm in another service: no foreign key, on delete restrict applied by the services"');
    expect(text).not.toMatch(/firm_id FK/);
  });
});
