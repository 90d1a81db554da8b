// The hall event stream (GET /api/v1/halls/{hallId}/events), over a real port, on PGlite and
// on PostgreSQL (the same file runs on both; see test/test-database.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/harness.js';
import { createDevice, createHall, createService, createUser } from '../../../test/factories/hall.js';
import { dataOf, openSse, type SseClient, type SseOptions } from '../../../test/sse-client.js';
import { onPostgres } from '../../../test/test-database.js';
import { runCommand } from '../run-command.js';
import { appendEvents } from './append-events.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
});
afterAll(async () => { await t?.close(); });

// Whatever a test opens is closed after it, pass or fail.
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) {
    try { await c(); } catch { /* keep cleaning */ }
  }
});

const streamPath = (hallId: string) => `/api/v1/halls/${hallId}/events`;

async function sse(hallId: string, options: SseOptions = {}, url = base): Promise<SseClient> {
  const client = await openSse(`${url}${streamPath(hallId)}`, options);
  cleanups.push(() => client.close());
  return client;
}

/** A hall with a display device (creating the device is the hall's event 1). */
async function hallWithDisplay() {
  const hall = await createHall(t.admin);
  const display = await createDevice(t.admin, hall.id, 'display');
  return { hall, display };
}

async function rename(hallId: string, name: string) {
  const res = await t.admin.patch(`/api/v1/halls/${hallId}`, { name });
  expect(res.statusCode, res.body).toBe(200);
}

/** One event through the same path every command takes. */
const emit = (hallId: string, name: string) =>
  runCommand(t.ctx, null, async (_tx, fx) => fx.emit(hallId, 'hall.updated', { hallId, name }));

async function lastIdOf(hallId: string): Promise<number> {
  const [row] = await queryRows<{ last_id: string | number }>(t.ctx.db, sql`select last_id from hall_event_counters where hall_id = ${hallId}`);
  return row ? Number(row.last_id) : 0;
}

const ids = (events: readonly { id: string | null }[]) => events.map((e) => Number(e.id));
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

