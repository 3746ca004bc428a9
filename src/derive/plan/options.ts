// Options A/B/C, simple to complex, and the recommendation by a written scoring rule. Pure.
// Rules (docs/rules.md, "Options and recommendation"):
// - OPT-1 the three architectures come from catalog/options.ts OPTION_LADDER for the chosen architecture.
// - OPT-2 each option's hours are the estimation model run with that architecture (EST-3); its risks are
//   the risk catalog run on the model with that architecture (Lambda compute for serverless on AWS).
// - REC-1 score = sum of the SCORING terms that apply; the highest score wins, ties to the simpler option.
//   The rationale lists the terms of the selected option and the score of each other; the conditions say
//   when each other option would win.
// - REC-2 the recommendation also names the chosen option, and gives the headline estimate and the key
//   decision labelled: "Estimate (chosen Microservices): ...; the recommended Modular monolith: about N hours".

import type { Architecture, Cloud, Compute } from '../../answers/answers.js';
import { OPTION_LADDER, PROFILES, SCORING } from '../catalog/options.js';
import type { RiskModel } from '../catalog/risks.js';
import { stackLabel, type TechKey } from '../catalog/technologies.js';
import type { Option, Recommendation } from '../model.js';
import { availabilityAtLeast, dataLessServices, sumUnits, weeklyCapacity, workUnits, type WorkUnit } from './estimate.js';
import { toKebab } from '../../answers/names.js';
import type { EndpointNames } from './handlers.js';
import { risks, variantRisks, type OwnRisks } from './risks.js';
import { joinAnd } from './text.js';

const KEYS = ['option_a', 'option_b', 'option_c'] as const;

const label = (key: TechKey, value: string): string => stackLabel(key, value, true);

function approach(arch: Architecture, m: RiskModel, names: readonly EndpointNames[]): string {
  const s = m.stack;
  const lang = label('language', s.language);
  // The framework follows the noun it builds: `a Go service built with chi`, never `a Go with chi service`.
  const built = s.framework !== 'none' ? ` built with ${label('framework', s.framework)}` : '';
  const compute = label('compute', variant(arch, m).stack.compute);
  const db = label('database', s.database);
  const mods = m.modules.map((x) => x.name);
  const theModules = mods.length === 0 ? 'modules' : `the module${mods.length > 1 ? 's' : ''} ${joinAnd(mods)}`;
  const extras = [s.cache !== 'none' ? `${label('cache', s.cache)} cache` : '', s.queue !== 'none' ? `${label('queue', s.queue)} for background work` : ''].filter((x) => x);
  const withExtras = extras.length > 0 ? `, with ${joinAnd(extras)}` : '';
  let dataLess: string[] = [];
  switch (arch) {
    case 'monolith':
      return `One ${lang} service${built} on ${compute} with one ${db} database${withExtras}; ${mods.length > 1 ? `${joinAnd(mods)} as packages without enforced boundaries` : mods.length === 1 ? `${mods[0]} as one package` : 'one codebase'}.`;
    case 'modular-monolith':
      return `One ${lang} service${built} on ${compute} with ${theModules}, ${mods.length === 1 ? 'owning' : 'each owning'} its data behind a public interface, one ${db} database${withExtras}.`;
    case 'microservices':
      // OPT-3 (DIR-5): a service of entity-less endpoints is a deployable of its own, without a database.
      dataLess = dataLessServices(m, names).map((n) => toKebab(n.replace(/Service$/, '')) || toKebab(n));
      // OPT-2: one module is one service (nothing to split); references across modules only when one crosses.
      if (mods.length === 1 && dataLess.length > 0) return `One ${lang} service for the single module ${mods[0]} plus the data-less ${joinAnd(dataLess)} service${dataLess.length === 1 ? '' : 's'}${built ? `,${built},` : ''} on ${compute}, the module with its own ${db} database${withExtras}; the module itself stays one service until more modules are drawn.`;
      if (mods.length <= 1) return `One ${lang} service${mods.length === 1 ? ` for the single module ${mods[0]}` : ''}${built ? `,${built},` : ''} on ${compute}, with its own ${db} database${withExtras}; one module is one service: nothing to split until more modules are drawn.`;
      return `${/^[AEIOU]/i.test(lang) ? 'An' : 'A'} ${lang} service per module (${joinAnd(mods)})${dataLess.length > 0 ? ` plus the data-less ${joinAnd(dataLess)} service${dataLess.length === 1 ? '' : 's'}` : ''}${built ? `,${built},` : ''} on ${compute}, each ${dataLess.length > 0 ? 'module ' : ''}with its own ${db} database${withExtras}${m.relationships.some((r) => r.crossModule) ? '; references across modules become ids plus API calls or events' : ''}.`;
    case 'event-driven': {
      const broker = s.queue !== 'none' ? label('queue', s.queue) : 'a message broker';
      if (mods.length === 1) return `The module ${mods[0]} as a ${lang} service${built} that publishes and consumes events on ${broker}; it keeps its own ${db} data and builds its views from events.`;
      return `${theModules.charAt(0).toUpperCase()}${theModules.slice(1)} as ${lang} services${built} that publish and consume events on ${broker}; each keeps its own ${db} data and builds its views from events.`;
    }
    case 'serverless':
      return `${lang} functions per service${built} on ${s.cloud === 'aws' ? 'AWS Lambda' : s.cloud === 'gcp' ? 'Google Cloud Run' : s.cloud === 'azure' ? 'Azure Functions' : 'the platform\'s functions'} behind an API gateway, with ${db}${s.relational ? ' through a connection pooler' : ''}${withExtras}.`;
  }
}

