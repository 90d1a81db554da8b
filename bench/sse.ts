// Hall events fan-out: how long after a window's call-next response every one of N SSE
// subscribers has the `ticket.called` event, for N = 1,000 and 10,000, as a ratio to a
// baseline in the same run — a bare node http server writing one raw string to N streaming
// responses right after answering a trigger request.
//
// Ours: the real app (buildApp, EventHub, PGlite or the PostgreSQL of DATABASE_URL) listening
// on 127.0.0.1; subscribers are display devices on GET /api/v1/halls/{id}/events; the
// trigger is POST /api/v1/windows/{id}/call-next over HTTP with an admin's cookie; the event
// goes commit → NOTIFY → hub → one query → a frame written to each stream. After each round
// the window starts and completes the ticket, and the next round waits until every stream
// has that completion, so rounds do not overlap.
//
// Where the subscribers live: in a child process (this file, forked with --sse-client) that
// also sends the trigger, so every time in a sample comes from one clock. Not in the server's
// process, as first planned: 10,000 streams need 10,000 sockets on each side, and the fd
// limit here is 20,000 soft and hard (`ulimit -n` cannot raise it without privileges),
// which one process holding both sides plus the database would pass. A second process also
// keeps the subscribers' parsing off the server's event loop — for ours and the baseline alike.
//
// Latency of a subscriber = when its parser saw the event's blank line, minus when the
// trigger's HTTP response had fully arrived (so it can be below 0: the server publishes at
// commit, before it writes the response). Also reported: from when the trigger was sent.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { benchClock, benchHall, openBenchDatabase } from './queue.js';
import { issueTicket } from '../src/server/queue/issue-ticket.js';

export interface LatencySummary { n: number; missing: number; p50: number; p90: number; p99: number; max: number; p50FromSend: number; p99FromSend: number }
export interface SseLevel { subscribers: number; connectSeconds: number; ours: LatencySummary; baseline: LatencySummary; baselineConnectSeconds: number }
export interface SseBenchResult { kind: 'postgres' | 'pglite'; rounds: number; levels: SseLevel[]; fdLimit: string }

// ---- the child: subscribers and the trigger ---------------------------------------------------------

type ClientCommand =
  | { cmd: 'connect'; url: string; headers: Record<string, string>; n: number }
  | { cmd: 'round'; mode: 'ours' | 'baseline'; base: string; headers: Record<string, string>; windowId: string; timeoutMs: number }
  | { cmd: 'disconnect' }
  | { cmd: 'exit' };

interface Stream {
  req: http.ClientRequest;
  buffer: string;
  lastId: number;
  /** Names of events seen since the round began, with the time the first of each arrived. */
  seen: Map<string, number>;
}

