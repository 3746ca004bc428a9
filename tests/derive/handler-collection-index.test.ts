// The lookup that tells whether a path word is any entity's collection (anyCollectionWord) answers as the
// search of every entity it replaced, on the entities of every example and fixture, for the words of their
// paths and names and random variations of them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/core.js';
import { anyCollectionWord, isCollectionWord } from '../../src/derive/plan/handlers.js';
import { answersFiles } from '../helpers/inputs.js';

const models = answersFiles().flatMap((f) => {
  const { model } = resolveAnswers(readFileSync(f, 'utf8'), f, f);
  return model ? [model] : [];
});

describe('anyCollectionWord', () => {
  it('answers as a search of every entity would', () => {
    expect(models.length).toBeGreaterThan(10);
    let claimed = 0;
    for (const model of models) {
      const byName = new Map(model.entities.map((e) => [e.name, e]));
      const lookup = anyCollectionWord(byName);
      const search = (w: string) => model.entities.some((e) => isCollectionWord(e, w));
      const seeds = [
        ...model.endpoints.flatMap((ep) => ep.path.split('/')),
        ...model.entities.flatMap((e) => [e.names.kebab, e.names.snake, e.plural.kebab, e.table, ...e.names.kebab.split('-'), ...e.plural.kebab.split('-')]),
      ].filter((w) => w !== '');
      const variants = (w: string) => [w, `${w}s`, `${w}es`, w.slice(0, -1), w.replace(/^[^-]*-/, ''), `x-${w}`, `${w}-x`, `${w.split('-')[0]}-items`, `${w.split('-')[0]}s`];
      for (const w of new Set(seeds.flatMap(variants))) {
        expect(lookup(w), `${model.source}: ${w}`).toBe(search(w));
        if (search(w)) claimed++;
      }
      fc.assert(
        fc.property(fc.constantFrom(...seeds), fc.constantFrom('', 's', 'es', '-s', '-x', 'ies'), fc.boolean(), (seed, end, cut) => {
          const w = `${cut ? seed.replace(/^[^-]*-/, '') : seed}${end}`;
          expect(lookup(w)).toBe(search(w));
        }),
        { numRuns: 200, seed: 7 },
      );
    }
    expect(claimed).toBeGreaterThan(100);
  });
});
