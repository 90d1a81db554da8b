import { describe, expect, it } from 'vitest';
import { calendarFromMarks, markOf, marksFromCalendar, monthDays, nextMark, sameMarks, weekdayOf, withMark } from './dayMarks';

describe('day marks', () => {
  it('cycles normal → holiday → workday → normal on weekends, skipping workday on weekdays', () => {
    expect(nextMark('normal', 6)).toBe('holiday');
    expect(nextMark('holiday', 6)).toBe('workday');
    expect(nextMark('workday', 7)).toBe('normal');
    expect(nextMark('holiday', 3)).toBe('normal');
  });

  it('round-trips a calendar and sorts the dates', () => {
    let marks = marksFromCalendar({ year: 2026, holidays: ['2026-10-01'], workdays: ['2026-09-27'] });
    marks = withMark(marks, '2026-01-01', 'holiday');
    marks = withMark(marks, '2026-09-27', 'normal');
    expect(markOf(marks, '2026-01-01')).toBe('holiday');
    expect(calendarFromMarks(2026, marks)).toEqual({ year: 2026, holidays: ['2026-01-01', '2026-10-01'], workdays: [] });
    expect(sameMarks(marks, new Map(marks))).toBe(true);
  });

  it('lays out months Monday-first', () => {
    const { leading, days } = monthDays(2026, 2); // 2026-02-01 is a Sunday
    expect(leading).toBe(6);
    expect(days).toHaveLength(28);
    expect(days[0]).toEqual({ date: '2026-02-01', day: 1, weekday: 7 });
    expect(weekdayOf('2026-02-02')).toBe(1);
  });
});
