// Technology rationale: one catalog entry per stack choice, with what the answers make it do. Pure.
// Rules (docs/rules.md, "Rationale"):
// - TECH-1 one entry per stack key (language, framework, architecture, database, cache, queue, cloud, compute,
//   iac, auth) in that order, then one per observability tool in answer order; from catalog/technologies.ts.
// - TECH-2 source is `default` when the tool filled the value (an assumption exists for it), else `answers`.
// - TECH-3 `why` adds what the answers give the choice to do (references it enforces, reads it serves,
//   events it carries, roles it checks, modules it holds) and, with project.platform, whether the choice
//   is a default to check against it (a choice from the answers adds nothing: the plans say that once).
// - TECH-4 alternatives leave out technologies of another cloud (SQS, DynamoDB, Lambda, ECS, EKS, CloudWatch,
//   X-Ray, CDK, CloudFormation on AWS; Cloud Run on GCP) unless the chosen cloud is that one.

import { observabilityKey, SCALING, stackLabel, TECHNOLOGIES, type TechEntry, type TechKey } from '../catalog/technologies.js';
import type { Model, Relationship, ScalingLine, TechChoice } from '../model.js';
import { count, joinAnd, unique } from './text.js';
import { regulatedEntities } from '../catalog/risks.js';

type Input = Omit<Model, 'plan'> & { relationships: readonly Relationship[] };

const KEYS = ['language', 'framework', 'architecture', 'database', 'cache', 'queue', 'cloud', 'compute', 'iac', 'auth'] as const;

function fit(key: TechKey, choice: string, m: Input): string {
  switch (key) {
    case 'architecture':
      return m.modules.length > 0 ? `Here: ${count(m.modules.length, 'module', 'modules')} (${joinAnd(m.modules.map((x) => x.name))}).` : '';
    case 'database': {
      const refs = m.relationships.filter((r) => r.kind === 'many-to-one');
      if (m.stack.relational && refs.length > 0) {
        const local = refs.filter((r) => !r.crossService);
        const remote = refs.filter((r) => r.crossService);
        const enforced = local.length > 0 ? `enforces ${count(local.length, 'reference', 'references')} (${joinAnd(local.map((r) => `${r.from}.${r.via}`))}) as ${local.length === 1 ? 'a foreign key' : 'foreign keys'}` : 'enforces no reference as a foreign key';
        const kept = remote.length > 0 ? `; ${joinAnd(remote.map((r) => `${r.from}.${r.via}`))} ${remote.length === 1 ? 'crosses' : 'cross'} services, so ${remote.length === 1 ? 'it keeps' : 'they keep'} the id without a foreign key` : '';
        return `Here: ${enforced}${kept}.`;
      }
      return `Here: stores ${count(m.entities.length, 'entity', 'entities')} (${joinAnd(m.entities.map((e) => e.name))}).`;
    }
    case 'cache': {
      if (choice === 'none') return '';
      const reads = m.endpoints.filter((e) => e.method === 'GET');
      if (reads.length === 0) return '';
      // RISK-CACHE-PERSONAL-DATA: the reads of regulated entities are not simply cached.
      const covered = regulatedEntities(m).filter(([, names]) => reads.some((e) => names.includes(e.entity)));
      const regulated = new Set(covered.flatMap(([, names]) => names));
      const open = reads.filter((e) => !regulated.has(e.entity));
      const kept = reads.filter((e) => regulated.has(e.entity));
      if (kept.length === 0) return `Here: serves the reads of ${joinAnd(open.map((e) => e.id))}.`;
      const served = open.length > 0 ? `serves the reads of ${joinAnd(open.map((e) => e.id))}; ` : '';
      return `Here: ${served}${joinAnd(kept.map((e) => e.id))} ${kept.length === 1 ? 'reads' : 'read'} data under ${joinAnd(covered.map(([label]) => label))}, cached only with keys from ids, a short TTL, eviction on erasure and encryption at rest, or not at all (RISK-CACHE-PERSONAL-DATA).`;
    }
    case 'queue':
      if (choice === 'none') return '';
    {
      // SVC-8 / SVC-10: a write on an entity publishes its event; a 202 write or a write on no entity puts the
      // request itself on the queue for a consumer, and publishes no event.
      const writes = m.endpoints.filter((e) => e.method !== 'GET');
      const queued = writes.filter((e) => !e.entity || (e.status === 202 && e.method !== 'DELETE'));
      const queuedSet = new Set(queued);
      const events = writes.filter((e) => !queuedSet.has(e));
      const parts = [
        ...(events.length > 0 ? [`the events of ${count(events.length, 'write endpoint', 'write endpoints')}`] : []),
        ...(queued.length > 0 ? [`the queued requests of ${count(queued.length, 'endpoint', 'endpoints')} (handled by a consumer)`] : []),
      ];
      return parts.length > 0 ? `Here: carries ${parts.join(' and ')}.` : '';
    }
    case 'auth': {
      const guarded = m.endpoints.filter((e) => e.auth !== 'none');
      const roles = unique(guarded.map((e) => e.auth).filter((a) => a !== 'user'));
      if (choice === 'none' || guarded.length === 0) return '';
      const who = `Here: authenticates the callers of ${count(guarded.length, 'endpoint', 'endpoints')}`;
      return roles.length > 0 ? `${who} and checks ${roles.length === 1 ? `the ${roles[0]} role` : `the roles ${joinAnd(roles)}`}.` : `${who}.`;
    }
    default:
      return '';
  }
}

