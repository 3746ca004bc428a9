// Field-level name checks, shared by the cross-reference checks and the wizard (same texts everywhere). Pure.

import { MAX_NAME_BYTES, PATTERNS } from './schema.js';

/** entity and error: PascalCase; field: snake_case; module and slug: kebab-case; integration: free but safe. */
export type NameKind = 'entity' | 'error' | 'field' | 'module' | 'slug' | 'integration';

const PATTERN_OF: Record<NameKind, keyof typeof PATTERNS | undefined> = {
  entity: 'pascal',
  error: 'pascal',
  field: 'snake',
  module: 'kebab',
  slug: 'kebab',
  integration: undefined,
};

/** The message for a bad name of this kind, or null when it is fine. */
export function validateName(kind: NameKind, value: string): string | null {
  if (value === '') return 'must not be empty';
  const p = PATTERN_OF[kind];
  if (p !== undefined && !new RegExp(PATTERNS[p].pattern, 'u').test(value)) return PATTERNS[p].message;
  if ([...value].length > MAX_NAME_BYTES) return `must be at most ${MAX_NAME_BYTES} characters`;
  return unsafeName(value);
}

/**
 * What makes a name unsafe as an identifier or a file name, beyond its pattern: control characters, path
 * separators, `..`, more than MAX_NAME_BYTES bytes of UTF-8. null when safe.
 */
export function unsafeName(value: string): string | null {
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(value)) return 'must not hold control characters';
  if (/[/\\]/.test(value)) return 'must not hold "/" or "\\"';
  if (value.includes('..')) return 'must not hold ".."';
  if ([...value].length <= MAX_NAME_BYTES && new TextEncoder().encode(value).length > MAX_NAME_BYTES) {
    return `must be at most ${MAX_NAME_BYTES} bytes in UTF-8`;
  }
  return null;
}
