// Who may work a window: the person signed in to it, or a manager/admin of its hall (who may
// step in). Everyone else of the hall is refused with not_window_staff.
import type { Actor } from '../../core/access/policy.js';
import type { Queryable } from '../../db/client.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import * as repo from './repo.js';

export async function assertWindowOperator(db: Queryable, actor: Actor, hallId: string, windowId: string): Promise<void> {
  authorize(actor, 'queue.operate', hallId);
  if (mayStepIn(actor)) return;
  const session = await repo.openSession(db, windowId);
  assertSignedInOperator(actor, hallId, session?.session.userId ?? null);
}

/** The same check when the caller has already read who is signed in to the window (null: nobody). */
export function assertSignedInOperator(actor: Actor, hallId: string, signedInUserId: string | null): void {
  authorize(actor, 'queue.operate', hallId);
  if (mayStepIn(actor)) return;
  if (signedInUserId === null || actor.type !== 'user' || signedInUserId !== actor.id) throw new AppError('not_window_staff');
}

function mayStepIn(actor: Actor): boolean {
  return actor.type !== 'user' || actor.role === 'admin' || actor.role === 'manager';
}
