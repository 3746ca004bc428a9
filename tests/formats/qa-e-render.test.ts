// QA round e (event-driven and microservices systems with many modules): findings that show in the rendered plans.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';

const fleet = (architecture: string) => `version: 1
project: { name: Fleet, summary: Devices and their readings. }
stack: { language: go, database: postgresql, architecture: ${architecture}, queue: kafka }
entities:
  - { name: IoTDevice, fields: [{ name: serial_no, type: string }] }
  - { name: Reading, fields: [{ name: device_id, type: uuid, required: true, references: IoTDevice }] }
modules:
  - { name: registry, entities: [IoTDevice] }
  - { name: telemetry, entities: [Reading] }
resources: [{ entity: IoTDevice, operations: [create] }, { entity: Reading, operations: [create] }]
`;

describe('architect-doc "Between modules": event-driven modules are meant to react to events', () => {
  const line = (arch: string) => renderFormat(modelOf(fleet(arch), 'fleet.yaml'), 'architect-doc').split('\n').find((l) => l.startsWith('Between modules'))!;

  it('event-driven: the in-process read is said to be the coupling the risk replaces', () => {
    expect(line('event-driven')).toBe('Between modules (for now a synchronous in-process read through the owning module\'s service, never its tables, where the modules should only react to each other\'s events; technical-plan.md\'s risk \'References across module boundaries\' names the local copies that replace it):');
  });

  it('a modular monolith keeps the plain in-process call', () => {
    expect(line('modular-monolith')).toBe('Between modules (an in-process call through the owning module\'s service, never its tables):');
  });
});
