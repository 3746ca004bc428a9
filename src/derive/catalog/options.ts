// Options A/B/C and the recommendation's scoring rule: data. plan/options.ts builds the options from it.

import type { Architecture } from '../../answers/answers.js';

/**
 * The three architectures compared, simple to complex, per chosen architecture. The chosen one is B, with a
 * simpler A and a more distributed C; at the ends of the ladder the window shifts so the three still differ.
 */
export const OPTION_LADDER: Record<Architecture, readonly [Architecture, Architecture, Architecture]> = {
  monolith: ['monolith', 'modular-monolith', 'microservices'],
  'modular-monolith': ['monolith', 'modular-monolith', 'microservices'],
  serverless: ['modular-monolith', 'serverless', 'event-driven'],
  microservices: ['modular-monolith', 'microservices', 'event-driven'],
  'event-driven': ['modular-monolith', 'microservices', 'event-driven'],
};

export interface ArchitectureProfile {
  label: string;
  complexity: 'low' | 'medium' | 'high';
  /** Engineers below which the architecture costs more than it gives. */
  minTeam: number;
  minTeamReason: string;
  distributed: boolean;
  pros: string[];
  /** A con with `when` holds only for such answers: a relational database, a reference across modules, two or more modules. */
  cons: (string | { text: string; when: 'relational' | 'cross-module' | 'modules' })[];
  /** Components it needs beyond the stack's own. */
  needs: string[];
  /** When this option would win over the recommended one. */
  winsWhen: string;
}

export const PROFILES: Record<Architecture, ArchitectureProfile> = {
  monolith: {
    label: 'Monolith',
    complexity: 'low',
    minTeam: 1,
    minTeamReason: 'one deployable any team can run',
    distributed: false,
    pros: ['Fewest moving parts: one deployable, one database, one pipeline', 'Transactions span every entity', 'Fastest to first release'],
    cons: [{ text: 'Nothing stops modules from reaching into each other', when: 'modules' }, 'Scales and deploys as one unit'],
    needs: [],
    winsWhen: 'the scope stays this small and one team owns all of it: module boundaries then buy nothing',
  },
  'modular-monolith': {
    label: 'Modular monolith',
    complexity: 'medium',
    minTeam: 2,
    minTeamReason: 'module owners need someone to review across boundaries',
    distributed: false,
    pros: ['One deployable and one database, with enforced module boundaries', 'Transactions stay local; no network between modules', 'A module can become a service later without a rewrite'],
    cons: ['Boundaries need tests to stay enforced', { text: 'All modules deploy together', when: 'modules' }],
    needs: [],
    winsWhen: 'the team keeps one deployment but wants boundaries it can split along later',
  },
  serverless: {
    label: 'Serverless',
    complexity: 'medium',
    minTeam: 1,
    minTeamReason: 'the platform runs the servers',
    distributed: true,
    pros: ['Scales to zero and to bursts; pay per request', 'No servers to patch'],
    cons: ['Cold starts against latency targets', { text: 'Relational databases need a connection pooler', when: 'relational' }, 'Execution limits and vendor lock-in'],
    needs: ['API gateway'],
    winsWhen: 'traffic is spiky or mostly idle, and cold starts fit the latency target',
  },
  microservices: {
    label: 'Microservices',
    complexity: 'high',
    minTeam: 6,
    minTeamReason: 'about two engineers per service and one on-call rota',
    distributed: true,
    pros: ['Each module deploys and scales on its own', 'Each service owns its data', 'Failures are contained per service'],
    cons: [{ text: 'Network calls and eventual consistency between modules', when: 'modules' }, 'A pipeline, deployment and on-call per service', { text: 'Cross-module references become API calls or events', when: 'cross-module' }],
    needs: ['API gateway', 'service-to-service authentication'],
    winsWhen: 'the team grows to separate owners per module, or modules need to scale or release independently',
  },
  'event-driven': {
    label: 'Event-driven',
    complexity: 'high',
    minTeam: 5,
    minTeamReason: 'consumers, replays and dead letters need dedicated attention',
    distributed: true,
    pros: ['Modules react to events: loose coupling and a natural audit trail', 'Bursts are absorbed by the broker', 'New consumers without changing producers'],
    cons: ['Eventual consistency everywhere', 'Harder debugging, ordering and replay', 'Every consumer must be idempotent'],
    needs: ['message broker', 'event schema registry'],
    winsWhen: 'several consumers react to the same changes, or work must be buffered against bursts',
  },
};

/** The recommendation's scoring rule; each term with its reason. The highest score wins; ties go to the simpler option. */
export const SCORING = {
  chosen: { points: 2, reason: 'the team chose it and knows context the answers do not carry' },
  belowMinTeam: { points: -3, reason: 'the team is smaller than the architecture needs' },
  highThroughput: { rps: 1000, points: 1, reason: 'throughput this high favours parts that scale on their own' },
  lowThroughput: { rps: 100, points: 1, reason: 'throughput this low (or unstated) does not need independent scaling' },
  highAvailability: { percent: 99.95, points: 1, reason: 'availability this high favours isolating failures' },
  modules: { count: 2, points: 1, reason: 'the modules are already drawn, so boundaries cost little to keep' },
  effort: { ratio: 1.3, points: -1, reason: 'more than 30% more hours than the cheapest option' },
} as const;
