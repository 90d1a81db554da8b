// An archived hall is history: what it had stays readable for the service log and
// reports, but nothing in it changes any more — its settings, services, windows, devices,
// calendar, or the windows' working day. Every write to a hall, or to something of a hall,
// takes the hall here first, inside its transaction, after authorization.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { halls } from '../../db/schema.js';
import { AppError } from '../http/errors.js';

export type HallRow = typeof halls.$inferSelect;

/**
 * The hall a write is about, held until the transaction ends: 404 not_found for an unknown
 * hall, 409 hall_archived for an archived one.
 *
 * The row is locked so that archiving (an UPDATE of it) waits for the writes already past this
 * check: unlocked, a write could pass the check, the archive commit, and then the write commit
 * into an archived hall. Writes of the hall's things share the lock and do not wait for each
 * other. A write that changes the hall row itself asks for `change`: two of those holding the
 * shared lock would deadlock, each waiting for the other to let go before its UPDATE.
 */
export async function writableHall(tx: Queryable, hallId: string, intent: 'write' | 'change' = 'write'): Promise<HallRow> {
  const [hall] = await tx.select().from(halls).where(eq(halls.id, hallId))
    .for(intent === 'change' ? 'no key update' : 'share').limit(1);
  if (!hall) throw new AppError('not_found');
  if (hall.archivedAt) throw new AppError('hall_archived');
  return hall;
}
