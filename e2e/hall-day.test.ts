// A day in the demo hall, in real Chromium against a real server: the kiosk issues tickets, two
// staff consoles call and serve them, the display board shows and speaks each call, a window
// pauses and the board says so at once, closing early is refused while people wait, and
// a citizen follows their ticket on the tracking page.
//
// Speech and printing are stubbed before the pages load (test/browser/stubs.ts): what the board
// would say is read back from window.__spoken, and the kiosk's print requests are counted.
import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { callAnnouncement } from '../src/core/queue/ticket-number.js';
import { saveScreenshot } from '../test/browser/browser.js';
import { findHall, openHallNow } from '../test/browser/hall.js';
import { installSpeechAndPrintStubs, printed, spoken, type Spoken } from '../test/browser/stubs.js';
import { browserSuite } from '../test/browser/suite.js';
import { see, seeNo, seePath, seeText, signInToConsole } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const SERVICE = '社保卡补办';
const FULL_HD = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

const GREETING = '您好！请坐！请问办理什么事务？';
const FAREWELL = '请把您的证件和单据拿好。请走好，再见。';

interface IssuedTicket {
  id: string;
  number: string;
  trackUrl: string;
  status: string;
}

// One day in order: the pages stay open from step to step, and a failed step skips the rest.
const suite = browserSuite('hall-day', { keepPages: true, skipAfterFailure: true });

let board: Page;
let console1: Page;
let console2: Page;
let kiosk: Page;
let track: Page;
const issued: IssuedTicket[] = [];
let priorityTicket: IssuedTicket;
let firstCalled: string;
let secondCalled: string;

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await suite.newContext(viewport ? { viewport } : {});
  await installSpeechAndPrintStubs(context);
  return context.newPage();
}

/** What the board has said, as `${lang}|${text}` lines, for readable failures. */
async function said(page: Page): Promise<string[]> {
  return (await spoken(page)).map((s: Spoken) => `${s.lang}|${s.text}`);
}

function sayTwice(number: string, windowNumber: number): string[] {
  const line = `zh-CN|${callAnnouncement(number, windowNumber)}`;
  return [line, line];
}

/**
 * A staff member opens the console, signs in, and opens their window with the opening checklist
 * (R-09 五个到位), ticking each item or the 以上各项均已到位 box.
 */
async function signInToWindow(page: Page, username: string, windowNumber: number, tick: 'each' | 'all'): Promise<void> {
  const staff = suite.account(username);
  await signInToConsole(page, staff);
  await see(page.getByRole('heading', { name: '请选择您今天的窗口' }));

  const card = page.getByTestId(`window-card-${windowNumber}`);
  await seeText(card, `${windowNumber}号窗口`, `A · ${SERVICE}`, 'C · 医保报销');
  await card.getByRole('button', { name: '签到开窗' }).click();

  const checklist = page.getByRole('dialog', { name: `${windowNumber}号窗口 · 社保综合窗口 · 开窗准备（五个到位）` });
  await see(checklist);
  const signIn = checklist.getByRole('button', { name: '签到开窗' });
  // Every item must be ticked before signing in.
  await see(checklist.getByText(/还有 \d+ 项未确认/));
  expect(await signIn.isDisabled()).toBe(true);
  if (tick === 'each') {
    const items = checklist.getByTestId('checklist').locator('.ck-checklist-item');
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) await item.click();
  } else {
    await checklist.getByText('以上各项均已到位').click();
  }
  await seeNo(checklist.getByText(/还有 \d+ 项未确认/));
  await signIn.click();

  await seeNo(checklist);
  await seeText(page.getByTestId('desk-window'), `${windowNumber}号窗口`);
  await seeText(page.getByTestId('window-state'), '空闲 · 可叫号');
  await seeText(page.getByTestId('session-info'), staff.name);
  // The hall opened more than 10 minutes ago, so the sign-in is recorded as late, politely.
  const late = page.getByTestId('late-sign-in');
  await seeText(late, '本次签到已记录为迟到');
  await late.getByRole('button', { name: /close|关闭/i }).click();
  await seeNo(late);
}

