// What a window does with the ticket it holds — recall (重呼), start, complete, no-show (过号),
// transfer — plus cancel and rejoin after a no-show. The state machine is the core's; this
// file loads, locks, checks who may act, persists and tells the hall.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../core/access/policy.js';
import { transition, type CompletionOutcome, type TicketEvent, type TransferPosition } from '../../core/queue/ticket-state.js';
import { services, windows } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { runCommand, type Effects } from '../run-command.js';
import { redirectBoundTickets, reviewCoverage } from './coverage.js';
import { policyOf } from './queue-policy.js';
import * as repo from './repo.js';
import { fromCoreTicket, presentTicket, toCoreTicket } from './ticket-view.js';
import { assertSignedInOperator } from './window-access.js';

export type TicketAction =
  | { type: 'recall' }
  | { type: 'start' }
  | { type: 'complete'; outcome: CompletionOutcome; note?: string | undefined }
  | { type: 'no_show'; onDemand?: boolean | undefined; note?: string | undefined }
  | { type: 'cancel' }
  | { type: 'rejoin' }
  | { type: 'transfer'; serviceId?: string | undefined; windowId?: string | undefined; position: TransferPosition; note?: string | undefined };

/** The service-log action of each ticket action (spelt as the hall events spell them). */
const AUDIT_ACTIONS: Record<TicketAction['type'], string> = {
  recall: 'ticket.recalled', start: 'ticket.started', complete: 'ticket.completed', no_show: 'ticket.no_show',
  cancel: 'ticket.cancelled', rejoin: 'ticket.rejoined', transfer: 'ticket.transferred',
};

async function serviceName(tx: Tx, id: string) {
  const [s] = await tx.select({ name: services.name }).from(services).where(eq(services.id, id));
  return s?.name ?? '';
}

export async function actOnTicket(ctx: AppContext, actor: Actor, ticketId: string, action: TicketAction) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const locked = await repo.lockTicketForAction(tx, ticketId);
    if (!locked) throw new AppError('not_found');
    const before = locked.ticket;
    authorize(actor, 'queue.operate', before.hallId);
    if (locked.hallArchived) throw new AppError('hall_archived');
    const policy = policyOf(locked);
    // Actions on a ticket a window holds are that window's; the rest are the hall's staff's.
    if (before.windowId && (before.status === 'called' || before.status === 'serving')) {
      assertSignedInOperator(actor, before.hallId, locked.windowOperatorId);
    }
    const event = await toEvent(tx, before.hallId, action);
    const result = transition(toCoreTicket(before), event, fx.now, policy);
    if (!result.ok) throw new AppError(result.error);
    const after = await repo.updateTicket(tx, before.id, {
      ...fromCoreTicket(result.ticket),
      ...(action.type === 'complete' || action.type === 'transfer' || action.type === 'no_show' ? { note: action.note ?? before.note } : {}),
    });
    const winNumber = locked.windowNumber;
    const summary = {
      status: after.status, windowId: after.windowId, serviceId: after.serviceId, boundWindowId: after.boundWindowId, recalls: after.recalls, outcome: after.outcome,
      ...(action.type === 'no_show' && action.onDemand ? { onDemand: true, note: action.note ?? null } : {}),
    };
    fx.audit({
      action: AUDIT_ACTIONS[action.type],
      hallId: before.hallId, targetType: 'ticket', targetId: before.id,
      before: { status: before.status, windowId: before.windowId, serviceId: before.serviceId, recalls: before.recalls }, after: summary,
    });
    await announce(tx, fx, action, before, after, winNumber);
    // A rejoin may have been moved off a window that closed meanwhile (announce): show where it waits.
    const shown = action.type === 'rejoin' ? (await repo.findTicket(tx, after.id))! : after;
    return presentTicket(shown, shown.serviceId === before.serviceId ? locked.serviceName : await serviceName(tx, shown.serviceId), fx.now);
  });
}

