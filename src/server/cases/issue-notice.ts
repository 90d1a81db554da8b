// 一次性告知书: a numbered notice listing everything the case still misses — with the
// service's wording for each material, and the defect found where one was — plus next steps and
// special notes. R-12: from the second notice on, a material the first notice could have asked
// for and did not is a breach; the notice is still issued (the applicant needs it) and the breach
// goes to the service log and, as an alert, to the hall's manager.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/access/policy.js';
import { missingMaterials } from '../../core/cases/case-materials.js';
import { formatNoticeNumber } from '../../core/cases/case-numbers.js';
import { defaultNextSteps, secondRoundBreach } from '../../core/cases/one-time-notice.js';
import type { NoticeMaterialRow } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { raiseAlert } from '../queue/repo.js';
import { runCommand } from '../run-command.js';
import { hallDays } from './hall-days.js';
import { lockCaseFor } from './locked-case.js';
import { caseMaterialStates, guideOf, presentNotice } from './present.js';
import * as repo from './repo.js';

export interface IssueNoticeInput {
  nextSteps?: string | undefined;
  notes?: string | undefined;
}

export async function issueNotice(ctx: AppContext, actor: Extract<Actor, { type: 'user' }>, caseId: string, input: IssueNoticeInput) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const { row, hall } = await lockCaseFor(tx, actor, caseId, 'issue_notice');
    const [service] = await repo.servicesByIds(tx, [row.serviceId]);
    const missing = missingMaterials(caseMaterialStates(row, service ?? null));
    if (!missing.length) throw new AppError('nothing_missing');
    const earlier = await repo.noticesOfCases(tx, [row.id]);
    const round = earlier.length + 1;
    const first = earlier[0];
    const breachIds = first
      ? secondRoundBreach(
        { missingIds: first.missing.map((m) => m.materialId), serviceMaterialIdsAtFirst: first.serviceMaterialIds },
        missing.map((m) => m.materialId), row.defective.map((d) => d.materialId))
      : [];
    const windowId = row.windowId ?? (await repo.signedInWindowOf(tx, row.hallId, actor.id));
    const windowNumber = await repo.windowNumber(tx, windowId);
    const days = await hallDays(tx, hall, fx.now);
    const number = formatNoticeNumber(days.year, await repo.nextYearNumber(tx, row.hallId, 'notice', days.year));
    const listed: NoticeMaterialRow[] = missing.map((m) => ({
      materialId: m.materialId, name: m.name, originals: m.originals, copies: m.copies, form: m.form,
      note: m.note, condition: m.condition, defect: m.defect,
    }));
    const notice = await repo.insertNotice(tx, {
      id: randomUUID(), hallId: row.hallId, caseId: row.id, number, round, missing: listed,
      nextSteps: input.nextSteps ?? defaultNextSteps(windowNumber), notes: input.notes || null,
      serviceMaterialIds: guideOf(service ?? null).map((m) => m.id),
      breach: breachIds.length ? 'second_round' : null, breachMaterialIds: breachIds,
      issuedBy: actor.id, windowId, issuedAt: fx.now, issuedDay: days.today,
    });
    await repo.updateCase(tx, row.id, { status: 'awaiting_supplement', updatedAt: fx.now });
    fx.audit({
      action: 'case.notice_issued', hallId: row.hallId, targetType: 'case_notice', targetId: notice.id,
      before: { status: row.status },
      after: { caseId: row.id, caseNumber: row.number, number, round, status: 'awaiting_supplement', missing: listed.map((m) => m.materialId), breach: notice.breach },
    });
    if (breachIds.length) {
      const names = breachIds.map((id) => listed.find((m) => m.materialId === id)?.name ?? id);
      const breach = { caseId: row.id, caseNumber: row.number, noticeId: notice.id, noticeNumber: number, round, materialIds: breachIds, materialNames: names, issuedBy: actor.id };
      fx.audit({ action: 'case.notice_breach', hallId: row.hallId, targetType: 'case_notice', targetId: notice.id, after: { rule: 'R-12', ...breach } });
      const payload = { kind: 'second_round_notice', ...breach, issuedByName: actor.name };
      const alertId = await raiseAlert(tx, { hallId: row.hallId, kind: 'second_round_notice', dedupeKey: `second_round_notice:${notice.id}`, payload, raisedAt: fx.now });
      if (alertId) {
        fx.audit({ action: 'alert.raised', hallId: row.hallId, targetType: 'alert', targetId: alertId, after: payload });
        fx.emit(row.hallId, 'alert.raised', { ...payload, alertId });
      }
    }
    fx.emit(row.hallId, 'case.notice_issued', {
      caseId: row.id, number: row.number, noticeId: notice.id, noticeNumber: number, missingCount: listed.length, breach: notice.breach,
    });
    return presentNotice(notice, row.number, windowNumber);
  });
}
