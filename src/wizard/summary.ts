// What the wizard collected, on a screen: one line per part, read before saving.

import { getKey, isObj, type Obj } from './scope.js';

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function row(label: string, text: string): string {
  return `  ${label.padEnd(13)}${text}`;
}

function fieldText(f: unknown): string {
  const name = str(getKey(f, 'name'));
  const type = str(getKey(f, 'type'));
  const marks = [
    getKey(f, 'primary') === true ? 'primary' : '',
    getKey(f, 'required') === true ? 'required' : '',
    getKey(f, 'unique') === true ? 'unique' : '',
    getKey(f, 'references') ? `-> ${str(getKey(f, 'references'))}` : '',
    type === 'enum' ? `[${list(getKey(f, 'values')).map(str).join('|')}]` : '',
  ].filter(Boolean);
  return [name, type, ...marks].join(' ');
}

/** The summary shown before saving; plain text, no colour. */
export function summarize(answers: Obj, file: string): string {
  const lines = [`Summary of ${file}`];
  const project = getKey(answers, 'project');
  const name = str(getKey(project, 'name'));
  const slug = str(getKey(project, 'slug'));
  lines.push(row('Project', `${name}${slug ? ` (${slug})` : ''}${getKey(project, 'summary') ? `: ${str(getKey(project, 'summary'))}` : ''}`));
  const team = getKey(project, 'team_size');
  const start = getKey(project, 'start');
  if (team !== undefined || start !== undefined) {
    lines.push(row('Team', [team !== undefined ? `${str(team)} engineers` : '', start ? `starting ${str(start)}` : ''].filter(Boolean).join(', ')));
  }
  const goals = list(getKey(project, 'goals'));
  if (goals.length) lines.push(row('Goals', goals.map(str).join('; ')));
  const functional = list(getKey(answers, 'requirements.functional'));
  if (functional.length) lines.push(row('Requirements', functional.map(str).join('; ')));
  const nf = getKey(answers, 'requirements.non_functional');
  if (isObj(nf) && Object.keys(nf).length) {
    lines.push(row('Targets', Object.entries(nf).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : str(v)}`).join(', ')));
  }
  const stack = getKey(answers, 'stack');
  if (isObj(stack)) {
    lines.push(row('Stack', Object.entries(stack).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : str(v)}`).join(', ')));
  }
  for (const e of list(getKey(answers, 'entities'))) {
    const flags = [getKey(e, 'timestamps') === true ? 'timestamps' : '', getKey(e, 'soft_delete') === true ? 'soft delete' : ''].filter(Boolean);
    lines.push(row('Entity', `${str(getKey(e, 'name'))}${flags.length ? ` (${flags.join(', ')})` : ''}`));
    for (const f of list(getKey(e, 'fields'))) lines.push(row('', `  ${fieldText(f)}`));
    for (const i of list(getKey(e, 'indexes'))) {
      lines.push(row('', `  index (${list(getKey(i, 'fields')).map(str).join(', ')})${getKey(i, 'unique') === true ? ' unique' : ''}`));
    }
  }
  for (const m of list(getKey(answers, 'modules'))) {
    lines.push(row('Module', `${str(getKey(m, 'name'))}: ${list(getKey(m, 'entities')).map(str).join(', ')}`));
  }
  for (const r of list(getKey(answers, 'resources'))) {
    lines.push(row('Resource', `${str(getKey(r, 'entity'))}: ${list(getKey(r, 'operations')).map(str).join(', ')}`));
  }
  for (const x of list(getKey(answers, 'errors'))) {
    lines.push(row('Error', `${str(getKey(x, 'name'))} ${str(getKey(x, 'status'))}: ${str(getKey(x, 'message'))}`));
  }
  for (const x of list(getKey(answers, 'integrations'))) {
    lines.push(row('Integration', `${str(getKey(x, 'name'))}${getKey(x, 'purpose') ? `: ${str(getKey(x, 'purpose'))}` : ''}`));
  }
  for (const x of list(getKey(answers, 'endpoints'))) {
    lines.push(row('Endpoint', `${str(getKey(x, 'method'))} ${str(getKey(x, 'path'))}${getKey(x, 'summary') ? `: ${str(getKey(x, 'summary'))}` : ''}`));
  }
  return lines.join('\n');
}
