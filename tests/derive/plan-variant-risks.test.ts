// OPT-2's variant risks (plan/risks.ts variantRisks): reusing the plan's hits for the rules that read neither
// stack.architecture nor stack.compute gives exactly what running every rule on the variant gives.

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ARCHITECTURES, COMPUTES } from '../../src/answers/answers.js';
import { readAnswers } from '../../src/answers/index.js';
import type { RiskModel } from '../../src/derive/catalog/risks.js';
import { normalise } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';
import { ownRisks, risks, variantRisks } from '../../src/derive/plan/risks.js';
import { moduleCycles } from '../../src/derive/plan/services.js';
import { synthAnswers } from '../../scripts/synth.mjs';
import { answersFiles } from '../helpers/inputs.js';

it('gives every architecture and compute the risks a full run of the rules gives', () => {
  const inputs = [
    ...answersFiles().map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
    { name: 'synth-30', text: synthAnswers(30) as string },
  ];
  let compared = 0;
  for (const { name, text } of inputs) {
    const read = readAnswers(text, name);
    if (!read.answers) continue;
    const { plan: p, ...model } = plan(normalise(read.answers, 'x.yaml'));
    const m: RiskModel = { ...model, relationships: p.relationships, cycles: p.cycles, moduleCycles: moduleCycles(model.modules, p.moduleDependencies, p.services) };
    const own = ownRisks(m);
    expect(own.risks, name).toEqual(risks(m));
    for (const architecture of ARCHITECTURES) {
      for (const compute of COMPUTES) {
        const variant: RiskModel = { ...m, stack: { ...m.stack, architecture, compute } };
        expect(variantRisks(own, variant), `${name} ${architecture} ${compute}`).toEqual(risks(variant));
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
});
