// `validate` reports the planning rules' warnings from planWarnings(), without the rest of the plan: it must
// find exactly what plan() finds, in the same order, on inputs with and without warnings.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';
import { planWarnings } from '../../src/derive/warnings.js';
import { resolvedFrom } from './plan-fixture.js';
import { answersFiles } from '../helpers/inputs.js';


describe('planWarnings', () => {
  it('finds what plan() finds on every valid example and fixture', () => {
    let valid = 0;
    for (const file of answersFiles()) {
      const read = readAnswers(readFileSync(file), file);
      if (!read.answers) continue;
      valid++;
      const resolved = normalise(read.answers, 'x.yaml');
      expect(planWarnings(resolved), file).toEqual(plan(resolved).plan.warnings);
    }
    expect(valid).toBeGreaterThan(5);
  });

  it('finds every kind of warning, in plan()\'s order', () => {
    const resolved = resolvedFrom(
      `
entities:
  - name: Author
    fields:
      - { name: id, type: uuid, primary: true }
      - { name: book_id, type: uuid, references: Book }
  - name: Book
    fields:
      - { name: id, type: uuid, primary: true }
      - { name: author_id, type: uuid, references: Author }
errors:
  - { name: Unused, status: 409, message: never raised }
resources:
  - { entity: Book, operations: [list, get], auth: user }
`,
      '{ language: go, database: postgresql, auth: none }',
    );
    const warnings = planWarnings(resolved);
    expect(warnings.map((w) => w.path)).toEqual(['errors[0]', 'resources[0].auth', 'entities[0]']);
    expect(warnings).toEqual(plan(resolved).plan.warnings);
  });
});
