// QA on inputs unlike the examples (a Python/Django/MySQL clinic on Azure, a one-person Express/SQLite tool):
// each finding on a small model that would have caught it.
import { describe, expect, it } from 'vitest';
import { dataFlow, short } from '../../src/derive/plan/flows.js';
import { aOrAn } from '../../src/derive/plan/text.js';
import { renderDdl } from '../../src/render/ddl/index.js';
import { proseWords } from '../../src/answers/names.js';
import { endpoint, modelFrom } from './plan-fixture.js';
import { everyFieldTypeText, modelOf, renderFormat } from '../helpers/plans.js';
import { codeProblems } from '../helpers/code.js';

const slots = `
entities:
  - name: Slot
    soft_delete: true
    fields:
      - { name: practitioner_id, type: string, required: true }
      - { name: starts_at, type: datetime, required: true }
    indexes:
      - { fields: [practitioner_id, starts_at], unique: true }
resources:
  - { entity: Slot, operations: [create, update] }
`;

describe('data flows (FLOW-2) on a composite unique index and a Python stack', () => {
  const m = modelFrom(slots, '{ language: python, framework: django, database: mysql, queue: rabbitmq }');

  it('keeps the field list of a composite uniqueness check in the diagram message', () => {
    const texts = dataFlow(m, endpoint(m, 'POST /slots')).messages.map((x) => x.text);
    expect(texts).toContain('Check uniqueness of (practitioner_id, starts_at) among live rows');
    expect(texts).not.toContain('Check uniqueness of');
  });

  it('still cuts the annotations after the words', () => {
    expect(short('Call Stripe (timeout 5000 ms, retry exponential)')).toBe('Call Stripe');
    expect(short('Check uniqueness of email among live rows (deleted_at not set) (409 ConflictError)')).toBe('Check uniqueness of email among live rows');
    expect(short('Check uniqueness of (a, b) (409 ConflictError)')).toBe('Check uniqueness of (a, b)');
  });

  it('names the service method as the code does: snake_case in Python', () => {
    const texts = dataFlow(m, endpoint(m, 'POST /slots')).messages.map((x) => x.text);
    expect(texts).toContain('create_slot');
    expect(texts).not.toContain('createSlot');
  });
});

describe('six-phase and implementation plan name methods as the code does', () => {
  const text = `version: 1
project: { name: Clinic, summary: Sees patients }
stack: { language: python, framework: django, database: mysql }
entities:
  - name: ICD10Code
    fields:
      - { name: code, type: string, primary: true }
resources:
  - { entity: ICD10Code, operations: [list, get] }
`;
  const m = modelOf(text, 'clinic.yaml');

  it('technical-plan.md: snake_case handlers and methods in Python, the entity under its own name', () => {
    const out = renderFormat(m, 'six-phase');
    expect(out).toContain('`Icd10CodeService.list_icd10_codes`');
    expect(out).toContain('`list_icd10_codes`, `get_icd10_code`');
    expect(out).not.toContain('listIcd10Codes');
    expect(out).toContain('- **ICD10Code** (`icd10_codes`)');
  });

  it('backend-implementation-plan.md: the handler row and the methods column in snake_case', () => {
    const out = renderFormat(m, 'implementation-plan');
    expect(out).toContain('| Handler | Icd10CodeService.list_icd10_codes |');
    expect(out).not.toContain('listIcd10Codes');
  });
});