function clientMain() {
  let streams: Stream[] = [];
  /** How many streams have seen each event name since the round began: O(1) to check. */
  const seenBy = new Map<string, number>();
  let waiters: (() => void)[] = [];
  const wake = () => { const w = waiters; waiters = []; for (const f of w) f(); };
  const send = (m: unknown) => process.send!(m);

  const parse = (s: Stream, chunk: string) => {
    s.buffer += chunk;
    let end: number;
    while ((end = s.buffer.indexOf('\n\n')) !== -1) {
      const block = s.buffer.slice(0, end);
      s.buffer = s.buffer.slice(end + 2);
      let name = 'message';
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) s.lastId = Number(line.slice(3).trim());
        else if (line.startsWith('event:')) name = line.slice(6).trim();
      }
      if (block.includes('data:') && !s.seen.has(name)) {
        s.seen.set(name, performance.now());
        seenBy.set(name, (seenBy.get(name) ?? 0) + 1);
        wake();
      }
    }
  };

  const waitUntil = (cond: () => boolean, timeoutMs: number) => new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(cond()), timeoutMs);
    const check = () => { if (cond()) { clearTimeout(timer); resolve(true); } else waiters.push(check); };
    check();
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const request = (method: string, url: string, headers: Record<string, string>, body?: unknown) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(payload);
  });

  const summarise = (arrivals: (number | undefined)[], tResp: number[], tSend: number[]): LatencySummary => {
    const fromResp: number[] = [], fromSend: number[] = [];
    let missing = 0;
    arrivals.forEach((a, i) => {
      if (a === undefined) { missing++; return; }
      fromResp.push(a - tResp[i]!);
      fromSend.push(a - tSend[i]!);
    });
    fromResp.sort((x, y) => x - y);
    fromSend.sort((x, y) => x - y);
    const p = (xs: number[], q: number) => xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN;
    return { n: fromResp.length, missing, p50: p(fromResp, 0.5), p90: p(fromResp, 0.9), p99: p(fromResp, 0.99), max: fromResp.at(-1) ?? NaN, p50FromSend: p(fromSend, 0.5), p99FromSend: p(fromSend, 0.99) };
  };

  process.on('message', async (m: ClientCommand) => {
    try {
      if (m.cmd === 'connect') {
        const t0 = performance.now();
        let failed = 0;
        const open = () => new Promise<void>((resolve) => {
          const s: Stream = { req: null as unknown as http.ClientRequest, buffer: '', lastId: 0, seen: new Map() };
          s.req = http.request(m.url, { agent: false, headers: { accept: 'text/event-stream', ...m.headers } }, (res) => {
            if (res.statusCode !== 200) { failed++; res.resume(); resolve(); return; }
            res.setEncoding('utf8');
            res.on('data', (c: string) => {
              parse(s, c);
              if (s.seen.has('ready')) resolve();
            });
            res.on('error', () => {});
          });
          s.req.on('error', () => { failed++; resolve(); });
          s.req.end();
          streams.push(s);
        });
        // A couple of hundred connections in flight at a time.
        let next = 0;
        await Promise.all(Array.from({ length: 200 }, async () => { while (next < m.n) { next++; await open(); } }));
        streams = streams.filter((s) => s.seen.has('ready'));
        send({ ok: true, connected: streams.length, failed, seconds: (performance.now() - t0) / 1000 });
      } else if (m.cmd === 'round') {
        for (const s of streams) s.seen.clear();
        seenBy.clear();
        const everyone = (name: string) => () => (seenBy.get(name) ?? 0) >= streams.length;
        const tSend = performance.now();
        const url = m.mode === 'ours' ? `${m.base}/api/v1/windows/${m.windowId}/call-next` : `${m.base}/trigger`;
        const res = await request('POST', url, m.headers);
        const tResp = performance.now();
        if (res.status !== 200) throw new Error(`trigger: ${res.status} ${res.body}`);
        await waitUntil(everyone('ticket.called'), m.timeoutMs);
        const arrivals = streams.map((s) => s.seen.get('ticket.called'));
        const summary = summarise(arrivals, arrivals.map(() => tResp), arrivals.map(() => tSend));
        if (m.mode === 'ours') {
          // Finish the ticket and let its events reach everyone before the next round.
          const ticket = (JSON.parse(res.body) as { ticket: { id: string } }).ticket;
          const a = await request('POST', `${m.base}/api/v1/tickets/${ticket.id}/start`, m.headers);
          const b = await request('POST', `${m.base}/api/v1/tickets/${ticket.id}/complete`, m.headers, { outcome: 'done' });
          if (a.status !== 200 || b.status !== 200) throw new Error(`finish: ${a.status} ${b.status} ${b.body}`);
          await waitUntil(everyone('ticket.completed'), m.timeoutMs);
        }
        send({ ok: true, summary, arrivals: arrivals.map((a) => (a === undefined ? null : a - tResp)), sendToResp: tResp - tSend });
      } else if (m.cmd === 'disconnect') {
        for (const s of streams) s.req.destroy();
        streams = [];
        send({ ok: true });
      } else {
        process.exit(0);
      }
    } catch (err) {
      send({ ok: false, error: String((err as Error).stack ?? err) });
    }
  });
  send({ ok: true, ready: true });
}

// ---- the parent: servers and bookkeeping -------------------------------------------------------------

class Client {
  private pending: ((m: { ok: boolean; error?: string } & Record<string, unknown>) => void)[] = [];
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { ok: boolean; error?: string }) => this.pending.shift()?.(m as never));
  }
  static async start(): Promise<Client> {
    const child = fork(fileURLToPath(import.meta.url), ['--sse-client'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const c = new Client(child);
    await new Promise<void>((resolve) => c.pending.push(() => resolve()));
    return c;
  }
  call<T = Record<string, unknown>>(cmd: ClientCommand): Promise<T> {
    return new Promise((resolve, reject) => {
      this.pending.push((m) => (m.ok ? resolve(m as T) : reject(new Error(m.error))));
      this.child.send(cmd);
    });
  }
  stop() { this.child.send({ cmd: 'exit' }); }
}

/** The baseline: a bare node http server, a raw string to every stream after answering /trigger. */
function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const streams = new Set<http.ServerResponse>();
  let id = 0;
  const payload = JSON.stringify({ ticketId: '019abcde-0000-7000-8000-000000000000', number: 'A001', windowNumber: 1, windowId: '019abcde-0000-7000-8000-000000000001', serviceId: '019abcde-0000-7000-8000-000000000002', at: new Date().toISOString() });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(`retry: 2000\n\nid: ${id}\nevent: ready\ndata: {}\n\n`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      const frame = `id: ${++id}\nevent: ticket.called\ndata: ${payload}\n\n`;
      for (const s of streams) s.write(frame);
    });
  });
  server.maxConnections = 100_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    resolve({
      url: `http://127.0.0.1:${address.port}`,
      close: () => new Promise<void>((r) => { for (const s of streams) s.destroy(); server.closeAllConnections(); server.close(() => r()); }),
    });
  }));
}

