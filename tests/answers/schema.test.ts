import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { at, edit, fixture, payments, problemsOf } from './helpers.js';

const minimal = fixture('minimal.yaml');
const p = (text: string, needle: string, rest: string, shift = 0, nth = 0): string =>
  `p.yaml:${at(text, needle, shift, nth)} ${rest}`;
const check = (text: string): string[] => problemsOf(text, 'p.yaml');

describe('the schema', () => {
  it('accepts the reference file with zero problems', () => {
    const read = readAnswers(payments, 'payments.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers).not.toBeNull();
  });

  it('names an unknown key at the key, with a suggestion', () => {
    const t = edit(payments, ['  cache: redis', '  cahce: redis']);
    expect(check(t)).toEqual([p(t, 'cahce', 'stack.cahce: unknown key "cahce" (did you mean "cache"?)')]);
    const top = edit(minimal, ['version: 1', 'version: 1\ncolour: red']);
    expect(check(top)).toEqual([p(top, 'colour', 'colour: unknown key "colour"')]);
  });

  it('says what is required, at the nearest node', () => {
    const noSummary = minimal.replace('  summary: Keep short notes\n', '');
    expect(check(noSummary)).toEqual([p(noSummary, 'name: Notes', 'project.summary: is required')]);
    const noStack = minimal.replace(/stack:\n(  .*\n)+/, '');
    expect(check(noStack)).toEqual([p(noStack, 'version', 'stack: is required')]);
  });

  it('reports a misspelt required key once, as the unknown key that names the fix', () => {
    const t = edit(payments, ['  summary: >-', '  sumary: >-']);
    expect(check(t)).toEqual([p(t, 'sumary', 'project.sumary: unknown key "sumary" (did you mean "summary"?)')]);
    const language = edit(minimal, ['  language: go', '  languge: go']);
    expect(check(language)).toEqual([p(language, 'languge', 'stack.languge: unknown key "languge" (did you mean "language"?)')]);
    // Two misspellings of the same key: each is reported, "is required" still is not.
    const twice = edit(minimal, ['  language: go', '  languge: go\n  langauge: go']);
    expect(check(twice)).toEqual([
      p(twice, 'languge', 'stack.languge: unknown key "languge" (did you mean "language"?)'),
      p(twice, 'langauge', 'stack.langauge: unknown key "langauge" (did you mean "language"?)'),
    ]);
    // An unknown key that suggests nothing, or another key, leaves the missing key reported.
    const plural = minimal.replace('entities:', 'entity:');
    expect(check(plural)).toEqual([p(plural, 'entity:', 'entity: unknown key "entity" (did you mean "entities"?)')]);
    // No key spelt like it, but its value is one only "language" takes.
    const byValue = edit(minimal, ['  language: go', '  lang_used: Go']);
    expect(check(byValue)).toEqual([p(byValue, 'lang_used', 'stack.lang_used: unknown key "lang_used" (did you mean "language"?)')]);
    const deploy = edit(minimal, ['  database: postgresql', '  database: postgresql\n  deploy: kubernetes']);
    expect(check(deploy)).toEqual([p(deploy, 'deploy', 'stack.deploy: unknown key "deploy" (did you mean "compute"?)')]);
    const none = edit(minimal, ['  language: go', '  tongue: golang']);
    expect(check(none)).toEqual([p(none, 'tongue:', 'stack.language: is required'), p(none, 'tongue:', 'stack.tongue: unknown key "tongue"')]);
    const other = edit(minimal, ['  language: go', '  framwork: go']);
    expect(check(other)).toEqual([
      p(other, 'framwork:', 'stack.framwork: unknown key "framwork" (did you mean "framework"?)'),
      p(other, 'framwork:', 'stack.language: is required'),
    ]);
  });

  it('lists the allowed values of an enum', () => {
    const t = edit(payments, ['language: go', 'language: rust']);
    expect(check(t)).toEqual([p(t, 'rust', 'stack.language: must be one of: go, typescript, python')]);
    const typo = edit(minimal, ['database: postgresql', 'database: postgres']);
    expect(check(typo)).toEqual([
      p(typo, 'postgres', 'stack.database: must be one of: postgresql, mysql, sqlite, dynamodb, mongodb, neo4j (did you mean "postgresql"?)'),
    ]);
  });

  it('suggests the allowed value meant, by spelling, by its beginning or by another word for it', () => {
    const t = edit(
      minimal,
      ['database: postgresql', 'database: mongo'],
      ['{ name: title, type: string, required: true }', '{ name: title, type: str, required: true }\n      - { name: price, type: float }\n      - { name: views, type: int }'],
    );
    expect(check(t)).toEqual([
      p(t, 'mongo', 'stack.database: must be one of: postgresql, mysql, sqlite, dynamodb, mongodb, neo4j (did you mean "mongodb"?)'),
      p(t, 'str,', 'entities[0].fields[0].type: must be one of: string, text, integer, bigint, decimal, boolean, uuid, date, datetime, json, email, url, enum (did you mean "string"?)'),
      p(t, 'float', 'entities[0].fields[1].type: must be one of: string, text, integer, bigint, decimal, boolean, uuid, date, datetime, json, email, url, enum (did you mean "decimal"?)'),
      p(t, 'int }', 'entities[0].fields[2].type: must be one of: string, text, integer, bigint, decimal, boolean, uuid, date, datetime, json, email, url, enum (did you mean "integer"?)'),
    ]);
    const ops = edit(payments, ['operations: [create, get]', 'operations: [create, read]']);
    expect(check(ops)).toEqual([p(ops, 'read]', 'resources[0].operations[1]: must be one of: list, get, create, update, delete (did you mean "get"?)')]);
    const key = edit(payments, ['availability: "99.9"', 'availability: "99.9"\n    p95_ms: 200']);
    expect(check(key)).toEqual([p(key, 'p95_ms: 200', 'requirements.non_functional.p95_ms: unknown key "p95_ms" (did you mean "latency_p95_ms"?)')]);
  });

  it('allows only the frameworks of the language', () => {
    const t = edit(payments, ['framework: chi', 'framework: express']);
    expect(check(t)).toEqual([p(t, 'express', 'stack.framework: must be one of: chi, gin, echo, none (for go; "express" is for typescript)')]);
    expect(check(edit(payments, ['language: go', 'language: typescript'], ['framework: chi', 'framework: express']))).toEqual([]);
  });

  it('checks the version', () => {
    const t = edit(minimal, ['version: 1', 'version: 2']);
    expect(check(t)).toEqual([p(t, '2', 'version: version 2 is newer than this archplan understands (it reads version 1): upgrade archplan')]);
    const zero = edit(minimal, ['version: 1', 'version: 0']);
    expect(check(zero)).toEqual([p(zero, '0', 'version: must be 1')]);
  });

  it('asks for text where YAML read a number', () => {
    const t = edit(payments, ['availability: "99.9"', 'availability: 99.9']);
    expect(check(t)).toEqual([p(t, '99.9', 'requirements.non_functional.availability: must be text (quote it: "99.9")')]);
  });

  it('checks the patterns of names, paths, rates, availability and dates', () => {
    const t = edit(
      payments,
      ['name: Refund\n', 'name: refund_row\n'],
      ['path: /payments/{id}/refunds', 'path: payments/:id/refunds'],
      ['rate_limit: 100/s', 'rate_limit: 100 per second'],
      ['availability: "99.9"', 'availability: "99.9%"'],
      ['  platform: Chariot', '  start: 2026-1-5'],
      ['{ name: reason, type: text }', '{ name: Reason, type: text }'],
      ['  - name: billing', '  - name: Billing'],
    );
    expect(check(t)).toEqual([
      p(t, '2026-1-5', 'project.start: must be a date (did you mean "2026-01-05"?)'),
      p(t, '"99.9%"', 'requirements.non_functional.availability: must be a percentage (did you mean "99.9"?)'),
      p(t, 'refund_row', 'entities[2].name: must be PascalCase (did you mean "RefundRow"?)'),
      p(t, 'Reason', 'entities[2].fields[3].name: must be snake_case (did you mean "reason"?)'),
      p(t, 'Billing', 'modules[1].name: must be kebab-case (did you mean "billing"?)'),
      p(t, 'Refund]', 'modules[1].entities[1]: unknown entity "Refund" (did you mean "refund_row"?)'),
      p(t, 'payments/:id', 'endpoints[3].path: must start with "/" and name parameters as {name} (did you mean "/payments/{id}/refunds"?)'),
      p(t, 'entity: Refund', 'endpoints[3].entity: unknown entity "Refund" (did you mean "refund_row"?)', 8),
      p(t, '100 per second', 'integrations[0].rate_limit: must be a count per s, min or h (did you mean "100/s"?)'),
    ]);
  });

  it('suggests the value rewritten to fit, where the intent is plain, and keeps the example where it is not', () => {
    const t = edit(
      payments,
      ['path: /payments/{id}/refunds', 'path: payments/:id/refunds'],
      ['path: /payments/{id}\n', 'path: /payments/{id\n'],
      ['rate_limit: 100/s', 'rate_limit: 6000 req per min'],
      ['name: Refund\n', 'name: 1Refund\n'],
    );
    expect(check(t)).toEqual([
      p(t, '1Refund', 'entities[2].name: must be PascalCase, like "PaymentMethod"'),
      p(t, 'Refund]', 'modules[1].entities[1]: unknown entity "Refund" (did you mean "1Refund"?)'),
      p(t, '/payments/{id\n', 'endpoints[2].path: must start with "/" and name parameters as {name} (did you mean "/payments/{id}"?)'),
      p(t, 'payments/:id', 'endpoints[3].path: must start with "/" and name parameters as {name} (did you mean "/payments/{id}/refunds"?)'),
      p(t, 'entity: Refund', 'endpoints[3].entity: unknown entity "Refund" (did you mean "1Refund"?)', 8),
      p(t, '6000 req', 'integrations[0].rate_limit: must be a count per s, min or h (did you mean "6000/min"?)'),
    ]);
    const rate = edit(payments, ['rate_limit: 100/s', 'rate_limit: lots']);
    expect(check(rate)).toEqual([p(rate, 'lots', 'integrations[0].rate_limit: must be a count per s, min or h, like "100/s", "6000/min" or "10/h"')]);
  });

  it('keeps type-specific keys to their types', () => {
    const t = edit(
      payments,
      ['type: string, required: true, max_length: 64', 'type: string, required: true, max_length: 64, values: [a]'],
      ['type: enum, values: [usd, eur, gbp], required: true', 'type: enum, required: true'],
      ['{ name: name, type: string, required: true, max_length: 120 }', '{ name: name, type: string, required: true, min: 1 }'],
      ['{ name: reason, type: text }', '{ name: reason, type: boolean, pattern: "^x" }'],
    );
    expect(check(t)).toEqual([
      p(t, 'min: 1 }', 'entities[0].fields[2].min: "min" is only for integer, bigint and decimal fields'),
      p(t, 'values: [a]', 'entities[1].fields[2].values: "values" is only for enum fields'),
      p(t, '{ name: currency', 'entities[1].fields[4].values: is required'),
      p(t, 'pattern: "^x"', 'entities[2].fields[3].pattern: "pattern" is only for string, text, email and url fields'),
    ]);
  });

  it('checks status ranges and types', () => {
    const t = edit(
      payments,
      ['status: 402', 'status: 302'],
      ['    status: 204\n', '    status: 404\n'],
      ['team_size: 3', 'team_size: three'],
      ['paginated: true', 'paginated: "yes"'],
    );
    expect(check(t)).toEqual([
      p(t, 'three', 'project.team_size: must be a whole number'),
      p(t, '"yes"', 'endpoints[1].paginated: must be true or false (write true)'),
      p(t, '404', 'endpoints[4].status: must be at most 299'),
      p(t, '302', 'errors[0].status: must be at least 400'),
    ]);
  });

  it('says to remove the quotes around a number or true/false, and converts a duration to milliseconds', () => {
    const t = edit(payments, ['team_size: 3', 'team_size: "3"'], ['paginated: true', 'paginated: "true"'], ['timeout_ms: 5000', 'timeout_ms: 2.5s']);
    expect(check(t)).toEqual([
      p(t, '"3"', 'project.team_size: must be a whole number (remove the quotes: 3)'),
      p(t, '"true"', 'endpoints[1].paginated: must be true or false (remove the quotes: true)'),
      p(t, '2.5s', 'integrations[0].timeout_ms: must be a whole number (in milliseconds: 2500)'),
    ]);
  });

  it('says yes/no are text in YAML 1.2, and how to write a list of one', () => {
    const t = edit(payments, ['timestamps: true', 'timestamps: yes'], ['operations: [create, get]', 'operations: create'], ['  goals:\n', '  goals: Ship it, fast\n  old_goals:\n']);
    expect(check(t).filter((l) => !l.includes('old_goals'))).toEqual([
      p(t, 'Ship it', 'project.goals: must be a list (write ["Ship it, fast"])'),
      p(t, 'yes', 'entities[0].timestamps: must be true or false (write true)'),
      p(t, 'create\n', 'resources[0].operations: must be a list (write [create])'),
    ]);
    const ops = edit(payments, ['operations: [create, get]', 'operations: create, get']);
    expect(check(ops)).toEqual([p(ops, 'create, get', 'resources[0].operations: must be a list (write [create, get])')]);
  });

  it('says where a key that belongs elsewhere goes (valid YAML, indented wrong), and not that the key is missing too', () => {
    const stack = edit(payments, ['\nstack:', '\n  stack:']);
    expect(check(stack).slice(0, 2)).toEqual([
      p(stack, 'stack:', 'requirements.stack: unknown key "stack" here: it is a top-level key (no indentation)'),
      p(stack, 'language:', 'requirements.language: unknown key "language" here: it is a key of stack'),
    ]);
    const compliance = edit(payments, ['  compliance:', 'compliance:']);
    expect(check(compliance)).toEqual([
      p(compliance, 'compliance:', 'requirements.compliance: unknown key "compliance" here: it is a key of requirements.non_functional'),
    ]);
  });

  it('says how to write a list where a mapping was written', () => {
    const t = edit(minimal, ['      - { name: title, type: string, required: true }', '      title: string\n      body: text']);
    expect(check(t)).toEqual([p(t, 'title', 'entities[0].fields: must be a list (write each field as - { name: title, type: string })')]);
    const endpoints = `${minimal}endpoints:\n  method: GET\n  path: /notes\n`;
    expect(check(endpoints)).toEqual([p(endpoints, 'method', 'endpoints: must be a list (start each item with "- ")')]);
    // Items written -like -this read as one text, not a list of it.
    const dashes = edit(payments, ['    - Take card', '    -Take card'], ['    - Payment history', '    -Payment history'], ['    - Refunds, full', '    -Refunds, full']);
    expect(check(dashes)).toEqual([p(dashes, '-Take', 'project.goals: must be a list (start each item with "- ", a dash and a space)')]);
  });

  it('names the language a framework of another language belongs to', () => {
    const t = edit(payments, ['framework: chi', 'framework: flask']);
    expect(check(t)).toEqual([p(t, 'flask', 'stack.framework: must be one of: chi, gin, echo, none (for go; "flask" is for python)')]);
    const typo = edit(payments, ['framework: chi', 'framework: Echoo']);
    expect(check(typo)).toEqual([p(typo, 'Echoo', 'stack.framework: must be one of: chi, gin, echo, none (for go; did you mean "echo"?)')]);
  });

  it('reports empty lists, repeated items and a request that is neither a list nor raw', () => {
    const t = edit(
      payments,
      ['operations: [create, get]', 'operations: [create, get, get]'],
      ['entities: [Customer]', 'entities: []'],
      ['request: raw', 'request: json'],
    );
    expect(check(t)).toEqual([
      p(t, '[]', 'modules[0].entities: must not be empty'),
      p(t, 'get]', 'resources[0].operations[2]: duplicate item "get"'),
      p(t, 'json', 'endpoints[4].request: must be a list of field names or "raw"'),
    ]);
  });

  it('never changes the data it validates', () => {
    const t = edit(payments, ['  cache: redis', '  cache: redis\n  colour: red']);
    const read = readAnswers(t, 'p.yaml');
    expect(read.answers).toBeNull();
    const clean = readAnswers(payments, 'p.yaml').answers!;
    const before = JSON.stringify(clean);
    expect(readAnswers(payments, 'p.yaml').answers).toEqual(clean);
    expect(JSON.stringify(clean)).toBe(before);
    // No defaults filled in: the reference file has no `soft_delete`, no endpoint `response`.
    expect('soft_delete' in clean.entities[0]!).toBe(false);
    expect('response' in clean.endpoints![0]!).toBe(false);
  });
});

describe('the schema, more messages', () => {
  it('says a value is empty, and reports a wrong type once', () => {
    const t = edit(payments, ['  platform: Chariot', '  platform:'], ['operations: [create, get]', 'operations: [create, 7]']);
    expect(check(t)).toEqual([
      p(t, 'platform:', 'project.platform: must be text, not empty'),
      p(t, '7]', 'resources[0].operations[1]: must be text'),
    ]);
  });
});
