// The citizen's live ticket (GET /api/v1/tickets/{ticketId}/events?token=…), over a real port:
// what a phone following its ticket sees while the windows work.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { issue, openHallWithQueue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';
import { dataOf, openSse, type SseClient, type SseEvent, type SseOptions } from '../../../test/sse-client.js';
import { RECOMPUTE_MS } from './track-stream.js';

interface View {
  id: string; number: string; status: string; serviceName: string; ahead: number; estimatedWaitMinutes: number | null;
  windowNumber: number | null; windowName: string | null; calledAt: string | null; hallId: string; hallName: string;
}

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => THURSDAY_10AM });
  base = await t.listen();
});
afterAll(async () => { await t?.close(); });

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) {
    try { await c(); } catch { /* keep cleaning */ }
  }
});

const streamUrl = (ticketId: string, token: string) => `${base}/api/v1/tickets/${ticketId}/events?token=${encodeURIComponent(token)}`;

async function follow(ticket: { id: string; trackToken: string }, options: SseOptions = {}): Promise<SseClient> {
  const sse = await openSse(streamUrl(ticket.id, ticket.trackToken), options);
  cleanups.push(() => sse.close());
  return sse;
}

const view = (e: SseEvent) => dataOf<View>(e);
const nextView = async (sse: SseClient, until: (v: View) => boolean, timeoutMs = 3000) =>
  view(await sse.waitFor((e) => e.event === 'ticket' && until(view(e)), timeoutMs));

async function post(client: { post(url: string, body?: unknown): Promise<{ statusCode: number; body: string; json(): unknown }> }, url: string, body?: unknown) {
  const res = await client.post(url, body);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as { ticket: { id: string } };
}

/** A hall with two open windows and three tickets waiting for the first service. */
async function hallWithQueue() {
  const q = await openHallWithQueue(t, { services: 1, windows: 2 });
  for (const w of q.windows) await openWindow(w.staff, w.id);
  const service = q.services[0]!.id;
  const tickets = [];
  for (let i = 0; i < 3; i++) tickets.push(await issue(q.kiosk, q.hall.id, service));
  return { ...q, tickets };
}

