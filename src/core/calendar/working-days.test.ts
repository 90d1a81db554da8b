import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareLocalDates, fromEpochDay, toEpochDay, weekdayOf, type LocalDate } from './local-date.js';
import {
  EMPTY_HALL_CALENDAR,
  MAX_WORKING_DAYS,
  addWorkingDays,
  buildHallCalendar,
  isWorkingDay,
  workingDaysAgo,
  workingDaysBetween,
  type HallCalendar,
} from './working-days.js';

// A small hand-made calendar around the 2026 National Day holiday:
// Sun 09-20 make-up workday; Thu 10-01 … Wed 10-07 off; Sat 10-10 make-up workday.
const NATIONAL_DAY_2026 = buildHallCalendar([
  {
    year: 2026,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-20', '2026-10-10'],
  },
]);

/** The definition, day by day, to check the arithmetic against. */
function naiveWorkingDaysBetween(cal: HallCalendar, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let d = addDays(from, 1); compareLocalDates(d, to) <= 0; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) count += 1;
  }
  return count;
}

const WINDOW_START = toEpochDay('2025-06-01');
const WINDOW_DAYS = 400;
const windowDateArb = fc.integer({ min: 0, max: WINDOW_DAYS }).map((i) => fromEpochDay(WINDOW_START + i));

/**
 * Random calendars over a 400-day window: holidays anywhere (weekday or weekend, sometimes
 * most of a month), make-up workdays on weekends, and now and then a day in both lists to
 * check that the make-up workday wins.
 */
const calendarArb: fc.Arbitrary<HallCalendar> = fc
  .record({
    holidays: fc.uniqueArray(windowDateArb, { maxLength: 120 }),
    workdays: fc.uniqueArray(windowDateArb.filter((d) => weekdayOf(d) >= 6), { maxLength: 20 }),
    holidayRun: fc.option(fc.tuple(windowDateArb, fc.integer({ min: 1, max: 40 })), { nil: undefined }),
  })
  .map(({ holidays, workdays, holidayRun }) => {
    const all = new Set(holidays);
    if (holidayRun !== undefined) {
      for (let i = 0; i < holidayRun[1]; i++) all.add(addDays(holidayRun[0], i));
    }
    return { holidays: all, workdays: new Set(workdays) };
  });

const nArb = fc.integer({ min: 0, max: 300 });

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests at the weekend when nothing is listed', () => {
    expect(isWorkingDay(EMPTY_HALL_CALENDAR, '2026-09-14')).toBe(true); // Monday
    expect(isWorkingDay(EMPTY_HALL_CALENDAR, '2026-09-18')).toBe(true); // Friday
    expect(isWorkingDay(EMPTY_HALL_CALENDAR, '2026-09-19')).toBe(false); // Saturday
    expect(isWorkingDay(EMPTY_HALL_CALENDAR, '2026-09-20')).toBe(false); // Sunday
  });

  it('closes on a listed holiday, even a weekday', () => {
    expect(isWorkingDay(NATIONAL_DAY_2026, '2026-10-01')).toBe(false);
    expect(isWorkingDay(NATIONAL_DAY_2026, '2026-10-07')).toBe(false);
  });

  it('opens on a make-up Saturday or Sunday (调休上班)', () => {
    expect(isWorkingDay(NATIONAL_DAY_2026, '2026-09-20')).toBe(true);
    expect(isWorkingDay(NATIONAL_DAY_2026, '2026-10-10')).toBe(true);
    expect(isWorkingDay(NATIONAL_DAY_2026, '2026-10-11')).toBe(false);
  });

  it('lets a make-up workday win if a hand-built calendar lists a day as both', () => {
    const both: HallCalendar = { holidays: new Set(['2026-10-10']), workdays: new Set(['2026-10-10']) };
    expect(isWorkingDay(both, '2026-10-10')).toBe(true);
  });

  it('throws on a date that does not exist instead of guessing', () => {
    expect(() => isWorkingDay(EMPTY_HALL_CALENDAR, '2026-02-30')).toThrow(RangeError);
  });
});

