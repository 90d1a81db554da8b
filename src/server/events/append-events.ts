// Stores a command's events inside its transaction and announces them with NOTIFY (sent by
// Postgres only when the transaction commits).
//
// Why a counter row and not a sequence: a sequence hands out ids at insert time, so id 8 can
// commit before id 7; a reader that saw 8 and resumes "after 8" would never see 7. Taking the
// hall's counter row with UPDATE holds its lock until commit, so the next writer in that hall
// gets its id only after this one is visible: ids appear in commit order, without gaps.
// The lock is taken as the last step of a command, so it is held for microseconds.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import { events as eventsTable } from '../../db/schema.js';
import type { HallEventMap, HallEventName } from '../../core/events/hall-events.js';

export const EVENTS_CHANNEL = 'chuangkou_events';

export interface PendingEvent<N extends HallEventName = HallEventName> {
  hallId: string;
  name: N;
  payload: HallEventMap[N];
}

export async function appendEvents(tx: Queryable, pending: PendingEvent[], at: Date): Promise<void> {
  const byHall = new Map<string, PendingEvent[]>();
  for (const e of pending) byHall.set(e.hallId, [...(byHall.get(e.hallId) ?? []), e]);
  for (const hallId of [...byHall.keys()].sort()) {
    const list = byHall.get(hallId)!;
    const [row] = await queryRows<{ last_id: string | number }>(tx, sql`
      insert into hall_event_counters (hall_id, last_id) values (${hallId}, ${list.length})
      on conflict (hall_id) do update set last_id = hall_event_counters.last_id + ${list.length}
      returning last_id`);
    const lastId = Number(row!.last_id);
    const firstId = lastId - list.length + 1;
    await tx.insert(eventsTable).values(
      list.map((e, i) => ({ hallId, id: firstId + i, name: e.name, payload: e.payload, createdAt: at })));
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ hallId, lastId })})`);
  }
}
