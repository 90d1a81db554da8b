// 补正: what the applicant hands in changes before the decision — more materials, a conditional
// one found to apply, one found defective (with the reason the notice will print), a corrected
// phone number. Once accepted or refused, the case's materials are the record and stay.
import type { Actor } from '../../core/access/policy.js';
import type { DefectiveMaterialRow } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { runCommand } from '../run-command.js';
import { presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { lockCaseFor, unknownIdErrors } from './locked-case.js';
import { caseMaterialStates, guideOf } from './present.js';
import * as repo from './repo.js';

export interface UpdateCaseInput {
  submitted?: string[] | undefined;
  applicable?: string[] | undefined;
  defective?: DefectiveMaterialRow[] | undefined;
  applicant?: { name?: string | undefined; idNumber?: string | null | undefined; phone?: string | null | undefined } | undefined;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

export async function updateCaseMaterials(ctx: AppContext, actor: Actor, caseId: string, input: UpdateCaseInput) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row, hall } = await lockCaseFor(tx, actor, caseId, 'update_materials');
    const [service] = await repo.servicesByIds(tx, [row.serviceId]);
    const known = guideOf(service ?? null).map((m) => m.id);
    const problems = [
      ...unknownIdErrors(known, input.submitted, 'submitted'),
      ...unknownIdErrors(known, input.applicable, 'applicable'),
      ...unknownIdErrors(known, input.defective?.map((d) => d.materialId), 'defective', '.materialId'),
    ];
    if (problems.length) throw new AppError('validation_failed', problems);
    // One reason per material: the last one given wins.
    const defective = input.defective ? [...new Map(input.defective.map((d) => [d.materialId, d])).values()] : row.defective;
    const next = {
      submitted: input.submitted ? [...new Set(input.submitted)] : row.submitted,
      applicable: input.applicable ? [...new Set(input.applicable)] : row.applicable,
      defective,
      applicant: {
        name: input.applicant?.name ?? row.applicant.name,
        idNumber: input.applicant?.idNumber !== undefined ? input.applicant.idNumber || null : row.applicant.idNumber,
        phone: input.applicant?.phone !== undefined ? input.applicant.phone || null : row.applicant.phone,
      },
    };
    const changed = (['submitted', 'applicable', 'defective'] as const).filter((k) => !sameList(row[k], next[k]));
    const applicantChanged = JSON.stringify(row.applicant) !== JSON.stringify(next.applicant);
    const days = await hallDays(tx, hall, fx.now);
    if (!changed.length && !applicantChanged) return presentRow(tx, row, days);
    const after = await repo.updateCase(tx, row.id, { ...next, updatedAt: fx.now });
    const missingCount = caseMaterialStates(after, service ?? null).filter((m) => m.missing).length;
    fx.audit({
      action: 'case.updated', hallId: row.hallId, targetType: 'case', targetId: row.id,
      // The applicant's particulars stay out of the log; that they changed is recorded.
      before: Object.fromEntries(changed.map((k) => [k, row[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...(applicantChanged ? { applicantChanged: true } : {}), missingCount },
    });
    fx.emit(row.hallId, 'case.updated', { caseId: row.id, number: row.number, missingCount });
    return presentRow(tx, after, days);
  });
}
