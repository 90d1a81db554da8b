// The life of one queue ticket (R-01 排号, R-03 先急后缓): which states it passes through and
// which events move it, as the API contract fixes them —
//
//   waiting → called → serving → done            (call, start, complete)
//   called → called                              (recall: the board calls the number again)
//   called → no_show → waiting                   (no_show, rejoin at the front of its queue)
//   waiting | called → cancelled                 (the citizen gives up)
//   serving → waiting                            (transfer to another service or window)
//
// This module knows one ticket only. Which waiting ticket a window calls is ordering.ts;
// whether a window may call at all (open, not already holding a ticket) is the caller's.
// Expected refusals come back as typed errors, never exceptions, so the server can map each
// to its AppError code.

import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from './policy.js';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

/** R-03 priority classes (elderly, disabled, pregnant, military, urgent) all queue as 'priority'. */
export type TicketPriority = 'normal' | 'priority';

/**
 * Where a waiting ticket stands in its queue: 'normal' as issued, 'front' after a rejoin or a
 * transfer to the front, 'back' after a transfer to the back. 'back' queues exactly like
 * 'normal' (by the time it joined); it is kept apart so the record says how it got there.
 */
export type Placement = 'normal' | 'front' | 'back';

export type TransferPosition = 'front' | 'back';

/** How a service ended (R-11 一次性告知 → notice_issued, R-13 退件 → refused, R-18 → referred). */
export type CompletionOutcome = 'done' | 'notice_issued' | 'refused' | 'referred';

export const COMPLETION_OUTCOMES: readonly CompletionOutcome[] = ['done', 'notice_issued', 'refused', 'referred'];

/**
 * When the API's `position` is omitted. The citizen already queued once and was served, so
 * sending them to the back of a second queue would make them queue twice for one visit
 * (R-17 首问负责制, R-32 一站式办理).
 */
export const DEFAULT_TRANSFER_POSITION: TransferPosition = 'front';

export interface Ticket {
  readonly id: string;
  /** As printed on the slip, e.g. 'A001'. Kept through transfers: the citizen holds the paper. */
  readonly number: string;
  /** The service whose queue it is in (or was served in); a transfer to a service changes it. */
  readonly serviceId: string;
  readonly priority: TicketPriority;
  readonly status: TicketStatus;
  readonly issuedAt: Date;
  /** When it joined its current queue: issue, transfer or rejoin. Waiting time counts from here. */
  readonly queuedAt: Date;
  readonly placement: Placement;
  /** Set by a transfer to a window: only that window may call it. Kept on rejoin. */
  readonly boundWindowId: string | null;
  /** The window that called it; kept after it ends, for the record, cleared when it queues again. */
  readonly windowId: string | null;
  /** Recalls since the last call. */
  readonly recalls: number;
  /** Rejoins after no-shows, over the ticket's whole life. */
  readonly rejoins: number;
  /** The latest call or recall. */
  readonly calledAt: Date | null;
  readonly startedAt: Date | null;
  /** When it became done, no_show or cancelled; the rejoin window counts from a no-show's endedAt. */
  readonly endedAt: Date | null;
  readonly outcome: CompletionOutcome | null;
}

export type TransferTarget = { readonly serviceId: string } | { readonly windowId: string };

export type TicketEvent =
  | { readonly type: 'call'; readonly windowId: string }
  | { readonly type: 'recall' }
  | { readonly type: 'start' }
  | { readonly type: 'complete'; readonly outcome: CompletionOutcome }
  /** `onDemand`: staff mark it at once (the citizen said they are leaving), recorded as such. */
  | { readonly type: 'no_show'; readonly onDemand?: boolean }
  | { readonly type: 'rejoin' }
  | { readonly type: 'cancel' }
  | { readonly type: 'transfer'; readonly to: TransferTarget; readonly position: TransferPosition };

export type TicketEventType = TicketEvent['type'];

export type TransitionError =
  /** The event does not apply in the ticket's state (e.g. start on a waiting ticket). */
  | 'invalid_transition'
  /** A window called a ticket that was transferred to another window. */
  | 'bound_to_other_window'
  /** The number has been called 1 + maxRecalls times: mark it a no-show instead. */
  | 'recall_limit_reached'
  /** A no-show before the number was called 1 + maxRecalls times. */
  | 'recalls_remaining'
  | 'rejoin_window_passed'
  | 'rejoin_limit_reached'
  /** A transfer to the queue the ticket was served from, or to the window serving it. */
  | 'transfer_to_same_queue';

export type TransitionResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly error: TransitionError };

