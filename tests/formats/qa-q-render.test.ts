// QA round (Neo4j social graph, Lambda/DynamoDB multi-tenant API, on-prem SQLite without auth): findings that
// show in the rendered plans.
import { describe, expect, it } from 'vitest';
import { modelOf, renderFormat } from '../helpers/plans.js';

const floor = `version: 1
project: { name: Floor, summary: Machines on one floor. }
stack: { language: go, database: sqlite, cloud: on-prem, compute: vm, iac: none, auth: none }
entities:
  - { name: Machine, fields: [{ name: code, type: string, required: true, max_length: 20 }] }
resources: [{ entity: Machine, operations: [list, get, create, delete] }]
`;

describe('implementation-plan Security Measures: GET and DELETE take no body', () => {
  const text = renderFormat(modelOf(floor, 'floor.yaml'), 'implementation-plan');
  it('says what is validated: body fields, path parameters and pagination', () => {
    const line = text.split('\n').find((l) => l.startsWith('- Input validation:'))!;
    expect(line).not.toContain('validate their bodies');
    expect(line).toContain('validate the body fields, path parameters and pagination they take against the constraints above (400)');
  });
});

describe('implementation-plan Executive Summary: on premises, authentication none', () => {
  it('no "on On-premises" and no "authentication: No authentication"', () => {
    const line = renderFormat(modelOf(floor, 'floor.yaml'), 'implementation-plan').split('\n').find((l) => l.startsWith('- **Solution:**'))!;
    expect(line).toBe('- **Solution:** Modular monolith in Go with chi on premises, Virtual machines, storing data in SQLite; authentication: none.');
  });
});
