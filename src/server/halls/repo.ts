// The only SQL for the halls table.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { hallCalendars, halls } from '../../db/schema.js';

export function listHalls(db: Queryable, ids: string[] | null) {
  const live = isNull(halls.archivedAt);
  return db.select().from(halls)
    .where(ids === null ? live : and(live, inArray(halls.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])))
    .orderBy(asc(halls.createdAt));
}

export async function findHall(db: Queryable, id: string) {
  const [h] = await db.select().from(halls).where(and(eq(halls.id, id), isNull(halls.archivedAt))).limit(1);
  return h ?? null;
}

export async function insertHall(db: Queryable, values: typeof halls.$inferInsert) {
  const [h] = await db.insert(halls).values(values).returning();
  return h!;
}

export async function updateHall(db: Queryable, id: string, values: Partial<typeof halls.$inferInsert>) {
  const [h] = await db.update(halls).set(values).where(eq(halls.id, id)).returning();
  return h!;
}

export async function insertCalendarYears(db: Queryable, hallId: string, years: { year: number; holidays: string[]; workdays: string[]; source: string }[]) {
  if (years.length) await db.insert(hallCalendars).values(years.map((y) => ({ hallId, ...y })));
}
