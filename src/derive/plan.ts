// The planning engine: resolved answers in, the model with every decision out. Pure and deterministic:
// no clock, no randomness, no locale; the input is not mutated. Each rule family is a small module in
// plan/, each rule documented in docs/rules.md.

import type { Endpoint, Model, Plan } from './model.js';
import type { ResolvedAnswers } from './normalise.js';
import { errorCatalog, endpointErrors, idempotencyKeyOf, type ErrorContext, type ErrorMessages } from './plan/errors.js';
import { endpointNames } from './plan/handlers.js';
import { infrastructure } from './plan/infrastructure.js';
import { cycles, entityOrder, liveUniques, relationships, withForeignKeyIndexes } from './plan/relationships.js';
import { moduleCycles, moduleDependencies, publishedEvents, services } from './plan/services.js';
import { containerNames, storageTerms } from './plan/storage.js';
import { withResolvedParams } from './plan/params.js';
import { checklists } from './plan/checklists.js';
import { estimate, workUnits } from './plan/estimate.js';
import { options } from './plan/options.js';
import { phases } from './plan/phases.js';
import { rationale, scaling } from './plan/rationale.js';
import { ownRisks } from './plan/risks.js';
import { dataFlows } from './plan/flows.js';
import { deployables, projectLayout } from './plan/folders.js';
import { verification } from './plan/verification.js';
import { integrationTerms } from './plan/integrations.js';
import { accessLevels, stackWording } from './plan/wording.js';
import { flowchart, stackServices } from './plan/diagram.js';
import { warningsOf } from './warnings.js';
import { entitiesByName } from './plan/lookup.js';

export function plan(resolved: ResolvedAnswers): Model {
  // Read, never written: every rule builds new objects (tests/derive/plan-purity.test.ts plans frozen input),
  // so the model shares the unchanged parts of the resolved answers instead of copying them.
  const base = resolved;
  const entities = withForeignKeyIndexes(base.entities, base.stack.database);
  // Entity names are unique (answers/crossref.ts), so the first of a name is the only one; one shared index lets
  // every rule family share the per-endpoint answers kept per index (oncePerEndpoint).
  const entityMap = entitiesByName(entities);
  const integrationMap = new Map(base.integrations.map((i) => [i.name, i]));

  const ctx: ErrorContext = { entities: entityMap, integrations: integrationMap, errors: base.errors, auth: base.stack.auth, database: base.stack.database };
  const resolvedEndpoints = withResolvedParams(base.endpoints, entities);
  const names = endpointNames(resolvedEndpoints, entities);
  const messages: ErrorMessages = new Map();
  const endpoints: Endpoint[] = resolvedEndpoints.map((ep, k) => {
    const states = endpointErrors(ep, ctx, messages);
    return { ...ep, handler: names[k]!.handler, service: names[k]!.service, errorStates: states, idempotencyKey: idempotencyKeyOf(ep, ctx) };
  });

  const found = cycles(entities);
  const warnings = warningsOf(base, found);

  const model: Omit<Model, 'plan'> = { ...base, entities, endpoints };
  const rels = relationships(entities, base.stack.database, base.stack.architecture);
  const order = entityOrder(entities);
  const serviceCtx = { entities: entityMap, integrations: integrationMap, errors: base.errors, stack: base.stack };
  const svc = services(endpoints, names, serviceCtx);
  const events = publishedEvents(endpoints, names, serviceCtx);
  const deployed = deployables(model, svc, events);
  const infra = infrastructure({ ...base, deployables: deployed });
  const moduleDeps = moduleDependencies(base.modules, svc);
  const riskModel = { ...model, relationships: rels, cycles: found, moduleCycles: moduleCycles(base.modules, moduleDeps, svc) };
  const units = workUnits(model, names, base.stack.architecture);
  const own = ownRisks(riskModel);
  const chosen = options(riskModel, names, { units, risks: own });
  const decided = {
    relationships: rels,
    cycles: found,
    entityOrder: order,
    services: svc,
    errorCatalog: errorCatalog(endpoints, base.errors, messages),
    infrastructure: infra,
    phases: phases({ model, services: svc, entityOrder: order, infrastructure: infra, units, deployables: deployed }),
    estimate: estimate(units, base.project.teamSize),
    risks: own.risks,
    rationale: rationale({ ...model, relationships: rels }),
    scaling: scaling(base.stack),
    options: chosen.options,
    recommendation: chosen.recommendation,
  };
  const core = { ...decided, checklists: checklists({ ...model, ...decided, warnings }), warnings };
  // Flows and verification read the services and error states decided above.
  const layout = projectLayout(model, deployed);
  const wording = stackWording(base.stack, storageTerms(base.stack.database), events.length > 0, layout.deployables);
  const running = stackServices(base.stack, infra);
  const empty = {
    layout,
    dataFlows: [],
    verification: { target: '', targetCheck: '', endpoints: [] },
    events,
    moduleDependencies: moduleDeps,
    storage: storageTerms(base.stack.database),
    containers: containerNames(entities, base.stack.database),
    stackServices: running,
    flowchart: flowchart({ model, services: svc, deployables: layout.deployables, stackServices: running, server: wording.server }),
    wording,
    access: accessLevels(endpoints, base.stack.auth),
    liveUniques: liveUniques(entities, base.stack.database),
    integrationTerms: integrationTerms(base.integrations),
  };
  const decidedModel: Model = { ...model, plan: { ...core, ...empty } };
  const planned: Plan = { ...core, ...empty, dataFlows: dataFlows(decidedModel), verification: verification(decidedModel) };
  return { ...model, plan: planned };
}
