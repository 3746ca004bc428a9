// Risks: every rule of catalog/risks.ts run over the model; hits sorted by severity then id. Pure.

import { RISK_RULES, type RiskModel, type RiskRule } from '../catalog/risks.js';
import type { Risk } from '../model.js';
import { compareText } from './text.js';

const SEVERITY_RANK: Record<Risk['severity'], number> = { high: 0, medium: 1, low: 2 };

function bySeverityThenId(a: Risk, b: Risk): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.id, b.id);
}

function fire(rule: RiskRule, m: RiskModel): Risk | null {
  const cause = rule.trigger(m);
  if (cause === null) return null;
  return { id: rule.id, title: rule.title, severity: rule.severity, area: rule.area, cause, mitigations: rule.mitigations(m) };
}

export function risks(m: RiskModel, rules: readonly RiskRule[] = RISK_RULES): Risk[] {
  const out: Risk[] = [];
  for (const rule of rules) {
    const hit = fire(rule, m);
    if (hit) out.push(hit);
  }
  return out.sort(bySeverityThenId);
}

/** The plan's risks, with what each rule made of the model: which rules fired, and which read the architecture or compute. */
export interface OwnRisks {
  risks: Risk[];
  /** Each rule's hit on the model (null when it did not fire), by rule id. */
  hits: ReadonlyMap<string, Risk | null>;
  /** The rules that read stack.architecture or stack.compute, in their trigger or their mitigations. */
  readers: ReadonlySet<string>;
}

/** risks(), noting which rules read stack.architecture or stack.compute (for variantRisks). */
export function ownRisks(m: RiskModel, rules: readonly RiskRule[] = RISK_RULES): OwnRisks {
  const readers = new Set<string>();
  let reading = '';
  const stack = new Proxy(m.stack, {
    get(target, key, receiver) {
      if (key === 'architecture' || key === 'compute') readers.add(reading);
      return Reflect.get(target, key, receiver);
    },
  });
  const watched: RiskModel = { ...m, stack };
  const hits = new Map<string, Risk | null>();
  const out: Risk[] = [];
  for (const rule of rules) {
    reading = rule.id;
    const hit = fire(rule, watched);
    hits.set(rule.id, hit);
    if (hit) out.push(hit);
  }
  return { risks: out.sort(bySeverityThenId), hits, readers };
}

/**
 * OPT-2: the risks of an option's variant, a model that differs from the plan's only in stack.architecture and
 * stack.compute (options.ts). A rule that read neither on the plan's model reads the variant alike up to the end
 * (the rules are pure), so it fires the same: only the rules that read them run again.
 */
export function variantRisks(own: OwnRisks, variant: RiskModel, rules: readonly RiskRule[] = RISK_RULES): Risk[] {
  const out: Risk[] = [];
  for (const rule of rules) {
    const hit = own.readers.has(rule.id) || !own.hits.has(rule.id) ? fire(rule, variant) : own.hits.get(rule.id)!;
    if (hit) out.push(hit);
  }
  return out.sort(bySeverityThenId);
}
