// A whole hall's queue in memory: the reference the server's queue is tested against. It
// applies the operations of the API (issue, call next, recall, start, complete, no-show,
// rejoin, cancel, transfer) using nothing but ticket-state, ordering and ticket-number, so
// a database implementation that agrees with it on the same commands implements
// as those modules define them. Deterministic: the same commands give the same tickets,
// numbers and calls, down to the ids when the caller supplies them.
//
// What it adds to the single-ticket state machine is what needs the whole hall:
//   - numbering per prefix per hall-local day;
//   - the call history that R-03's fairness reads;
//   - one ticket per window at a time: a window that has called or is serving a ticket
//     must finish with it (complete, no-show, cancel, transfer) before calling the next
//     ('window_busy'), which is what keeps the board's "current ticket" single;
//   - unknown ids as typed errors.
// Windows are always open here; opening hours and window status are the server's.

import { localDateInZone } from '../calendar/local-date.js';
import { pickNextTicket, ticketsAhead, type CallRecord, type QueueWindow } from './ordering.js';
import { resolveQueuePolicy, validateQueuePolicy, type QueuePolicy } from './policy.js';
import { formatTicketNumber, isTicketPrefix, nextTicketSequence, type TicketCounter } from './ticket-number.js';
import {
  holdsWindow,
  issueTicket,
  transition,
  type CompletionOutcome,
  type Ticket,
  type TicketEvent,
  type TicketPriority,
  type TransferPosition,
  type TransferTarget,
  type TransitionError,
} from './ticket-state.js';

export interface ModelService {
  readonly id: string;
  /** Ticket prefix, unique in the hall: 'A', 'B', 'GA'. */
  readonly prefix: string;
}

export interface ModelWindow extends QueueWindow {
  readonly number: number;
}

export interface QueueModelSetup {
  /** The hall's IANA zone: numbering restarts at the hall's midnight, not the server's. */
  readonly timeZone: string;
  readonly services: readonly ModelService[];
  readonly windows: readonly ModelWindow[];
  readonly policy?: Partial<QueuePolicy>;
}

/** One call as the hall's history keeps it (recalls excluded, as ordering expects). */
export interface ModelCall extends CallRecord {
  readonly ticketId: string;
  readonly number: string;
  readonly windowId: string;
  readonly at: Date;
}

export type QueueModelError = TransitionError | 'unknown_service' | 'unknown_window' | 'unknown_ticket' | 'window_busy';

export type TicketResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly error: QueueModelError };

/** `ticket: null` is the API's 204: nobody this window may call is waiting. */
export type CallNextResult =
  | { readonly ok: true; readonly ticket: Ticket | null }
  | { readonly ok: false; readonly error: QueueModelError };

/** The model's operations as data, so a test can generate a list and replay it against the server too. */
export type QueueCommand =
  | {
      readonly kind: 'issue';
      readonly serviceId: string;
      readonly priority: TicketPriority;
      readonly at: Date;
      readonly id?: string;
    }
  | { readonly kind: 'call_next'; readonly windowId: string; readonly at: Date }
  | { readonly kind: 'recall' | 'start' | 'no_show' | 'rejoin' | 'cancel'; readonly ticketId: string; readonly at: Date }
  | { readonly kind: 'complete'; readonly ticketId: string; readonly outcome: CompletionOutcome; readonly at: Date }
  | {
      readonly kind: 'transfer';
      readonly ticketId: string;
      readonly to: TransferTarget;
      readonly position: TransferPosition;
      readonly at: Date;
    };

export class QueueModel {
  readonly policy: QueuePolicy;
  readonly timeZone: string;
  private readonly services = new Map<string, ModelService>();
  private readonly windows = new Map<string, ModelWindow>();
  /** Insertion order is issue order; an update replaces the entry in place. */
  private readonly ticketsById = new Map<string, Ticket>();
  private readonly counters = new Map<string, TicketCounter>();
  private readonly callLog: ModelCall[] = [];
  private clock = Number.NEGATIVE_INFINITY;
  private generatedIds = 0;

  /** Throws a RangeError on a setup no hall could have (duplicate ids or prefixes, unknown services). */
  constructor(setup: QueueModelSetup) {
    this.timeZone = setup.timeZone;
    this.policy = resolveQueuePolicy(setup.policy);
    const problems = validateQueuePolicy(this.policy);
    if (problems.length > 0) throw new RangeError(`invalid queue policy: ${problems.map((p) => p.field).join(', ')}`);
    localDateInZone(new Date(0), setup.timeZone); // an unknown zone fails here, not at the first ticket
    const prefixes = new Set<string>();
    for (const s of setup.services) {
      if (this.services.has(s.id)) throw new RangeError(`duplicate service id ${s.id}`);
      if (!isTicketPrefix(s.prefix)) throw new RangeError(`not a ticket prefix: ${s.prefix}`);
      if (prefixes.has(s.prefix)) throw new RangeError(`duplicate ticket prefix ${s.prefix}`);
      prefixes.add(s.prefix);
      this.services.set(s.id, s);
    }
    for (const w of setup.windows) {
      if (this.windows.has(w.id)) throw new RangeError(`duplicate window id ${w.id}`);
      const unknown = w.serviceIds.filter((id) => !this.services.has(id));
      if (unknown.length > 0) throw new RangeError(`window ${w.id} serves unknown services: ${unknown.join(', ')}`);
      this.windows.set(w.id, { id: w.id, number: w.number, serviceIds: [...w.serviceIds] });
    }
  }

  // --- operations ------------------------------------------------------------------------

