// Hall-local calendar days and wall-clock time: the date arithmetic under the working-day
// calendar (R-15 deadlines, 办理时限) and the opening hours (R-08 准时满点).
//
// A LocalDate is a day on the hall's wall calendar, not an instant. Arithmetic runs on UTC
// so that no host time zone and no DST change can shift a day; converting between instants
// and wall-clock time goes through Intl with the hall's IANA zone, never the host's.

/** A hall-local calendar day, 'YYYY-MM-DD' (years 0001–9999). */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Wall-clock time in a zone: the local day and minutes since its midnight (0–1439). */
export interface LocalTime {
  readonly date: LocalDate;
  readonly minutes: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseParts(value) !== null;
}

/** The day `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) {
    throw new RangeError(`addDays needs an integer number of days, got ${days}`);
  }
  return fromEpochDay(toEpochDay(date) + days);
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

/** Negative, zero or positive, like a sort comparator. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}

export function yearOf(date: LocalDate): number {
  return requireParts(date).year;
}

/**
 * Days since 1970-01-01. Exported for modules that count over long ranges, where walking
 * day by day through strings would be needlessly slow.
 */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = requireParts(date);
  return Math.round(utcMs(year, month, day, 0) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) {
    throw new RangeError(`not a day number: ${epochDay}`);
  }
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new RangeError(`date out of the supported range 0001–9999 (day ${epochDay})`);
  }
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** 1970-01-01 was a Thursday; the double modulo keeps days before 1970 right. */
export function isoWeekdayOfEpochDay(epochDay: number): IsoWeekday {
  return ((((epochDay + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** The calendar day that the wall clocks in `timeZone` show at `instant`. */
export function localDateInZone(instant: Date, timeZone: string): LocalDate {
  return localTimeInZone(instant, timeZone).date;
}

/**
 * Wall-clock day and minute in `timeZone` at `instant`. Seconds are dropped, so 08:59:59
 * is still minute 539: a hall posted as opening at 09:00 is not open yet.
 */
export function localTimeInZone(instant: Date, timeZone: string): LocalTime {
  const w = wallFields(requireInstantMs(instant), timeZone);
  if (w.year < 1 || w.year > 9999) {
    throw new RangeError(`instant falls outside the supported years 0001–9999 in ${timeZone}`);
  }
  return { date: `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`, minutes: w.hour * 60 + w.minute };
}

/**
 * Every instant at which the clocks in `timeZone` show `date` at `minutes` (0–1440; 1440 is
 * the next midnight): usually one, none inside a spring-forward gap, two inside a
 * fall-back overlap (earlier first).
 */
export function instantsAtLocalTime(date: LocalDate, minutes: number, timeZone: string): Date[] {
  return wallTimeOccurrences(wallMs(date, minutes), timeZone).map((ms) => new Date(ms));
}

/**
 * The first instant at which the clocks in `timeZone` reach `date` at `minutes` (0–1440).
 * In a fall-back overlap that is the earlier of the two; in a spring-forward gap, where the
 * wall time never shows, it is the moment the clocks jump past it — a hall posted to open
 * at 02:30 on that night is open as soon as the clock reads 03:00.
 */
export function instantFromLocalTime(date: LocalDate, minutes: number, timeZone: string): Date {
  const wall = wallMs(date, minutes);
  const occurrences = wallTimeOccurrences(wall, timeZone);
  const first = occurrences[0];
  if (first !== undefined) return new Date(first);
  // The gap is the change at which the clock jumps from before this wall time to after it.
  const transition = offsetChangesWithin(wall - OFFSET_SEARCH_MS, wall + OFFSET_SEARCH_MS, timeZone).find(
    (t) => t - 1000 + offsetMsAt(t - 1000, timeZone) < wall && t + offsetMsAt(t, timeZone) > wall,
  );
  if (transition === undefined) {
    // Only reachable if a zone changed its offset twice within 32 hours, which none does;
    // the plain reading beats failing.
    return new Date(wall - offsetMsAt(wall, timeZone));
  }
  return new Date(transition);
}

/**
 * Instants strictly between `from` and `to` at which the zone's UTC offset changes (DST or
 * a change of standard time), each the first instant under the new offset, ascending.
 */
export function offsetChangesBetween(from: Date, to: Date, timeZone: string): Date[] {
  return offsetChangesWithin(requireInstantMs(from), requireInstantMs(to), timeZone).map((ms) => new Date(ms));
}

// ---------------------------------------------------------------------------------------

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseParts(s: string): DateParts | null {
  const m = LOCAL_DATE_PATTERN.exec(s);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireParts(date: LocalDate): DateParts {
  const parts = typeof date === 'string' ? parseParts(date) : null;
  if (parts === null) throw new RangeError(`not a LocalDate (YYYY-MM-DD): ${String(date)}`);
  return parts;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcMs(year: number, month: number, day: number, minutes: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() + minutes * MS_PER_MINUTE;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function requireInstantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('not a valid Date instant');
  return ms;
}

/** The wall time read as if it were UTC: the common currency for offset arithmetic. */
function wallMs(date: LocalDate, minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`minutes since local midnight must be an integer 0–1440, got ${minutes}`);
  }
  const { year, month, day } = requireParts(date);
  return utcMs(year, month, day, minutes);
}

// Real offsets stay within ±16 h (tzdb's extremes are local mean times near ±15:56), so
// every instant showing a given wall time lies within this distance of the wall time.
const OFFSET_SEARCH_MS = 16 * 60 * MS_PER_MINUTE;

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat costs far more than using one, and every hall asks about the
// same zone over and over.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Gregorian calendar and Latin digits are pinned so that no locale default can change
    // the parts; h23 avoids the '24' hour some engines print at midnight.
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallFields(ms: number, timeZone: string): WallFields {
  const fields: WallFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let beforeCommonEra = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        fields[part.type] = Number(part.value);
        break;
      case 'era':
        beforeCommonEra = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (beforeCommonEra) fields.year = 1 - fields.year;
  return fields;
}

/** Wall time minus UTC at `ms`, in milliseconds; Intl resolves to the second. */
function offsetMsAt(ms: number, timeZone: string): number {
  const w = wallFields(ms, timeZone);
  const wall = utcMs(w.year, w.month, w.day, w.hour * 60 + w.minute) + w.second * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Candidate instants are the wall time minus each offset in force nearby; a candidate is
 * real only if the zone shows that offset at that instant. This assumes the offset changes
 * at most once within 16 h either side, which holds for every zone in the tz database.
 */
function wallTimeOccurrences(wall: number, timeZone: string): number[] {
  const before = offsetMsAt(wall - OFFSET_SEARCH_MS, timeZone);
  const after = offsetMsAt(wall + OFFSET_SEARCH_MS, timeZone);
  const candidates = before === after ? [wall - before] : [wall - before, wall - after];
  return candidates
    .filter((t) => offsetMsAt(t, timeZone) === wall - t)
    .sort((a, b) => a - b)
    .filter((t, i, all) => i === 0 || all[i - 1] !== t);
}

// Sampling every 6 h finds each change unless two fall within 6 h of each other, which no
// zone does; bisection then pins the change to the second.
const OFFSET_SAMPLE_MS = 6 * 60 * MS_PER_MINUTE;

function offsetChangesWithin(from: number, to: number, timeZone: string): number[] {
  const changes: number[] = [];
  if (!(to > from)) return changes;
  let lo = from;
  let loOffset = offsetMsAt(lo, timeZone);
  while (lo < to) {
    const hi = Math.min(lo + OFFSET_SAMPLE_MS, to);
    const hiOffset = offsetMsAt(hi, timeZone);
    if (hiOffset !== loOffset) {
      const change = firstInstantWithOffset(lo, hi, loOffset, timeZone);
      if (change < to) changes.push(change);
    }
    lo = hi;
    loOffset = hiOffset;
  }
  return changes;
}

/** Smallest whole second in (lo, hi] whose offset differs from `loOffset`. */
function firstInstantWithOffset(lo: number, hi: number, loOffset: number, timeZone: string): number {
  let a = Math.floor(lo / 1000);
  let b = Math.ceil(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetMsAt(mid * 1000, timeZone) === loOffset) a = mid;
    else b = mid;
  }
  return b * 1000;
}
