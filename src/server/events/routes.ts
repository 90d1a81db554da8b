// GET /api/v1/halls/{hallId}/events — Server-Sent Events. A client that comes back with
// Last-Event-ID gets every event it missed, then live ones, with no gap and no repeat:
//   1. subscribe to the hub first (live events are buffered),
//   2. read the backlog after Last-Event-ID from the table,
//   3. send backlog, then buffered and live events, dropping any id already sent.
// If the backlog was already pruned, the client gets a `reset` event and reloads its state.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { HallEvent } from '../../core/events/hall-events.js';
import { queryRows } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { EVENT_ID, lastEventId, openEventStream, type OpenStreams } from '../http/event-stream.js';
import { readEvents } from './hub.js';

const BACKLOG_PAGE = 2000;

function frame(e: HallEvent): string {
  return `id: ${e.id}\nevent: ${e.name}\ndata: ${JSON.stringify({ ...e.payload, at: e.at })}\n\n`;
}

export function registerEventRoutes(host: RouteHost, ctx: AppContext, open: OpenStreams): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/events', tags: ['events'], auth: 'actor', produces: 'text/event-stream',
    summary: "The hall's live events (SSE); send Last-Event-ID to resume without gaps",
    params: z.object({ hallId: idParam }),
    query: z.object({ lastEventId: z.string().regex(EVENT_ID).optional() }),
    handler: async ({ actor, params, query, req, reply }) => {
      authorize(actor, 'events.subscribe', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const resumeFrom = lastEventId(req) ?? (query.lastEventId === undefined ? null : Number(query.lastEventId));

      // Uncapped per address: the caller is a signed-in person or a device of this hall, and a
      // hall may run many boards behind one NAT address (see StreamAccess).
      const stream = openEventStream(reply, open, 'authenticated');
      if (stream.stopped()) return;

      let lastSent = resumeFrom ?? 0;
      let live = false;
      const buffered: HallEvent[] = [];
      const send = (events: HallEvent[]) => {
        if (stream.stopped()) return;
        for (const e of events) {
          if (e.id <= lastSent) continue;
          stream.write(frame(e));
          lastSent = e.id;
        }
      };

      try {
        const sub = await ctx.hub.subscribe(params.hallId, (events) => {
          if (live) send(events);
          else buffered.push(...events);
        });
        stream.onStop(sub.unsubscribe);
        if (stream.stopped()) return;

        if (resumeFrom === null) {
          // A fresh client starts at "now"; the id lets its browser resume from here later.
          lastSent = sub.cursor;
          stream.write(`id: ${sub.cursor}\nevent: ready\ndata: ${JSON.stringify({ lastEventId: sub.cursor })}\n\n`);
        } else {
          // The hub's cursor can trail the table (a notification not yet handled, e.g. for an
          // event written through another instance that this client has already seen there),
          // so "the latest id" is the hall's counter, not the cursor.
          const [bounds] = await queryRows<{ min_id: string | number | null; last_id: string | number | null }>(ctx.db, sql`
            select (select min(id) from events where hall_id = ${params.hallId}) as min_id,
                   (select last_id from hall_event_counters where hall_id = ${params.hallId}) as last_id`);
          const latest = Math.max(sub.cursor, Number(bounds?.last_id ?? 0));
          const oldest = bounds?.min_id == null ? latest + 1 : Number(bounds.min_id);
          if (resumeFrom < oldest - 1 || resumeFrom > latest) {
            // Missed events are gone (or the id is from another database): start over. Events
            // up to `latest` are committed, so the state the client reloads already has them.
            lastSent = latest;
            stream.write(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ lastEventId: latest })}\n\n`);
          } else {
            for (;;) {
              const page = await readEvents(ctx.database, params.hallId, lastSent, BACKLOG_PAGE);
              send(page);
              if (page.length < BACKLOG_PAGE || lastSent >= latest || stream.stopped()) break;
            }
          }
        }
        send(buffered.sort((a, b) => a.id - b.id));
        buffered.length = 0;
        live = true;
      } catch {
        stream.end();
      }
    },
  });
}
