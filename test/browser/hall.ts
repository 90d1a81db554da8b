// Arranging a hall for a browser test through the admin API: find the demo hall, and make it
// open right now (whatever the real time is) with an hours exception for today, in the hall's
// own time zone. No server hook is needed: the exception is what a manager would publish for a
// special opening, so every screen (kiosk, board, console) agrees the hall is open.
import type { ApiClient } from './server.js';

export interface HallSummary {
  id: string;
  name: string;
  timezone: string;
  openingHours: { weekday: number; open: string; close: string }[];
  hoursExceptions: { date: string; closed: boolean; open?: string; close?: string; note?: string }[];
}

export async function findHall(api: ApiClient, name: string): Promise<HallSummary> {
  const listed = await api.get<HallSummary[] | { items: HallSummary[] }>('/halls');
  const halls = Array.isArray(listed) ? listed : listed.items;
  const hall = halls.find((h) => h.name === name);
  if (!hall) throw new Error(`No hall named ${name} (have: ${halls.map((h) => h.name).join(', ')})`);
  return hall;
}

/** 'YYYY-MM-DD' and minutes since midnight of `at` on the wall clock of `timeZone`. */
export function wallClock(at: Date, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Today's hours for a hall that must be open now: from the half hour at least an hour ago to
 * the half hour at least two hours ahead, kept within the day (00:00–24:00). Near midnight the
 * next day opens at 00:00 too, so a test running across midnight still finds the hall open.
 */
export function hoursAround(at: Date, timeZone: string): { date: string; closed: false; open: string; close: string; note: string }[] {
  const { date, minutes } = wallClock(at, timeZone);
  const open = Math.max(0, Math.floor((minutes - 60) / 30) * 30);
  const close = Math.min(24 * 60, Math.ceil((minutes + 120) / 30) * 30);
  const note = '测试：临时延长办理时间';
  const days: { date: string; closed: false; open: string; close: string; note: string }[] = [{ date, closed: false, open: hhmm(open), close: hhmm(close), note }];
  if (close === 24 * 60) {
    const next = wallClock(new Date(at.getTime() + 3 * 3_600_000), timeZone).date;
    days.push({ date: next, closed: false, open: '00:00', close: '02:00', note });
  }
  return days;
}

/** Publishes hours exceptions that make the hall open now (PATCH /halls/{id}); returns them. */
export async function openHallNow(api: ApiClient, hall: HallSummary, now = new Date()): Promise<ReturnType<typeof hoursAround>> {
  const days = hoursAround(now, hall.timezone);
  const dates = new Set(days.map((d) => d.date));
  await api.patch(`/halls/${hall.id}`, { hoursExceptions: [...hall.hoursExceptions.filter((e) => !dates.has(e.date)), ...days] });
  return days;
}
