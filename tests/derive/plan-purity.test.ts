// plan() never writes to the resolved answers it is given (the model shares their unchanged parts rather than
// copying them): planned deep-frozen, every input gives the same model as a fresh one, and nothing throws (a
// write to a frozen object throws in a module's strict code).

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';
import { synthAnswers } from '../../scripts/synth.mjs';
import { answersFiles } from '../helpers/inputs.js';


function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

it('plans frozen resolved answers without writing to them, to the same model', () => {
  const inputs = [
    ...answersFiles().map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
    { name: 'synth-30', text: synthAnswers(30) as string },
    { name: 'synth-30 without modules', text: synthAnswers(30, { modules: false }) as string },
  ];
  let planned = 0;
  for (const { name, text } of inputs) {
    const read = readAnswers(text, name);
    if (!read.answers) continue;
    const frozen = deepFreeze(normalise(read.answers, 'x.yaml'));
    const fresh = normalise(read.answers, 'x.yaml');
    expect(plan(frozen), name).toEqual(plan(fresh));
    planned++;
  }
  expect(planned).toBeGreaterThan(8);
});
