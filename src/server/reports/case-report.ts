// The case report (R-11 notices, R-12 second-round breaches, R-13 refusals, R-14 on-time rate,
// R-15 yellow/red now) of one hall over hall-local days, and its CSV for Excel.
import { addDays, instantFromLocalTime, localDateInZone, toEpochDay, type LocalDate } from '../../core/calendar/local-date.js';
import { casePolicyOf, readSupervisionLight } from '../../core/cases/supervision-light.js';
import type { Queryable } from '../../db/client.js';
import { calendarCovering } from '../cases/supervision-check.js';
import * as repo from './repo.js';
import type { CaseCounters, CaseReport, DayCounters } from './schemas.js';

export interface ReportHall { id: string; timezone: string; casePolicy: Record<string, unknown> | null }

const zeroCounters = (): CaseCounters => ({
  casesCreated: 0, noticesIssued: 0, secondRoundBreaches: 0, refusals: 0, accepted: 0, completedOnTime: 0, completedLate: 0,
  onTimeRate: null, extensionsApproved: 0, yellowNow: 0, redNow: 0,
});

const zeroDay = (day: LocalDate): DayCounters => ({
  day, noticesIssued: 0, secondRoundBreaches: 0, refusals: 0, accepted: 0, completedOnTime: 0, completedLate: 0,
});

export async function buildCaseReport(db: Queryable, hall: ReportHall, from: LocalDate, to: LocalDate, now: Date): Promise<CaseReport> {
  const period: repo.Period = {
    hallId: hall.id, from, to,
    start: instantFromLocalTime(from, 0, hall.timezone),
    end: instantFromLocalTime(addDays(to, 1), 0, hall.timezone),
  };
  const [services, created, notices, accepted, completed, refused, extended, open] = await Promise.all([
    repo.servicesOfHall(db, hall.id),
    repo.casesCreated(db, period),
    repo.noticesIssued(db, period),
    repo.acceptances(db, period),
    repo.completions(db, period),
    repo.refusals(db, period),
    repo.extensionsApproved(db, period),
    repo.openCases(db, hall.id),
  ]);

  const byService = new Map(services.map((s) => [s.id, zeroCounters()]));
  const of = (serviceId: string) => {
    let c = byService.get(serviceId);
    if (!c) byService.set(serviceId, (c = zeroCounters()));
    return c;
  };
  const days = new Map<LocalDate, DayCounters>();
  for (let d = from; toEpochDay(d) <= toEpochDay(to); d = addDays(d, 1)) days.set(d, zeroDay(d));
  const onDay = (day: LocalDate) => days.get(day) ?? zeroDay(day); // a stored day outside the period cannot occur; count nowhere

  for (const r of created) of(r.service_id).casesCreated += r.n;
  for (const r of notices) {
    const s = of(r.service_id);
    s.noticesIssued += r.issued;
    s.secondRoundBreaches += r.breaches;
    const d = onDay(r.day);
    d.noticesIssued += r.issued;
    d.secondRoundBreaches += r.breaches;
  }
  for (const r of accepted) {
    of(r.service_id).accepted += r.n;
    onDay(r.day).accepted += r.n;
  }
  for (const r of completed) {
    const s = of(r.service_id);
    s.completedOnTime += r.on_time;
    s.completedLate += r.late;
    const d = onDay(r.day);
    d.completedOnTime += r.on_time;
    d.completedLate += r.late;
  }
  for (const r of refused) {
    of(r.service_id).refusals += 1;
    onDay(localDateInZone(new Date(r.refused_at), hall.timezone)).refusals += 1;
  }
  for (const r of extended) of(r.service_id).extensionsApproved += r.n;

  // R-15: the lights as they stand at the request, whatever the period.
  if (open.length) {
    const today = localDateInZone(now, hall.timezone);
    const calendar = await calendarCovering(db, hall.id, [today, ...open.flatMap((c) => [c.accepted_day, c.deadline])]);
    const policy = casePolicyOf(hall.casePolicy);
    for (const c of open) {
      const { light } = readSupervisionLight(calendar, { acceptedDay: c.accepted_day, deadline: c.deadline }, today, policy);
      if (light === 'yellow') of(c.service_id).yellowNow += 1;
      else if (light === 'red') of(c.service_id).redNow += 1;
    }
  }

  const totals = zeroCounters();
  const rows: CaseReport['byService'] = [];
  const countersOnly = (c: CaseCounters) => Object.entries(c).filter(([k]) => k !== 'onTimeRate') as [Exclude<keyof CaseCounters, 'onTimeRate'>, number][];
  for (const s of services) {
    const c = byService.get(s.id)!;
    for (const [k, v] of countersOnly(c)) totals[k] += v;
    // An archived service stays in the report only for what happened to its cases.
    if (s.archived && countersOnly(c).every(([, v]) => v === 0)) continue;
    rows.push({ serviceId: s.id, serviceCode: s.code, serviceName: s.name, ...withRate(c) });
  }
  return { hallId: hall.id, from, to, totals: withRate(totals), byService: rows, byDay: [...days.values()] };
}

function withRate(c: CaseCounters): CaseCounters {
  const completed = c.completedOnTime + c.completedLate;
  return { ...c, onTimeRate: completed ? c.completedOnTime / completed : null };
}

// ---------------------------------------------------------------------------------------------
// CSV: UTF-8 with a byte-order mark (Excel reads Chinese text right only with it), CRLF lines
// (RFC 4180), quoted where needed.

export const CSV_HEADER = ['事项编码', '事项名称', '一次性告知', '二次告知(违规)', '不予受理', '受理', '按时办结', '超期办结', '按时办结率', '延期', '黄灯', '红灯'];

export function caseReportCsv(report: CaseReport): string {
  const lines = [CSV_HEADER.map(csvText)];
  for (const s of report.byService) {
    lines.push([
      csvText(s.serviceCode), csvText(s.serviceName),
      ...[s.noticesIssued, s.secondRoundBreaches, s.refusals, s.accepted, s.completedOnTime, s.completedLate].map(String),
      s.onTimeRate === null ? '' : `${(s.onTimeRate * 100).toFixed(1)}%`,
      ...[s.extensionsApproved, s.yellowNow, s.redNow].map(String),
    ]);
  }
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/**
 * A text cell. A name a manager typed that starts like a formula (=, +, -, @) would be run by
 * Excel, so it is kept as text with a leading apostrophe (OWASP's advice for CSV injection).
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `办件统计_2026-11-01_2026-11-30.csv`, with an ASCII fallback for old clients. */
export function csvContentDisposition(from: LocalDate, to: LocalDate): string {
  const ascii = `case-report_${from}_${to}.csv`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`办件统计_${from}_${to}.csv`)}`;
}
