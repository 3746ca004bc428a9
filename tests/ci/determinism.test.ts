// Same answers, same bytes: on any time zone and locale, with `\n` line endings only. Each side renders in its
// own process, so the time zone and locale are the process's own, as on another machine.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runFrozen, tempDir } from './helpers.js';

const ENVIRONMENTS: NodeJS.ProcessEnv[] = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  // +14:00 and -12:00: a date computed through local time lands on a different day in one of them.
  { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'Etc/GMT+12', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
];

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();

function filesIn(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

describe('determinism', () => {
  it('the environments really differ (time zone, locale, number format)', () => {
    const probe = ENVIRONMENTS.map(
      (env) =>
        spawnSync(process.execPath, ['-e', 'const o = Intl.DateTimeFormat().resolvedOptions(); console.log(o.locale, o.timeZone, new Date(0).getHours(), (1234.5).toLocaleString())'], {
          env: { PATH: process.env.PATH, ...env },
          encoding: 'utf8',
        }).stdout,
    );
    expect(new Set(probe).size).toBe(ENVIRONMENTS.length);
  });

  it.each(EXAMPLES)('%s gives byte-identical plans in every time zone and locale, with \\n line endings', (example) => {
    const outputs = ENVIRONMENTS.map((env) => {
      const out = tempDir();
      const r = runFrozen(['generate', join('examples', example), '--out', out, '--format', 'all'], { env });
      expect(r.code, r.stderr).toBe(0);
      return filesIn(out);
    });
    const [first, ...others] = outputs;
    expect(first!.size).toBeGreaterThan(0);
    for (const [name, bytes] of first!) {
      expect(bytes.includes(0x0d), `${name} has a carriage return`).toBe(false);
      expect(bytes.at(-1), `${name} ends with a newline`).toBe(0x0a);
    }
    for (const other of others) {
      expect([...other.keys()]).toEqual([...first!.keys()]);
      for (const [name, bytes] of first!) expect(other.get(name)?.equals(bytes), `${example}: ${name} differs`).toBe(true);
    }
  });
});