describe('RISK-PERSONAL-DATA, RISK-GDPR and RISK-HIPAA name the data that is personal', () => {
  const risk = (m: ReturnType<typeof modelFrom>, id: string) => m.plan.risks.find((r) => r.id === id);

  it('a tool\'s or a clinic\'s name is not personal data; a person\'s name is', () => {
    const tools = modelFrom(`
entities:
  - name: Tool
    fields:
      - { name: name, type: string, required: true }
`);
    expect(risk(tools, 'RISK-PERSONAL-DATA')).toBeUndefined();
    const people = modelFrom(`
entities:
  - name: Customer
    fields:
      - { name: name, type: string }
  - name: Product
    fields:
      - { name: name, type: string }
      - { name: email_template, type: text }
`);
    expect(risk(people, 'RISK-PERSONAL-DATA')?.cause).toBe('customers.name holds personal data, and the answers name no privacy regulation');
  });

  it('HIPAA covers the people and what references them, not a code list or a site', () => {
    const m = modelFrom(`
requirements: { non_functional: { compliance: [HIPAA, GDPR] } }
entities:
  - name: Patient
    fields:
      - { name: full_name, type: string }
  - name: Clinic
    fields:
      - { name: name, type: string }
  - name: ICD10Code
    fields:
      - { name: code, type: string, primary: true }
  - name: Visit
    fields:
      - { name: patient_id, type: uuid, references: Patient }
      - { name: clinic_id, type: uuid, references: Clinic }
  - name: VisitDiagnosis
    fields:
      - { name: visit_id, type: uuid, references: Visit }
      - { name: icd10_code_code, type: string, references: ICD10Code }
`);
    expect(risk(m, 'RISK-HIPAA')?.cause).toBe('HIPAA applies to the health data in Patient, Visit and VisitDiagnosis');
    expect(risk(m, 'RISK-GDPR')?.cause).toBe('GDPR applies to patients.full_name');
  });
});

describe('names with initialisms in prose (TEXT)', () => {
  it('aOrAn reads initialisms letter by letter and a "you" u as a consonant', () => {
    expect(aOrAn('HTTPAuditLog')).toBe('an');
    expect(aOrAn('SMSMessage')).toBe('an');
    expect(aOrAn('ICD10Code')).toBe('an');
    expect(aOrAn('URLAlias')).toBe('a');
    expect(aOrAn('S3Object')).toBe('an');
    expect(aOrAn('F1Race')).toBe('an');
    expect(aOrAn('V2Order')).toBe('a');
    expect(aOrAn('User')).toBe('a');
    expect(aOrAn('Unit')).toBe('a');
    expect(aOrAn('Update')).toBe('an');
    expect(aOrAn('Unused')).toBe('an');
    expect(aOrAn('Order')).toBe('an');
    expect(aOrAn('Payment')).toBe('a');
    expect(aOrAn('hour')).toBe('an');
  });

  it('proseWords keeps an initialism in capitals', () => {
    expect(proseWords('HTTPAuditLog')).toBe('HTTP audit log');
    expect(proseWords('ICD10Codes')).toBe('ICD10 codes');
    expect(proseWords('UserRole')).toBe('user role');
    expect(proseWords('A')).toBe('a');
  });

  it('resource summaries, index reasons and page reads keep the initialism and its article', () => {
    const m = modelFrom(`
entities:
  - name: Person
    fields:
      - { name: email, type: email }
  - name: HTTPAuditLog
    fields:
      - { name: person_id, type: uuid, references: Person }
resources:
  - { entity: HTTPAuditLog, operations: [list, create] }
`);
    expect(endpoint(m, 'GET /http-audit-logs').summary).toBe('List HTTP audit logs');
    expect(endpoint(m, 'POST /http-audit-logs').summary).toBe('Create an HTTP audit log');
    const ix = m.entities.find((e) => e.name === 'HTTPAuditLog')!.indexes[0]!;
    expect(ix.reason).toContain("lookups of a Person's HTTP audit logs");
  });
});

