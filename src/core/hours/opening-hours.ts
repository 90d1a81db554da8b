// A hall's published opening hours and their exceptions, and what they mean at a given
// moment: R-08 准时满点 (open on time, for the full published hours). The hall is judged
// against these hours, so "open" here means what the notice board promises citizens.
//
// Hours are wall-clock times in the hall's zone. Which day's hours apply, in order:
//   1. exceptions for that date replace everything (a closure wins over special hours);
//   2. a make-up workday (调休上班) on a weekend keeps working-day hours — Monday's, because
//      which weekday it stands in for is not published; if the hall has no Monday hours,
//      the first of Tuesday–Friday that has some;
//   3. a holiday in the hall calendar is closed, even on a day with regular weekend hours;
//   4. otherwise the weekday's own intervals.
// Intervals are half-open: open at 09:00:00, closed again at 17:00:00 when posted 09:00–17:00.

import {
  addDays,
  instantsAtLocalTime,
  localTimeInZone,
  offsetChangesBetween,
  toEpochDay,
  weekdayOf,
  isLocalDate,
  type IsoWeekday,
  type LocalDate,
} from '../calendar/local-date.js';
import type { HallCalendar } from '../calendar/working-days.js';

/** Wall-clock time 'HH:MM', 00:00–24:00; 24:00 only makes sense as a closing time. */
export type HhMm = string;

export interface OpeningInterval {
  readonly weekday: IsoWeekday;
  readonly open: HhMm;
  readonly close: HhMm;
}

/** Several intervals per weekday allowed (a lunch break is two intervals); none = closed. */
export type OpeningHours = readonly OpeningInterval[];

/**
 * One date's deviation from the weekly hours: closed all day, or one interval of special
 * hours. Several non-closed exceptions on one date together make that day's hours.
 */
export interface HoursException {
  readonly date: LocalDate;
  readonly closed: boolean;
  readonly open?: HhMm;
  readonly close?: HhMm;
  /** Shown to citizens, e.g. '系统升级，暂停办理'. */
  readonly note?: string;
}

export interface DayInterval {
  readonly open: HhMm;
  readonly close: HhMm;
}

export type OpeningHoursProblem =
  | { readonly code: 'invalid-weekday'; readonly index: number; readonly weekday: unknown }
  | { readonly code: 'invalid-time'; readonly index: number; readonly field: 'open' | 'close'; readonly value: unknown }
  | { readonly code: 'open-not-before-close'; readonly index: number; readonly open: HhMm; readonly close: HhMm }
  | { readonly code: 'overlap'; readonly index: number; readonly otherIndex: number; readonly weekday: IsoWeekday };

export type HoursExceptionProblem =
  | { readonly code: 'invalid-date'; readonly index: number; readonly value: unknown }
  | { readonly code: 'invalid-time'; readonly index: number; readonly field: 'open' | 'close'; readonly value: unknown }
  | { readonly code: 'missing-time'; readonly index: number; readonly field: 'open' | 'close' }
  | { readonly code: 'hours-on-closed-day'; readonly index: number }
  | { readonly code: 'open-not-before-close'; readonly index: number; readonly open: HhMm; readonly close: HhMm }
  | { readonly code: 'overlap'; readonly index: number; readonly otherIndex: number; readonly date: LocalDate }
  | { readonly code: 'closed-and-open'; readonly index: number; readonly otherIndex: number; readonly date: LocalDate };

/** How far nextOpening looks before concluding the hall has no published opening. */
export const NEXT_OPENING_LOOKAHEAD_DAYS = 60;

const HH_MM_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const MINUTES_PER_DAY = 1440;
const MS_PER_DAY = 86_400_000;
// Any instant showing a given local date lies within 16 h of that date's midnight read as
// UTC (tz offsets stay within ±16 h).
const MAX_OFFSET_MS = 16 * 3_600_000;

