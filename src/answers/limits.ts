// Limits of the answers loader, shared by the strict loader (load.ts) and its fast path (plain-yaml.ts).

/** Largest answers file accepted, in bytes; checked before parsing (the parser slows down a lot on big inputs). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most nodes that aliases may add by expansion; stops "billion laughs" files early. */
export const MAX_ALIAS_NODES = 10_000;
/** Deepest nesting accepted; an answers file needs six levels, and deeper data could exhaust the stack. */
export const MAX_DEPTH = 64;