/** Containers each cloud runs a service on when functions do not fit the architecture. */
const CONTAINER_COMPUTE: Record<Cloud, Compute> = { aws: 'ecs', gcp: 'cloud-run', azure: 'kubernetes', 'on-prem': 'kubernetes' };

/** The model as it would be with `arch`: Lambda for serverless on AWS; containers for a (modular) monolith or microservices chosen on Lambda. */
function variant(arch: Architecture, m: RiskModel): RiskModel {
  let compute: Compute = m.stack.compute;
  if (arch === 'serverless' && m.stack.cloud === 'aws') compute = 'lambda';
  else if (compute === 'lambda' && (arch === 'monolith' || arch === 'modular-monolith' || arch === 'microservices')) compute = CONTAINER_COMPUTE[m.stack.cloud];
  return { ...m, stack: { ...m.stack, architecture: arch, compute } };
}

function dependencies(arch: Architecture, m: RiskModel): string[] {
  const s = m.stack;
  const v = variant(arch, m).stack;
  return [
    label('compute', v.compute),
    label('database', s.database),
    ...(s.cache !== 'none' ? [label('cache', s.cache)] : []),
    ...(s.queue !== 'none' ? [label('queue', s.queue)] : []),
    ...PROFILES[arch].needs.filter((n) => !(n === 'message broker' && s.queue !== 'none')),
    ...m.integrations.map((i) => i.name),
  ];
}

interface Scored {
  score: number;
  terms: string[];
}

function score(arch: Architecture, hoursMid: number, cheapest: number, m: RiskModel): Scored {
  const p = PROFILES[arch];
  const terms: string[] = [];
  let total = 0;
  const term = (points: number, text: string): void => {
    total += points;
    terms.push(`${text} (${points > 0 ? '+' : ''}${points})`);
  };
  const rps = m.requirements.throughputRps;
  if (arch === m.stack.architecture) term(SCORING.chosen.points, SCORING.chosen.reason);
  if (m.project.teamSize < p.minTeam) term(SCORING.belowMinTeam.points, `a team of ${m.project.teamSize} is below the ${p.minTeam} it needs (${p.minTeamReason})`);
  if (p.distributed && rps !== null && rps >= SCORING.highThroughput.rps) term(SCORING.highThroughput.points, `${rps} requests per second: ${SCORING.highThroughput.reason}`);
  if (!p.distributed && (rps === null || rps < SCORING.lowThroughput.rps)) term(SCORING.lowThroughput.points, `${rps === null ? 'no throughput target' : `${rps} requests per second`}: ${SCORING.lowThroughput.reason}`);
  if (p.distributed && availabilityAtLeast(m.requirements.availability, SCORING.highAvailability.percent)) term(SCORING.highAvailability.points, `${m.requirements.availability}% availability: ${SCORING.highAvailability.reason}`);
  if (arch === 'modular-monolith' && m.modules.length >= SCORING.modules.count) term(SCORING.modules.points, `${m.modules.length} modules (${joinAnd(m.modules.map((x) => x.name))}): ${SCORING.modules.reason}`);
  if (cheapest > 0 && hoursMid > cheapest * SCORING.effort.ratio) term(SCORING.effort.points, `about ${hoursMid} hours against ${cheapest}: ${SCORING.effort.reason}`);
  return { score: total, terms };
}

