import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { checkOverdueHandovers } from './scheduled-checks.js';
import { issue, openHallWithQueue, openWindow, THURSDAY_10AM, ALL_TICKED } from '../../../test/factories/queue.js';

let t: TestApp;
let clock = THURSDAY_10AM;
beforeAll(async () => { t = await createTestApp({ now: () => clock }); });
afterAll(async () => { await t?.close(); });

describe('issuing tickets (取号)', () => {
  it('numbers tickets per prefix from 001 and says how many are ahead', async () => {
    const q = await openHallWithQueue(t);
    await openWindow(q.windows[0]!.staff, q.windows[0]!.id);
    const a = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const b = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const prefix = q.services[0]!.ticketPrefix;
    expect([a.number, b.number]).toEqual([`${prefix}001`, `${prefix}002`]);
    expect([a.ahead, b.ahead]).toEqual([0, 1]);
    expect(b.estimatedWaitMinutes).toBe(5);
    const tracked = await t.anonymous.get(b.trackUrl.replace('/t/', '/api/v1/tickets/'));
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json()).toMatchObject({ number: b.number, status: 'waiting', ahead: 1 });
    expect((await t.anonymous.get(`/api/v1/tickets/${b.id}?token=wrong-token-123`)).statusCode).toBe(404);
  });

  it('refuses outside opening hours with hall_closed and when it opens (R-08)', async () => {
    const q = await openHallWithQueue(t);
    await openWindow(q.windows[0]!.staff, q.windows[0]!.id);
    clock = new Date('2026-11-26T12:00:00Z'); // 20:00 in Shanghai
    try {
      const res = await q.kiosk.post(`/api/v1/halls/${q.hall.id}/tickets`, { serviceId: q.services[0]!.id });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('hall_closed');
      expect(res.json().error.details.opensAt).toBe('2026-11-27T01:00:00.000Z');
    } finally {
      clock = THURSDAY_10AM;
    }
  });

  it('refuses a service nobody is signed in for with no_open_window', async () => {
    const q = await openHallWithQueue(t);
    const res = await q.kiosk.post(`/api/v1/halls/${q.hall.id}/tickets`, { serviceId: q.services[0]!.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_open_window');
  });
});

describe('a window at work', () => {
  it('opens only with the whole checklist (R-09)', async () => {
    const q = await openHallWithQueue(t);
    const w = q.windows[0]!;
    const res = await w.staff.post(`/api/v1/windows/${w.id}/open`, { checklist: { ...ALL_TICKED, safety: false } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('checklist_incomplete');
    const opened = await openWindow(w.staff, w.id);
    expect(opened).toMatchObject({ status: 'open', session: { late: true } });
  });

  it("uses the hall's own opening checklist when it has one", async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    const items = [{ id: 'badge', label: '佩戴工号牌' }, { id: 'desk', label: '台面整洁' }];
    expect((await t.admin.patch(`/api/v1/halls/${q.hall.id}`, { openingChecklist: items })).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/windows/${w.id}`)).json().openingChecklist).toEqual(items);
    const partial = await w.staff.post(`/api/v1/windows/${w.id}/open`, { checklist: { badge: true } });
    expect(partial.json().error).toMatchObject({ code: 'checklist_incomplete', details: { missing: ['desk'] } });
    expect((await w.staff.post(`/api/v1/windows/${w.id}/open`, { checklist: { badge: true, desk: true } })).statusCode).toBe(200);
  });

  it('calls, recalls, starts and completes; the board shows it', async () => {
    const q = await openHallWithQueue(t);
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    const a = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const called = await w.staff.post(`/api/v1/windows/${w.id}/call-next`);
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().ticket).toMatchObject({ id: a.id, status: 'called' });
    expect((await w.staff.post(`/api/v1/windows/${w.id}/call-next`)).json().error.code).toBe('window_busy');
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/recall`)).json().ticket.recalls).toBe(1);
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/start`)).json().ticket.status).toBe('serving');
    const board = (await t.admin.get(`/api/v1/halls/${q.hall.id}/board`)).json();
    expect(board.windows.find((x: { id: string }) => x.id === w.id).currentTicket).toEqual({ number: a.number, status: 'serving' });
    expect(board.recentCalls.map((c: { number: string; recall: boolean }) => [c.number, c.recall])).toEqual([[a.number, true], [a.number, false]]);
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/complete`, { outcome: 'done' })).json().ticket.status).toBe('done');
    expect((await w.staff.post(`/api/v1/windows/${w.id}/call-next`)).statusCode).toBe(204);
  });

  it('serves priority tickets first, but not forever (R-03)', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    const normal = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    clock = new Date(THURSDAY_10AM.getTime() + 20 * 60_000);
    const p = [];
    for (let i = 0; i < 4; i++) p.push(await issue(q.kiosk, q.hall.id, q.services[0]!.id, { priority: 'priority', priorityReason: 'elderly' }));
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = (await w.staff.post(`/api/v1/windows/${w.id}/call-next`)).json().ticket;
      order.push(c.number);
      await w.staff.post(`/api/v1/tickets/${c.id}/start`);
      await w.staff.post(`/api/v1/tickets/${c.id}/complete`, { outcome: 'done' });
    }
    clock = THURSDAY_10AM;
    // Two priority calls, then the normal ticket that waited 20 minutes (> 15), then the rest.
    expect(order).toEqual([p[0]!.number, p[1]!.number, normal.number, p[2]!.number, p[3]!.number]);
  });

  it('no-show only after the recalls; rejoin puts the ticket at the front', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    const a = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const b = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    await w.staff.post(`/api/v1/windows/${w.id}/call-next`);
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/no-show`)).json().error.code).toBe('recalls_remaining');
    await w.staff.post(`/api/v1/tickets/${a.id}/recall`);
    await w.staff.post(`/api/v1/tickets/${a.id}/recall`);
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/no-show`)).json().ticket.status).toBe('no_show');
    expect((await w.staff.post(`/api/v1/tickets/${a.id}/rejoin`)).json().ticket).toMatchObject({ status: 'waiting', placement: 'front' });
    const next = (await w.staff.post(`/api/v1/windows/${w.id}/call-next`)).json().ticket;
    expect(next.id).toBe(a.id);
    void b;
  });

  it('marks a no-show on demand at once, and the log says so', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    const a = await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    await w.staff.post(`/api/v1/windows/${w.id}/call-next`);
    const res = await w.staff.post(`/api/v1/tickets/${a.id}/no-show`, { onDemand: true, note: '群众表示改日再来' });
    expect(res.json().ticket.status).toBe('no_show');
    const log = (await t.admin.get(`/api/v1/audit?hallId=${q.hall.id}&limit=5`)).json().items;
    expect(log.find((e: { action: string }) => e.action === 'ticket.no_show').after).toMatchObject({ onDemand: true, note: '群众表示改日再来' });
  });

  it('pausing shows the reason, alerts when a service is left unattended (R-05, R-10), and refuses calls', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const paused = await w.staff.post(`/api/v1/windows/${w.id}/pause`, { reason: 'equipment', note: '打印机卡纸' });
    expect(paused.json()).toMatchObject({ status: 'paused', pause: { reason: 'equipment', note: '打印机卡纸' } });
    expect((await w.staff.post(`/api/v1/windows/${w.id}/call-next`)).json().error.code).toBe('window_not_open');
    const alerts = (await t.admin.get(`/api/v1/halls/${q.hall.id}/alerts`)).json().items.map((a: { kind: string }) => a.kind);
    expect(alerts).toEqual(expect.arrayContaining(['service_unattended', 'equipment_fault']));
    await w.staff.post(`/api/v1/windows/${w.id}/resume`);
    const after = (await t.admin.get(`/api/v1/halls/${q.hall.id}/alerts`)).json().items.map((a: { kind: string }) => a.kind);
    expect(after).not.toContain('service_unattended');
    expect(after).not.toContain('equipment_fault');
  });

  it('the board sends the people of a paused window to the open windows of the same services, or asks them to wait (R-05)', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 3 });
    const [w1, w2, w3] = q.windows;
    for (const w of q.windows) await openWindow(w.staff, w.id);
    await w3!.staff.post(`/api/v1/windows/${w3!.id}/close`, {});
    await w1!.staff.post(`/api/v1/windows/${w1!.id}/pause`, { reason: 'break' });
    const board = async () => (await t.admin.get(`/api/v1/halls/${q.hall.id}/board`)).json().windows as { id: string; pause: { redirectTo: number[] } | null }[];
    expect((await board()).find((w) => w.id === w1!.id)!.pause!.redirectTo).toEqual([w2!.number]);
    await w2!.staff.post(`/api/v1/windows/${w2!.id}/pause`, { reason: 'handover' });
    const both = await board();
    expect(both.find((w) => w.id === w1!.id)!.pause!.redirectTo).toEqual([]);
    expect(both.find((w) => w.id === w2!.id)!.pause!.redirectTo).toEqual([]);
    expect(both.find((w) => w.id === w3!.id)!.pause).toBeNull();
  });

  it('does not count a paused window as serving when another closes (R-08)', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 2 });
    const [w1, w2] = q.windows;
    await openWindow(w1!.staff, w1!.id);
    await openWindow(w2!.staff, w2!.id);
    await w2!.staff.post(`/api/v1/windows/${w2!.id}/pause`, { reason: 'break' });
    await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const res = await w1!.staff.post(`/api/v1/windows/${w1!.id}/close`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('tickets_waiting');
  });

  it('refuses to close the last window while people wait (R-08) unless a manager overrides with a reason', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const w = q.windows[0]!;
    await openWindow(w.staff, w.id);
    await issue(q.kiosk, q.hall.id, q.services[0]!.id);
    const refused = await w.staff.post(`/api/v1/windows/${w.id}/close`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('tickets_waiting');
    expect(refused.json().error.details.services[0].waiting).toBe(1);
    expect((await w.staff.post(`/api/v1/windows/${w.id}/close`, { override: true, reason: '下班' })).statusCode).toBe(403);
    const noReason = await t.admin.post(`/api/v1/windows/${w.id}/close`, { override: true });
    expect(noReason.statusCode).toBe(400);
    const closed = await t.admin.post(`/api/v1/windows/${w.id}/close`, { override: true, reason: '系统故障，已安排群众到 2 号窗口' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
  });

  it('raises an alert when a handover pause passes 10 minutes (R-06), once', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 2 });
    const [w1, w2] = q.windows;
    await openWindow(w1!.staff, w1!.id);
    await openWindow(w2!.staff, w2!.id);
    await w1!.staff.post(`/api/v1/windows/${w1!.id}/pause`, { reason: 'handover' });
    const kinds = async () => (await t.admin.get(`/api/v1/halls/${q.hall.id}/alerts`)).json().items
      .filter((a: { kind: string; payload: { windowId?: string } }) => a.kind === 'handover_overdue' && a.payload.windowId === w1!.id);
    clock = new Date(THURSDAY_10AM.getTime() + 9 * 60_000);
    await checkOverdueHandovers(t.ctx);
    expect(await kinds()).toHaveLength(0);
    clock = new Date(THURSDAY_10AM.getTime() + 11 * 60_000);
    await checkOverdueHandovers(t.ctx);
    await checkOverdueHandovers(t.ctx);
    const raised = await kinds();
    expect(raised).toHaveLength(1);
    expect(raised[0].payload.minutes).toBe(11);
    clock = THURSDAY_10AM;
  });
});
