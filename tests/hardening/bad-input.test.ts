// Every bad input of issue 8, one test each, against the built CLI: exit 1 (2 for usage), each problem as
// `file:line:col key.path: message`, no stack trace unless --debug, and the output folder (holding a previous
// generation) byte-identical afterwards.

import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/index.js';
import { ANSI, at, copyOf, edit, MINIMAL, previousGeneration, ROOT, runCliAsync, snapshot, STACK } from './helpers.js';

const REFERENCE = readFileSync(join(ROOT, 'tests', 'fixtures', 'answers', 'payments.yaml'), 'utf8');

let previous = '';
beforeAll(() => {
  previous = previousGeneration();
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** The output folder was byte-identical before and after. */
  untouched: boolean;
}

/** Writes `content` as `name` beside a previous generation in plans/, runs `archplan <command> name --out plans`. */
async function run(content: string | Uint8Array, options: { name?: string; command?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Outcome> {
  const dir = copyOf(previous);
  const name = options.name ?? 'answers.yaml';
  writeFileSync(join(dir, name), content);
  const before = snapshot(join(dir, 'plans'));
  expect(before.size).toBeGreaterThan(3);
  const command = options.command ?? 'generate';
  const r = await runCliAsync([command, name, ...(command === 'generate' ? ['--out', 'plans'] : []), ...(options.args ?? [])], {
    cwd: dir,
    ...(options.env ? { env: options.env } : {}),
  });
  const after = snapshot(join(dir, 'plans'));
  return { ...r, untouched: JSON.stringify([...before]) === JSON.stringify([...after]) };
}

/** One expected problem line: located by searching the text for `needle` (its nth occurrence, shifted). */
type Expected = [needle: string, rest: string, shift?: number, nth?: number] | string;

/** Asserts the refusal: exit 1, exactly these problem lines and the summary, no trace, no colour, nothing written. */
async function refuses(text: string | Uint8Array, expected: Expected[], options: Parameters<typeof run>[1] = {}): Promise<Outcome> {
  const r = await run(text, options);
  const source = typeof text === 'string' ? text : '';
  const name = options.name ?? 'answers.yaml';
  const lines = expected.map((e) => (typeof e === 'string' ? `${name}:${e}` : `${name}:${at(source, e[0], e[2] ?? 0, e[3] ?? 0)} ${e[1]}`));
  const n = lines.length;
  expect(r.stderr).toBe(`${lines.join('\n')}\n${name} is not valid: ${n} ${n === 1 ? 'problem' : 'problems'}; nothing was written.\n`);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain(STACK);
  expect(r.stderr).not.toMatch(ANSI);
  expect(r.untouched).toBe(true);
  return r;
}

const withProject = (lines: string): string => edit(MINIMAL, ['  team_size: 2\n', `  team_size: 2\n${lines}`]);

describe.concurrent('YAML the loader refuses, at the CLI', () => {
  it('a syntax error', async () => {
    await refuses('version: 1\nproject: [a, b\nstack: 3\n', ['2:10: the [ opened here is never closed: end the list with ] (on the same line, or on lines indented more than its key)']);
  });

  it('tabs as indentation', async () => {
    const text = edit(MINIMAL, ['  summary: Keep short notes', '\tsummary: Keep short notes']);
    // One problem: the parser's own follow-up errors on the same line are not repeated.
    await refuses(text, [`${at(text, '\t')}: tabs are not allowed as indentation; use spaces`]);
  });

  it('several documents in one file', async () => {
    const text = `${MINIMAL}---\nversion: 1\n`;
    await refuses(text, [`${at(text, '---')}: the file holds 2 YAML documents; an answers file is one document`]);
  });

  it('an empty file', async () => {
    await refuses('', ['1:1: the file is empty']);
  });

  it('a file of comments only', async () => {
    await refuses('# answers\n\n# to come\n', ['1:1: the file holds only comments']);
  });

  it('a top level that is a list', async () => {
    await refuses('- version: 1\n- project: x\n', ['1:1: the top level must be a mapping of keys (version, project, stack, ...), not a list']);
  });

  it('a top level that is a scalar', async () => {
    await refuses('# answers\nversion 1\n', ['2:1: the top level must be a mapping of keys (version, project, stack, ...), not a single value']);
  });

  it('bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(MINIMAL.replace('Keep short notes', 'Caf')), Buffer.from([0xe9, 0x0a])]);
    await refuses(latin1, [`${MINIMAL.split('\n').length}:1: the file is not UTF-8 text: byte 0xE9 here is not UTF-8; save the file as UTF-8`]);
  });

  it('a UTF-8 byte order mark is accepted: same plans as without it', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINIMAL)]);
    // Named like the file of the previous generation, so the marker lines match: every file is unchanged.
    const r = await run(withBom, { name: 'minimal.yaml' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^unchanged plans\/technical-plan\.md$/m);
    expect(r.stdout).not.toMatch(/^wrote/m);
    expect(r.untouched).toBe(true);
  });

  it('a file past the size limit, refused before parsing', async () => {
    const big = `${MINIMAL}# ${'x'.repeat(1024 * 1024)}\n`;
    const r = await refuses(big, ['1:1: the file is larger than 1048576 bytes (1 MiB), the limit for an answers file']);
    expect(r.ms).toBeLessThan(5000);
  });
});

