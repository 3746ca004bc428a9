// GitHub Actions workflow commands, so CI shows problems and drift as annotations on the files:
// `::error file=F,line=L,col=C,title=T::message`. Escaping as the runner documents it: in the message `%`, `\r`
// and `\n`; in a property also `:` and `,`. Nothing else is printed by these functions.

import type { Problem } from '../errors.js';
import type { DriftEntry } from '../output/drift.js';

export type CommandKind = 'error' | 'warning' | 'notice';

/** The message part: `%` first, so the escapes it adds are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title): the message escapes plus `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command; properties in the order given, empty ones left out. */
export function workflowCommand(kind: CommandKind, properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const props = properties.filter(([, v]) => v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${kind}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** A problem of the answers file, at its line and column; the key path is the annotation's title. */
export function problemCommand(p: Problem): string {
  return workflowCommand(
    p.severity === 'error' ? 'error' : 'warning',
    [
      ['file', p.file],
      ['line', p.line],
      ['col', p.col],
      ['title', p.path || 'answers file'],
    ],
    p.message,
  );
}

/** A plan file that differs from the answers: `::error file=<plan file>::<what>`. */
export function driftCommand(path: string, entry: DriftEntry, regenerate: string): string {
  const what = entry.status === 'stale' ? entry.note : `${entry.note}. Regenerate with: ${regenerate}`;
  return workflowCommand('error', [['file', path]], `${entry.status}: ${what}`);
}

/** A file in the way of a plan (generate refused to write): `::error file=<plan file>::in the way: <why>`. */
export function conflictCommand(path: string, reason: string): string {
  return workflowCommand('error', [['file', path]], `in the way: ${reason}`);
}

/** A template that failed: `path:line:col: message` (the first line of the error) as an annotation on the template. */
export function templateErrorCommand(message: string): string {
  const first = message.split('\n', 1)[0] ?? message;
  const located = /^(.+?):(\d+):(\d+): (.*)$/.exec(first);
  if (!located) return workflowCommand('error', [['title', 'template error']], message);
  return workflowCommand(
    'error',
    [
      ['file', located[1] ?? ''],
      ['line', located[2] ?? ''],
      ['col', located[3] ?? ''],
      ['title', 'template error'],
    ],
    located[4] ?? message,
  );
}

/** A collapsible block in the log (for the diffs); each line of `body` is already prefixed, never a command. */
export function group(title: string, body: string): string {
  return `::group::${escapeData(title)}\n${body.replace(/\n$/, '')}\n::endgroup::`;
}
