// The seeds' checklists, each item verified by a rule; an item holds only where its rule verified it. Pure.
// Rules (docs/rules.md, "Checklists"): CHK-R1..R7 (seed 000), CHK-Q1..Q7 (seed 003), CHK-D1..D6 (seed 004).

import { complianceKey, KNOWN_COMPLIANCE } from '../catalog/risks.js';
import type { CheckItem, Model, Plan } from '../model.js';
import { stackLabel } from '../catalog/technologies.js';
import { countS, joinAnd } from './text.js';
import { inRequestIntegrations } from './after-commit.js';
import { entitiesByName } from './lookup.js';

type Input = Omit<Model, 'plan'> & Pick<Plan, 'risks' | 'phases' | 'estimate' | 'options' | 'recommendation' | 'services' | 'warnings' | 'cycles' | 'rationale'>;

const auth = (m: Input): string => stackLabel('auth', m.stack.auth);

function item(rule: string, text: string, holds: boolean, yes: string, no: string): CheckItem {
  return { text, holds, rule, reason: holds ? yes : no };
}

const high = (m: Input, areas: readonly string[]) => m.risks.filter((r) => r.severity === 'high' && areas.includes(r.area));
/** Endpoints that call an integration on the request path (SVC-7) without that integration's 504 state. */
const timeoutGaps = (m: Input) => {
  const ctx = { entities: entitiesByName(m.entities), errors: m.errors };
  const integrations = new Map(m.integrations.map((i) => [i.name, i]));
  return m.endpoints.filter((e) => inRequestIntegrations(e, integrations, ctx).some((i) => !e.errorStates.some((s) => s.status === 504 && s.integration === i.name)));
};
const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id).join(', ');
const writesWithoutAuth = (m: Input) => m.endpoints.filter((e) => e.method !== 'GET' && e.auth === 'none' && !(e.request.kind === 'raw' && e.errorStates.some((s) => s.origin === 'declared' && s.status >= 400 && s.status < 404)));

