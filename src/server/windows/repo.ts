// The only SQL for the windows and window_services tables.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { services, windows, windowServices } from '../../db/schema.js';

export type WindowRow = typeof windows.$inferSelect & { serviceIds: string[] };

async function attachServices(db: Queryable, rows: (typeof windows.$inferSelect)[]): Promise<WindowRow[]> {
  if (!rows.length) return [];
  const links = await db.select({ windowId: windowServices.windowId, serviceId: windowServices.serviceId })
    .from(windowServices)
    .innerJoin(services, eq(services.id, windowServices.serviceId))
    .where(and(inArray(windowServices.windowId, rows.map((r) => r.id)), isNull(services.archivedAt)))
    .orderBy(asc(services.ticketPrefix));
  return rows.map((r) => ({ ...r, serviceIds: links.filter((l) => l.windowId === r.id).map((l) => l.serviceId) }));
}

export async function listWindows(db: Queryable, hallId: string) {
  return attachServices(db, await db.select().from(windows)
    .where(and(eq(windows.hallId, hallId), isNull(windows.archivedAt))).orderBy(asc(windows.number)));
}

export async function findWindow(db: Queryable, id: string) {
  const rows = await db.select().from(windows).where(and(eq(windows.id, id), isNull(windows.archivedAt))).limit(1);
  return (await attachServices(db, rows))[0] ?? null;
}

export async function numberTaken(db: Queryable, hallId: string, number: number, exceptId?: string) {
  const rows = await db.select({ id: windows.id }).from(windows)
    .where(and(eq(windows.hallId, hallId), eq(windows.number, number), isNull(windows.archivedAt)));
  return rows.some((r) => r.id !== exceptId);
}

/** Which of these ids are live services of the hall. */
export async function liveServiceIds(db: Queryable, hallId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: services.id }).from(services)
    .where(and(eq(services.hallId, hallId), isNull(services.archivedAt), inArray(services.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertWindow(db: Queryable, values: typeof windows.$inferInsert, serviceIds: string[]) {
  const [w] = await db.insert(windows).values(values).returning();
  await setServices(db, w!.id, serviceIds);
  return (await findWindow(db, w!.id))!;
}

export async function updateWindow(db: Queryable, id: string, values: Partial<typeof windows.$inferInsert>, serviceIds?: string[]) {
  if (Object.keys(values).length) await db.update(windows).set(values).where(eq(windows.id, id));
  if (serviceIds) await setServices(db, id, serviceIds);
}

async function setServices(db: Queryable, windowId: string, serviceIds: string[]) {
  await db.delete(windowServices).where(eq(windowServices.windowId, windowId));
  if (serviceIds.length) await db.insert(windowServices).values(serviceIds.map((serviceId) => ({ windowId, serviceId })));
}
