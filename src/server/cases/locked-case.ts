// The first step of every change to a case: lock its row (one decision at a time per case), check
// who may act in its hall, and that the action is legal in its status (409 case_invalid_transition).
import type { Action, Actor } from '../../core/access/policy.js';
import { canAct, type CaseAction } from '../../core/cases/case-state.js';
import type { Queryable } from '../../db/client.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { hallOfCase } from './case-view.js';
import type { HallRow } from './hall-days.js';
import * as repo from './repo.js';

export async function lockCaseFor(
  tx: Queryable, actor: Actor, caseId: string, action: CaseAction, permission: Action = 'cases.operate',
  beforeTransitionCheck?: (row: repo.CaseRow) => void,
): Promise<{ row: repo.CaseRow; hall: HallRow }> {
  const row = await repo.lockCase(tx, caseId);
  if (!row) throw new AppError('not_found');
  authorize(actor, permission, row.hallId);
  const hall = await hallOfCase(tx, row);
  beforeTransitionCheck?.(row);
  if (!canAct(row.status, action)) throw new AppError('case_invalid_transition', { status: row.status, action });
  return { row, hall };
}

/** Material ids the service does not have, as field errors at their place in the body. */
export function unknownIdErrors(known: readonly string[], ids: readonly string[] | undefined, field: string, suffix = '') {
  const set = new Set(known);
  return (ids ?? []).flatMap((id, i) => (set.has(id) ? [] : [fieldProblem(`${field}.${i}${suffix}`, { zh: '不是该事项的申请材料', en: 'not a material of this service' })]));
}
