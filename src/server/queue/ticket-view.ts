// Ticket rows ↔ the core's Ticket, and the wire shape of a ticket for staff screens.
import type { Ticket } from '../../core/queue/ticket-state.js';
import type { TicketRow } from './repo.js';

export function toCoreTicket(r: TicketRow): Ticket {
  return {
    id: r.id, number: r.number, serviceId: r.serviceId, priority: r.priority, status: r.status,
    issuedAt: r.issuedAt, queuedAt: r.queuedAt, placement: r.placement, boundWindowId: r.boundWindowId,
    windowId: r.windowId, recalls: r.recalls, rejoins: r.rejoins, calledAt: r.calledAt, startedAt: r.startedAt,
    endedAt: r.endedAt, outcome: r.outcome,
  };
}

/** The columns a transition may change. */
export function fromCoreTicket(t: Ticket) {
  return {
    serviceId: t.serviceId, status: t.status, queuedAt: t.queuedAt, placement: t.placement, boundWindowId: t.boundWindowId,
    windowId: t.windowId, recalls: t.recalls, rejoins: t.rejoins, calledAt: t.calledAt, startedAt: t.startedAt,
    endedAt: t.endedAt, outcome: t.outcome,
  };
}

export function presentTicket(r: TicketRow, serviceName: string, now: Date) {
  return {
    id: r.id, number: r.number, serviceId: r.serviceId, serviceName, status: r.status, priority: r.priority,
    priorityReason: r.priorityReason, issuedAt: r.issuedAt.toISOString(), queuedAt: r.queuedAt.toISOString(),
    calledAt: r.calledAt?.toISOString() ?? null, startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null, recalls: r.recalls, windowId: r.windowId, boundWindowId: r.boundWindowId,
    placement: r.placement, outcome: r.outcome,
    waitedMinutes: Math.max(0, Math.floor(((r.calledAt ?? now).getTime() - r.queuedAt.getTime()) / 60_000)),
  };
}
export type TicketDto = ReturnType<typeof presentTicket>;
