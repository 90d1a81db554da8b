// Read models for the screens: the hall's queue (kiosk, console, supervisor), the board, and
// the public view of one ticket. Built from a handful of queries per request; a hall has at
// most a few hundred waiting tickets, so ranking them in memory is cheap.
import { estimateWait, windowsSharingWait } from '../../core/queue/estimate.js';
import { ticketsAhead } from '../../core/queue/ordering.js';
import { redirectWindowNumbers } from '../../core/windows/pause-redirect.js';
import type { Queryable } from '../../db/client.js';
import type { halls } from '../../db/schema.js';
import { hallClock } from '../halls/hall-clock.js';
import { policyOf } from './queue-policy.js';
import * as repo from './repo.js';
import { toCoreTicket } from './ticket-view.js';

type Hall = typeof halls.$inferSelect;
const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.floor((b.getTime() - a.getTime()) / 60_000));
const photoUrl = (u: { id: string; photoVersion: number }) => (u.photoVersion > 0 ? `/api/v1/users/${u.id}/photo?v=${u.photoVersion}` : null);

export async function windowStates(db: Queryable, hallId: string) {
  const [ws, sessions, pauses, active] = await Promise.all([
    repo.windowsOfHall(db, hallId), repo.openSessionsOfHall(db, hallId), repo.openPausesOfHall(db, hallId), repo.activeTicketsInHall(db, hallId),
  ]);
  return ws.map((w) => {
    const s = sessions.find((x) => x.session.windowId === w.id);
    const p = pauses.find((x) => x.windowId === w.id);
    const t = active.find((x) => x.windowId === w.id);
    return {
      id: w.id, number: w.number, name: w.name, status: w.status, serviceIds: w.serviceIds,
      pause: p ? { reason: p.reason, note: p.note, since: p.startedAt.toISOString() } : null,
      staff: s ? { id: s.user.id, name: s.user.name, staffNumber: s.user.staffNumber, photoUrl: photoUrl(s.user) } : null,
      session: s ? { userId: s.user.id, userName: s.user.name, openedAt: s.session.openedAt.toISOString(), late: s.session.late } : null,
      currentTicket: t ? {
        id: t.id, number: t.number, status: t.status as 'called' | 'serving', serviceId: t.serviceId, priority: t.priority,
        priorityReason: t.priorityReason, calledAt: t.calledAt?.toISOString() ?? null, startedAt: t.startedAt?.toISOString() ?? null,
        recalls: t.recalls, waitedMinutes: minutesBetween(t.queuedAt, t.calledAt ?? new Date()),
      } : null,
    };
  });
}

export async function queueSnapshot(db: Queryable, hall: Hall, now: Date) {
  const [clock, services, windows, waiting, alerts] = await Promise.all([
    hallClock(db, hall, now), repo.servicesOfHall(db, hall.id), windowStates(db, hall.id), repo.waitingInHall(db, hall.id), repo.openAlerts(db, hall.id),
  ]);
  const serviceRows = await Promise.all(services.map(async (s) => {
    const mine = waiting.filter((t) => t.serviceId === s.id);
    const openWindows = windows.filter((w) => w.status === 'open' && w.serviceIds.includes(s.id)).length;
    const staffed = windows.filter((w) => w.status !== 'closed' && w.serviceIds.includes(s.id)).length;
    const unbound = mine.filter((t) => !t.boundWindowId).length;
    const sharing = windowsSharingWait(openWindows, staffed - openWindows);
    return {
      id: s.id, name: s.name, ticketPrefix: s.ticketPrefix, kind: s.kind,
      waiting: mine.length, priorityWaiting: mine.filter((t) => t.priority === 'priority').length,
      openWindows, staffedWindows: staffed,
      // What a ticket taken now would wait: everyone unbound in the queue is ahead of it. With
      // every window paused (openWindows 0, staffedWindows > 0) the kiosk still issues and says so.
      estimatedWaitMinutes: sharing === 0 ? null : estimateWait(unbound, sharing, await repo.recentServiceMinutes(db, s.id)),
      longestWaitMinutes: mine.length ? Math.max(...mine.map((t) => minutesBetween(t.queuedAt, now))) : 0,
    };
  }));
  return {
    hall: {
      id: hall.id, name: hall.name, timezone: hall.timezone, openNow: clock.openNow,
      opensAt: clock.opensAt?.toISOString() ?? null, closesAt: clock.closesAt?.toISOString() ?? null, todayHours: clock.todayHours,
      maxRecalls: policyOf(hall).maxRecalls,
      queuePolicy: policyOf(hall),
    },
    services: serviceRows,
    windows,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, payload: a.payload, raisedAt: a.raisedAt.toISOString() })),
  };
}

