// The citizen's ticket, live: GET /api/v1/tickets/{ticketId}/events?token=… (Server-Sent Events).
// The hall's own stream is for its users and devices and carries every event of the hall; a
// citizen gets only the view of their own ticket. The stream rides on the hub's subscription to
// the hall (no LISTEN of its own): any event that could change the view — a ticket moving
// (people ahead change when others are called), a window opening, pausing or being renamed, the
// hall or a service renamed — marks the view dirty, and it is recomputed at most once per
// RECOMPUTE_MS per connection, so a busy hall costs each phone a few queries a second at worst.
// Every view is a snapshot: a reconnecting phone simply gets the current one (Last-Event-ID is
// only used to keep ids increasing across reconnects).
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { HallEvent } from '../../core/events/hall-events.js';
import type { Queryable } from '../../db/client.js';
import { tokenHash } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { lastEventId, openEventStream, type OpenStreams } from '../http/event-stream.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { publicTicketView } from './queue-state.js';
import * as repo from './repo.js';

/** Coalescing window: events arriving faster than this are answered with one recomputation. */
export const RECOMPUTE_MS = 300;
/** Some of the view moves with the clock alone (fairness ordering, estimates): refresh it now and then. */
const REFRESH_MS = 60_000;

export type TrackingView = Awaited<ReturnType<typeof publicTicketView>>;

/** A ticket is over once done or cancelled; a no-show may still rejoin (as on the web page). */
export function isFinalStatus(status: string): boolean {
  return status === 'done' || status === 'cancelled';
}

export const trackQuery = z.object({ token: z.string().min(10).max(200) });

/**
 * The ticket a tracking token opens. Unknown ticket and wrong token look the same (404), and the
 * comparison takes the same time whatever the token: nothing to learn by guessing.
 */
export async function trackedTicket(db: Queryable, ticketId: string, token: string): Promise<repo.TicketRow> {
  const ticket = await repo.findTicket(db, ticketId);
  const given = Buffer.from(tokenHash(token));
  const stored = Buffer.from(ticket?.trackTokenHash ?? '');
  if (!ticket || given.length !== stored.length || !timingSafeEqual(given, stored)) throw new AppError('not_found');
  return ticket;
}

/** What the tracking page shows for the ticket now; null once the ticket or its hall is gone. */
export async function trackingView(ctx: AppContext, ticket: repo.TicketRow): Promise<TrackingView | null> {
  const hall = await findHall(ctx.db, ticket.hallId);
  if (!hall) return null;
  const service = (await repo.servicesOfHall(ctx.db, hall.id)).find((s) => s.id === ticket.serviceId);
  return publicTicketView(ctx.db, hall, ticket, service?.name ?? '', ctx.now());
}

/**
 * Whether a hall event may change this ticket's view. Its own events always do; other tickets
 * move the people ahead only while it waits; windows change estimates and window names; the
 * hall and services change names on the page.
 */
export function concernsTicket(e: HallEvent, ticketId: string, waiting: boolean): boolean {
  if (e.name.startsWith('ticket.')) return (e.payload as { ticketId?: string }).ticketId === ticketId || waiting;
  return e.name.startsWith('window.') || e.name === 'hall.updated' || e.name.startsWith('service.');
}

export function registerTrackStream(host: RouteHost, ctx: AppContext, open: OpenStreams): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/tickets/:ticketId/events', tags: ['queue'], auth: 'public', produces: 'text/event-stream',
    summary: "The citizen's ticket, live (SSE, needs the ticket's token): `ticket` events carry the same view as GET /tickets/{id}; "
      + 'the stream ends after the ticket is done or cancelled',
    params: z.object({ ticketId: idParam }), query: trackQuery,
    handler: async ({ params, query, req, reply }) => {
      const first = await trackedTicket(ctx.db, params.ticketId, query.token);
      let seq = lastEventId(req) ?? 0;

      const stream = openEventStream(reply, open, 'public');
      let timer: NodeJS.Timeout | null = null;
      const refresh = setInterval(() => schedule(), REFRESH_MS);
      refresh.unref();
      stream.onStop(() => {
        clearInterval(refresh);
        if (timer) clearTimeout(timer);
        timer = null;
      });

      let waiting = first.status === 'waiting';
      let lastSentJson: string | null = null;
      let dirty = false;
      let computing = false;
      let lastRun = 0;

      const recompute = async () => {
        timer = null;
        if (stream.stopped()) return;
        dirty = false;
        computing = true;
        lastRun = Date.now();
        try {
          const ticket = await repo.findTicket(ctx.db, params.ticketId);
          const view = ticket ? await trackingView(ctx, ticket) : null;
          if (stream.stopped()) return;
          if (!view) { stream.end(); return; }
          waiting = view.status === 'waiting';
          const json = JSON.stringify(view);
          // Most hall events leave this ticket's view as it was: nothing to say then.
          if (json !== lastSentJson) {
            seq += 1;
            stream.write(`id: ${seq}\nevent: ticket\ndata: ${json}\n\n`);
            lastSentJson = json;
          }
          if (isFinalStatus(view.status)) stream.end();
        } catch {
          // A database hiccup: the next event or refresh tries again; the phone keeps what it has.
        } finally {
          computing = false;
          if (dirty && !stream.stopped()) schedule();
        }
      };
      function schedule() {
        dirty = true;
        if (computing || timer || stream.stopped()) return;
        timer = setTimeout(() => void recompute(), Math.max(0, lastRun + RECOMPUTE_MS - Date.now()));
      }

      if (stream.stopped()) return;

      try {
        // Subscribe before the first view is read, so no change can fall between the two.
        const sub = await ctx.hub.subscribe(first.hallId, (events) => {
          if (events.some((e) => concernsTicket(e, params.ticketId, waiting))) schedule();
        });
        stream.onStop(sub.unsubscribe);
        if (stream.stopped()) return;
        // The current view at once (lastRun is 0, so no wait).
        schedule();
      } catch {
        stream.end();
      }
    },
  });
}