async function eventually(check: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what()}`);
    await sleep(20);
  }
}

/** Deterministic randomness, so a failing run can be replayed with SSE_TEST_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('subscribing to a hall', () => {
  it('streams to a display device and to a signed-in user: first `ready` with the current id, then each write as a named event', async () => {
    const { hall, display } = await hallWithDisplay();
    const staff = await createUser(t.admin, hall.id, 'staff');
    const person = await t.login(staff.username, staff.password);
    await rename(hall.id, '第一次改名');
    const current = await lastIdOf(hall.id);
    expect(current).toBe(2);

    const device = await sse(hall.id, { bearer: display.token });
    const user = await sse(hall.id, { cookie: person.cookie! });
    for (const s of [device, user]) {
      expect(s.status).toBe(200);
      expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(s.headers.get('cache-control')).toMatch(/no-cache/);
      const ready = await s.next();
      expect(ready).toMatchObject({ event: 'ready', id: String(current) });
      expect(dataOf(ready)).toEqual({ lastEventId: current });
      expect(s.retry).toBe(2000);
    }

    await rename(hall.id, '第二次改名');
    const service = await createService(t.admin, hall.id);
    expect((await t.admin.put(`/api/v1/halls/${hall.id}/calendar/2026`, { holidays: ['2026-10-01'], workdays: [] })).statusCode).toBe(200);

    for (const s of [device, user]) {
      const renamed = await s.next();
      expect(renamed).toMatchObject({ event: 'hall.updated', id: String(current + 1) });
      expect(dataOf(renamed)).toMatchObject({ hallId: hall.id, name: '第二次改名' });
      expect(Date.parse(dataOf<{ at: string }>(renamed).at)).not.toBeNaN();
      const created = await s.next();
      expect(created).toMatchObject({ event: 'service.created', id: String(current + 2) });
      expect(dataOf(created)).toMatchObject({ serviceId: service.id, code: service.code });
      const calendar = await s.next();
      expect(calendar).toMatchObject({ event: 'calendar.updated', id: String(current + 3) });
      expect(dataOf(calendar)).toMatchObject({ year: 2026 });
      expect(s.lastEventId).toBe(String(current + 3));
    }
  });

  it("does not replay the hall's history to a client that comes without Last-Event-ID", async () => {
    const { hall, display } = await hallWithDisplay();
    for (let i = 0; i < 3; i++) await rename(hall.id, `旧名 ${i}`);
    const s = await sse(hall.id, { bearer: display.token });
    expect(await s.next()).toMatchObject({ event: 'ready', id: '4' });
    await rename(hall.id, '新名');
    expect(await s.next()).toMatchObject({ event: 'hall.updated', id: '5' });
    expect(ids(s.events)).toEqual([4, 5]);
  });

  it("does not see another hall's events", async () => {
    const a = await hallWithDisplay();
    const b = await hallWithDisplay();
    const s = await sse(a.hall.id, { bearer: a.display.token });
    await s.next();
    await rename(b.hall.id, '别的大厅');
    await rename(a.hall.id, '本大厅');
    const e = await s.next();
    expect(dataOf(e)).toMatchObject({ hallId: a.hall.id, name: '本大厅' });
    expect(s.events).toHaveLength(2);
  });
});

describe('resuming with Last-Event-ID', () => {
  it('resumes after Last-Event-ID without a gap or a repeat, then continues live', async () => {
    const { hall, display } = await hallWithDisplay();
    for (let i = 2; i <= 6; i++) await rename(hall.id, `名称 ${i}`);

    const s = await sse(hall.id, { bearer: display.token, lastEventId: 3 });
    expect(s.status).toBe(200);
    const backlog = [await s.next(), await s.next(), await s.next()];
    expect(backlog.map((e) => [Number(e.id), e.event, dataOf(e).name])).toEqual([
      [4, 'hall.updated', '名称 4'], [5, 'hall.updated', '名称 5'], [6, 'hall.updated', '名称 6']]);
    await rename(hall.id, '名称 7');
    await rename(hall.id, '名称 8');
    await s.waitFor((e) => e.id === '8');
    // A repeat or a gap anywhere would show in the full list; a resumed stream has no `ready`.
    expect(ids(s.events)).toEqual([4, 5, 6, 7, 8]);
    expect(s.events.every((e) => e.event === 'hall.updated')).toBe(true);
  });

  it('accepts the resume point as ?lastEventId= too (for clients that cannot set headers)', async () => {
    const { hall, display } = await hallWithDisplay();
    for (let i = 2; i <= 4; i++) await rename(hall.id, `名称 ${i}`);
    const s = await openSse(`${base}${streamPath(hall.id)}?lastEventId=2`, { bearer: display.token });
    cleanups.push(() => s.close());
    await s.waitFor((e) => e.id === '4');
    expect(ids(s.events)).toEqual([3, 4]);
  });

  it('sends nothing old when Last-Event-ID is the latest id, and the next write is the first event', async () => {
    const { hall, display } = await hallWithDisplay();
    await rename(hall.id, '名称 2');
    const s = await sse(hall.id, { bearer: display.token, lastEventId: 2 });
    await rename(hall.id, '名称 3');
    expect(await s.next()).toMatchObject({ id: '3', event: 'hall.updated' });
    expect(s.events).toHaveLength(1);
  });

  it('resumes from an id written through another instance whose notification has not reached this one yet, without a reset', async () => {
    // Another server process committed event 2 and its client saw it there; the client now
    // reconnects to this process before our LISTEN connection has told the hub about it.
    const { hall, display } = await hallWithDisplay();
    const keeper = await sse(hall.id, { bearer: display.token }); // keeps this hall's feed (cursor 1) alive
    expect(await keeper.next()).toMatchObject({ event: 'ready', id: '1' });
    await t.ctx.db.transaction(async (tx) => {
      const [row] = await queryRows<{ last_id: string | number }>(tx, sql`
        update hall_event_counters set last_id = last_id + 1 where hall_id = ${hall.id} returning last_id`);
      await tx.execute(sql`insert into events (hall_id, id, name, payload) values
        (${hall.id}, ${Number(row!.last_id)}, 'hall.updated', ${JSON.stringify({ hallId: hall.id, name: '别处写的' })}::jsonb)`);
    });
    const s = await sse(hall.id, { bearer: display.token, lastEventId: 2 });
    await rename(hall.id, '名称 3');
    const first = await s.next();
    expect(first.event, `got ${first.event}#${first.id}`).toBe('hall.updated');
    expect(first.id).toBe('3');
  });
});

