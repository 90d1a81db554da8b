// Case rows written straight into the tables, for tests that need cases at chosen moments in the
// past (the supervision check, the reports) without walking each one through intake at the window.
// Columns as in migrations/20261126201000_cases.sql; days are derived in the hall's zone.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { localDateInZone } from '../../core/calendar/local-date.js';
import type { Queryable } from '../../db/client.js';
import type { CaseStatus } from '../../db/schema.js';

let seq = 0;
const ZONE = 'Asia/Shanghai';

export interface CaseRowInput {
  hallId: string;
  serviceId: string;
  ownerId: string;
  createdAt: Date;
  status?: CaseStatus;
  kind?: 'immediate' | 'promised';
  promisedDays?: number | null;
  acceptedAt?: Date;
  /** Defaults to acceptedAt's day in the hall's zone. */
  acceptedDay?: string;
  deadline?: string;
  refusedAt?: Date;
  completedAt?: Date;
  onTime?: boolean;
  lightAlerted?: 'yellow' | 'red' | null;
  timezone?: string;
}

export async function insertCaseRow(db: Queryable, c: CaseRowInput): Promise<{ id: string; number: string }> {
  const id = randomUUID();
  const number = `T-${String(++seq).padStart(6, '0')}`;
  const zone = c.timezone ?? ZONE;
  const acceptedDay = c.acceptedDay ?? (c.acceptedAt ? localDateInZone(c.acceptedAt, zone) : null);
  const accepted = acceptedDay !== null;
  const status: CaseStatus = c.status ?? (c.completedAt ? 'completed' : c.refusedAt ? 'refused' : accepted ? 'accepted' : 'open');
  await db.execute(sql`
    insert into cases (id, hall_id, number, service_id, owner_id, applicant, status, track_token, created_at, updated_at,
      kind, promised_days, accepted_at, accepted_by, accepted_day, deadline, original_deadline,
      refused_at, refused_by, refusal_number, refusal_reason, refusal_basis,
      completed_at, completed_by, completed_day, result, on_time, light_alerted)
    values (${id}, ${c.hallId}, ${number}, ${c.serviceId}, ${c.ownerId}, ${JSON.stringify({ name: '张三', idNumber: null, phone: null })}::jsonb,
      ${status}, ${'test'}, ${c.createdAt}, ${c.completedAt ?? c.refusedAt ?? c.acceptedAt ?? c.createdAt},
      ${accepted ? (c.kind ?? 'promised') : null}, ${accepted ? (c.promisedDays ?? null) : null},
      ${c.acceptedAt ?? null}, ${accepted ? c.ownerId : null}, ${acceptedDay}, ${c.deadline ?? null}, ${c.deadline ?? null},
      ${c.refusedAt ?? null}, ${c.refusedAt ? c.ownerId : null}, ${c.refusedAt ? `退〔2026〕${seq}号` : null},
      ${c.refusedAt ? '不属于本事项受理范围' : null}, ${c.refusedAt ? '《政务服务事项办事指南》' : null},
      ${c.completedAt ?? null}, ${c.completedAt ? c.ownerId : null}, ${c.completedAt ? localDateInZone(c.completedAt, zone) : null},
      ${c.completedAt ? '准予许可' : null}, ${c.completedAt ? (c.onTime ?? true) : null}, ${c.lightAlerted ?? null})`);
  return { id, number };
}

export async function insertNoticeRow(db: Queryable, n: {
  hallId: string; caseId: string; issuedBy: string; issuedAt: Date; round?: number; breach?: boolean; timezone?: string;
}): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`
    insert into case_notices (id, hall_id, case_id, number, round, missing, next_steps, service_material_ids, breach, issued_by, issued_at, issued_day)
    values (${id}, ${n.hallId}, ${n.caseId}, ${`一告〔2026〕${++seq}号`}, ${n.round ?? 1}, ${'[]'}::jsonb, ${'补齐材料后再来'}, ${'[]'}::jsonb,
      ${n.breach ? 'second_round' : null}, ${n.issuedBy}, ${n.issuedAt}, ${localDateInZone(n.issuedAt, n.timezone ?? ZONE)})`);
  return id;
}

export async function insertExtensionRow(db: Queryable, e: {
  hallId: string; caseId: string; requestedBy: string; requestedAt: Date; status: 'pending' | 'approved' | 'rejected';
  decidedAt?: Date; workingDays?: number; previousDeadline?: string; newDeadline?: string;
}): Promise<void> {
  await db.execute(sql`
    insert into case_extensions (hall_id, case_id, working_days, reason, status, requested_by, requested_at, decided_by, decided_at, previous_deadline, new_deadline)
    values (${e.hallId}, ${e.caseId}, ${e.workingDays ?? 3}, ${'需现场核查'}, ${e.status}, ${e.requestedBy}, ${e.requestedAt},
      ${e.decidedAt ? e.requestedBy : null}, ${e.decidedAt ?? null}, ${e.previousDeadline ?? null}, ${e.newDeadline ?? null})`);
}
