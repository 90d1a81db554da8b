// Every state change goes through runCommand: one transaction that does the work, appends the
// service-log rows and stores the hall events, so a change, its log row and its event
// either all happen or none do.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
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
  return ctx.db.transaction(async (tx) => {
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
    // the hall's other writers wait (see events/append-events.ts). On PostgreSQL the statements
    // and the COMMIT travel in one message, so the hall never waits for this process; the
    // message ends with BEGIN so that the transaction wrapper's own COMMIT closes an empty
    // transaction instead of warning. On PGlite one connection runs one transaction at a
    // time: the write alone, which also creates a missing chain head.
    const closing = closingStatements(events, now, audits.length ? prepareAudit(who, audits, now) : null);
    if (closing && ctx.database.kind === 'postgres') {
      const statements = [...(closing.heads ? [closing.heads] : []), closing.write];
      await tx.execute(sql.raw(`${statements.map(inlined).join(';\n')};\ncommit;\nbegin`));
    } else if (closing) {
      await tx.execute(closing.write);
    }
    return result;
  });
}

const dialect = new PgDialect();

/**
 * A statement with its parameters written in as literals: several statements in one message
 * use the simple query protocol, which has no parameters. Only the closing statements are
 * inlined, and their values are strings, numbers and nulls, quoted by pg's escapeLiteral.
 */
function inlined(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw new TypeError(`runCommand: cannot write ${typeof value} into the closing statement`);
}
