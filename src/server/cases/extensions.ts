// 延期: staff ask for more working days on an accepted case, with a reason; the hall's manager
// approves (the deadline moves that many working days past the current one, R-14) or rejects.
// One request waits at a time. The supervision light is read again on approval: a case that was
// alerted red and is now yellow can be alerted red again later.
import type { Actor } from '../../core/access/policy.js';
import { canAct } from '../../core/cases/case-state.js';
import { extendedDeadline } from '../../core/cases/deadline.js';
import { isStepUp, readSupervisionLight } from '../../core/cases/supervision-light.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { runCommand } from '../run-command.js';
import { hallOfCase, presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { lockCaseFor } from './locked-case.js';
import { presentExtension } from './present.js';
import * as repo from './repo.js';
import { resolveLightAlerts } from './light-alerts.js';

type UserActor = Extract<Actor, { type: 'user' }>;

export async function requestExtension(ctx: AppContext, actor: UserActor, caseId: string, input: { workingDays: number; reason: string }) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row } = await lockCaseFor(tx, actor, caseId, 'request_extension');
    // The case row is locked, so no second request can slip in between this check and the insert.
    const waiting = await repo.pendingExtension(tx, row.id);
    if (waiting) throw new AppError('extension_pending', { extensionId: waiting.id });
    const ext = await repo.insertExtension(tx, {
      hallId: row.hallId, caseId: row.id, workingDays: input.workingDays, reason: input.reason, status: 'pending',
      requestedBy: actor.id, requestedAt: fx.now, previousDeadline: row.deadline,
    });
    fx.audit({
      action: 'case.extension_requested', hallId: row.hallId, targetType: 'case_extension', targetId: ext.id,
      after: { caseId: row.id, caseNumber: row.number, workingDays: input.workingDays, reason: input.reason, deadline: row.deadline },
    });
    fx.emit(row.hallId, 'case.extension_requested', { caseId: row.id, number: row.number, extensionId: ext.id, workingDays: input.workingDays });
    return presentExtension(ext);
  });
}

export async function decideExtension(ctx: AppContext, actor: UserActor, extensionId: string, approve: boolean, note: string | undefined) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const found = await repo.findExtension(tx, extensionId);
    if (!found) throw new AppError('not_found');
    authorize(actor, 'cases.approve_extension', found.hallId);
    // Case first, then the request: the same order as completing a case, so the two cannot deadlock.
    const row = await repo.lockCase(tx, found.caseId);
    const ext = await repo.lockExtension(tx, extensionId);
    if (!row || !ext) throw new AppError('not_found');
    const hall = await hallOfCase(tx, row);
    if (ext.status !== 'pending' || !canAct(row.status, 'decide_extension') || !row.deadline || !row.acceptedDay) {
      throw new AppError('case_invalid_transition', { status: row.status, extensionStatus: ext.status });
    }
    const days = await hallDays(tx, hall, fx.now);
    const decided = { decidedBy: actor.id, decidedAt: fx.now, decisionNote: note || null };
    if (!approve) {
      await repo.updateExtension(tx, ext.id, { ...decided, status: 'rejected' });
    } else {
      const deadline = extendedDeadline(days.calendar, row.deadline, ext.workingDays);
      await repo.updateExtension(tx, ext.id, { ...decided, status: 'approved', previousDeadline: row.deadline, newDeadline: deadline });
      const now = readSupervisionLight(days.calendar, { acceptedDay: row.acceptedDay, deadline }, days.today, days.policy).light;
      const current = now === 'green' ? null : now;
      const lightAlerted = row.lightAlerted && isStepUp(current, row.lightAlerted) ? current : row.lightAlerted;
      await repo.updateCase(tx, row.id, { deadline, lightAlerted, updatedAt: fx.now });
      await resolveLightAlerts(tx, fx, row, 'deadline extended');
    }
    const after = (await repo.findCase(tx, row.id))!;
    fx.audit({
      action: approve ? 'case.extension_approved' : 'case.extension_rejected', hallId: row.hallId, targetType: 'case_extension', targetId: ext.id,
      before: { status: 'pending', deadline: row.deadline },
      after: { status: approve ? 'approved' : 'rejected', caseId: row.id, caseNumber: row.number, deadline: after.deadline, note: note || null },
    });
    fx.emit(row.hallId, 'case.extension_decided', { caseId: row.id, number: row.number, extensionId: ext.id, approved: approve, deadline: after.deadline! });
    return presentRow(tx, after, days);
  });
}
