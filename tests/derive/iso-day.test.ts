// Phase dates are worked out without toISOString (which loads the time zone): the same days as Date gives.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, isoDay } from '../../src/derive/plan/phases.js';

/** addDays as it was, with Date (its specification). */
function viaDate(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000;
  if (!Number.isFinite(t)) return '';
  return new Date(t).toISOString().slice(0, 10);
}

describe('isoDay and addDays', () => {
  test('isoDay names the day Date names, across its whole range', () => {
    const day = fc.oneof(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: -800_000, max: 3_000_000 }));
    fc.assert(fc.property(day, (d) => {
      expect(isoDay(d)).toBe(new Date(d * 86_400_000).toISOString().split('T')[0]);
    }), { numRuns: 20_000, seed: 3 });
    for (const d of [0, -1, 59, 60, -719_468, -719_469, 2_932_896, 2_932_897, 100_000_000, -100_000_000]) {
      expect(isoDay(d), String(d)).toBe(new Date(d * 86_400_000).toISOString().split('T')[0]);
    }
    expect(() => isoDay(100_000_001)).toThrow(RangeError);
    expect(() => isoDay(0.5)).toThrow(RangeError);
  });

  test('addDays gives what it gave with Date, for any text of the date pattern (overflowing months and days too) up to year 9999', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const iso = fc.tuple(fc.integer({ min: 0, max: 9980 }).map((n) => String(n).padStart(4, '0')), two, two).map((p) => p.join('-'));
    fc.assert(fc.property(iso, fc.integer({ min: 0, max: 3_000 }), (start, days) => {
      expect(addDays(start, days)).toBe(viaDate(start, days));
    }), { numRuns: 20_000, seed: 4 });
    expect(addDays('2027-02-22', 6)).toBe('2027-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('not a date', 1)).toBe('');
    // Past year 9999 Date's text was cut to '+010000-01' (slice(0, 10) of an extended year): now the whole day.
    expect(addDays('9999-12-31', 1)).toBe('+010000-01-01');
  });
});