describe('Django projects get Django models, not SQLModel (DIR tooling.models)', () => {
  const text = (stack: string) => `version: 1
project: { name: Clinic, summary: Sees patients }
stack: ${stack}
entities:
  - name: ICD10Code
    fields:
      - { name: code, type: string, primary: true, max_length: 8 }
  - name: Visit
    soft_delete: true
    fields:
      - { name: icd10_code_code, type: string, references: ICD10Code, required: true }
      - { name: starts_at, type: datetime, required: true }
    indexes:
      - { fields: [icd10_code_code, starts_at], unique: true }
`;

  it('decides the model style in the engine: Django ORM only for Django on a relational database', () => {
    expect(modelOf(text('{ language: python, framework: django, database: postgresql }'), 'a.yaml').plan.layout.tooling.models).toBe('django-orm');
    expect(modelOf(text('{ language: python, framework: django, database: mongodb }'), 'a.yaml').plan.layout.tooling.models).toBe('native');
    expect(modelOf(text('{ language: python, framework: fastapi, database: postgresql }'), 'a.yaml').plan.layout.tooling.models).toBe('native');
  });

  it('technical-plan.md writes django.db.models classes with the primary key, the foreign key column and a live-rows unique constraint', () => {
    const out = renderFormat(modelOf(text('{ language: python, framework: django, database: postgresql }'), 'a.yaml'), 'six-phase');
    expect(out).toContain('from django.db import models');
    expect(out).not.toContain('sqlmodel');
    expect(out).toContain('code = models.CharField(primary_key=True, max_length=8)');
    expect(out).toContain('icd10_code_code = models.ForeignKey("Icd10Code", on_delete=models.RESTRICT, db_column="icd10_code_code", related_name="visits")');
    expect(out).toContain('models.UniqueConstraint(fields=["icd10_code_code", "starts_at"], name="visits_icd10_code_code_starts_at_key", condition=Q(deleted_at__isnull=True))');
    const fastapi = renderFormat(modelOf(text('{ language: python, framework: fastapi, database: postgresql }'), 'a.yaml'), 'six-phase');
    expect(fastapi).toContain('from sqlmodel import Field, SQLModel');
  });
});

describe('Django models parse as Python for every field type', () => {
  for (const database of ['postgresql', 'mysql', 'sqlite']) {
    it(database, () => {
      const text = everyFieldTypeText('python', database).replace('  language: python\n', '  language: python\n  framework: django\n');
      const out = renderFormat(modelOf(text, 'odd.yaml'), 'six-phase');
      expect(out).toContain('(models.Model):');
      expect(codeProblems(out).filter((p) => p.lang === 'python')).toEqual([]);
    });
  }
});

describe('REL-5: microservices own their data, so a reference across services has no foreign key', () => {
  const body = `
modules:
  - { name: patients, entities: [Patient] }
  - { name: scheduling, entities: [Clinic, Visit] }
entities:
  - name: Patient
    fields:
      - { name: email, type: email }
  - name: Clinic
    fields:
      - { name: title, type: string }
  - name: Visit
    fields:
      - { name: patient_id, type: uuid, references: Patient, required: true }
      - { name: clinic_id, type: uuid, references: Clinic, required: true }
`;
  const micro = modelFrom(body, '{ language: python, framework: django, database: mysql, architecture: microservices }');
  const modular = modelFrom(body, '{ language: python, framework: django, database: mysql, architecture: modular-monolith }');

  it('marks only the cross-module references of a microservices plan', () => {
    const cross = (m: typeof micro) => m.plan.relationships.filter((r) => r.kind === 'many-to-one' && r.crossService).map((r) => `${r.from}.${r.via}`);
    expect(cross(micro)).toEqual(['Visit.patient_id']);
    expect(cross(modular)).toEqual([]);
  });

  it('schema.sql keeps the column and its index, without the foreign key, and says why', () => {
    const sql = renderDdl(micro);
    expect(sql).not.toContain('visits_patient_id_fkey');
    expect(sql).toContain('visits_clinic_id_fkey');
    expect(sql).toContain('-- patient_id: the id of a Patient in the patients service; no foreign key across services, checked through its API');
    expect(sql).toMatch(/CREATE INDEX visits_patient_id_idx/);
    expect(renderDdl(modular)).toContain('visits_patient_id_fkey');
  });

  it('the database rationale counts the enforced references apart from the cross-service ones', () => {
    const why = micro.plan.rationale.find((r) => r.key === 'database')!.why;
    expect(why).toContain('Here: enforces 1 reference (Visit.clinic_id) as a foreign key; Visit.patient_id crosses services, so it keeps the id without a foreign key.');
  });

  it('Django models keep a cross-service reference as an indexed column', () => {
    const out = renderFormat(micro, 'six-phase');
    expect(out).toContain('patient_id = models.UUIDField(db_index=True)');
    expect(out).toContain('clinic = models.ForeignKey("Clinic"');
  });
});

