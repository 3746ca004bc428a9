// Models and rendered plans for format tests: the examples through the real pipeline (readAnswers,
// normalise, plan), and variants of the reference answers that cover every stack choice.

import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { resolveAnswers } from '../../src/core.js';
import type { Model } from '../../src/derive/model.js';
import { createRenderer, type Renderer } from '../../src/render/engine.js';
import { BUILTIN_FORMATS } from '../../src/render/formats.js';
import { renderFiles } from '../../src/render/index.js';
import { BUILTIN_TEMPLATES_DIR, readTemplates } from '../../src/render/template-files.js';

export const ROOT = new URL('../../', import.meta.url);
export const EXAMPLES = ['payments', 'library', 'shop', 'events', 'notes'] as const;

/** The model of an answers text; fails the test with the problems when it does not resolve. */
export function modelOf(text: string, source: string): Model {
  const { model, problems } = resolveAnswers(text, source, source);
  if (!model) throw new Error(`${source} does not resolve:\n${problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`).join('\n')}`);
  return model;
}

export function exampleText(name: string): string {
  return readFileSync(new URL(`examples/${name}.yaml`, ROOT), 'utf8');
}

export function exampleModel(name: string): Model {
  return modelOf(exampleText(name), `${name}.yaml`);
}

/** The reference answers with stack keys replaced (and anything they make invalid adjusted by `edit`). */
export function variantText(stack: Record<string, string>): string {
  const doc = parseDocument(exampleText('payments'));
  for (const [key, value] of Object.entries(stack)) doc.setIn(['stack', key], value);
  if (stack.language !== undefined && stack.framework === undefined) doc.deleteIn(['stack', 'framework']);
  return doc.toString();
}

const renderers = new Map<string, Renderer>();

/** The file one format renders for a model (marker line included), as `generate` writes it. */
export function renderFormat(model: Model, format: string, planContext = ''): string {
  let renderer = renderers.get(format);
  if (!renderer) {
    renderer = createRenderer(readTemplates(BUILTIN_TEMPLATES_DIR, ['partials', format]));
    renderers.set(format, renderer);
  }
  const def = BUILTIN_FORMATS.filter((f) => f.name === format);
  if (def.length !== 1) throw new Error(`no format ${format}`);
  const { files, skipped } = renderFiles(model, def, { renderer, planContext });
  if (files.length !== 1) throw new Error(`${format} skipped: ${skipped.map((s) => s.reason).join('; ')}`);
  return (files[0] as { content: string }).content;
}

/**
 * Stack variants of the reference answers that together use every language, framework family, database,
 * cache, queue, cloud, compute and IaC value at least once.
 */
export const STACK_VARIANTS: ReadonlyArray<Record<string, string>> = [
  { language: 'typescript', framework: 'nestjs', database: 'mysql', cache: 'memcached', queue: 'kafka', cloud: 'azure', compute: 'kubernetes', iac: 'pulumi', auth: 'oidc', architecture: 'microservices' },
  { language: 'python', framework: 'fastapi', database: 'mongodb', cache: 'none', queue: 'rabbitmq', cloud: 'gcp', compute: 'cloud-run', iac: 'terraform', auth: 'oauth2', architecture: 'event-driven' },
  { language: 'go', framework: 'gin', database: 'dynamodb', cache: 'redis', queue: 'redis', cloud: 'aws', compute: 'lambda', iac: 'sam', auth: 'api-key', architecture: 'serverless' },
  { language: 'typescript', framework: 'express', database: 'neo4j', cache: 'none', queue: 'none', cloud: 'aws', compute: 'eks', iac: 'cdk', auth: 'session', architecture: 'monolith' },
  { language: 'python', framework: 'flask', database: 'sqlite', cache: 'redis', queue: 'sqs', cloud: 'on-prem', compute: 'vm', iac: 'none', auth: 'jwt', architecture: 'modular-monolith' },
  { language: 'go', framework: 'echo', database: 'postgresql', cache: 'none', queue: 'kafka', cloud: 'gcp', compute: 'ecs', iac: 'cloudformation', auth: 'none', architecture: 'monolith' },
  { language: 'python', framework: 'django', database: 'mysql', cache: 'memcached', queue: 'none', cloud: 'azure', compute: 'lambda', iac: 'cdk', auth: 'jwt', architecture: 'serverless' },
  { language: 'go', framework: 'none', database: 'neo4j', cache: 'none', queue: 'sqs', cloud: 'on-prem', compute: 'kubernetes', iac: 'terraform', auth: 'oidc', architecture: 'microservices' },
];

/**
 * The variant that chooses what no example does (neo4j, eks, cdk): every format's golden file covers it, so each
 * language, database, cloud, compute and IaC value has a golden file in every format (six-phase and
 * implementation-plan keep one per variant).
 */
export const GOLDEN_VARIANT = 'typescript-neo4j-aws-eks-cdk';

export function variantName(v: Record<string, string>): string {
  return `${v.language}-${v.database}-${v.cloud}-${v.compute}-${v.iac}`;
}

/**
 * Answers with every field type, odd enum values, and user text holding quotes, backticks, pipes and HTML,
 * for the code models of each language.
 */
export function everyFieldTypeText(language: string, database = 'postgresql'): string {
  return `version: 1
