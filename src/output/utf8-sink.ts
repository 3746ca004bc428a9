// Text handed on in pieces, as UTF-8 bytes: what a plan's file holds, whether written or compared.

import type { TextSink } from '../render/tidy.js';

/** Characters encoded at a time. */
export const WRITE_SLICE = 1 << 20;

/**
 * A sink that hands `put` each piece encoded as UTF-8, at most WRITE_SLICE characters at a time, so no buffer of a
 * whole plan is made. A high surrogate that ends a piece waits for the next (`end` hands on one left at the very
 * end), so a pair cut in two is still one character. `restart` forgets what waits, then calls `onRestart`.
 */
export function utf8Sink(put: (bytes: Buffer) => void, onRestart: () => void): TextSink & { end(): void } {
  let held = '';
  return {
    write(piece: string): void {
      let text = held + piece;
      held = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
      for (let at = 0; at < text.length; ) {
        let end = Math.min(text.length, at + WRITE_SLICE);
        const c = text.charCodeAt(end - 1);
        if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
        put(Buffer.from(text.slice(at, end), 'utf8'));
        at = end;
      }
    },
    restart(): void {
      held = '';
      onRestart();
    },
    end(): void {
      if (held) put(Buffer.from(held, 'utf8'));
      held = '';
    },
  };
}