function review(m: Input): CheckItem[] {
  const stackDefaults = m.assumptions.filter((a) => a.key.startsWith('stack.')).map((a) => a.key);
  const infraHigh = high(m, ['infrastructure', 'data']);
  const unknownCompliance = m.requirements.compliance.filter((c) => !KNOWN_COMPLIANCE.includes(complianceKey(c)));
  const securityHigh = high(m, ['security']);
  const scaleHigh = high(m, ['architecture', 'performance', 'availability']);
  const selected = m.options.find((o) => o.key === m.recommendation.selected);
  const upstreamGaps = timeoutGaps(m);
  const teamAssumed = m.assumptions.some((a) => a.key === 'project.team_size');
  return [
    // Without a platform the seed's words would read "existing the existing platform": said the short way.
    item('CHK-R1', m.project.platform ? `Leverages existing ${m.project.platform} patterns and technologies` : 'Leverages the existing platform\'s patterns and technologies',
      m.project.platform !== '' && stackDefaults.length === 0,
      `the answers name ${m.project.platform} and choose every stack value for it`,
      m.project.platform === '' ? 'the answers name no existing platform (project.platform)' : `the stack uses defaults not checked against ${m.project.platform}: ${stackDefaults.join(', ')}`),
    item('CHK-R2', `Follows ${stackLabel('language', m.stack.language)} and ${stackLabel('cloud', m.stack.cloud, true)} best practices`,
      m.stack.iac !== 'none' && infraHigh.length === 0,
      `infrastructure as code with ${stackLabel('iac', m.stack.iac)}, and no high-severity data or infrastructure risk`,
      m.stack.iac === 'none' ? 'no infrastructure-as-code tool is chosen' : `high-severity risks remain: ${ids(infraHigh)}`),
    item('CHK-R3', 'Includes comprehensive error handling',
      m.warnings.every((w) => !w.path.startsWith('errors')) && upstreamGaps.length === 0,
      `every endpoint lists its derived and declared errors (${m.endpoints.reduce((a, e) => a + e.errorStates.length, 0)} error states), every declared error is used`,
      upstreamGaps.length > 0 ? `no timeout error on ${joinAnd(upstreamGaps.map((e) => e.id))}` : `declared errors no endpoint uses: ${joinAnd(m.warnings.filter((w) => w.path.startsWith('errors')).map((w) => w.path))}`),
    item('CHK-R4', 'Addresses security and compliance requirements',
      m.stack.auth !== 'none' && writesWithoutAuth(m).length === 0 && unknownCompliance.length === 0 && securityHigh.length === 0,
      `${auth(m)} on every writing endpoint (or a declared signature error), ${m.requirements.compliance.length > 0 ? `mitigations for ${joinAnd(m.requirements.compliance)}` : 'no compliance requirement stated'}`,
      m.stack.auth === 'none' ? 'stack.auth is none'
        : writesWithoutAuth(m).length > 0 ? `${joinAnd(writesWithoutAuth(m).map((e) => e.id))} write without authentication`
          : unknownCompliance.length > 0 ? `no rule covers ${joinAnd(unknownCompliance)}` : `high-severity security risks: ${ids(securityHigh)}`),
    item('CHK-R5', 'Scalable and maintainable architecture',
      scaleHigh.length === 0 && selected?.chosen === true,
      `the recommendation keeps the chosen ${stackLabel('architecture', m.stack.architecture, true)} architecture, with no high-severity architecture, performance or availability risk`,
      selected?.chosen !== true ? `the scoring recommends ${selected?.name ?? 'another option'} over the chosen ${stackLabel('architecture', m.stack.architecture, true)} architecture` : `high-severity risks remain: ${ids(scaleHigh)}`),
    item('CHK-R6', 'Clear implementation roadmap',
      m.phases.length > 0 && m.cycles.length === 0,
      `${countS(m.phases.length, 'phase')} in dependency order, entities ordered by their references`,
      m.cycles.length > 0 ? `reference cycles make the build order ambiguous: ${m.cycles.map((c) => c.join(' -> ')).join('; ')}` : 'no phases'),
    item('CHK-R7', 'Realistic timelines and resource estimates',
      !teamAssumed,
      `${m.estimate.total.low}-${m.estimate.total.high} hours from the estimation model, ${m.estimate.weeks.low}-${m.estimate.weeks.high} weeks for the team of ${m.project.teamSize} the answers give`,
      `the team size is the default ${m.project.teamSize}, not the answers', so the weeks are a guess`),
  ];
}

/** CHK-Q5: the kinds of failure the derived error states cover, only those that occur (no "rate-limit" without a limit). */
const FAILURE_KINDS: readonly [string, (status: number) => boolean][] = [
  ['validation', (s) => s === 400], ['authentication', (s) => s === 401], ['authorization', (s) => s === 403],
  ['not-found', (s) => s === 404], ['conflict', (s) => s === 409], ['rate-limit', (s) => s === 429], ['upstream', (s) => s >= 502 && s <= 504],
];
function derivedKinds(m: Input): string {
  const statuses = new Set<number>();
  for (const e of m.endpoints) for (const s of e.errorStates) if (s.origin !== 'declared') statuses.add(s.status);
  const kinds = FAILURE_KINDS.filter(([, test]) => [...statuses].some(test)).map(([k]) => k);
  return kinds.length > 0 ? `${joinAnd(kinds)} failures` : 'no derived failures';
}

