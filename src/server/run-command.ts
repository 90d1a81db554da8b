// Every state change goes through runCommand: one transaction that does the work, appends the
// service-log rows and stores the hall events, so a change, its log row and its event
// either all happen or none do.
import type { Tx } from '../db/client.js';
import type { Actor } from '../core/access/policy.js';
import type { HallEventMap, HallEventName } from '../core/events/hall-events.js';
import { prepareAudit, type AuditActor, type AuditEntry } from './audit/append-audit.js';
import { closingStatements, type PendingEvent } from './events/append-events.js';
import type { AppContext } from './context.js';

export interface Effects {
  /** Records a row in the service log. */
  audit(entry: AuditEntry): void;
  /** Publishes a hall event when the transaction commits. */
  emit<N extends HallEventName>(hallId: string, name: N, payload: HallEventMap[N]): void;
  readonly now: Date;
}

export function auditActorOf(actor: Actor | null): AuditActor {
  if (!actor) return { type: 'system', id: null, name: 'system' };
  if (actor.type === 'device') return { type: 'device', id: actor.id, name: actor.name };
  return { type: 'user', id: actor.id, name: actor.username };
}

export async function runCommand<T>(
  ctx: AppContext,
  actor: Actor | AuditActor | null,
  work: (tx: Tx, fx: Effects) => Promise<T>,
): Promise<T> {
  const who = actor === null || 'role' in actor || 'kind' in actor ? auditActorOf(actor) : actor;
  return ctx.database.writeTransaction(async (tx) => {
    const audits: AuditEntry[] = [];
    const events: PendingEvent[] = [];
    const now = ctx.now();
    const fx: Effects = {
      audit: (entry) => { audits.push(entry); },
      emit: (hallId, name, payload) => { events.push({ hallId, name, payload } as PendingEvent); },
      now,
    };
    const result = await work(tx, fx);
    // The last step: from the closing statement's wait for the hall's commit queue to COMMIT,
    // the hall's other writers wait (see events/append-events.ts), so it travels with the COMMIT.
    const closing = closingStatements(events, now, audits.length ? prepareAudit(who, audits, now) : null);
    return { result, closing: closing ? [...(closing.heads ? [closing.heads] : []), closing.write] : [] };
  });
}
