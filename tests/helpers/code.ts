// Code blocks of a plan, checked by their real toolchain: TypeScript with the compiler API (strict, no emit),
// Python with `ast.parse`, Go with `gofmt -e` (syntax), plus `go vet` (types) for a block that is a whole file.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

export interface CodeBlock {
  /** The info string's first word: `go`, `typescript`, `python`, `mermaid`, ... ('' when none). */
  lang: string;
  /** 1-based line of the opening fence in the text. */
  line: number;
  source: string;
}

export interface CodeProblem {
  lang: string;
  line: number;
  message: string;
}

/** Every fenced code block of a Markdown text, in order; a fence closes only on a run at least as long. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(lines[j] ?? '');
      if (close && (close[1] ?? '')[0] === fence[0] && (close[1] ?? '').length >= fence.length) break;
      body.push(lines[j++] ?? '');
    }
    blocks.push({ lang: (open[2] ?? '').toLowerCase(), line: i + 1, source: body.length ? `${body.join('\n')}\n` : '' });
    i = j;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// TypeScript

const TS_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: true,
  isolatedModules: false,
};

let tsHost: ts.CompilerHost | undefined;

/** Type-checks one TypeScript source as a module of its own; returns the diagnostics as `line:col message`. */
export function typeScriptErrors(source: string): string[] {
  const fileName = '/__plan__/block.ts';
  tsHost ??= ts.createCompilerHost(TS_OPTIONS, true);
  const base = tsHost;
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (f) => f === fileName || base.fileExists(f),
    readFile: (f) => (f === fileName ? source : base.readFile(f)),
    getSourceFile: (f, lang, onError, create) =>
      f === fileName ? ts.createSourceFile(f, source, lang, true) : base.getSourceFile(f, lang, onError, create),
  };
  const program = ts.createProgram([fileName], TS_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName === fileName ? '' : `${d.file.fileName} `}${line + 1}:${character + 1} ${text}`;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Python

/** `ast.parse` on the source; '' when it parses, else Python's message. */
export function pythonError(source: string): string {
  const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.status === 0 ? '' : (r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${String(r.status)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Go

/** gofmt from PATH, or where Debian's golang-go puts it. */
export function gofmtPath(): string {
  for (const p of ['/usr/bin/gofmt', '/usr/lib/go/bin/gofmt', '/usr/local/go/bin/gofmt']) if (existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v gofmt'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error('gofmt not found: install golang-go');
}

function goPath(): string {
  for (const p of ['/usr/bin/go', '/usr/lib/go/bin/go', '/usr/local/go/bin/go']) if (existsSync(p)) return p;
  return 'go';
}

/** `gofmt -e` on the source (a file or a list of declarations): syntax errors, and the canonical formatting. */
export function gofmt(source: string): { error: string; formatted: string } {
  const r = spawnSync(gofmtPath(), ['-e'], { input: source, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { error: r.status === 0 ? '' : r.stderr.trim(), formatted: r.status === 0 ? r.stdout : '' };
}

/**
 * `go vet` on a whole Go file (one with a package clause) in a throwaway module, offline: catches undeclared
 * names, missing imports and unused imports that gofmt does not see. '' when clean.
 */
export function goVetError(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'archplan-go-'));
  try {
    writeFileSync(join(dir, 'go.mod'), 'module check\n\ngo 1.19\n');
    writeFileSync(join(dir, 'plan.go'), source);
    const r = spawnSync(goPath(), ['vet', './...'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', GO111MODULE: 'on' },
    });
    if (r.error) throw r.error;
    return r.status === 0 ? '' : r.stderr.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------

const TS_LANGS = new Set(['typescript', 'ts']);
const PY_LANGS = new Set(['python', 'py']);
const GO_LANGS = new Set(['go', 'golang']);

/** Languages this module checks; a test can assert that a plan's code blocks are all among them. */
export function isCheckedLanguage(lang: string): boolean {
  return TS_LANGS.has(lang) || PY_LANGS.has(lang) || GO_LANGS.has(lang);
}

/**
 * Checks every TypeScript, Python and Go block of a Markdown text by its toolchain. Go blocks must also be
 * gofmt's canonical layout (a plan's code reads as the team's formatter would leave it).
 */
export function codeProblems(markdown: string, options: { goVet?: boolean } = {}): CodeProblem[] {
  const problems: CodeProblem[] = [];
  for (const b of codeBlocks(markdown)) {
    const add = (message: string): void => {
      problems.push({ lang: b.lang, line: b.line, message });
    };
    if (TS_LANGS.has(b.lang)) {
      for (const e of typeScriptErrors(b.source)) add(e);
    } else if (PY_LANGS.has(b.lang)) {
      const e = pythonError(b.source);
      if (e) add(e);
    } else if (GO_LANGS.has(b.lang)) {
      const { error, formatted } = gofmt(b.source);
      if (error) add(error);
      else if (formatted !== b.source) add('not in gofmt layout');
      if (!error && options.goVet !== false && /^package \w+/m.test(b.source)) {
        const vet = goVetError(b.source);
        if (vet) add(vet);
      }
    }
  }
  return problems;
}
