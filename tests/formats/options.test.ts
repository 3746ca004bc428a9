// options (seed 004's planning mode, options.yaml): golden files per example; the document parses back (YAML 1.2
// and 1.1 with the yaml library, and PyYAML, a YAML 1.1 reader) to exactly the agent plan built from the model,
// and validates against schemas/options.schema.json with ajv.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, parse } from 'yaml';
import type { Model } from '../../src/derive/model.js';
import { AGENT_NAME, agentPlan, renderOptions } from '../../src/render/options.js';
import { EXAMPLES, GOLDEN_VARIANT, ROOT, STACK_VARIANTS, exampleModel, modelOf, variantName, variantText, withDecisions } from '../helpers/plans.js';

const schema = JSON.parse(readFileSync(new URL('schemas/options.schema.json', ROOT), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function valid(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** PyYAML's safe_load (YAML 1.1) of a text, as JSON. */
function pyyaml(text: string): unknown {
  const out = execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], { input: text, encoding: 'utf8' });
  return JSON.parse(out) as unknown;
}

function checkOptions(m: Model, text: string): void {
  const expected = agentPlan(m);
  expect(parse(text, { version: '1.2' })).toEqual(expected);
  expect(parse(text, { version: '1.1' })).toEqual(expected);
  expect(valid(parse(text))).toEqual([]);
  const plan = expected.agent_plan;
  expect(plan.agent_name).toBe(AGENT_NAME);
  expect(Object.keys(plan.implementation_options)).toEqual(m.plan.options.map((o) => o.key));
  for (const o of m.plan.options) {
    const out = plan.implementation_options[o.key]!;
    expect(out.time_estimate_hours).toBe(o.hours.mid);
    expect(out.time_estimate_range).toBe(`${o.hours.low}-${o.hours.high}`);
    expect(out.complexity).toBe(o.complexity);
  }
  expect(plan.recommendation.selected).toBe(m.plan.recommendation.selected);
  // No marker line: the writer adds it.
  expect(text.startsWith('agent_plan:\n')).toBe(true);
}

describe('options', () => {
  for (const name of EXAMPLES) {
    it(`renders ${name} as the golden file`, async () => {
      const m = exampleModel(name);
      const text = renderOptions(m);
      checkOptions(m, text);
      expect(pyyaml(text)).toEqual(agentPlan(m));
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/options.yaml`);
    });
  }

  for (const v of STACK_VARIANTS) {
    it(`parses back and validates for ${variantName(v)}`, async () => {
      const m = modelOf(variantText(v), 'variant.yaml');
      const text = renderOptions(m);
      if (variantName(v) === GOLDEN_VARIANT) await expect(text).toMatchFileSnapshot(`__golden__/variants/${GOLDEN_VARIANT}/options.yaml`);
      checkOptions(m, text);
    });
  }

  it('builds the seed shape from the engine: task, each option, the recommendation; risk ids by their titles', () => {
    const m = withDecisions(exampleModel('payments'));
    const plan = agentPlan(m).agent_plan;
    expect(plan.task).toBe(`Payments: ${m.project.summary}`);
    expect(plan.implementation_options.option_a).toEqual({
      name: 'Modular monolith', approach: 'Modular monolith approach', pros: ['simple'], cons: ['limits'],
      time_estimate_hours: 50, time_estimate_range: '40-60', complexity: 'medium',
      risks: ['Duplicate delivery | at least once'], dependencies: ['Stripe'],
    });
    expect(plan.recommendation).toEqual({ selected: 'option_b', rationale: 'Team of three | fits it.', conditions: ['Above 2000 rps, option C wins.'] });
  });

  it('quotes every string so YAML 1.1 and 1.2 readers, PyYAML included, read back the same text', () => {
    const odd = ['no', 'yes', 'on', 'off', 'y', '~', 'null', '#x', '*a', '&b', '!tag', '- item', '? key', 'ok\nadmin: true', '0x1F', '1e3', '012', '12:30',
      '2024-01-01', '<<', '', ' lead', 'trail ', 'tab\there', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'é😀', 'a\r\nb', '\ufeffbom', '"quoted"', "it's", 'back\\slash', '%percent', '@at', '`tick`'];
    const m = withDecisions(exampleModel('payments'));
    m.plan.options[0]!.pros = odd;
    m.plan.options[1]!.approach = 'ok\nadmin: true';
    m.project.name = 'no';
    const text = renderOptions(m);
    checkOptions(m, text);
    expect(pyyaml(text)).toEqual(agentPlan(m));
    // No string is written plain: every value line holds a number or a double-quoted string.
    for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
      expect(line, line).toMatch(/^ *(- "|[a-z_]+:( "| -?[0-9]+$|$))/);
    }
  });

  it('writes the very bytes yaml\'s Document writes with every value double-quoted, on odd and random texts', () => {
    // How options.yaml was written before blockYaml: the Document, values QUOTE_DOUBLE, keys PLAIN.
    const viaDocument = (m: Model): string =>
      new Document(agentPlan(m), { version: '1.2' })
        .toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, indentSeq: true })
        .replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => ({ '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P', '\ufeff': '\\uFEFF' })[c] ?? c);
    for (const name of EXAMPLES) expect(renderOptions(withDecisions(exampleModel(name))), name).toBe(viaDocument(withDecisions(exampleModel(name))));
    const m = withDecisions(exampleModel('payments'));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), fc.string(), fc.string({ unit: 'binary' }), (pros, approach, name) => {
        m.plan.options[0]!.pros = pros;
        m.plan.options[1]!.approach = approach;
        m.project.name = name;
        expect(renderOptions(m)).toBe(viaDocument(m));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('validates the schema: a missing option or a string estimate is refused', () => {
    const doc = agentPlan(withDecisions(exampleModel('payments'))) as unknown as { agent_plan: { implementation_options: Record<string, Record<string, unknown>> } };
    expect(valid(doc)).toEqual([]);
    const noB = JSON.parse(JSON.stringify(doc)) as typeof doc;
    delete noB.agent_plan.implementation_options.option_b;
    expect(valid(noB)).toEqual(["/agent_plan/implementation_options must have required property 'option_b'"]);
    const stringHours = JSON.parse(JSON.stringify(doc)) as typeof doc;
    stringHours.agent_plan.implementation_options.option_a!.time_estimate_hours = '50';
    expect(valid(stringHours)).toEqual(['/agent_plan/implementation_options/option_a/time_estimate_hours must be number']);
  });
});
