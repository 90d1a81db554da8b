// A service whose windows are all paused still issues tickets — the pause ends and every
// issued ticket is served — and the kiosk is told so: the queue says no window is open
// but one is staffed, the estimate stays a figure, and the issued ticket says the windows are paused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { issue, openHallWithQueue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: () => THURSDAY_10AM }); });
afterAll(async () => { await t?.close(); });

interface ServiceRow { id: string; openWindows: number; staffedWindows: number; estimatedWaitMinutes: number | null }

describe('issuing for a service whose windows are all paused (R-05, R-08)', () => {
  it('R-05/R-08: the kiosk sees it staffed but not open, with an estimate, and the ticket says the windows are paused', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 2 });
    const [one, two] = q.windows as [typeof q.windows[0], typeof q.windows[0]];
    const serviceId = q.services[0]!.id;
    await openWindow(one.staff, one.id);
    await openWindow(two.staff, two.id);
    for (const w of [one, two]) expect((await w.staff.post(`/api/v1/windows/${w.id}/pause`, { reason: 'break' })).statusCode).toBe(200);
    const first = await issue(q.kiosk, q.hall.id, serviceId);

    const row = async () => ((await q.kiosk.get(`/api/v1/halls/${q.hall.id}/queue`)).json().services as ServiceRow[]).find((s) => s.id === serviceId)!;
    // One waits; while both windows are paused the wait counts one window coming back (5 minutes a ticket).
    expect(await row()).toMatchObject({ openWindows: 0, staffedWindows: 2, estimatedWaitMinutes: 5 });

    const second = await issue(q.kiosk, q.hall.id, serviceId);
    expect(second).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5, windowsPaused: true });
    expect(first).toMatchObject({ windowsPaused: true });
    const tracked = await t.anonymous.get(second.trackUrl.replace('/t/', '/api/v1/tickets/'));
    expect(tracked.json()).toMatchObject({ status: 'waiting', ahead: 1, estimatedWaitMinutes: 5 });

    // Once a window resumes, the queue is shared among the open ones and tickets no longer say paused.
    expect((await one.staff.post(`/api/v1/windows/${one.id}/resume`)).statusCode).toBe(200);
    expect(await row()).toMatchObject({ openWindows: 1, staffedWindows: 2, estimatedWaitMinutes: 10 });
    expect(await issue(q.kiosk, q.hall.id, serviceId)).toMatchObject({ ahead: 2, estimatedWaitMinutes: 10, windowsPaused: false });
  });

  it('still refuses a service nobody is signed in for with no_open_window', async () => {
    const q = await openHallWithQueue(t, { services: 1, windows: 1 });
    const res = await q.kiosk.post(`/api/v1/halls/${q.hall.id}/tickets`, { serviceId: q.services[0]!.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_open_window');
    expect(((await q.kiosk.get(`/api/v1/halls/${q.hall.id}/queue`)).json().services as ServiceRow[])[0])
      .toMatchObject({ openWindows: 0, staffedWindows: 0, estimatedWaitMinutes: null });
  });
});
