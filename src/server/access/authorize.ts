// The single authorization step every route takes: may this actor do this action in this
// hall? Denials are 403 whatever the reason; the reason is kept for the log, not the client.
import { decide, type Action, type Actor } from '../../core/access/policy.js';
import { AppError } from '../http/errors.js';

export function authorize(actor: Actor, action: Action, hallId: string | null): void {
  const decision = decide(actor, action, hallId);
  if (!decision.allowed) throw new AppError('forbidden', { action, reason: decision.reason });
}

/** Halls whose data the actor may list: null means every hall (admins). */
export function visibleHallIds(actor: Actor): string[] | null {
  if (actor.type === 'user' && actor.role === 'admin') return null;
  return actor.hallId ? [actor.hallId] : [];
}
