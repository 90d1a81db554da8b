// The case report's query and answer (docs/CASES-API.md "Reports"): hall-local days, inclusive.
import { z } from 'zod';
import { customIssue, fieldMessage } from '../http/field-messages.js';
import { isLocalDate, toEpochDay } from '../../core/calendar/local-date.js';

/** A year, leap day included: the longest period one report covers. */
export const MAX_REPORT_DAYS = 366;

const localDay = z.string().refine(isLocalDate, fieldMessage({ zh: '应为 YYYY-MM-DD 格式的日期', en: 'a date YYYY-MM-DD' }));

export const reportPeriodQuery = z.object({ from: localDay, to: localDay }).superRefine((q, ctx) => {
  if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
  const days = toEpochDay(q.to) - toEpochDay(q.from) + 1;
  if (days < 1) ctx.addIssue(customIssue(['to'], { zh: '结束日期不能早于开始日期', en: 'must not be before from' }));
  else if (days > MAX_REPORT_DAYS) ctx.addIssue(customIssue(['to'], { zh: `统计期间最长 ${MAX_REPORT_DAYS} 天`, en: `at most ${MAX_REPORT_DAYS} days from from` }));
});

const counters = {
  casesCreated: z.number().int(),
  noticesIssued: z.number().int(),
  secondRoundBreaches: z.number().int(),
  refusals: z.number().int(),
  accepted: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  /** completedOnTime / (completedOnTime + completedLate); null when nothing was completed. */
  onTimeRate: z.number().nullable(),
  extensionsApproved: z.number().int(),
  yellowNow: z.number().int(),
  redNow: z.number().int(),
};

export const caseReportSchema = z.object({
  hallId: z.string(),
  from: z.string(),
  to: z.string(),
  totals: z.object(counters),
  byService: z.array(z.object({ serviceId: z.string(), serviceCode: z.string(), serviceName: z.string(), ...counters })),
  byDay: z.array(z.object({
    day: z.string(),
    noticesIssued: z.number().int(),
    secondRoundBreaches: z.number().int(),
    refusals: z.number().int(),
    accepted: z.number().int(),
    completedOnTime: z.number().int(),
    completedLate: z.number().int(),
  })),
});

export type CaseReport = z.infer<typeof caseReportSchema>;
export type CaseCounters = CaseReport['totals'];
export type DayCounters = CaseReport['byDay'][number];
