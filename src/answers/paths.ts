// Key paths such as `endpoints[0].errors[1]`: how problems name a place in the answers file.

export type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['endpoints', 0, 'errors', 1]` -> `endpoints[0].errors[1]`; odd keys are quoted: `stack["a b"]`. */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** The inverse of formatPath; a malformed tail is dropped (the caller then points at the nearest node). */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  const re = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length && (m = re.exec(path)) !== null) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) {
      try {
        segments.push(JSON.parse(m[3]) as string);
      } catch {
        break;
      }
    }
  }
  return segments;
}
