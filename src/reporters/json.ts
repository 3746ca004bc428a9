// Machine-readable reports (`--json`): stable keys, entries in the order of the formats, then stale files.

import type { Problem } from '../errors.js';
import type { DriftEntry } from '../output/drift.js';

export interface CheckJson {
  ok: boolean;
  answers: string;
  out: string;
  files: { file: string; path: string; status: DriftEntry['status']; note: string; diff: string }[];
  regenerate: string;
  problems: Problem[];
}

export function checkJson(report: CheckJson): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
