import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateInZone, localTimeInZone, offsetChangesBetween, type LocalDate } from '../calendar/local-date.js';
import { officialHallCalendar } from '../calendar/official-holidays.js';
import { EMPTY_HALL_CALENDAR, type HallCalendar } from '../calendar/working-days.js';
import {
  NEXT_OPENING_LOOKAHEAD_DAYS,
  formatHhMm,
  hoursOn,
  isOpenAt,
  nextOpening,
  parseHhMm,
  validateHoursExceptions,
  validateOpeningHours,
  type HoursException,
  type OpeningHours,
  type OpeningInterval,
} from './opening-hours.js';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const OFFICIAL = officialHallCalendar();

/** A typical hall: weekdays with a lunch break, Saturday mornings (周六延时服务), Sundays closed. */
const HALL: OpeningHours = [
  ...([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
    { weekday, open: '09:00', close: '12:00' },
    { weekday, open: '13:30', close: '17:30' },
  ]),
  { weekday: 6, open: '09:00', close: '12:00' },
];

const WEEKDAYS_ONLY: OpeningHours = HALL.filter((h) => h.weekday <= 5);

/** Beijing wall time as a UTC instant; Beijing has kept +08:00 since 1991. */
function bj(date: LocalDate, hhmm: string, seconds = 0): Date {
  return new Date(Date.parse(`${date}T${hhmm}:${String(seconds).padStart(2, '0')}+08:00`));
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

describe('parseHhMm and formatHhMm', () => {
  it('reads wall-clock times from 00:00 to 24:00', () => {
    expect(parseHhMm('00:00')).toBe(0);
    expect(parseHhMm('09:30')).toBe(570);
    expect(parseHhMm('23:59')).toBe(1439);
    expect(parseHhMm('24:00')).toBe(1440);
  });

  it.each(['24:01', '25:00', '9:00', '09:60', '09:00:00', '0900', ' 09:00', '', '-1:00'])('rejects %j', (s) => {
    expect(parseHhMm(s)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    for (const v of [900, null, undefined, {}]) expect(parseHhMm(v)).toBeNull();
  });

  it('writes minutes back as zero-padded HH:MM, and round-trips', () => {
    expect(formatHhMm(0)).toBe('00:00');
    expect(formatHhMm(570)).toBe('09:30');
    expect(formatHhMm(1440)).toBe('24:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (m) => {
        expect(parseHhMm(formatHhMm(m))).toBe(m);
      }),
    );
  });

  it('refuses minutes outside one day', () => {
    for (const m of [-1, 1441, 1.5, Number.NaN]) expect(() => formatHhMm(m)).toThrow(RangeError);
  });
});

