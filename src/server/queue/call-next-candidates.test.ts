// call-next loads only the first few tickets of each queue (a service's front-placed,
// priority and other tickets) instead of every waiting ticket. These tests run it with one
// or two per queue — far fewer than a hall has — against the ranking of every waiting ticket,
// so any ticket the shortcut could get wrong (R-03 fairness tiers, front placements, tickets
// bound to a window, equal waiting times) comes up. On PostgreSQL, another transaction
// holding the first tickets makes call-next go past what it loaded.
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/policy.js';
import { rankForWindow } from '../../core/queue/ordering.js';
import { DEFAULT_QUEUE_POLICY } from '../../core/queue/policy.js';
import { tickets, users } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { onPostgres } from '../../../test/test-database.js';
import { createHall, createService, createWindow } from '../../../test/factories/hall.js';
import { ALL_TICKED, staffActor, THURSDAY_10AM } from '../../../test/factories/queue.js';
import { callNextTicket } from './call-next-ticket.js';
import { issueTicket } from './issue-ticket.js';
import * as repo from './repo.js';
import { actOnTicket } from './ticket-actions.js';
import { toCoreTicket } from './ticket-view.js';
import { openWindow } from './window-shifts.js';

let t: TestApp;
let clock = THURSDAY_10AM;
let admin: Actor;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const [u] = await t.ctx.db.select().from(users).where(eq(users.username, 'admin'));
  admin = { type: 'user', id: u!.id, username: u!.username, name: u!.name, role: u!.role, hallId: u!.hallId };
});
afterAll(async () => { await t?.close(); });

/** Three services; window 0 serves A and B, window 1 serves A and C. */
async function hall() {
  clock = THURSDAY_10AM;
  const h = await createHall(t.admin, { openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })) });
  const services = [];
  for (let i = 0; i < 3; i++) services.push((await createService(t.admin, h.id, { kind: 'immediate' })).id);
  const windowIds = [];
  for (const served of [[services[0]!, services[1]!], [services[0]!, services[2]!]]) {
    const w = await createWindow(t.admin, h.id, served);
    // Each window has its own person signed in; the admin steps in to call.
    await openWindow(t.ctx, await staffActor(t, h.id), w.id, ALL_TICKED);
    windowIds.push(w.id);
  }
  return { hallId: h.id, services, windowIds };
}

/** The first ticket of the ranking of every waiting ticket — what call-next must hand out. */
async function topOfFullRanking(hallId: string, windowId: string, serviceIds: string[]) {
  const waiting = (await t.ctx.db.select().from(tickets).where(eq(tickets.hallId, hallId))).filter((r) => r.status === 'waiting').map(toCoreTicket);
  const history = await repo.recentCalls(t.ctx.db, [...new Set(waiting.map((w) => w.serviceId))], DEFAULT_QUEUE_POLICY.priorityStreak);
  return rankForWindow({ id: windowId, serviceIds }, waiting, history, DEFAULT_QUEUE_POLICY, clock)[0]?.id ?? null;
}

const ticketSpec = fc.record({
  service: fc.integer({ min: 0, max: 2 }),
  priority: fc.boolean(),
  front: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  /** Bound to window 0 or 1 (a transfer), mostly unbound. */
  bound: fc.integer({ min: 0, max: 7 }).map((n) => (n < 2 ? n : null)),
  /** Minutes queued before the calls start; several share a minute, so ties come up. */
  queuedMinutesAgo: fc.integer({ min: 0, max: 40 }),
});

describe('call-next with only the first tickets of each queue loaded', () => {
  it('calls exactly the ticket the ranking of all waiting tickets puts first, ticket after ticket (R-03)', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(ticketSpec, { minLength: 4, maxLength: 14 }),
      fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 16, maxLength: 16 }),
      fc.constantFrom(1, 2),
      async (specs, windowOrder, perQueue) => {
        const { hallId, services, windowIds } = await hall();
        const served = [[services[0]!, services[1]!], [services[0]!, services[2]!]];
        for (const s of specs) {
          const issued = await issueTicket(t.ctx, admin, hallId, s.priority
            ? { serviceId: services[s.service]!, priority: 'priority', priorityReason: 'elderly' }
            : { serviceId: services[s.service]!, priority: 'normal' });
          // Placement, binding and waiting time as transfers and rejoins leave them; whole
          // minutes only, so equal times are common.
          await t.ctx.db.update(tickets).set({
            placement: s.front ? 'front' : 'normal',
            boundWindowId: s.bound === null ? null : windowIds[s.bound]!,
            queuedAt: new Date(THURSDAY_10AM.getTime() - s.queuedMinutesAgo * 60_000),
          }).where(eq(tickets.id, issued.id));
        }
        for (const [step, w] of windowOrder.entries()) {
          clock = new Date(THURSDAY_10AM.getTime() + step * 60_000);
          const expected = await topOfFullRanking(hallId, windowIds[w]!, served[w]!);
          const called = await callNextTicket(t.ctx, admin, windowIds[w]!, perQueue);
          expect(called?.id ?? null).toBe(expected);
          if (called) {
            await actOnTicket(t.ctx, admin, called.id, { type: 'start' });
            await actOnTicket(t.ctx, admin, called.id, { type: 'complete', outcome: 'done' });
          }
        }
      }), { numRuns: 12, seed: 20261126 });
  });

  it.skipIf(!onPostgres)('(PostgreSQL) goes past the loaded tickets when another window is claiming them, to the next in line', async () => {
    const { hallId, services, windowIds } = await hall();
    // Window 0 serves A and B: A's two oldest, then B's; one ticket of each queue is loaded.
    const issueAt = async (second: number, serviceId: string) => {
      clock = new Date(THURSDAY_10AM.getTime() + second * 1000);
      return (await issueTicket(t.ctx, admin, hallId, { serviceId, priority: 'normal' })).id;
    };
    const a1 = await issueAt(0, services[0]!);
    const a2 = await issueAt(1, services[0]!);
    const b1 = await issueAt(2, services[1]!);
    // Another session holds A's oldest, as a window in the middle of calling it would.
    const other = new pg.Client({ connectionString: t.testDb.url! });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from tickets where id = $1 for update', [a1]);
      const called = await callNextTicket(t.ctx, admin, windowIds[0]!, 1);
      // Not B's ticket, the only other one loaded: A's second waited longer.
      expect(called?.id).toBe(a2);
      const rows = await t.ctx.db.execute(sql`select status from tickets where id in (${a1}, ${b1})`);
      expect((rows as unknown as { rows: { status: string }[] }).rows.map((r) => r.status)).toEqual(['waiting', 'waiting']);
    } finally {
      await other.query('rollback');
      await other.end();
    }
  });
});