/** Minutes since midnight for a valid 'HH:MM' (24:00 → 1440), else null. */
export function parseHhMm(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = HH_MM_PATTERN.exec(value);
  if (m === null) return null;
  if (m[1] === undefined || m[2] === undefined) return MINUTES_PER_DAY;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatHhMm(minutes: number): HhMm {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`minutes since midnight must be an integer 0–1440, got ${minutes}`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Every problem at once, so an editor can mark them all; an empty list means valid. */
export function validateOpeningHours(hours: OpeningHours): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  const usable: { index: number; weekday: IsoWeekday; open: number; close: number }[] = [];
  hours.forEach((h, index) => {
    const weekdayOk = Number.isInteger(h.weekday) && h.weekday >= 1 && h.weekday <= 7;
    if (!weekdayOk) problems.push({ code: 'invalid-weekday', index, weekday: h.weekday });
    const span = checkSpan(h.open, h.close, index, (p) => problems.push(p));
    if (weekdayOk && span !== null) usable.push({ index, weekday: h.weekday, ...span });
  });
  for (const [i, a] of usable.entries()) {
    for (const b of usable.slice(0, i)) {
      if (a.weekday === b.weekday && overlaps(a, b)) {
        problems.push({ code: 'overlap', index: a.index, otherIndex: b.index, weekday: a.weekday });
      }
    }
  }
  return problems;
}

export function validateHoursExceptions(exceptions: readonly HoursException[]): HoursExceptionProblem[] {
  const problems: HoursExceptionProblem[] = [];
  const closures: { index: number; date: LocalDate }[] = [];
  const openings: { index: number; date: LocalDate; open: number; close: number }[] = [];
  exceptions.forEach((e, index) => {
    const dateOk = isLocalDate(e.date);
    if (!dateOk) problems.push({ code: 'invalid-date', index, value: e.date });
    if (e.closed) {
      if (e.open !== undefined || e.close !== undefined) problems.push({ code: 'hours-on-closed-day', index });
      if (dateOk) closures.push({ index, date: e.date });
      return;
    }
    if (e.open === undefined) problems.push({ code: 'missing-time', index, field: 'open' });
    if (e.close === undefined) problems.push({ code: 'missing-time', index, field: 'close' });
    if (e.open === undefined || e.close === undefined) return;
    const span = checkSpan(e.open, e.close, index, (p) => problems.push(p));
    if (dateOk && span !== null) openings.push({ index, date: e.date, ...span });
  });
  for (const [i, a] of openings.entries()) {
    for (const b of openings.slice(0, i)) {
      if (a.date === b.date && overlaps(a, b)) {
        problems.push({ code: 'overlap', index: a.index, otherIndex: b.index, date: a.date });
      }
    }
  }
  for (const c of closures) {
    for (const o of openings) {
      if (o.date === c.date) {
        problems.push({ code: 'closed-and-open', index: Math.max(c.index, o.index), otherIndex: Math.min(c.index, o.index), date: c.date });
      }
    }
  }
  return problems;
}

/**
 * The intervals the hall is open on `date`, ascending. Malformed entries are skipped rather
 * than trusted: validate on input, and a bad row can at worst hide hours, never invent them.
 */
export function hoursOn(
  hours: OpeningHours,
  exceptions: readonly HoursException[],
  calendar: HallCalendar,
  date: LocalDate,
): DayInterval[] {
  return minuteIntervalsOn(hours, exceptions, calendar, date).map(({ open, close }) => ({
    open: formatHhMm(open),
    close: formatHhMm(close),
  }));
}

/** Whether the wall clock in `timeZone` at `instant` falls inside that day's hours. */
export function isOpenAt(
  hours: OpeningHours,
  exceptions: readonly HoursException[],
  calendar: HallCalendar,
  timeZone: string,
  instant: Date,
): boolean {
  const { date, minutes } = localTimeInZone(instant, timeZone);
  return minuteIntervalsOn(hours, exceptions, calendar, date).some((i) => i.open <= minutes && minutes < i.close);
}

/**
 * The earliest instant at or after `instant` at which the hall is open — `instant` itself
 * when it is open already — looking up to NEXT_OPENING_LOOKAHEAD_DAYS local days ahead;
 * null when nothing opens in that window (e.g. a hall closed for renovation).
 *
 * Agrees with isOpenAt even across DST changes: the open periods can only begin where the
 * clock shows an opening time (in an overlap, at either occurrence) or where the clock
 * jumps, so those instants are the candidates and isOpenAt picks among them.
 */
export function nextOpening(
  hours: OpeningHours,
  exceptions: readonly HoursException[],
  calendar: HallCalendar,
  timeZone: string,
  instant: Date,
): Date | null {
  const openAt = (ms: number): boolean => isOpenAt(hours, exceptions, calendar, timeZone, new Date(ms));
  const start = instant.getTime();
  if (openAt(start)) return new Date(start);
  const today = localTimeInZone(instant, timeZone).date;
  let best: number | null = null;
  // From yesterday: a clock set back across midnight shows yesterday's date once more.
  for (let k = -1; k <= NEXT_OPENING_LOOKAHEAD_DAYS; k++) {
    const date = addDays(today, k);
    const midnightAsUtc = toEpochDay(date) * MS_PER_DAY;
    // Nothing from this date on can precede its midnight by more than the largest offset.
    if (best !== null && best < midnightAsUtc - MAX_OFFSET_MS) break;
    const intervals = minuteIntervalsOn(hours, exceptions, calendar, date);
    if (intervals.length === 0) continue;
    const candidates = intervals.flatMap((i) => instantsAtLocalTime(date, i.open, timeZone)).map((d) => d.getTime());
    const around = offsetChangesBetween(
      new Date(midnightAsUtc - MAX_OFFSET_MS),
      new Date(midnightAsUtc + MS_PER_DAY + MAX_OFFSET_MS),
      timeZone,
    );
    for (const t of around) candidates.push(t.getTime());
    for (const c of candidates) {
      if (c >= start && (best === null || c < best) && openAt(c)) best = c;
    }
  }
  return best === null ? null : new Date(best);
}

// ---------------------------------------------------------------------------------------

interface MinuteInterval {
  readonly open: number;
  readonly close: number;
}

function minuteIntervalsOn(
  hours: OpeningHours,
  exceptions: readonly HoursException[],
  calendar: HallCalendar,
  date: LocalDate,
): MinuteInterval[] {
  let weekday = weekdayOf(date);
  const special = exceptions.filter((e) => e.date === date);
  if (special.length > 0) {
    if (special.some((e) => e.closed)) return [];
    return usableIntervals(special);
  }
  if (calendar.workdays.has(date)) {
    if (weekday >= 6) weekday = weekdayStoodInFor(hours);
  } else if (calendar.holidays.has(date)) {
    return [];
  }
  return usableIntervals(hours.filter((h) => h.weekday === weekday));
}

function weekdayStoodInFor(hours: OpeningHours): IsoWeekday {
  const candidates: IsoWeekday[] = [1, 2, 3, 4, 5];
  return candidates.find((w) => hours.some((h) => h.weekday === w && toSpan(h.open, h.close) !== null)) ?? 1;
}

function usableIntervals(entries: readonly { open?: HhMm; close?: HhMm }[]): MinuteInterval[] {
  const spans: MinuteInterval[] = [];
  for (const e of entries) {
    const span = toSpan(e.open, e.close);
    if (span !== null) spans.push(span);
  }
  return spans.sort((a, b) => a.open - b.open || a.close - b.close);
}

function toSpan(open: unknown, close: unknown): MinuteInterval | null {
  const o = parseHhMm(open);
  const c = parseHhMm(close);
  return o !== null && c !== null && o < c ? { open: o, close: c } : null;
}

type SpanProblem = Extract<OpeningHoursProblem, { code: 'invalid-time' | 'open-not-before-close' }>;

function checkSpan(
  open: unknown,
  close: unknown,
  index: number,
  report: (problem: SpanProblem) => void,
): MinuteInterval | null {
  const o = parseHhMm(open);
  const c = parseHhMm(close);
  if (o === null) report({ code: 'invalid-time', index, field: 'open', value: open });
  if (c === null) report({ code: 'invalid-time', index, field: 'close', value: close });
  if (o === null || c === null) return null;
  if (o >= c) {
    report({ code: 'open-not-before-close', index, open: String(open), close: String(close) });
    return null;
  }
  return { open: o, close: c };
}

function overlaps(a: MinuteInterval, b: MinuteInterval): boolean {
  return a.open < b.close && b.open < a.close;
}
