// The benchmark's synthetic answers (scripts/synth.mjs) must be valid answers, or the benchmark would time
// the error path; and the same size must give the same bytes, or runs would not compare.

import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { formatProblem } from '../../src/errors.js';
import { entityName, synthAnswers } from '../../scripts/synth.mjs';

describe('scripts/synth.mjs', () => {
  for (const n of [1, 10, 100]) {
    it(`writes valid answers for ${n} entities, without a single warning`, () => {
      const read = readAnswers(synthAnswers(n), `synth-${n}.yaml`);
      expect(read.problems.map(formatProblem)).toEqual([]);
      const a = read.answers!;
      expect(a.entities).toHaveLength(n);
      for (const e of a.entities) expect(e.fields).toHaveLength(10);
      expect(new Set(a.entities.flatMap((e) => e.fields.map((f) => f.type))).size).toBeGreaterThanOrEqual(9);
      expect(a.resources).toHaveLength(n);
      // The reference chain: every entity but the first references the one before it.
      a.entities.slice(1).forEach((e, i) => {
        expect(e.fields.some((f) => f.references === a.entities[i]!.name)).toBe(true);
      });
    });
  }

  it('leaves the modules out on request, still valid', () => {
    const read = readAnswers(synthAnswers(20, { modules: false }), 'synth.yaml');
    expect(read.problems.map(formatProblem)).toEqual([]);
    expect(read.answers!.modules).toBeUndefined();
    expect(readAnswers(synthAnswers(20), 'synth.yaml').answers!.modules).toHaveLength(2);
  });

  it('is deterministic and names entities apart', () => {
    expect(synthAnswers(50)).toBe(synthAnswers(50));
    const names = Array.from({ length: 1000 }, (_, i) => entityName(i) as string);
    expect(new Set(names).size).toBe(1000);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => synthAnswers(0)).toThrow(/positive integer/);
    expect(() => synthAnswers(2.5)).toThrow(/positive integer/);
  });
});