describe('a plan without integrations promises no integration stubs', () => {
  const tools = `
entities:
  - name: Tool
    fields:
      - { name: label, type: string }
resources:
  - { entity: Tool, operations: [list] }
`;
  it('the test folder names stubbed integrations only when there are integrations', () => {
    for (const language of ['go', 'typescript', 'python']) {
      const m = modelFrom(tools, `{ language: ${language}, database: sqlite }`);
      const purposes = m.plan.layout.folders.map((f) => f.purpose).join('\n');
      expect(purposes, language).not.toContain('stubbed integrations');
      expect(purposes, language).toContain('against a real SQLite');
    }
  });

  it('architecture.md testing strategy does not stub integrations that do not exist', () => {
    const out = renderFormat(modelFrom(tools, '{ language: typescript, framework: express, database: sqlite }'), 'architect-doc');
    expect(out).toContain('- **Integration:** against a real SQLite with the migrations applied.');
    expect(out).not.toContain('each integration stubbed');
  });
});

describe('infrastructure purposes name only what the stack has', () => {
  const tools = `
entities:
  - name: Tool
    fields:
      - { name: label, type: string }
`;
  const purpose = (m: ReturnType<typeof modelFrom>, c: string) => m.plan.infrastructure.find((r) => r.component === c)!.purpose;

  it('a one-host SQLite service with API keys: no cache, queue, database credentials or signing keys', () => {
    const m = modelFrom(tools, '{ language: typescript, framework: express, database: sqlite, cloud: on-prem, compute: vm, iac: none, auth: api-key }');
    expect(purpose(m, 'network')).toBe('Private network: only the entry point is reachable from outside');
    expect(purpose(m, 'identity')).toBe('Least-privilege identity the service runs as: its own secrets and logs only');
    expect(purpose(m, 'secrets')).toBe('Configuration secrets, rotated');
  });

  it('a PostgreSQL service with a queue, an integration and JWT lists them all', () => {
    const m = modelFrom(`${tools}
integrations:
  - { name: Mailer, purpose: Sends mail }
`, '{ language: go, database: postgresql, queue: sqs, auth: jwt }');
    expect(purpose(m, 'network')).toBe('Private network: the database and queue are reachable only from the service');
    expect(purpose(m, 'identity')).toBe('Least-privilege identity the service runs as: its own secrets, database, queue and logs only');
    expect(purpose(m, 'secrets')).toBe('Database credentials, integration keys and token signing keys, rotated');
  });
});

describe('TECH-3 auth: what the scheme does here, in a sentence', () => {
  const body = (extra: string) => `
entities:
  - name: Tool
    fields:
      - { name: label, type: string }
resources:
  - { entity: Tool, operations: [list, get] }
${extra}`;
  const why = (m: ReturnType<typeof modelFrom>) => m.plan.rationale.find((r) => r.key === 'auth')!.why;

  it('only signed-in callers: no raw level id', () => {
    const m = modelFrom(body(''), '{ language: go, database: postgresql, auth: api-key }');
    expect(why(m)).toContain('Here: authenticates the callers of 2 endpoints.');
    expect(why(m)).not.toContain('checks user');
  });

  it('roles are named as roles', () => {
    const m = modelFrom(body(`endpoints:
  - { method: POST, path: "/tools/{id}/repair", entity: Tool, auth: admin }
  - { method: POST, path: "/tools/{id}/retire", entity: Tool, auth: front-desk }
`), '{ language: go, database: postgresql, auth: oidc }');
    expect(why(m)).toContain('Here: authenticates the callers of 4 endpoints and checks the roles admin and front-desk.');
  });
});

describe('IDX-1 reason for a self-reference', () => {
  it('reads by the role the field names', () => {
    const m = modelFrom(`
entities:
  - name: Person
    fields:
      - { name: guardian_id, type: uuid, references: Person }
  - name: Visit
    fields:
      - { name: person_id, type: uuid, references: Person }
`);
    const reason = (entity: string) => m.entities.find((e) => e.name === entity)!.indexes[0]!.reason;
    expect(reason('Person')).toBe('foreign key to Person: joins, lookups of the people with a given guardian and the on-delete check read by guardian_id');
    expect(reason('Visit')).toBe("foreign key to Person: joins, lookups of a Person's visits and the on-delete check read by person_id");
  });
});

