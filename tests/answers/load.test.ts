import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readAnswers } from '../../src/answers/index.js';
import { at, edit, fixture, payments, problemsOf } from './helpers.js';

const minimal = fixture('minimal.yaml');

describe('loading YAML', () => {
  it('accepts the minimal fixture and the reference file', () => {
    expect(problemsOf(minimal)).toEqual([]);
    expect(problemsOf(payments, 'payments.yaml')).toEqual([]);
    expect(readAnswers(payments, 'payments.yaml').answers?.project.name).toBe('Payments');
  });

  it('reports a syntax error at its position', () => {
    expect(problemsOf('version: 1\nproject:\n    name: x\n  summary: y\n')).toEqual([
      'a.yaml:4:3: "summary" is indented 2 spaces but "name" on line 3 is indented 4: line them up (the keys of one mapping start at the same column)',
    ]);
    // What the slips explain aside, yaml's words are kept.
    expect(problemsOf('version: 1\nproject: &a &b x\n')).toEqual(['a.yaml:2:13: yaml: a node can have at most one anchor']);
  });

  it('words the everyday layout slips plainly, with the fix, at the line at fault and only once', () => {
    const slip = (from: string, to: string): string[] => problemsOf(edit(minimal, [from, to]));
    const keys = (a: string, n: number, b: string, line: number, m: number) =>
      `"${a}" is indented ${n} spaces but "${b}" on line ${line} is indented ${m}: line them up (the keys of one mapping start at the same column)`;
    // A key less indented than the keys above it, in a mapping and in a list item.
    expect(slip('  summary: Keep short notes', ' summary: Keep short notes')).toEqual([
      `a.yaml:${at(minimal, 'summary', -1)}: ${keys('summary', 1, 'name', 4, 2).replace('1 spaces', '1 space')}`,
    ]);
    expect(slip('    fields:', '   fields:')).toEqual([`a.yaml:${at(minimal, 'fields:', -1)}: ${keys('fields', 3, 'name', 11, 4)}`]);
    // More indented than the key above, which has a value.
    expect(slip('  summary: Keep short notes', '    summary: Keep short notes')).toEqual([
      `a.yaml:${at(minimal, 'summary', 2)}: "summary" is indented 4 spaces, more than "name" on line 4 (2), which has a value and so holds no keys: line them up, or move that value`,
    ]);
    // A list item out of line with the items above it, less or more indented.
    const item = (n: number) => `this list item is indented ${n} spaces but the one on line 13 is indented 6: line them up (the items of one list start at the same column)`;
    const second = '      - { name: title, type: string, required: true }\n';
    const two = edit(minimal, [second, `${second}${second.replace('title', 'body')}`]);
    expect(problemsOf(edit(two, [`${second}      - { name: body`, `${second}     - { name: body`]))).toEqual([`a.yaml:14:6: ${item(5)}`]);
    expect(problemsOf(edit(two, [`${second}      - { name: body`, `${second}        - { name: body`]))).toEqual([`a.yaml:14:9: ${item(8)}`]);
    // No space after the dash.
    expect(slip('      - { name: title', '      -{ name: title')).toEqual([
      `a.yaml:${at(minimal, '- { name: title')}: a list item needs a space after "-": write - { name: title, type: string, required: true }`,
    ]);
    expect(slip('  - name: Note', '  -name: Note')).toEqual([`a.yaml:${at(minimal, '- name: Note')}: a list item needs a space after "-": write - name: Note`]);
    // A list item out of line with its own keys: one problem for the section, not one per key after it.
    const gateway = edit(payments, ['  - name: Stripe\n', '   - name: Stripe\n']);
    expect(problemsOf(gateway)).toEqual([
      `a.yaml:${at(gateway, 'purpose: ')}: "purpose" is indented 4 spaces but "name" on line 135 is indented 5: line them up (the keys of one mapping start at the same column)`,
    ]);
    // A line of a block of text that lost its indentation is not a key without its colon.
    const folded = edit(payments, ['    per customer, and issue refunds.', '  per customer, and issue refunds.']);
    expect(problemsOf(folded)).toEqual([
      `a.yaml:${at(folded, 'per customer, and')}: this line reads as text of "summary" (after >- on line 9) but is not indented as that text: indent every line of it the same, more than "summary"`,
    ]);
    // An indented first line: every line after it is out of place, one problem says why.
    expect(slip('version: 1', ' version: 1')).toEqual(['a.yaml:2:2: the first key, "version", is indented 1 space; the top-level keys start at the beginning of the line: remove the indentation']);
  });

  it('says a tab or a bracket left open once, not again for each line after it that the parser then misreads', () => {
    const tab = edit(payments, ['    path: /payments\n', '   \t path: /payments\n']);
    expect(problemsOf(tab)).toEqual([`a.yaml:${at(tab, '\t')}: tabs are not allowed as indentation; use spaces`]);
    const bracket = edit(payments, ['fields: [customer_id, created_at] }', 'fields: [customer_id, cre[ated_at] }']);
    expect(problemsOf(bracket)).toEqual([
      `a.yaml:${at(bracket, '{ fields')}: the { opened here is never closed: end the mapping with } (on the same line, or on lines indented more than its key)`,
      `a.yaml:${at(bracket, '[customer_id')}: the [ opened here is never closed: end the list with ] (on the same line, or on lines indented more than its key)`,
    ]);
  });

  it('words the everyday slips of a single line plainly, with what to write', () => {
    const slip = (from: string, to: string): string[] => problemsOf(edit(minimal, [from, to]));
    const value = at(minimal, 'Keep short notes');
    expect(slip('Keep short notes', '@notes team')).toEqual([`a.yaml:${value}: a value starting with "@" must be quoted: write summary: "@notes team"`]);
    expect(slip('Keep short notes', '%d notes')).toEqual([`a.yaml:${value}: a value starting with "%" must be quoted: write summary: "%d notes"`]);
    expect(slip('Keep short notes', ', notes')).toEqual([`a.yaml:${value}: a value starting with "," must be quoted: write summary: ", notes"`]);
    expect(slip('Keep short notes', '`notes`')).toEqual([`a.yaml:${value}: a value starting with a backquote must be quoted: write summary: "\`notes\`"`]);
    expect(slip('Keep short notes', '"Short" notes')).toEqual([`a.yaml:${value}: text follows the closing quote: quote the whole value: write summary: '"Short" notes'`]);
    expect(slip('Keep short notes', '[draft] notes')).toEqual([
      `a.yaml:${value}: a value starting with [ is a list, and text follows its ]: for text, quote the whole value: write summary: "[draft] notes"`,
    ]);
    expect(slip('Keep short notes', '- short notes')).toEqual([
      `a.yaml:${value}: a list cannot start on its key's line: put each item ("- ...") on a line of its own below the key, indented, or quote the text`,
    ]);
    expect(slip('  summary: Keep short notes', '  summary Keep short notes')).toEqual([`a.yaml:${at(minimal, 'summary')}: a key needs a colon after it: write summary: Keep short notes`]);
    expect(problemsOf('a: [x, , y]\nb: [x, [y] z]\nc: [, x]\nd: [x [y]]\n')).toEqual([
      'a.yaml:1:8: nothing stands between this comma and the one before it (or the bracket): remove the comma, or write the missing item',
      'a.yaml:2:12: a comma is missing before this item of the [ ] list',
      'a.yaml:3:5: nothing stands between this comma and the one before it (or the bracket): remove the comma, or write the missing item',
      'a.yaml:4:7: a comma is missing before this item of the [ ] list',
    ]);
    const comma = edit(payments, ['{ name: id, type: uuid, primary: true }', '{ name: id, type: uuid primary: true }']);
    expect(problemsOf(comma)).toEqual([`a.yaml:${at(comma, 'primary: true }')}: a comma is missing before "primary": write uuid, primary:`]);
    const bare = edit(payments, ['\nintegrations:\n', '\nintegrations\n']);
    expect(problemsOf(bare)).toEqual([`a.yaml:${at(bare, 'integrations\n')}: a key needs a colon after it: write integrations:`]);
    expect(slip('team_size: 2', 'team_size: [2]]')).toEqual([`a.yaml:${at(minimal, 'team_size: 2', 14)}: this ] closes no [: remove it`]);
  });

  it('reports a [ or { that is never closed at the bracket, not where the parser gave up', () => {
    const closing = (what: 'list' | 'mapping'): string =>
      what === 'list'
        ? 'the [ opened here is never closed: end the list with ] (on the same line, or on lines indented more than its key)'
        : 'the { opened here is never closed: end the mapping with } (on the same line, or on lines indented more than its key)';
    expect(problemsOf('version: 1\nproject: [a, b\nstack: 3\n')).toEqual([`a.yaml:2:10: ${closing('list')}`]);
    // At the end of the file, and nested in a block list.
    const text = `${minimal.trimEnd().replace('type: string, required: true }', 'type: string, required: true')}\n      - { name: body, type: text }\nendpoints:\n  - { method: GET, path: /notes, errors: [A, B\n`;
    expect(problemsOf(text)).toEqual([
      `a.yaml:${at(text, '{ name: title')}: ${closing('mapping')}`,
      `a.yaml:${at(text, '{ method')}: ${closing('mapping')}`,
      `a.yaml:${at(text, '[A, B')}: ${closing('list')}`,
    ]);
    // A bracket closed by the other kind is still unclosed; the outer one too.
    expect(problemsOf('a: {x: 1, y: [1, 2}\n')).toEqual([`a.yaml:1:4: ${closing('mapping')}`, `a.yaml:1:14: ${closing('list')}`]);
  });

  it('says what to write for a key without a space after its colon, and a value holding ": "', () => {
    const noSpace = minimal.replace('  database: postgresql', '  database:postgresql');
    expect(problemsOf(noSpace)).toEqual([`a.yaml:${at(noSpace, 'database:')}: a key needs a space after its colon: write database: postgresql`]);
    const colon = minimal.replace('  summary: Keep short notes', '  summary: Notes: short ones');
    expect(problemsOf(colon)).toEqual([`a.yaml:${at(colon, 'Notes: short')}: a value holding ": " must be quoted: write summary: "Notes: short ones"`]);
  });

  it('reports a quote that is never closed at the quote', () => {
    expect(problemsOf('version: 1\nproject:\n  name: "Notes\n  summary: x\n')).toEqual(['a.yaml:3:9: the " opened here is never closed: end the text with "']);
    expect(problemsOf("version: 1\nproject: 'Notes\n")).toEqual(["a.yaml:2:10: the ' opened here is never closed: end the text with '"]);
  });

  it('refuses tabs as indentation', () => {
    expect(problemsOf('version: 1\nproject:\n\tname: x\n')).toEqual([
      'a.yaml:3:1: tabs are not allowed as indentation; use spaces',
    ]);
  });

  it('refuses several documents', () => {
    expect(problemsOf('version: 1\n---\nversion: 2\n')).toEqual([
      'a.yaml:2:1: the file holds 2 YAML documents; an answers file is one document',
    ]);
  });

  it('refuses an empty or comments-only file', () => {
    expect(problemsOf('')).toEqual(['a.yaml:1:1: the file is empty']);
    expect(problemsOf('  \n\n')).toEqual(['a.yaml:1:1: the file is empty']);
    expect(problemsOf('# nothing\n   \n# here\n')).toEqual(['a.yaml:1:1: the file holds only comments']);
  });

  it('refuses a top level that is a list or a scalar', () => {
    expect(problemsOf('- a\n- b\n')).toEqual([
      'a.yaml:1:1: the top level must be a mapping of keys (version, project, stack, ...), not a list',
    ]);
    expect(problemsOf('# answers\nhello\n')).toEqual([
      'a.yaml:2:1: the top level must be a mapping of keys (version, project, stack, ...), not a single value',
    ]);
  });

  it('calls a file of a document marker alone empty, not "only comments"', () => {
    expect(problemsOf('---\n')).toEqual(['a.yaml:1:1: the file is empty']);
    expect(problemsOf('---\n# to come\n')).toEqual(['a.yaml:1:1: the file holds only comments']);
  });

  it('refuses bytes that are not UTF-8, and accepts a BOM', () => {
    const latin1 = Uint8Array.from([...Buffer.from('version: 1\nproject:\n  name: Caf'), 0xe9, 0x0a]);
    // At the first byte that is not UTF-8 (é saved as Latin-1), with what to do.
    expect(problemsOf(latin1)).toEqual(['a.yaml:3:12: the file is not UTF-8 text: byte 0xE9 here is not UTF-8; save the file as UTF-8']);
    expect(problemsOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('a: "é"\nb: x'), 0xc3]))).toEqual([
      'a.yaml:2:5: the file is not UTF-8 text: byte 0xC3 here is not UTF-8; save the file as UTF-8',
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal)]);
    expect(problemsOf(bom)).toEqual([]);
    expect(problemsOf(`\ufeff${minimal}`)).toEqual([]);
    // Positions do not count the BOM.
    expect(problemsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('version: 1\nversion: 1\n')]))).toEqual([
      'a.yaml:2:1 version: duplicate key "version"',
    ]);
    // Decoding drops the bytes' BOM, then the text's own is dropped as a string's: three BOMs in the bytes read as
    // two in a string (yaml drops the last), where a string's third is part of its first key.
    const duplicate = ['a.yaml:2:1 version: duplicate key "version"'];
    expect(problemsOf(Buffer.from('\ufeff\ufeff\ufeffversion: 1\nversion: 1\n'))).toEqual(duplicate);
    expect(problemsOf('\ufeff\ufeffversion: 1\nversion: 1\n')).toEqual(duplicate);
    expect(problemsOf('\ufeff\ufeff\ufeffversion: 1\nversion: 1\n')[0]).toMatch(/^a\.yaml:1:2 \["\ufeffversion"\]: unknown key/);
  });

  it('refuses a file past the size limit before parsing it', () => {
    expect(MAX_FILE_BYTES).toBe(1024 * 1024);
    const big = `version: 1\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const started = Date.now();
    const message = 'a.yaml:1:1: the file is larger than 1048576 bytes (1 MiB), the limit for an answers file';
    expect(problemsOf(big)).toEqual([message]);
    expect(problemsOf(Buffer.from(big))).toEqual([message]);
    // Multi-byte characters count in bytes: 400,000 "é" are 800,000 bytes (fine), 600,000 are too many.
    expect(problemsOf(`# ${'é'.repeat(600_000)}\n`)).toEqual([message]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses duplicate keys, also 1 beside "1"', () => {
    expect(problemsOf('version: 1\nversion: 1\n')).toEqual(['a.yaml:2:1 version: duplicate key "version"']);
    expect(problemsOf('project:\n  1: a\n  "1": b\n')).toEqual(['a.yaml:3:3 project["1"]: duplicate key "1"']);
  });

  it('refuses keys that are lists or mappings', () => {
    expect(problemsOf('project:\n  [a]: 1\n')).toEqual(['a.yaml:2:3: keys must be plain text, not lists or mappings']);
    expect(problemsOf('project:\n  {a: 1}: 1\n')).toEqual(['a.yaml:2:3: keys must be plain text, not lists or mappings']);
  });

  it('refuses merge keys, never keeping a field named <<', () => {
    const text = 'base: &b {name: x}\nproject:\n  <<: *b\n  summary: y\n';
    expect(problemsOf(text)).toEqual([
      'a.yaml:3:3 project["<<"]: merge keys (<<) are not supported; write the keys out',
    ]);
    expect(readAnswers(text, 'a.yaml').answers).toBeNull();
  });

  it('bounds aliases (billion laughs) and locates the first alias', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `${levels.join('\n')}\n`;
    const started = Date.now();
    expect(problemsOf(text)).toEqual([
      'a.yaml:2:8 b[0]: aliases expand to more than 10000 nodes; write the values out or use fewer aliases',
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('accepts a few aliases, expanded as copies', () => {
    const text = minimal.replace('    fields:\n', '    fields: &f\n') + '  - name: Other\n    fields: *f\n';
    const read = readAnswers(text, 'a.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers?.entities[1]?.fields).toEqual(read.answers?.entities[0]?.fields);
    expect(read.answers?.entities[1]?.fields).not.toBe(read.answers?.entities[0]?.fields);
  });

  it('refuses an alias whose anchor is missing or comes after it, rather than reading it as empty', () => {
    expect(problemsOf('version: 1\nstack: *base\n')).toEqual(['a.yaml:2:8 stack: no anchor &base before the alias *base']);
    expect(problemsOf('a: *x\nb: &x 1\n')).toEqual(['a.yaml:1:4 a: no anchor &x before the alias *x']);
  });

  it('refuses an alias inside the node it names', () => {
    expect(problemsOf('a: &x [1, *x]\n')).toEqual(['a.yaml:1:11 a[1]: an alias cannot refer to a node that contains it']);
  });

  it('refuses tags other than the core ones, at the tag', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: !!binary aGk=',
      '  goals: !!set {a, b}',
      '  start: !!timestamp 2026-01-01',
      '  x: !!js/function "function(){}"',
      '  y: !foo bar',
      '  z: !!omap [a: 1]',
      '',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      `a.yaml:${at(text, '!!binary')} project.name: unsupported tag "!!binary"`,
      `a.yaml:${at(text, '!!set')} project.goals: unsupported tag "!!set"`,
      `a.yaml:${at(text, '!!timestamp')} project.start: unsupported tag "!!timestamp"`,
      `a.yaml:${at(text, '!!js/function')} project.x: unsupported tag "!!js/function"`,
      `a.yaml:${at(text, '!foo')} project.y: unsupported tag "!foo"`,
      `a.yaml:${at(text, '!!omap')} project.z: unsupported tag "!!omap"`,
    ]);
  });

  it('accepts explicit core tags', () => {
    const read = readAnswers(minimal.replace('name: Notes', 'name: !!str 2026'), 'a.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers?.project.name).toBe('2026');
  });

  it('refuses integers beyond 2^53, .inf and .nan at their position', () => {
    const text = 'version: 1\nproject:\n  team_size: 12345678901234567890\n  a: .inf\n  b: .nan\n  c: -.inf\n';
    expect(problemsOf(text)).toEqual([
      'a.yaml:3:14 project.team_size: integer is too large (beyond 2^53); quote it if it is text',
      'a.yaml:4:6 project.a: infinity is not allowed; write a number',
      'a.yaml:5:6 project.b: .nan is not allowed; write a number',
      'a.yaml:6:6 project.c: infinity is not allowed; write a number',
    ]);
  });

  it('reads YAML 1.2 core even under a %YAML 1.1 directive: no stays a string, 0777 stays decimal', () => {
    const text = `%YAML 1.1\n---\n${minimal.replace('name: Notes', 'name: no').replace('team_size: 2', 'team_size: 010')}`;
    const read = readAnswers(text, 'a.yaml');
    expect(read.problems).toEqual([]);
    expect(read.answers?.project.name).toBe('no');
    expect(read.answers?.project.team_size).toBe(10);
    expect(readAnswers(minimal.replace('name: Notes', 'name: yes'), 'a.yaml').answers?.project.name).toBe('yes');
  });

  it('treats __proto__, constructor and prototype as ordinary unknown keys', () => {
    const text = `${minimal}__proto__: {polluted: true}\nconstructor: x\nprototype: y\n`;
    expect(problemsOf(text)).toEqual([
      `a.yaml:${at(text, '__proto__')} __proto__: unknown key "__proto__"`,
      `a.yaml:${at(text, 'constructor')} constructor: unknown key "constructor"`,
      `a.yaml:${at(text, 'prototype')} prototype: unknown key "prototype"`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = minimal.replace('  language: go', '  language: go\n  __proto__: {language: python}');
    expect(problemsOf(nested)).toEqual([`a.yaml:${at(nested, '__proto__')} stack.__proto__: unknown key "__proto__"`]);
  });
});

describe('locate', () => {
  it('finds the line and column of a key path, or the nearest existing node', () => {
    const read = readAnswers(payments, 'payments.yaml');
    expect(read.locate('')).toEqual({ line: 1, col: 1 });
    expect(read.locate('endpoints[0].errors[1]')).toEqual(pos(at(payments, 'DuplicatePayment]')));
    expect(read.locate('stack.language')).toEqual(pos(at(payments, 'go ')));
    expect(read.locate('endpoints[0].errors[9]')).toEqual(pos(at(payments, '[PaymentDeclined, DuplicatePayment]')));
    expect(read.locate('stack.nothing.here')).toEqual(pos(at(payments, 'language: go')));
  });
});

function pos(lineCol: string): { line: number; col: number } {
  const [line, col] = lineCol.split(':').map(Number);
  return { line: line!, col: col! };
}

describe('loading YAML, edge cases', () => {
  it('accepts CRLF line ends, with the same positions', () => {
    const crlf = minimal.replace(/\n/g, '\r\n');
    expect(problemsOf(crlf)).toEqual([]);
    const bad = crlf.replace('database: postgresql', 'database: postgres');
    expect(problemsOf(bad)).toEqual([
      `a.yaml:${at(minimal, 'postgresql')} stack.database: must be one of: postgresql, mysql, sqlite, dynamodb, mongodb, neo4j (did you mean "postgresql"?)`,
    ]);
  });

  it('refuses merge keys under a %YAML 1.1 directive too', () => {
    const text = '%YAML 1.1\n---\nbase: &b {name: x}\nproject:\n  <<: *b\n';
    expect(problemsOf(text)).toEqual(['a.yaml:5:3 project["<<"]: merge keys (<<) are not supported; write the keys out']);
  });

  it('accepts a trailing document marker with nothing after it', () => {
    expect(problemsOf(`${minimal}---\n`)).toEqual([]);
    expect(problemsOf(`${minimal}---\n# notes\n`)).toEqual([]);
  });

  it('refuses nesting deeper than 64 levels, and survives much deeper input', () => {
    const deep = `a: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(problemsOf(deep)).toEqual(['a.yaml:1:68 a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested more than 64 levels deep']);
    const deeper = `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const read = readAnswers(deeper, 'a.yaml');
    expect(read.answers).toBeNull();
    expect(read.problems.length).toBeGreaterThan(0);
  });
});
