// Colour: on a terminal only, off under NO_COLOR (when set to anything but the empty string, as no-color.org
// defines it) and TERM=dumb.
import { describe, expect, it } from 'vitest';
import { colorAllowed, colors } from '../../src/commands/io.js';

const tty = { isTTY: true };

describe('colors', () => {
  it('paints on a terminal, never on a pipe', () => {
    expect(colors(tty, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(colors({}, {}).red('x')).toBe('x');
  });

  it('is off under NO_COLOR with any value and TERM=dumb; an empty NO_COLOR does not count', () => {
    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '0' }, { TERM: 'dumb' }]) {
      expect(colorAllowed(env)).toBe(false);
      expect(colors(tty, env).red('x')).toBe('x');
    }
    expect(colorAllowed({ NO_COLOR: '' })).toBe(true);
    expect(colors(tty, { NO_COLOR: '' }).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