describe('validateOpeningHours', () => {
  it('accepts a normal week with a lunch break', () => {
    expect(validateOpeningHours(HALL)).toEqual([]);
  });

  it('accepts an empty week, touching intervals and a whole day', () => {
    expect(validateOpeningHours([])).toEqual([]);
    expect(
      validateOpeningHours([
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 1, open: '12:00', close: '17:00' },
        { weekday: 7, open: '00:00', close: '24:00' },
      ]),
    ).toEqual([]);
  });

  it('flags an interval that closes before or when it opens', () => {
    expect(validateOpeningHours([{ weekday: 1, open: '17:00', close: '09:00' }])).toEqual([
      { code: 'open-not-before-close', index: 0, open: '17:00', close: '09:00' },
    ]);
    expect(validateOpeningHours([{ weekday: 1, open: '09:00', close: '09:00' }])).toEqual([
      { code: 'open-not-before-close', index: 0, open: '09:00', close: '09:00' },
    ]);
  });

  it('flags malformed times, naming the field', () => {
    expect(validateOpeningHours([{ weekday: 2, open: '9:00', close: '24:30' }])).toEqual([
      { code: 'invalid-time', index: 0, field: 'open', value: '9:00' },
      { code: 'invalid-time', index: 0, field: 'close', value: '24:30' },
    ]);
  });

  it('flags a weekday outside Monday–Sunday', () => {
    const bad = [
      { weekday: 0, open: '09:00', close: '12:00' },
      { weekday: 8, open: '09:00', close: '12:00' },
      { weekday: 1.5, open: '09:00', close: '12:00' },
    ] as unknown as OpeningHours;
    expect(validateOpeningHours(bad).map((p) => [p.code, p.index])).toEqual([
      ['invalid-weekday', 0],
      ['invalid-weekday', 1],
      ['invalid-weekday', 2],
    ]);
  });

  it('flags overlapping intervals on one weekday but not the same times on different weekdays', () => {
    expect(
      validateOpeningHours([
        { weekday: 3, open: '09:00', close: '12:00' },
        { weekday: 4, open: '09:00', close: '12:00' },
        { weekday: 3, open: '11:00', close: '14:00' },
      ]),
    ).toEqual([{ code: 'overlap', index: 2, otherIndex: 0, weekday: 3 }]);
  });

  it('lists every problem at once, without throwing on garbage', () => {
    const garbage = [
      { weekday: 1, open: 'noon', close: '12:00' },
      { weekday: 1, open: '10:00', close: '09:00' },
      { weekday: 1, open: '08:00', close: '10:00' },
      { weekday: 1, open: '09:00', close: '11:00' },
      { weekday: 'Mon', open: null, close: 5 },
    ] as unknown as OpeningHours;
    expect(validateOpeningHours(garbage).map((p) => p.code)).toEqual([
      'invalid-time',
      'open-not-before-close',
      'invalid-weekday',
      'invalid-time',
      'invalid-time',
      'overlap',
    ]);
  });
});

describe('validateHoursExceptions', () => {
  it('accepts a closure and a day of special hours', () => {
    expect(
      validateHoursExceptions([
        { date: '2026-10-02', closed: false, open: '09:00', close: '12:00', note: '国庆值班' },
        { date: '2026-10-02', closed: false, open: '14:00', close: '16:00' },
        { date: '2026-11-20', closed: true, note: '系统升级' },
      ]),
    ).toEqual([]);
  });

  it('flags special hours with a missing or malformed time', () => {
    expect(validateHoursExceptions([{ date: '2026-10-02', closed: false, open: '09:00' }])).toEqual([
      { code: 'missing-time', index: 0, field: 'close' },
    ]);
    expect(validateHoursExceptions([{ date: '2026-10-02', closed: false, open: '9', close: '12:00' }])).toEqual([
      { code: 'invalid-time', index: 0, field: 'open', value: '9' },
    ]);
    expect(validateHoursExceptions([{ date: '2026-10-02', closed: false, open: '12:00', close: '09:00' }])).toEqual([
      { code: 'open-not-before-close', index: 0, open: '12:00', close: '09:00' },
    ]);
  });

  it('flags a closed day that also states hours', () => {
    expect(validateHoursExceptions([{ date: '2026-10-02', closed: true, open: '09:00', close: '12:00' }])).toEqual([
      { code: 'hours-on-closed-day', index: 0 },
    ]);
  });

  it('flags a date that does not exist', () => {
    expect(validateHoursExceptions([{ date: '2026-02-30', closed: true }])).toEqual([
      { code: 'invalid-date', index: 0, value: '2026-02-30' },
    ]);
  });

  it('flags overlapping special hours and a date both closed and open', () => {
    expect(
      validateHoursExceptions([
        { date: '2026-10-02', closed: false, open: '09:00', close: '12:00' },
        { date: '2026-10-02', closed: false, open: '11:00', close: '13:00' },
        { date: '2026-10-03', closed: false, open: '09:00', close: '12:00' },
        { date: '2026-10-03', closed: true },
      ]),
    ).toEqual([
      { code: 'overlap', index: 1, otherIndex: 0, date: '2026-10-02' },
      { code: 'closed-and-open', index: 3, otherIndex: 2, date: '2026-10-03' },
    ]);
  });
});

