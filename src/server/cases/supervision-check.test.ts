// R-15 电子监察 from the outside: cases accepted on a known day, the clock moved day by day, the
// scheduled check run, and the hall's alerts, service log and events read back.
//
// The reference case: accepted Monday 2026-11-02, promised 10 working days, due Monday 2026-11-16
// (no public holiday in November 2026). 90 % of 10 working days is used at the end of the 9th
// working day, Friday 2026-11-13: yellow from that morning; red from Tuesday 2026-11-17.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantFromLocalTime } from '../../core/calendar/local-date.js';
import { openDatabase, queryRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { onPostgres } from '../../../test/test-database.js';
import { createHall, createService, createUser } from '../../../test/factories/hall.js';
import { acceptedCase as acceptedAtWindow, caseHall } from '../../../test/factories/cases.js';
import type { AppContext } from '../context.js';
import { insertCaseRow } from '../reports/case-rows.test-support.js';
import { checkSupervisionLights } from './supervision-check.js';

const ZONE = 'Asia/Shanghai';
/** `hour` o'clock on `day` in Shanghai. */
const at = (day: string, hour = 10) => instantFromLocalTime(day, hour * 60, ZONE);

let clock = at('2026-11-02');
let t: TestApp;
let owner: { id: string; name: string };

beforeAll(async () => {
  // Sessions last 30 days: the tests walk the clock through a month and sign in only once.
  t = await createTestApp({ now: () => clock, env: { SESSION_TTL_HOURS: '720' } });
  const u = await createUser(t.admin, null, 'admin');
  owner = { id: u.id, name: `admin ${u.username}` };
});
afterAll(async () => { await t?.close(); });
// Each test walks its own clock through November; archiving its hall afterwards keeps the next
// test's rounds (which may start earlier in the month) from touching these cases.
const hallsOfThisTest: string[] = [];
afterEach(async () => {
  for (const id of hallsOfThisTest.splice(0)) await t.ctx.db.execute(sql`update halls set archived_at = now() where id = ${id} and archived_at is null`);
});

async function hallWithService(policy?: Record<string, number>) {
  clock = at('2026-11-02');
  const hall = await createHall(t.admin);
  hallsOfThisTest.push(hall.id);
  const service = await createService(t.admin, hall.id, { kind: 'promised', promisedDays: 10 });
  if (policy) await t.ctx.db.execute(sql`update halls set case_policy = ${JSON.stringify(policy)}::jsonb where id = ${hall.id}`);
  return { hallId: hall.id, serviceId: service.id, serviceName: (await t.admin.get(`/api/v1/services/${service.id}`)).json().name as string };
}

async function acceptedCase(hallId: string, serviceId: string, acceptedDay: string, deadline: string, extra: Partial<Parameters<typeof insertCaseRow>[1]> = {}) {
  return insertCaseRow(t.ctx.db, {
    hallId, serviceId, ownerId: owner.id, createdAt: at(acceptedDay, 9), acceptedAt: at(acceptedDay, 9),
    kind: 'promised', promisedDays: 10, deadline, ...extra,
  });
}

async function runOn(day: string, hour = 9, ctx: AppContext = t.ctx) {
  clock = at(day, hour);
  return checkSupervisionLights(ctx);
}

interface AlertItem { id: string; kind: string; payload: Record<string, unknown>; resolvedAt: string | null }
async function caseAlerts(hallId: string, caseId: string): Promise<AlertItem[]> {
  const res = await t.admin.get(`/api/v1/halls/${hallId}/alerts?status=all`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as AlertItem[]).filter((a) => a.payload.caseId === caseId).sort((a, b) => a.kind.localeCompare(b.kind));
}

async function lightAlerted(caseId: string) {
  const [row] = await queryRows<{ light_alerted: string | null }>(t.ctx.db, sql`select light_alerted from cases where id = ${caseId}`);
  return row!.light_alerted;
}

async function eventsOf(hallId: string, caseId: string) {
  return queryRows<{ name: string; payload: Record<string, unknown> }>(t.ctx.db, sql`
    select name, payload from events where hall_id = ${hallId} and payload->>'caseId' = ${caseId} order by id`);
}

async function auditOf(caseId: string) {
  return queryRows<{ action: string; actor_name: string; before: unknown; after: unknown }>(t.ctx.db, sql`
    select action, actor_name, before, after from audit_log where target_type = 'case' and target_id = ${caseId} order by id`);
}

describe('the supervision-light check (R-15)', () => {
  it('raises one case_yellow alert on the working day 90 % of the promise is used, however often it runs', async () => {
    const { hallId, serviceId, serviceName } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');

    await runOn('2026-11-12', 17); // 8 of 10 working days used, even at closing time
    expect(await caseAlerts(hallId, c.id)).toEqual([]);
    expect(await lightAlerted(c.id)).toBeNull();

    await runOn('2026-11-13', 0); // just after midnight of the 9th working day
    await runOn('2026-11-13', 9);
    await runOn('2026-11-14', 9); // Saturday: still yellow, nothing new
    const alerts = await caseAlerts(hallId, c.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.kind).toBe('case_yellow');
    expect(alerts[0]!.payload).toEqual({
      kind: 'case_yellow', caseId: c.id, caseNumber: c.number, deadline: '2026-11-16', serviceName, ownerName: owner.name,
    });
    expect(await lightAlerted(c.id)).toBe('yellow');

    const audit = await auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(['case.light_changed']);
    expect(audit[0]).toMatchObject({ actor_name: 'scheduler', before: { light: 'green' }, after: { light: 'yellow', deadline: '2026-11-16' } });
    const events = await eventsOf(hallId, c.id);
    expect(events.map((e) => e.name)).toEqual(['case.light_changed', 'alert.raised']);
    expect(events[0]!.payload).toEqual({ caseId: c.id, number: c.number, light: 'yellow', deadline: '2026-11-16' });
    expect(events[1]!.payload).toMatchObject({ kind: 'case_yellow', caseId: c.id, alertId: alerts[0]!.id });
  });

  it('turns red the day after the deadline, with its own case_red alert', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    await runOn('2026-11-13');
    await runOn('2026-11-16', 16); // the deadline day itself is still yellow
    expect(await caseAlerts(hallId, c.id)).toHaveLength(1);

    await runOn('2026-11-17', 0);
    await runOn('2026-11-18');
    const alerts = await caseAlerts(hallId, c.id);
    expect(alerts.map((a) => a.kind)).toEqual(['case_red', 'case_yellow']);
    expect(await lightAlerted(c.id)).toBe('red');
    expect((await auditOf(c.id)).map((a) => (a.after as { light: string }).light)).toEqual(['yellow', 'red']);
  });

  it('goes straight to one case_red alert for a case first seen overdue (e.g. after the servers were down)', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    await runOn('2026-11-20');
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_red']);
  });

  it('alerts once when two instances run the check at the same moment', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    // A second instance: its own connection pool to the same PostgreSQL database; on PGlite the
    // database belongs to one process, so both instances share it.
    const other = onPostgres ? await openDatabase({ databaseUrl: t.testDb.url!, poolSize: 2 }) : t.testDb.database;
    try {
      const second: AppContext = { ...t.ctx, database: other, db: other.db };
      clock = at('2026-11-13');
      const changed = await Promise.all([checkSupervisionLights(t.ctx), checkSupervisionLights(second), checkSupervisionLights(t.ctx), checkSupervisionLights(second)]);
      expect(changed.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      if (onPostgres) await other.close();
    }
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_yellow']);
    expect((await eventsOf(hallId, c.id)).map((e) => e.name)).toEqual(['case.light_changed', 'alert.raised']);
  });

  it('does not count the hall calendar’s holidays as working time (R-14)', async () => {
    const { hallId, serviceId } = await hallWithService();
    // Tuesday and Wednesday 10–11 November declared holidays: the 10 working days now end on 18 November.
    const put = await t.admin.put(`/api/v1/halls/${hallId}/calendar/2026`, { holidays: ['2026-11-10', '2026-11-11'], workdays: [] });
    expect(put.statusCode, put.body).toBe(200);
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-18');
    await runOn('2026-11-13'); // 7 working days used
    await runOn('2026-11-16'); // 8
    expect(await caseAlerts(hallId, c.id)).toEqual([]);
    await runOn('2026-11-17'); // 9 of 10
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_yellow']);
    await runOn('2026-11-18', 16);
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_yellow']);
    await runOn('2026-11-19');
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_red', 'case_yellow']);
  });

  it('warns at half the promised time in a hall whose policy sets yellowThreshold 0.5', async () => {
    const { hallId, serviceId } = await hallWithService({ yellowThreshold: 0.5 });
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    await runOn('2026-11-06'); // 4 of 10
    expect(await caseAlerts(hallId, c.id)).toEqual([]);
    await runOn('2026-11-09'); // 5 of 10
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_yellow']);
  });

  it('turns an immediate case (即办件) red the day after its acceptance, not before', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-02', { kind: 'immediate', promisedDays: null });
    await runOn('2026-11-02', 17);
    expect(await caseAlerts(hallId, c.id)).toEqual([]);
    await runOn('2026-11-03');
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_red']);
  });

  it('alerts again after an extension (延期) moved a red case back to green and it runs late once more', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    await runOn('2026-11-17');
    expect(await lightAlerted(c.id)).toBe('red');

    // Approved on the 17th: 10 more working days after the old deadline, due 30 November.
    await t.ctx.db.execute(sql`update cases set deadline = '2026-11-30' where id = ${c.id}`);
    await runOn('2026-11-17', 11);
    expect(await lightAlerted(c.id)).toBeNull();
    expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'case.light_changed', before: { light: 'red' }, after: { light: 'green', deadline: '2026-11-30' } });

    await runOn('2026-11-27'); // 19 of 20 working days since acceptance
    await runOn('2026-12-01');
    const alerts = await caseAlerts(hallId, c.id);
    expect(alerts.map((a) => `${a.kind} ${String(a.payload.deadline)}`).sort()).toEqual([
      'case_red 2026-11-16', 'case_red 2026-11-30', 'case_yellow 2026-11-30',
    ]);
  });

  it('steps down to yellow without a new alert when the new deadline is close, and alerts red again when it passes', async () => {
    const { hallId, serviceId } = await hallWithService();
    const c = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16');
    await runOn('2026-11-17');
    await t.ctx.db.execute(sql`update cases set deadline = '2026-11-18' where id = ${c.id}`); // 2 more working days
    await runOn('2026-11-17', 11);
    expect(await lightAlerted(c.id)).toBe('yellow');
    expect((await caseAlerts(hallId, c.id)).map((a) => a.kind)).toEqual(['case_red']);
    await runOn('2026-11-19');
    expect((await caseAlerts(hallId, c.id)).map((a) => `${a.kind} ${String(a.payload.deadline)}`).sort()).toEqual(['case_red 2026-11-16', 'case_red 2026-11-18']);
  });

  it('follows a case accepted at the window through an extension the manager approves', async () => {
    clock = at('2026-11-02');
    const h = await caseHall(t, { promisedDays: 10 });
    hallsOfThisTest.push(h.hall.id);
    const c = await acceptedAtWindow(h.staff, h);
    expect(c.deadline).toBe('2026-11-16');
    await runOn('2026-11-13');
    await runOn('2026-11-17');
    expect((await caseAlerts(h.hall.id, c.id)).map((a) => a.kind)).toEqual(['case_red', 'case_yellow']);

    clock = at('2026-11-17', 11);
    const asked = await h.staff.post(`/api/v1/cases/${c.id}/extensions`, { workingDays: 10, reason: '需现场核查，涉及多个部门' });
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await h.manager.post(`/api/v1/extensions/${asked.json().id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ deadline: '2026-11-30', light: 'green' });
    // The alerts for the old deadline were answered by the extension.
    expect((await caseAlerts(h.hall.id, c.id)).every((a) => a.resolvedAt !== null)).toBe(true);
    await runOn('2026-11-17', 12);
    expect(await lightAlerted(c.id)).toBeNull();

    await runOn('2026-11-27');
    await runOn('2026-12-01');
    expect((await caseAlerts(h.hall.id, c.id)).map((a) => `${a.kind} ${String(a.payload.deadline)}`).sort()).toEqual([
      'case_red 2026-11-16', 'case_red 2026-11-30', 'case_yellow 2026-11-16', 'case_yellow 2026-11-30',
    ]);

    // Completing the case (late) resolves what is still open; the lateness stays on the case.
    expect((await caseAlerts(h.hall.id, c.id)).filter((a) => a.resolvedAt === null)).toHaveLength(2);
    const done = await h.staff.post(`/api/v1/cases/${c.id}/complete`, { result: '已办结' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ completion: { onTime: false } });
    expect((await caseAlerts(h.hall.id, c.id)).filter((a) => a.resolvedAt === null)).toEqual([]);
  });

  it('leaves finished cases and archived halls alone', async () => {
    const { hallId, serviceId } = await hallWithService();
    const done = await acceptedCase(hallId, serviceId, '2026-11-02', '2026-11-16', { completedAt: at('2026-11-05'), onTime: true });
    const refused = await insertCaseRow(t.ctx.db, { hallId, serviceId, ownerId: owner.id, createdAt: at('2026-11-02'), refusedAt: at('2026-11-02', 11) });
    const archived = await hallWithService();
    const forgotten = await acceptedCase(archived.hallId, archived.serviceId, '2026-11-02', '2026-11-16');
    expect((await t.admin.delete(`/api/v1/halls/${archived.hallId}`)).statusCode).toBe(204);
    await runOn('2026-11-20');
    for (const id of [done.id, refused.id, forgotten.id]) expect(await lightAlerted(id)).toBeNull();
    expect(await caseAlerts(hallId, done.id)).toEqual([]);
  });
});
