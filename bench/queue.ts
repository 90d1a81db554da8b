// 叫号 throughput: 50 windows calling at once, through the use-case functions (what a
// call-next request does, minus HTTP), as a ratio to raw transactions doing the same claim
// on the same database in the same run — PostgreSQL when DATABASE_URL is set (a fresh
// database created for the run and dropped after), else PGlite in memory.
//
// The run is a series of batches, so the waiting set stays what a hall sees (≤ 500): the
// kiosks issue a batch of 500 tickets, then the 50 windows drain it, each window looping
// call-next → start → complete until it gets a 204 (start is there because the state
// machine completes only a ticket being served). A batch's rate is tickets / drain time.
// Batches go on until BENCH_TOTAL_CALLS calls (default 100,000) or BENCH_LONG_SECONDS
// (default 300) have passed, whichever comes first; then the database is checked: no
// ticket called twice, none lost, none left unfinished, numbers without gaps or repeats.
//
// Baselines, after each of the first batches, on a bare table of the same shape with the
// same 500 rows, 50 concurrent loops and pool size:
//   · claim-only: one transaction per ticket, SELECT … FOR UPDATE SKIP LOCKED + UPDATE;
//   · same shape: that claim, then start and complete as two more one-UPDATE transactions —
//     the like-for-like loop, so its ratio is what our code costs over the bare SQL.
// Also one window alone on 100 tickets (and the same-shape loop alone), to show how much
// 50 windows gain over one. Pool size = window count (BENCH_POOL_SIZE to change it); on PGlite
// one batch goes to the ratio (three on PostgreSQL), PGlite being one connection anyway.
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Actor } from '../src/core/access/policy.js';
import { DEFAULT_OPENING_CHECKLIST } from '../src/core/windows/opening-checklist.js';
import { databaseUrlWith, openDatabase, queryRows, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { users } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { ensureAdmin } from '../src/server/bootstrap/ensure-admin.js';
import type { AppContext } from '../src/server/context.js';
import { loadEnv, type Env } from '../src/server/env.js';
import { EventHub } from '../src/server/events/hub.js';
import { callNextTicket } from '../src/server/queue/call-next-ticket.js';
import { issueTicket } from '../src/server/queue/issue-ticket.js';
import { actOnTicket } from '../src/server/queue/ticket-actions.js';
import { openWindow } from '../src/server/queue/window-shifts.js';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-pass-1';
/** Thursday 2026-11-26 10:00 in Shanghai: inside the hall's hours. The bench clock runs from here. */
const THURSDAY_10AM = Date.parse('2026-11-26T02:00:00Z');
const CHECKLIST = Object.fromEntries(DEFAULT_OPENING_CHECKLIST.map((i) => [i.id, true]));

// ---- a database of its own -------------------------------------------------------------------

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  database: Database;
  /** PostgreSQL: this run's database URL. */
  url: string | null;
  /** PGlite: the raw client, for the baseline. */
  pglite: PGlite | null;
  drop(): Promise<void>;
}