describe('resuming while many writers commit at once', () => {
  const WRITERS = 8;
  const PER_WRITER = 50;

  async function runWriters(hallId: string): Promise<void> {
    await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) {
        await emit(hallId, `w${w}-${i}`);
        // Let I/O in between commits: PGlite runs queries on this thread, and writers queued
        // on it would otherwise hand over to each other without the HTTP side getting a turn.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }));
  }

  it('delivers every id exactly once, in order, to a client that keeps dropping and resuming with its last id', async () => {
    const seed = Number(process.env.SSE_TEST_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const { hall, display } = await hallWithDisplay();

    let writersDone = false;
    const writers = runWriters(hall.id).finally(() => { writersDone = true; });
    cleanups.push(() => writers.catch(() => {}));

    const connections: number[][] = [];
    let last = 0; // Last-Event-ID 0: "everything", so the union must be exactly 1..N
    const note = `seed ${seed}`;
    const take = (s: SseClient, resumedFrom: number) => {
      const events = s.events.slice(); // what this connection received before it was dropped
      expect(events.filter((e) => e.event !== 'hall.updated' && e.event !== 'device.created').map((e) => e.event), note).toEqual([]);
      const got = ids(events);
      connections.push(got);
      // In order, and starting right after the resume point: no gap and no repeat at the seam.
      expect(got, `${note}: connection resumed from ${resumedFrom}`).toEqual(range(resumedFrom + 1, resumedFrom + got.length));
      if (got.length) last = got.at(-1)!;
    };

    for (let round = 0; !writersDone; round++) {
      const s = await sse(hall.id, { bearer: display.token, lastEventId: last });
      expect(s.status).toBe(200);
      // Drop the connection at a random moment: at once (mid set-up), after a few
      // milliseconds, or after a random number of events.
      const mode = round === 0 ? 0 : random(3);
      if (mode === 1) await sleep(random(30));
      if (mode === 2) {
        const want = 1 + random(40);
        await s.waitFor(() => s.events.length >= want, 300).catch(() => { /* fewer came: drop it anyway */ });
      }
      const from = last;
      s.close();
      take(s, from);
      if (round > 500) throw new Error(`${note}: the writers never finished`);
    }
    await writers;
    const n = await lastIdOf(hall.id);
    expect(n).toBe(1 + WRITERS * PER_WRITER);

    // One last connection picks up whatever is left.
    const from = last;
    const final = await sse(hall.id, { bearer: display.token, lastEventId: last });
    if (last < n) await final.waitFor((e) => Number(e.id) === n, 10_000);
    final.close();
    take(final, from);

    const all = connections.flat();
    expect(all.length, note).toBe(n);
    expect(all, note).toEqual(range(1, n));
    // The drops really happened mid-stream, not only before or after the writers.
    expect(connections.filter((c) => c.length > 0).length, note).toBeGreaterThan(2);
    expect(connections.filter((c) => c.length === 0).length, note).toBeGreaterThan(0);

    // Every dropped connection is forgotten by the server.
    await eventually(() => t.ctx.hub.subscriberCount() === 0 && t.built.streams.size === 0,
      () => `streams are released (still ${t.ctx.hub.subscriberCount()} hub subscribers, ${t.built.streams.size} open streams)`);
  }, 45_000);

  it('makes ids visible in commit order: a poller reading "id > last seen" never skips one', async () => {
    // Why this matters: with a plain sequence, writer A could take id 7, writer B id 8, and B
    // commit first. A poller that reads 8 then asks for "id > 8" would never see 7. Taking the
    // hall's counter row (locked until commit) makes B wait for A, so the visible ids are
    // always 1..X with no hole. On PGlite transactions run one at a time; on PostgreSQL the
    // writers truly interleave through the pool.
    const hall = await createHall(t.admin);
    let writersDone = false;
    const writers = runWriters(hall.id).finally(() => { writersDone = true; });
    cleanups.push(() => writers.catch(() => {}));

    let lastSeen = 0;
    let polls = 0;
    const seen: number[] = [];
    for (;;) {
      const finished = writersDone;
      const rows = await queryRows<{ id: string | number }>(t.ctx.db,
        sql`select id from events where hall_id = ${hall.id} and id > ${lastSeen} order by id`);
      const batch = rows.map((r) => Number(r.id));
      polls++;
      // Whatever is visible beyond lastSeen is the next ids, with no hole.
      expect(batch).toEqual(range(lastSeen + 1, lastSeen + batch.length));
      seen.push(...batch);
      if (batch.length) lastSeen = batch.at(-1)!;
      if (finished) break;
      await sleep(1);
    }
    await writers;
    expect(seen).toEqual(range(1, WRITERS * PER_WRITER));
    expect(polls).toBeGreaterThan(2);
  }, 30_000);

  it.skipIf(!onPostgres)('(PostgreSQL) makes a writer that comes second wait for the first to commit before taking its id', async () => {
    const hall = await createHall(t.admin);
    await emit(hall.id, 'first'); // the counter row exists from here on
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let aHolds!: () => void;
    const aHolding = new Promise<void>((r) => { aHolds = r; });
    const a = t.ctx.db.transaction(async (tx) => {
      await appendEvents(tx, [{ hallId: hall.id, name: 'hall.updated', payload: { hallId: hall.id, name: 'A' } }], new Date());
      aHolds();
      await gate; // A has its id but has not committed
    });
    cleanups.push(() => { release(); return a.catch(() => {}); });
    await aHolding;
    let bDone = false;
    const b = emit(hall.id, 'B').then(() => { bDone = true; });
    await sleep(150);
    expect(bDone).toBe(false);
    expect(await queryRows(t.ctx.db, sql`select id from events where hall_id = ${hall.id} and id > 1`)).toEqual([]);
    release();
    await a;
    await b;
    const rows = await queryRows<{ id: string | number; name: string }>(t.ctx.db,
      sql`select id, payload->>'name' as name from events where hall_id = ${hall.id} order by id`);
    expect(rows.map((r) => [Number(r.id), r.name])).toEqual([[1, 'first'], [2, 'A'], [3, 'B']]);
  });

  it.skipIf(!onPostgres)('(PostgreSQL) shows the same poller losing an id when ids come from a plain sequence', async () => {
    // The counter-example the test above guards against, made deterministic with two sessions.
    const url = t.testDb.url!;
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await a.connect();
    await b.connect();
    cleanups.push(() => a.end(), () => b.end());
    await a.query('create table if not exists seq_events (id bigserial primary key, note text)');
    await a.query('begin');
    await a.query(`insert into seq_events (note) values ('A')`); // takes id 1, not committed
    await b.query(`insert into seq_events (note) values ('B')`); // takes id 2, commits at once
    let lastSeen = 0;
    const seen: number[] = [];
    const poll = async () => {
      const { rows } = await b.query<{ id: string }>('select id from seq_events where id > $1 order by id', [lastSeen]);
      for (const r of rows) { seen.push(Number(r.id)); lastSeen = Number(r.id); }
    };
    await poll();
    await a.query('commit');
    await poll();
    expect(seen).toEqual([2]); // id 1 committed after 2 was seen: the poller skipped it for good
    await a.query('drop table seq_events');
  });
});

describe('who may subscribe', () => {
  it('gives 401 without credentials and for an unknown token', async () => {
    const { hall } = await hallWithDisplay();
    const anonymous = await sse(hall.id);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body!).error.code).toBe('unauthenticated');
    const unknown = await sse(hall.id, { bearer: 'not-a-real-token' });
    expect(unknown.status).toBe(401);
  });

  it("lets kiosk, display and evaluator devices subscribe to their own hall only (403 for another hall's stream)", async () => {
    const a = await createHall(t.admin);
    const b = await createHall(t.admin);
    for (const kind of ['kiosk', 'display', 'evaluator'] as const) {
      const device = await createDevice(t.admin, a.id, kind);
      const own = await sse(a.id, { bearer: device.token });
      expect(own.status, kind).toBe(200);
      expect((await own.next()).event).toBe('ready');
      own.close();
      const other = await sse(b.id, { bearer: device.token });
      expect(other.status, kind).toBe(403);
      expect(JSON.parse(other.body!).error.code).toBe('forbidden');
    }
  });

  it("lets a hall's staff subscribe to their own hall only, and an admin to any hall", async () => {
    const a = await createHall(t.admin);
    const b = await createHall(t.admin);
    const staff = await createUser(t.admin, a.id, 'staff');
    const person = await t.login(staff.username, staff.password);
    const own = await sse(a.id, { cookie: person.cookie! });
    expect(own.status).toBe(200);
    expect((await sse(b.id, { cookie: person.cookie! })).status).toBe(403);
    const admin = await sse(b.id, { cookie: t.admin.cookie! });
    expect(admin.status).toBe(200);
    expect((await admin.next()).event).toBe('ready');
  });

  it('gives 401 to a revoked device', async () => {
    const { hall, display } = await hallWithDisplay();
    expect((await sse(hall.id, { bearer: display.token })).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/devices/${display.id}`)).statusCode).toBe(204);
    const after = await sse(hall.id, { bearer: display.token });
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body!).error.code).toBe('unauthenticated');
  });

  it('gives 404 for a hall that does not exist', async () => {
    const missing = await sse('00000000-0000-4000-8000-000000000000', { cookie: t.admin.cookie! });
    expect(missing.status).toBe(404);
  });
});

describe('resuming after old events were pruned', () => {
  it('sends `reset` with the current id when Last-Event-ID is older than the retained events, then continues live', async () => {
    const { hall, display } = await hallWithDisplay();
    for (let i = 2; i <= 6; i++) await rename(hall.id, `名称 ${i}`);
    await t.ctx.db.execute(sql`delete from events where hall_id = ${hall.id} and id <= 3`);

    const s = await sse(hall.id, { bearer: display.token, lastEventId: 1 });
    const reset = await s.next();
    expect(reset).toMatchObject({ event: 'reset', id: '6' });
    expect(dataOf(reset)).toEqual({ lastEventId: 6 });
    await rename(hall.id, '名称 7');
    expect(await s.next()).toMatchObject({ event: 'hall.updated', id: '7' });

    // Resuming right before the oldest retained event loses nothing: no reset.
    const edge = await sse(hall.id, { bearer: display.token, lastEventId: 3 });
    await edge.waitFor((e) => e.id === '7');
    expect(ids(edge.events)).toEqual([4, 5, 6, 7]);
    expect(edge.events.some((e) => e.event === 'reset')).toBe(false);
  });

  it('sends `reset` when every event of the hall was pruned, and for an id from the future', async () => {
    const { hall, display } = await hallWithDisplay();
    for (let i = 2; i <= 4; i++) await rename(hall.id, `名称 ${i}`);
    const ahead = await sse(hall.id, { bearer: display.token, lastEventId: 99 });
    expect(await ahead.next()).toMatchObject({ event: 'reset', id: '4' });
    ahead.close();

    await t.ctx.db.execute(sql`delete from events where hall_id = ${hall.id}`);
    const s = await sse(hall.id, { bearer: display.token, lastEventId: 2 });
    expect(await s.next()).toMatchObject({ event: 'reset', id: '4' });
    const upToDate = await sse(hall.id, { bearer: display.token, lastEventId: 4 });
    await rename(hall.id, '名称 5');
    expect(await upToDate.next()).toMatchObject({ event: 'hall.updated', id: '5' });
    expect(await s.next()).toMatchObject({ event: 'hall.updated', id: '5' });
  });
});

describe('shutting down in-process', () => {
  it('ends open streams, answers health with 503 unavailable, and refuses new streams', async () => {
    const app = await createTestApp();
    let closed = false;
    const close = async () => { if (!closed) { closed = true; await app.close(); } };
    cleanups.push(close);
    const url = await app.listen();
    const hall = await createHall(app.admin);
    const display = await createDevice(app.admin, hall.id, 'display');
    const opts = { bearer: display.token };
    const streams = [await sse(hall.id, opts, url), await sse(hall.id, { ...opts, lastEventId: 0 }, url)];
    for (const s of streams) await s.next();

    // Writers keep committing while the streams are being ended.
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await runCommand(app.ctx, null, async (_tx, fx) => fx.emit(hall.id, 'hall.updated', { hallId: hall.id, name: `n${i}` }));
        await sleep(2);
      }
    })();
    cleanups.push(() => { stop = true; return writer.catch(() => {}); });
    await streams[0]!.next();

    app.built.beginShutdown();
    for (const s of streams) await s.waitForEnd(3000);
    const health = await app.anonymous.get('/api/v1/health');
    expect(health.statusCode).toBe(503);
    expect(health.json().error.code).toBe('unavailable');
    const late = await sse(hall.id, opts, url);
    expect(late.status).toBe(503);

    stop = true;
    await writer;
    await close();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));

  async function freePorts(n: number): Promise<number[]> {
    const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })));
    const ports = servers.map((s) => (s.address() as AddressInfo).port);
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    return ports;
  }

  interface Instance {
    url: string;
    proc: ChildProcess;
    output: () => string;
    exited: Promise<number | null>;
  }

  function startInstance(port: number, databaseUrl: string): Instance {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: '0',
        ADMIN_PASSWORD, LOG_LEVEL: 'warn', WEB_DIR: './.tmp/no-web', NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout!.on('data', (d) => { output += d; });
    proc.stderr!.on('data', (d) => { output += d; });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    cleanups.push(() => { if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL'); });
    return { url: `http://127.0.0.1:${port}`, proc, output: () => output, exited };
  }

  async function waitHealthy(instance: Instance): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (instance.proc.exitCode !== null) throw new Error(`server exited with ${instance.proc.exitCode}:\n${instance.output()}`);
      const ok = await fetch(`${instance.url}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`server at ${instance.url} not healthy in 30 s:\n${instance.output()}`);
      await sleep(100);
    }
  }

  async function http(instance: Instance, method: string, path: string, body: unknown, cookie?: string) {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: instance.url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  }

  async function exitCodeWithin(instance: Instance, ms: number): Promise<number | null | 'timeout'> {
    return Promise.race([instance.exited, sleep(ms).then(() => 'timeout' as const)]);
  }

  it('delivers a write made through one process to a stream on the other, and both exit 0 on SIGTERM with streams open', async () => {
    const [portA, portB] = await freePorts(2);
    const a = startInstance(portA!, t.testDb.url!);
    const b = startInstance(portB!, t.testDb.url!);
    await Promise.all([waitHealthy(a), waitHealthy(b)]);

    const login = await http(a, 'POST', '/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status, login.text).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ck_session='))!.split(';')[0]!;
    const created = await http(a, 'POST', '/api/v1/halls', { name: '两实例大厅', timezone: 'Asia/Shanghai', openingHours: [] }, cookie);
    expect(created.status, created.text).toBe(201);
    const hallId = created.json().id as string;
    const device = await http(a, 'POST', `/api/v1/halls/${hallId}/devices`, { kind: 'display', name: '叫号屏' }, cookie);
    expect(device.status, device.text).toBe(201);
    const token = device.json().token as string;

    const onB = await sse(hallId, { bearer: token }, b.url);
    expect(onB.status).toBe(200);
    expect(await onB.next()).toMatchObject({ event: 'ready', id: '1' });
    const onA = await sse(hallId, { bearer: token }, a.url);
    await onA.next();

    for (let i = 1; i <= 3; i++) {
      const res = await http(a, 'PATCH', `/api/v1/halls/${hallId}`, { name: `经 A 改名 ${i}` }, cookie);
      expect(res.status, res.text).toBe(200);
    }
    for (let i = 1; i <= 3; i++) {
      const e = await onB.next();
      expect(e).toMatchObject({ event: 'hall.updated', id: String(1 + i) });
      expect(dataOf(e)).toMatchObject({ hallId, name: `经 A 改名 ${i}` });
    }
    // A client that saw those on A resumes on B with nothing repeated.
    await onA.waitFor((e) => e.id === '4');
    const resumed = await sse(hallId, { bearer: token, lastEventId: 4 }, b.url);
    await http(a, 'PATCH', `/api/v1/halls/${hallId}`, { name: '再改' }, cookie);
    expect(await resumed.next()).toMatchObject({ event: 'hall.updated', id: '5' });

    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    const [codeA, codeB] = await Promise.all([exitCodeWithin(a, 8000), exitCodeWithin(b, 8000)]);
    expect(codeA, a.output()).toBe(0);
    expect(codeB, b.output()).toBe(0);
    await onB.waitForEnd(2000);
    await resumed.waitForEnd(2000);
  }, 60_000);
});
