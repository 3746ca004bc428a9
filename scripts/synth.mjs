#!/usr/bin/env node
// Synthetic answers files for the benchmark: N entities of 10 fields each (varied types), CRUD resources on
// every entity, each entity referencing the one before it (a reference chain), modules of ten entities,
// a handful of errors, integrations and custom endpoints. Deterministic: same N, same bytes.
//
//   node scripts/synth.mjs 100 > /tmp/synth-100.yaml
//   node scripts/synth.mjs 1000 --out /tmp/synth-1000.yaml [--no-modules]
//
// Also importable: `synthAnswers(n)` returns the YAML text.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MODULE_SIZE = 10;

/** 0 -> "Aaa", 1 -> "Aab", ...: letters only, so every derived case (snake, kebab, plural) stays ordinary. */
function suffix(i) {
  let s = '';
  let n = i;
  for (let k = 0; k < 3; k++) {
    s = LETTERS[n % 26] + s;
    n = Math.floor(n / 26);
  }
  if (n > 0) throw new Error(`synth: at most ${26 ** 3} entities`);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A few nouns, cycled, so names read like a domain rather than a counter.
const NOUNS = ['Account', 'Order', 'Invoice', 'Shipment', 'Ticket', 'Product', 'Review', 'Booking', 'Device', 'Report'];

export function entityName(i) {
  return `${NOUNS[i % NOUNS.length]}${suffix(i)}`;
}

function snake(pascal) {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function kebab(pascal) {
  return snake(pascal).replace(/_/g, '-');
}

/** The ten fields of entity i: the primary key, one of each common type, and the reference to entity i-1. */
function fields(i) {
  const prev = i > 0 ? entityName(i - 1) : null;
  const f = [
    '{ name: id, type: uuid, primary: true }',
    '{ name: name, type: string, required: true, max_length: 120 }',
    '{ name: notes, type: text, description: Free text a person wrote }',
    '{ name: quantity, type: integer, required: true, min: 0, max: 100000 }',
    '{ name: amount, type: decimal, min: 0 }',
    '{ name: active, type: boolean, default: true }',
    `{ name: status, type: enum, values: [draft, active, archived], default: draft }`,
    '{ name: contact_email, type: email, unique: true }',
    '{ name: due_on, type: date }',
  ];
  f.push(
    prev
      ? `{ name: ${snake(prev)}_id, type: uuid, references: ${prev}, on_delete: ${i % 2 === 0 ? 'restrict' : 'cascade'} }`
      : '{ name: external_ref, type: string, unique: true, max_length: 64 }',
  );
  return f;
}

/** `modules: false` leaves the modules out, so archplan groups the entities by their references itself. */
export function synthAnswers(n, { modules = true } = {}) {
  if (!Number.isInteger(n) || n < 1) throw new Error('synth: the entity count must be a positive integer');
  const lines = [];
  const out = (s = '') => lines.push(s);
  out(`# Synthetic answers for the archplan benchmark: ${n} entities (scripts/synth.mjs ${n}).`);
  out('version: 1');
  out();
  out('project:');
  out(`  name: Synthetic ${n}`);
  out(`  summary: A generated model of ${n} entities with CRUD on each, for measuring archplan at scale.`);
  out('  team_size: 6');
  out('  start: 2027-01-11');
  out('  goals:');
  out('    - Measure archplan on a large model');
  out();
  out('requirements:');
  out('  functional:');
  out('    - Operators manage every record through CRUD endpoints');
  out('  non_functional:');
  out('    latency_p95_ms: 250');
  out('    throughput_rps: 500');
  out('    availability: "99.9"');
  out();
  out('stack:');
  out('  language: go');
  out('  framework: chi');
  out('  architecture: modular-monolith');
  out('  database: postgresql');
  out('  cache: redis');
  out('  queue: sqs');
  out('  cloud: aws');
  out('  compute: ecs');
  out('  iac: terraform');
  out('  auth: jwt');
  out();
  out('entities:');
  for (let i = 0; i < n; i++) {
    const name = entityName(i);
    out(`  - name: ${name}`);
    out(`    description: Synthetic entity number ${i + 1}`);
    out('    timestamps: true');
    if (i % 3 === 0) out('    soft_delete: true');
    out('    fields:');
    for (const f of fields(i)) out(`      - ${f}`);
    out('    indexes:');
    out('      - { fields: [status, due_on] }');
  }
  if (modules) out();
  if (modules) out('modules:');
  for (let start = 0; modules && start < n; start += MODULE_SIZE) {
    const members = [];
    for (let i = start; i < Math.min(n, start + MODULE_SIZE); i++) members.push(entityName(i));
    out(`  - name: module-${kebab(suffix(start / MODULE_SIZE))}`);
    out(`    description: Entities ${start + 1} to ${start + members.length}`);
    out(`    entities: [${members.join(', ')}]`);
  }
  out();
  out('resources:');
  for (let i = 0; i < n; i++) {
    out(`  - entity: ${entityName(i)}`);
    out('    operations: [list, get, create, update, delete]');
    if (i % 5 === 4) out('    auth: admin');
  }
  out();
  // One custom endpoint per ten entities: an action with errors and an integration, like payments' refund.
  out('endpoints:');
  for (let i = 0; i < n; i += MODULE_SIZE) {
    const name = entityName(i);
    out('  - method: POST');
    out(`    path: /${kebab(name)}s/{id}/archive`);
    out(`    summary: Archive one ${name} and notify its owner`);
    out(`    entity: ${name}`);
    out('    request: [notes]');
    out('    status: 200');
    out('    errors: [NotFound, Conflict, Invalid]');
    out('    integrations: [Mailer]');
    out('    rate_limit: 10/s');
  }
  out();
  out('errors:');
  out('  - { name: NotFound, status: 404, message: No record has this id }');
  out('  - { name: Conflict, status: 409, message: The record changed since it was read }');
  out('  - { name: Invalid, status: 422, message: The request does not pass validation }');
  out();
  out('integrations:');
  out('  - name: Mailer');
  out('    purpose: Sends notification emails');
  out('    protocol: https');
  out('    auth: api-key');
  out('    timeout_ms: 3000');
  out('    retry: exponential');
  out('    idempotent: true');
  out('    rate_limit: 100/s');
  return `${lines.join('\n')}\n`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
  const countArg = args.find((a, k) => !a.startsWith('--') && (outAt < 0 || k !== outAt + 1));
  const n = Number(countArg ?? '10');
  const text = synthAnswers(n, { modules: !args.includes('--no-modules') });
  if (outFile) writeFileSync(outFile, text);
  else process.stdout.write(text);
}
