// Times are stored in UTC; the UI shows them in the hall's IANA time zone.
import dayjs, { type Dayjs } from './dayjs';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
export const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const DATE_TIME_SECONDS = 'YYYY-MM-DD HH:mm:ss';

function safeZone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIMEZONE;
  try {
    dayjs().tz(tz);
    return tz;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

/** Formats a UTC timestamp in the given zone; '' for null. */
export function formatInZone(iso: string | null | undefined, tz: string | null | undefined, format = DATE_TIME): string {
  if (!iso) return '';
  const parsed = dayjs.utc(iso);
  if (!parsed.isValid()) return iso;
  return parsed.tz(safeZone(tz)).format(format);
}

/** "Now" as seen on the hall's wall clock. */
export function nowInZone(tz: string | null | undefined): Dayjs {
  return dayjs().tz(safeZone(tz));
}

/** 'UTC+08:00' for a zone at the current instant. */
export function utcOffsetLabel(tz: string): string {
  try {
    return `UTC${dayjs().tz(tz).format('Z')}`;
  } catch {
    return '';
  }
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: Dayjs): number {
  const d = date.day();
  return d === 0 ? 7 : d;
}