export async function openBenchDatabase(poolSize: number, label = 'q'): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `ck_bench_${label}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = databaseUrlWith(serverUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize });
    await migrate(database);
    return {
      kind: 'postgres', database, url, pglite: null,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const client = await PGlite.create();
  const database = await openDatabase({ pglite: client });
  await migrate(database);
  return { kind: 'pglite', database, url: null, pglite: client, drop: () => database.close() };
}

// ---- a hall with open windows ----------------------------------------------------------------

export interface BenchHall {
  ctx: AppContext;
  app: FastifyInstance;
  admin: Actor;
  adminCookie: string;
  hallId: string;
  serviceId: string;
  windowIds: string[];
  /** The staff member signed in to each window. */
  operators: Map<string, Actor>;
  close(): Promise<void>;
}

async function inject(app: FastifyInstance, method: 'GET' | 'POST', url: string, cookie: string | null, body?: unknown) {
  const res = await app.inject({
    method, url,
    headers: { host: 'localhost:80', ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

/** A hall open every day 09:00–17:00, one service, `windowCount` windows serving it, all open. */
export async function benchHall(database: Database, windowCount: number, now: () => Date, envOverrides: Record<string, string> = {}): Promise<BenchHall> {
  const env: Env = loadEnv({ LOG_LEVEL: 'silent', DEMO: '0', WEB_DIR: './.tmp/no-web', ...envOverrides });
  const hub = new EventHub(database);
  await hub.start();
  const ctx: AppContext = { env, database, db: database.db, hub, now };
  await ensureAdmin(ctx, BENCH_ADMIN_PASSWORD);
  const built = await buildApp(ctx, { logger: false });
  await built.app.ready();
  const app = built.app;
  const login = await inject(app, 'POST', '/api/v1/auth/login', null, { username: 'admin', password: BENCH_ADMIN_PASSWORD });
  const adminCookie = [login.headers['set-cookie']].flat().find((c) => c?.startsWith('ck_session='))!.split(';')[0]!;
  const hall = (await inject(app, 'POST', '/api/v1/halls', adminCookie, {
    name: '压测大厅', timezone: 'Asia/Shanghai', openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
  })).json() as { id: string };
  const service = (await inject(app, 'POST', `/api/v1/halls/${hall.id}/services`, adminCookie, {
    code: 'BENCH-1', name: '压测事项', ticketPrefix: 'A', kind: 'immediate',
    materials: [{ name: '居民身份证', originals: 1, copies: 1, required: true }],
  })).json() as { id: string };
  const [u] = await ctx.db.select().from(users).where(eq(users.username, 'admin'));
  const admin: Actor = { type: 'user', id: u!.id, username: u!.username, name: u!.name, role: u!.role, hallId: u!.hallId };
  const windowIds: string[] = [];
  const operators = new Map<string, Actor>();
  for (let i = 1; i <= windowCount; i++) {
    const w = (await inject(app, 'POST', `/api/v1/halls/${hall.id}/windows`, adminCookie, { number: i, name: `${i} 号窗口`, serviceIds: [service.id] })).json() as { id: string };
    // One person per window, as in a hall (R-09: nobody is signed in to two windows). They act
    // through the use cases, never log in, so the password hash is left unusable.
    const [staff] = await ctx.db.insert(users).values({
      username: `bench-staff-${i}`, passwordHash: '!', name: `窗口${i}`, role: 'staff', hallId: hall.id, staffNumber: String(i).padStart(4, '0'),
    }).returning();
    const operator: Actor = { type: 'user', id: staff!.id, username: staff!.username, name: staff!.name, role: 'staff', hallId: hall.id };
    await openWindow(ctx, operator, w.id, CHECKLIST);
    windowIds.push(w.id);
    operators.set(w.id, operator);
  }
  return {
    ctx, app, admin, adminCookie, hallId: hall.id, serviceId: service.id, windowIds, operators,
    async close() {
      built.beginShutdown();
      await app.close();
      await hub.stop();
    },
  };
}

/** A clock that starts at Thursday 10:00 in the hall and runs at real speed. */
export function benchClock(): () => Date {
  const t0 = performance.now();
  return () => new Date(THURSDAY_10AM + (performance.now() - t0));
}

// ---- the loops -----------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function issueMany(h: BenchHall, count: number, kiosks: number): Promise<number> {
  let issued = 0;
  let left = count;
  await Promise.all(Array.from({ length: kiosks }, async () => {
    while (left > 0) {
      left--;
      await issueTicket(h.ctx, h.admin, h.hallId, { serviceId: h.serviceId, priority: 'normal' });
      issued++;
    }
  }));
  return issued;
}

/** One window's loop until it gets a 204: call-next → start → complete. Returns the tickets it served; call-next latencies go to `latencies`. */
async function windowLoop(h: BenchHall, windowId: string, latencies: number[]): Promise<number> {
  const operator = h.operators.get(windowId)!;
  let calls = 0;
  for (;;) {
    const t0 = performance.now();
    const ticket = await callNextTicket(h.ctx, operator, windowId);
    latencies.push(performance.now() - t0);
    if (!ticket) return calls;
    calls++;
    await actOnTicket(h.ctx, operator, ticket.id, { type: 'start' });
    await actOnTicket(h.ctx, operator, ticket.id, { type: 'complete', outcome: 'done' });
  }
}

/**
 * Counts the queries this process sends to PostgreSQL (each `Client#query` is one message and
 * one wait for the server) until stopped. Unlike time, the count does not depend on the load.
 * Everything of ours goes through node-postgres clients: the pool, and the hub's listener.
 */
function countRoundTrips(): { stop(): number } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function counted(this: unknown, ...args: unknown[]) { n++; return original.apply(this, args); };
  return { stop() { proto.query = original; return n; } };
}

