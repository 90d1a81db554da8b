// 办结: an accepted case is completed with its result; on time when completed on or before its
// (possibly extended) deadline day (R-14, measured as the on-time rate). An extension request
// still waiting has nothing left to decide, so it is closed with the case.
import type { Actor } from '../../core/access/policy.js';
import { completedOnTime } from '../../core/cases/deadline.js';
import type { AppContext } from '../context.js';
import { runCommand } from '../run-command.js';
import { presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { resolveLightAlerts } from './light-alerts.js';
import { lockCaseFor } from './locked-case.js';
import * as repo from './repo.js';

export const CLOSED_WITH_CASE_NOTE = '办件已办结，延期申请随之关闭';

export async function completeCase(ctx: AppContext, actor: Extract<Actor, { type: 'user' }>, caseId: string, input: { result: string; note?: string | undefined }) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row, hall } = await lockCaseFor(tx, actor, caseId, 'complete');
    const days = await hallDays(tx, hall, fx.now);
    const onTime = completedOnTime(days.today, row.deadline ?? days.today);
    const after = await repo.updateCase(tx, row.id, {
      status: 'completed', completedAt: fx.now, completedBy: actor.id, completedDay: days.today,
      result: input.result, resultNote: input.note || null, onTime, updatedAt: fx.now,
    });
    await resolveLightAlerts(tx, fx, row, 'case completed');
    const pending = await repo.pendingExtension(tx, row.id);
    if (pending) await repo.updateExtension(tx, pending.id, { status: 'rejected', decidedAt: fx.now, decisionNote: CLOSED_WITH_CASE_NOTE });
    fx.audit({
      action: 'case.completed', hallId: row.hallId, targetType: 'case', targetId: row.id,
      before: { status: row.status, deadline: row.deadline },
      after: { status: 'completed', completedDay: days.today, onTime, result: input.result, ...(pending ? { closedExtensionId: pending.id } : {}) },
    });
    fx.emit(row.hallId, 'case.completed', { caseId: row.id, number: row.number, onTime });
    return presentRow(tx, after, days);
  });
}