/** The citizen at the kiosk takes a ticket for 社保卡补办, optionally on the priority path. */
async function takeTicket(priority: '老年人' | null): Promise<IssuedTicket> {
  await see(kiosk.getByRole('heading', { name: '请选择您要办理的事项' }));
  if (priority) {
    await kiosk.getByRole('button', { name: /优先办理/ }).click();
    const picker = kiosk.getByRole('dialog', { name: '请选择优先办理的类别' });
    await see(picker);
    await picker.getByRole('button', { name: new RegExp(`^${priority}`) }).click();
    await seeNo(picker);
    await see(kiosk.getByText(`优先办理：${priority}`));
  }
  await kiosk.getByRole('button', { name: new RegExp(SERVICE) }).click();
  await see(kiosk.getByRole('heading', { name: '确认取号' }));
  const printedBefore = await printed(kiosk);
  const response = kiosk.waitForResponse(
    (r: Response) => r.request().method() === 'POST' && /\/api\/v1\/halls\/[^/]+\/tickets$/.test(new URL(r.url()).pathname),
  );
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  const res = await response;
  expect(res.status()).toBe(201);
  const ticket = (await res.json()) as IssuedTicket;

  // The ticket is shown big, with its service, and the slip is printed.
  await seeText(kiosk.getByTestId('ticket-number'), ticket.number);
  await see(kiosk.getByText('您的号码', { exact: true }));
  await see(kiosk.locator('.ck-kiosk-ticket').getByText(SERVICE, { exact: true }));
  await see(kiosk.getByText('凭条正在打印，请取走凭条'));
  if (priority) await see(kiosk.getByText(`优先号 · ${priority}`));
  await expect.poll(() => printed(kiosk)).toBe(printedBefore + 1);
  return ticket;
}

/** The board's latest call reads `number → N号窗口`. */
async function boardShowsLatest(number: string, windowNumber: number): Promise<void> {
  await seeText(board.getByTestId('latest-number'), number);
  await expect.poll(() => board.getByTestId('latest-call').innerText()).toMatch(new RegExp(`${number}\\s*→\\s*${windowNumber}号窗口`));
}

beforeAll(async () => {
  // Whatever the time of the run, the demo hall is open now (today's hours, Asia/Shanghai).
  const admin = await suite.api(suite.server.admin);
  await openHallNow(admin, await findHall(admin, DEMO_HALL));
});

