import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { TrackedTicket } from './status';
import { followTicket, type FeedDeps, type TicketFeed } from './ticketFeed';

const waiting: TrackedTicket = {
  id: 't1', number: 'A007', status: 'waiting', serviceName: '社保卡补办', ahead: 3, estimatedWaitMinutes: 15,
  windowNumber: null, windowName: null, issuedAt: '2026-11-26T02:00:00Z', calledAt: null, hallId: 'h1', hallName: '示范政务服务大厅',
};
const called: TrackedTicket = { ...waiting, status: 'called', ahead: 0, windowNumber: 3, calledAt: '2026-11-26T02:20:00Z' };
const done: TrackedTicket = { ...called, status: 'done' };

/** A stream response the test writes into, as the server would; aborting the request ends it. */
function serverStream(signal: AbortSignal | null | undefined) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
  const encoder = new TextEncoder();
  const close = (how: 'end' | 'drop') => {
    if (!open) return;
    open = false;
    if (how === 'end') controller.close();
    else controller.error(new Error('connection reset'));
  };
  signal?.addEventListener('abort', () => close('drop'));
  let id = 0;
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (view: TrackedTicket) => controller.enqueue(encoder.encode(`id: ${++id}\nevent: ticket\ndata: ${JSON.stringify(view)}\n\n`)),
    ping: () => controller.enqueue(encoder.encode(': ping\n\n')),
    end: () => close('end'),
    drop: () => close('drop'),
    get open() { return open; },
  };
}
type ServerStream = ReturnType<typeof serverStream>;

/** A fake server: each stream request is answered by the next queued answer. */
function harness(answers: ('stream' | number | 'offline')[], get: FeedDeps['get'] = async () => waiting) {
  const streams: ServerStream[] = [];
  const views: TrackedTicket[] = [];
  const liveness: boolean[] = [];
  let notFound = 0;
  let streamRequests = 0;
  const getSpy = vi.fn(get);
  const fetchSpy = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    streamRequests += 1;
    const answer = answers.shift() ?? 'offline';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (typeof answer === 'number') return new Response(JSON.stringify({ error: { code: 'not_found', message: '未找到' } }), { status: answer });
    const s = serverStream(init?.signal);
    streams.push(s);
    return s.response;
  });
  const feed: TicketFeed = followTicket(
    { streamUrl: '/api/v1/tickets/t1/events?token=secret-token', get: getSpy, fetch: fetchSpy as typeof fetch, fallbackPollMs: 80, stallMs: 400, backoffMs: () => 30 },
    { onView: (v) => views.push(v), onNotFound: () => { notFound += 1; }, onLive: (up) => liveness.push(up) },
  );
  feeds.push(feed);
  return { feed, streams, views, liveness, getSpy, fetchSpy, get notFound() { return notFound; }, get streamRequests() { return streamRequests; } };
}

const feeds: TicketFeed[] = [];
afterEach(() => { for (const f of feeds.splice(0)) f.stop(); });

