// One person, one counter: the board shows each window's staff badge, so signing in
// to a second window while still signed in to the first is refused with 409
// already_signed_in, naming the window they are at. Stepping in as a manager is not a sign-in.
// The race runs on PGlite (transactions take turns) and, with DATABASE_URL, on PostgreSQL with
// a pool, where the two sign-ins really overlap and the person's row lock decides.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { onPostgres } from '../../../test/test-database.js';
import { createHall, createService, createUser, createWindow } from '../../../test/factories/hall.js';
import { ALL_TICKED, issue, openHallWithQueue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: () => THURSDAY_10AM, ...(onPostgres ? { poolSize: 6 } : {}) }); });
afterAll(async () => { await t?.close(); });

const signIn = (client: Client, windowId: string, headers: Record<string, string> = {}) =>
  client.request('POST', `/api/v1/windows/${windowId}/open`, { checklist: ALL_TICKED }, headers);

async function openSessionsOf(username: string) {
  return queryRows<{ window_id: string }>(t.ctx.db, sql`
    select s.window_id from window_sessions s join users u on u.id = s.user_id
    where u.username = ${username} and s.closed_at is null`);
}

/** A hall with two windows serving one service, and one member of staff. */
async function hallWithTwoWindows() {
  const q = await openHallWithQueue(t, { services: 1, windows: 2 });
  const [five, three] = q.windows as [typeof q.windows[0], typeof q.windows[0]];
  const person = await createUser(t.admin, q.hall.id, 'staff');
  return { ...q, five, three, person, staff: await t.login(person.username, person.password) };
}