describe('hoursOn', () => {
  it('gives a weekday its intervals, earliest first, whatever order they were entered in', () => {
    const shuffled: OpeningHours = [
      { weekday: 2, open: '13:30', close: '17:30' },
      { weekday: 2, open: '09:00', close: '12:00' },
    ];
    expect(hoursOn(shuffled, [], EMPTY_HALL_CALENDAR, '2026-09-15')).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '13:30', close: '17:30' },
    ]);
  });

  it('gives Saturday its own hours and Sunday none', () => {
    expect(hoursOn(HALL, [], OFFICIAL, '2026-09-19')).toEqual([{ open: '09:00', close: '12:00' }]);
    expect(hoursOn(HALL, [], OFFICIAL, '2026-09-27')).toEqual([]);
    expect(hoursOn(HALL, [], OFFICIAL, '2026-09-13')).toEqual([]);
  });

  it('closes on a public holiday falling on a weekday', () => {
    expect(hoursOn(HALL, [], OFFICIAL, '2026-10-01')).toEqual([]);
  });

  it('closes on a holiday Saturday even though Saturdays normally open', () => {
    expect(hoursOn(HALL, [], OFFICIAL, '2026-10-03')).toEqual([]);
  });

  it('opens a make-up Saturday with full weekday hours (Monday’s), not Saturday’s', () => {
    expect(hoursOn(HALL, [], OFFICIAL, '2026-10-10')).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '13:30', close: '17:30' },
    ]);
    expect(hoursOn(HALL, [], OFFICIAL, '2026-09-20')).toEqual(hoursOn(HALL, [], OFFICIAL, '2026-09-21'));
  });

  it('uses the first weekday with hours for a make-up day when the hall never opens on Monday', () => {
    const noMondays: OpeningHours = [
      { weekday: 2, open: '10:00', close: '16:00' },
      { weekday: 3, open: '08:00', close: '18:00' },
    ];
    expect(hoursOn(noMondays, [], OFFICIAL, '2026-10-10')).toEqual([{ open: '10:00', close: '16:00' }]);
  });

  it('keeps a make-up day closed for a hall with no weekday hours at all', () => {
    expect(hoursOn([{ weekday: 6, open: '09:00', close: '12:00' }], [], OFFICIAL, '2026-10-10')).toEqual([]);
  });

  it('closes on a day the hall announced as closed', () => {
    const closed: HoursException[] = [{ date: '2026-09-16', closed: true, note: '系统升级' }];
    expect(hoursOn(HALL, closed, OFFICIAL, '2026-09-16')).toEqual([]);
    expect(hoursOn(HALL, closed, OFFICIAL, '2026-09-17')).toHaveLength(2);
  });

  it('opens on a holiday when the hall announced duty hours for it', () => {
    const duty: HoursException[] = [
      { date: '2026-10-02', closed: false, open: '14:00', close: '16:00' },
      { date: '2026-10-02', closed: false, open: '09:00', close: '12:00', note: '国庆值班窗口' },
    ];
    expect(hoursOn(HALL, duty, OFFICIAL, '2026-10-02')).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '14:00', close: '16:00' },
    ]);
  });

  it('replaces, not adds to, the weekday hours on a day with special hours', () => {
    const short: HoursException[] = [{ date: '2026-09-16', closed: false, open: '09:00', close: '11:00' }];
    expect(hoursOn(HALL, short, OFFICIAL, '2026-09-16')).toEqual([{ open: '09:00', close: '11:00' }]);
  });

  it('treats a date both closed and opened by exceptions as closed', () => {
    const conflicting: HoursException[] = [
      { date: '2026-09-16', closed: false, open: '09:00', close: '11:00' },
      { date: '2026-09-16', closed: true },
    ];
    expect(hoursOn(HALL, conflicting, OFFICIAL, '2026-09-16')).toEqual([]);
  });

  it('skips malformed entries instead of inventing hours', () => {
    const messy = [
      { weekday: 1, open: '17:00', close: '09:00' },
      { weekday: 1, open: 'nine', close: '12:00' },
      { weekday: 1, open: '14:00', close: '15:00' },
    ] as OpeningHours;
    expect(hoursOn(messy, [{ date: '2026-09-15', closed: false, open: '09:00' }], EMPTY_HALL_CALENDAR, '2026-09-14')).toEqual([
      { open: '14:00', close: '15:00' },
    ]);
    expect(hoursOn(messy, [{ date: '2026-09-15', closed: false, open: '09:00' }], EMPTY_HALL_CALENDAR, '2026-09-15')).toEqual([]);
  });

  it('throws on a date that does not exist', () => {
    expect(() => hoursOn(HALL, [], OFFICIAL, '2026-02-30')).toThrow(RangeError);
  });
});

