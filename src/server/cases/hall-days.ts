// A hall's days as cases count them: its local today, its working-day calendar and
// its case policy (yellowThreshold). Deadlines reach into later years, so the calendar is loaded
// a few years ahead; a year the hall never loaded counts by the plain weekly rule.
import { localDateInZone, yearOf, type LocalDate } from '../../core/calendar/local-date.js';
import type { HallCalendar } from '../../core/calendar/working-days.js';
import { casePolicyOf, type CasePolicy } from '../../core/cases/supervision-light.js';
import type { Queryable } from '../../db/client.js';
import type { halls } from '../../db/schema.js';
import { loadHallCalendar } from '../calendar/routes.js';

export type HallRow = typeof halls.$inferSelect;

export interface HallDays {
  today: LocalDate;
  year: number;
  calendar: HallCalendar;
  policy: CasePolicy;
}

export async function hallDays(db: Queryable, hall: HallRow, now: Date): Promise<HallDays> {
  const today = localDateInZone(now, hall.timezone);
  const year = yearOf(today);
  const years = [year - 2, year - 1, year, year + 1, year + 2, year + 3];
  const { calendar } = await loadHallCalendar(db, hall.id, years);
  return { today, year, calendar, policy: casePolicyOf(hall.casePolicy) };
}