/**
 * CPU used so far by every `postgres` process on this machine (server, backends, background
 * workers), from /proc; null when there is none to read (a remote server, or not Linux). Only
 * this benchmark's backends are busy during a batch, so the difference is the server's share.
 */
function localPostgresCpuMs(): number | null {
  let total = 0, found = false;
  let entries: string[];
  try { entries = readdirSync('/proc'); } catch { return null; }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime, fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
      total += (Number(fields[11]) + Number(fields[12])) * 10;
      found = true;
    } catch { /* the process ended meanwhile */ }
  }
  return found ? total : null;
}

/** Runs `fn`, which returns how many tickets it got through; returns tickets per second. */
async function timed(fn: () => Promise<number>): Promise<{ n: number; seconds: number; perSecond: number }> {
  const t0 = performance.now();
  const n = await fn();
  const seconds = (performance.now() - t0) / 1000;
  return { n, seconds, perSecond: n / seconds };
}

// ---- the baseline: bare SQL on a table of the same shape ------------------------------------------

const BASE_TABLE = `
  create table if not exists bench_tickets (
    id bigserial primary key, status text not null, window_id int, queued_at timestamptz not null default now(),
    called_at timestamptz, started_at timestamptz, ended_at timestamptz);
  create index if not exists bench_tickets_waiting on bench_tickets (queued_at) where status = 'waiting';`;
const FILL = (n: number) => `insert into bench_tickets (status, queued_at) select 'waiting', now() + (i || ' ms')::interval from generate_series(1, ${n}) i`;
const CLAIM = `update bench_tickets set status = 'called', window_id = $1, called_at = now() where id = (
  select id from bench_tickets where status = 'waiting' order by queued_at limit 1 for update skip locked) returning id`;
const START = `update bench_tickets set status = 'serving', started_at = now() where id = $1`;
const COMPLETE = `update bench_tickets set status = 'done', ended_at = now() where id = $1`;

/** Something that runs one transaction of raw statements. */
type RawTx = (statements: (query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<unknown>) => Promise<unknown>;

function rawPostgres(pool: pg.Pool): RawTx {
  return async (work) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await work((text, params) => c.query(text, params as unknown[]));
      await c.query('commit');
    } catch (err) {
      await c.query('rollback').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  };
}

function rawPglite(client: PGlite): RawTx {
  return (work) => client.transaction((tx) => work(async (text, params) => ({ rows: (await tx.query(text, params as unknown[])).rows as Record<string, unknown>[] })));
}

async function baselineRun(tx: RawTx, exec: (sql: string) => Promise<void>, tickets: number, loops: number, shape: 'claim' | 'loop') {
  await exec(`truncate bench_tickets; ${FILL(tickets)}`);
  return timed(async () => {
    let total = 0;
    await Promise.all(Array.from({ length: loops }, async (_, w) => {
      for (;;) {
        let id: unknown = null;
        // The SELECT … FOR UPDATE SKIP LOCKED and the UPDATE, as one statement and one transaction.
        await tx(async (q) => { id = (await q(CLAIM, [w + 1])).rows[0]?.id ?? null; });
        if (id === null) return;
        total++;
        if (shape === 'loop') {
          await tx(async (q) => { await q(START, [id]); });
          await tx(async (q) => { await q(COMPLETE, [id]); });
        }
      }
    }));
    return total;
  });
}

// ---- the benchmark ---------------------------------------------------------------------------------

export interface QueueBenchResult {
  kind: 'postgres' | 'pglite';
  windows: number;
  batchSize: number;
  ratioBatches: number;
  /** Median over the batches compared with the baselines, tickets per second of drain time. */
  /**
   * cpuMsPerTicket: this process's CPU (on PGlite, the database's too) per ticket drained, median over the same batches.
   * roundTripsPerTicket: queries sent to the PostgreSQL server per ticket (null on PGlite), the same batches.
   * serverCpuMsPerTicket: the PostgreSQL server's CPU per ticket, when it runs on this machine (null otherwise).
   */
  ours: { perSecond: number; callP50: number; callP99: number; cpuMsPerTicket: number; roundTripsPerTicket: number | null; serverCpuMsPerTicket: number | null };
  claimOnly: { perSecond: number };
  sameShape: { perSecond: number };
  ratioVsClaim: number;
  ratioVsSameShape: number;
  oneWindow: { ours: number; sameShape: number; ratio: number };
  long: {
    targetCalls: number;
    budgetSeconds: number;
    batches: number;
    calls: number;
    issued: number;
    wallSeconds: number;
    drainSeconds: number;
    issueSeconds: number;
    callsPerSecond: number;
    issuesPerSecond: number;
    reachedTarget: boolean;
    doubleCalls: number;
    lostTickets: number;
    notDone: number;
    numberProblems: number;
  };
}