describe('buildHallCalendar', () => {
  it('merges the schedules of several years', () => {
    const cal = buildHallCalendar([
      { year: 2025, holidays: ['2025-01-01'], workdays: [] },
      { year: 2026, holidays: ['2026-01-01', '2026-01-02'], workdays: ['2026-01-04'] },
    ]);
    expect([...cal.holidays].sort()).toEqual(['2025-01-01', '2026-01-01', '2026-01-02']);
    expect([...cal.workdays]).toEqual(['2026-01-04']);
  });

  it('accepts a holiday period that starts in the previous year', () => {
    const cal = buildHallCalendar([{ year: 2023, holidays: ['2022-12-31', '2023-01-01', '2023-01-02'], workdays: [] }]);
    expect(isWorkingDay(cal, '2022-12-31')).toBe(false);
  });

  it('rejects a malformed or non-existent date, naming it', () => {
    expect(() => buildHallCalendar([{ year: 2026, holidays: ['2026-02-30'], workdays: [] }])).toThrow(/2026-02-30/);
    expect(() => buildHallCalendar([{ year: 2026, holidays: [], workdays: ['2026/10/10'] }])).toThrow(RangeError);
  });

  it('rejects a day listed both as holiday and as make-up workday', () => {
    expect(() =>
      buildHallCalendar([
        { year: 2026, holidays: ['2026-10-10'], workdays: [] },
        { year: 2026, holidays: [], workdays: ['2026-10-10'] },
      ]),
    ).toThrow(/2026-10-10/);
  });

  it('gives an empty calendar for no years', () => {
    const cal = buildHallCalendar([]);
    expect(cal.holidays.size).toBe(0);
    expect(cal.workdays.size).toBe(0);
  });
});

describe('addWorkingDays', () => {
  it('returns the acceptance day itself for zero days, even on a holiday', () => {
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-10-03', 0)).toBe('2026-10-03');
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-09-30', 0)).toBe('2026-09-30');
  });

  it('never counts the day of acceptance', () => {
    expect(addWorkingDays(EMPTY_HALL_CALENDAR, '2026-09-14', 1)).toBe('2026-09-15'); // Mon → Tue
    expect(addWorkingDays(EMPTY_HALL_CALENDAR, '2026-09-14', 5)).toBe('2026-09-21'); // Mon → next Mon
  });

  it('skips the weekend', () => {
    expect(addWorkingDays(EMPTY_HALL_CALENDAR, '2026-09-18', 1)).toBe('2026-09-21'); // Fri → Mon
    expect(addWorkingDays(EMPTY_HALL_CALENDAR, '2026-09-19', 1)).toBe('2026-09-21'); // Sat → Mon
    expect(addWorkingDays(EMPTY_HALL_CALENDAR, '2026-09-20', 1)).toBe('2026-09-21'); // Sun → Mon
  });

  it('skips a holiday period and counts a make-up weekend day', () => {
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-10-09', 1)).toBe('2026-10-10');
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-09-19', 1)).toBe('2026-09-20');
  });

  it('starts counting after a holiday when a case is accepted during it', () => {
    expect(addWorkingDays(NATIONAL_DAY_2026, '2026-10-03', 1)).toBe('2026-10-08');
  });

  it('accepts the maximum number of days and nothing beyond, negative or fractional', () => {
    expect(() => addWorkingDays(EMPTY_HALL_CALENDAR, '2026-01-01', MAX_WORKING_DAYS)).not.toThrow();
    for (const n of [-1, 1.5, MAX_WORKING_DAYS + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(EMPTY_HALL_CALENDAR, '2026-01-01', n)).toThrow(RangeError);
    }
  });

  it('finishes even when every weekday for months is a holiday', () => {
    const holidays = new Set<LocalDate>();
    for (let i = 0; i < 200; i++) holidays.add(addDays('2026-01-01', i));
    expect(addWorkingDays({ holidays, workdays: new Set() }, '2026-01-01', 1)).toBe('2026-07-20');
  });

  it('refuses a malformed start date, even for zero days', () => {
    expect(() => addWorkingDays(EMPTY_HALL_CALENDAR, '2026-13-01', 0)).toThrow(RangeError);
  });

  it('lands every deadline on a working day', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, fc.integer({ min: 1, max: 300 }), (cal, from, n) => {
        expect(isWorkingDay(cal, addWorkingDays(cal, from, n))).toBe(true);
      }),
    );
  });

  it('never lands a deadline on a public holiday', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, fc.integer({ min: 1, max: 300 }), (cal, from, n) => {
        const due = addWorkingDays(cal, from, n);
        expect(cal.holidays.has(due) && !cal.workdays.has(due)).toBe(false);
      }),
    );
  });

  it('always falls strictly after the day of acceptance', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, fc.integer({ min: 1, max: 300 }), (cal, from, n) => {
        expect(compareLocalDates(addWorkingDays(cal, from, n), from)).toBe(1);
      }),
    );
  });

  it('gives a later deadline for a longer promise', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, nArb, (cal, from, a, b) => {
        fc.pre(a !== b);
        const [n, m] = a < b ? [a, b] : [b, a];
        expect(compareLocalDates(addWorkingDays(cal, from, n), addWorkingDays(cal, from, m))).toBe(-1);
      }),
    );
  });

  it('gives the same deadline whether a period is counted in one go or in two parts', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, nArb, (cal, from, a, b) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, from, a), b)).toBe(addWorkingDays(cal, from, a + b));
      }),
    );
  });

  it('counts exactly the promised working days between acceptance and deadline', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, (cal, from, n) => {
        expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n))).toBe(n);
      }),
    );
  });

  it('leaves no working day unused between acceptance and deadline', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, fc.integer({ min: 1, max: 60 }), (cal, from, n) => {
        const due = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, addDays(due, -1))).toBe(n - 1);
      }),
    );
  });
});

