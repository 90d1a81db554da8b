// 不予受理 (R-13 说明原由，讲明道理): a refusal needs a written reason and its basis (the law,
// regulation or rule), both printed on a numbered refusal notice. Without either nothing happens.
import type { Actor } from '../../core/access/policy.js';
import { formatRefusalNumber } from '../../core/cases/case-numbers.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { runCommand } from '../run-command.js';
import { presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { lockCaseFor } from './locked-case.js';
import * as repo from './repo.js';

export interface RefuseInput {
  reason?: string | null | undefined;
  basis?: string | null | undefined;
}

export async function refuseCase(ctx: AppContext, actor: Extract<Actor, { type: 'user' }>, caseId: string, input: RefuseInput) {
  const reason = input.reason?.trim() ?? '';
  const basis = input.basis?.trim() ?? '';
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row, hall } = await lockCaseFor(tx, actor, caseId, 'refuse', 'cases.operate', () => {
      if (!reason || !basis) {
        throw new AppError('refusal_basis_required', [
          ...(reason ? [] : [fieldProblem('reason', { zh: '请写明不予受理的理由', en: 'say why the case is refused' })]),
          ...(basis ? [] : [fieldProblem('basis', { zh: '请写明依据的法律、法规或规定', en: 'name the law, regulation or rule' })]),
        ]);
      }
    });
    const days = await hallDays(tx, hall, fx.now);
    const number = formatRefusalNumber(days.year, await repo.nextYearNumber(tx, row.hallId, 'refusal', days.year));
    const after = await repo.updateCase(tx, row.id, {
      status: 'refused', refusedAt: fx.now, refusedBy: actor.id, refusalNumber: number, refusalReason: reason, refusalBasis: basis, updatedAt: fx.now,
    });
    fx.audit({
      action: 'case.refused', hallId: row.hallId, targetType: 'case', targetId: row.id,
      before: { status: row.status }, after: { status: 'refused', number, reason, basis },
    });
    fx.emit(row.hallId, 'case.refused', { caseId: row.id, number: row.number });
    return presentRow(tx, after, days);
  });
}