describe.concurrent('keys, at the CLI', () => {
  it('a duplicate key', async () => {
    const text = withProject('  team_size: 3\n');
    await refuses(text, [['team_size: 3', 'project.team_size: duplicate key "team_size"']]);
  });

  it('1: beside "1": (the same key once both are text)', async () => {
    const text = withProject('  1: a\n  "1": b\n');
    await refuses(text, [['"1": b', 'project["1"]: duplicate key "1"']]);
  });

  it('keys that are lists or mappings', async () => {
    const text = withProject('  [a, b]: 1\n  ? {c: 1}\n  : 2\n');
    await refuses(text, [
      // The yaml library's own, less clear, words for the same line are not repeated.
      `${at(text, '[a, b]')}: keys must be plain text, not lists or mappings`,
      `${at(text, '{c: 1}')}: keys must be plain text, not lists or mappings`,
    ]);
  });

  it('merge keys << are refused, never kept as a field named "<<"', async () => {
    const text = edit(
      MINIMAL,
      ['      - { name: title, type: string, required: true }\n', '      - &base { name: title, type: string, required: true }\n      - { <<: *base, name: body }\n'],
    );
    await refuses(text, [['<<', 'entities[0].fields[1]["<<"]: merge keys (<<) are not supported; write the keys out']]);
  });

  it('__proto__, constructor and prototype are unknown keys, prototypes untouched', async () => {
    const text = edit(
      withProject('  __proto__: { polluted: true }\n'),
      ['  database: postgresql\n', '  database: postgresql\n  constructor: { name: x }\n'],
      ['  - name: Note\n', '  - name: Note\n    prototype: 1\n'],
    );
    await refuses(text, [
      ['__proto__', 'project.__proto__: unknown key "__proto__"'],
      ['constructor', 'stack.constructor: unknown key "constructor"'],
      ['prototype', 'entities[0].prototype: unknown key "prototype"'],
    ]);
  });

  it('no code of ours copies parsed data with Object.assign or a hand-made deep merge', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          // Object.assign(target, { literal }) copies our own constants; any other source could be parsed data.
          for (const m of text.matchAll(/Object\.assign\s*\(\s*[\w.]+\s*,\s*(?![\s{])/g)) offenders.push(`${path}: ${m[0]}`);
          if (/Object\.assign\s*\(\s*\{/.test(text)) offenders.push(`${path}: Object.assign into a new object`);
          if (/function\s+(deep)?[mM]erge\w*\s*\(|\bdeepMerge\b|\bmergeDeep\b/.test(text)) offenders.push(`${path}: a merge function`);
          // A recursive copy by key: `out[key] = ...` inside a `for (const key in ...)` loop over data.
          if (/for\s*\(\s*const\s+\w+\s+in\s+/.test(text)) offenders.push(`${path}: for...in over an object`);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe.concurrent('tags, at the CLI: refused at the tag', () => {
  const tagged = (line: string): string => withProject(`${line}\n`);
  for (const [tag, value] of [
    ['!!js/function', '"function () { return process.exit(7) }"'],
    ['!!set', '{ a, b }'],
    ['!!omap', '[ a: 1, b: 2 ]'],
    ['!!binary', 'aGVsbG8='],
    ['!!timestamp', '2026-01-05'],
  ] as const) {
    it(tag, async () => {
      const text = tagged(`  goals: ${tag} ${value}`);
      await refuses(text, [[tag, `project.goals: unsupported tag "${tag}"`]]);
    });
  }
});

describe.concurrent('scalars, at the CLI', () => {
  it('%YAML 1.1 brings back neither no -> false nor octal numbers', async () => {
    const text = `%YAML 1.1\n---\n${edit(MINIMAL, ['  team_size: 2', '  team_size: 010'], ['  database: postgresql\n', '  database: postgresql\n  cache: no\n'])}`;
    // `no` stays the text "no", so the message is about the enum, not about a boolean.
    await refuses(text, [['no\n', 'stack.cache: must be one of: redis, memcached, none']]);
    const ok = await run(`%YAML 1.1\n---\n${edit(MINIMAL, ['  team_size: 2', '  team_size: 010'], ['Keep short notes', 'no'])}`, { command: 'resolve' });
    expect(ok.code).toBe(0);
    const model = JSON.parse(ok.stdout) as { project: { summary: unknown; team_size?: unknown; teamSize?: unknown } };
    expect(model.project.summary).toBe('no');
    expect(model.project.team_size ?? model.project.teamSize).toBe(10);
  });

  it('an integer beyond 2^53', async () => {
    const text = edit(MINIMAL, ['  team_size: 2', '  team_size: 9007199254740993']);
    await refuses(text, [['9007199254740993', 'project.team_size: integer is too large (beyond 2^53); quote it if it is text']]);
  });

  it('.inf', async () => {
    const text = edit(MINIMAL, ['  team_size: 2', '  team_size: -.inf']);
    await refuses(text, [['-.inf', 'project.team_size: infinity is not allowed; write a number']]);
  });

  it('.nan', async () => {
    const text = edit(MINIMAL, ['  team_size: 2', '  team_size: .NaN']);
    await refuses(text, [['.NaN', 'project.team_size: .nan is not allowed; write a number']]);
  });
});

describe('sizes, at the CLI', () => {
  it('an alias bomb (billion laughs) is refused within a second, at its first alias', async () => {
    const levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = withProject(`  lol:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    const r = await refuses(text, [['*a', 'project.lol.b[0]: aliases expand to more than 10000 nodes; write the values out or use fewer aliases']]);
    // The refusal itself, in-process, within a second (it takes milliseconds); the whole CLI run, start-up
    // included, with room for a busy machine.
    const started = Date.now();
    expect(readAnswers(text, 'answers.yaml').answers).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.ms).toBeLessThan(1000 + STARTUP_ALLOWANCE);
  });

  it('100,000 invalid rows: the first problems and "... N more", quickly and in bounded memory', async () => {
    const text = withProject(`  goals:\n${'  - 1\n'.repeat(100_000)}`);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const r = await run(text, { env: { NODE_OPTIONS: '--max-old-space-size=128' } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(202);
    expect(lines[0]).toBe(`answers.yaml:${at(text, '- 1', 2)} project.goals[0]: must be text (quote it: "1")`);
    expect(lines[199]).toBe(`answers.yaml:${at(text, '- 1', 2, 199)} project.goals[199]: must be text (quote it: "1")`);
    expect(lines[200]).toMatch(/^answers\.yaml:\d+:\d+: \.\.\. 99800 more problems$/);
    // The count is of the problems, not of the lines that show them.
    expect(lines[201]).toBe('answers.yaml is not valid: 100000 problems; nothing was written.');
    expect(r.stderr).not.toContain(STACK);
    expect(r.untouched).toBe(true);
    expect(r.ms).toBeLessThan(10_000 + STARTUP_ALLOWANCE);
  });
});

/** Room for a busy CI machine starting Node. */
const STARTUP_ALLOWANCE = 4000;

describe.concurrent('every cross-reference error of answers.md, at the CLI', () => {
  const t = (...pairs: [string, string][]): string => edit(REFERENCE, ...pairs);

  it('references: an unknown entity', async () => {
    const text = t(['references: Customer', 'references: Custmer']);
    await refuses(text, [['Custmer', 'entities[1].fields[1].references: unknown entity "Custmer" (did you mean "Customer"?)']]);
  });

  it('entity: an unknown entity of an endpoint and of a resource', async () => {
    const text = t(['    entity: Refund\n', '    entity: Refnd\n'], ['  - entity: Customer', '  - entity: Client']);
    await refuses(text, [
      ['Client', 'resources[0].entity: unknown entity "Client"'],
      ['Refnd', 'endpoints[3].entity: unknown entity "Refnd" (did you mean "Refund"?)'],
    ]);
  });

  it('request: field names of the entity, and a list needs an entity', async () => {
    const text = t(['request: [amount_cents, reason]', 'request: [amount, reason, created_at]'], ['    request: raw', '    request: [signature]']);
    await refuses(text, [
      ['amount,', 'endpoints[3].request[0]: unknown field "amount" in Refund (did you mean "amount_cents"?)'],
      ['created_at]', 'endpoints[3].request[2]: field "created_at" of Refund is filled in by the tool and cannot be in a request', 0, 1],
      ['[signature]', 'endpoints[4].request: a list of fields needs an "entity"; use "raw" for another body'],
    ]);
  });

  it('errors: an unknown error name', async () => {
    const text = t(['errors: [PaymentDeclined, DuplicatePayment]', 'errors: [PaymentDeclined, DuplicatePaymnt]']);
    await refuses(text, [['DuplicatePaymnt', 'endpoints[0].errors[1]: unknown error "DuplicatePaymnt" (did you mean "DuplicatePayment"?)']]);
  });

  it('integrations: an unknown integration name', async () => {
    const text = t(['integrations: [Stripe]\n  - method: GET', 'integrations: [Strpe]\n  - method: GET']);
    await refuses(text, [['Strpe', 'endpoints[0].integrations[0]: unknown integration "Strpe" (did you mean "Stripe"?)']]);
  });

  it('enum values: a default that is not one of them', async () => {
    const text = t(['default: pending', 'default: pendng']);
    await refuses(text, [['pendng', 'entities[1].fields[5].default: must be one of the values: pending, succeeded, failed, refunded (did you mean "pending"?)']]);
  });

  it('index fields: unknown fields of the entity', async () => {
    const text = t(['fields: [customer_id, created_at]', 'fields: [customer_id, creatd_at]']);
    await refuses(text, [['creatd_at', 'entities[1].indexes[0].fields[1]: unknown field "creatd_at" in Payment (did you mean "created_at"?)']]);
  });

  it('duplicate names: entities, fields, errors, integrations, modules', async () => {
    const text = t(
      ['  - name: Refund\n', '  - name: Payment\n'],
      ['{ name: reason, type: text }', '{ name: reason, type: text }\n      - { name: reason, type: string }'],
      ['  - name: billing', '  - name: customers'],
      ['{ name: InvalidSignature, status: 400', '{ name: PaymentDeclined, status: 400'],
      ['    rate_limit: 100/s\n', '    rate_limit: 100/s\n  - name: Stripe\n'],
    );
    const r = await run(text);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toContain(`answers.yaml:${at(text, 'Payment\n', 0, 1)} entities[2].name: duplicate entity "Payment"`);
    expect(lines).toContain(`answers.yaml:${at(text, 'name: reason, type: string', 6)} entities[2].fields[4].name: duplicate field "reason" in Payment`);
    expect(lines).toContain(`answers.yaml:${at(text, 'customers\n', 0, 1)} modules[1].name: duplicate module "customers"`);
    expect(lines).toContain(`answers.yaml:${at(text, 'PaymentDeclined, status: 400')} errors[3].name: duplicate error "PaymentDeclined"`);
    expect(lines).toContain(`answers.yaml:${at(text, '  - name: Stripe\n', 10, 1)} integrations[1].name: duplicate integration "Stripe"`);
    expect(r.stderr).not.toContain(STACK);
    expect(r.untouched).toBe(true);
  });

  it('duplicate method + path, resources expanded', async () => {
    const text = t(['path: /payments/{id}\n', 'path: /customers/{customerId}\n']);
    await refuses(text, [['/customers/{customerId}', 'endpoints[2].path: duplicate endpoint GET /customers/{customerId} (same as resources[0] get)']]);
  });

  it('more than one primary field', async () => {
    const text = t([
      '{ name: amount_cents, type: integer, required: true, min: 1 }\n      - { name: reason',
      '{ name: amount_cents, type: integer, required: true, min: 1, primary: true }\n      - { name: reason',
    ]);
    await refuses(text, [['primary: true }\n      - { name: reason', 'entities[2].fields[2].primary: more than one primary field in Refund (already "id")', 9]]);
  });

  it('a path parameter named twice in one path', async () => {
    const text = t(['path: /customers/{id}/payments', 'path: /customers/{id}/payments/{id}']);
    await refuses(text, [['/customers/{id}/payments/{id}', 'endpoints[1].path: path parameter "id" appears twice']]);
  });

  it('an entity in two modules', async () => {
    const text = t(['entities: [Customer]', 'entities: [Customer, Payment]']);
    await refuses(text, [['Payment, Refund]', 'modules[1].entities[0]: entity "Payment" is already in module "customers"']]);
  });

  it('response and module entities: unknown entities', async () => {
    const text = t(['entities: [Customer]', 'entities: [Customers]'], [
      '    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment\n',
      '    path: /payments/{id}\n    summary: Get one payment\n    auth: user\n    entity: Payment\n    response: Payments\n',
    ]);
    await refuses(text, [
      ['Customers', 'modules[0].entities[0]: unknown entity "Customers" (did you mean "Customer"?)'],
      ['response: Payments', 'endpoints[2].response: unknown entity "Payments" (did you mean "Payment"?)', 10],
    ]);
  });

  it('defaults, min and max, patterns, on_delete, dot segments and dates', async () => {
    const text = t(
      ['  platform: Chariot', '  start: 2026-02-30'],
      ['min: 1 }\n      - { name: currency', 'min: 10, max: 5 }\n      - { name: currency'],
      ['{ name: order_ref, type: string, required: true, max_length: 64 }', '{ name: order_ref, type: string, required: true, max_length: 64, pattern: "([a-z" }'],
      ['references: Payment, on_delete: cascade', 'references: Payment, on_delete: set-null'],
      ['{ name: reason, type: text }', '{ name: reason, type: text, default: 3, on_delete: cascade }'],
      ['path: /webhooks/stripe', 'path: /webhooks/../stripe'],
    );
    await refuses(text, [
      ['2026-02-30', 'project.start: is not a real date'],
      ['"([a-z"', 'entities[1].fields[2].pattern: is not a valid regular expression (unterminated character class)'],
      ['max: 5', 'entities[1].fields[3].max: max (5) is less than min (10)', 5],
      ['set-null', 'entities[2].fields[1].on_delete: set-null needs a field that is not required'],
      ['default: 3', 'entities[2].fields[3].default: must be text for a text field (quote it: "3")', 9],
      ['on_delete: cascade }', 'entities[2].fields[3].on_delete: only applies with "references"'],
      ['/webhooks/../stripe', 'endpoints[4].path: must not hold "." or ".." segments'],
    ]);
  });
});

describe.concurrent('names unsafe as identifiers or file names, at the CLI', () => {
  const integrations = (...names: string[]): string => `${REFERENCE.trimEnd()}\n${names.map((n) => `  - name: ${n}\n    purpose: x\n`).join('')}`;

  it('path separators', async () => {
    const text = integrations('a/b', '"c\\\\d"');
    await refuses(text, [
      ['a/b', 'integrations[1].name: must not hold "/" or "\\"'],
      ['"c\\\\d"', 'integrations[2].name: must not hold "/" or "\\"'],
    ]);
  });

  it('..', async () => {
    const text = integrations('..', 'x..y');
    await refuses(text, [
      ['..\n', 'integrations[1].name: must not hold ".."'],
      ['x..y', 'integrations[2].name: must not hold ".."'],
    ]);
  });

  it('control characters', async () => {
    const text = integrations('"Bank\\tFeed"', '"nul\\0"', '"esc\\e[31m"');
    await refuses(text, [
      ['"Bank', 'integrations[1].name: must not hold control characters'],
      ['"nul', 'integrations[2].name: must not hold control characters'],
      ['"esc', 'integrations[3].name: must not hold control characters'],
    ]);
  });

  it('over 63 bytes (or 63 characters)', async () => {
    const long = `S${'x'.repeat(63)}`;
    const text = integrations('é'.repeat(40), long);
    await refuses(text, [
      ['é', 'integrations[1].name: must be at most 63 bytes in UTF-8'],
      [long, 'integrations[2].name: must be at most 63 characters'],
    ]);
  });

  it('two names equal after case folding', async () => {
    const text = integrations('stripe');
    await refuses(text, [['- name: stripe', 'integrations[1].name: integration "stripe" differs from "Stripe" only in case', 8]]);
  });

  it('a slug that would leave the plans folder', async () => {
    const text = edit(MINIMAL, ['  team_size: 2', '  team_size: 2\n  slug: ../../etc']);
    const r = await run(text, { args: [] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^answers\\.yaml:${at(text, '../../etc')} project\\.slug: `));
    expect(r.untouched).toBe(true);
  });
});

describe.concurrent('usage errors, at the CLI: exit 2', () => {
  it('a missing answers file, a folder as the answers file, an unknown format', async () => {
    const dir = copyOf(previous);
    mkdirSync(join(dir, 'folder.yaml'));
    writeFileSync(join(dir, 'answers.yaml'), MINIMAL);
    const before = snapshot(join(dir, 'plans'));
    const missing = await runCliAsync(['generate', 'nope.yaml', '--out', 'plans'], { cwd: dir });
    const folder = await runCliAsync(['generate', 'folder.yaml', '--out', 'plans'], { cwd: dir });
    const format = await runCliAsync(['generate', 'answers.yaml', '--out', 'plans', '--format', 'blueprnt'], { cwd: dir });
    expect(missing.stderr).toBe('archplan: cannot read the answers file nope.yaml: no such file\n');
    expect(folder.stderr).toBe('archplan: cannot read the answers file folder.yaml: it is a folder\n');
    expect(format.stderr).toMatch(/^archplan: unknown format "blueprnt"/);
    for (const r of [missing, folder, format]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain(STACK);
    }
    expect(snapshot(join(dir, 'plans'))).toEqual(before);
  });
});

describe.concurrent('--debug', () => {
  it('adds the stack trace, and only then', async () => {
    const text = edit(MINIMAL, ['  team_size: 2', '  team_size: .nan']);
    const plain = await run(text);
    const debug = await run(text, { args: ['--debug'] });
    expect(plain.stderr).not.toContain(STACK);
    expect(debug.stderr).toContain(STACK);
    expect(debug.stderr.startsWith(plain.stderr)).toBe(true);
    expect(debug.code).toBe(1);
    expect(debug.untouched).toBe(true);
  });
});
