import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/core.js';
import { tableOrder } from '../../src/render/ddl/order.js';

const cycleText = readFileSync(new URL('../fixtures/ddl/cycle.yaml', import.meta.url), 'utf8');

describe('entity order with reference cycles (REL-4)', () => {
  const { model } = resolveAnswers(cycleText, 'cycle.yaml', 'cycle.yaml');

  it('breaks each cycle at its earliest member and keeps an entity that only waits for cycles after them', () => {
    // Assignment comes first in the answers but needs Employee and Project, which sit in cycles: it waits for
    // both, then goes first among the ready ones (answer order); Office is ready once Project exists, Team last.
    expect(model?.plan.entityOrder).toEqual(['Department', 'Employee', 'Project', 'Assignment', 'Office', 'Team']);
  });

  it('gives the DDL the same order with or without the engine', () => {
    const m = model!;
    const withoutPlan = { entities: m.entities };
    expect(tableOrder(withoutPlan).map((e) => e.name)).toEqual(m.plan.entityOrder);
  });
});