function platformNote(source: TechChoice['source'], platform: string): string {
  if (!platform) return source === 'default' ? 'A default: the answers do not choose one.' : '';
  // TECH-3: a choice from the answers says nothing here: the plans say once that the stack is chosen for the platform.
  return source === 'default' ? `A default: check it against what ${platform} already runs.` : '';
}

/** Technologies that exist on one cloud only (TECH-4). */
const CLOUD_ONLY: Readonly<Record<string, string>> = {
  sqs: 'aws', dynamodb: 'aws', lambda: 'aws', ecs: 'aws', eks: 'aws', cloudwatch: 'aws', 'x-ray': 'aws', cdk: 'aws', cloudformation: 'aws',
  'cloud-run': 'gcp',
};

/** TECH-4: an alternative tied to another cloud is no alternative (the cloud itself may still be one). */
function fitsCloud(alternative: string, key: TechKey, cloud: string): boolean {
  if (key === 'cloud') return true;
  const only = CLOUD_ONLY[alternative];
  return only === undefined || only === cloud;
}

function entry(key: TechKey, choice: string): TechEntry {
  return TECHNOLOGIES[key][key === 'observability' ? observabilityKey(choice) : choice] ?? {
    label: choice,
    role: key === 'observability' ? 'Observability' : key,
    why: 'Named in the answers; the technology catalog has no entry for it',
    costs: 'Not assessed by the catalog',
    alternatives: key === 'observability' ? ['opentelemetry'] : [],
  };
}

function choiceOf(key: TechKey, choice: string, source: TechChoice['source'], m: Input): TechChoice {
  const e = entry(key, choice);
  const why = [e.why.endsWith('.') ? e.why : `${e.why}.`, fit(key, choice, m), platformNote(source, m.project.platform)].filter((x) => x !== '').join(' ');
  const alternatives = e.alternatives.filter((a) => a !== choice && fitsCloud(a, key, m.stack.cloud));
  return { key, choice, label: e.label, role: e.role, why, costs: e.costs, alternatives, alternativeLabels: alternatives.map((a) => stackLabel(key, a)), source };
}

export function rationale(m: Input): TechChoice[] {
  const assumed = new Set(m.assumptions.map((a) => a.key));
  const out = KEYS.map((key) => choiceOf(key, String(m.stack[key]), assumed.has(`stack.${key}`) ? 'default' : 'answers', m));
  const obsSource = assumed.has('stack.observability') ? 'default' : 'answers';
  for (const tool of m.stack.observability) out.push(choiceOf('observability', tool, obsSource, m));
  return out;
}

/**
 * SCALE-1: per scaling part of the stack (compute, architecture, cache, queue, database; none left out), how it
 * scales (catalog SCALING) and what limits it (the choice's costs), for the Scalability Approach.
 */
export function scaling(stack: Model['stack']): ScalingLine[] {
  const keys = ['compute', 'architecture', 'cache', 'queue', 'database'] as const;
  return keys.flatMap((key) => {
    const how = SCALING[key]?.[stack[key]];
    if (how === undefined) return [];
    return [{ key, choice: stack[key], label: stackLabel(key, stack[key]), how, limits: TECHNOLOGIES[key][stack[key]]?.costs ?? '' }];
  });
}
