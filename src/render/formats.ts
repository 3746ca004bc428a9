// The built-in plan formats: name, file, the seed it follows, and how it is rendered.

import type { Model } from '../derive/model.js';
import { ddlApplies, renderDdl } from './ddl/index.js';
import { writeOpenApi } from './openapi.js';
import { renderOptions } from './options.js';
import type { Renderer } from './engine.js';
import type { CommentStyle } from './marker.js';
import type { TextSink } from './tidy.js';

export interface RenderContext {
  renderer: Renderer;
  /** Text of plan-context.md for seed 001's "Initial Context"; '' when none. */
  planContext: string;
}

export interface FormatDef {
  name: string;
  /** Output file name inside the output folder. */
  file: string;
  /** The seed whose output structure it follows, or `beyond the seeds`. */
  seed: string;
  summary: string;
  comment: CommentStyle;
  /** The eta template it renders (`@blueprint/main`); absent for a format rendered by code (a templates folder cannot override those). */
  template?: string;
  /** Why the format does not apply to these answers; '' when it does. */
  skipReason(model: Model): string;
  /** The file's text without the marker line, handed to `out` in pieces as it is made. */
  render(model: Model, ctx: RenderContext, out: TextSink): void;
}

const always = (): string => '';

/** A format rendered by one eta template: `entry` (default `@<name>/main`) with the model and the plan context. */
export function templateFormat(
  def: Omit<FormatDef, 'render' | 'skipReason'> & { skipReason?: FormatDef['skipReason']; entry?: string },
): FormatDef {
  const { entry = `@${def.name}/main`, ...rest } = def;
  return {
    skipReason: always,
    ...rest,
    template: entry,
    render: (model, ctx, out) => ctx.renderer.renderTo(out, entry, model, { planContext: ctx.planContext }),
  };
}

export const BUILTIN_FORMATS: readonly FormatDef[] = [
  templateFormat({
    name: 'six-phase',
    file: 'technical-plan.md',
    seed: '000 backend-plan',
    summary: 'the Backend Technical Implementation Plan, with the Architectural Review Checklist and the handoff',
    comment: 'markdown',
  }),
  templateFormat({
    name: 'implementation-plan',
    file: 'backend-implementation-plan.md',
    seed: '001 backend-architect-planner',
    summary: 'seven sections: summary, architecture diagram, specifications, phases, risks, timeline, stack',
    comment: 'markdown',
  }),
  templateFormat({
    name: 'architect-doc',
    file: 'architecture.md',
    seed: '002 backend-architect',
    summary: 'folder structure, technologies, database schema, data flows, operations and important notes',
    comment: 'markdown',
  }),
  templateFormat({
    name: 'blueprint',
    file: 'blueprint.md',
    seed: '003 backend-planning',
    summary: 'API routes, service layer, data models and error handling, with the Quality Checklist',
    comment: 'markdown',
  }),
  {
    name: 'options',
    file: 'options.yaml',
    seed: '004 backend-architect',
    summary: "the agent_plan: three implementation options, simple to complex, and the recommendation",
    comment: 'yaml',
    skipReason: always,
    render: (model, _ctx, out) => out.write(renderOptions(model)),
  },
  templateFormat({
    name: 'summary',
    file: 'summary.md',
    seed: '004 backend-architect (compaction)',
    summary: 'the compressed hand-off: about 50 lines for a plan of any size',
    comment: 'markdown',
  }),
  templateFormat({
    name: 'verification',
    file: 'verification.md',
    seed: '004 backend-architect (before claiming completion)',
    summary: 'per endpoint: the requests to make, the status each must get, what to check afterwards',
    comment: 'markdown',
  }),
  {
    name: 'openapi',
    file: 'openapi.yaml',
    seed: 'beyond the seeds',
    summary: 'an OpenAPI 3.1 document of every endpoint, with schemas, security schemes and error responses',
    comment: 'yaml',
    skipReason: always,
    render: (model, _ctx, out) => writeOpenApi(model, out),
  },
  {
    name: 'ddl',
    file: 'schema.sql',
    seed: 'beyond the seeds',
    summary: 'the tables, keys, constraints and indexes for a relational database (PostgreSQL, MySQL, SQLite)',
    comment: 'sql',
    skipReason: (model) => (ddlApplies(model) ? '' : `the database is ${model.stack.database}, not relational: see the plans for its key design`),
    render: (model, _ctx, out) => out.write(renderDdl(model)),
  },
];

export function findFormat(formats: readonly FormatDef[], name: string): FormatDef | undefined {
  return formats.find((f) => f.name === name);
}
