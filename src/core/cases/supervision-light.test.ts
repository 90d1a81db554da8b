import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialHallCalendar } from '../calendar/official-holidays.js';
import { addDays, fromEpochDay, toEpochDay, weekdayOf } from '../calendar/local-date.js';
import { EMPTY_HALL_CALENDAR, type HallCalendar } from '../calendar/working-days.js';
import { caseDeadline } from './deadline.js';
import { casePolicyOf, DEFAULT_YELLOW_THRESHOLD, isStepUp, readSupervisionLight, type SupervisionLight } from './supervision-light.js';

const OFFICIAL = officialHallCalendar();
const DEFAULT = { yellowThreshold: DEFAULT_YELLOW_THRESHOLD };
const RANK: Record<SupervisionLight, number> = { green: 0, yellow: 1, red: 2 };

// Mon 2026-11-02 + 10 working days (no holidays in November) = Mon 2026-11-16.
const TEN_DAYS = { acceptedDay: '2026-11-02', deadline: '2026-11-16' };
// Mon 2026-11-02 + 20 working days = Mon 2026-11-30.
const TWENTY_DAYS = { acceptedDay: '2026-11-02', deadline: '2026-11-30' };

const START = toEpochDay('2025-01-01');
const dayArb = fc.integer({ min: 0, max: 700 }).map((i) => fromEpochDay(START + i));
const calendarArb: fc.Arbitrary<HallCalendar> = fc.oneof(
  fc.constant(OFFICIAL),
  fc.record({
    holidays: fc.uniqueArray(dayArb, { maxLength: 80 }),
    workdays: fc.uniqueArray(dayArb.filter((d) => weekdayOf(d) >= 6), { maxLength: 15 }),
  }).map(({ holidays, workdays }) => ({ holidays: new Set(holidays.filter((d) => !workdays.includes(d))), workdays: new Set(workdays) })),
);
const thresholdArb = fc.integer({ min: 50, max: 100 }).map((p) => p / 100);