export async function benchQueue(options: { windows?: number; poolSize?: number; batchSize?: number; ratioBatches?: number; totalCalls?: number; longSeconds?: number; log?: (s: string) => void } = {}): Promise<QueueBenchResult> {
  const windows = options.windows ?? 50;
  const batchSize = options.batchSize ?? 500;
  const totalCalls = options.totalCalls ?? Number(process.env.BENCH_TOTAL_CALLS ?? 100_000);
  const longSeconds = options.longSeconds ?? Number(process.env.BENCH_LONG_SECONDS ?? 300);
  const log = options.log ?? (() => {});
  // Room for every window's transaction at once, as a server sized for 50 windows would have.
  const poolSize = options.poolSize ?? Number(process.env.BENCH_POOL_SIZE ?? windows);
  const db = await openBenchDatabase(poolSize);
  // PGlite is ~10× slower per batch: one batch for the ratio, or the budget goes on it.
  const ratioBatches = options.ratioBatches ?? (db.kind === 'postgres' ? 3 : 1);
  const now = benchClock();
  const h = await benchHall(db.database, windows, now);
  const kiosks = db.kind === 'postgres' ? 4 : 1;
  let rawPool: pg.Pool | null = null;
  try {
    let tx: RawTx;
    let exec: (s: string) => Promise<void>;
    if (db.kind === 'postgres') {
      rawPool = new pg.Pool({ connectionString: db.url!, max: poolSize });
      const pool = rawPool;
      tx = rawPostgres(pool);
      exec = async (s) => { await pool.query(s); };
    } else {
      const client = db.pglite!;
      tx = rawPglite(client);
      exec = async (s) => { await client.exec(s); };
    }
    await exec(BASE_TABLE);
    const before = await counts(h);

    // One window alone, and the same-shape loop alone.
    await issueMany(h, 100, kiosks);
    const alone = await timed(() => windowLoop(h, h.windowIds[0]!, []));
    const aloneBase = await baselineRun(tx, exec, 100, 1, 'loop');
    log(`  one window: ours ${alone.perSecond.toFixed(1)}/s, same-shape ${aloneBase.perSecond.toFixed(0)}/s`);
    let issued = 100, calls = alone.n;

    const t0 = performance.now();
    const deadline = t0 + longSeconds * 1000;
    const ours: number[] = [], claimOnly: number[] = [], sameShape: number[] = [], cpuPerTicket: number[] = [], tripsPerTicket: number[] = [], serverCpuPerTicket: number[] = [];
    const latencies: number[] = [];
    let batches = 0, drainSeconds = 0, issueSeconds = 0;
    while (calls < totalCalls && (batches < ratioBatches || performance.now() < deadline)) {
      const n = Math.min(batchSize, totalCalls - calls);
      const iss = await timed(() => issueMany(h, n, kiosks));
      issued += iss.n;
      issueSeconds += iss.seconds;
      const lat: number[] = [];
      const cpu0 = process.cpuUsage();
      const trips = db.kind === 'postgres' ? countRoundTrips() : null;
      const serverCpu0 = db.kind === 'postgres' ? localPostgresCpuMs() : null;
      const drained = await timed(async () => (await Promise.all(h.windowIds.map((w) => windowLoop(h, w, lat)))).reduce((a, b) => a + b, 0));
      const cpu = process.cpuUsage(cpu0);
      const tripCount = trips?.stop() ?? null;
      const serverCpu1 = serverCpu0 === null ? null : localPostgresCpuMs();
      if (drained.n !== n) throw new Error(`batch ${batches + 1}: called ${drained.n} of ${n}`);
      calls += drained.n;
      drainSeconds += drained.seconds;
      batches++;
      if (batches <= ratioBatches) {
        ours.push(drained.perSecond);
        cpuPerTicket.push((cpu.user + cpu.system) / 1000 / drained.n);
        if (tripCount !== null) tripsPerTicket.push(tripCount / drained.n);
        if (serverCpu0 !== null && serverCpu1 !== null) serverCpuPerTicket.push((serverCpu1 - serverCpu0) / drained.n);
        latencies.push(...lat);
        const c = await baselineRun(tx, exec, batchSize, windows, 'claim');
        const s2 = await baselineRun(tx, exec, batchSize, windows, 'loop');
        claimOnly.push(c.perSecond);
        sameShape.push(s2.perSecond);
        log(`  batch ${batches}: ours ${drained.perSecond.toFixed(1)}/s (issue ${iss.perSecond.toFixed(1)}/s), claim-only ${c.perSecond.toFixed(0)}/s, same-shape ${s2.perSecond.toFixed(0)}/s`);
      } else if (batches % 10 === 0) {
        log(`  batch ${batches}: ${calls} calls, ${((performance.now() - t0) / 1000).toFixed(0)} s, drain ${drained.perSecond.toFixed(1)}/s`);
      }
    }
    const wallSeconds = (performance.now() - t0) / 1000;
    const sortedLat = latencies.sort((a, b) => a - b);
    const check = await checkDatabase(h, before, issued, calls);
    return {
      kind: db.kind, windows, batchSize, ratioBatches,
      ours: { perSecond: median(ours), callP50: pct(sortedLat, 50), callP99: pct(sortedLat, 99), cpuMsPerTicket: median(cpuPerTicket), roundTripsPerTicket: tripsPerTicket.length ? median(tripsPerTicket) : null,
        serverCpuMsPerTicket: serverCpuPerTicket.length ? median(serverCpuPerTicket) : null },
      claimOnly: { perSecond: median(claimOnly) },
      sameShape: { perSecond: median(sameShape) },
      ratioVsClaim: median(ours) / median(claimOnly),
      ratioVsSameShape: median(ours) / median(sameShape),
      oneWindow: { ours: alone.perSecond, sameShape: aloneBase.perSecond, ratio: alone.perSecond / aloneBase.perSecond },
      long: {
        targetCalls: totalCalls, budgetSeconds: longSeconds, batches, calls, issued, wallSeconds, drainSeconds, issueSeconds,
        callsPerSecond: (calls - alone.n) / drainSeconds, issuesPerSecond: (issued - 100) / issueSeconds,
        reachedTarget: calls >= totalCalls, ...check,
      },
    };
  } finally {
    await rawPool?.end();
    await h.close();
    await db.drop();
  }
}

