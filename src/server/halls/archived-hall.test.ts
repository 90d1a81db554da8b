// An archived hall is history: every write to it or to something of it — its settings, services,
// catalogue, windows and their working day, alerts, devices, calendar — is refused with
// 409 hall_archived and leaves the service log as it was. Revoking a device's token stays
// possible: it only takes access away. There is no un-archiving.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { createDevice, createService, createUser } from '../../../test/factories/hall.js';
import { alertOfWindow, issue, openHallWithQueue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: () => THURSDAY_10AM }); });
afterAll(async () => { await t?.close(); });

async function rowsOfHall(hallId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log where hall_id = ${hallId}`);
  return row!.n;
}

interface ArchivedHall {
  hallId: string;
  serviceId: string;
  catalogue: unknown;
  /** Open, worked by `openStaff`; carries a late sign-in alert (10:00 is after 08:50). */
  openWindowId: string;
  openStaff: Client;
  /** Paused by `pausedStaff`. */
  pausedWindowId: string;
  pausedStaff: Client;
  /** Never opened; `idleStaff` of the hall would sign in to it. */
  idleWindowId: string;
  idleStaff: Client;
  alertId: string;
  device: { id: string; token: string };
  /** Called at the open window before the hall was archived; another ticket still waits. */
  calledTicketId: string;
}

/** A working hall, archived in the middle of its day. */
async function archivedHall(): Promise<ArchivedHall> {
  const q = await openHallWithQueue(t, { services: 1, windows: 3 });
  const hallId = q.hall.id;
  const [open, paused, idle] = q.windows as [typeof q.windows[0], typeof q.windows[0], typeof q.windows[0]];
  await openWindow(open.staff, open.id);
  await issue(q.kiosk, hallId, q.services[0]!.id);
  await issue(q.kiosk, hallId, q.services[0]!.id);
  const called = await open.staff.post(`/api/v1/windows/${open.id}/call-next`);
  expect(called.statusCode, called.body).toBe(200);
  await openWindow(paused.staff, paused.id);
  expect((await paused.staff.post(`/api/v1/windows/${paused.id}/pause`, { reason: 'break' })).statusCode).toBe(200);
  const alertId = await alertOfWindow(t, hallId, open.id);
  const device = await createDevice(t.admin, hallId, 'display');
  const catalogue = (await t.admin.get(`/api/v1/halls/${hallId}/catalog/export`)).json();
  expect((await t.admin.delete(`/api/v1/halls/${hallId}`)).statusCode).toBe(204);
  return {
    hallId, serviceId: q.services[0]!.id, catalogue, alertId, device, calledTicketId: (called.json() as { ticket: { id: string } }).ticket.id,
    openWindowId: open.id, openStaff: open.staff, pausedWindowId: paused.id, pausedStaff: paused.staff, idleWindowId: idle.id, idleStaff: idle.staff,
  };
}

type Write = (h: ArchivedHall) => Promise<LightMyRequestResponse>;

const writes: [string, Write][] = [
  ['changing the hall settings', (h) => t.admin.patch(`/api/v1/halls/${h.hallId}`, { phone: '0571-88886666' })],
  ['archiving the hall again', (h) => t.admin.delete(`/api/v1/halls/${h.hallId}`)],
  ['adding a service', (h) => t.admin.post(`/api/v1/halls/${h.hallId}/services`, { code: 'NEW-1', name: '新事项', ticketPrefix: 'Z', kind: 'immediate' })],
  ['changing a service', (h) => t.admin.patch(`/api/v1/services/${h.serviceId}`, { name: '改名后的事项' })],
  ['archiving a service', (h) => t.admin.delete(`/api/v1/services/${h.serviceId}`)],
  ['importing a catalogue', (h) => t.admin.post(`/api/v1/halls/${h.hallId}/catalog/import`, h.catalogue)],
  ['adding a window', (h) => t.admin.post(`/api/v1/halls/${h.hallId}/windows`, { number: 99, name: '新窗口', serviceIds: [h.serviceId] })],
  ['changing a window', (h) => t.admin.patch(`/api/v1/windows/${h.idleWindowId}`, { name: '改名后的窗口' })],
  ['archiving a window', (h) => t.admin.delete(`/api/v1/windows/${h.idleWindowId}`)],
  ['signing in to a window', (h) => h.idleStaff.post(`/api/v1/windows/${h.idleWindowId}/open`, { checklist: { staff: true, alertness: true, equipment: true, forms_cash: true, safety: true } })],
  ['pausing a window', (h) => h.openStaff.post(`/api/v1/windows/${h.openWindowId}/pause`, { reason: 'break' })],
  ['resuming a window', (h) => h.pausedStaff.post(`/api/v1/windows/${h.pausedWindowId}/resume`)],
  ['closing a window', (h) => h.openStaff.post(`/api/v1/windows/${h.openWindowId}/close`, {})],
  ['calling the next ticket', (h) => h.openStaff.post(`/api/v1/windows/${h.openWindowId}/call-next`)],
  ['starting the called ticket', (h) => h.openStaff.post(`/api/v1/tickets/${h.calledTicketId}/start`)],
  ['resolving an alert', (h) => t.admin.post(`/api/v1/alerts/${h.alertId}/resolve`)],
  ['registering a device', (h) => t.admin.post(`/api/v1/halls/${h.hallId}/devices`, { kind: 'kiosk', name: '新取号机' })],
  ['renaming a device', (h) => t.admin.patch(`/api/v1/devices/${h.device.id}`, { name: '改名后的叫号屏' })],
  ['changing the calendar', (h) => t.admin.put(`/api/v1/halls/${h.hallId}/calendar/2027`, { holidays: ['2027-01-01'], workdays: [] })],
];

describe('an archived hall', () => {
  let h: ArchivedHall;
  beforeAll(async () => { h = await archivedHall(); });

  it.each(writes)('refuses %s with 409 hall_archived and logs nothing', async (_what, write) => {
    const before = await rowsOfHall(h.hallId);
    const res = await write(h);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toEqual({ code: 'hall_archived', message: '该服务大厅已停用，不能再修改。' });
    expect(await rowsOfHall(h.hallId)).toBe(before);
  });

  it('says so in English when asked', async () => {
    const res = await t.admin.request('PATCH', `/api/v1/halls/${h.hallId}`, { phone: '0571-1' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('This hall is archived; nothing in it can be changed.');
  });

  it('has not changed: the window stays as it was left, the service keeps its name', async () => {
    const [w] = await queryRows<{ status: string; name: string }>(t.ctx.db, sql`select status, name from windows where id = ${h.idleWindowId}`);
    expect(w).toEqual({ status: 'closed', name: '综合窗口' });
    const [s] = await queryRows<{ name: string; archived: boolean }>(t.ctx.db, sql`select name, archived_at is not null as archived from services where id = ${h.serviceId}`);
    expect(s!.archived).toBe(false);
    expect(s!.name).not.toBe('改名后的事项');
  });

  it('still lets an administrator revoke a device: its token stops working', async () => {
    expect((await t.admin.delete(`/api/v1/devices/${h.device.id}`)).statusCode).toBe(204);
    expect((await t.device(h.device.token).get('/api/v1/devices/me')).statusCode).toBe(401);
  });

  it('refuses a hall manager just the same', async () => {
    const hall = await archivedHallWithManager();
    const res = await hall.manager.post(`/api/v1/halls/${hall.hallId}/services`, { code: 'M-1', name: '经理加的事项', ticketPrefix: 'M', kind: 'immediate' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('hall_archived');
  });
});

describe('a hall that does not exist', () => {
  it('is still 404 not_found, not hall_archived', async () => {
    const res = await t.admin.patch('/api/v1/halls/00000000-0000-4000-8000-000000000000', { phone: '0571-1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('a live hall', () => {
  it('takes the same writes as before', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const service = await createService(t.admin, q.hall.id, { kind: 'immediate' });
    expect((await t.admin.patch(`/api/v1/services/${service.id}`, { name: '仍可修改' })).statusCode).toBe(200);
    expect((await t.admin.patch(`/api/v1/halls/${q.hall.id}`, { phone: '0571-2' })).statusCode).toBe(200);
    expect((await t.admin.put(`/api/v1/halls/${q.hall.id}/calendar/2027`, { holidays: ['2027-01-01'], workdays: [] })).statusCode).toBe(200);
    await openWindow(q.windows[0]!.staff, q.windows[0]!.id);
  });
});

async function archivedHallWithManager() {
  const q = await openHallWithQueue(t, { services: 1, windows: 0 });
  const m = await createUser(t.admin, q.hall.id, 'manager');
  const manager = await t.login(m.username, m.password);
  expect((await t.admin.delete(`/api/v1/halls/${q.hall.id}`)).statusCode).toBe(204);
  return { hallId: q.hall.id, manager };
}