  apply(command: QueueCommand): CallNextResult {
    switch (command.kind) {
      case 'issue':
        return this.issue(command.serviceId, command.priority, command.at, command.id);
      case 'call_next':
        return this.callNext(command.windowId, command.at);
      case 'recall':
        return this.recall(command.ticketId, command.at);
      case 'start':
        return this.start(command.ticketId, command.at);
      case 'no_show':
        return this.noShow(command.ticketId, command.at);
      case 'rejoin':
        return this.rejoin(command.ticketId, command.at);
      case 'cancel':
        return this.cancel(command.ticketId, command.at);
      case 'complete':
        return this.complete(command.ticketId, command.outcome, command.at);
      case 'transfer':
        return this.transfer(command.ticketId, command.to, command.position, command.at);
    }
  }

  /** A new ticket at the back of its service's queue, numbered for the hall-local day of `now`. */
  issue(serviceId: string, priority: TicketPriority, now: Date, id?: string): TicketResult {
    this.advanceClock(now);
    const service = this.services.get(serviceId);
    if (service === undefined) return { ok: false, error: 'unknown_service' };
    const ticketId = id ?? `t${++this.generatedIds}`;
    if (this.ticketsById.has(ticketId)) throw new RangeError(`duplicate ticket id ${ticketId}`);
    const today = localDateInZone(now, this.timeZone);
    const seq = nextTicketSequence(this.counters.get(service.prefix) ?? null, today);
    this.counters.set(service.prefix, { day: today, seq });
    const ticket = issueTicket({ id: ticketId, number: formatTicketNumber(service.prefix, seq), serviceId, priority }, now);
    this.ticketsById.set(ticketId, ticket);
    return { ok: true, ticket };
  }

  /** The window calls whoever ordering puts first; the call joins the hall's history. */
  callNext(windowId: string, now: Date): CallNextResult {
    this.advanceClock(now);
    const window = this.windows.get(windowId);
    if (window === undefined) return { ok: false, error: 'unknown_window' };
    if (this.currentTicket(windowId) !== null) return { ok: false, error: 'window_busy' };
    const next = pickNextTicket(window, this.waiting(), this.callLog, this.policy, now);
    if (next === null) return { ok: true, ticket: null };
    const result = this.update(next.id, { type: 'call', windowId }, now);
    if (result.ok) {
      const t = result.ticket;
      this.callLog.push({
        ticketId: t.id,
        number: t.number,
        serviceId: t.serviceId,
        priority: t.priority,
        windowId,
        at: now,
      });
    }
    return result;
  }

  recall(ticketId: string, now: Date): TicketResult {
    return this.update(ticketId, { type: 'recall' }, now);
  }

  start(ticketId: string, now: Date): TicketResult {
    return this.update(ticketId, { type: 'start' }, now);
  }

  complete(ticketId: string, outcome: CompletionOutcome, now: Date): TicketResult {
    return this.update(ticketId, { type: 'complete', outcome }, now);
  }

  noShow(ticketId: string, now: Date): TicketResult {
    return this.update(ticketId, { type: 'no_show' }, now);
  }

  rejoin(ticketId: string, now: Date): TicketResult {
    return this.update(ticketId, { type: 'rejoin' }, now);
  }

  cancel(ticketId: string, now: Date): TicketResult {
    return this.update(ticketId, { type: 'cancel' }, now);
  }

  transfer(ticketId: string, to: TransferTarget, position: TransferPosition, now: Date): TicketResult {
    if ('serviceId' in to && !this.services.has(to.serviceId)) {
      this.advanceClock(now);
      return { ok: false, error: 'unknown_service' };
    }
    if ('windowId' in to && !this.windows.has(to.windowId)) {
      this.advanceClock(now);
      return { ok: false, error: 'unknown_window' };
    }
    return this.update(ticketId, { type: 'transfer', to, position }, now);
  }

  // --- reads -----------------------------------------------------------------------------

  ticket(ticketId: string): Ticket | undefined {
    return this.ticketsById.get(ticketId);
  }

  /** Every ticket ever issued, in issue order. */
  tickets(): Ticket[] {
    return [...this.ticketsById.values()];
  }

  /** Waiting tickets in issue order (not call order: that depends on the window). */
  waiting(): Ticket[] {
    return this.tickets().filter((t) => t.status === 'waiting');
  }

  /** The ticket the window has called or is serving, if any. */
  currentTicket(windowId: string): Ticket | null {
    for (const t of this.ticketsById.values()) {
      if (t.windowId === windowId && holdsWindow(t.status)) return t;
    }
    return null;
  }

  /** The hall's calls, oldest first. */
  calls(): readonly ModelCall[] {
    return this.callLog;
  }

  windowList(): ModelWindow[] {
    return [...this.windows.values()];
  }

  /** The kiosk's "ahead of you" for a waiting ticket; null for an unknown or non-waiting one. */
  ahead(ticketId: string, now: Date): number | null {
    const t = this.ticketsById.get(ticketId);
    if (t === undefined || t.status !== 'waiting') return null;
    return ticketsAhead(t, this.waiting(), this.callLog, this.policy, now);
  }

  // ---------------------------------------------------------------------------------------

  private update(ticketId: string, event: TicketEvent, now: Date): TicketResult {
    this.advanceClock(now);
    const current = this.ticketsById.get(ticketId);
    if (current === undefined) return { ok: false, error: 'unknown_ticket' };
    const result = transition(current, event, now, this.policy);
    if (result.ok) this.ticketsById.set(ticketId, result.ticket);
    return result;
  }

  /** Commands come in time order, as they do to a server; going back is a bug in the test. */
  private advanceClock(now: Date): void {
    const ms = now.getTime();
    if (Number.isNaN(ms)) throw new RangeError('not a valid Date instant');
    if (ms < this.clock) throw new RangeError(`time went backwards: ${now.toISOString()}`);
    this.clock = ms;
  }
}
