// Read-only SQL for the case report. Days that the cases capability stores in the hall's zone
// (issued_day, accepted_day, completed_day) are filtered as text; moments without a stored day
// (creation, refusal, an extension's decision) are filtered by the period's instants.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';

export interface Period { hallId: string; from: string; to: string; start: Date; end: Date }

export interface ReportService { id: string; code: string; name: string; archived: boolean }
export interface ServiceCount { service_id: string; n: number }
export interface ServiceDayCount { service_id: string; day: string; n: number }
export interface NoticeCount { service_id: string; day: string; issued: number; breaches: number }
export interface CompletionCount { service_id: string; day: string; on_time: number; late: number }
export interface OpenCase { service_id: string; accepted_day: string; deadline: string }

export function servicesOfHall(db: Queryable, hallId: string) {
  return queryRows<ReportService>(db, sql`
    select id, code, name, archived_at is not null as archived from services where hall_id = ${hallId} order by code, created_at`);
}

export function casesCreated(db: Queryable, p: Period) {
  return queryRows<ServiceCount>(db, sql`
    select service_id, count(*)::int as n from cases
    where hall_id = ${p.hallId} and created_at >= ${p.start} and created_at < ${p.end}
    group by service_id`);
}

export function noticesIssued(db: Queryable, p: Period) {
  return queryRows<NoticeCount>(db, sql`
    select c.service_id, n.issued_day as day, count(*)::int as issued,
           count(*) filter (where n.breach = 'second_round')::int as breaches
    from case_notices n join cases c on c.id = n.case_id
    where n.hall_id = ${p.hallId} and n.issued_day >= ${p.from} and n.issued_day <= ${p.to}
    group by c.service_id, n.issued_day`);
}

export function acceptances(db: Queryable, p: Period) {
  return queryRows<ServiceDayCount>(db, sql`
    select service_id, accepted_day as day, count(*)::int as n from cases
    where hall_id = ${p.hallId} and accepted_day >= ${p.from} and accepted_day <= ${p.to}
    group by service_id, accepted_day`);
}

export function completions(db: Queryable, p: Period) {
  return queryRows<CompletionCount>(db, sql`
    select service_id, completed_day as day,
           count(*) filter (where on_time)::int as on_time, count(*) filter (where not on_time)::int as late
    from cases
    where hall_id = ${p.hallId} and status = 'completed' and completed_day >= ${p.from} and completed_day <= ${p.to}
    group by service_id, completed_day`);
}

/** One row per refusal: its day in the hall's zone is worked out by the caller. */
export function refusals(db: Queryable, p: Period) {
  return queryRows<{ service_id: string; refused_at: Date | string }>(db, sql`
    select service_id, refused_at from cases
    where hall_id = ${p.hallId} and refused_at >= ${p.start} and refused_at < ${p.end}`);
}

export function extensionsApproved(db: Queryable, p: Period) {
  return queryRows<ServiceCount>(db, sql`
    select c.service_id, count(*)::int as n
    from case_extensions e join cases c on c.id = e.case_id
    where e.hall_id = ${p.hallId} and e.status = 'approved' and e.decided_at >= ${p.start} and e.decided_at < ${p.end}
    group by c.service_id`);
}

/** Accepted, unfinished cases: their light is read at the request time. */
export function openCases(db: Queryable, hallId: string) {
  return queryRows<OpenCase>(db, sql`
    select service_id, accepted_day, deadline from cases
    where hall_id = ${hallId} and status = 'accepted' and accepted_day is not null and deadline is not null`);
}
