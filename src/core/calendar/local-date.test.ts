import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareLocalDates,
  fromEpochDay,
  instantFromLocalTime,
  instantsAtLocalTime,
  isLocalDate,
  localDateInZone,
  localTimeInZone,
  offsetChangesBetween,
  toEpochDay,
  weekdayOf,
  yearOf,
} from './local-date.js';

const utc = (iso: string): Date => new Date(iso);

// Zones chosen for their awkward transitions: none (Shanghai), 02:00→03:00 (Berlin), at
// local midnight (Santiago), half-hour DST (Lord Howe), a :45 offset (Kathmandu), and a
// southern-hemisphere zone whose DST straddles New Year.
const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Auckland',
] as const;

/** Day numbers from 1900 to 2100, enough to cross leap centuries both ways. */
const epochDayArb = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2100-12-31') });
const localDateArb = epochDayArb.map(fromEpochDay);
const instantArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms));

/** Random instants, half of them within three hours of one of the zone's clock changes. */
function instantNearClockChangesArb(zone: string): fc.Arbitrary<Date> {
  const changes = offsetChangesBetween(utc('2020-01-01T00:00:00Z'), utc('2031-01-01T00:00:00Z'), zone).map((d) => d.getTime());
  if (changes.length === 0) return instantArb;
  const near = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
    .map(([t, d]) => new Date(t + d));
  return fc.oneof(instantArb, near);
}

/** Wall times in 2020–2030, half of them within two hours of a clock change (so in gaps and overlaps). */
function wallTimeNearClockChangesArb(zone: string): fc.Arbitrary<{ date: string; minutes: number }> {
  const anyDay = fc.record({
    date: epochDayArb.filter((n) => n >= toEpochDay('2020-01-01') && n <= toEpochDay('2030-12-31')).map(fromEpochDay),
    minutes: fc.integer({ min: 0, max: 1439 }),
  });
  const nearChange = fc.tuple(instantNearClockChangesArb(zone), fc.integer({ min: -120, max: 120 })).map(([t, d]) => {
    const local = localTimeInZone(t, zone);
    return { date: local.date, minutes: Math.min(1439, Math.max(0, local.minutes + d)) };
  });
  return fc.oneof(anyDay, nearChange);
}

describe('isLocalDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts the real calendar day %s',
    (s) => {
      expect(isLocalDate(s)).toBe(true);
    },
  );

  it.each([
    ['2026-02-30', 'a day February never has'],
    ['2025-02-29', 'Feb 29 in a common year'],
    ['2100-02-29', 'Feb 29 in a century year that is not leap'],
    ['2026-04-31', 'day 31 in a 30-day month'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2026-1-01', 'an unpadded month'],
    ['26-01-01', 'a two-digit year'],
    ['2026/01/01', 'slashes'],
    [' 2026-01-01', 'leading space'],
    ['2026-01-01T00:00', 'a date-time'],
    ['２０２６-01-01', 'full-width digits'],
    ['', 'the empty string'],
  ])('rejects %s (%s)', (s) => {
    expect(isLocalDate(s)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const v of [null, undefined, 20260101, new Date(), {}, ['2026-01-01']]) {
      expect(isLocalDate(v)).toBe(false);
    }
  });

  it('agrees with the Gregorian calendar for any year, month and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const probe = new Date(0);
        probe.setUTCFullYear(y, m - 1, d);
        const real = m >= 1 && m <= 12 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
        expect(isLocalDate(s)).toBe(real);
      }),
    );
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-10', 0)).toBe('2026-10-10');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('is not moved by a DST change in any zone, because dates carry no time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('handles years before 100 without the Date.UTC two-digit-year trap', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(weekdayOf('0001-01-01')).toBe(1);
  });

  it('refuses to leave the supported years', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('refuses malformed dates and fractional days', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(RangeError);
  });

  it('adds up: going a days then b days is going a+b days', () => {
    fc.assert(
      fc.property(localDateArb, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (d, a, b) => {
        expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
      }),
    );
  });

  it('always produces a valid date that orders as the sign of the step says', () => {
    fc.assert(
      fc.property(localDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const r = addDays(d, n);
        expect(isLocalDate(r)).toBe(true);
        expect(compareLocalDates(r, d)).toBe(Math.sign(n));
        expect(toEpochDay(r) - toEpochDay(d)).toBe(n);
      }),
    );
  });
});