/** Which states each event may start from: the contract's arrows, nothing else. */
export const ALLOWED_FROM: Readonly<Record<TicketEventType, readonly TicketStatus[]>> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  rejoin: ['no_show'],
  cancel: ['waiting', 'called'],
  transfer: ['serving'],
};

/** A window holds the ticket it called until the ticket ends, is transferred or is marked a no-show. */
export function holdsWindow(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving';
}

export interface NewTicket {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  readonly priority: TicketPriority;
}

/** A freshly issued ticket, waiting in its service's queue. Numbering is ticket-number.ts. */
export function issueTicket(t: NewTicket, now: Date): Ticket {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    priority: t.priority,
    status: 'waiting',
    issuedAt: now,
    queuedAt: now,
    placement: 'normal',
    boundWindowId: null,
    windowId: null,
    recalls: 0,
    rejoins: 0,
    calledAt: null,
    startedAt: null,
    endedAt: null,
    outcome: null,
  };
}

const MS_PER_MINUTE = 60_000;

/**
 * The ticket after `event` at `now`, or why the event does not apply. Never mutates `ticket`.
 * `now` is trusted to be the current time; the clock is the caller's.
 */
export function transition(
  ticket: Ticket,
  event: TicketEvent,
  now: Date,
  policy: QueuePolicy = DEFAULT_QUEUE_POLICY,
): TransitionResult {
  if (!ALLOWED_FROM[event.type].includes(ticket.status)) return refuse('invalid_transition');
  switch (event.type) {
    case 'call':
      if (ticket.boundWindowId !== null && ticket.boundWindowId !== event.windowId) {
        return refuse('bound_to_other_window');
      }
      return accept({ ...ticket, status: 'called', windowId: event.windowId, recalls: 0, calledAt: now });
    case 'recall':
      if (ticket.recalls >= policy.maxRecalls) return refuse('recall_limit_reached');
      return accept({ ...ticket, recalls: ticket.recalls + 1, calledAt: now });
    case 'start':
      return accept({ ...ticket, status: 'serving', startedAt: now });
    case 'complete':
      return accept({ ...ticket, status: 'done', endedAt: now, outcome: event.outcome });
    case 'no_show':
      // Staff cannot drop a citizen after one call: the number must have been called the
      // full 1 + maxRecalls times (R-02 — the citizen is owed the calls).
      // On demand is the staff member's explicit, logged decision, not a shortcut past the calls.
      if (!event.onDemand && ticket.recalls < policy.maxRecalls) return refuse('recalls_remaining');
      return accept({ ...ticket, status: 'no_show', endedAt: now });
    case 'rejoin': {
      const noShowAt = ticket.endedAt ?? now;
      if (now.getTime() - noShowAt.getTime() > policy.rejoinWindowMinutes * MS_PER_MINUTE) {
        return refuse('rejoin_window_passed');
      }
      if (ticket.rejoins >= policy.maxRejoins) return refuse('rejoin_limit_reached');
      // Back to the front of the queue it was called from: its service, or the window it
      // had been transferred to (that window is the one that called it).
      return accept({
        ...requeued(ticket, now, 'front'),
        boundWindowId: ticket.boundWindowId,
        rejoins: ticket.rejoins + 1,
      });
    }
    case 'cancel':
      return accept({ ...ticket, status: 'cancelled', endedAt: now });
    case 'transfer': {
      const to = event.to;
      const serviceId = 'serviceId' in to ? to.serviceId : ticket.serviceId;
      const boundWindowId = 'windowId' in to ? to.windowId : null;
      const sameQueue =
        boundWindowId === null
          ? serviceId === ticket.serviceId && ticket.boundWindowId === null
          : boundWindowId === ticket.windowId || boundWindowId === ticket.boundWindowId;
      if (sameQueue) return refuse('transfer_to_same_queue');
      return accept({ ...requeued(ticket, now, event.position), serviceId, boundWindowId });
    }
  }
}

/** The ticket waiting again in a queue it joins at `now`; the previous call's traces cleared. */
function requeued(ticket: Ticket, now: Date, placement: Placement): Ticket {
  return {
    ...ticket,
    status: 'waiting',
    queuedAt: now,
    placement,
    boundWindowId: null,
    windowId: null,
    recalls: 0,
    calledAt: null,
    startedAt: null,
    endedAt: null,
    outcome: null,
  };
}

function accept(ticket: Ticket): TransitionResult {
  return { ok: true, ticket };
}

function refuse(error: TransitionError): TransitionResult {
  return { ok: false, error };
}
