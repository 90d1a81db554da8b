// GET /api/v1/halls/{hallId}/events — Server-Sent Events. A client that comes back with
// Last-Event-ID gets every event it missed, then live ones, with no gap and no repeat:
//   1. subscribe to the hub first (live events are buffered),
//   2. read the backlog after Last-Event-ID from the table,
//   3. send backlog, then buffered and live events, dropping any id already sent.
// If the backlog was already pruned, the client gets a `reset` event and reloads its state.
import { sql } from 'drizzle-orm';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { HallEvent } from '../../core/events/hall-events.js';
import { queryRows } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { readEvents } from './hub.js';

const HEARTBEAT_MS = 15_000;
const BACKLOG_PAGE = 2000;

/** Open streams, so shutdown can end them instead of waiting for clients to leave. */
export class OpenStreams {
  private readonly streams = new Set<ServerResponse>();
  private ended = false;
  /** True once shutdown began: no new stream may start, or closing the server would wait on it. */
  get closing() { return this.ended; }
  add(res: ServerResponse) {
    if (res.destroyed) return; // the client already left: no 'close' will come to remove it
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }
  get size() { return this.streams.size; }
  endAll() { this.ended = true; for (const s of this.streams) s.end(); this.streams.clear(); }
}

function frame(e: HallEvent): string {
  return `id: ${e.id}\nevent: ${e.name}\ndata: ${JSON.stringify({ ...e.payload, at: e.at })}\n\n`;
}

export function registerEventRoutes(host: RouteHost, ctx: AppContext, open: OpenStreams): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/events', tags: ['events'], auth: 'actor', produces: 'text/event-stream',
    summary: "The hall's live events (SSE); send Last-Event-ID to resume without gaps",
    params: z.object({ hallId: idParam }),
    query: z.object({ lastEventId: z.string().regex(/^\d{1,15}$/).optional() }),
    handler: async ({ actor, params, query, req, reply }) => {
      authorize(actor, 'events.subscribe', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const header = req.headers['last-event-id'];
      const resumeRaw = typeof header === 'string' && /^\d{1,15}$/.test(header) ? header : query.lastEventId;
      const resumeFrom = resumeRaw === undefined ? null : Number(resumeRaw);

      // Checked after the awaits above: a stream started once shutdown began would never end.
      if (open.closing) throw new AppError('unavailable');

      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      open.add(res);

      // The client may leave at any moment, also during the awaits below (its 'close' would then
      // come before a listener added after them): listen first, and check after each await.
      let gone = res.destroyed;
      let unsubscribe: (() => void) | null = null;
      // Nothing is written once the client left or shutdown ended the stream (write after end
      // is an 'error' event on the response).
      const stopped = () => gone || res.writableEnded;
      const write = (chunk: string) => { if (!stopped()) res.write(chunk); };
      const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const release = () => { gone = true; clearInterval(heartbeat); unsubscribe?.(); unsubscribe = null; };
      res.on('close', release);
      if (gone) { release(); return; }

      let lastSent = resumeFrom ?? 0;
      let live = false;
      const buffered: HallEvent[] = [];
      const send = (events: HallEvent[]) => {
        if (stopped()) return;
        for (const e of events) {
          if (e.id <= lastSent) continue;
          res.write(frame(e));
          lastSent = e.id;
        }
      };

      try {
        const sub = await ctx.hub.subscribe(params.hallId, (events) => {
          if (live) send(events);
          else buffered.push(...events);
        });
        unsubscribe = sub.unsubscribe;
        if (stopped()) { release(); return; }

        if (resumeFrom === null) {
          // A fresh client starts at "now"; the id lets its browser resume from here later.
          lastSent = sub.cursor;
          write(`id: ${sub.cursor}\nevent: ready\ndata: ${JSON.stringify({ lastEventId: sub.cursor })}\n\n`);
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
            write(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ lastEventId: latest })}\n\n`);
          } else {
            for (;;) {
              const page = await readEvents(ctx.database, params.hallId, lastSent, BACKLOG_PAGE);
              send(page);
              if (page.length < BACKLOG_PAGE || lastSent >= latest || stopped()) break;
            }
          }
        }
        send(buffered.sort((a, b) => a.id - b.id));
        buffered.length = 0;
        live = true;
      } catch {
        release();
        res.end();
      }
    },
  });
}