describe('SVC-3 delete under microservices: a cascade never crosses services', () => {
  const body = `
modules:
  - { name: scheduling, entities: [Visit, Note] }
  - { name: clinical, entities: [Diagnosis] }
entities:
  - name: Visit
    soft_delete: true
    fields:
      - { name: label, type: string }
  - name: Note
    soft_delete: true
    fields:
      - { name: visit_id, type: uuid, references: Visit, on_delete: cascade }
  - name: Diagnosis
    fields:
      - { name: visit_id, type: uuid, references: Visit, on_delete: cascade }
resources:
  - { entity: Visit, operations: [delete] }
`;
  const steps = (m: ReturnType<typeof modelFrom>) => m.plan.services.flatMap((s) => s.methods).find((x) => x.endpoint === 'DELETE /visits/{id}')!.steps;

  it('soft-deletes the local children and has the other service remove its own, on the event', () => {
    const s = steps(modelFrom(body, '{ language: go, database: postgresql, architecture: microservices, queue: rabbitmq }'));
    expect(s).toContain('Soft-delete the Visit (set deleted_at) and its notes with it (on delete cascade) in a transaction');
    // The Visit is only soft-deleted and diagnoses have no deleted_at: the other service hides them, removing them on the purge.
    expect(s).toContain("Have the clinical service stop serving the Visit's diagnoses on the visit.deleted event, and remove them when the Visit is purged (on delete cascade across services)");
  });

  it('a hard-deleted parent has the other service remove its children; a soft-deleting child is soft-deleted', () => {
    const hard = steps(modelFrom(body.replace('  - name: Visit\n    soft_delete: true\n', '  - name: Visit\n'), '{ language: go, database: postgresql, architecture: microservices, queue: rabbitmq }'));
    expect(hard).toContain("Have the clinical service remove the Visit's diagnoses on the visit.deleted event (on delete cascade across services)");
    const soft = steps(modelFrom(body.replace('  - name: Diagnosis\n', '  - name: Diagnosis\n    soft_delete: true\n'), '{ language: go, database: postgresql, architecture: microservices }'));
    expect(soft).toContain("Have the clinical service soft-delete the Visit's diagnoses through its API, after the commit (on delete cascade across services)");
  });

  it('keeps every child in the cascade in a modular monolith', () => {
    const s = steps(modelFrom(body, '{ language: go, database: postgresql, architecture: modular-monolith }'));
    // Diagnoses have no deleted_at: only the notes are soft-deleted with the Visit.
    expect(s).toContain('Soft-delete the Visit (set deleted_at) and its notes with it (on delete cascade) in a transaction');
    expect(s).toContain("Keep its diagnoses (on delete cascade, no deleted_at of their own) until the Visit is purged; reads of them check the Visit's deleted_at");
  });
});

describe('access levels in prose, right for every auth scheme', () => {
  const m = modelOf(`version: 1
project: { name: Tools, summary: Lends tools }
stack: { language: typescript, framework: express, database: sqlite, auth: api-key }
entities:
  - name: Tool
    fields:
      - { name: label, type: string }
resources:
  - { entity: Tool, operations: [list] }
  - { entity: Tool, operations: [get], auth: none }
endpoints:
  - { method: POST, path: "/tools/{id}/retire", entity: Tool, auth: admin }
`, 't.yaml');

  it('summary counts endpoints per level without raw ids ("3 user")', () => {
    expect(renderFormat(m, 'summary')).toContain('3 endpoints (1 authenticated, 1 public, 1 admin role)');
  });

  it('an API-key service has authenticated callers, not signed-in users', () => {
    const doc = renderFormat(m, 'architect-doc');
    expect(doc).toContain('- **Any authenticated caller:** `GET /tools`.');
    expect(doc).not.toMatch(/signed-in/i);
    expect(renderFormat(m, 'blueprint')).toContain('Required (any authenticated caller;');
  });
});
