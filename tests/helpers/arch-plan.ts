// The model with the decisions of src/derive/plan/{folders,flows,verification}.ts in m.plan, as plan() will hold
// them once they are wired in (layout, dataFlows, verification); a no-op for each one plan() already sets.

import type { Model } from '../../src/derive/model.js';
import { dataFlows } from '../../src/derive/plan/flows.js';
import { projectLayout } from '../../src/derive/plan/folders.js';
import { verification } from '../../src/derive/plan/verification.js';

export function withArchPlan(model: Model): Model {
  const plan = model.plan as Model['plan'] & Record<string, unknown>;
  plan.layout ??= projectLayout(model);
  plan.dataFlows ??= dataFlows(model);
  plan.verification ??= verification(model);
  return model;
}
