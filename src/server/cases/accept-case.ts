// 受理: a case with nothing missing is accepted, and its deadline is set from the hall's
// working-day calendar — the acceptance day for an immediate case (即办件), n working days after it
// for a promised one (承诺件). The kind and promise are kept as they stood, so a later change to
// the service does not move a running deadline.
import type { Actor } from '../../core/access/policy.js';
import { missingMaterials } from '../../core/cases/case-materials.js';
import { caseDeadline } from '../../core/cases/deadline.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { runCommand } from '../run-command.js';
import { presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { lockCaseFor } from './locked-case.js';
import { caseMaterialStates } from './present.js';
import * as repo from './repo.js';

export async function acceptCase(ctx: AppContext, actor: Extract<Actor, { type: 'user' }>, caseId: string) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row, hall } = await lockCaseFor(tx, actor, caseId, 'accept');
    const [service] = await repo.servicesByIds(tx, [row.serviceId]);
    const missing = missingMaterials(caseMaterialStates(row, service ?? null));
    if (missing.length) throw new AppError('materials_incomplete', { missing: missing.map((m) => ({ materialId: m.materialId, name: m.name, defect: m.defect })) });
    const days = await hallDays(tx, hall, fx.now);
    // A promised service without a positive promise has nothing to count: due the same day.
    const promisedDays = service?.kind === 'promised' && (service.promisedDays ?? 0) >= 1 ? service.promisedDays : null;
    const kind = promisedDays === null ? 'immediate' : 'promised';
    const deadline = caseDeadline(days.calendar, days.today, kind, promisedDays);
    const after = await repo.updateCase(tx, row.id, {
      status: 'accepted', kind, promisedDays, acceptedAt: fx.now, acceptedBy: actor.id, acceptedDay: days.today,
      deadline, originalDeadline: deadline, updatedAt: fx.now,
    });
    fx.audit({
      action: 'case.accepted', hallId: row.hallId, targetType: 'case', targetId: row.id,
      before: { status: row.status }, after: { status: 'accepted', kind, promisedDays, acceptedDay: days.today, deadline },
    });
    fx.emit(row.hallId, 'case.accepted', { caseId: row.id, number: row.number, deadline });
    return presentRow(tx, after, days);
  });
}
