import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialHallCalendar } from '../calendar/official-holidays.js';
import { addDays, fromEpochDay, toEpochDay, weekdayOf } from '../calendar/local-date.js';
import { isWorkingDay, workingDaysBetween, type HallCalendar } from '../calendar/working-days.js';
import { caseDeadline, completedOnTime, extendedDeadline } from './deadline.js';

// The State Council schedules for 2025 and 2026, as a new hall starts with them.
const OFFICIAL = officialHallCalendar();

const START = toEpochDay('2025-01-01');
const dayArb = fc.integer({ min: 0, max: 720 }).map((i) => fromEpochDay(START + i));
/** Random calendars: official ones, or holidays anywhere and make-up days on weekends. */
const calendarArb: fc.Arbitrary<HallCalendar> = fc.oneof(
  fc.constant(OFFICIAL),
  fc.record({
    holidays: fc.uniqueArray(dayArb, { maxLength: 80 }),
    workdays: fc.uniqueArray(dayArb.filter((d) => weekdayOf(d) >= 6), { maxLength: 15 }),
  }).map(({ holidays, workdays }) => ({ holidays: new Set(holidays.filter((d) => !workdays.includes(d))), workdays: new Set(workdays) })),
);

describe('caseDeadline (R-14 限时办结)', () => {
  it('makes an immediate case (即办件) due on the day it is accepted', () => {
    expect(caseDeadline(OFFICIAL, '2026-11-26', 'immediate', null)).toBe('2026-11-26');
    expect(caseDeadline(OFFICIAL, '2026-11-26', 'immediate', 5)).toBe('2026-11-26');
  });

  it('counts a promised case (承诺件) from the day after acceptance, in working days', () => {
    // Thursday + 5 working days = next Thursday.
    expect(caseDeadline(OFFICIAL, '2026-11-26', 'promised', 5)).toBe('2026-12-03');
  });

  it('skips the 2026 National Day week and counts the make-up Saturday (10-10) when accepted the day before it', () => {
    // Wed 09-30 accepted; 10-01…10-07 off; Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3), Mon 10-12 (4), Tue 10-13 (5).
    expect(caseDeadline(OFFICIAL, '2026-09-30', 'promised', 5)).toBe('2026-10-13');
    expect(caseDeadline(OFFICIAL, '2026-09-30', 'promised', 3)).toBe('2026-10-10');
  });

  it('gets the deadline right for a case accepted on the Friday before a 7-day holiday (2026 National Day, after Mid-Autumn)', () => {
    // Fri 09-25 is itself a holiday (中秋节 09-25…09-27): the hall is open for a duty service.
    // Mon 09-28 (1), Tue 09-29 (2), Wed 09-30 (3), then 10-01…10-07 off, Thu 10-08 (4), Fri 10-09 (5), Sat 10-10 make-up (6).
    expect(caseDeadline(OFFICIAL, '2026-09-25', 'promised', 5)).toBe('2026-10-09');
    expect(caseDeadline(OFFICIAL, '2026-09-25', 'promised', 6)).toBe('2026-10-10');
    // The Friday a week earlier: Sun 09-20 is a make-up workday and counts first.
    expect(caseDeadline(OFFICIAL, '2026-09-18', 'promised', 1)).toBe('2026-09-20');
    expect(caseDeadline(OFFICIAL, '2026-09-18', 'promised', 10)).toBe('2026-10-09');
  });

  it('gets the deadline right for a case accepted on the Friday before the 2025 National Day holiday (8 days)', () => {
    // Fri 09-26; Sun 09-28 make-up (1), Mon 09-29 (2), Tue 09-30 (3); 10-01…10-08 off; Thu 10-09 (4), Fri 10-10 (5), Sat 10-11 make-up (6).
    expect(caseDeadline(OFFICIAL, '2025-09-26', 'promised', 5)).toBe('2025-10-10');
    expect(caseDeadline(OFFICIAL, '2025-09-26', 'promised', 6)).toBe('2025-10-11');
    expect(caseDeadline(OFFICIAL, '2025-09-26', 'promised', 7)).toBe('2025-10-13');
  });

  it('refuses a promised case without at least one promised working day', () => {
    expect(() => caseDeadline(OFFICIAL, '2026-11-26', 'promised', null)).toThrow(RangeError);
    expect(() => caseDeadline(OFFICIAL, '2026-11-26', 'promised', 0)).toThrow(RangeError);
  });

  it('never lets a promised deadline land on a day the hall is shut, and promises exactly n working days', () => {
    fc.assert(fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 60 }), (calendar, accepted, n) => {
      const deadline = caseDeadline(calendar, accepted, 'promised', n);
      expect(isWorkingDay(calendar, deadline)).toBe(true);
      expect(workingDaysBetween(calendar, accepted, deadline)).toBe(n);
      // The day before the deadline still leaves one working day to go.
      expect(workingDaysBetween(calendar, accepted, addDays(deadline, -1))).toBe(n - 1);
    }));
  });

  it('gives a later or equal deadline for a later acceptance day and for a longer promise', () => {
    fc.assert(fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 40 }), (calendar, accepted, later, n) => {
      const a = caseDeadline(calendar, accepted, 'promised', n);
      expect(caseDeadline(calendar, addDays(accepted, later), 'promised', n) >= a).toBe(true);
      expect(caseDeadline(calendar, accepted, 'promised', n + 1) > a).toBe(true);
    }));
  });
});

describe('extendedDeadline (延期)', () => {
  it('adds working days after the current deadline, across a holiday', () => {
    // Deadline Wed 2026-09-30, +2 working days: Thu 10-08, Fri 10-09.
    expect(extendedDeadline(OFFICIAL, '2026-09-30', 2)).toBe('2026-10-09');
  });

  it('refuses an extension of no working days or a fraction of one', () => {
    expect(() => extendedDeadline(OFFICIAL, '2026-09-30', 0)).toThrow(RangeError);
    expect(() => extendedDeadline(OFFICIAL, '2026-09-30', 1.5)).toThrow(RangeError);
  });

  it('lands on a working day exactly n working days after the old deadline', () => {
    fc.assert(fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 30 }), (calendar, deadline, n) => {
      const moved = extendedDeadline(calendar, deadline, n);
      expect(isWorkingDay(calendar, moved)).toBe(true);
      expect(workingDaysBetween(calendar, deadline, moved)).toBe(n);
    }));
  });
});

describe('completedOnTime', () => {
  it('is on time on the deadline day and late the day after', () => {
    expect(completedOnTime('2026-10-13', '2026-10-13')).toBe(true);
    expect(completedOnTime('2026-10-12', '2026-10-13')).toBe(true);
    expect(completedOnTime('2026-10-14', '2026-10-13')).toBe(false);
  });
});