/** Checked from the database, not from our counters. */
async function checkDatabase(h: BenchHall, before: Awaited<ReturnType<typeof counts>>, issued: number, calls: number) {
  const after = await counts(h);
  const [dbl] = await queryRows<{ n: number }>(h.ctx.db, sql`
    select count(*)::int as n from (select ticket_id from ticket_calls where hall_id = ${h.hallId} and not recall
      group by ticket_id having count(*) > 1) d`);
  const [lost] = await queryRows<{ n: number }>(h.ctx.db, sql`
    select count(*)::int as n from tickets t where t.hall_id = ${h.hallId}
      and not exists (select 1 from ticket_calls c where c.ticket_id = t.id and not c.recall)`);
  // One prefix, one day: seq must be exactly 1..n.
  const [numbers] = await queryRows<{ n: number }>(h.ctx.db, sql`
    select (count(*) - count(distinct seq))::int + (coalesce(max(seq), 0) - count(distinct seq))::int + (count(*) - count(distinct number))::int as n
    from tickets where hall_id = ${h.hallId}`);
  return {
    doubleCalls: Number(dbl!.n),
    // Tickets never called, plus any difference between what was issued or called and what the tables hold.
    lostTickets: Number(lost!.n) + Math.abs(after.tickets - before.tickets - issued) + Math.abs(after.calls - before.calls - calls),
    notDone: after.tickets - after.done,
    numberProblems: Number(numbers!.n),
  };
}

async function counts(h: BenchHall) {
  const [row] = await queryRows<{ tickets: number; done: number; calls: number }>(h.ctx.db, sql`
    select (select count(*)::int from tickets where hall_id = ${h.hallId}) as tickets,
           (select count(*)::int from tickets where hall_id = ${h.hallId} and status = 'done') as done,
           (select count(*)::int from ticket_calls where hall_id = ${h.hallId} and not recall) as calls`);
  return { tickets: Number(row!.tickets), done: Number(row!.done), calls: Number(row!.calls) };
}