project:
  name: "Odd <b>Names</b> & Co"
  summary: "Every field type | once, with \`odd\` text"
stack:
  language: ${language}
  database: ${database}
entities:
  - name: Widget
    description: 'A widget "quoted" with \`ticks\` and a | pipe'
    timestamps: true
    soft_delete: true
    fields:
      - { name: id, type: bigint, primary: true }
      - { name: label, type: string, required: true, max_length: 40, pattern: "^[a-z|]+$" }
      - { name: notes, type: text, description: 'Said "hi" \\\\ back\`slash\`' }
      - { name: count, type: integer, min: 0, max: 10, default: 3 }
      - { name: price, type: decimal, required: true }
      - { name: active, type: boolean, default: true }
      - { name: ref_uuid, type: uuid, unique: true }
      - { name: born_on, type: date }
      - { name: seen_at, type: datetime, required: true }
      - { name: attrs, type: json }
      - { name: contact_email, type: email }
      - { name: home_url, type: url }
      - { name: state, type: enum, values: [in-progress, 2fa, done, "class"], default: in-progress }
  - name: WidgetPart
    fields:
      - { name: widget_id, type: bigint, required: true, references: Widget, on_delete: cascade }
      - { name: api_key, type: string, description: 'a lone \` tick */ and "quotes"' }
      - { name: from, type: string, required: true }
      - { name: class, type: integer }
  - name: Page
    fields:
      - { name: title, type: string, required: true }
resources:
  - entity: Widget
    operations: [list, get, create, update, delete]
  - entity: WidgetPart
    operations: [create]
  - entity: Page
    operations: [list]