describe('weekdayOf', () => {
  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
    expect(weekdayOf('2026-10-09')).toBe(5);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(weekdayOf('2026-02-15')).toBe(7);
    expect(weekdayOf('2026-02-16')).toBe(1);
  });

  it('matches the JavaScript Date weekday for any day', () => {
    fc.assert(
      fc.property(localDateArb, (d) => {
        const js = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(weekdayOf(d)).toBe(js === 0 ? 7 : js);
      }),
    );
  });

  it('throws on a date that does not exist', () => {
    expect(() => weekdayOf('2026-02-29')).toThrow(RangeError);
  });
});

describe('compareLocalDates and yearOf', () => {
  it('orders dates chronologically and reads the year', () => {
    expect(compareLocalDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareLocalDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareLocalDates('2026-10-10', '2026-09-30')).toBe(1);
    expect(yearOf('2026-10-10')).toBe(2026);
    expect(yearOf('0042-01-01')).toBe(42);
  });

  it('sorts exactly like plain string order for valid dates', () => {
    fc.assert(
      fc.property(localDateArb, localDateArb, (a, b) => {
        expect(compareLocalDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('round-trips through day numbers', () => {
    fc.assert(
      fc.property(epochDayArb, (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });
});

describe('localDateInZone and localTimeInZone', () => {
  it('gives the Beijing date, which runs eight hours ahead of UTC', () => {
    expect(localDateInZone(utc('2026-01-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
    expect(localDateInZone(utc('2026-01-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-01-31');
    expect(localDateInZone(utc('2026-01-31T16:30:00Z'), 'UTC')).toBe('2026-01-31');
    expect(localDateInZone(utc('2026-01-31T16:30:00Z'), 'America/Los_Angeles')).toBe('2026-01-31');
  });

  it('reports minutes since local midnight, dropping seconds', () => {
    expect(localTimeInZone(utc('2026-10-09T01:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-10-09', minutes: 540 });
    expect(localTimeInZone(utc('2026-10-09T00:59:59.999Z'), 'Asia/Shanghai')).toEqual({ date: '2026-10-09', minutes: 539 });
    expect(localTimeInZone(utc('2026-10-08T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-10-09', minutes: 0 });
    expect(localTimeInZone(utc('2026-10-09T15:59:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-10-09', minutes: 1439 });
  });

  it('follows summer time in Berlin', () => {
    expect(localTimeInZone(utc('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', minutes: 119 });
    expect(localTimeInZone(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', minutes: 180 });
    expect(localTimeInZone(utc('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', minutes: 150 });
    expect(localTimeInZone(utc('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', minutes: 150 });
  });

  it('rejects an unknown zone and an invalid Date', () => {
    expect(() => localDateInZone(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDateInZone(new Date(Number.NaN), 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('agrees with a fixed +08:00 offset in Shanghai for any instant', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const shifted = new Date(t.getTime() + 8 * 3_600_000);
        const { date, minutes } = localTimeInZone(t, 'Asia/Shanghai');
        expect(date).toBe(shifted.toISOString().slice(0, 10));
        expect(minutes).toBe(shifted.getUTCHours() * 60 + shifted.getUTCMinutes());
      }),
    );
  });
});

describe('instantFromLocalTime', () => {
  it('turns Beijing wall time into UTC', () => {
    expect(instantFromLocalTime('2026-10-09', 9 * 60, 'Asia/Shanghai').toISOString()).toBe('2026-10-09T01:00:00.000Z');
    expect(instantFromLocalTime('2026-01-01', 0, 'Asia/Shanghai').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(instantFromLocalTime('2026-10-09', 1440, 'Asia/Shanghai').toISOString()).toBe('2026-10-09T16:00:00.000Z');
  });

  it('uses winter and summer offsets on either side of a Berlin DST change', () => {
    expect(instantFromLocalTime('2026-03-28', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(instantFromLocalTime('2026-03-30', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(instantFromLocalTime('2026-03-29', 90, 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(instantFromLocalTime('2026-03-29', 180, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantFromLocalTime('2026-10-24', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(instantFromLocalTime('2026-10-26', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('maps a time skipped by spring-forward to the moment the clocks jump past it', () => {
    expect(instantFromLocalTime('2026-03-29', 150, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantsAtLocalTime('2026-03-29', 150, 'Europe/Berlin')).toEqual([]);
    // Santiago springs forward at midnight: 00:30 on 6 September 2026 never shows.
    expect(instantFromLocalTime('2026-09-06', 30, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('maps a time repeated by fall-back to its first occurrence, and lists both', () => {
    expect(instantFromLocalTime('2026-10-25', 150, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantsAtLocalTime('2026-10-25', 150, 'Europe/Berlin').map((d) => d.toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
  });

  it('rejects minutes outside 0–1440 and malformed dates', () => {
    expect(() => instantFromLocalTime('2026-01-01', -1, 'UTC')).toThrow(RangeError);
    expect(() => instantFromLocalTime('2026-01-01', 1441, 'UTC')).toThrow(RangeError);
    expect(() => instantFromLocalTime('2026-01-01', 0.5, 'UTC')).toThrow(RangeError);
    expect(() => instantFromLocalTime('2026-02-30', 0, 'UTC')).toThrow(RangeError);
  });

  it.each(ZONES)('round-trips any instant through wall time in %s', (zone) => {
    fc.assert(
      fc.property(instantNearClockChangesArb(zone), (t) => {
        const whole = new Date(Math.floor(t.getTime() / 60_000) * 60_000);
        const local = localTimeInZone(whole, zone);
        const back = instantFromLocalTime(local.date, local.minutes, zone);
        // The instant shows that wall time; when the wall time repeats, back is its first showing.
        expect(localTimeInZone(back, zone)).toEqual(local);
        expect(back.getTime()).toBeLessThanOrEqual(whole.getTime());
        expect(instantsAtLocalTime(local.date, local.minutes, zone).map((d) => d.getTime())).toContain(whole.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it.each(ZONES)('never lands before the requested wall time, nor after it has passed, in %s', (zone) => {
    fc.assert(
      fc.property(wallTimeNearClockChangesArb(zone), ({ date, minutes }) => {
        const t = instantFromLocalTime(date, minutes, zone);
        const shown = localTimeInZone(t, zone);
        const justBefore = localTimeInZone(new Date(t.getTime() - 1000), zone);
        const asKey = (l: { date: string; minutes: number }) => `${l.date} ${String(l.minutes).padStart(4, '0')}`;
        const wanted = asKey({ date, minutes });
        expect(asKey(shown) >= wanted).toBe(true);
        expect(asKey(justBefore) < wanted).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('offsetChangesBetween', () => {
  it('finds the two Berlin DST changes of 2026 to the second', () => {
    expect(offsetChangesBetween(utc('2026-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z'), 'Europe/Berlin').map((d) => d.toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
  });

  it('finds none in Beijing, which has kept +08:00 since 1991', () => {
    expect(offsetChangesBetween(utc('2020-01-01T00:00:00Z'), utc('2030-01-01T00:00:00Z'), 'Asia/Shanghai')).toEqual([]);
  });

  it('is empty for an empty or reversed range', () => {
    expect(offsetChangesBetween(utc('2026-10-26T00:00:00Z'), utc('2026-10-24T00:00:00Z'), 'Europe/Berlin')).toEqual([]);
  });
});
