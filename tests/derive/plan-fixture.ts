// Builds models for the planning-engine tests from small YAML answers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Answers } from '../../src/answers/answers.js';
import type { Model } from '../../src/derive/model.js';
import { normalise, type ResolvedAnswers } from '../../src/derive/normalise.js';
import { plan } from '../../src/derive/plan.js';

/** Answers with a project and a stack line; `stack` overrides the default `{ language: go, database: postgresql }`. */
export function resolvedFrom(body: string, stack = '{ language: go, database: postgresql }', project = '{ name: Shop, summary: Sells things }'): ResolvedAnswers {
  return normalise(parse(`version: 1\nproject: ${project}\nstack: ${stack}\n${body}`) as Answers, 'x.yaml');
}

export function modelFrom(body: string, stack?: string, project?: string): Model {
  return plan(resolvedFrom(body, stack, project));
}

export const paymentsText = readFileSync(new URL('../../../shared/spec/payments.yaml', import.meta.url), 'utf8');

export function payments(): Model {
  return plan(normalise(parse(paymentsText) as Answers, 'payments.yaml'));
}

export function endpoint(m: Model, id: string) {
  const ep = m.endpoints.find((e) => e.id === id);
  if (!ep) throw new Error(`no endpoint ${id}`);
  return ep;
}

export function states(m: Model, id: string): string[] {
  return endpoint(m, id).errorStates.map((s) => `${s.status} ${s.name}`);
}