describe('a day in the demo hall', () => {
  test('the board is switched on, with voice, and two staff open windows 1 and 2', async () => {
    const display = suite.server.demoDevices.find((d) => d.kind === 'display');
    expect(display, 'the demo display token was printed').toBeDefined();
    board = await newPage(FULL_HD);
    await board.goto(`/board?token=${display!.token}`);
    // The token leaves the address bar.
    await seePath(board, '/board');
    await expect.poll(() => new URL(board.url()).search).toBe('');
    // Once the board is up, the one-time tap that lets it speak. (Tapped while the board was still
    // loading, the button is replaced under the finger and the tap can be lost.)
    await see(board.getByTestId('board'));
    await board.getByRole('button', { name: '点击启用语音播报' }).click();
    await seeNo(board.getByRole('button', { name: '点击启用语音播报' }));
    await seeText(board.getByTestId('latest-call'), '当前叫号', '暂无叫号');
    await seeText(board.getByTestId('window-1'), '1号窗口', '未开放');
    await seeText(board.getByTestId('window-2'), '2号窗口', '未开放');

    console1 = await newPage();
    await signInToWindow(console1, 'staff1', 1, 'each');
    console2 = await newPage();
    await signInToWindow(console2, 'staff2', 2, 'all');

    // The board shows who staffs each window, without a reload.
    await seeText(board.getByTestId('window-1'), '空闲', suite.account('staff1').name, '工号 1001');
    await seeText(board.getByTestId('window-2'), '空闲', suite.account('staff2').name, '工号 1002');
  });

  test('the kiosk issues three tickets for 社保卡补办, one on the priority path, and prints each', async () => {
    kiosk = await newPage(FULL_HD);
    const device = suite.server.demoDevices.find((d) => d.kind === 'kiosk');
    expect(device, 'the demo kiosk token was printed').toBeDefined();
    await kiosk.goto(`/kiosk?token=${device!.token}`);
    await seePath(kiosk, '/kiosk');

    const first = await takeTicket(null);
    await kiosk.getByRole('button', { name: '完成' }).click();
    const second = await takeTicket(null);
    await kiosk.getByRole('button', { name: '完成' }).click();
    priorityTicket = await takeTicket('老年人');
    issued.push(first, second, priorityTicket);

    expect(issued.map((t) => t.number)).toEqual(['A001', 'A002', 'A003']);
    expect(new Set(issued.map((t) => t.status))).toEqual(new Set(['waiting']));
    // The priority ticket goes to the front of its service: nobody is ahead of it.
    await see(kiosk.getByText('前面没有人等候，请留意叫号'));
    await saveScreenshot(kiosk, 'kiosk');

    // The board counts who waits.
    await seeText(board.getByTestId('waiting-A'), SERVICE, '3');
  });

  test('the citizen follows the priority ticket on the tracking page from the slip', async () => {
    expect(priorityTicket.trackUrl).toMatch(new RegExp(`^/t/${priorityTicket.id}\\?token=`));
    track = await newPage(PHONE);
    await track.goto(priorityTicket.trackUrl);
    await seeText(track.locator('.ck-track-hero'), '您的号码', priorityTicket.number, SERVICE, '等候中');
    await seeText(track.locator('.ck-track-card'), '前面等候', '0 人', DEMO_HALL);
  });

  test('console 1 calls next: the priority ticket, greeted, shown on the board and spoken twice', async () => {
    await console1.getByRole('button', { name: /叫号/ }).first().click();

    firstCalled = (await console1.getByTestId('ticket-number').innerText()).trim();
    expect(firstCalled).toBe(priorityTicket.number); // priority first
    await seeText(console1.getByTestId('ticket-card'), '已叫号，等候到窗', '优先 · 老年人', `A · ${SERVICE}`);
    await seeText(console1.getByTestId('civil-phrase'), GREETING);
    await seeText(console1.getByTestId('window-state'), '叫号中');

    await boardShowsLatest(firstCalled, 1);
    await seeText(board.getByTestId('window-1'), '正在叫号', firstCalled);

    // The tracking page, refreshed, sends the citizen to window 1.
    await track.getByRole('button', { name: /刷新/ }).click();
    await seeText(track.locator('.ck-track-hero'), '轮到您了！', firstCalled, '请到 1 号窗口办理');
    await seeText(track.locator('.ck-track-card'), '办理窗口', '1 号窗口');
    await saveScreenshot(track, 'track');

    // Chime, then the call read out twice in Mandarin, and nothing else.
    await expect.poll(() => said(board), { timeout: 15_000 }).toEqual(sayTwice(firstCalled, 1));
    await saveScreenshot(console1, 'console');
  });

  test('console 2 calls next: the board shows it for window 2 and speaks it; a recall at window 1 is spoken again', async () => {
    await console2.getByRole('button', { name: /叫号/ }).first().click();
    await see(console2.getByTestId('ticket-number'));
    secondCalled = (await console2.getByTestId('ticket-number').innerText()).trim();
    expect(secondCalled).toBe(issued[0]!.number); // then first come, first served
    await seeText(console2.getByTestId('civil-phrase'), GREETING);

    await boardShowsLatest(secondCalled, 2);
    await seeText(board.getByTestId('window-2'), '正在叫号', secondCalled);
    await seeText(board.getByTestId('recent-calls'), `${firstCalled}`, '1号窗口');

    // The citizen called to window 1 has not come up: recall. The board shows it again, marked 重呼.
    await console1.getByRole('button', { name: /重呼/ }).click();
    await seeText(console1.getByTestId('ticket-recalls'), '已叫号 2 次');
    await boardShowsLatest(firstCalled, 1);
    await seeText(board.getByTestId('latest-call'), '重呼');
    await seeText(board.getByTestId('recent-calls'), secondCalled, '2号窗口');

    // Each call is read out twice, in order; the recall is not swallowed.
    await expect
      .poll(() => said(board), { timeout: 20_000 })
      .toEqual([...sayTwice(firstCalled, 1), ...sayTwice(secondCalled, 2), ...sayTwice(firstCalled, 1)]);
  });

  test('console 1 starts and completes (办结): the farewell phrase shows', async () => {
    await console1.getByRole('button', { name: /开始办理/ }).click();
    await seeText(console1.getByTestId('window-state'), '办理中');
    await seeText(console1.getByTestId('civil-phrase'), '请您出示相关证件。');
    await seeText(board.getByTestId('window-1'), '正在办理', firstCalled);

    await console1.getByRole('button', { name: /办结/ }).click();
    const dialog = console1.getByRole('dialog', { name: `办结 ${firstCalled}` });
    await see(dialog);
    await dialog.getByRole('radio', { name: /^办结/ }).check();
    await dialog.getByRole('button', { name: '办结' }).click();
    await seeNo(dialog);

    await seeText(console1.getByTestId('civil-phrase'), FAREWELL);
    await seeText(console1.getByTestId('ticket-empty'), `${firstCalled} 已办结`);
    await seeText(console1.getByTestId('window-state'), '空闲 · 可叫号');
    await seeText(board.getByTestId('window-1'), '空闲');

    await track.getByRole('button', { name: /刷新/ }).click();
    await seeText(track.locator('.ck-track-hero'), firstCalled, '已办结');
  });

  test('console 2 pauses window 2 (设备故障): the board shows 暂停服务 and the reason at once', async () => {
    await console2.getByRole('button', { name: /开始办理/ }).click();
    await seeText(console2.getByTestId('window-state'), '办理中');

    await console2.getByRole('button', { name: /暂停/ }).click();
    const dialog = console2.getByRole('dialog', { name: '暂停服务' });
    await see(dialog);
    await see(dialog.getByText('请先对群众说：“对不起，请您稍等！”'));
    await dialog.getByText('设备故障', { exact: true }).click();
    await see(dialog.getByText('将记录故障并报告，叫号屏同步显示“暂停服务”。'));
    await dialog.getByRole('button', { name: '暂停', exact: true }).click();
    await seeNo(dialog);
    await seeText(console2.getByTestId('window-state'), '暂停服务');
    await seeText(console2.getByTestId('pause-info'), '设备故障');

    // No reload: the board learns it from the hall's events.
    await seeText(board.getByTestId('window-2'), '暂停服务', '设备故障', '请到1号窗口办理');
    await seeText(board.getByTestId('window-1'), '空闲');
    await saveScreenshot(board, 'board');
  });

  test('console 1 may not close window 1 while a 社保卡补办 ticket waits and window 2 is paused (准时满点)', async () => {
    const waiting = issued.find((t) => t.number !== firstCalled && t.number !== secondCalled)!;
    await seeText(console1.getByTestId('waiting-A'), '1');

    const closeResponse = console1.waitForResponse((r: Response) => r.request().method() === 'POST' && r.url().endsWith('/close'));
    await console1.getByRole('button', { name: /关闭窗口/ }).click();
    const dialog = console1.getByRole('dialog', { name: '关闭1号窗口' });
    await see(dialog.getByText('确定要关闭1号窗口并签退吗？'));
    await dialog.getByRole('button', { name: '关闭窗口' }).click();

    const res = await closeResponse;
    expect(res.status(), `closing window 1 with ${waiting.number} waiting`).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tickets_waiting');
    // Refused, in words: who waits, and why the window stays open.
    await seeText(dialog.getByTestId('close-waiting'), '准时满点', '暂不能关闭本窗口', SERVICE, '等候 1 人', '如确需关闭，请联系大厅负责人。');
    await dialog.getByRole('button', { name: '取消' }).click();
    await seeNo(dialog);

    await seeText(console1.getByTestId('desk-window'), '1号窗口');
    await seeText(console1.getByTestId('window-state'), '空闲 · 可叫号');
    await seeText(board.getByTestId('window-1'), '空闲', suite.account('staff1').name);
  });
});
