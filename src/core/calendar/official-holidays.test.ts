import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareLocalDates, fromEpochDay, isLocalDate, toEpochDay, weekdayOf, yearOf } from './local-date.js';
import { OFFICIAL_HOLIDAY_SCHEDULES, officialHallCalendar, type OfficialHolidaySchedule } from './official-holidays.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

const calendar = officialHallCalendar();

function schedule(year: number): OfficialHolidaySchedule {
  const s = OFFICIAL_HOLIDAY_SCHEDULES.find((x) => x.year === year);
  if (s === undefined) throw new Error(`no schedule for ${year}`);
  return s;
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; compareLocalDates(d, to) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

// The day counts (共N天) as printed in each notice, period by period.
const PRINTED_LENGTHS: Record<number, Record<string, number>> = {
  2025: { 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 },
  2026: { 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 },
};

describe.each(OFFICIAL_HOLIDAY_SCHEDULES.map((s) => [s.year, s] as const))('the %i State Council schedule', (year, s) => {
  it('uses only real dates, sorted and without repeats', () => {
    for (const list of [s.holidays, s.workdays]) {
      expect(list.every(isLocalDate)).toBe(true);
      expect([...list]).toEqual([...new Set(list)].sort());
    }
    for (const p of s.periods) {
      expect(isLocalDate(p.from) && isLocalDate(p.to)).toBe(true);
      expect(compareLocalDates(p.from, p.to)).toBeLessThanOrEqual(0);
    }
  });

  it('lists as holidays exactly the days of its periods, weekends inside them included', () => {
    expect([...s.holidays]).toEqual(s.periods.flatMap((p) => daysOf(p.from, p.to)).sort());
  });

  it('lists as make-up workdays exactly those named under its periods', () => {
    expect([...s.workdays]).toEqual(s.periods.flatMap((p) => p.makeUpWorkdays).sort());
  });

  it('has each period as long as the notice says (共N天)', () => {
    const lengths = Object.fromEntries(s.periods.map((p) => [p.name, daysOf(p.from, p.to).length]));
    expect(lengths).toEqual(PRINTED_LENGTHS[year]);
  });

  it('puts every make-up workday on a Saturday or Sunday', () => {
    for (const d of s.workdays) expect(weekdayOf(d), d).toBeGreaterThanOrEqual(6);
  });

  it('never lists a day both as holiday and as workday', () => {
    expect(s.holidays.filter((d) => s.workdays.includes(d))).toEqual([]);
  });

  it('keeps every date within its own year', () => {
    for (const d of [...s.holidays, ...s.workdays]) expect(yearOf(d)).toBe(year);
  });

  it('places each make-up workday within two weeks of its period, as 调休 does', () => {
    for (const p of s.periods) {
      for (const w of p.makeUpWorkdays) {
        const gap = Math.min(Math.abs(toEpochDay(w) - toEpochDay(p.from)), Math.abs(toEpochDay(w) - toEpochDay(p.to)));
        expect(gap, `${p.name} ${w}`).toBeLessThanOrEqual(14);
      }
    }
  });

  it('cites the notice by title and document number', () => {
    expect(s.source).toContain(`国务院办公厅关于${year}年部分节假日安排的通知`);
    expect(s.source).toMatch(/国办发明电〔\d{4}〕\d+号/);
    expect(yearOf(s.issued)).toBe(year - 1);
  });
});

describe('official holiday data', () => {
  it('covers 2025 and 2026 in order', () => {
    expect(OFFICIAL_HOLIDAY_SCHEDULES.map((s) => s.year)).toEqual([2025, 2026]);
  });

  it('counts 28 days off and 5 make-up workdays in 2025', () => {
    expect(schedule(2025).holidays).toHaveLength(28);
    expect(schedule(2025).workdays).toHaveLength(5);
  });

  it('counts 33 days off and 6 make-up workdays in 2026', () => {
    expect(schedule(2026).holidays).toHaveLength(33);
    expect(schedule(2026).workdays).toHaveLength(6);
  });

  it('leaves 248 working days in each of 2025 and 2026', () => {
    // 365 days − 104 weekend days − 13 statutory holidays (全国年节及纪念日放假办法 as revised in
    // 2024); each make-up workday pays back one weekday bridged into a holiday period.
    const workingDaysIn = (year: number) => workingDaysBetween(calendar, `${year - 1}-12-31`, `${year}-12-31`);
    expect(workingDaysIn(2025)).toBe(248);
    expect(workingDaysIn(2026)).toBe(248);
  });

  it('cannot be changed by a seeding script by accident', () => {
    expect(Object.isFrozen(OFFICIAL_HOLIDAY_SCHEDULES)).toBe(true);
    expect(Object.isFrozen(schedule(2026).holidays)).toBe(true);
    expect(Object.isFrozen(schedule(2026).periods[0])).toBe(true);
    expect(() => (schedule(2026).holidays as string[]).push('2026-12-25')).toThrow(TypeError);
  });

  it('makes Spring Festival eve 2025 and the first day of the 2026 Spring Festival holiday days off', () => {
    expect(isWorkingDay(calendar, '2025-01-28')).toBe(false);
    expect(isWorkingDay(calendar, '2026-02-15')).toBe(false);
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
  });
});

describe('deadlines over the official holidays', () => {
  it('moves a 1-day deadline from 30 September 2025 past the eight-day holiday to 9 October', () => {
    expect(addWorkingDays(calendar, '2025-09-30', 1)).toBe('2025-10-09');
  });

  it('moves a 1-day deadline from 30 September 2026 to Thursday 8 October', () => {
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('lands a 1-day deadline from Friday 9 October 2026 on the make-up Saturday 10 October', () => {
    expect(weekdayOf('2026-10-09')).toBe(5);
    expect(addWorkingDays(calendar, '2026-10-09', 1)).toBe('2026-10-10');
  });

  it('counts the make-up Sunday 20 September 2026 for a case accepted the day before', () => {
    expect(addWorkingDays(calendar, '2026-09-19', 1)).toBe('2026-09-20');
  });

  it('gives a case accepted on the Friday before the 2026 National Day holiday a 5-working-day deadline of Friday 9 October', () => {
    // Fri 09-25 is itself the first day of the Mid-Autumn break (an online application, say),
    // so counting starts after it: Mon 09-28, Tue 09-29, Wed 09-30, then 10-01 … 10-07 off,
    // Thu 10-08, Fri 10-09.
    expect(weekdayOf('2026-09-25')).toBe(5);
    expect(isWorkingDay(calendar, '2026-09-25')).toBe(false);
    expect(addWorkingDays(calendar, '2026-09-25', 5)).toBe('2026-10-09');
  });

  it('gives a case accepted on the last working Friday before National Day 2026 a deadline before the holiday', () => {
    // Fri 09-18: Sun 09-20 (make-up), Mon 09-21, Tue 09-22, Wed 09-23, Thu 09-24.
    expect(addWorkingDays(calendar, '2026-09-18', 5)).toBe('2026-09-24');
  });

  it('runs a 5-working-day deadline from the eve of National Day 2026 through the make-up Saturday', () => {
    // Wed 09-30: Thu 10-08, Fri 10-09, Sat 10-10 (make-up), Mon 10-12, Tue 10-13.
    expect(addWorkingDays(calendar, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('spans the 2026 Spring Festival: 9 days off, then a make-up Saturday', () => {
    // Fri 02-13, then Sat 02-14 (make-up), 02-15 … 02-23 off, Tue 02-24 onwards.
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toBe('2026-02-24');
    expect(workingDaysBetween(calendar, '2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
  });

  it('crosses the year end from 2025 into the 2026 New Year holiday', () => {
    expect(addWorkingDays(calendar, '2025-12-31', 1)).toBe('2026-01-04');
  });

  it('never lands a deadline on a public holiday', () => {
    const start = toEpochDay('2024-12-01');
    const end = toEpochDay('2026-12-31');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }).map(fromEpochDay), fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(calendar.holidays.has(due)).toBe(false);
        expect(weekdayOf(due) <= 5 || calendar.workdays.has(due)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
