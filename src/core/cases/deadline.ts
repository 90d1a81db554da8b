// R-14 限时办结: an immediate case (即办件) is due the day it is accepted; a promised case (承诺件) is due
// on the n-th working day after the acceptance day, counted on the hall's calendar (holidays and
// make-up workdays included), so a deadline never lands on a day the hall is shut.
import { compareLocalDates, type LocalDate } from '../calendar/local-date.js';
import { addWorkingDays, type HallCalendar } from '../calendar/working-days.js';

export type CaseKind = 'immediate' | 'promised';

export function caseDeadline(calendar: HallCalendar, acceptedDay: LocalDate, kind: CaseKind, promisedDays: number | null): LocalDate {
  if (kind === 'immediate') return acceptedDay;
  if (promisedDays === null || promisedDays < 1) throw new RangeError('a promised case needs at least one promised working day');
  return addWorkingDays(calendar, acceptedDay, promisedDays);
}

/** 延期: an approved extension adds working days after the current deadline. */
export function extendedDeadline(calendar: HallCalendar, deadline: LocalDate, workingDays: number): LocalDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('an extension adds at least one working day');
  return addWorkingDays(calendar, deadline, workingDays);
}

/** A case completed on its deadline day is on time; one day later is late. */
export function completedOnTime(completedDay: LocalDate, deadline: LocalDate): boolean {
  return compareLocalDates(completedDay, deadline) <= 0;
}