describe('following a ticket live', () => {
  it('sends the current view at once, as the tracking endpoint shows it', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[2]!;
    const sse = await follow(mine);
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const first = await sse.next();
    expect(first.event).toBe('ticket');
    expect(first.id).toBe('1');
    const polled = await t.anonymous.get(`/api/v1/tickets/${mine.id}?token=${mine.trackToken}`);
    expect(view(first)).toEqual(polled.json());
    expect(view(first)).toMatchObject({ id: mine.id, number: mine.number, status: 'waiting', ahead: 2, windowNumber: null });
  });

  it('says "called to window N" as soon as a window calls the ticket', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[0]!;
    const sse = await follow(mine);
    expect(view(await sse.next()).status).toBe('waiting');
    const w = q.windows[1]!;
    const started = Date.now();
    const called = await post(w.staff, `/api/v1/windows/${w.id}/call-next`);
    expect(called.ticket.id).toBe(mine.id);
    const v = await nextView(sse, (x) => x.status === 'called');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(v).toMatchObject({ status: 'called', windowNumber: w.number, ahead: 0 });
    expect(v.calledAt).not.toBeNull();
  });

  it('counts down the people ahead as the windows call the tickets before it', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[2]!;
    const sse = await follow(mine);
    expect(view(await sse.next()).ahead).toBe(2);
    await post(q.windows[0]!.staff, `/api/v1/windows/${q.windows[0]!.id}/call-next`);
    expect((await nextView(sse, (v) => v.ahead !== 2))).toMatchObject({ status: 'waiting', ahead: 1 });
    await post(q.windows[1]!.staff, `/api/v1/windows/${q.windows[1]!.id}/call-next`);
    expect((await nextView(sse, (v) => v.ahead !== 1))).toMatchObject({ status: 'waiting', ahead: 0 });
  });

  it('tells the phone only about its own ticket, never the hall’s events', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[1]!;
    const sse = await follow(mine);
    await sse.next();
    await post(q.windows[0]!.staff, `/api/v1/windows/${q.windows[0]!.id}/call-next`);
    await nextView(sse, (v) => v.ahead === 0);
    await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    await post(q.windows[1]!.staff, `/api/v1/windows/${q.windows[1]!.id}/call-next`);
    await nextView(sse, (v) => v.status === 'called');
    expect(new Set(sse.events.map((e) => e.event))).toEqual(new Set(['ticket']));
    for (const e of sse.events) expect(view(e).id).toBe(mine.id);
    const ids = sse.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers a busy hall with a few recomputed views, ending at the right count', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    await openWindow(q.windows[0]!.staff, q.windows[0]!.id);
    const ahead = [];
    for (let i = 0; i < 12; i++) ahead.push(await issue(q.kiosk, q.hall.id, q.services[0]!.id));
    const mine = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const sse = await follow(mine);
    expect(view(await sse.next()).ahead).toBe(12);
    const started = Date.now();
    // One cancellation every ~70 ms for most of a second: faster than the phone is told, slower than one view.
    for (const a of ahead) {
      await post(t.admin, `/api/v1/tickets/${a.id}/cancel`);
      await sleep(50);
    }
    const burstMs = Date.now() - started;
    await nextView(sse, (v) => v.ahead === 0, 5000);
    const views = sse.events.slice(1);
    // Twelve cancellations, coalesced: at most one view per RECOMPUTE_MS of the burst (plus the
    // one in flight at its start and the one after it), never one per event.
    expect(views.length).toBeLessThanOrEqual(Math.ceil(burstMs / RECOMPUTE_MS) + 2);
    expect(views.length).toBeLessThan(ahead.length);
    // … but the phone hears of the burst while it happens, and the count only goes down.
    expect(views.length).toBeGreaterThan(1);
    const counts = views.map((e) => view(e).ahead);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('sends the final view and ends the stream when the ticket is done', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[0]!;
    const w = q.windows[0]!;
    const sse = await follow(mine);
    await sse.next();
    await post(w.staff, `/api/v1/windows/${w.id}/call-next`);
    await post(w.staff, `/api/v1/tickets/${mine.id}/start`);
    await nextView(sse, (v) => v.status === 'serving');
    await post(w.staff, `/api/v1/tickets/${mine.id}/complete`, { outcome: 'done' });
    expect(await nextView(sse, (v) => v.status === 'done')).toMatchObject({ status: 'done', windowNumber: w.number });
    await sse.waitForEnd(2000);

    // Opened again after the end: the final view, and the end.
    const again = await follow(mine);
    expect(view(await again.next())).toMatchObject({ status: 'done' });
    await again.waitForEnd(2000);
  });

  it('ends the stream when the ticket is cancelled, but keeps following a no-show (it may rejoin)', async () => {
    const q = await hallWithQueue();
    const [noShow, cancelled] = [q.tickets[0]!, q.tickets[1]!];
    const w = q.windows[0]!;
    const a = await follow(noShow);
    const b = await follow(cancelled);
    await a.next();
    await b.next();
    await post(w.staff, `/api/v1/windows/${w.id}/call-next`);
    await post(w.staff, `/api/v1/tickets/${noShow.id}/no-show`, { onDemand: true });
    await nextView(a, (v) => v.status === 'no_show');
    await post(t.admin, `/api/v1/tickets/${cancelled.id}/cancel`);
    await nextView(b, (v) => v.status === 'cancelled');
    await b.waitForEnd(2000);
    expect(a.ended).toBe(false);
    await post(w.staff, `/api/v1/tickets/${noShow.id}/rejoin`);
    expect(await nextView(a, (v) => v.status === 'waiting')).toMatchObject({ ahead: 0 });
  });

  it('gives a reconnecting phone the current view, with ids going on from its Last-Event-ID', async () => {
    const q = await hallWithQueue();
    const mine = q.tickets[1]!;
    const first = await follow(mine);
    await first.next();
    first.close();
    await post(q.windows[0]!.staff, `/api/v1/windows/${q.windows[0]!.id}/call-next`);
    const again = await follow(mine, { lastEventId: 41 });
    const e = await again.next();
    expect(e.id).toBe('42');
    expect(view(e)).toMatchObject({ status: 'waiting', ahead: 0 });
    // A Last-Event-ID from anywhere else breaks nothing.
    const odd = await follow(mine, { lastEventId: 'not-a-number' });
    expect((await odd.next()).id).toBe('1');
  });
});

describe('who may follow a ticket', () => {
  it('answers a wrong, another ticket’s or a missing token with an error, not a stream', async () => {
    const q = await hallWithQueue();
    const [mine, other] = [q.tickets[0]!, q.tickets[1]!];
    for (const token of ['wrong-token-123', other.trackToken, `${mine.trackToken.slice(0, -1)}x`]) {
      const sse = await follow({ id: mine.id, trackToken: token });
      expect(sse.status, token).toBe(404);
      expect(JSON.parse(sse.body!).error.code).toBe('not_found');
    }
    const unknown = await follow({ id: '0190f0c4-6a3b-7cc0-8000-000000000000', trackToken: mine.trackToken });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body!).error.code).toBe('not_found');
    const missing = await openSse(`${base}/api/v1/tickets/${mine.id}/events`);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body!).error.code).toBe('validation_failed');
  });

  it('releases the hall subscription when the phone leaves', async () => {
    const q = await hallWithQueue();
    const before = t.ctx.hub.subscriberCount();
    const sse = await follow(q.tickets[0]!);
    await sse.next();
    expect(t.ctx.hub.subscriberCount()).toBe(before + 1);
    sse.close();
    await expect.poll(() => t.ctx.hub.subscriberCount(), { timeout: 2000 }).toBe(before);
  });
});
