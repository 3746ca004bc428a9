// Data flows for seed 002's "data flow patterns": one sequence per endpoint that calls an integration or puts
// a message on the queue, built from its service method's steps, with every error state as a branch. Pure.
// Rules (docs/rules.md, "Data flows"):
// - FLOW-1 an endpoint gets a flow when it calls an integration or its method has a Publish/Enqueue step.
// - FLOW-2 the messages follow the method's steps in order: validation and authorization at the API, uniqueness
//   checks, loads, reads and writes at the database, each integration call (with its answer), the publish on
//   the queue, then the answer to the client. A call SVC-7 makes from the consumer of the write's event is drawn
//   after the answer (`afterAnswer`, below the branches), from a consumer participant that takes the event off
//   the queue: the request never waits for it.
// - FLOW-3 the branches: the success status, then each error state of the endpoint (status order), answered
//   by the API to the client.
// - FLOW-4 the flow in one line (`line`), in the order of its messages, for the technical plan.

import { reasonPhrase } from '../http.js';
import type { Endpoint, Model, ServiceMethod } from '../model.js';
import { entitiesByName, methodsByEndpoint } from './lookup.js';
import { stackLabel } from '../catalog/technologies.js';
import { flat } from './text.js';

export type ParticipantKind = 'client' | 'api' | 'service' | 'database' | 'queue' | 'consumer' | 'integration';

export interface FlowParticipant {
  /** Letters, digits and underscores: safe as a diagram id. */
  id: string;
  label: string;
  kind: ParticipantKind;
}

export interface FlowMessage {
  from: string;
  to: string;
  text: string;
  /** An answer (dashed arrow) rather than a call. */
  reply: boolean;
}

export interface FlowBranch {
  status: number;
  title: string;
  /** '' for the success branch. */
  name: string;
  /** Why the branch happens. */
  cause: string;
}

export interface DataFlow {
  endpoint: string;
  participants: FlowParticipant[];
  messages: FlowMessage[];
  /** Success first, then every error state. */
  branches: FlowBranch[];
  /** FLOW-2: what happens after the client has its answer (a consumer's calls, SVC-7); [] when nothing. */
  afterAnswer: FlowMessage[];
  /**
   * FLOW-4: the flow in one line, in the order of the messages: what the service reaches (the table each
   * database step touches, each integration, the queue), then what the consumer calls after the answer:
   * `AlertService.AcknowledgeAlert → alerts → Apache Kafka; after the answer, Consumer of alert.acknowledged → Hookdeck`.
   */
  line: string;
}

const WRITE_OR_READ = /^(Insert|Replace|Update|Delete|Soft-delete|Read|Check uniqueness|Look up|Deduplicate|Load|Refuse the delete) /;
/** A step that puts a message on the queue: `Publish ...` or `Enqueue ...` (startsWith: no regex per step). */
export const isQueueStep = (step: string): boolean => step.startsWith('Publish ') || step.startsWith('Enqueue ');

function methodOf(m: Model, ep: Endpoint): ServiceMethod | undefined {
  return methodsByEndpoint(m.plan.services).get(ep.id);
}

/** FLOW-1. */
export function hasFlow(m: Model, ep: Endpoint, method = methodOf(m, ep)): boolean {
  return ep.integrations.length > 0 || (method?.steps ?? []).some(isQueueStep);
}

/** A parenthesis that lists fields, `(practitioner_id, starts_at)`, matched where lastIndex puts it (sticky). */
const FIELD_LIST = /\([a-z][a-z0-9_]*(, [a-z][a-z0-9_]*)+\)/y;

/**
 * The step's words up to its first annotation in parentheses: `Call Stripe (timeout ...)` -> `Call Stripe`. A
 * parenthesis that lists fields (`Check uniqueness of (practitioner_id, starts_at) ...`) is part of the words.
 */
export function short(step: string): string {
  for (let i = step.indexOf(' ('); i > 0; i = step.indexOf(' (', i + 1)) {
    FIELD_LIST.lastIndex = i + 1;
    if (!FIELD_LIST.test(step)) return step.slice(0, i);
  }
  return step;
}

/** FLOW-5: the other service a step loads from or asks (SVC-11); null for a step within this service. */
const remoteOf = (step: string): string | null => (REMOTE_LOAD.exec(step) ?? REMOTE_ASK.exec(step))?.[1] ?? null;
const REMOTE_LOAD = /^Load the \w+ named by \S+ from (\w+Service)\b/;
const REMOTE_ASK = /^Ask (\w+Service) whether /;
/** SVC-7: the event whose consumer makes a step's call after the commit; null for a call the request makes. */
const fromConsumer = (step: string): string | null => FROM_CONSUMER.exec(step)?.[1] ?? null;
const FROM_CONSUMER = /from the consumer of (the queued \S+|\S+?),/;

/** The entity a database step names: `Insert the Order ...` -> Order. */
const NAMED_ENTITY = /^(?:Load|Insert|Replace|Update|Delete|Soft-delete) the (\w+)/;