function merge(samples: { summary: LatencySummary; arrivals: (number | null)[]; sendToResp: number }[]): LatencySummary {
  const all: number[] = [], fromSend: number[] = [];
  let missing = 0;
  for (const s of samples) {
    for (const a of s.arrivals) {
      if (a === null) { missing++; continue; }
      all.push(a);
      fromSend.push(a + s.sendToResp);
    }
  }
  all.sort((x, y) => x - y);
  fromSend.sort((x, y) => x - y);
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
  return { n: all.length, missing, p50: p(all, 0.5), p90: p(all, 0.9), p99: p(all, 0.99), max: all.at(-1) ?? NaN, p50FromSend: p(fromSend, 0.5), p99FromSend: p(fromSend, 0.99) };
}

async function fdLimit(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line?.trim().split(/\s+/).slice(3, 5) ?? ['?', '?'];
  return `${soft} soft / ${hard} hard`;
}

export async function benchSse(options: { levels?: number[]; rounds?: number; warmup?: number; log?: (s: string) => void } = {}): Promise<SseBenchResult> {
  const levels = options.levels ?? [1_000, 10_000];
  const rounds = options.rounds ?? 20;
  const warmup = options.warmup ?? 2;
  const log = options.log ?? (() => {});
  const db = await openBenchDatabase(10, 'sse');
  const h = await benchHall(db.database, 1, benchClock());
  const client = await Client.start();
  const result: SseLevel[] = [];
  try {
    const base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    const device = await h.app.inject({
      method: 'POST', url: `/api/v1/halls/${h.hallId}/devices`, headers: { host: 'localhost:80', cookie: h.adminCookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'display', name: '压测大屏' }),
    });
    const token = (device.json() as { token: string }).token;
    for (let i = 0; i < levels.length * (rounds + warmup) + 5; i++) {
      await issueTicket(h.ctx, h.admin, h.hallId, { serviceId: h.serviceId, priority: 'normal' });
    }
    for (const n of levels) {
      // Baseline first, then ours, each with its own N streams.
      const bare = await bareServer();
      const bc = await client.call<{ connected: number; failed: number; seconds: number }>({ cmd: 'connect', url: `${bare.url}/stream`, headers: {}, n });
      if (bc.connected !== n) throw new Error(`baseline: ${bc.connected} of ${n} streams connected (${bc.failed} failed)`);
      const baseSamples = [];
      for (let r = 0; r < warmup + rounds; r++) {
        const s = await client.call<{ summary: LatencySummary; arrivals: (number | null)[]; sendToResp: number }>({ cmd: 'round', mode: 'baseline', base: bare.url, headers: {}, windowId: '', timeoutMs: 30_000 });
        if (r >= warmup) baseSamples.push(s);
      }
      await client.call({ cmd: 'disconnect' });
      await bare.close();
      const baseline = merge(baseSamples);
      log(`  N=${n} baseline: connected in ${bc.seconds.toFixed(1)} s, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms`);

      const oc = await client.call<{ connected: number; failed: number; seconds: number }>({
        cmd: 'connect', url: `${base}/api/v1/halls/${h.hallId}/events`, headers: { authorization: `Bearer ${token}` }, n,
      });
      if (oc.connected !== n) throw new Error(`ours: ${oc.connected} of ${n} streams connected (${oc.failed} failed)`);
      const ourSamples = [];
      for (let r = 0; r < warmup + rounds; r++) {
        const s = await client.call<{ summary: LatencySummary; arrivals: (number | null)[]; sendToResp: number }>({
          cmd: 'round', mode: 'ours', base, headers: { cookie: h.adminCookie }, windowId: h.windowIds[0]!, timeoutMs: 30_000,
        });
        if (r >= warmup) ourSamples.push(s);
      }
      await client.call({ cmd: 'disconnect' });
      const ours = merge(ourSamples);
      log(`  N=${n} ours: connected in ${oc.seconds.toFixed(1)} s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms`);
      result.push({ subscribers: n, connectSeconds: oc.seconds, ours, baseline, baselineConnectSeconds: bc.seconds });
      // Let the server notice the closed streams before the next level.
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    client.stop();
    await h.close();
    await db.drop();
  }
  return { kind: db.kind, rounds, levels: result, fdLimit: await fdLimit() };
}

if (process.argv.includes('--sse-client')) clientMain();