async function toEvent(tx: Tx, hallId: string, action: TicketAction): Promise<TicketEvent> {
  if (action.type === 'no_show') return { type: 'no_show', onDemand: action.onDemand ?? false };
  if (action.type !== 'transfer') return action.type === 'complete' ? { type: 'complete', outcome: action.outcome } : { type: action.type };
  if (action.serviceId) {
    const [s] = await tx.select({ id: services.id }).from(services)
      .where(and(eq(services.id, action.serviceId), eq(services.hallId, hallId), isNull(services.archivedAt)));
    if (!s) throw new AppError('validation_failed', [fieldProblem('serviceId', { zh: '不是本大厅的事项', en: 'not a service of this hall' })]);
    return { type: 'transfer', to: { serviceId: s.id }, position: action.position };
  }
  // FOR SHARE: a close of that window waits for this transfer (and then moves the ticket on),
  // or this transfer waits for the close and sees it.
  const [w] = await tx.select({ id: windows.id, status: windows.status }).from(windows)
    .where(and(eq(windows.id, action.windowId!), eq(windows.hallId, hallId), isNull(windows.archivedAt))).for('share');
  if (!w) throw new AppError('validation_failed', [fieldProblem('windowId', { zh: '不是本大厅的窗口', en: 'not a window of this hall' })]);
  // Only that window may call a ticket sent to it, and a closed window calls nobody: the
  // ticket would wait unseen (coverage alerts count unbound tickets) until someone opened it.
  if (w.status === 'closed') throw new AppError('window_not_open', { status: w.status });
  return { type: 'transfer', to: { windowId: w.id }, position: action.position };
}

async function announce(tx: Tx, fx: Effects, action: TicketAction, before: repo.TicketRow, after: repo.TicketRow, winNumber: number | null) {
  const hallId = after.hallId;
  const base = { ticketId: after.id, number: after.number };
  switch (action.type) {
    case 'recall':
      await repo.insertCall(tx, { hallId, ticketId: after.id, windowId: after.windowId!, serviceId: after.serviceId, priority: after.priority, recall: true, at: fx.now });
      fx.emit(hallId, 'ticket.recalled', { ...base, windowNumber: winNumber ?? 0, windowId: after.windowId!, serviceId: after.serviceId });
      return;
    case 'start':
      fx.emit(hallId, 'ticket.started', { ...base, windowNumber: winNumber ?? 0, windowId: after.windowId! });
      return;
    case 'complete':
      fx.emit(hallId, 'ticket.completed', { ...base, outcome: action.outcome, windowNumber: winNumber ?? 0, windowId: before.windowId! });
      return;
    case 'no_show':
      fx.emit(hallId, 'ticket.no_show', { ...base, windowNumber: winNumber });
      return;
    case 'cancel':
      fx.emit(hallId, 'ticket.cancelled', base);
      return;
    case 'rejoin':
      fx.emit(hallId, 'ticket.rejoined', { ...base, serviceId: after.serviceId });
      // Back to the window it had been transferred to — unless that window closed since the
      // no-show: its close moved the tickets then waiting for it, not this one. Same rule as a
      // close (coverage.ts); FOR SHARE orders this against a close running now.
      if (after.boundWindowId) {
        const [w] = await tx.select({ status: windows.status }).from(windows).where(eq(windows.id, after.boundWindowId)).for('share');
        if (w?.status === 'closed') await redirectBoundTickets(tx, fx, hallId, after.boundWindowId);
      }
      await reviewCoverage(tx, fx, hallId, [after.serviceId]);
      return;
    case 'transfer':
      fx.emit(hallId, 'ticket.transferred', { ...base, ...(action.serviceId ? { serviceId: after.serviceId } : { windowId: after.boundWindowId! }) });
      await reviewCoverage(tx, fx, hallId, [after.serviceId]);
      return;
  }
}
