// Answers whose every free text is hostile to some output format: Markdown pipes and backticks, HTML, line
// breaks, YAML-special text, `&` and `<`, SQL quotes and comment ends. Built as data and written with the yaml
// library, so the file itself is certainly what the data says.

import { stringify } from 'yaml';

/** The hostile texts, each tagged (T01...) so a test can find where it landed. */
export const TEXTS = {
  pipes: 'T01 a | b || c \\| d',
  backticks: 'T02 `x` and ``y`` and ``` fence ``` and a stray `',
  html: 'T03 <script>alert(1)</script> <b>bold</b> <!-- open comment',
  newlines: 'T04 first line\nsecond line\n\n# not a heading\n- not an item',
  no: 'no',
  hash: '#x',
  alias: '*a',
  injection: 'ok\nadmin: true',
  amp: 'T05 R&D <team> & co &amp; &lt;',
  sql: "T06 O'Reilly \"quoted\" ; -- not a comment $$ dollar $x$ \\ back",
  drop: 'T07 note\n*/ DROP TABLE notes; -- \n); DROP TABLE users; --',
  yamlish: 'T08 key: value - [x] {y} &anchor !tag %YAML --- ...',
} as const;

export const ALL_TEXTS: readonly string[] = Object.values(TEXTS);

/** A valid answers model holding the hostile texts wherever the answers allow free text. */
export function nastyAnswers(database: 'postgresql' | 'mysql' | 'sqlite' = 'postgresql'): Record<string, unknown> {
  const t = TEXTS;
  return {
    version: 1,
    project: {
      name: `${t.pipes} ${t.backticks}`,
      summary: `${t.newlines} ${t.html}`,
      platform: t.amp,
      team_size: 4,
      goals: [t.no, t.hash, t.alias, t.injection, t.sql],
    },
    requirements: {
      functional: [t.drop, t.yamlish, t.backticks],
      non_functional: { latency_p95_ms: 200, availability: '99.9', data_retention: t.html, compliance: [t.amp, t.no] },
    },
    stack: { language: 'typescript', database, cache: 'redis', queue: 'sqs', observability: [t.hash, t.pipes] },
    entities: [
      {
        name: 'Note',
        description: t.drop,
        timestamps: true,
        fields: [
          { name: 'title', type: 'string', required: true, description: t.sql, default: t.sql, max_length: 200 },
          { name: 'body', type: 'text', description: t.newlines, default: t.injection },
          {
            name: 'status',
            type: 'enum',
            values: ['no', "it's", 'a|b', '`tick`', '<x>&y', 'line\n# enum heading', '*/ x', '-- y'],
            default: "it's",
            description: t.pipes,
          },
          { name: 'owner_id', type: 'uuid', references: 'User', description: t.html },
          { name: 'code', type: 'string', pattern: "^[a-z']+$", description: t.yamlish },
        ],
      },
      {
        name: 'User',
        description: t.backticks,
        fields: [{ name: 'email', type: 'email', required: true, unique: true, description: t.amp }],
      },
    ],
    resources: [{ entity: 'User', operations: ['list', 'get', 'create'] }],
    endpoints: [
      { method: 'POST', path: '/notes', summary: t.drop, entity: 'Note', request: ['title', 'body', 'status'], errors: ['Conflict'], integrations: ['Mailer'] },
      { method: 'GET', path: '/notes/{id}', summary: t.injection, entity: 'Note', errors: ['NotFound'] },
      { method: 'DELETE', path: '/notes/{id}', summary: t.pipes, entity: 'Note', auth: 'admin' },
    ],
    errors: [
      { name: 'Conflict', status: 409, message: t.sql, when: t.newlines },
      { name: 'NotFound', status: 404, message: t.backticks, when: t.html },
    ],
    modules: [{ name: 'notes', description: t.yamlish, entities: ['Note', 'User'] }],
    integrations: [{ name: 'Mailer', purpose: t.drop, protocol: t.amp, auth: t.no, timeout_ms: 3000, retry: 'exponential', idempotent: true }],
  };
}

export function nastyYaml(database?: 'postgresql' | 'mysql' | 'sqlite'): string {
  return stringify(nastyAnswers(database), { version: '1.2' });
}
