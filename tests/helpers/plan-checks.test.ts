// The shared plan checkers must catch what they exist to catch, and pass what is fine.

import { describe, expect, it } from 'vitest';
import { codeBlocks, codeProblems, gofmt, pythonError, typeScriptErrors } from './code.js';
import { headings, markdownProblems, section, tableCells } from './markdown.js';
import { mermaidBlocks, mermaidProblems } from './mermaid.js';

describe('mermaid', () => {
  it('finds every block and parses good diagrams', async () => {
    const text = 'x\n```mermaid\nflowchart TD\n  a["A"] --> b\n```\n\n````mermaid\nerDiagram\n  A ||--o{ B : has\n````\n';
    expect(mermaidBlocks(text).map((b) => b.line)).toEqual([2, 7]);
    expect(await mermaidProblems(text)).toEqual([]);
  });
  it('reports a diagram that does not parse, at its fence line', async () => {
    const problems = await mermaidProblems('# t\n\n```mermaid\nflowchart TD\n  a --> \n```\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toMatch(/Parse error/);
  });
  it('parses a gantt chart with dates', async () => {
    const gantt = '```mermaid\ngantt\n  dateFormat YYYY-MM-DD\n  section A\n  Task one :t1, 2027-01-11, 7d\n  Task two :t2, after t1, 14d\n```\n';
    expect(await mermaidProblems(gantt)).toEqual([]);
  });
});

describe('code', () => {
  it('reads fences of any length with their language', () => {
    const blocks = codeBlocks('````go\ntype A struct{}\n```\n````\n\n```python\nx = 1\n```\n');
    expect(blocks.map((b) => [b.lang, b.line, b.source])).toEqual([
      ['go', 1, 'type A struct{}\n```\n'],
      ['python', 6, 'x = 1\n'],
    ]);
  });
  it('type-checks TypeScript', () => {
    expect(typeScriptErrors('export interface A { id: string; at: Date | null }\n')).toEqual([]);
    expect(typeScriptErrors('export interface A { b: Missing }\n').join()).toMatch(/Cannot find name 'Missing'/);
    expect(typeScriptErrors('export interface A { b: string \n').join()).toMatch(/'}' expected/);
  });
  it('parses Python', () => {
    expect(pythonError('class A:\n    x: int = 1\n')).toBe('');
    expect(pythonError('class A:\nx = 1\n')).toMatch(/IndentationError|expected an indented block/);
  });
  it('runs gofmt and go vet', () => {
    expect(gofmt('type A struct {\n\tX string `json:"x"\n}\n').error).toMatch(/raw string literal not terminated/);
    const good = 'package m\n\nimport "time"\n\ntype A struct {\n\tAt time.Time `json:"at"`\n}\n';
    expect(codeProblems('```go\n' + good + '```\n')).toEqual([]);
    const misaligned = 'type A struct {\n\tX string `json:"x"`\n\tLonger int `json:"y"`\n}\n';
    expect(codeProblems('```go\n' + misaligned + '```\n').map((p) => p.message)).toEqual(['not in gofmt layout']);
    const undeclared = 'package m\n\ntype A struct {\n\tB Missing\n}\n';
    expect(codeProblems('```go\n' + undeclared + '```\n')[0]?.message).toMatch(/undeclared name: Missing/);
  });
});

describe('markdown', () => {
  it('lists headings outside code', () => {
    const text = '# A\n\n```\n# not\n```\n## B ##\n### C\n';
    expect(headings(text).map((h) => [h.level, h.text])).toEqual([[1, 'A'], [2, 'B'], [3, 'C']]);
    expect(section(text, 'B')).toBe('### C\n');
  });
  it('splits table rows on unescaped pipes', () => {
    expect(tableCells('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
    expect(tableCells('| a |  |')).toEqual(['a', '']);
  });
  it('passes a clean document', () => {
    const text = '# T\n\n| a | b |\n| --- | --- |\n| 1 | x \\| y |\n\n```ts\nlet a: string | null;\n```\n\non delete set-null\n';
    expect(markdownProblems(text)).toEqual([]);
  });
  it('reports every kind of problem', () => {
    const text = '| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n| 1 |  |\n\nvalue: undefined, [object Object], NaN, null\n\n```\nopen\n';
    expect(markdownProblems(text).map((p) => `${p.line} ${p.message}`)).toEqual([
      '3 row has 3 cells, header 2',
      '4 empty table cell',
      '6 "undefined" in the text',
      '6 "[object Object]" in the text',
      '6 "NaN" in the text',
      '6 "null" in the text',
      '8 code fence never closed',
    ]);
  });
});

describe('planProblems', () => {
  it('reports Markdown, Mermaid and code problems together', async () => {
    const { planProblems } = await import('./sanity.js');
    const text = '| a |\n| --- |\n| 1 | 2 |\n\n```mermaid\nflowchart TD\n  a -->\n```\n\n```python\ndef f(:\n```\n';
    const problems = await planProblems(text);
    expect(problems.map((p) => p.split(':').slice(0, 2).join(':'))).toEqual(['line 3: row has 2 cells, header 1', 'line 5: mermaid', 'line 10: python']);
    expect(await planProblems('# Fine\n\n```typescript\nexport const a: number = 1;\n```\n')).toEqual([]);
  });
});
