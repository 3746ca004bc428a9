// The planning rules' warnings (WARN-ERR, WARN-AUTH, WARN-CYCLE): plan() reports them in model.plan.warnings,
// and `validate` finds them here alone, without the rest of the engine (its modules are not even loaded). Pure.

import type { PlanWarning } from './model.js';
import type { ResolvedAnswers } from './normalise.js';
import { authWithoutSchemeWarnings, unusedErrorWarnings } from './plan/errors.js';
import { cycles } from './plan/relationships.js';

/** The warnings plan() finds, without deciding the rest of the plan. */
export function planWarnings(resolved: ResolvedAnswers): PlanWarning[] {
  return warningsOf(resolved, cycles(resolved.entities));
}

/**
 * Unused errors in answer order, callers no scheme can authenticate, then the reference cycles `found` (in
 * entity order): deterministic by construction.
 */
export function warningsOf(resolved: ResolvedAnswers, found: readonly string[][]): PlanWarning[] {
  const index = new Map(resolved.entities.map((e, i) => [e.name, i]));
  return [
    ...unusedErrorWarnings(resolved.errors),
    ...authWithoutSchemeWarnings(resolved.endpoints, resolved.stack.auth),
    ...found.map((c) => ({
      path: `entities[${index.get(c[0]!) ?? -1}]`,
      message: `reference cycle ${[...c, c[0]].join(' -> ')}: one reference in it must be optional (or its constraint deferred) so rows can be inserted`,
    })),
  ];
}
