// The `options` format (options.yaml): seed 004's planning-mode `agent_plan` document, built as data from the
// engine's options and recommendation and emitted with the yaml library, never by string templates. Every
// string value is double-quoted so YAML 1.1 and YAML 1.2 readers get the same strings back (`no`, `yes`, `on`,
// `#x`, `*a`, `1e3` and multi-line text stay strings). No marker line: the writer prepends it.

import { blockYaml } from './yaml-text.js';
import type { Model, Option } from '../derive/model.js';

/** The seed's agent name: this document is what the backend-architect agent hands over in planning mode. */
export const AGENT_NAME = 'backend-architect';

export interface AgentPlanOption {
  name: string;
  approach: string;
  pros: string[];
  cons: string[];
  /** The middle of the estimated range, in hours. */
  time_estimate_hours: number;
  /** `low-high` hours. */
  time_estimate_range: string;
  complexity: Option['complexity'];
  risks: string[];
  dependencies: string[];
}

export interface AgentPlan {
  agent_plan: {
    agent_name: string;
    task: string;
    implementation_options: Partial<Record<Option['key'], AgentPlanOption>>;
    recommendation: { selected: Option['key']; rationale: string; conditions: string[] };
  };
}

/** The task reads as one line; every other string is kept exactly as the model has it. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** The seed's `agent_plan` as plain data: options in A, B, C order; risk ids named by their titles. */
export function agentPlan(model: Model): AgentPlan {
  const riskTitle = new Map(model.plan.risks.map((r) => [r.id, r.title]));
  const options: Partial<Record<Option['key'], AgentPlanOption>> = {};
  for (const o of [...model.plan.options].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    options[o.key] = {
      name: o.name,
      approach: o.approach,
      pros: [...o.pros],
      cons: [...o.cons],
      time_estimate_hours: o.hours.mid,
      time_estimate_range: `${o.hours.low}-${o.hours.high}`,
      complexity: o.complexity,
      risks: o.risks.map((id) => riskTitle.get(id) ?? id),
      dependencies: [...o.dependencies],
    };
  }
  const summary = oneLine(model.project.summary);
  return {
    agent_plan: {
      agent_name: AGENT_NAME,
      task: summary === '' ? oneLine(model.project.name) : `${oneLine(model.project.name)}: ${summary}`,
      implementation_options: options,
      recommendation: {
        selected: model.plan.recommendation.selected,
        rationale: model.plan.recommendation.rationale.join(' '),
        conditions: [...model.plan.recommendation.conditions],
      },
    },
  };
}

const ESCAPES: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P', '\ufeff': '\\uFEFF' };

/** options.yaml without its marker line. */
export function renderOptions(model: Model): string {
  // Every value double-quoted, keys plain: what yaml's Document writes with defaultStringType QUOTE_DOUBLE and
  // defaultKeyType PLAIN (tests/render/options.test.ts compares the two), without building its node tree.
  const text = blockYaml(agentPlan(model), (_text, isKey) => !isKey);
  // YAML 1.1 reads U+0085, U+2028 and U+2029 as line breaks (folded away inside a quoted string) and a BOM is
  // only allowed at the start: written as escapes, every reader gets them back. They can only occur inside the
  // double-quoted strings, so replacing them in the whole text is safe.
  return text.replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => ESCAPES[c] ?? c);
}