`;
}

/**
 * The model with a fixed set of planning decisions in place of the engine's (phases, estimate, risks,
 * rationale, options, checklists), user-like text included, so layout tests do not depend on the rules.
 */
export function withDecisions(model: Model, start = ''): Model {
  const m: Model = JSON.parse(JSON.stringify(model)) as Model;
  m.project.start = start;
  const range = (low: number, high: number) => ({ low, high, mid: Math.round((low + high) / 2) });
  const dates = (a: string, b: string): { startDate: string; endDate: string } => (start ? { startDate: a, endDate: b } : { startDate: '', endDate: '' });
  m.plan.phases = [
    { number: 1, key: 'foundation', title: 'Foundation: infrastructure | data', goal: 'Stand up the "stack"', tasks: ['Create the `VPC`', 'Migrate <tables>'], dependsOn: [], seedPhase: 1, hours: range(10, 20), startWeek: 1, endWeek: 2, startDay: 1, endDay: 12, timing: 'weeks 1–2 (days 1–12)', ...dates('2027-01-11', '2027-01-22') },
    { number: 2, key: 'endpoints', title: 'Endpoints; services #1', goal: 'Serve the API', tasks: ['Write the handlers'], dependsOn: [1], seedPhase: 2, hours: range(20, 30), startWeek: 3, endWeek: 4, startDay: 15, endDay: 26, timing: 'weeks 3–4 (days 15–26)', ...dates('2027-01-25', '2027-02-05') },
    { number: 3, key: 'integrations', title: 'Integrations', goal: 'Call the outside', tasks: ['Stripe client'], dependsOn: [2], seedPhase: 2, hours: range(8, 12), startWeek: 5, endWeek: 5, startDay: 29, endDay: 33, timing: 'week 5 (days 29–33)', ...dates('2027-02-08', '2027-02-12') },
    { number: 4, key: 'hardening', title: 'Hardening', goal: 'Load test & alarms', tasks: ['Load test'], dependsOn: [2, 3], seedPhase: 3, hours: range(6, 10), startWeek: 6, endWeek: 6, startDay: 36, endDay: 40, timing: 'week 6 (days 36–40)', ...dates('2027-02-15', '2027-02-19') },
  ];
  m.plan.estimate = {
    items: [{ what: 'entity | table', count: 3, hoursEach: { low: 2, high: 4 }, hours: range(6, 12), reason: 'schema, migration and `tests`' }],
    total: range(44, 72), teamSize: m.project.teamSize, weeks: { low: 4, high: 6 }, line: 'Estimate: 44–72 hours, 4–6 weeks', weeklyCapacity: 60.5,
    assumptions: ['Three engineers at 80% focus | with reviews.'],
  };
  m.plan.risks = [
    { id: 'queue-duplicates', title: 'Duplicate delivery | at least once', severity: 'high', area: 'reliability', cause: 'SQS delivers a message `more` than once', mitigations: ['Idempotent consumers', 'A dead-letter queue <DLQ>'] },
    { id: 'pci', title: 'Card data in scope', severity: 'medium', area: 'compliance', cause: 'PCI-DSS is required', mitigations: ['Tokenise with the provider'] },
  ];
  m.plan.rationale = (['language', 'database', 'cloud', 'compute', 'iac', 'auth', 'queue'] as const).map((key, i) => ({
    key, choice: String(m.stack[key]), label: `${String(m.stack[key])} label`, role: `the ${key} role`, why: `fits | well ${i}.`,
    costs: 'some cost.', alternatives: ['other-one', 'other-two'], alternativeLabels: ['other one', 'other two'], source: i === 6 ? 'default' : 'answers',
  }));
  // The stack's prose follows the fake labels (WORD-1), so a test sees the template print the engine's words.
  m.plan.wording = { ...m.plan.wording, hosting: `on ${String(m.stack.cloud)} label` };
  const option = (key: 'option_a' | 'option_b' | 'option_c', name: string) => ({
    key, name, architecture: 'modular-monolith', approach: `${name} approach`, pros: ['simple'], cons: ['limits'], hours: range(40, 60),
    complexity: 'medium' as const, risks: ['queue-duplicates'], dependencies: ['Stripe'], score: 3, chosen: key === 'option_b',
  });
  m.plan.options = [option('option_a', 'Modular monolith'), option('option_b', 'As chosen'), option('option_c', 'Event-driven')];
  m.plan.recommendation = {
    selected: 'option_b', chosen: 'option_b', estimateLine: 'Estimate (As chosen, chosen and recommended): 44–72 hours, 4–6 weeks',
    decisionLine: 'As chosen (chosen and recommended)', rationale: ['Team of three | fits it.'], conditions: ['Above 2000 rps, option C wins.'],
  };
  m.plan.checklists.review = [
    { text: 'Leverages existing patterns and technologies', holds: true, rule: 'platform-named', reason: 'builds on the named platform' },
    { text: 'Realistic timelines and resource estimates', holds: false, rule: 'start-date', reason: 'no start date | in the answers' },
  ];
  return m;
}
