// 收件: a case opened at the window for a service, from what the applicant hands in. The person who
// opens it is its first-responsible owner (首问负责, R-17); R-11 starts here: the case shows at once
// what is still missing. A case may come from a ticket of the hall, and records the window.
import type { Actor } from '../../core/access/policy.js';
import { formatCaseNumber } from '../../core/cases/case-numbers.js';
import type { AppContext } from '../context.js';
import { newSecretToken } from '../auth/tokens.js';
import { findHall } from '../halls/repo.js';
import { AppError, type FieldError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { newTicketId } from '../queue/ticket-ids.js';
import { runCommand } from '../run-command.js';
import { presentRow } from './case-view.js';
import { hallDays } from './hall-days.js';
import { unknownIdErrors } from './locked-case.js';
import { caseMaterialStates } from './present.js';
import * as repo from './repo.js';

export interface CreateCaseInput {
  serviceId: string;
  ticketId?: string | undefined;
  windowId?: string | undefined;
  applicant: { name: string; idNumber?: string | null | undefined; phone?: string | null | undefined };
  submitted: string[];
  applicable: string[];
}

type UserActor = Extract<Actor, { type: 'user' }>;

export async function createCase(ctx: AppContext, actor: UserActor, hallId: string, input: CreateCaseInput) {
  const hall = await findHall(ctx.db, hallId);
  if (!hall) throw new AppError('not_found');
  const trackToken = newSecretToken();
  return runCommand(ctx, actor, async (tx, fx) => {
    const service = await repo.findLiveService(tx, hallId, input.serviceId);
    if (!service) throw new AppError('not_found', { serviceId: input.serviceId });
    const known = service.materials.map((m) => m.id);
    const problems: FieldError[] = [...unknownIdErrors(known, input.submitted, 'submitted'), ...unknownIdErrors(known, input.applicable, 'applicable')];
    const ticket = input.ticketId ? await repo.findTicketOfHall(tx, hallId, input.ticketId) : null;
    if (input.ticketId && !ticket) problems.push(fieldProblem('ticketId', { zh: '不是本大厅的号码', en: 'not a ticket of this hall' }));
    const window = input.windowId ? await repo.findLiveWindowOfHall(tx, hallId, input.windowId) : null;
    if (input.windowId && !window) problems.push(fieldProblem('windowId', { zh: '不是本大厅的窗口', en: 'not a window of this hall' }));
    if (problems.length) throw new AppError('validation_failed', problems);
    // The desk the case was taken in at: as given, else the window that called the ticket, else
    // the window the owner is signed in to.
    const windowId = window?.id ?? ticket?.windowId ?? (await repo.signedInWindowOf(tx, hallId, actor.id));
    const days = await hallDays(tx, hall, fx.now);
    const number = formatCaseNumber(days.year, await repo.nextYearNumber(tx, hallId, 'case', days.year));
    const row = await repo.insertCase(tx, {
      // Time-ordered (UUIDv7), so cases opened in the same millisecond still list newest first.
      id: newTicketId(fx.now.getTime()), hallId, number, serviceId: service.id, ticketId: ticket?.id ?? null, windowId, ownerId: actor.id,
      applicant: { name: input.applicant.name, idNumber: input.applicant.idNumber || null, phone: input.applicant.phone || null },
      status: 'open', submitted: [...new Set(input.submitted)], applicable: [...new Set(input.applicable)], defective: [],
      trackToken, createdAt: fx.now, updatedAt: fx.now,
    });
    const missing = caseMaterialStates(row, service).filter((m) => m.missing).map((m) => m.materialId);
    fx.audit({
      action: 'case.created', hallId, targetType: 'case', targetId: row.id,
      after: { number, status: row.status, serviceId: service.id, ticketId: row.ticketId, windowId, ownerId: actor.id, submitted: row.submitted, applicable: row.applicable, missing },
    });
    fx.emit(hallId, 'case.created', { caseId: row.id, number, serviceId: service.id, ownerId: actor.id });
    return presentRow(tx, row, days, { trackToken });
  });
}
