// Every ```mermaid block of a text, parsed by Mermaid's own parser in Node: jsdom stands in for the browser
// window Mermaid (and its DOMPurify) expects; parsing needs no layout, so no real browser is required.

import { JSDOM } from 'jsdom';

/** One Mermaid block: its 1-based line in the text (the fence line), its diagram source. */
export interface MermaidBlock {
  line: number;
  source: string;
}

export interface MermaidProblem {
  line: number;
  message: string;
}

/** The ```mermaid fenced blocks of a Markdown text, in order (any fence length of three or more backticks). */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const lines = markdown.split('\n');
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})mermaid\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() !== fence) body.push(lines[j++] ?? '');
    blocks.push({ line: i + 1, source: body.join('\n') });
    i = j;
  }
  return blocks;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<unknown>;
}

let loaded: Promise<MermaidApi> | undefined;

/** Mermaid, loaded once per test file with a jsdom window in place. */
function mermaid(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    if (g.window === undefined) {
      const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
      g.window = dom.window;
      g.document = dom.window.document;
    }
    const mod = (await import('mermaid')) as unknown as { default: MermaidApi };
    mod.default.initialize({ startOnLoad: false });
    return mod.default;
  })();
  return loaded;
}

/** Parses one diagram; resolves to the error message, or '' when it parses. */
export async function mermaidError(source: string): Promise<string> {
  const api = await mermaid();
  try {
    await api.parse(source);
    return '';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Parses every Mermaid block of a Markdown text; returns the ones that do not parse, with Mermaid's message. */
export async function mermaidProblems(markdown: string): Promise<MermaidProblem[]> {
  const problems: MermaidProblem[] = [];
  for (const block of mermaidBlocks(markdown)) {
    const message = await mermaidError(block.source);
    if (message) problems.push({ line: block.line, message });
  }
  return problems;
}