/**
 * `own`: the plan's own work units and risks for the answers as they are, reused for the option whose variant is
 * the answers' own stack (the estimate and the risk rules are the larger part of a plan; each option would run them
 * again); the other variants run again only the risk rules that read the architecture or the compute (variantRisks).
 */
export function options(
  m: RiskModel,
  names: readonly EndpointNames[],
  own?: { units: readonly WorkUnit[]; risks: OwnRisks },
): { options: Option[]; recommendation: Recommendation } {
  const ladder = OPTION_LADDER[m.stack.architecture];
  const variants = ladder.map((arch) => variant(arch, m));
  const isOwn = (v: RiskModel): boolean => own !== undefined && v.stack.architecture === m.stack.architecture && v.stack.compute === m.stack.compute;
  const hours = ladder.map((arch, i) => sumUnits(isOwn(variants[i]!) ? own!.units : workUnits(variants[i]!, names, arch)));
  const cheapest = Math.min(...hours.map((h) => h.mid));
  const scored = ladder.map((arch, i) => score(arch, hours[i]!.mid, cheapest, m));

  const crossModule = m.relationships.some((r) => r.crossModule);
  const list: Option[] = ladder.map((arch, i) => {
    const p = PROFILES[arch];
    return {
      key: KEYS[i]!,
      name: p.label,
      architecture: arch,
      chosen: arch === m.stack.architecture,
      approach: approach(arch, m, names),
      pros: [...p.pros],
      // OPT-2: a con that needs a relational database, a reference across modules or two modules is left out without one.
      cons: p.cons.filter((c) => typeof c === 'string' || (c.when === 'relational' ? m.stack.relational : c.when === 'modules' ? m.modules.length > 1 : crossModule)).map((c) => (typeof c === 'string' ? c : c.text)),
      hours: hours[i]!,
      complexity: p.complexity,
      risks: (isOwn(variants[i]!) ? own!.risks.risks : own ? variantRisks(own.risks, variants[i]!) : risks(variants[i]!)).map((r) => `${r.title} (${r.id})`),
      dependencies: dependencies(arch, m),
      score: scored[i]!.score,
    };
  });

  let best = 0;
  for (let i = 1; i < list.length; i++) if (list[i]!.score > list[best]!.score) best = i;
  const selected = list[best]!;
  const rationale = [
    `${selected.name} scores ${selected.score}${scored[best]!.terms.length > 0 ? `: ${scored[best]!.terms.join('; ')}` : ' (no scoring term applies; the simplest of the tied options wins)'}.`,
    ...list.filter((o) => o.key !== selected.key).map((o) => {
      const i = list.indexOf(o);
      return `${o.name} (${o.key}) scores ${o.score}${scored[i]!.terms.length > 0 ? `: ${scored[i]!.terms.join('; ')}` : ' (no scoring term applies)'}.`;
    }),
    `${selected.name} is estimated at ${selected.hours.low}–${selected.hours.high} hours (about ${selected.hours.mid}).`,
  ];
  const conditions = list.filter((o) => o.key !== selected.key).map((o) => `${o.name} (${o.key}) wins when ${PROFILES[o.architecture as Architecture].winsWhen}.`);
  // REC-2: the headline estimate names the option it is for, so it never sits unlabelled under another recommendation.
  const chosen = list.find((o) => o.chosen) ?? selected;
  const capacity = weeklyCapacity(m.project.teamSize);
  const weeks = (h: Option['hours']): string => {
    const low = Math.max(1, Math.ceil(h.low / capacity));
    const high = Math.max(1, Math.ceil(h.high / capacity));
    return low === high ? `${low} ${low === 1 ? 'week' : 'weeks'}` : `${low}–${high} weeks`;
  };
  const same = chosen.key === selected.key;
  const estimateLine = same
    ? `Estimate (${chosen.name}, chosen and recommended): ${chosen.hours.low}–${chosen.hours.high} hours, ${weeks(chosen.hours)}`
    : `Estimate (chosen ${chosen.name}): ${chosen.hours.low}–${chosen.hours.high} hours, ${weeks(chosen.hours)}; the recommended ${selected.name}: about ${selected.hours.mid} hours`;
  const decisionLine = same ? `${chosen.name} (chosen and recommended)` : `${chosen.name} (chosen; the recommendation is ${selected.name})`;
  return { options: list, recommendation: { selected: selected.key, chosen: chosen.key, estimateLine, decisionLine, rationale, conditions } };
}
