// One person, one counter: the board shows each open window's staff badge, so a
// person signed in to two windows would stand at two counters and split their work. Signing
// in elsewhere is refused until they sign out (close) there. A manager or admin who steps in
// to act on a window does not sign in, so this never stands in their way.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { users, windows, windowSessions } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../http/errors.js';

/**
 * Refuses with already_signed_in when `userId` has an open session at a window other than
 * `windowId`. Takes the person's row lock first (FOR NO KEY UPDATE, which foreign-key checks on
 * their rows do not wait for): two sign-ins of one person race on it, and the second, reading
 * after the first commits, finds the first's session. The partial unique index
 * window_sessions_one_per_person holds the rule even for a writer that skips this.
 */
export async function refuseSignInElsewhere(tx: Tx, userId: string, windowId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  const [other] = await tx.select({ windowId: windowSessions.windowId, hallId: windowSessions.hallId, windowNumber: windows.number })
    .from(windowSessions).innerJoin(windows, eq(windows.id, windowSessions.windowId))
    .where(and(eq(windowSessions.userId, userId), isNull(windowSessions.closedAt), ne(windowSessions.windowId, windowId)))
    .limit(1);
  if (other) throw new AppError('already_signed_in', { windowId: other.windowId, windowNumber: other.windowNumber, hallId: other.hallId });
}
