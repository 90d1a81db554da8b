// The hall's working-day calendar (工作日历): which days count as working days, and
// statutory counting of periods in working days (办理时限, 按工作日计算). Implements the
// deadline arithmetic behind R-15 (supervision lights: share of the promised working time
// already used).
//
// The rule for a day, in order: a listed make-up workday (调休上班) is a working day; a listed
// holiday (法定节假日 and the rest days of its 放假调休 period) is not; otherwise Monday–Friday
// work and Saturday–Sunday rest. Years the hall never loaded fall back to the plain weekly
// rule, so a calendar must be loaded for every year a deadline can reach.

import {
  fromEpochDay,
  isLocalDate,
  isoWeekdayOfEpochDay,
  toEpochDay,
  weekdayOf,
  type LocalDate,
} from './local-date.js';

export interface HallCalendar {
  /** Days off that would otherwise be working days, or rest days inside a holiday period. */
  readonly holidays: ReadonlySet<LocalDate>;
  /** Make-up workdays (调休上班) falling on a weekend. */
  readonly workdays: ReadonlySet<LocalDate>;
}

/** One year's published schedule, as entered by an administrator or seeded from the notice. */
export interface HallCalendarYear {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

/** Far beyond any statutory period (ten years of working days); a larger n is a bug upstream. */
export const MAX_WORKING_DAYS = 3660;

export const EMPTY_HALL_CALENDAR: HallCalendar = Object.freeze({
  holidays: new Set<LocalDate>(),
  workdays: new Set<LocalDate>(),
});

/**
 * Merges yearly schedules into one calendar. Throws a RangeError on a malformed date or a
 * day listed both as holiday and as workday: the hall must say which it is, and guessing
 * would silently move every deadline around that day.
 *
 * A year's lists may contain days of the neighbouring year (a New Year period can start on
 * 31 December), so dates are not checked against `year`.
 */
export function buildHallCalendar(years: readonly HallCalendarYear[]): HallCalendar {
  const holidays = new Set<LocalDate>();
  const workdays = new Set<LocalDate>();
  for (const y of years) {
    for (const d of y.holidays) holidays.add(requireDate(d, y.year, 'holiday'));
    for (const d of y.workdays) workdays.add(requireDate(d, y.year, 'workday'));
  }
  const both = [...holidays].filter((d) => workdays.has(d)).sort();
  if (both.length > 0) {
    throw new RangeError(`listed both as holiday and as make-up workday: ${both.join(', ')}`);
  }
  return { holidays, workdays };
}

export function isWorkingDay(calendar: HallCalendar, date: LocalDate): boolean {
  const weekday = weekdayOf(date); // validates before the set lookups can miss on junk
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekday <= 5;
}

/**
 * The n-th working day strictly after `from`: the day of acceptance never counts, so a
 * 5-working-day promise on a Friday ends the following Friday. n = 0 returns `from`
 * itself, working day or not.
 */
export function addWorkingDays(calendar: HallCalendar, from: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer 0–${MAX_WORKING_DAYS}, got ${n}`);
  }
  let day = toEpochDay(from);
  if (n === 0) return from;
  // Terminates: holidays are finite, so past the last one every Monday–Friday counts.
  let remaining = n;
  for (;;) {
    day += 1;
    if (isWorkingEpochDay(calendar, day)) {
      remaining -= 1;
      if (remaining === 0) return fromEpochDay(day);
    }
  }
}

/**
 * The working day `n` working days ago, seen from `today`: the latest working day on or before
 * `today` is 0 ago, the working day before it 1 ago, and so on. The answer is always a working
 * day — on a Sunday or during a holiday week, "today's" work happened on the last day the hall
 * was open — and different n give different days, latest first.
 *
 * For a working day `today` it undoes addWorkingDays: addWorkingDays(c, workingDaysAgo(c, t, n), n) === t.
 * Used to lay out past work on the days it could have happened (the demo hall's history).
 */
export function workingDaysAgo(calendar: HallCalendar, today: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer 0–${MAX_WORKING_DAYS}, got ${n}`);
  }
  // Terminates: holidays are finite, so before the first one every Monday–Friday counts.
  let day = toEpochDay(today);
  while (!isWorkingEpochDay(calendar, day)) day -= 1;
  for (let remaining = n; remaining > 0;) {
    day -= 1;
    if (isWorkingEpochDay(calendar, day)) remaining -= 1;
  }
  return fromEpochDay(day);
}

/**
 * Working days d with from < d ≤ to; 0 when to ≤ from. The inverse of addWorkingDays:
 * workingDaysBetween(c, from, addWorkingDays(c, from, n)) === n.
 *
 * Counted arithmetically (weekdays in the range, corrected by the listed days inside it)
 * so that a case open for years costs no more than one open for a day.
 */
export function workingDaysBetween(calendar: HallCalendar, from: LocalDate, to: LocalDate): number {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  if (end <= start) return 0;
  let count = weekdaysUpTo(end) - weekdaysUpTo(start);
  for (const d of calendar.holidays) {
    if (d > from && d <= to && !calendar.workdays.has(d) && weekdayOf(d) <= 5) count -= 1;
  }
  for (const d of calendar.workdays) {
    if (d > from && d <= to && weekdayOf(d) >= 6) count += 1;
  }
  return count;
}

// ---------------------------------------------------------------------------------------

function requireDate(value: string, year: number, what: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new RangeError(`calendar ${year}: ${what} is not a valid date (YYYY-MM-DD): ${value}`);
  }
  return value;
}

function isWorkingEpochDay(calendar: HallCalendar, epochDay: number): boolean {
  const date = fromEpochDay(epochDay);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return isoWeekdayOfEpochDay(epochDay) <= 5;
}

/**
 * Monday–Friday days in (−∞, epochDay] counted from an arbitrary origin; only differences
 * are meaningful. Epoch day −3 (1969-12-29) is a Monday, hence x = epochDay + 3.
 */
function weekdaysUpTo(epochDay: number): number {
  const y = epochDay + 3 + 1;
  const weeks = Math.floor(y / 7);
  const rest = y - weeks * 7;
  return weeks * 5 + Math.min(rest, 5);
}
