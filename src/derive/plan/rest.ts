// The second half of the planning engine: phases, estimate, risks, rationale, options, checklists.
// (First slice: empty decisions; filled rule family by rule family.)

import type { Model, Plan } from '../model.js';

export type Decided = Pick<Plan, 'relationships' | 'cycles' | 'entityOrder' | 'services' | 'errorCatalog' | 'infrastructure' | 'warnings'>;

export function planRest(_model: Omit<Model, 'plan'>, _decided: Decided): Omit<Plan, keyof Decided> {
  const zero = { low: 0, high: 0, mid: 0 };
  return {
    phases: [],
    estimate: { items: [], total: zero, teamSize: _model.project.teamSize, weeks: { low: 0, high: 0 } },
    risks: [],
    rationale: [],
    options: [],
    recommendation: { selected: 'option_b', rationale: [], conditions: [] },
    checklists: { review: [], quality: [], delivery: [] },
  };
}
