// Colour: on a terminal only, off under NO_COLOR (when set to anything but the empty string, as no-color.org
// defines it) and TERM=dumb. chalk is loaded only when a command's output may be painted (loadColors).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { colorAllowed, colors, loadColors, type Io } from '../../src/commands/io.js';
import { main } from '../../src/main.js';

const tty = { isTTY: true };
const EXAMPLE = fileURLToPath(new URL('../../examples/payments.yaml', import.meta.url));

/** An Io whose streams say they are terminals (or not) and keep what is written. */
function terminalIo(isTTY: boolean, env: NodeJS.ProcessEnv): Io & { out: () => string } {
  let text = '';
  const stream = { isTTY, write: (s: string) => ((text += s), true) } as unknown as Io['stdout'];
  return { stdout: stream, stderr: stream, env, cwd: process.cwd(), out: () => text };
}

describe('colors', () => {
  it('paints a command\'s output on a terminal (chalk loaded before it runs), never on a pipe or under NO_COLOR', async () => {
    for (const [isTTY, env, painted] of [[true, {}, true], [false, {}, false], [true, { NO_COLOR: '1' }, false]] as const) {
      const io = terminalIo(isTTY, env);
      expect(await main(['validate', EXAMPLE], io)).toBe(0);
      expect(io.out().includes('\u001b[32m'), `${isTTY} ${JSON.stringify(env)}`).toBe(painted);
    }
  });

  describe('once loaded', () => {
    beforeAll(() => loadColors({ stdout: tty, stderr: tty, env: {} } as Io));

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
});
