// Every check of a generated Markdown plan at once, as lines a failing test prints: Markdown sanity, each
// Mermaid block through Mermaid's parser, each TypeScript, Python and Go block through its toolchain.

import { codeProblems } from './code.js';
import { markdownProblems, type MarkdownCheckOptions } from './markdown.js';
import { mermaidProblems } from './mermaid.js';

export async function planProblems(markdown: string, options: MarkdownCheckOptions & { goVet?: boolean } = {}): Promise<string[]> {
  return [
    ...markdownProblems(markdown, options).map((p) => `line ${p.line}: ${p.message}`),
    ...(await mermaidProblems(markdown)).map((p) => `line ${p.line}: mermaid: ${p.message}`),
    ...codeProblems(markdown, options).map((p) => `line ${p.line}: ${p.lang}: ${p.message}`),
  ];
}
