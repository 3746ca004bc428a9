// Limits of the answers loader, shared by the strict loader (load.ts) and its fast path (plain-yaml.ts).

/** Largest answers file accepted, in bytes; checked before parsing (the parser slows down a lot on big inputs). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most nodes that aliases may add by expansion; stops "billion laughs" files early. */
export const MAX_ALIAS_NODES = 10_000;
/** Deepest nesting accepted; an answers file needs six levels, and deeper data could exhaust the stack. */
export const MAX_DEPTH = 64;

/**
 * Data the strict loader reads with no issue: no number it refuses (not finite, not a safe integer) or JSON cannot
 * hold (-0), nothing nested deeper than MAX_DEPTH. The fast readers (simple-yaml.ts, plain-yaml.ts) hand on what
 * fails it.
 */
export function isPlain(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) && (!Number.isInteger(value) || Number.isSafeInteger(value));
  if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isPlain(item, depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const item of Object.values(value)) if (!isPlain(item, depth + 1)) return false;
  return true;
}
