// Seed data: the State Council's public-holiday schedules (国务院办公厅关于部分节假日安排的通知)
// from which a new hall's working-day calendar starts. Feeds the R-15 deadline arithmetic;
// a hall may still add local closures on top.
//
// `holidays` and `workdays` are written out in full even though they follow from
// `periods`: these lists are what gets reviewed against the notice and seeded into
// databases, and the tests check that they agree with the periods.
//
// Each year's notice appears in November of the year before; add a schedule only from the
// published text, never by extrapolating the rules.

import { buildHallCalendar, type HallCalendar } from './working-days.js';
import type { LocalDate } from './local-date.js';

/** Period names as the notices print them; 2025 merged National Day and Mid-Autumn. */
export type HolidayPeriodName =
  | '元旦'
  | '春节'
  | '清明节'
  | '劳动节'
  | '端午节'
  | '中秋节'
  | '国庆节'
  | '国庆节、中秋节';

export interface HolidayPeriod {
  readonly name: HolidayPeriodName;
  /** First and last day off, inclusive; weekend days inside count as holidays. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The weekend days the notice lists under this period as 上班. */
  readonly makeUpWorkdays: readonly LocalDate[];
}

export interface OfficialHolidaySchedule {
  readonly year: number;
  /** Every day off of every period, ascending. */
  readonly holidays: readonly LocalDate[];
  /** Make-up workdays (调休上班), ascending. */
  readonly workdays: readonly LocalDate[];
  /** The notice's title and document number. */
  readonly source: string;
  /** Date the notice was issued (落款日期). */
  readonly issued: LocalDate;
  readonly periods: readonly HolidayPeriod[];
}

const SCHEDULE_2025: OfficialHolidaySchedule = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  issued: '2024-11-12',
  periods: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeUpWorkdays: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', makeUpWorkdays: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', makeUpWorkdays: [] },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  ],
  holidays: [
    '2025-01-01',
    '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    '2025-04-04', '2025-04-05', '2025-04-06',
    '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
    '2025-05-31', '2025-06-01', '2025-06-02',
    '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

const SCHEDULE_2026: OfficialHolidaySchedule = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
  issued: '2025-11-04',
  periods: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    '2026-04-04', '2026-04-05', '2026-04-06',
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    '2026-06-19', '2026-06-20', '2026-06-21',
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** Ascending by year. Frozen: seeders share this object, and one must not edit another's. */
export const OFFICIAL_HOLIDAY_SCHEDULES: readonly OfficialHolidaySchedule[] = deepFreeze([SCHEDULE_2025, SCHEDULE_2026]);

/** A calendar holding every official schedule above, the default for a new hall. */
export function officialHallCalendar(): HallCalendar {
  return buildHallCalendar(OFFICIAL_HOLIDAY_SCHEDULES);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
