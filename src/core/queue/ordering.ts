// Which waiting ticket a window calls next: R-03 先急后缓、急事急办 — priority first within a
// service, but never so absolutely that a normal ticket waits forever behind a stream of
// priority ones. The server takes a snapshot (waiting tickets, the recent calls), asks this
// module for the order, and locks the first ticket it can (`FOR UPDATE SKIP LOCKED`); this
// module decides WHAT is next, the database decides WHO gets it.
//
// A window may call a waiting ticket when the ticket is bound to it (transferred to this
// window), or when the ticket is unbound and its service is one of the window's. Among
// those, the order is a fixed ranking, first tier first:
//   0. placed at the front (a transfer to the front, a rejoined no-show);
//   1. normal tickets that are overdue: their service has had `priorityStreak` priority calls
//      in a row, hall-wide, and they have waited longer than `normalWaitThresholdMinutes`;
//   2. priority tickets;
//   3. normal tickets.
// Within a tier the longest waiting goes first, across all the window's services: by
// queuedAt, then issuedAt, then id, so that equal snapshots give equal answers everywhere.
//
// The ranking depends only on each ticket, the call history and the clock — never on which
// other tickets wait — so dropping a ticket another window has locked leaves the rest in
// the same order, and the server can simply try the next one.

import type { QueuePolicy } from './policy.js';
import type { Placement, TicketPriority } from './ticket-state.js';

export { DEFAULT_QUEUE_POLICY, resolveQueuePolicy, validateQueuePolicy, type QueuePolicy } from './policy.js';

export interface QueueWindow {
  readonly id: string;
  readonly serviceIds: readonly string[];
}

/** What ordering needs of a waiting ticket; a full Ticket (or a database row) fits. */
export interface WaitingTicket {
  readonly id: string;
  readonly serviceId: string;
  readonly priority: TicketPriority;
  readonly issuedAt: Date;
  readonly queuedAt: Date;
  readonly placement: Placement;
  readonly boundWindowId?: string | null;
}

/**
 * One call made in the hall, oldest first in the history. Recalls are not calls: they call
 * the same citizen again and do not let anyone pass. The streak only looks at the last
 * `priorityStreak` calls of each service, so that is all the history the server must load.
 */
export interface CallRecord {
  readonly serviceId: string;
  readonly priority: TicketPriority;
}

/** Tier numbers as in the header: lower is called first. */
export type OrderingTier = 0 | 1 | 2 | 3;

const MS_PER_MINUTE = 60_000;

/** Whether `window` may call `ticket` at all (bound tickets only by their window). */
export function isCallableBy(window: QueueWindow, ticket: WaitingTicket): boolean {
  const bound = ticket.boundWindowId ?? null;
  return bound === null ? window.serviceIds.includes(ticket.serviceId) : bound === window.id;
}

/**
 * How many of the service's most recent calls, counting back, were priority calls. Counting
 * stops at `atMost`: ordering only asks whether the streak reached priorityStreak, and a
 * service with no normal call in the whole history would otherwise be scanned end to end.
 */
export function priorityStreakOf(
  serviceId: string,
  history: readonly CallRecord[],
  atMost = Number.POSITIVE_INFINITY,
): number {
  let streak = 0;
  for (let i = history.length - 1; i >= 0 && streak < atMost; i--) {
    const call = history[i];
    if (call === undefined || call.serviceId !== serviceId) continue;
    if (call.priority !== 'priority') break;
    streak++;
  }
  return streak;
}

/** Minutes the ticket has waited in its current queue at `now` (fractional). */
export function minutesWaiting(ticket: WaitingTicket, now: Date): number {
  return (now.getTime() - ticket.queuedAt.getTime()) / MS_PER_MINUTE;
}

/**
 * The ticket's tier at `now`. `streaks` caches priorityStreakOf per service; pass a fresh
 * map per snapshot.
 */
export function orderingTier(
  ticket: WaitingTicket,
  history: readonly CallRecord[],
  policy: QueuePolicy,
  now: Date,
  streaks: Map<string, number> = new Map(),
): OrderingTier {
  if (ticket.placement === 'front') return 0;
  if (ticket.priority === 'priority') return 2;
  let streak = streaks.get(ticket.serviceId);
  if (streak === undefined) {
    streak = priorityStreakOf(ticket.serviceId, history, policy.priorityStreak);
    streaks.set(ticket.serviceId, streak);
  }
  const overdue = streak >= policy.priorityStreak && minutesWaiting(ticket, now) > policy.normalWaitThresholdMinutes;
  return overdue ? 1 : 3;
}

/**
 * Every ticket `window` may call, in the order it should call them. `waiting` must hold
 * waiting tickets only; their order does not matter.
 */
export function rankForWindow<T extends WaitingTicket>(
  window: QueueWindow,
  waiting: readonly T[],
  history: readonly CallRecord[],
  policy: QueuePolicy,
  now: Date,
): T[] {
  const streaks = new Map<string, number>();
  return waiting
    .filter((t) => isCallableBy(window, t))
    .map((ticket) => ({ ticket, tier: orderingTier(ticket, history, policy, now, streaks) }))
    .sort((a, b) => a.tier - b.tier || compareByWaiting(a.ticket, b.ticket))
    .map(({ ticket }) => ticket);
}

/**
 * The ticket `window` should call next, or null when nobody it may call is waiting: the
 * first of rankForWindow, found in one pass instead of a sort.
 */
export function pickNextTicket<T extends WaitingTicket>(
  window: QueueWindow,
  waiting: readonly T[],
  history: readonly CallRecord[],
  policy: QueuePolicy,
  now: Date,
): T | null {
  const streaks = new Map<string, number>();
  let best: T | null = null;
  let bestTier: OrderingTier = 3;
  for (const ticket of waiting) {
    if (!isCallableBy(window, ticket)) continue;
    const tier = orderingTier(ticket, history, policy, now, streaks);
    if (best === null || tier < bestTier || (tier === bestTier && compareByWaiting(ticket, best) < 0)) {
      best = ticket;
      bestTier = tier;
    }
  }
  return best;
}

/**
 * How many tickets stand before `ticket` in its own queue (its service's, or its window's
 * when bound), as the kiosk and the tracking page show it. An estimate by design: windows
 * shared with other services also call those, which the estimate's window count absorbs.
 */
export function ticketsAhead(
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  history: readonly CallRecord[],
  policy: QueuePolicy,
  now: Date,
): number {
  const bound = ticket.boundWindowId ?? null;
  const streaks = new Map<string, number>();
  const tier = orderingTier(ticket, history, policy, now, streaks);
  let ahead = 0;
  for (const other of waiting) {
    if (other.id === ticket.id) continue;
    const otherBound = other.boundWindowId ?? null;
    const sameQueue = bound === null ? otherBound === null && other.serviceId === ticket.serviceId : otherBound === bound;
    if (!sameQueue) continue;
    const otherTier = orderingTier(other, history, policy, now, streaks);
    if (otherTier < tier || (otherTier === tier && compareByWaiting(other, ticket) < 0)) ahead++;
  }
  return ahead;
}

/** Longest waiting first: queuedAt, then issuedAt, then id (code-unit order, locale-free). */
export function compareByWaiting(a: WaitingTicket, b: WaitingTicket): number {
  return (
    a.queuedAt.getTime() - b.queuedAt.getTime() ||
    a.issuedAt.getTime() - b.issuedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
