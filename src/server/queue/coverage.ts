// Which services have someone to serve them (R-05 暂停服务明示, R-10 午间值班): after a pause or
// a close, tickets bound to that window move to another open window of their service, and a
// service left with people waiting and no staffed window raises an alert to the supervisor.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { services, tickets, windows, windowServices } from '../../db/schema.js';
import type { Effects } from '../run-command.js';
import * as repo from './repo.js';

/** Services (of these) that no window of the hall has open or merely paused. */
async function staffedServiceIds(tx: Queryable, hallId: string, serviceIds: string[]): Promise<Set<string>> {
  if (!serviceIds.length) return new Set();
  const rows = await tx.select({ serviceId: windowServices.serviceId }).from(windowServices)
    .innerJoin(windows, eq(windows.id, windowServices.windowId))
    .where(and(eq(windows.hallId, hallId), eq(windows.status, 'open'), sql`${windows.archivedAt} is null`, inArray(windowServices.serviceId, serviceIds)));
  return new Set(rows.map((r) => r.serviceId));
}

/**
 * Moves waiting tickets bound to `windowId` to another open window of their service, or back
 * to the service's queue (front, since they were already next in line) when there is none.
 */
export async function redirectBoundTickets(tx: Queryable, fx: Effects, hallId: string, windowId: string): Promise<void> {
  const bound = await tx.select().from(tickets).where(and(eq(tickets.boundWindowId, windowId), eq(tickets.status, 'waiting')));
  for (const t of bound) {
    const [other] = await tx.select({ id: windows.id, number: windows.number }).from(windows)
      .innerJoin(windowServices, eq(windowServices.windowId, windows.id))
      .where(and(eq(windows.hallId, hallId), eq(windows.status, 'open'), sql`${windows.id} <> ${windowId}`, eq(windowServices.serviceId, t.serviceId)))
      .orderBy(windows.number).limit(1);
    await repo.updateTicket(tx, t.id, { boundWindowId: other?.id ?? null, placement: 'front' });
    fx.audit({ action: 'ticket.redirected', hallId, targetType: 'ticket', targetId: t.id, before: { boundWindowId: windowId }, after: { boundWindowId: other?.id ?? null } });
    fx.emit(hallId, 'ticket.transferred', { ticketId: t.id, number: t.number, ...(other ? { windowId: other.id } : { serviceId: t.serviceId }) });
  }
}

/**
 * Raises `service_unattended` for each of these services that has people waiting and no open
 * window; resolves it for services that are covered again.
 */
export async function reviewCoverage(tx: Queryable, fx: Effects, hallId: string, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length) return;
  const staffed = await staffedServiceIds(tx, hallId, serviceIds);
  const waiting = await tx.select({ serviceId: tickets.serviceId, count: sql<number>`count(*)::int` }).from(tickets)
    .where(and(eq(tickets.status, 'waiting'), inArray(tickets.serviceId, serviceIds), sql`${tickets.boundWindowId} is null`))
    .groupBy(tickets.serviceId);
  const names = new Map((await tx.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, serviceIds))).map((s) => [s.id, s.name]));
  for (const serviceId of serviceIds) {
    const key = `service_unattended:${serviceId}`;
    const count = waiting.find((w) => w.serviceId === serviceId)?.count ?? 0;
    if (!staffed.has(serviceId) && count > 0) {
      const payload = { kind: 'service_unattended', serviceId, serviceName: names.get(serviceId) ?? '', waiting: count };
      const id = await repo.raiseAlert(tx, { hallId, kind: 'service_unattended', dedupeKey: key, payload, raisedAt: fx.now });
      if (id) {
        fx.audit({ action: 'alert.raised', hallId, targetType: 'alert', targetId: id, after: payload });
        fx.emit(hallId, 'alert.raised', { ...payload, alertId: id });
      }
    } else if (staffed.has(serviceId)) {
      const resolved = await repo.resolveAlertsByKey(tx, hallId, key, fx.now, 'system');
      for (const r of resolved) fx.audit({ action: 'alert.resolved', hallId, targetType: 'alert', targetId: r.id, after: { by: 'coverage restored' } });
    }
  }
}
