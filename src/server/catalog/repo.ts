// The only SQL for the services table.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { services } from '../../db/schema.js';

export function listServices(db: Queryable, hallId: string) {
  return db.select().from(services).where(and(eq(services.hallId, hallId), isNull(services.archivedAt))).orderBy(asc(services.ticketPrefix), asc(services.code));
}

/** The hall's live services, locked until the transaction ends (an import rewrites them). */
export function lockServices(db: Queryable, hallId: string) {
  return db.select().from(services).where(and(eq(services.hallId, hallId), isNull(services.archivedAt))).orderBy(asc(services.code)).for('update');
}

export async function findService(db: Queryable, id: string) {
  const [s] = await db.select().from(services).where(and(eq(services.id, id), isNull(services.archivedAt))).limit(1);
  return s ?? null;
}

export async function findClash(db: Queryable, hallId: string, field: 'code' | 'ticketPrefix', value: string, exceptId?: string) {
  const column = field === 'code' ? services.code : services.ticketPrefix;
  const [s] = await db.select({ id: services.id }).from(services)
    .where(and(eq(services.hallId, hallId), isNull(services.archivedAt), eq(column, value), exceptId ? ne(services.id, exceptId) : undefined))
    .limit(1);
  return Boolean(s);
}

export async function insertService(db: Queryable, values: typeof services.$inferInsert) {
  const [s] = await db.insert(services).values(values).returning();
  return s!;
}

export async function updateService(db: Queryable, id: string, values: Partial<typeof services.$inferInsert>) {
  const [s] = await db.update(services).set(values).where(eq(services.id, id)).returning();
  return s!;
}
