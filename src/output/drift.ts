// Drift: do the plans on disk still say what the answers produce? The comparison and the diff are pure; reading
// the output folder (links never followed, only the first line of unknown files read) is the one I/O here.

import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { RenderedFile } from '../render/index.js';
import { hasMarker } from '../render/marker.js';

export type DriftStatus = 'unchanged' | 'changed' | 'missing' | 'stale';

/** What is on disk where a plan file belongs. */
export type OnDisk =
  | { kind: 'file'; content: string }
  | { kind: 'absent' }
  /** A folder, a link or another non-file: never read, never followed. */
  | { kind: 'other'; what: string };

export interface DriftEntry {
  /** File name inside the output folder. */
  file: string;
  status: DriftStatus;
  /** Unified diff from the file on disk to what the answers produce; '' when there is none to show. */
  diff: string;
  /** One sentence for a person: what is wrong and what to do. */
  note: string;
}

export interface DriftReport {
  entries: DriftEntry[];
  /** True when every produced file is on disk byte for byte and nothing is stale. */
  clean: boolean;
}

/** A plan found, as it was rendered, to be on disk byte for byte (see matchesOnDisk): nothing more to compare. */
export interface MatchedFile {
  file: string;
  matched: true;
}

/**
 * Compares rendered files with what is on disk, one at a time (`rendered` may render each only when asked, so only
 * one plan and its file are held at once). `stale` are the marked files in the output folder that the answers no
 * longer produce (the caller looks for them only when every format was rendered).
 */
export function compareWithDisk(
  rendered: Iterable<RenderedFile | MatchedFile>,
  onDisk: (file: string) => OnDisk,
  stale: readonly string[],
  label: { answers: string; outDir: string },
): DriftReport {
  const entries: DriftEntry[] = [];
  const produced = new Set<string>();
  for (const f of rendered) {
    produced.add(f.file);
    entries.push('matched' in f ? { file: f.file, status: 'unchanged', diff: '', note: '' } : compareOne(f, onDisk(f.file), label));
  }
  for (const file of [...stale].filter((s) => !produced.has(s)).sort(byText)) {
    entries.push({
      file,
      status: 'stale',
      diff: '',
      note: `${file} carries the archplan marker, but ${label.answers} no longer produces it: delete it`,
    });
  }
  return { entries, clean: entries.every((e) => e.status === 'unchanged') };
}

/** One rendered file against what is on disk where it belongs. */
function compareOne(f: RenderedFile, found: OnDisk, label: { answers: string; outDir: string }): DriftEntry {
  if (found.kind === 'absent') {
    return { file: f.file, status: 'missing', diff: '', note: `${label.answers} produces ${f.file}, and it is not in ${label.outDir}` };
  }
  if (found.kind === 'other') {
    return { file: f.file, status: 'changed', diff: '', note: `${found.what} is where ${f.file} belongs` };
  }
  if (found.content === f.content) return { file: f.file, status: 'unchanged', diff: '', note: '' };
  if (found.content.replace(/\r\n/g, '\n') === f.content) {
    // Typically git's autocrlf on Windows: a diff of every line would hide the cause.
    return {
      file: f.file,
      status: 'changed',
      diff: '',
      note: `${f.file} differs only in its line endings (CRLF on disk; archplan writes \\n): add "${label.outDir}/** text eol=lf" to .gitattributes`,
    };
  }
  return {
    file: f.file,
    status: 'changed',
    diff: unifiedDiff(join(label.outDir, f.file), found.content, f.content),
    note: `${f.file} differs from what ${label.answers} produces (edited by hand, or the answers changed since it was generated)`,
  };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `--- path (on disk)` / `+++ path (from the answers)` and the hunks, three lines of context, `\n` endings. */
export function unifiedDiff(path: string, onDisk: string, expected: string): string {
  const patch = createTwoFilesPatch(path, path, onDisk, expected, 'on disk', 'from the answers', { context: 3 });
  // Drop the `Index:`/`====` banner: the `---`/`+++` pair says it all.
  const lines = patch.split('\n');
  const start = lines.findIndex((l) => l.startsWith('--- '));
  return lines.slice(start < 0 ? 0 : start).join('\n').replace(/\n*$/, '\n');
}

/** What is at `outDir/file`, without following links. */
export function readOnDisk(outDir: string, file: string): OnDisk {
  const path = join(outDir, file);
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return { kind: 'absent' };
    throw err;
  }
  if (st.isSymbolicLink()) return { kind: 'other', what: 'a symbolic link (archplan does not follow links)' };
  if (st.isDirectory()) return { kind: 'other', what: 'a folder' };
  if (!st.isFile()) return { kind: 'other', what: 'something that is not a file' };
  return { kind: 'file', content: readFileSync(path, 'utf8') };
}

/** Regular files directly in `outDir` whose first line is an archplan marker, sorted; none when the folder is absent. */
export function markedFiles(outDir: string): string[] {
  let entries;
  try {
    entries = readdirSync(outDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.archplan-tmp-')) continue;
    if (hasMarker(firstBytes(join(outDir, e.name), 400))) out.push(e.name);
  }
  return out.sort(byText);
}

function firstBytes(path: string, n: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