export async function boardSnapshot(db: Queryable, hall: Hall, now: Date) {
  const [clock, services, windows, waiting, calls] = await Promise.all([
    hallClock(db, hall, now), repo.servicesOfHall(db, hall.id), windowStates(db, hall.id), repo.waitingInHall(db, hall.id), repo.lastCalls(db, hall.id, 12),
  ]);
  return {
    hall: { name: hall.name, timezone: hall.timezone, todayHours: clock.todayHours, openNow: clock.openNow },
    windows: windows.map((w) => ({
      id: w.id, number: w.number, name: w.name, status: w.status,
      // the sign names where to go instead, or nowhere (then it asks people to wait).
      pause: w.pause ? { ...w.pause, redirectTo: redirectWindowNumbers(w, windows) } : null,
      staff: w.staff ? { name: w.staff.name, staffNumber: w.staff.staffNumber, photoUrl: w.staff.photoUrl } : null,
      currentTicket: w.currentTicket ? { number: w.currentTicket.number, status: w.currentTicket.status } : null,
    })),
    recentCalls: calls.map((c) => ({ ticketId: c.ticketId, number: c.number, windowNumber: c.windowNumber, at: c.at.toISOString(), recall: c.recall })),
    waiting: services.map((s) => ({ serviceId: s.id, name: s.name, ticketPrefix: s.ticketPrefix, count: waiting.filter((t) => t.serviceId === s.id).length })),
  };
}

/** What the citizen's phone shows (public with the ticket's token). */
export async function publicTicketView(db: Queryable, hall: Hall, ticket: repo.TicketRow, serviceName: string, now: Date) {
  let ahead = 0;
  let estimatedWaitMinutes: number | null = null;
  const windows = await repo.windowsOfHall(db, hall.id);
  if (ticket.status === 'waiting') {
    const policy = policyOf(hall);
    const waiting = (await repo.waitingOfService(db, ticket.serviceId)).map(toCoreTicket);
    const bound = ticket.boundWindowId ? (await repo.waitingInHall(db, hall.id)).filter((t) => t.boundWindowId === ticket.boundWindowId).map(toCoreTicket) : [];
    const history = await repo.recentCalls(db, [ticket.serviceId], policy.priorityStreak);
    ahead = ticketsAhead(toCoreTicket(ticket), [...waiting, ...bound], history, policy, now);
    const serving = windows.filter((w) => w.serviceIds.includes(ticket.serviceId));
    const sharing = windowsSharingWait(serving.filter((w) => w.status === 'open').length, serving.filter((w) => w.status === 'paused').length);
    estimatedWaitMinutes = estimateWait(ahead, sharing, await repo.recentServiceMinutes(db, ticket.serviceId));
  }
  const w = windows.find((x) => x.id === ticket.windowId);
  return {
    id: ticket.id, number: ticket.number, status: ticket.status, serviceName, ahead, estimatedWaitMinutes,
    windowNumber: w?.number ?? null, windowName: w?.name ?? null,
    issuedAt: ticket.issuedAt.toISOString(), calledAt: ticket.calledAt?.toISOString() ?? null,
    hallId: hall.id, hallName: hall.name, timezone: hall.timezone,
  };
}
