import { api, seg } from './client';
import type { WorkingDaysResult, YearCalendar } from './types';

export const calendarApi = {
  get: (hallId: string, year: number, signal?: AbortSignal) =>
    api.get<YearCalendar>(`/halls/${seg(hallId)}/calendar/${seg(year)}`, { signal }),
  /** The year goes in the path; the body has only the two date lists. */
  save: (hallId: string, calendar: YearCalendar) =>
    api.put<YearCalendar>(`/halls/${seg(hallId)}/calendar/${seg(calendar.year)}`, {
      holidays: calendar.holidays,
      workdays: calendar.workdays,
    }),
  workingDays: (hallId: string, from: string, add: number) =>
    api.get<WorkingDaysResult>(`/halls/${seg(hallId)}/calendar/working-days`, { query: { from, add } }),
};
