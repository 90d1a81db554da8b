// A case in the demo hall, in real Chromium against a real server: a staff member at window 1
// takes in a 医保报销 case (a promised service, 10 working days) for the ticket at the counter,
// ticks what the applicant brought, issues the one-time notice and prints it (R-11: it lists
// exactly what is missing), the applicant follows the case on the phone; the applicant comes back
// with the rest, the staff member finds the same case, completes the checklist and accepts it:
// the console and the phone show the deadline from the hall's working-day calendar.
//
// The hall's clock is the real one: the hall is opened for "now" with an hours exception, as in
// hall-day.test.ts, and the expected deadline is computed from the hall's calendar for today.
import type { Frame, Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { caseDeadline, extendedDeadline } from '../src/core/cases/deadline.js';
import { buildHallCalendar, type HallCalendarYear } from '../src/core/calendar/working-days.js';
import { findHall, type HallSummary, openHallNow, wallClock } from '../test/browser/hall.js';
import type { ApiClient } from '../test/browser/server.js';
import { installSpeechAndPrintStubs } from '../test/browser/stubs.js';
import { browserSuite } from '../test/browser/suite.js';
import { see, seeNo, seePath, seeText, signInToConsole } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const SERVICE = '医保报销';
const PHONE = { width: 390, height: 844 };
const APPLICANT = { name: '陈美华', idNumber: '11010519491231002X', phone: '13812345678' };
const DEFECT = '未加盖医院收费专用章';

// The demo guide of 医保报销: four required materials, 出院小结 only for inpatient costs.
const ID_CARD = '居民身份证或社会保障卡';
const RECEIPTS = '医疗费用收据';
const ITEMISED = '费用明细清单';
const DISCHARGE = '出院小结';
const BANK = '本人银行账户信息';

interface ServiceRow {
  id: string;
  name: string;
  kind: 'immediate' | 'promised';
  promisedDays: number | null;
  materials: { id: string; name: string; required: boolean; condition: string | null }[];
}

interface IssuedTicket {
  id: string;
  number: string;
}

// One case in order: the pages stay open from step to step, and a failed step skips the rest.
const suite = browserSuite('case-day', { keepPages: true, skipAfterFailure: true });
let hall: HallSummary;
let staffApi: ApiClient;
let service: ServiceRow;
let console1: Page;
let phone: Page;
let caseId: string;
let caseNumber: string;
let trackUrl: string;
let deadline: string;
let manager: Page;

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await suite.newContext(viewport ? { viewport } : {});
  await installSpeechAndPrintStubs(context);
  return context.newPage();
}

/** staff1 signs in and opens window 1 with the opening checklist (as in hall-day.test.ts). */
async function signInToWindow(page: Page, username: string, windowNumber: number): Promise<void> {
  await signInToConsole(page, suite.account(username));
  const card = page.getByTestId(`window-card-${windowNumber}`);
  await card.getByRole('button', { name: '签到开窗' }).click();
  const checklist = page.getByRole('dialog', { name: /开窗准备/ });
  await checklist.getByText('以上各项均已到位').click();
  await checklist.getByRole('button', { name: '签到开窗' }).click();
  await seeNo(checklist);
  await seeText(page.getByTestId('desk-window'), `${windowNumber}号窗口`);
  const late = page.getByTestId('late-sign-in');
  if (await late.isVisible().catch(() => false)) await late.getByRole('button', { name: /close|关闭/i }).click();
}

/** A ticket for 医保报销 (the kiosk's request, made through the staff member's own session). */
function takeTicket(): Promise<IssuedTicket> {
  return staffApi.post<IssuedTicket>(`/halls/${hall.id}/tickets`, { serviceId: service.id });
}

/** The console calls the next number and starts serving it. */
async function callAndStart(number: string): Promise<void> {
  await console1.getByRole('button', { name: /叫号/ }).first().click();
  await seeText(console1.getByTestId('ticket-number'), number);
  await console1.getByRole('button', { name: /开始办理/ }).click();
  await seeText(console1.getByTestId('window-state'), '办理中');
}

function material(name: string) {
  const m = service.materials.find((x) => x.name === name);
  if (!m) throw new Error(`${SERVICE} has no material ${name} (has: ${service.materials.map((x) => x.name).join('、')})`);
  return console1.getByTestId(`material-${m.id}`);
}

async function tick(name: string): Promise<void> {
  await material(name).getByRole('checkbox', { name }).check();
}

async function hallCalendar() {
  const { years } = await staffApi.get<{ years: HallCalendarYear[] }>(`/halls/${hall.id}/calendar`);
  return buildHallCalendar(years);
}