describe('isOpenAt', () => {
  const open = (t: Date, hours: OpeningHours = HALL, exceptions: HoursException[] = []) =>
    isOpenAt(hours, exceptions, OFFICIAL, SHANGHAI, t);

  it('opens on the minute and not a second before (准时)', () => {
    expect(open(bj('2026-09-16', '08:59', 59))).toBe(false);
    expect(open(bj('2026-09-16', '09:00'))).toBe(true);
  });

  it('stays open to the last second of the posted hours and closes on the closing minute (满点)', () => {
    expect(open(bj('2026-09-16', '17:29', 59))).toBe(true);
    expect(open(bj('2026-09-16', '17:30'))).toBe(false);
  });

  it('is closed over the lunch break', () => {
    expect(open(bj('2026-09-16', '11:59', 59))).toBe(true);
    expect(open(bj('2026-09-16', '12:00'))).toBe(false);
    expect(open(bj('2026-09-16', '13:29'))).toBe(false);
    expect(open(bj('2026-09-16', '13:30'))).toBe(true);
  });

  it('is closed on National Day and open on the make-up Saturday afternoon', () => {
    expect(open(bj('2026-10-01', '10:00'))).toBe(false);
    expect(open(bj('2026-10-10', '15:00'))).toBe(true);
    expect(open(bj('2026-09-19', '15:00'))).toBe(false); // an ordinary Saturday afternoon
  });

  it('runs through midnight when one day closes at 24:00 and the next opens at 00:00', () => {
    const allNight: OpeningHours = [
      { weekday: 3, open: '20:00', close: '24:00' },
      { weekday: 4, open: '00:00', close: '02:00' },
    ];
    expect(open(bj('2026-09-16', '23:59', 59), allNight)).toBe(true);
    expect(open(bj('2026-09-17', '00:00'), allNight)).toBe(true);
    expect(open(bj('2026-09-17', '02:00'), allNight)).toBe(false);
  });

  it('reads the hours in the hall’s zone, not UTC or the server’s', () => {
    const t = new Date('2026-09-16T02:00:00Z'); // 10:00 in Beijing, 04:00 in Berlin
    expect(isOpenAt(HALL, [], OFFICIAL, SHANGHAI, t)).toBe(true);
    expect(isOpenAt(HALL, [], OFFICIAL, BERLIN, t)).toBe(false);
    expect(isOpenAt(HALL, [], OFFICIAL, 'UTC', t)).toBe(false);
  });

  it('follows Berlin summer time: 09:00 is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    const weekdays: OpeningHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }) as OpeningInterval);
    expect(isOpenAt(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-27T07:30:00Z'))).toBe(false);
    expect(isOpenAt(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-27T08:00:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-30T07:00:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-30T06:59:59Z'))).toBe(false);
  });

  it('rejects an invalid instant and an unknown zone', () => {
    expect(() => isOpenAt(HALL, [], OFFICIAL, SHANGHAI, new Date('nope'))).toThrow(RangeError);
    expect(() => isOpenAt(HALL, [], OFFICIAL, 'Nowhere/City', new Date())).toThrow(RangeError);
  });
});

describe('nextOpening', () => {
  const next = (t: Date, hours: OpeningHours = HALL, exceptions: HoursException[] = [], cal: HallCalendar = OFFICIAL) =>
    iso(nextOpening(hours, exceptions, cal, SHANGHAI, t));

  it('answers "now" while the hall is open', () => {
    const t = bj('2026-09-16', '10:17', 23);
    expect(next(t)).toBe(t.toISOString());
  });

  it('points to the afternoon session during the lunch break', () => {
    expect(next(bj('2026-09-16', '12:05'))).toBe(bj('2026-09-16', '13:30').toISOString());
  });

  it('points to Saturday morning on Friday evening, or Monday for a hall closed at weekends', () => {
    expect(next(bj('2026-09-11', '18:00'))).toBe(bj('2026-09-12', '09:00').toISOString());
    expect(next(bj('2026-09-11', '18:00'), WEEKDAYS_ONLY)).toBe(bj('2026-09-14', '09:00').toISOString());
  });

  it('points to a make-up Sunday rather than Monday', () => {
    expect(next(bj('2026-09-18', '18:00'), WEEKDAYS_ONLY)).toBe(bj('2026-09-20', '09:00').toISOString());
  });

  it('points to the morning after the National Day holiday from its eve', () => {
    expect(next(bj('2026-09-30', '17:30'))).toBe(bj('2026-10-08', '09:00').toISOString());
  });

  it('points to the make-up Saturday after a Friday evening', () => {
    expect(next(bj('2026-10-09', '18:00'), WEEKDAYS_ONLY)).toBe(bj('2026-10-10', '09:00').toISOString());
  });

  it('skips a day the hall announced as closed', () => {
    const closed: HoursException[] = [{ date: '2026-09-17', closed: true }];
    expect(next(bj('2026-09-16', '18:00'), HALL, closed)).toBe(bj('2026-09-18', '09:00').toISOString());
  });

  it('finds an opening on the 60th day ahead but not beyond', () => {
    const everyDay: OpeningHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }) as OpeningInterval);
    const closedFor = (days: number): HoursException[] =>
      Array.from({ length: days }, (_, i) => ({ date: addDays('2026-03-02', i), closed: true }));
    const t = bj('2026-03-02', '08:00');
    expect(NEXT_OPENING_LOOKAHEAD_DAYS).toBe(60);
    expect(next(t, everyDay, closedFor(60), EMPTY_HALL_CALENDAR)).toBe(bj(addDays('2026-03-02', 60), '09:00').toISOString());
    expect(next(t, everyDay, closedFor(61), EMPTY_HALL_CALENDAR)).toBeNull();
  });

  it('gives up on a hall that publishes no hours', () => {
    expect(next(bj('2026-09-16', '10:00'), [])).toBeNull();
  });

  it('gives the Berlin opening in summer time after the clocks go forward', () => {
    const weekdays: OpeningHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }) as OpeningInterval);
    expect(iso(nextOpening(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-27T17:00:00Z')))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(nextOpening(weekdays, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-10-23T16:00:00Z')))).toBe('2026-10-26T08:00:00.000Z');
  });

  it('opens as the clocks jump when the posted opening time is skipped by spring-forward', () => {
    const night: OpeningHours = [{ weekday: 7, open: '02:30', close: '05:00' }];
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC, already past 02:30.
    expect(iso(nextOpening(night, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-03-29T00:00:00Z')))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reopens for the repeated hour when fall-back sets the clocks back into the posted hours', () => {
    const night: OpeningHours = [{ weekday: 7, open: '02:30', close: '04:00' }];
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
    const at = (isoTime: string) => isOpenAt(night, [], EMPTY_HALL_CALENDAR, BERLIN, new Date(isoTime));
    expect(at('2026-10-25T00:45:00Z')).toBe(true); // 02:45 CEST
    expect(at('2026-10-25T01:00:00Z')).toBe(false); // 02:00 CET, the clock has gone back
    expect(iso(nextOpening(night, [], EMPTY_HALL_CALENDAR, BERLIN, new Date('2026-10-25T01:00:00Z')))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('copes with Santiago springing forward at midnight', () => {
    const sundayNight: OpeningHours = [{ weekday: 7, open: '00:30', close: '06:00' }];
    // Saturday 5 September 2026 24:00 (−04) becomes Sunday 01:00 (−03) at 04:00 UTC.
    expect(iso(nextOpening(sundayNight, [], EMPTY_HALL_CALENDAR, 'America/Santiago', new Date('2026-09-06T02:00:00Z')))).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });
});

// ---------------------------------------------------------------------------------------
// Properties over random halls, in zones with awkward clocks.

const PROPERTY_ZONES = [SHANGHAI, BERLIN, 'America/Santiago', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

/** Times mostly on half hours, so that intervals touch and clock changes fall inside them. */
const minuteArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 48 }).map((i) => i * 30), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 1440 }), weight: 1 },
);

