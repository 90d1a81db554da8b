// Report periods as hall-local days (YYYY-MM-DD): the presets 本周/本月/本季度/本年 run from the
// start of the week (Monday), month, quarter or year up to today, so a period never reaches into
// days that have not happened.
import dayjs from '../../time/dayjs';
import { MAX_REPORT_DAYS } from '../../api/reports';

export type PresetKind = 'week' | 'month' | 'quarter' | 'year';
export const PRESETS: PresetKind[] = ['week', 'month', 'quarter', 'year'];

export interface Period {
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

export function presetPeriod(kind: PresetKind, today: string): Period {
  const d = dayjs(today);
  let start = d;
  if (kind === 'week') start = d.subtract((d.day() + 6) % 7, 'day');
  else if (kind === 'month') start = d.date(1);
  else if (kind === 'quarter') start = d.month(Math.floor(d.month() / 3) * 3).date(1);
  else start = d.month(0).date(1);
  return { from: start.format(DAY), to: today };
}

/** Days in the period, both ends included. */
export function periodDays(p: Period): number {
  return dayjs(p.to).diff(dayjs(p.from), 'day') + 1;
}

export function isValidPeriod(p: Period): boolean {
  const n = periodDays(p);
  return n >= 1 && n <= MAX_REPORT_DAYS;
}

/** The preset the period is exactly, if any (to highlight it). */
export function presetOf(p: Period, today: string): PresetKind | null {
  return PRESETS.find((k) => {
    const q = presetPeriod(k, today);
    return q.from === p.from && q.to === p.to;
  }) ?? null;
}
