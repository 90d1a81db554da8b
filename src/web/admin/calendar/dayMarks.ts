// The marks of a year's working calendar: which dates are holidays and which are make-up
// workdays (调休上班). Clicking a day cycles normal → holiday → workday → normal; a make-up
// workday is by definition a Saturday or Sunday, so weekdays cycle normal → holiday → normal.
import type { YearCalendar } from '../../api/types';

export type DayMark = 'normal' | 'holiday' | 'workday';

/** date ('YYYY-MM-DD') → mark; dates not present are 'normal'. */
export type Marks = ReadonlyMap<string, Exclude<DayMark, 'normal'>>;

const NEXT: Record<DayMark, DayMark> = { normal: 'holiday', holiday: 'workday', workday: 'normal' };

/** weekday: 1 = Monday … 7 = Sunday. */
export function nextMark(mark: DayMark, weekday: number): DayMark {
  const next = NEXT[mark];
  return next === 'workday' && weekday < 6 ? 'normal' : next;
}

/** ISO weekday of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export const markOf = (marks: Marks, date: string): DayMark => marks.get(date) ?? 'normal';

export function withMark(marks: Marks, date: string, mark: DayMark): Marks {
  const next = new Map(marks);
  if (mark === 'normal') next.delete(date);
  else next.set(date, mark);
  return next;
}

export function marksFromCalendar(calendar: YearCalendar): Marks {
  const marks = new Map<string, Exclude<DayMark, 'normal'>>();
  for (const d of calendar.holidays) marks.set(d, 'holiday');
  for (const d of calendar.workdays) marks.set(d, 'workday');
  return marks;
}

export function calendarFromMarks(year: number, marks: Marks): YearCalendar {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const [date, mark] of marks) (mark === 'holiday' ? holidays : workdays).push(date);
  return { year, holidays: holidays.sort(), workdays: workdays.sort() };
}

export function sameMarks(a: Marks, b: Marks): boolean {
  if (a.size !== b.size) return false;
  for (const [date, mark] of a) if (b.get(date) !== mark) return false;
  return true;
}

export interface GridDay {
  date: string;
  day: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** The days of a month (1–12), preceded by `leading` blanks so that weeks start on Monday. */
export function monthDays(year: number, month: number): { leading: number; days: GridDay[] } {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = first.getUTCDay() === 0 ? 7 : first.getUTCDay();
  const mm = String(month).padStart(2, '0');
  const days: GridDay[] = [];
  for (let day = 1; day <= count; day++) {
    days.push({ date: `${year}-${mm}-${String(day).padStart(2, '0')}`, day, weekday: ((firstWeekday - 1 + day - 1) % 7) + 1 });
  }
  return { leading: firstWeekday - 1, days };
}
