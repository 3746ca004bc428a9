// Small text and ordering helpers the planning rules share. Pure, locale-free.

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Code-unit comparison: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy without duplicates. */
export function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareText);
}

/** Copy without duplicates, first occurrence order kept. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** `1 entity`, `2 entities`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
