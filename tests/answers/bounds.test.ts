import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, readAnswers } from '../../src/answers/index.js';
import { schemaErrors } from '../../src/answers/schema-validator.js';
import { errorCount, sortProblems } from '../../src/errors.js';
import { payments } from './helpers.js';
import { parse } from 'yaml';

describe('bounds', () => {
  it('ends quickly on 100,000 invalid rows, keeping the first problems and counting the rest', () => {
    const text = `version: 1\nentities:\n${'  - {}\n'.repeat(100_000)}`;
    const started = Date.now();
    const read = readAnswers(text, 'big.yaml');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(read.answers).toBeNull();
    expect(read.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(read.problems[0]).toMatchObject({ line: 1, col: 1, path: 'project', message: 'is required' });
    expect(read.problems[2]).toMatchObject({ line: 3, col: 5, path: 'entities[0].fields', message: 'is required' });
    const last = read.problems[MAX_PROBLEMS]!;
    // 100,000 rows lack `name` and `fields`; project and stack are missing too.
    expect(last.message).toBe(`... ${200_002 - MAX_PROBLEMS} more problems`);
    expect(last.more).toBe(200_002 - MAX_PROBLEMS);
    expect(errorCount(read.problems)).toBe(200_002);
    expect(last.path).toBe('');
    expect(read.problems.slice(0, MAX_PROBLEMS)).toEqual(sortProblems(read.problems.slice(0, MAX_PROBLEMS)));
  });

  it('says "1 more problem" when one is left out', () => {
    const goals = '    - 1\n'.repeat(MAX_PROBLEMS + 1);
    const text = `version: 1\nproject:\n  name: A\n  summary: B\n  goals:\n${goals}stack: { language: go, database: sqlite }\nentities:\n  - { name: Item, fields: [{ name: a, type: text }] }\n`;
    const read = readAnswers(text, 'goals.yaml');
    expect(read.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(read.problems[MAX_PROBLEMS]).toMatchObject({ message: '... 1 more problem', more: 1 });
    expect(errorCount(read.problems)).toBe(MAX_PROBLEMS + 1);
  });

  it('ends quickly on many unknown references, searching suggestions only for those reported', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `      - { name: f${i}, type: uuid, references: Entity${i % 900} }\n`).join('');
    const entities = Array.from({ length: 900 }, (_, i) => `  - { name: Entity${i}x, fields: [{ name: a, type: uuid }] }\n`).join('');
    const text = `version: 1\nproject: { name: A, summary: B }\nstack: { language: go, database: sqlite }\nentities:\n  - name: Big\n    fields:\n${rows}${entities}`;
    const started = Date.now();
    const read = readAnswers(text, 'refs.yaml');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(read.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(read.problems[0]!.message).toBe('unknown entity "Entity0" (did you mean "Entity0x"?)');
    expect(read.problems[MAX_PROBLEMS]!.message).toBe(`... ${3000 - MAX_PROBLEMS} more problems`);
  });
});

describe('no mutation', () => {
  it('validates without changing, stripping or filling the data', () => {
    const data = parse(payments) as Record<string, any>;
    data.stack.colour = 'red';
    data.entities[0].fields[0].required = 'yes';
    delete data.entities[0].fields[0].type;
    const before = JSON.stringify(data);
    deepFreeze(data);
    const errors = schemaErrors(data);
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).toBe(before);
    expect(data.stack.colour).toBe('red');
    expect(data.entities[0].fields[0].required).toBe('yes');
  });

  it('returns the answers exactly as written', () => {
    const read = readAnswers(payments, 'payments.yaml');
    expect(read.answers).toEqual(parse(payments));
  });
});

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
