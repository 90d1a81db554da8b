// Pure helpers about a hall's opening hours.
import type { Hall, OpeningInterval, YearCalendar } from '../../api/types';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeRange {
  open: string;
  close: string;
}

export const formatRange = (r: TimeRange): string => `${r.open}–${r.close}`;

export function intervalsOn(openingHours: OpeningInterval[], weekday: number): TimeRange[] {
  return openingHours
    .filter((i) => i.weekday === weekday)
    .map(({ open, close }) => ({ open, close }))
    .sort((a, b) => a.open.localeCompare(b.open));
}

export interface WeekGroup {
  /** Consecutive weekdays that share the same intervals. */
  weekdays: Weekday[];
  intervals: TimeRange[];
}

export function groupWeek(openingHours: OpeningInterval[]): WeekGroup[] {
  const groups: WeekGroup[] = [];
  let signature = '';
  for (const weekday of WEEKDAYS) {
    const intervals = intervalsOn(openingHours, weekday);
    const sig = intervals.map(formatRange).join(',');
    const last = groups[groups.length - 1];
    if (last && sig === signature) last.weekdays.push(weekday);
    else groups.push({ weekdays: [weekday], intervals });
    signature = sig;
  }
  return groups;
}

export type DayKind = 'regular' | 'exception' | 'holiday' | 'makeupWorkday';

export interface DaySchedule {
  kind: DayKind;
  intervals: TimeRange[];
  note?: string;
}

/**
 * The hours of one date: an exception wins, then a holiday of the working calendar (closed),
 * then a make-up workday (the hours of Monday), then the hours of that weekday.
 */
export function scheduleFor(hall: Hall, date: string, weekday: number, calendar: YearCalendar | null): DaySchedule {
  const exception = hall.hoursExceptions.find((e) => e.date === date);
  if (exception) {
    const intervals = !exception.closed && exception.open && exception.close ? [{ open: exception.open, close: exception.close }] : [];
    return { kind: 'exception', intervals, note: exception.note };
  }
  if (calendar?.holidays.includes(date)) return { kind: 'holiday', intervals: [] };
  if (calendar?.workdays.includes(date)) {
    const own = intervalsOn(hall.openingHours, weekday);
    return { kind: 'makeupWorkday', intervals: own.length ? own : intervalsOn(hall.openingHours, 1) };
  }
  return { kind: 'regular', intervals: intervalsOn(hall.openingHours, weekday) };
}
