// QA round on an invoicing SaaS, an IoT ingest and a text-heavy app: each finding pinned where the engine
// decides it.
import { describe, expect, it } from 'vitest';
import { modelFrom } from './plan-fixture.js';

const notes = `entities:
  - { name: Note, fields: [{ name: body, type: text }] }
resources: [{ entity: Note, operations: [get] }]`;
const availability = (a: string) => `${notes}\nrequirements: { non_functional: { availability: "${a}" } }`;

describe('PH-5: the hardening task names the second region the estimate holds', () => {
  const task = (a: string, db = 'postgresql') => {
    const m = modelFrom(availability(a), `{ language: go, database: ${db} }`);
    return { task: m.plan.phases.find((p) => p.key === 'hardening')!.tasks.find((t) => t.startsWith('Availability'))!, items: m.plan.estimate.items.map((i) => i.what) };
  };

  it('at 99.95 and above: a second region with replication and a failover drill, as the estimate item', () => {
    const { task: t, items } = task('99.95', 'mongodb');
    expect(items).toContain('Second region');
    expect(t).toBe('Availability 99.95%: a second region with MongoDB replication and a failover drill, health checks and alarms');
  });

  it('below: no second region in the task or the estimate', () => {
    const { task: t, items } = task('99.9');
    expect(items).not.toContain('Second region');
    expect(t).toBe('Availability 99.9%: health checks, alarms and a restore drill');
  });
});
