// Fan-out of a hall's events to this instance's subscribers (SSE streams). One LISTEN
// connection per instance; a notification only says "hall H has events up to N", and the hub
// reads the range from the table, so coalesced or lost notifications cannot lose events.
// A slow poll covers the time a LISTEN connection is down.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import { events as eventsTable } from '../../db/schema.js';
import type { HallEvent } from '../../core/events/hall-events.js';
import { EVENTS_CHANNEL } from './append-events.js';

export type Subscriber = (events: HallEvent[]) => void;

interface HallFeed {
  cursor: number;
  subscribers: Set<Subscriber>;
  fetching: Promise<void> | null;
  again: boolean;
}

const BATCH = 1000;

export class EventHub {
  private readonly feeds = new Map<string, HallFeed>();
  private stopListening: (() => Promise<void>) | null = null;
  private poller: NodeJS.Timeout | null = null;

  constructor(private readonly database: Database, private readonly pollMs = 5000) {}

  async start(): Promise<void> {
    this.stopListening = await this.database.listen(EVENTS_CHANNEL, (payload) => {
      try {
        const { hallId, lastId } = JSON.parse(payload) as { hallId: string; lastId: number };
        const feed = this.feeds.get(hallId);
        if (feed && lastId > feed.cursor) this.pull(hallId, feed);
      } catch {
        // Not ours or malformed: ignore; the poll still catches up.
      }
    });
    this.poller = setInterval(() => {
      for (const [hallId, feed] of this.feeds) this.pull(hallId, feed);
    }, this.pollMs);
    this.poller.unref();
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    await this.stopListening?.();
    this.stopListening = null;
    await Promise.all([...this.feeds.values()].map((f) => f.fetching));
    this.feeds.clear();
  }

  /**
   * Starts delivering the hall's events committed after the returned cursor. The caller reads
   * any backlog itself (up to at least the cursor) and drops duplicates by id.
   */
  async subscribe(hallId: string, subscriber: Subscriber): Promise<{ cursor: number; unsubscribe: () => void }> {
    let feed = this.feeds.get(hallId);
    if (!feed) {
      const cursor = await this.latestId(hallId);
      const existing = this.feeds.get(hallId);
      feed = existing ?? { cursor, subscribers: new Set(), fetching: null, again: false };
      if (!existing) {
        this.feeds.set(hallId, feed);
        // A notification that came while the cursor was read found no feed and was dropped.
        this.pull(hallId, feed);
      }
    }
    feed.subscribers.add(subscriber);
    const f = feed;
    return {
      cursor: f.cursor,
      unsubscribe: () => {
        f.subscribers.delete(subscriber);
        if (f.subscribers.size === 0 && this.feeds.get(hallId) === f) this.feeds.delete(hallId);
      },
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const f of this.feeds.values()) n += f.subscribers.size;
    return n;
  }

  async latestId(hallId: string): Promise<number> {
    const [row] = await queryRows<{ last_id: string | number }>(this.database.db,
      sql`select last_id from hall_event_counters where hall_id = ${hallId}`);
    return row ? Number(row.last_id) : 0;
  }

  private pull(hallId: string, feed: HallFeed): void {
    if (feed.fetching) { feed.again = true; return; }
    feed.fetching = (async () => {
      try {
        do {
          feed.again = false;
          for (;;) {
            const batch = await readEvents(this.database, hallId, feed.cursor, BATCH);
            if (batch.length === 0) break;
            feed.cursor = batch.at(-1)!.id;
            for (const s of feed.subscribers) {
              try { s(batch); } catch { /* one broken stream must not starve the others */ }
            }
            if (batch.length < BATCH) break;
          }
        } while (feed.again);
      } catch {
        // Database hiccup: the next notification or poll retries from the same cursor.
      } finally {
        feed.fetching = null;
      }
    })();
  }
}

export async function readEvents(database: Database, hallId: string, afterId: number, limit: number): Promise<HallEvent[]> {
  const rows = await database.db.select().from(eventsTable)
    .where(and(eq(eventsTable.hallId, hallId), gt(eventsTable.id, afterId)))
    .orderBy(asc(eventsTable.id)).limit(limit);
  return rows.map((r) => ({
    id: r.id, hallId: r.hallId, name: r.name as HallEvent['name'], payload: r.payload as HallEvent['payload'], at: r.createdAt.toISOString(),
  }));
}
