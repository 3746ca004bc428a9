// Risks: every rule of catalog/risks.ts run over the model; hits sorted by severity then id. Pure.

import { RISK_RULES, type RiskModel, type RiskRule } from '../catalog/risks.js';
import type { Risk } from '../model.js';
import { compareText } from './text.js';

const SEVERITY_RANK: Record<Risk['severity'], number> = { high: 0, medium: 1, low: 2 };

export function risks(m: RiskModel, rules: readonly RiskRule[] = RISK_RULES): Risk[] {
  const out: Risk[] = [];
  for (const rule of rules) {
    const cause = rule.trigger(m);
    if (cause === null) continue;
    out.push({ id: rule.id, title: rule.title, severity: rule.severity, area: rule.area, cause, mitigations: rule.mitigations(m) });
  }
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.id, b.id));
}
