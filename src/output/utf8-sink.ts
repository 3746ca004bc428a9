// Text handed on in pieces, as UTF-8 bytes: what a plan's file holds, whether written or compared.

import type { TextSink } from '../render/tidy.js';

/** Bytes read or compared at a time (write.ts); a sink hands on at most this many at a time. */
export const WRITE_SLICE = 1 << 20;

/** UTF-8 takes at most 3 bytes per UTF-16 unit (4 for a surrogate pair, 3 for a lone surrogate's replacement). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * The buffer of the last sink ended, for the next one: a new buffer costs its pages again as they are filled (a
 * page fault each), and a run writes nine plans one after another.
 */
let spare: Buffer | undefined;

/**
 * A sink that hands `put` the pieces encoded as UTF-8, gathered in one buffer of WRITE_SLICE bytes, so no buffer of
 * a whole plan is made, and none per piece: `put` gets a view of that buffer, to use before it returns (a 10 MB plan
 * is about ten writes instead of hundreds). A high surrogate that ends a piece waits for the next (`end` hands on
 * one left at the very end), so a pair cut in two is still one character. `restart` forgets what waits, then calls
 * `onRestart`.
 */
export function utf8Sink(put: (bytes: Buffer) => void, onRestart: () => void): TextSink & { end(): void } {
  const buffer = spare ?? Buffer.allocUnsafe(WRITE_SLICE);
  spare = undefined;
  let ended = false;
  let used = 0;
  let held = '';
  const handOn = (): void => {
    if (used > 0) put(buffer.subarray(0, used));
    used = 0;
  };
  return {
    write(piece: string): void {
      if (ended) throw new Error('utf8Sink: a write after end');
      let text = held === '' ? piece : held + piece;
      held = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
      for (let at = 0; at < text.length; ) {
        const room = Math.floor((buffer.length - used) / MAX_BYTES_PER_UNIT);
        if (room < 2) {
          handOn();
          continue;
        }
        let end = Math.min(text.length, at + room);
        const c = text.charCodeAt(end - 1);
        if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
        used += buffer.write(at === 0 && end === text.length ? text : text.slice(at, end), used, 'utf8');
        at = end;
      }
    },
    restart(): void {
      held = '';
      used = 0;
      onRestart();
    },
    end(): void {
      if (held) {
        if (buffer.length - used < MAX_BYTES_PER_UNIT) handOn();
        used += buffer.write(held, used, 'utf8');
      }
      held = '';
      handOn();
      ended = true;
      spare = buffer;
    },
  };
}
