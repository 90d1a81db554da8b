// The applicant's view of their case, by the link on their papers (/c/{id}?token=…): where it
// stands, what is still missing, the deadline. No light, no staff names, no applicant data — the
// paper may be lost. Unknown case and wrong token look the same (404), compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { CaseStatus } from '../../core/cases/case-state.js';
import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { caseMaterialStates } from './present.js';
import * as repo from './repo.js';
import type { TrackingDto } from './schemas.js';

export const STATUS_TEXT: Record<CaseStatus, string> = {
  open: '已收件，正在核对材料',
  awaiting_supplement: '待补正：请按一次性告知书补齐材料后到窗口办理',
  accepted: '已受理，正在办理中',
  refused: '不予受理（原因与依据见下方）',
  completed: '已办结，感谢您的耐心等待',
};

/** The case a tracking token opens, else 404. */
export async function trackedCase(db: Queryable, caseId: string, token: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(db, caseId);
  const given = Buffer.from(token);
  const stored = Buffer.from(row?.trackToken ?? '');
  if (!row || given.length !== stored.length || !timingSafeEqual(given, stored)) throw new AppError('not_found');
  return row;
}

export async function trackCase(ctx: AppContext, caseId: string, token: string): Promise<TrackingDto> {
  const row = await trackedCase(ctx.db, caseId, token);
  const hall = await findHall(ctx.db, row.hallId);
  if (!hall) throw new AppError('not_found');
  const [service] = await repo.servicesByIds(ctx.db, [row.serviceId]);
  const notices = await repo.noticesOfCases(ctx.db, [row.id]);
  const open = row.status === 'open' || row.status === 'awaiting_supplement';
  return {
    number: row.number, hallName: hall.name, hallPhone: hall.phone, serviceName: service?.name ?? '',
    status: row.status, statusText: STATUS_TEXT[row.status],
    acceptedDay: row.acceptedDay, deadline: row.deadline, completedDay: row.completedDay,
    missing: open
      ? caseMaterialStates(row, service ?? null).filter((m) => m.missing)
        .map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, form: m.form, note: m.note, defect: m.defect }))
      : [],
    notices: notices.map((n) => ({ number: n.number, issuedAt: n.issuedAt.toISOString() })),
    refusal: row.status === 'refused' ? { reason: row.refusalReason ?? '', basis: row.refusalBasis ?? '' } : null,
    windowNumber: await repo.windowNumber(ctx.db, row.windowId),
  };
}
