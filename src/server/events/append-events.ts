// Stores a command's events inside its transaction and announces them with NOTIFY (sent by
// Postgres only when the transaction commits).
//
// Why a counter row and not a sequence: a sequence hands out ids at insert time, so id 8 can
// commit before id 7; a reader that saw 8 and resumes "after 8" would never see 7. Taking the
// hall's counter row with an UPSERT holds its lock until commit, so the next writer in that
// hall gets its id only after this one is visible: ids appear in commit order, without gaps.
//
// The close of a command — its service-log rows and its events — therefore holds the hall
// until COMMIT, and every other writer of the hall waits. To keep that short, the close is one
// statement that needs nothing back from this process, which run-command.ts sends to
// PostgreSQL in one message with the COMMIT, so the hall never waits for this process:
//   - first the hall's commit queue: pg_advisory_xact_lock on each hall (and `global`)
//     touched, in key order. Waiters queue first-come first-served and only the next one is
//     woken at each commit (waiting on the row locks instead wakes every waiter to race
//     again). The statement is parsed and planned before it waits;
//   - then the chain heads locked and read, log rows hashed and written, heads moved on,
//     event counters, events and pg_notify.
// Before it, ensureChainHeads creates any chain head that does not exist yet. Lock order is
// the same in every command — the commit queue, in key order — and the row locks behind it
// (chain heads, event counters) are only taken by its holder, so commands cannot deadlock.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import type { HallEventMap, HallEventName } from '../../core/events/hall-events.js';
import { auditCtes, ensureChainHeads, type PreparedAudit } from '../audit/append-audit.js';

export const EVENTS_CHANNEL = 'chuangkou_events';
/** First key of the hall commit queue's advisory locks (the second is the hall's hash). */
const COMMIT_QUEUE_LOCK = 0x636b_7131;

export interface PendingEvent<N extends HallEventName = HallEventName> {
  hallId: string;
  name: N;
  payload: HallEventMap[N];
}

/** Appends the events and the prepared service-log rows. */
export async function appendEvents(tx: Queryable, pending: PendingEvent[], at: Date, log: PreparedAudit | null = null): Promise<void> {
  const closing = closingStatements(pending, at, log);
  if (!closing) return;
  if (closing.heads) await tx.execute(closing.heads);
  await tx.execute(closing.write);
}

/**
 * The statements that close a command, neither reading anything back: `heads` (when there
 * are log rows; needless where one connection runs one transaction at a time, as the write
 * creates a missing head too), then `write`. Null when there is nothing to write.
 */
export function closingStatements(pending: PendingEvent[], at: Date, log: PreparedAudit | null): { heads: SQL | null; write: SQL } | null {
  if (!pending.length && !log) return null;
  const byHall = new Map<string, PendingEvent[]>();
  for (const e of pending) {
    const list = byHall.get(e.hallId);
    if (list) list.push(e); else byHall.set(e.hallId, [e]);
  }
  const halls = [...byHall.keys()].sort();
  const queueKeys = [...new Set([...(log?.chains ?? []), ...halls])];
  const queued = sql`(select taken from commit_queue) >= 0`;
  const parts = [sql`commit_queue as (
    select count(pg_advisory_xact_lock(${COMMIT_QUEUE_LOCK}::int, k)) as taken from (
      select distinct hashtext(x) as k from unnest(array[${sql.join(queueKeys.map((q) => sql`${q}::text`), sql`, `)}]) as x order by k offset 0) q
  )`];
  if (log) parts.push(auditCtes(log, queued));
  if (halls.length) {
    const rows = halls.flatMap((hallId) => {
      const list = byHall.get(hallId)!;
      return list.map((e, i) => ({ hall_id: hallId, ord: i + 1, count: list.length, name: e.name, payload: e.payload }));
    });
    // Counters are inserted, so locked, in hall order.
    parts.push(sql`event_counters as (
      insert into hall_event_counters (hall_id, last_id)
      select v.hall_id, v.count from (values ${sql.join(halls.map((h) => sql`(${h}::uuid, ${byHall.get(h)!.length}::bigint)`), sql`, `)}) as v(hall_id, count)
      where ${queued}
      order by v.hall_id
      on conflict (hall_id) do update set last_id = hall_event_counters.last_id + excluded.last_id
      returning hall_id, last_id
    ), new_events as (
      insert into events (hall_id, id, name, payload, created_at)
      select e.hall_id, c.last_id - e.count + e.ord, e.name, e.payload, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(hall_id uuid, ord bigint, count bigint, name text, payload jsonb)
      join event_counters c on c.hall_id = e.hall_id
    ), notified as (
      select pg_notify(${EVENTS_CHANNEL}::text, json_build_object('hallId', hall_id, 'lastId', last_id)::text) from event_counters
    )`);
  }
  const write = sql`with ${log ? sql`recursive ` : sql``}${sql.join(parts, sql`, `)}
    select (select taken from commit_queue) as queued${halls.length ? sql`, (select count(*) from notified) as notified` : sql``}`;
  return { heads: log ? ensureChainHeads(log) : null, write };
}
