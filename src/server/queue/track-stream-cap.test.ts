// The public ticket stream is open to anyone holding a ticket's token, so one client (an IPv4
// address, an IPv6 /64) may hold only SSE_MAX_STREAMS_PER_IP of them at once: the next is refused with 429
// too_many_streams before any stream starts, and a stream that closes — from either side —
// frees its place. The hall's own stream (signed-in people, devices) is not capped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { issue, openHallWithQueue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';
import { createDevice } from '../../../test/factories/hall.js';
import { openSse, type SseClient } from '../../../test/sse-client.js';

const CAP = 3;
let t: TestApp;
let base: string;
// TRUST_PROXY so that each test can speak from an address of its own (X-Forwarded-For).
beforeAll(async () => {
  t = await createTestApp({ now: () => THURSDAY_10AM, env: { SSE_MAX_STREAMS_PER_IP: String(CAP), TRUST_PROXY: '1' } });
  base = await t.listen();
});
afterAll(async () => { await t?.close(); });

const open: SseClient[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

let hall: Awaited<ReturnType<typeof openHallWithQueue>>;
let tickets: { id: string; trackToken: string }[];
beforeAll(async () => {
  hall = await openHallWithQueue(t, { services: 1, windows: 1 });
  await openWindow(hall.windows[0]!.staff, hall.windows[0]!.id);
  tickets = [];
  for (let i = 0; i < CAP + 2; i++) tickets.push(await issue(hall.kiosk, hall.hall.id, hall.services[0]!.id));
});

async function follow(ticket: { id: string; trackToken: string }, address: string): Promise<SseClient> {
  const sse = await openSse(`${base}/api/v1/tickets/${ticket.id}/events?token=${encodeURIComponent(ticket.trackToken)}`, {
    headers: { 'x-forwarded-for': address },
  });
  open.push(sse);
  return sse;
}

/** Until the server has seen the closed streams go (their 'close' comes after the client's abort). */
async function heldBy(address: string, count: number) {
  const deadline = Date.now() + 5000;
  while (t.built.streams.publicFrom(address) !== count) {
    if (Date.now() > deadline) throw new Error(`${address} still holds ${t.built.streams.publicFrom(address)} streams, expected ${count}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('public ticket streams per client address', () => {
  it(`refuses stream ${CAP + 1} from one address with 429 too_many_streams; closing one lets a new one open`, async () => {
    const address = '203.0.113.7';
    const streams = [];
    for (let i = 0; i < CAP; i++) {
      const sse = await follow(tickets[i]!, address);
      expect(sse.status).toBe(200);
      expect((await sse.next()).event).toBe('ticket');
      streams.push(sse);
    }
    const refused = await follow(tickets[CAP]!, address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(refused.body!)).toEqual({ error: { code: 'too_many_streams', message: '您打开的实时页面过多，请关闭部分页面后再试。' } });
    // The refused one never counted; the open ones keep working.
    expect(t.built.streams.publicFrom(address)).toBe(CAP);

    streams[0]!.close();
    await heldBy(address, CAP - 1);
    const again = await follow(tickets[CAP]!, address);
    expect(again.status).toBe(200);
    expect((await again.next()).event).toBe('ticket');
  });

  it('frees the place when the server ends the stream (the ticket was cancelled)', async () => {
    const address = '203.0.113.8';
    const streams = [];
    for (let i = 0; i < CAP; i++) streams.push(await follow(tickets[i]!, address));
    expect((await follow(tickets[CAP]!, address)).status).toBe(429);
    // Swap one stream for that of a ticket about to end.
    const extra = await issue(hall.kiosk, hall.hall.id, hall.services[0]!.id);
    streams[0]!.close();
    await heldBy(address, CAP - 1);
    const mine = await follow(extra, address);
    expect(mine.status).toBe(200);
    expect((await mine.next()).event).toBe('ticket');
    expect((await t.admin.post(`/api/v1/tickets/${extra.id}/cancel`)).statusCode).toBe(200);
    await mine.waitForEnd();
    await heldBy(address, CAP - 1);
    expect((await follow(tickets[CAP + 1]!, address)).status).toBe(200);
  });

  it('counts each address on its own', async () => {
    for (let i = 0; i < CAP; i++) expect((await follow(tickets[i]!, '198.51.100.1')).status).toBe(200);
    expect((await follow(tickets[CAP]!, '198.51.100.1')).status).toBe(429);
    expect((await follow(tickets[CAP]!, '198.51.100.2')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64: changing the low half of the address opens nothing more', async () => {
    for (let i = 0; i < CAP; i++) expect((await follow(tickets[i]!, `2001:db8:7:1::${i + 1}`)).status).toBe(200);
    expect((await follow(tickets[CAP]!, '2001:db8:7:1:ffff:ffff:ffff:ffff')).status).toBe(429);
    expect((await follow(tickets[CAP]!, '2001:db8:7:2::1')).status).toBe(200);
  });
});

describe('the hall stream', () => {
  it('is not capped: a hall runs many boards behind one address', async () => {
    const board = await createDevice(t.admin, hall.hall.id, 'display');
    for (let i = 0; i < CAP + 2; i++) {
      const sse = await openSse(`${base}/api/v1/halls/${hall.hall.id}/events`, { bearer: board.token, headers: { 'x-forwarded-for': '192.0.2.50' } });
      open.push(sse);
      expect(sse.status).toBe(200);
    }
    // Nor do they use up the address's public places.
    expect((await follow(tickets[0]!, '192.0.2.50')).status).toBe(200);
  });
});
