// The citizen's tracking page is live: a phone showing the page learns it was called within
// moments, without a reload and without asking the server again (it used to poll every 10 s),
// buzzes, and lets go of the connection once the ticket is done.
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CALL_VIBRATION } from '../src/web/track/status.js';
import { findHall, openHallNow } from '../test/browser/hall.js';
import type { ApiClient } from '../test/browser/server.js';
import { browserSuite } from '../test/browser/suite.js';
import { see, seeText } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const SERVICE = '社保卡补办';
const PHONE = { width: 390, height: 844 };

interface Listed<T> { items: T[] }
const items = <T>(x: T[] | Listed<T>): T[] => (Array.isArray(x) ? x : x.items);

const suite = browserSuite('track-live');

/** A phone that records what it was asked to vibrate. */
async function phone(): Promise<Page> {
  const context = await suite.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    const w = window as unknown as { __vibrations: unknown[] };
    w.__vibrations = [];
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (pattern: unknown) => { w.__vibrations.push(pattern); return true; } });
  });
  return context.newPage();
}

interface Desk { staff: ApiClient; hallId: string; windowId: string; serviceId: string }
let desk: Promise<Desk> | null = null;

/** staff1 signed in to window 1 of the demo hall (through the API, as the console would); once per file. */
function windowOneAtWork(): Promise<Desk> {
  desk ??= signInToWindowOne();
  return desk;
}

async function signInToWindowOne(): Promise<Desk> {
  const admin = await suite.api(suite.server.admin);
  const hall = await findHall(admin, DEMO_HALL);
  await openHallNow(admin, hall);
  const staff = await suite.api(suite.account('staff1'));
  const windows = items(await staff.get<{ id: string; number: number }[] | Listed<{ id: string; number: number }>>(`/halls/${hall.id}/windows`));
  const one = windows.find((w) => w.number === 1)!;
  const { openingChecklist } = await staff.get<{ openingChecklist: { id: string }[] }>(`/windows/${one.id}`);
  await staff.post(`/windows/${one.id}/open`, { checklist: Object.fromEntries(openingChecklist.map((c) => [c.id, true])) });
  const services = items(await staff.get<{ id: string; name: string }[] | Listed<{ id: string; name: string }>>(`/halls/${hall.id}/services`));
  return { staff, hallId: hall.id, windowId: one.id, serviceId: services.find((s) => s.name === SERVICE)!.id };
}

describe('the ticket tracking page', () => {
  test('shows "请到 1 号窗口办理" within 2 s of the call, without a reload, and buzzes the phone', async () => {
    const desk = await windowOneAtWork();
    const ticket = await desk.staff.post<{ id: string; number: string; trackUrl: string }>(`/halls/${desk.hallId}/tickets`, { serviceId: desk.serviceId });

    const page = await phone();
    const asked: string[] = [];
    page.on('request', (r: Request) => { if (new URL(r.url()).pathname.startsWith(`/api/v1/tickets/${ticket.id}`)) asked.push(new URL(r.url()).pathname); });
    await page.goto(ticket.trackUrl);
    await seeText(page.locator('.ck-track-hero'), '您的号码', ticket.number, SERVICE, '等候中');
    await seeText(page.getByTestId('track-freshness'), '实时更新中');
    await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
    const before = asked.length;

    const calledAt = Date.now();
    const called = await desk.staff.post<{ ticket: { id: string } }>(`/windows/${desk.windowId}/call-next`, undefined);
    expect(called.ticket.id).toBe(ticket.id);
    await see(page.locator('.ck-track-hero').filter({ hasText: '轮到您了！' }).filter({ hasText: '请到 1 号窗口办理' }), 2000);
    expect(Date.now() - calledAt).toBeLessThan(2000);
    await seeText(page.locator('.ck-track-card'), '办理窗口', '1 号窗口');

    // The same document (no reload), told over the open stream (no new request), and the phone buzzed once.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(asked.slice(before)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations)).toEqual([CALL_VIBRATION]);
    await expect.poll(() => page.title()).toBe(`【请到 1 号窗口办理】${ticket.number}`);

    // Served and finished: the page says so at once and lets the connection go.
    await desk.staff.post(`/tickets/${ticket.id}/start`, undefined);
    await seeText(page.locator('.ck-track-hero'), '办理中');
    await desk.staff.post(`/tickets/${ticket.id}/complete`, { outcome: 'done' });
    await seeText(page.locator('.ck-track-hero'), ticket.number, '已办结');
    const streams = asked.filter((p) => p.endsWith('/events')).length;
    await page.waitForTimeout(3000); // longer than the stream's retry: 2000
    expect(asked.filter((p) => p.endsWith('/events')).length, 'a done ticket is not followed again').toBe(streams);
    await expect.poll(() => page.getByTestId('track-freshness').innerText()).toBe('');
    expect(await page.locator('.ck-track-stale').count()).toBe(0);
  });

  test('a wrong link says so, and does not keep trying', async () => {
    const desk = await windowOneAtWork();
    const ticket = await desk.staff.post<{ id: string }>(`/halls/${desk.hallId}/tickets`, { serviceId: desk.serviceId });
    const page = await phone();
    let streams = 0;
    page.on('request', (r: Request) => { if (new URL(r.url()).pathname.endsWith('/events')) streams += 1; });
    await page.goto(`/t/${ticket.id}?token=not-the-right-token`);
    await see(page.getByText('未找到该号码，请核对凭条上的二维码或链接。'));
    await page.waitForTimeout(2500);
    expect(streams).toBe(1);
  });
});