const until = (check: () => boolean) => vi.waitFor(() => { if (!check()) throw new Error('not yet'); }, { timeout: 2000, interval: 5 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('followTicket', () => {
  it('shows each view the stream sends, and does not poll while the stream is up', async () => {
    const h = harness(['stream']);
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(waiting);
    h.streams[0]!.send(called);
    await until(() => h.views.length === 2);
    expect(h.views.map((v) => v.status)).toEqual(['waiting', 'called']);
    expect(h.liveness).toEqual([true]);
    await sleep(200);
    expect(h.getSpy).not.toHaveBeenCalled();
  });

  it('takes a refused link (404) as "not found", without retrying', async () => {
    const h = harness([404]);
    await until(() => h.notFound === 1);
    await sleep(150);
    expect(h.streamRequests).toBe(1);
    expect(h.getSpy).not.toHaveBeenCalled();
    expect(h.views).toEqual([]);
  });

  it('says the view may be old while the stream is down, polls only then, and reconnects', async () => {
    const h = harness(['stream', 'offline', 'offline', 'offline', 'offline', 'offline', 'offline', 'stream'], async () => ({ ...waiting, ahead: 2 }));
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(waiting);
    await until(() => h.views.length === 1);
    h.streams[0]!.drop();
    await until(() => h.liveness.at(-1) === false);
    // Down for a while: the fallback asks now and then.
    await until(() => h.getSpy.mock.calls.length >= 1);
    expect(h.views.at(-1)!.ahead).toBe(2);
    await until(() => h.streams.length === 2);
    await until(() => h.liveness.at(-1) === true);
    const polls = h.getSpy.mock.calls.length;
    await sleep(250);
    expect(h.getSpy.mock.calls.length, 'no polling once the stream is back').toBe(polls);
  });

  it('asks at once when the stream cannot be opened at all, so the page is not empty', async () => {
    const h = harness(['offline', 'offline', 'offline', 'offline', 'offline', 'offline']);
    await until(() => h.views.length === 1);
    expect(h.views[0]).toEqual(waiting);
    expect(h.liveness[0]).toBe(false);
  });

  it('stops following after the final view: the stream ending then is no failure', async () => {
    const h = harness(['stream']);
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(called);
    h.streams[0]!.send(done);
    h.streams[0]!.end();
    await until(() => h.views.length === 2);
    await sleep(200);
    expect(h.liveness).toEqual([true]);
    expect(h.streamRequests).toBe(1);
    expect(h.getSpy).not.toHaveBeenCalled();
  });

  it('stops when a fallback request finds the ticket done, and closes the stream it still had', async () => {
    const h = harness(['stream', 'offline', 'offline', 'offline', 'offline'], async () => done);
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(called);
    await until(() => h.views.length === 1);
    h.streams[0]!.drop();
    await until(() => h.views.at(-1)?.status === 'done');
    const requests = h.streamRequests;
    await sleep(200);
    expect(h.streamRequests).toBe(requests);
  });

  it('drops a request’s answer that the stream overtook', async () => {
    let answer!: (v: TrackedTicket) => void;
    const h = harness(['stream'], () => new Promise<TrackedTicket>((r) => { answer = r; }));
    await until(() => h.streams.length === 1);
    h.feed.wake(); // asks, and the answer is slow
    h.streams[0]!.send(called);
    await until(() => h.views.length === 1);
    answer(waiting);
    await sleep(20);
    expect(h.views.map((v) => v.status)).toEqual(['called']);
  });

  it('notices a stream gone silent (no heartbeat) and replaces it', async () => {
    const h = harness(['stream', 'stream']);
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(waiting);
    // Heartbeats keep it alive past the stall time …
    for (let i = 0; i < 4; i++) { await sleep(150); h.streams[0]!.ping(); }
    expect(h.streams.length).toBe(1);
    // … silence does not.
    await until(() => h.streams.length === 2);
    expect(h.streams[0]!.open).toBe(false);
  });

  it('asks again on 刷新 even after the ticket was done', async () => {
    const h = harness(['stream'], async () => ({ ...done, windowName: '综合窗口' }));
    await until(() => h.streams.length === 1);
    h.streams[0]!.send(done);
    await until(() => h.views.length === 1);
    h.feed.refresh();
    await until(() => h.views.length === 2);
    expect(h.views[1]!.windowName).toBe('综合窗口');
    expect(h.streamRequests, 'a done ticket is not followed again').toBe(1);
  });

  it('takes a 404 from the fallback request as "not found" too', async () => {
    const h = harness(['offline', 'offline'], async () => { throw new ApiError({ status: 404, code: 'not_found', message: '未找到' }); });
    await until(() => h.notFound === 1);
    const requests = h.streamRequests;
    await sleep(150);
    expect(h.streamRequests).toBe(requests);
  });
});
