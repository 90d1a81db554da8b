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
  add(res: ServerResponse) { this.streams.add(res); res.on('close', () => this.streams.delete(res)); }
  get size() { return this.streams.size; }
  endAll() { for (const s of this.streams) s.end(); this.streams.clear(); }
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

      let lastSent = resumeFrom ?? 0;
      let live = false;
      const buffered: HallEvent[] = [];
      const send = (events: HallEvent[]) => {
        for (const e of events) {
          if (e.id <= lastSent) continue;
          res.write(frame(e));
          lastSent = e.id;
        }
      };
      const sub = await ctx.hub.subscribe(params.hallId, (events) => {
        if (live) send(events);
        else buffered.push(...events);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      res.on('close', () => { clearInterval(heartbeat); sub.unsubscribe(); });

      try {
        if (resumeFrom === null) {
          // A fresh client starts at "now"; the id lets its browser resume from here later.
          lastSent = sub.cursor;
          res.write(`id: ${sub.cursor}\nevent: ready\ndata: ${JSON.stringify({ lastEventId: sub.cursor })}\n\n`);
        } else {
          const [bounds] = await queryRows<{ min_id: string | null }>(ctx.db,
            sql`select min(id) as min_id from events where hall_id = ${params.hallId}`);
          const oldest = bounds?.min_id == null ? sub.cursor + 1 : Number(bounds.min_id);
          if (resumeFrom < oldest - 1 || resumeFrom > sub.cursor) {
            // Missed events are gone (or the id is from another database): start over.
            lastSent = sub.cursor;
            res.write(`id: ${sub.cursor}\nevent: reset\ndata: ${JSON.stringify({ lastEventId: sub.cursor })}\n\n`);
          } else {
            for (;;) {
              const page = await readEvents(ctx.database, params.hallId, lastSent, BACKLOG_PAGE);
              send(page);
              if (page.length < BACKLOG_PAGE || lastSent >= sub.cursor) break;
            }
          }
        }
        send(buffered.sort((a, b) => a.id - b.id));
        buffered.length = 0;
        live = true;
      } catch {
        res.end();
      }
    },
  });
}