describe('workingDaysAgo', () => {
  it('is today on a working day, and the last day the hall was open otherwise', () => {
    expect(workingDaysAgo(EMPTY_HALL_CALENDAR, '2026-09-16', 0)).toBe('2026-09-16'); // Wednesday
    expect(workingDaysAgo(EMPTY_HALL_CALENDAR, '2026-09-13', 0)).toBe('2026-09-11'); // Sunday → Friday
    expect(workingDaysAgo(NATIONAL_DAY_2026, '2026-10-05', 0)).toBe('2026-09-30'); // inside the holiday week
  });

  it('skips the holiday week and counts the make-up Saturday (调休上班)', () => {
    // Mon 10-12 back: make-up Sat 10-10, Fri 10-09, Thu 10-08, then over 10-01 … 10-07 to Wed 09-30.
    expect([1, 2, 3, 4].map((n) => workingDaysAgo(NATIONAL_DAY_2026, '2026-10-12', n)))
      .toEqual(['2026-10-10', '2026-10-09', '2026-10-08', '2026-09-30']);
    // The make-up Sunday 09-20 is the working day before Monday 09-21.
    expect(workingDaysAgo(NATIONAL_DAY_2026, '2026-09-21', 1)).toBe('2026-09-20');
  });

  it('counts from the last open day when asked during a holiday', () => {
    expect(workingDaysAgo(NATIONAL_DAY_2026, '2026-10-05', 1)).toBe('2026-09-29');
  });

  it('counts plain weeks back across weekends: nine working days before Thursday 26 November is Friday the 13th', () => {
    const day = workingDaysAgo(NATIONAL_DAY_2026, '2026-11-26', 9);
    expect(day).toBe('2026-11-13');
    expect(workingDaysBetween(NATIONAL_DAY_2026, day, '2026-11-26')).toBe(9);
  });

  it('finishes even when every weekday for months back is a holiday', () => {
    const holidays = new Set<LocalDate>();
    for (let i = 0; i < 200; i++) holidays.add(addDays('2026-07-19', -i)); // 2026-01-01 … 07-19
    expect(workingDaysAgo({ holidays, workdays: new Set() }, '2026-07-19', 0)).toBe('2025-12-31');
  });

  it('accepts the maximum number of days and nothing beyond, negative or fractional', () => {
    expect(() => workingDaysAgo(EMPTY_HALL_CALENDAR, '2026-01-01', MAX_WORKING_DAYS)).not.toThrow();
    for (const n of [-1, 1.5, MAX_WORKING_DAYS + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => workingDaysAgo(EMPTY_HALL_CALENDAR, '2026-01-01', n)).toThrow(RangeError);
    }
  });

  it('refuses a malformed date', () => {
    expect(() => workingDaysAgo(EMPTY_HALL_CALENDAR, '2026-02-30', 0)).toThrow(RangeError);
  });

  it('always lands on a working day: never a holiday, never a weekend that is not a make-up workday', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, (cal, today, n) => {
        const day = workingDaysAgo(cal, today, n);
        expect(isWorkingDay(cal, day)).toBe(true);
        if (!cal.workdays.has(day)) {
          expect(cal.holidays.has(day)).toBe(false);
          expect(weekdayOf(day)).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('is undone by addWorkingDays from a working day, both ways round', () => {
    const workingDayArb = fc.tuple(calendarArb, windowDateArb).filter(([cal, d]) => isWorkingDay(cal, d));
    fc.assert(
      fc.property(workingDayArb, nArb, ([cal, day], n) => {
        expect(addWorkingDays(cal, workingDaysAgo(cal, day, n), n)).toBe(day);
        expect(workingDaysAgo(cal, addWorkingDays(cal, day, n), n)).toBe(day);
      }),
    );
  });

  it('leaves exactly n working days between the answer and the last open day', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, (cal, today, n) => {
        const lastOpen = workingDaysAgo(cal, today, 0);
        expect(compareLocalDates(lastOpen, today)).toBeLessThanOrEqual(0);
        expect(workingDaysBetween(cal, workingDaysAgo(cal, today, n), lastOpen)).toBe(n);
      }),
    );
  });

  it('gives an earlier day for more working days ago, so past steps keep their order', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, nArb, nArb, (cal, today, a, b) => {
        fc.pre(a !== b);
        const [n, m] = a < b ? [a, b] : [b, a];
        expect(compareLocalDates(workingDaysAgo(cal, today, m), workingDaysAgo(cal, today, n))).toBe(-1);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('is zero when the end is not after the start', () => {
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-09-14', '2026-09-14')).toBe(0);
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-09-14', '2026-09-01')).toBe(0);
  });

  it('counts the end day but not the start day', () => {
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-09-14', '2026-09-15')).toBe(1); // Mon → Tue
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-09-18', '2026-09-21')).toBe(1); // Fri → Mon
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-09-18', '2026-09-20')).toBe(0); // Fri → Sun
  });

  it('leaves out holidays and counts make-up weekend days', () => {
    // 09-30 → 10-10: working days are Thu 10-08, Fri 10-09 and make-up Sat 10-10.
    expect(workingDaysBetween(NATIONAL_DAY_2026, '2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween(NATIONAL_DAY_2026, '2026-09-30', '2026-10-07')).toBe(0);
    // Make-up Sun 09-20 and Mon 09-21 both count.
    expect(workingDaysBetween(NATIONAL_DAY_2026, '2026-09-19', '2026-09-21')).toBe(2);
  });

  it('handles long spans and dates before 1970', () => {
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '1969-12-28', '1970-01-04')).toBe(5);
    expect(workingDaysBetween(EMPTY_HALL_CALENDAR, '2000-01-02', '2100-01-03')).toBe(naiveWorkingDaysBetween(EMPTY_HALL_CALENDAR, '2000-01-02', '2100-01-03'));
  });

  it('agrees with counting day by day, for any calendar', () => {
    fc.assert(
      fc.property(calendarArb, windowDateArb, windowDateArb, (cal, a, b) => {
        expect(workingDaysBetween(cal, a, b)).toBe(naiveWorkingDaysBetween(cal, a, b));
      }),
    );
  });

  it('agrees with counting day by day for weekday-only spans reaching back before 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 60 }), (start, len) => {
        const from = fromEpochDay(start);
        const to = fromEpochDay(start + len);
        expect(workingDaysBetween(EMPTY_HALL_CALENDAR, from, to)).toBe(naiveWorkingDaysBetween(EMPTY_HALL_CALENDAR, from, to));
      }),
    );
  });

  it('adds up over consecutive stretches, so elapsed plus remaining is the whole period', () => {
    fc.assert(
      fc.property(calendarArb, fc.uniqueArray(windowDateArb, { minLength: 3, maxLength: 3 }), (cal, ds) => {
        const [a, b, c] = [...ds].sort() as [LocalDate, LocalDate, LocalDate];
        expect(workingDaysBetween(cal, a, b) + workingDaysBetween(cal, b, c)).toBe(workingDaysBetween(cal, a, c));
      }),
    );
  });

  it('throws on malformed dates', () => {
    expect(() => workingDaysBetween(EMPTY_HALL_CALENDAR, '2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