/** Non-overlapping intervals for one day: sorted distinct points taken in pairs. */
const dayIntervalsArb = fc.uniqueArray(minuteArb, { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
  return pairs;
});

const hoursArb: fc.Arbitrary<OpeningHours> = fc.array(dayIntervalsArb, { minLength: 7, maxLength: 7 }).map((days) =>
  days.flatMap((pairs, i) =>
    pairs.map(([o, c]) => ({ weekday: (i + 1) as OpeningInterval['weekday'], open: formatHhMm(o), close: formatHhMm(c) })),
  ),
);

function instantsNearClockChanges(zone: string): number[] {
  return offsetChangesBetween(new Date('2025-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), zone).map((d) => d.getTime());
}

const CHANGES = new Map(PROPERTY_ZONES.map((z) => [z, instantsNearClockChanges(z)]));

/** A zone and an instant, half the time within two days of one of that zone's clock changes. */
const zoneInstantArb = fc.constantFrom(...PROPERTY_ZONES).chain((zone) => {
  const anyTime = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) });
  const changes = CHANGES.get(zone) ?? [];
  const near =
    changes.length === 0
      ? anyTime
      : fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })).map(([c, d]) => c + d);
  return fc.record({ zone: fc.constant(zone), instant: fc.oneof(anyTime, near).map((ms) => new Date(ms)) });
});

