// "Is the hall open now, and until when?" (R-08 准时满点), from its published hours, their
// exceptions and its working-day calendar, in the hall's own time zone.
import { instantFromLocalTime, localDateInZone, localTimeInZone, yearOf, type LocalDate } from '../../core/calendar/local-date.js';
import { hoursOn, isOpenAt, nextOpening, parseHhMm, type DayInterval, type OpeningHours } from '../../core/hours/opening-hours.js';
import type { Queryable } from '../../db/client.js';
import type { halls } from '../../db/schema.js';
import { loadHallCalendar } from '../calendar/routes.js';

export interface HallClock {
  today: LocalDate;
  todayHours: DayInterval[];
  openNow: boolean;
  /** The next opening when closed now (null if none within the look-ahead). */
  opensAt: Date | null;
  /** Today's closing of the interval we are in, when open. */
  closesAt: Date | null;
  /** Today's first opening, for late sign-ins. */
  firstOpenToday: Date | null;
}

export async function hallClock(db: Queryable, hall: typeof halls.$inferSelect, now: Date): Promise<HallClock> {
  const today = localDateInZone(now, hall.timezone);
  const year = yearOf(today);
  const { calendar } = await loadHallCalendar(db, hall.id, [year - 1, year, year + 1]);
  const hours = hall.openingHours as OpeningHours;
  const todayHours = hoursOn(hours, hall.hoursExceptions, calendar, today);
  const openNow = isOpenAt(hours, hall.hoursExceptions, calendar, hall.timezone, now);
  const minutes = localTimeInZone(now, hall.timezone).minutes;
  const current = todayHours.find((i) => (parseHhMm(i.open) ?? 0) <= minutes && minutes < (parseHhMm(i.close) ?? 0));
  const first = todayHours[0];
  return {
    today,
    todayHours,
    openNow,
    opensAt: openNow ? null : nextOpening(hours, hall.hoursExceptions, calendar, hall.timezone, now),
    closesAt: openNow && current ? instantFromLocalTime(today, parseHhMm(current.close)!, hall.timezone) : null,
    firstOpenToday: first ? instantFromLocalTime(today, parseHhMm(first.open)!, hall.timezone) : null,
  };
}
