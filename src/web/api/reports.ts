// The case report (docs/CASES-API.md "Reports"): hall-local days, inclusive.
import { api, buildUrl, seg } from './client';

export interface CaseCounters {
  casesCreated: number;
  noticesIssued: number;
  secondRoundBreaches: number;
  refusals: number;
  accepted: number;
  completedOnTime: number;
  completedLate: number;
  /** 0…1; null when nothing was completed in the period. */
  onTimeRate: number | null;
  extensionsApproved: number;
  yellowNow: number;
  redNow: number;
}

export interface ServiceCounters extends CaseCounters {
  serviceId: string;
  serviceCode: string;
  serviceName: string;
}

export interface DayCounters {
  day: string;
  noticesIssued: number;
  secondRoundBreaches: number;
  refusals: number;
  accepted: number;
  completedOnTime: number;
  completedLate: number;
}

export interface CaseReport {
  hallId: string;
  from: string;
  to: string;
  totals: CaseCounters;
  byService: ServiceCounters[];
  byDay: DayCounters[];
}

/** The longest period one report covers (a leap year). */
export const MAX_REPORT_DAYS = 366;

export const reportsApi = {
  cases: (hallId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<CaseReport>(`/halls/${seg(hallId)}/reports/cases`, { query: { from, to }, signal }),
  /** A plain link: the browser downloads it with the session cookie. */
  csvUrl: (hallId: string, from: string, to: string) => buildUrl(`/halls/${seg(hallId)}/reports/cases.csv`, { from, to }),
};