describe('signing in to one window at a time (R-09, R-25)', () => {
  it('R-09/R-25: refuses a second window with 409 already_signed_in naming the window the person is at, in Chinese and English', async () => {
    const h = await hallWithTwoWindows();
    await openWindow(h.staff, h.five.id);

    const zh = await signIn(h.staff, h.three.id);
    expect(zh.statusCode, zh.body).toBe(409);
    expect(zh.json().error).toEqual({
      code: 'already_signed_in',
      message: '您已在其他窗口签到，请先在该窗口签退后再签到本窗口。',
      details: { windowId: h.five.id, windowNumber: h.five.number, hallId: h.hall.id },
    });
    const en = await signIn(h.staff, h.three.id, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toBe('You are signed in to another window; sign out there before signing in here.');

    // Nothing changed: window 3 is still closed with nobody at it, window 5 still shows the person.
    const state = (await t.admin.get(`/api/v1/halls/${h.hall.id}/queue`)).json() as { windows: { id: string; status: string; staff: { name: string } | null }[] };
    expect(state.windows.find((w) => w.id === h.three.id)).toMatchObject({ status: 'closed', staff: null });
    expect(state.windows.find((w) => w.id === h.five.id)?.staff?.name).toBe(`staff ${h.person.username}`);
    expect(await openSessionsOf(h.person.username)).toEqual([{ window_id: h.five.id }]);
  });

  it('R-09/R-25: lets the person sign in at window 3 once they have closed window 5', async () => {
    const h = await hallWithTwoWindows();
    await openWindow(h.staff, h.five.id);
    expect((await signIn(h.staff, h.three.id)).statusCode).toBe(409);

    const closed = await h.staff.post(`/api/v1/windows/${h.five.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const opened = await openWindow(h.staff, h.three.id);
    expect(opened).toMatchObject({ id: h.three.id, status: 'open', staff: { id: h.person.id } });
    expect(await openSessionsOf(h.person.username)).toEqual([{ window_id: h.three.id }]);
  });

  it('R-09: signing in again at the window the person is already at answers 200 and keeps the session it had', async () => {
    const h = await hallWithTwoWindows();
    const first = await openWindow(h.staff, h.five.id);
    const again = await signIn(h.staff, h.five.id);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: h.five.id, status: 'open', session: first.session });
    expect(await openSessionsOf(h.person.username)).toEqual([{ window_id: h.five.id }]);
  });

  it('R-25: holds across halls — an admin signed in at a window of one hall cannot sign in at another hall', async () => {
    const a = await openHallWithQueue(t, { services: 1, windows: 1 });
    const b = await openHallWithQueue(t, { services: 1, windows: 1 });
    await openWindow(t.admin, a.windows[0]!.id);
    try {
      const res = await signIn(t.admin, b.windows[0]!.id);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'already_signed_in',
        details: { windowId: a.windows[0]!.id, windowNumber: a.windows[0]!.number, hallId: a.hall.id },
      });
    } finally {
      // The admin serves other tests of this file; sign them out again.
      expect((await t.admin.post(`/api/v1/windows/${a.windows[0]!.id}/close`, {})).statusCode).toBe(200);
    }
  });

  it('R-25: a manager signed in at one window may still step in at another window without signing in there', async () => {
    const h = await hallWithTwoWindows();
    const managerUser = await createUser(t.admin, h.hall.id, 'manager');
    const manager = await t.login(managerUser.username, managerUser.password);
    await openWindow(manager, h.five.id);
    await openWindow(h.three.staff, h.three.id);
    await issue(h.kiosk, h.hall.id, h.services[0]!.id);

    // Acting on window 3 (call, pause, resume) is stepping in: allowed, and no sign-in happens.
    const called = await manager.post(`/api/v1/windows/${h.three.id}/call-next`);
    expect(called.statusCode, called.body).toBe(200);
    expect((await manager.post(`/api/v1/tickets/${called.json().ticket.id}/cancel`)).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/windows/${h.three.id}/pause`, { reason: 'break' })).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/windows/${h.three.id}/resume`)).statusCode).toBe(200);
    expect(await openSessionsOf(managerUser.username)).toEqual([{ window_id: h.five.id }]);
    // The board still shows the manager at window 5 and the window's own staff at window 3.
    const state = (await t.admin.get(`/api/v1/halls/${h.hall.id}/queue`)).json() as { windows: { id: string; staff: { id: string } | null }[] };
    expect(state.windows.find((w) => w.id === h.five.id)?.staff?.id).toBe(managerUser.id);
    const atThree = state.windows.find((w) => w.id === h.three.id)?.staff?.id;
    expect(atThree).toBeDefined();
    expect(atThree).not.toBe(managerUser.id);
  });

  it('R-09/R-25: of two sign-ins of one person at two windows at the same moment, exactly one succeeds', async () => {
    const hall = await createHall(t.admin, { openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })) });
    const service = await createService(t.admin, hall.id, { kind: 'immediate' });
    const windowIds = [];
    for (let i = 0; i < 3; i++) windowIds.push((await createWindow(t.admin, hall.id, [service.id])).id);
    const person = await createUser(t.admin, hall.id, 'staff');
    const staff = await t.login(person.username, person.password);

    for (let round = 0; round < 8; round++) {
      // Every window at once, twice over: the person races themself at each window too.
      const attempts = [...windowIds, ...windowIds];
      const answers = await Promise.all(attempts.map((id) => signIn(staff, id)));
      const won = new Set(attempts.filter((_, i) => answers[i]!.statusCode === 200));
      const refusals = answers.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.json().error.code}`);
      // One window took the sign-in (its second request is the same-window answer, also 200);
      // every request for another window was refused.
      expect(won.size, answers.map((r) => r.body).join('\n')).toBe(1);
      expect(refusals).toEqual(Array(attempts.length - answers.filter((r) => r.statusCode === 200).length).fill('409 already_signed_in'));
      const [winner] = [...won];
      expect(await openSessionsOf(person.username)).toEqual([{ window_id: winner }]);
      expect((await staff.post(`/api/v1/windows/${winner}/close`, {})).statusCode).toBe(200);
    }
  }, 60_000);

  it('R-25: the database itself keeps one open session per person, whoever writes', async () => {
    const h = await hallWithTwoWindows();
    await openWindow(h.staff, h.five.id);
    const refused = await t.ctx.db.execute(sql`
      insert into window_sessions (hall_id, window_id, user_id, opened_at, checklist)
      values (${h.hall.id}, ${h.three.id}, ${h.person.id}, now(), '{}')`).then(() => null, (err: unknown) => err);
    expect(String((refused as Error | null)?.cause)).toMatch(/unique constraint "window_sessions_one_per_person"/);
  });
});