/** The deadline a case accepted today gets: promisedDays working days on the hall's calendar. */
async function expectedDeadline(): Promise<string> {
  const today = wallClock(new Date(), hall.timezone).date;
  return caseDeadline(await hallCalendar(), today, 'promised', service.promisedDays);
}

/** The printed page inside the print preview, once it has loaded. */
async function printedFrame(page: Page): Promise<Frame> {
  const preview = page.getByTestId('print-preview');
  await see(preview);
  const handle = await preview.getByTestId('print-frame').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the print preview has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

beforeAll(async () => {
  const admin = await suite.api(suite.server.admin);
  hall = await findHall(admin, DEMO_HALL);
  await openHallNow(admin, hall);
  staffApi = await suite.api(suite.account('staff1'));
  const { items } = await staffApi.get<{ items: ServiceRow[] }>(`/halls/${hall.id}/services`);
  service = items.find((s) => s.name === SERVICE)!;
  expect(service, `the demo hall offers ${SERVICE}`).toBeDefined();
  expect(service.kind).toBe('promised');
});

describe('a 医保报销 case from intake to acceptance', () => {
  test('staff1 opens window 1, serves a 医保报销 ticket and takes in a case for it with F6', async () => {
    console1 = await newPage();
    await signInToWindow(console1, 'staff1', 1);
    const ticket = await takeTicket();
    await callAndStart(ticket.number);

    await console1.keyboard.press('F6');
    const editor = console1.getByTestId('case-editor');
    await see(editor);
    await seeText(console1.getByTestId('case-service'), SERVICE);
    await seeText(editor, `号码 ${ticket.number}`, '承诺件 · 10 个工作日');
    // The service's whole checklist, with amounts and conditions.
    for (const m of service.materials) await see(console1.getByTestId(`material-${m.id}`));
    await seeText(material(DISCHARGE), '适用情形：住院费用报销的');
    // Before anything is handed in, every required material is missing.
    const required = service.materials.filter((m) => m.required).length;
    await seeText(console1.getByTestId('case-summary'), `还缺 ${required} 项`);
  });

  test('R-11 the staff member ticks half the materials, marks one defective, and the summary says what is missing', async () => {
    // The name is typed first; the ID number is checked as it is typed.
    await console1.getByTestId('applicant-name').fill(APPLICANT.name);
    await console1.getByTestId('applicant-id').fill('110105194912310021');
    await console1.getByTestId('applicant-phone').click();
    await see(console1.getByText('号码校验未通过，请逐位核对'));
    await console1.getByTestId('applicant-id').fill(APPLICANT.idNumber);
    await console1.getByTestId('applicant-phone').fill(APPLICANT.phone);
    await seeNo(console1.getByText('号码校验未通过，请逐位核对'));

    // An inpatient claim: 出院小结 applies.
    await material(DISCHARGE).getByRole('switch').click();
    await tick(ID_CARD);
    await tick(RECEIPTS);
    await tick(ITEMISED);
    await material(ITEMISED).getByRole('button', { name: '标记问题' }).click();
    await material(ITEMISED).getByPlaceholder(/请注明问题/).fill(DEFECT);

    const summary = console1.getByTestId('case-summary');
    await seeText(summary, '还缺 3 项', ITEMISED, DISCHARGE, BANK);
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual([ITEMISED, DISCHARGE, BANK]);
    await console1.getByTestId('case-panel').scrollIntoViewIfNeeded();
    await console1.screenshot({ path: '/tmp/case-console.png', fullPage: true });
  });

  test('R-11 the one-time notice is issued and printed: it lists exactly the three missing materials', async () => {
    const created = console1.waitForResponse((r: Response) => r.request().method() === 'POST' && /\/api\/v1\/halls\/[^/]+\/cases$/.test(new URL(r.url()).pathname));
    await console1.getByTestId('case-notice').click();
    const dialog = console1.getByRole('dialog', { name: '出具一次性告知书' });
    await see(dialog);
    await seeText(dialog.getByTestId('notice-missing'), ITEMISED, DEFECT, DISCHARGE, BANK);
    await expect.poll(() => dialog.getByTestId('notice-next-steps').inputValue()).toContain('1号窗口');
    await dialog.getByRole('button', { name: '出具并打印' }).click();

    const res = await created;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { id: string; number: string; trackToken?: string; trackUrl: string };
    caseId = body.id;
    caseNumber = body.number;
    trackUrl = body.trackToken ? `/c/${body.id}?token=${body.trackToken}` : body.trackUrl;
    expect(trackUrl).toContain('token=');

    await seeNo(dialog);
    await seeText(console1.getByTestId('notice-issued'), '一次性告知书', '共告知 3 项材料');
    const frame = await printedFrame(console1);
    await frame.locator('table.materials').waitFor();
    const names = await frame.locator('table.materials tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual([ITEMISED, DISCHARGE, BANK]);
    const page = await frame.locator('body').innerText();
    expect(page).toContain(APPLICANT.name);
    expect(page).toContain(DEFECT);
    expect(page).toContain(caseNumber);
    // Sent to the printer once it loaded.
    await expect.poll(() => frame.evaluate(() => window.__printed)).toBe(1);
    // The QR code to the case page is shown beside the preview, to scan on the spot.
    await see(console1.getByTestId('print-preview').getByTestId('track-link'));
    await console1.screenshot({ path: '/tmp/case-notice-preview.png' });

    // The printed notice as paper: the same page on its own, A4-sized.
    const paper = await newPage({ width: 900, height: 1270 });
    await paper.context().addCookies(await console1.context().cookies());
    const url = await console1.getByTestId('print-frame').getAttribute('src');
    await paper.goto(url!);
    await paper.screenshot({ path: '/tmp/case-notice.png', fullPage: true });
    await paper.close();

    await console1.getByTestId('print-close').click();
    await seeNo(console1.getByTestId('print-preview'));
    await seeText(console1.getByTestId('case-title'), `办件 ${caseNumber}`);
    await seeText(console1.getByTestId('case-editor').getByTestId('case-status'), '待补正');
  });

  test('the applicant follows the case on the phone: still to bring, with counts and form', async () => {
    phone = await newPage(PHONE);
    await phone.goto(trackUrl);
    await seeText(phone.getByTestId('case-track-number'), caseNumber);
    await seeText(phone.getByTestId('case-track-status'), '待补正材料');
    const missing = phone.getByTestId('case-track-missing');
    await seeText(missing, '还需补正 3 项材料', ITEMISED, DEFECT, DISCHARGE, '复印件 1 份', BANK);
    await seeText(phone.getByTestId('case-track'), '0571-12345');
    await phone.screenshot({ path: '/tmp/case-track-supplement.png', fullPage: true });
  });

  test('the ticket is finished as 出具一次性告知书 and the panel is put away', async () => {
    await console1.getByTestId('action-complete').click();
    const dialog = console1.getByRole('dialog', { name: /^办结 C/ });
    await dialog.getByRole('radio', { name: /^出具一次性告知书/ }).check();
    await dialog.getByRole('button', { name: '办结' }).click();
    await seeNo(dialog);
    await console1.getByTestId('case-close').click();
    await see(console1.getByTestId('case-start'));
  });

  test('the applicant returns: F7 finds the same case among the 待补正 cases and by name', async () => {
    const ticket = await takeTicket();
    await callAndStart(ticket.number);

    await console1.keyboard.press('F7');
    const results = console1.getByTestId('case-find-results');
    await seeText(results, caseNumber, APPLICANT.name, '待补正', '缺 3 项');
    await console1.screenshot({ path: '/tmp/case-find.png' });
    // Typed into the search box (focused by F7): the applicant's name finds it too.
    await console1.keyboard.type(APPLICANT.name);
    await console1.keyboard.press('Enter');
    await seeText(console1.getByText(`“${APPLICANT.name}”的查找结果`), '1 件');
    await results.getByTestId(`case-row-${caseNumber}`).click();

    await seeText(console1.getByTestId('case-title'), `办件 ${caseNumber}`);
    await expect.poll(() => console1.getByTestId('applicant-name').inputValue()).toBe(APPLICANT.name);
    await seeText(console1.getByTestId('case-summary'), '还缺 3 项');
    // The defect recorded at the first visit is still there, with its reason.
    await expect.poll(() => material(ITEMISED).getByPlaceholder(/请注明问题/).inputValue()).toBe(DEFECT);
  });

  test('R-14 with the rest handed in the case is accepted, and the console shows the working-day deadline', async () => {
    await material(ITEMISED).getByRole('button', { name: '撤销' }).click();
    await tick(DISCHARGE);
    await tick(BANK);
    await seeText(console1.getByTestId('case-summary'), '材料齐全');

    const expected = await expectedDeadline();
    await console1.getByTestId('case-accept').click();
    const dialog = console1.getByRole('dialog', { name: '受理', exact: true });
    await seeText(dialog, '自受理之日起 10 个工作日内办结');
    await dialog.getByRole('button', { name: '确认受理' }).click();
    await seeNo(dialog);

    await seeText(console1.getByTestId('accept-done'), caseNumber, expected);
    const frame = await printedFrame(console1);
    await expect.poll(() => frame.locator('body').innerText()).toContain(caseNumber);
    await console1.getByTestId('print-close').click();

    await seeText(console1.getByTestId('case-editor').getByTestId('case-status'), '已受理');
    await expect.poll(() => console1.getByTestId('case-deadline-value').innerText()).toBe(expected);
    deadline = expected;
    await seeText(console1.getByTestId('case-deadline'), '还剩');
    await console1.screenshot({ path: '/tmp/case-accepted.png', fullPage: true });

    // 我的办件 lists it with its deadline.
    await console1.getByTestId('case-tab-mine').click();
    await seeText(console1.getByTestId('my-cases').getByTestId(`case-row-${caseNumber}`), SERVICE, '已受理', expected);
  });

  test('the phone shows the accepted case with its deadline', async () => {
    await phone.getByRole('button', { name: /刷新/ }).click();
    await seeText(phone.getByTestId('case-track-status'), '已受理');
    await seeText(phone.getByTestId('case-track-deadline'), await expectedDeadline());
    await seeNo(phone.getByTestId('case-track-missing'));
    await phone.screenshot({ path: '/tmp/case-track-accepted.png', fullPage: true });
  });

  test('the manager sees the case under 办件 and the 办件监察 block on the overview (nothing yellow or red yet)', async () => {
    manager = await newPage();
    await manager.goto('/login');
    await manager.getByLabel('用户名', { exact: true }).fill(suite.server.manager.username);
    await manager.getByLabel('密码', { exact: true }).fill(suite.server.manager.password);
    await manager.getByRole('button', { name: '登录' }).click();
    await seePath(manager, '/admin');
    const watch = manager.getByTestId('sv-cases');
    await seeText(watch, '办件监察', '超期（红灯）', '预警（黄灯）', '目前没有预警或超期的办件。');
    await expect.poll(() => manager.getByTestId('sv-cases-red').innerText()).toMatch(/0$/);

    await manager.screenshot({ path: '/tmp/case-supervisor.png', fullPage: true });
    await manager.getByTestId('nav-cases').click();
    await seePath(manager, '/admin/cases');
    await seeText(manager.getByTestId('admin-cases').getByTestId(`case-row-${caseNumber}`), SERVICE, APPLICANT.name, '已受理', deadline, suite.account('staff1').name);
  });

  test('an extension asked for at the window is approved by the manager, and the console shows the new deadline at once', async () => {
    await console1.getByTestId('case-tab-current').click();
    await console1.getByTestId('case-extension').click();
    const dialog = console1.getByRole('dialog', { name: '申请延期' });
    await dialog.getByRole('spinbutton').fill('3');
    await dialog.getByTestId('extension-reason').fill('需征求市医保中心意见');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await seeNo(dialog);
    await seeText(console1.getByTestId('case-extension'), '延期审批中');

    // The request reaches the manager's page live.
    const requests = manager.getByTestId('extension-requests');
    await seeText(requests, caseNumber, '3 个工作日', '需征求市医保中心意见');
    await manager.getByTestId(`approve-${caseNumber}`).click();
    const decide = manager.getByRole('dialog', { name: `批准延期：${caseNumber}` });
    await decide.getByRole('button', { name: '批准' }).click();
    await seeNo(decide);

    const extended = extendedDeadline(await hallCalendar(), deadline, 3);
    // Decided, it leaves the waiting list and is found under 已处理 with the deadline it moved to.
    await seeText(requests, '目前没有待审批的延期申请。');
    await manager.getByTestId('extension-view').getByText('已处理').click();
    await seeText(manager.getByTestId('extension-decisions'), caseNumber, '已批准', `${deadline} → ${extended}`, suite.server.manager.name);
    await expect.poll(() => console1.getByTestId('case-deadline-value').innerText(), { timeout: 15_000 }).toBe(extended);
    await seeText(console1.getByTestId('case-deadline'), `原时限 ${deadline}`);
    await seeText(manager.getByTestId('admin-cases').getByTestId(`case-row-${caseNumber}`), extended);
    await manager.screenshot({ path: '/tmp/case-admin.png', fullPage: true });

    // The case opens read-only for the manager, with the notice that was issued.
    await manager.getByTestId('admin-cases').getByTestId(`case-row-${caseNumber}`).click();
    const drawer = manager.getByRole('dialog').filter({ hasText: `办件 ${caseNumber}` });
    await seeText(drawer, APPLICANT.name, '一告〔', '缺 3 项', '已批准', '需征求市医保中心意见');
    await expect.poll(() => drawer.getByRole('checkbox').count()).toBe(0);
  });
});
