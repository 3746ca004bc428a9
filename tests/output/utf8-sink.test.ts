// The UTF-8 sink the plans are written through: pieces encoded whole (a surrogate pair cut between two pieces
// too), and one buffer handed from each sink ended to the next.
import { describe, expect, it } from 'vitest';
import { utf8Sink, WRITE_SLICE } from '../../src/output/utf8-sink.js';

/** The bytes a sink hands on for `pieces`, gathered. */
function written(pieces: string[]): Buffer {
  const parts: Buffer[] = [];
  const sink = utf8Sink((bytes) => parts.push(Buffer.from(bytes)), () => parts.splice(0));
  for (const p of pieces) sink.write(p);
  sink.end();
  return Buffer.concat(parts);
}

describe('utf8Sink', () => {
  it('encodes the pieces as one text, one sink after another', () => {
    const pieces = ['plain ', 'é → ü ', '\ud83d', '\ude00 end', 'x'.repeat(WRITE_SLICE)];
    for (let run = 0; run < 3; run++) expect(written(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(written(['short']).toString('utf8')).toBe('short');
  });

  it('refuses a write after its end (its buffer is then the next sink\'s)', () => {
    const sink = utf8Sink(() => undefined, () => undefined);
    sink.write('a');
    sink.end();
    expect(() => sink.write('b')).toThrow(/after end/);
  });
});