export function dataFlow(m: Model, ep: Endpoint, method = methodOf(m, ep)): DataFlow {
  const steps = method?.steps ?? [];
  const framework = m.stack.framework === 'none' ? `${stackLabel('language', m.stack.language)} standard library` : stackLabel('framework', m.stack.framework);
  const participants: FlowParticipant[] = [
    { id: 'client', label: 'Client', kind: 'client' },
    { id: 'api', label: `API (${framework})`, kind: 'api' },
    { id: 'svc', label: ep.service || 'Service', kind: 'service' },
  ];
  // FLOW-5: a load from another service (SVC-11) is a call to that service, drawn as its own participant.
  // Each step's remote service, found once (it decides the participants, the database and the step's arrow).
  const remotes = steps.map(remoteOf);
  const remoteIds = new Map<string, string>();
  for (const remote of remotes) {
    if (remote !== null && !remoteIds.has(remote)) {
      remoteIds.set(remote, `svc${remoteIds.size + 2}`);
      participants.push({ id: remoteIds.get(remote)!, label: remote, kind: 'service' });
    }
  }
  const uses = { db: steps.some((s, k) => WRITE_OR_READ.test(s) && remotes[k] === null), queue: steps.some(isQueueStep) };
  if (uses.db) participants.push({ id: 'db', label: stackLabel('database', m.stack.database), kind: 'database' });
  const integrationIds = new Map<string, string>();
  ep.integrations.forEach((name, k) => {
    integrationIds.set(name, `ext${k + 1}`);
    participants.push({ id: `ext${k + 1}`, label: name, kind: 'integration' });
  });
  if (uses.queue) participants.push({ id: 'queue', label: stackLabel('queue', m.stack.queue), kind: 'queue' });
  const consumed = steps.map(fromConsumer).find((e) => e !== null);
  if (uses.queue && consumed) participants.push({ id: 'consumer', label: `Consumer of ${consumed}`, kind: 'consumer' });
  const later: FlowMessage[] = [];

  const messages: FlowMessage[] = [{ from: 'client', to: 'api', text: `${ep.method} ${ep.path}`, reply: false }];
  const call = (from: string, to: string, text: string): void => { messages.push({ from, to, text, reply: false }); };
  let handed = false;
  const handOver = (): void => {
    if (handed) return;
    handed = true;
    call('api', 'svc', method ? method.languageName : ep.handler);
  };
  steps.forEach((step, k) => {
    const remote = remotes[k]!;
    if (step.startsWith('Validate')) {
      call('api', 'api', 'Validate input');
    } else if (step.startsWith('Authorize')) {
      call('api', 'api', short(step));
    } else if (step.startsWith('Map failures')) {
      return;
    } else if (step.startsWith('Return')) {
      handOver();
      messages.push({ from: 'svc', to: 'api', text: 'result', reply: true });
    } else if (step.startsWith('Call ')) {
      handOver();
      const name = ep.integrations.find((n) => step.startsWith(`Call ${n} (`) || step === `Call ${n}`);
      const to = name !== undefined ? integrationIds.get(name) : undefined;
      const event = fromConsumer(step);
      if (to && event && uses.queue) {
        // SVC-7: the consumer makes this call after the commit; the request has already been answered.
        if (!later.some((x) => x.from === 'queue')) later.push({ from: 'queue', to: 'consumer', text: event, reply: false });
        later.push({ from: 'consumer', to, text: short(step), reply: false }, { from: to, to: 'consumer', text: `${name} answers`, reply: true });
      } else if (to) {
        call('svc', to, short(step));
        messages.push({ from: to, to: 'svc', text: `${name} answers`, reply: true });
      } else {
        call('svc', 'svc', short(step));
      }
    } else if (isQueueStep(step)) {
      handOver();
      call('svc', 'queue', short(step));
    } else if (remote !== null) {
      handOver();
      const to = remoteIds.get(remote)!;
      call('svc', to, short(step));
      messages.push({ from: to, to: 'svc', text: `${remote} answers`, reply: true });
    } else if (WRITE_OR_READ.test(step)) {
      handOver();
      call('svc', 'db', short(step));
    } else {
      handOver();
      call('svc', 'svc', short(step));
    }
  });
  handOver();
  const branches: FlowBranch[] = [
    { status: ep.status, title: reasonPhrase(ep.status), name: '', cause: 'success' },
    ...ep.errorStates.map((s) => ({ status: s.status, title: s.title, name: s.name, cause: s.cause })),
  ];
  // A database message names the table it touches: the entity a Load or a write names, else the endpoint's own.
  const byName = entitiesByName(m.entities);
  const tableOf = (text: string): string => {
    const named = NAMED_ENTITY.exec(text)?.[1];
    return (named !== undefined ? byName.get(named)?.table : undefined) ?? byName.get(ep.entity)?.table ?? '';
  };
  const labelOf = (x: { to: string; text: string }): string => {
    const table = x.to === 'db' ? tableOf(x.text) : '';
    return table !== '' ? table : participants.find((p) => p.id === x.to)?.label ?? x.to;
  };
  const stops = (list: readonly FlowMessage[], from: string): string[] => list
    .filter((x) => x.from === from && !x.reply && x.to !== from)
    .map(labelOf)
    .filter((l, k, all) => k === 0 || all[k - 1] !== l);
  const head = [`${ep.service || 'Service'}.${method ? method.languageName : ep.handler}`, ...stops(messages, 'svc')].join(' → ');
  const tail = later.length > 0 ? `; after the answer, ${[labelOf({ to: 'consumer', text: '' }), ...stops(later, 'consumer')].join(' → ')}` : '';
  // The texts live until the plans are rendered: made flat now (text.ts flat).
  for (const x of messages) flat(x.text);
  for (const x of later) flat(x.text);
  return { endpoint: ep.id, participants, messages, branches, afterAnswer: later, line: flat(`${head}${tail}`) };
}

/** FLOW-1 .. FLOW-4 over every endpoint, in endpoint order. */
export function dataFlows(m: Model): DataFlow[] {
  const methods = methodsByEndpoint(m.plan.services);
  const out: DataFlow[] = [];
  for (const ep of m.endpoints) {
    // The method found once, for FLOW-1's test and for the flow.
    const method = methods.get(ep.id);
    if (hasFlow(m, ep, method)) out.push(dataFlow(m, ep, method));
  }
  return out;
}
