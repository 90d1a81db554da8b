// 叫号: one transaction that hands the window the ticket it should serve next.
// The ranking comes from the core (R-03 先急后缓 with fairness); the claim uses
// FOR UPDATE SKIP LOCKED over the ranked candidates in ranking order, so two windows racing
// for the same ticket never both get it, and a window only passes over a ticket another
// window is claiming at that very moment — never one that is simply waiting.
//
// Four statements before the service log: lock the window, read what ranking needs, claim,
// record the call. A hall's windows all call at once, so each statement saved is saved fifty times.
import type { Actor } from '../../core/access/policy.js';
import { rankForWindow } from '../../core/queue/ordering.js';
import { resolveQueuePolicy, type QueuePolicy } from '../../core/queue/policy.js';
import { transition } from '../../core/queue/ticket-state.js';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { runCommand } from '../run-command.js';
import * as repo from './repo.js';
import { fromCoreTicket, presentTicket, toCoreTicket } from './ticket-view.js';
import { assertSignedInOperator } from './window-access.js';

/**
 * Tickets loaded per queue (a service's front-placed, priority and other tickets). More than
 * a hall's windows can be claiming at one moment, so the loaded ones almost never run out;
 * when they do, call-next loads the whole queue rather than guess.
 */
export const CANDIDATES_PER_QUEUE = 100;

export async function callNextTicket(ctx: AppContext, actor: Actor, windowId: string, candidatesPerQueue: number | null = CANDIDATES_PER_QUEUE) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const window = await repo.lockWindowForCall(tx, windowId);
    if (!window) throw new AppError('not_found');
    assertSignedInOperator(actor, window.hallId, window.operatorId);
    if (window.hallArchived) throw new AppError('hall_archived');
    if (window.status !== 'open') throw new AppError('window_not_open', { status: window.status });
    const policy = resolveQueuePolicy(window.queuePolicy as Partial<QueuePolicy>);
    let claimed = await claimNext(tx, window.id, policy, fx.now, candidatesPerQueue);
    if (claimed === undefined) claimed = await claimNext(tx, window.id, policy, fx.now, null);
    if (!claimed) return null;
    const { ticket, serviceName, changes } = claimed;
    await repo.recordCall(tx, ticket, changes, window.id, fx.now);
    const row = { ...ticket, ...changes };
    fx.audit({ action: 'ticket.called', hallId: window.hallId, targetType: 'ticket', targetId: row.id, before: { status: 'waiting' }, after: { status: 'called', windowId: window.id, windowNumber: window.number } });
    fx.emit(window.hallId, 'ticket.called', { ticketId: row.id, number: row.number, windowNumber: window.number, windowId: window.id, serviceId: row.serviceId });
    return presentTicket(row, serviceName, fx.now);
  });
}

/**
 * Ranks the loaded candidates and claims the first one free. Returns undefined when the
 * answer is not known from what was loaded — every candidate up to a queue's cutoff was
 * taken — so the caller loads everything and asks again; null when nobody can be called.
 */
async function claimNext(tx: Tx, windowId: string, policy: QueuePolicy, now: Date, perQueue: number | null) {
  const loaded = await repo.callCandidates(tx, windowId, perQueue, policy.priorityStreak);
  if (loaded.busy) throw new AppError('window_busy');
  const ranked = rankForWindow({ id: windowId, serviceIds: loaded.serviceIds }, loaded.waiting, loaded.history, policy, now);
  // Past a queue's last loaded ticket, that queue's next (not loaded) could rank higher.
  const cutoff = ranked.findIndex((t) => t.cutoff);
  const usable = cutoff === -1 ? ranked : ranked.slice(0, cutoff + 1);
  const skipped = new Set<string>();
  for (;;) {
    const candidates = usable.filter((t) => !skipped.has(t.id)).map((t) => t.id);
    const claim = await repo.claimFirstWaiting(tx, windowId, loaded.serviceIds, candidates);
    if (!claim) return cutoff === -1 ? null : undefined;
    const result = transition(toCoreTicket(claim.ticket), { type: 'call', windowId }, now, policy);
    // The claim re-checks that the window may call it, so this holds; should it not, the lock
    // is kept (as before) and the next candidate is tried.
    if (!result.ok) { skipped.add(claim.ticket.id); continue; }
    return { ticket: claim.ticket, serviceName: claim.serviceName, changes: fromCoreTicket(result.ticket) };
  }
}