/** A hall: random hours, holidays, make-up days and exceptions near the instant. */
const hallArb = fc
  .record({
    where: zoneInstantArb,
    hours: hoursArb,
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 20 }), { maxLength: 8 }),
    workdayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 20 }), { maxLength: 3 }),
    exceptions: fc.array(
      fc.record({ offset: fc.integer({ min: -2, max: 20 }), closed: fc.boolean(), span: dayIntervalsArb }),
      { maxLength: 4 },
    ),
  })
  .map(({ where, hours, holidayOffsets, workdayOffsets, exceptions }) => {
    const today = localDateInZone(where.instant, where.zone);
    const calendar: HallCalendar = {
      holidays: new Set(holidayOffsets.map((o) => addDays(today, o))),
      workdays: new Set(workdayOffsets.map((o) => addDays(today, o))),
    };
    const ex: HoursException[] = exceptions.flatMap(({ offset, closed, span }): HoursException[] => {
      const date = addDays(today, offset);
      if (closed || span.length === 0) return [{ date, closed: true }];
      return span.map(([o, c]) => ({ date, closed: false, open: formatHhMm(o), close: formatHhMm(c) }));
    });
    return { ...where, hours, calendar, exceptions: ex };
  });

describe('opening hours, for any hall in any zone', () => {
  it('generates only hours that pass validation (so the properties test real configurations)', () => {
    fc.assert(
      fc.property(hoursArb, (hours) => {
        expect(validateOpeningHours(hours)).toEqual([]);
      }),
    );
  });

  it('says the hall is open exactly when the local time falls in that day’s hours', () => {
    fc.assert(
      fc.property(hallArb, ({ zone, instant, hours, calendar, exceptions }) => {
        const { date, minutes } = localTimeInZone(instant, zone);
        const inHours = hoursOn(hours, exceptions, calendar, date).some(
          (i) => parseHhMm(i.open)! <= minutes && minutes < parseHhMm(i.close)!,
        );
        expect(isOpenAt(hours, exceptions, calendar, zone, instant)).toBe(inHours);
      }),
      { numRuns: 300 },
    );
  });

  it('lists each day’s hours as ordered, non-empty intervals within the day', () => {
    fc.assert(
      fc.property(hallArb, fc.integer({ min: -2, max: 20 }), ({ zone, instant, hours, calendar, exceptions }, k) => {
        const date = addDays(localDateInZone(instant, zone), k);
        const spans = hoursOn(hours, exceptions, calendar, date).map((i) => [parseHhMm(i.open)!, parseHhMm(i.close)!] as const);
        for (const [o, c] of spans) expect(0 <= o && o < c && c <= 1440).toBe(true);
        for (let i = 1; i < spans.length; i++) expect(spans[i - 1]![0]).toBeLessThanOrEqual(spans[i]![0]);
      }),
    );
  });

  it('never opens on a holiday unless the hall announced hours for it', () => {
    fc.assert(
      fc.property(hallArb, fc.integer({ min: -2, max: 20 }), ({ zone, instant, hours, calendar, exceptions }, k) => {
        const date = addDays(localDateInZone(instant, zone), k);
        fc.pre(calendar.holidays.has(date) && !calendar.workdays.has(date));
        fc.pre(!exceptions.some((e) => e.date === date));
        expect(hoursOn(hours, exceptions, calendar, date)).toEqual([]);
      }),
    );
  });

  it('points to a moment the hall is open, with the hall closed all the time before it', () => {
    fc.assert(
      fc.property(
        hallArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 20, maxLength: 20 }),
        ({ zone, instant, hours, calendar, exceptions }, fractions) => {
          const open = (ms: number) => isOpenAt(hours, exceptions, calendar, zone, new Date(ms));
          const t = instant.getTime();
          const r = nextOpening(hours, exceptions, calendar, zone, instant);
          if (r === null) {
            // Nothing opens within the look-ahead: sample the next 59 days.
            for (const f of fractions) expect(open(t + f * 59 * 86_400_000)).toBe(false);
            return;
          }
          const rt = r.getTime();
          expect(rt).toBeGreaterThanOrEqual(t);
          expect(open(rt)).toBe(true);
          expect(rt === t).toBe(open(t));
          if (rt === t) return;
          expect(open(rt - 1000)).toBe(false);
          for (const f of fractions) expect(open(t + Math.floor(f * (rt - t)))).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('misses no opening, checked every five minutes up to the answer', () => {
    const halfHourHours = fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 48 }).map((i) => i * 30), { maxLength: 4 }),
      { minLength: 7, maxLength: 7 },
    );
    fc.assert(
      fc.property(zoneInstantArb, halfHourHours, ({ zone, instant }, days) => {
        const hours: OpeningHours = days.flatMap((points, i) => {
          const s = [...points].sort((a, b) => a - b);
          const out: OpeningInterval[] = [];
          for (let j = 0; j + 1 < s.length; j += 2) {
            out.push({ weekday: (i + 1) as OpeningInterval['weekday'], open: formatHhMm(s[j]!), close: formatHhMm(s[j + 1]!) });
          }
          return out;
        });
        const t = instant.getTime();
        const r = nextOpening(hours, [], EMPTY_HALL_CALENDAR, zone, instant);
        const end = r === null ? t + 8 * 86_400_000 : Math.min(r.getTime(), t + 8 * 86_400_000);
        const step = 5 * 60_000;
        // Every zone here has offsets and clock changes in whole quarter hours, so a grid
        // of five-minute UTC steps hits every half-hour boundary of the wall clock.
        for (let s = Math.ceil(t / step) * step; s < end; s += step) {
          expect(isOpenAt(hours, [], EMPTY_HALL_CALENDAR, zone, new Date(s)), new Date(s).toISOString()).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
