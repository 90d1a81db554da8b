// Opening times as the kiosk says them (R-08 准时满点): when the hall opens next, in the hall's
// own zone, in words a citizen reads at a glance ("明天 09:00", "周一 09:00").
import dayjs from '../time/dayjs';

export interface TodayInterval {
  open: string;
  close: string;
}

export interface HallClock {
  timezone: string;
  openNow: boolean;
  /** ISO; the next opening when closed. */
  opensAt: string | null;
  todayHours: TodayInterval[];
}

export type When =
  | { day: 'today' | 'tomorrow'; time: string; weekday: number }
  | { day: 'weekday'; time: string; weekday: number }
  | { day: 'date'; time: string; weekday: number; month: number; date: number };

function localDate(iso: string | Date, tz: string): string {
  return dayjs(iso).tz(tz).format('YYYY-MM-DD');
}

function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** How to name a coming moment: today, tomorrow, a weekday within the week, else the date. */
export function describeWhen(iso: string, now: Date, tz: string): When {
  const at = dayjs(iso).tz(tz);
  const time = at.format('HH:mm');
  const d = at.day();
  const weekday = d === 0 ? 7 : d;
  const days = daysBetween(localDate(now, tz), localDate(iso, tz));
  if (days <= 0) return { day: 'today', time, weekday };
  if (days === 1) return { day: 'tomorrow', time, weekday };
  if (days < 7) return { day: 'weekday', time, weekday };
  return { day: 'date', time, weekday, month: at.month() + 1, date: at.date() };
}

export type ClosedKind = 'notYetOpen' | 'break' | 'closed';

/**
 * Why a closed hall is closed: before today's first opening, between two of today's intervals
 * (a lunch break), or done for the day (or a holiday).
 */
export function closedKind(hall: HallClock, now: Date): ClosedKind {
  if (!hall.opensAt) return 'closed';
  if (localDate(hall.opensAt, hall.timezone) !== localDate(now, hall.timezone)) return 'closed';
  const nowTime = dayjs(now).tz(hall.timezone).format('HH:mm');
  return hall.todayHours.some((i) => i.close <= nowTime) ? 'break' : 'notYetOpen';
}

/** Milliseconds until an ISO moment, clamped to [min, max]: when to look at the hall's state again. */
export function msUntil(iso: string | null, now: Date, min = 1000, max = 6 * 60 * 60 * 1000): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso) - now.getTime();
  if (Number.isNaN(ms)) return null;
  return Math.min(max, Math.max(min, ms));
}