describe('readSupervisionLight (R-15 电子监察)', () => {
  it('turns yellow at exactly 90 % of the promised working time, and is green just below', () => {
    // Day 9 of 10 (Fri 11-13): 90 % used.
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-13', DEFAULT)).toEqual({
      light: 'yellow', promisedWorkingDays: 10, usedWorkingDays: 9, remainingWorkingDays: 1,
    });
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-12', DEFAULT).light).toBe('green'); // 80 %
    // 18 of 20 is 90 %: yellow; 17 of 20 (85 %) is green.
    expect(readSupervisionLight(OFFICIAL, TWENTY_DAYS, '2026-11-26', DEFAULT)).toMatchObject({ light: 'yellow', usedWorkingDays: 18 });
    expect(readSupervisionLight(OFFICIAL, TWENTY_DAYS, '2026-11-25', DEFAULT)).toMatchObject({ light: 'green', usedWorkingDays: 17 });
  });

  it('compares the threshold exactly even where binary fractions are not (0.7 of 10 days)', () => {
    // 0.7 * 10 = 7.000000000000001 in floating point; 7 of 10 used must still be yellow.
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-11', { yellowThreshold: 0.7 }).light).toBe('yellow');
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-10', { yellowThreshold: 0.7 }).light).toBe('green');
  });

  it('stays yellow on the deadline day and turns red only the day after', () => {
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-16', DEFAULT)).toMatchObject({ light: 'yellow', remainingWorkingDays: 0 });
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-17', DEFAULT).light).toBe('red');
  });

  it('turns red on the day after the deadline even when that day is a holiday', () => {
    // Wed 09-23 + 4 working days (Mid-Autumn 09-25…27 skipped) = Wed 09-30; Thu 10-01 is National Day.
    const c = { acceptedDay: '2026-09-23', deadline: caseDeadline(OFFICIAL, '2026-09-23', 'promised', 4) };
    expect(c.deadline).toBe('2026-09-30');
    expect(readSupervisionLight(OFFICIAL, c, '2026-10-01', DEFAULT).light).toBe('red');
  });

  it('does not count the holiday week as used time', () => {
    // Accepted Wed 09-30 for 5 working days (deadline Tue 10-13): on 10-07 nothing is used yet.
    const c = { acceptedDay: '2026-09-30', deadline: '2026-10-13' };
    expect(readSupervisionLight(OFFICIAL, c, '2026-10-07', DEFAULT)).toMatchObject({ light: 'green', usedWorkingDays: 0, promisedWorkingDays: 5 });
    // Mon 10-12 is the 4th working day: 80 % → green; Tue 10-13 is the deadline: yellow.
    expect(readSupervisionLight(OFFICIAL, c, '2026-10-12', DEFAULT)).toMatchObject({ light: 'green', usedWorkingDays: 4 });
    expect(readSupervisionLight(OFFICIAL, c, '2026-10-13', DEFAULT).light).toBe('yellow');
  });

  it('shows an immediate case green on its acceptance day and red after it', () => {
    const c = { acceptedDay: '2026-11-26', deadline: '2026-11-26' };
    expect(readSupervisionLight(OFFICIAL, c, '2026-11-26', DEFAULT)).toEqual({ light: 'green', promisedWorkingDays: 0, usedWorkingDays: 0, remainingWorkingDays: 0 });
    expect(readSupervisionLight(OFFICIAL, c, '2026-11-27', DEFAULT).light).toBe('red');
  });

  it('with a threshold of 1 warns only on the deadline day', () => {
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-13', { yellowThreshold: 1 }).light).toBe('green');
    expect(readSupervisionLight(OFFICIAL, TEN_DAYS, '2026-11-16', { yellowThreshold: 1 }).light).toBe('yellow');
  });

  it('is yellow exactly when used/promised reaches the threshold, before or on the deadline', () => {
    fc.assert(fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: -3, max: 80 }), thresholdArb,
      (calendar, accepted, n, offset, t) => {
        const deadline = caseDeadline(calendar, accepted, 'promised', n);
        const today = addDays(accepted, offset);
        const r = readSupervisionLight(calendar, { acceptedDay: accepted, deadline }, today, { yellowThreshold: t });
        expect(r.promisedWorkingDays).toBe(n);
        expect(r.usedWorkingDays + r.remainingWorkingDays).toBe(n);
        if (today > deadline) expect(r.light).toBe('red');
        // In whole percent: used/n ≥ t ⇔ 100·used ≥ (100·t)·n.
        else expect(r.light).toBe(100 * r.usedWorkingDays >= Math.round(t * 100) * n ? 'yellow' : 'green');
      }));
  });

  it('never steps down as the days pass for one deadline', () => {
    fc.assert(fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 30 }), thresholdArb, (calendar, accepted, n, t) => {
      const deadline = n === 0 ? accepted : caseDeadline(calendar, accepted, 'promised', n);
      let previous: SupervisionLight = 'green';
      for (let d = accepted; d <= addDays(deadline, 10); d = addDays(d, 1)) {
        const { light } = readSupervisionLight(calendar, { acceptedDay: accepted, deadline }, d, { yellowThreshold: t });
        expect(RANK[light]).toBeGreaterThanOrEqual(RANK[previous]);
        previous = light;
      }
      expect(previous).toBe('red');
    }));
  });

  it('reads the same on a calendar without holidays as the plain weekly rule', () => {
    const c = { acceptedDay: '2026-10-01', deadline: '2026-10-08' }; // Thu + 5 weekdays
    expect(readSupervisionLight(EMPTY_HALL_CALENDAR, c, '2026-10-07', DEFAULT)).toMatchObject({ usedWorkingDays: 4, light: 'green' });
  });
});

describe('casePolicyOf', () => {
  it('takes a stored threshold between 0 and 1 and falls back to 90 % otherwise', () => {
    expect(casePolicyOf({ yellowThreshold: 0.8 })).toEqual({ yellowThreshold: 0.8 });
    expect(casePolicyOf({ yellowThreshold: 1 })).toEqual({ yellowThreshold: 1 });
    for (const bad of [{}, null, undefined, { yellowThreshold: 0 }, { yellowThreshold: 1.5 }, { yellowThreshold: '0.8' }]) {
      expect(casePolicyOf(bad as Record<string, unknown> | null | undefined)).toEqual({ yellowThreshold: 0.9 });
    }
  });
});

describe('isStepUp', () => {
  it('raises an alert only when the light moves up', () => {
    expect(isStepUp(null, 'yellow')).toBe(true);
    expect(isStepUp('yellow', 'red')).toBe(true);
    expect(isStepUp(null, 'green')).toBe(false);
    expect(isStepUp('yellow', 'yellow')).toBe(false);
    expect(isStepUp('red', 'yellow')).toBe(false);
  });
});
