// 叫号: one transaction that hands the window the ticket it should serve next.
// The ranking comes from the core (R-03 先急后缓 with fairness); the claim uses
// FOR UPDATE SKIP LOCKED on the chosen ticket only, so two windows racing for the same
// ticket never both get it, and a window only passes over a ticket another window is
// claiming at that very moment — never one that is simply waiting.
import type { Actor } from '../../core/access/policy.js';
import { rankForWindow } from '../../core/queue/ordering.js';
import { transition } from '../../core/queue/ticket-state.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { findHall } from '../halls/repo.js';
import { runCommand } from '../run-command.js';
import { policyOf } from './queue-policy.js';
import * as repo from './repo.js';
import { fromCoreTicket, presentTicket, toCoreTicket } from './ticket-view.js';
import { assertWindowOperator } from './window-access.js';
import { services } from '../../db/schema.js';
import { eq } from 'drizzle-orm';

export async function callNextTicket(ctx: AppContext, actor: Actor, windowId: string) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const window = await repo.lockWindow(tx, windowId);
    if (!window) throw new AppError('not_found');
    await assertWindowOperator(tx, actor, window.hallId, window.id);
    if (window.status !== 'open') throw new AppError('window_not_open', { status: window.status });
    if (await repo.activeTicketOfWindow(tx, window.id)) throw new AppError('window_busy');
    const hall = (await findHall(tx, window.hallId))!;
    const policy = policyOf(hall);
    const serviceIds = await repo.serviceIdsOfWindow(tx, window.id);
    const waiting = (await repo.waitingForWindow(tx, window.id, serviceIds)).map((r) => ({ row: r, ...toCoreTicket(r) }));
    const history = await repo.recentCalls(tx, [...new Set(waiting.map((w) => w.serviceId))], policy.priorityStreak);
    for (const candidate of rankForWindow({ id: window.id, serviceIds }, waiting, history, policy, fx.now)) {
      const claimed = await repo.claimWaitingTicket(tx, candidate.id);
      if (!claimed) continue;
      const result = transition(toCoreTicket(claimed), { type: 'call', windowId: window.id }, fx.now, policy);
      if (!result.ok) continue;
      const row = await repo.updateTicket(tx, claimed.id, fromCoreTicket(result.ticket));
      await repo.insertCall(tx, { hallId: window.hallId, ticketId: row.id, windowId: window.id, serviceId: row.serviceId, priority: row.priority, recall: false, at: fx.now });
      const [service] = await tx.select({ name: services.name }).from(services).where(eq(services.id, row.serviceId));
      fx.audit({ action: 'ticket.called', hallId: window.hallId, targetType: 'ticket', targetId: row.id, before: { status: 'waiting' }, after: { status: 'called', windowId: window.id, windowNumber: window.number } });
      fx.emit(window.hallId, 'ticket.called', { ticketId: row.id, number: row.number, windowNumber: window.number, windowId: window.id, serviceId: row.serviceId });
      return presentTicket(row, service?.name ?? '', fx.now);
    }
    return null;
  });
}