const PARAM_SEGMENT = /^\{[^{}]+\}$/;
const KEBAB_SEGMENT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function quality(m: Input): CheckItem[] {
  const byName = entitiesByName(m.entities);
  const entityWords = (name: string) => {
    const e = byName.get(name)!;
    return [e.names.snake.replace(/_/g, ' '), e.plural.snake.replace(/_/g, ' ')];
  };
  const served = new Set(m.endpoints.map((e) => e.entity).filter((x) => x));
  // Each served entity's words once, not once per requirement.
  const servedWords = m.requirements.functional.length > 0 ? [...served].map(entityWords) : [];
  const uncovered = m.requirements.functional.filter((req) => {
    const text = req.toLowerCase();
    return !servedWords.some((words) => words.some((w) => text.includes(w)));
  });
  const badPaths = m.endpoints.filter((e) => e.path.split('/').some((seg) => seg !== '' && !PARAM_SEGMENT.test(seg) && !KEBAB_SEGMENT.test(seg)));
  const bodyOnRead = m.endpoints.filter((e) => (e.method === 'GET' || e.method === 'DELETE') && e.request.kind !== 'none');
  const misplaced = m.endpoints.filter((e) => e.entity && e.service !== `${byName.get(e.entity)?.names.pascal}Service`);
  const unbounded = m.entities.flatMap((e) => e.fields.filter((f) => f.type === 'string' && f.maxLength === null && f.values.length === 0 && !f.generated && !boundedPattern(f.pattern)).map((f) => `${e.table}.${f.name}`));
  // On Neo4j a reference is a relationship, traversed without an index (IDX-1): none is missing.
  const graph = m.stack.database === 'neo4j';
  const unindexed = graph ? [] : m.entities.flatMap((e) => e.fields.filter((f) => f.references && !f.unique && !f.primary && !e.indexes.some((ix) => ix.fields[0] === f.name)).map((f) => `${e.table}.${f.name}`));
  const upstreamGaps = timeoutGaps(m);
  const noAuthWrites = writesWithoutAuth(m);
  // CHK-Q6: the public writes the rule lets pass (a raw body with a declared 400-403 error) are named, not hidden.
  const open = new Set(noAuthWrites);
  const signedWrites = m.endpoints.filter((e) => e.method !== 'GET' && e.auth === 'none' && !open.has(e));
  return [
    item('CHK-Q1', 'All spec requirements are addressed',
      m.requirements.functional.length > 0 && uncovered.length === 0,
      `each of the ${m.requirements.functional.length} functional requirements names an entity an endpoint works on`,
      m.requirements.functional.length === 0 ? 'the answers list no functional requirements to check against' : `no endpoint works on an entity named in: ${uncovered.join('; ')}`),
    item('CHK-Q2', 'API endpoints follow REST conventions',
      badPaths.length === 0 && bodyOnRead.length === 0,
      'lower-case kebab-case path words, parameters in braces, no body on GET or DELETE',
      badPaths.length > 0 ? `paths not in lower-case kebab-case: ${joinAnd(badPaths.map((e) => e.id))}` : `a request body on ${joinAnd(bodyOnRead.map((e) => e.id))}`),
    item('CHK-Q3', 'Service layer has clear separation of concerns',
      misplaced.length === 0 && m.services.length > 0,
      `${countS(m.services.length, 'service')}, one per entity the endpoints touch, each endpoint handled by its entity's service`,
      m.services.length === 0 ? 'no endpoints, so no services' : `handled outside their entity's service: ${joinAnd(misplaced.map((e) => e.id))}`),
    item('CHK-Q4', 'Data models include proper constraints and indexes',
      unbounded.length === 0 && unindexed.length === 0,
      `every string field has a maximum length or values, every reference ${graph ? 'a relationship (no index needed on Neo4j)' : 'an index'}`,
      unbounded.length > 0 ? `string fields without max_length: ${joinAnd(unbounded)}` : `references without an index: ${joinAnd(unindexed)}`),
    item('CHK-Q5', 'Error handling covers all failure scenarios',
      upstreamGaps.length === 0 && m.warnings.every((w) => !w.path.startsWith('errors')),
      `${derivedKinds(m)} derived per endpoint; every declared error used`,
      upstreamGaps.length > 0 ? `no timeout error on ${joinAnd(upstreamGaps.map((e) => e.id))}` : `declared errors no endpoint uses: ${joinAnd(m.warnings.filter((w) => w.path.startsWith('errors')).map((w) => w.path))}`),
    item('CHK-Q6', 'Authentication/authorization is specified',
      m.stack.auth !== 'none' && noAuthWrites.length === 0,
      `${auth(m)}; every endpoint states its auth (${joinAnd([...new Set(m.endpoints.map((e) => e.auth))])}), and no write is open${signedWrites.length > 0 ? ` (${joinAnd(signedWrites.map((e) => e.id))} ${signedWrites.length === 1 ? 'takes no credentials but checks' : 'take no credentials but check'} the sender's signature: ${joinAnd([...new Set(signedWrites.flatMap((e) => e.errorStates.filter((s) => s.origin === 'declared' && s.status >= 400 && s.status < 404).map((s) => s.name)))])})` : ''}`,
      m.stack.auth === 'none' ? 'stack.auth is none' : `${joinAnd(noAuthWrites.map((e) => e.id))} write without authentication`),
    item('CHK-Q7', 'No implementation code is included (design only)', true,
      'the plan gives signatures and ordered steps, no method bodies', ''),
  ];
}

function delivery(m: Input): CheckItem[] {
  const r = m.requirements;
  const targets = r.latencyP95Ms !== null || r.throughputRps !== null;
  const perfHigh = high(m, ['performance', 'availability']);
  const securityHigh = high(m, ['security']);
  return [
    item('CHK-D1', 'Documentation: Architecture diagrams, API documentation, deployment guides',
      m.stack.iac !== 'none',
      `diagrams and OpenAPI are generated from the answers; deployment is described by ${stackLabel('iac', m.stack.iac)}`,
      'no infrastructure-as-code tool: the deployment guide has nothing to describe'),
    item('CHK-D2', 'Security: Authentication, authorization, input validation, encryption',
      m.stack.auth !== 'none' && securityHigh.length === 0,
      `${auth(m)}, role checks, validation errors per endpoint; managed storage encrypted at rest`,
      m.stack.auth === 'none' ? 'stack.auth is none' : `high-severity security risks: ${ids(securityHigh)}`),
    item('CHK-D3', 'Monitoring: Logging, metrics, health checks, alerting',
      m.stack.observability.length > 0,
      `${joinAnd(m.stack.observability.map((t) => stackLabel('observability', t)))}, with health checks and alerts in the hardening phase`,
      'stack.observability is empty'),
    item('CHK-D4', 'Testing: Unit tests, integration tests, load tests',
      targets,
      `load tests against ${joinAnd([r.latencyP95Ms !== null ? `p95 ${r.latencyP95Ms} ms` : '', r.throughputRps !== null ? `${r.throughputRps} requests per second` : ''].filter((x) => x))}`,
      'no latency or throughput target to load-test against'),
    item('CHK-D5', 'Performance: Benchmarking, optimization, scaling strategy',
      targets && perfHigh.length === 0,
      'targets stated and no high-severity performance or availability risk',
      !targets ? 'no latency or throughput target' : `high-severity risks remain: ${ids(perfHigh)}`),
    item('CHK-D6', 'Deployment: CI/CD pipelines, infrastructure as code, rollback procedures',
      m.stack.iac !== 'none',
      `a CI pipeline and ${stackLabel('iac', m.stack.iac)} in the foundation phase`,
      'no infrastructure-as-code tool is chosen'),
  ];
}

export function checklists(m: Input): Plan['checklists'] {
  return { review: review(m), quality: quality(m), delivery: delivery(m) };
}

/**
 * CHK-Q bound: a pattern anchored at both ends whose every repetition has an upper bound (`^[a-z0-9-]{3,40}$`)
 * limits the length as surely as max_length; `*`, `+` or `{n,}` anywhere leave it unbounded.
 */
export function boundedPattern(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  const body = pattern.replace(/\\./g, 'x');
  return !/[*+]|\{\d+,\}/.test(body);
}
