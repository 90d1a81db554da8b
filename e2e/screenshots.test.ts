// The README screenshots (docs/screenshots/*.png: 1440×900, the report in full HD, the printed
// notice A4-shaped), taken from a real server with the demo hall and its past month of casework.
// Each test first checks that the page shows what the picture is meant to show.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { saveScreenshot } from '../test/browser/browser.js';
import { findHall, openHallNow, wallClock, type HallSummary } from '../test/browser/hall.js';
import { installSpeechAndPrintStubs } from '../test/browser/stubs.js';
import { browserSuite } from '../test/browser/suite.js';
import { heading, row, see, seeNo, seePath, seeText, signIn, signInToConsole } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
/** A4 at 96 dpi (794 px) with a grey margin either side, as the print preview shows it. */
const PAPER = { width: 900, height: 1180 };
const FULL_HD = { width: 1920, height: 1080 };

// One page for every admin picture, kept across the tests. The demo's past month fills the
// report and the console's case lists as a hall manager would see them after a few weeks.
const suite = browserSuite('screenshots', { keepPages: true, serverEnv: { DEMO_HISTORY: '1' } });
let page: Page;
let hall: HallSummary;

beforeAll(async () => {
  page = await (await suite.newContext()).newPage();
  hall = await findHall(await suite.api(suite.server.admin), DEMO_HALL);
});

/** A page of its own (a citizen's browser, a window's console), with speech and printing stubbed. */
async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await suite.newContext(viewport ? { viewport } : {});
  await installSpeechAndPrintStubs(context);
  return context.newPage();
}

/**
 * Types a period into the report's date range, as a manager would. The picker can take an Enter
 * before it has read the typed date and keep the old one, so the typing is checked and repeated.
 */
async function choosePeriod(at: Page, from: string, to: string): Promise<void> {
  const range = at.getByTestId('report-range').locator('input');
  for (let attempt = 1; ; attempt++) {
    for (const [input, day] of [[range.first(), from], [range.last(), to]] as const) {
      await input.click();
      await input.press('ControlOrMeta+A');
      await input.pressSequentially(day, { delay: 20 });
      await input.press('Enter');
    }
    await at.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    try {
      await expect.poll(async () => [await range.first().inputValue(), await range.last().inputValue()], { timeout: 2_000 }).toEqual([from, to]);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

interface ServiceRow {
  id: string;
  name: string;
  code: string;
  materials: { id: string; name: string; required: boolean }[];
}

/** Opens an admin page by its address (a full load, so each picture starts from a clean page). */
async function open(path: string, title: string): Promise<void> {
  await page.goto(path);
  await see(heading(page, title));
}

describe('README screenshots', () => {
  test('login.png', async () => {
    await page.goto('/login');
    await see(page.getByText('您好，欢迎登录'));
    await see(page.getByRole('button', { name: '登录' }));
    await saveScreenshot(page, 'login');
    await signIn(page, suite.server.admin.username, suite.server.admin.password);
    await seePath(page, '/admin');
  });

  test('admin-overview.png', async () => {
    await open('/admin', DEMO_HALL);
    await seeText(page.getByTestId('count-services'), '5');
    await seeText(page.getByTestId('count-windows'), '6');
    await seeText(page.getByTestId('count-users'), '6');
    await seeText(page.getByTestId('count-devices'), '3');
    await see(page.getByText('示范市人民路 100 号 市民中心一楼'));
    await saveScreenshot(page, 'admin-overview');
  });

  test('services.png: the list with the drawer of a service and its materials', async () => {
    await open('/admin/services', '服务事项');
    await see(row(page, '营业执照办理'));
    await row(page, '不动产登记').getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog', { name: '编辑服务事项' });
    await see(drawer);
    await expect.poll(() => drawer.getByLabel('事项名称').inputValue()).toBe('不动产登记');
    await expect.poll(() => drawer.getByPlaceholder('材料名称').count()).toBe(6);
    await saveScreenshot(page, 'services');
    await drawer.getByRole('button', { name: '取消' }).click();
    await seeNo(drawer);
  });

  test('windows.png', async () => {
    await open('/admin/windows', '窗口管理');
    await seeText(row(page, '6 号窗口'), '综合受理窗口', 'E · 营业执照办理');
    await saveScreenshot(page, 'windows');
  });

  test('calendar.png: the 2026 year with the official holidays', async () => {
    await open('/admin/calendar', '工作日历');
    await see(page.getByRole('combobox', { name: '年份' }));
    await expect.poll(() => page.getByTestId('calendar-year').innerText()).toContain('2026');
    // 国庆节 and 春节 come from the State Council notice seeded with the hall.
    await see(page.getByTitle('2026-10-01 · 节假日（休息）'));
    await see(page.getByTitle('2026-02-17 · 节假日（休息）'));
    await see(page.getByTitle('2026-02-28 · 调休上班'));
    await seeText(page.getByTestId('calendar-summary'), '节假日');
    await saveScreenshot(page, 'calendar');
  });

  test('devices-token.png: the one-time token of a new device', async () => {
    await open('/admin/devices', '设备管理');
    await see(row(page, '大厅叫号屏'));
    await page.getByRole('button', { name: '新增设备' }).click();
    const form = page.getByRole('dialog', { name: '新增设备' });
    await form.getByText('评价器', { exact: true }).click();
    await form.getByLabel('设备名称').fill('3号窗口评价器');
    await form.getByRole('button', { name: '保存' }).click();
    const modal = page.getByRole('dialog', { name: '设备接入令牌' });
    await see(modal);
    await see(modal.getByText('请在设备“3号窗口评价器”上填写以下令牌以完成接入：'));
    await expect.poll(async () => (await modal.getByTestId('device-token').innerText()).trim().length).toBeGreaterThan(20);
    await see(row(page, '3号窗口评价器'));
    await saveScreenshot(page, 'devices-token');
    await modal.getByRole('button', { name: '我已妥善保存' }).click();
    await seeNo(modal);
  });

  test('english.png: the services page in English', async () => {
    await open('/admin/services', '服务事项');
    await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await see(heading(page, 'Services'));
    await see(page.getByRole('link', { name: 'Windows', exact: true }));
    await seeText(row(page, 'BDC-002'), 'Promised');
    await saveScreenshot(page, 'english');
    // Leave the browser as it was found.
    await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
    await see(heading(page, '服务事项'));
  });

  test('guide.png: the public service guide of 不动产登记', async () => {
    const citizen = await newPage();
    await citizen.goto('/guide');
    await seePath(citizen, `/guide/${hall.id}`);
    await citizen.getByTestId('guide-list').getByRole('link', { name: /不动产登记/ }).click();
    const item = citizen.getByTestId('guide-item');
    await see(heading(citizen, '不动产登记'));
    await seeText(item, '承诺件 5 个工作日', '行政确认');
    await expect.poll(() => item.getByTestId('guide-material').count()).toBe(6);
    await saveScreenshot(citizen, 'guide');
  });

  test('reports.png: the manager’s case report over the demo’s past month, on a full-HD screen', async () => {
    // Full HD, as on the manager's desk: the six figures in one row and the daily chart below them.
    const manager = await newPage(FULL_HD);
    await signIn(manager, suite.server.manager.username, suite.server.manager.password);
    await seePath(manager, '/admin');
    await manager.getByTestId('nav-reports').click();
    await see(heading(manager, '办件统计'));
    // The month so far can be a day or two: five weeks back show the demo's whole month.
    const today = wallClock(new Date(), hall.timezone).date;
    const start = new Date(`${today}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 34);
    const from = start.toISOString().slice(0, 10);
    await choosePeriod(manager, from, today);
    await seeText(manager.getByTestId('report-breaches'), '二次告知违规', '1');
    await seeText(manager.getByTestId('report-refusals'), '不予受理', '1');
    await seeText(manager.getByTestId('report-on-time'), '按时 3 件 · 超期 1 件');
    await seeText(manager.getByTestId('report-yellow-now'), '1');
    await seeText(manager.getByTestId('report-red-now'), '1');
    await seeText(row(manager, '不动产登记'), 'BDC-002');
    await see(manager.getByTestId('reports-chart').locator('canvas'));
    await saveScreenshot(manager, 'reports');
  });

  let console1: Page;
  let noticeUrl: string;

  test('case-intake.png: the console’s case panel, a 医保报销 intake with what is still missing', async () => {
    const admin = await suite.api(suite.server.admin);
    await openHallNow(admin, hall);
    const staff = suite.account('staff1');
    const staffApi = await suite.api(staff);
    const { items } = await staffApi.get<{ items: ServiceRow[] }>(`/halls/${hall.id}/services`);
    const service = items.find((s) => s.name === '医保报销')!;
    const material = (name: string) => console1.getByTestId(`material-${service.materials.find((m) => m.name === name)!.id}`);

    console1 = await newPage();
    await signInToConsole(console1, staff);
    const card = console1.getByTestId('window-card-1');
    await card.getByRole('button', { name: '签到开窗' }).click();
    const checklist = console1.getByRole('dialog', { name: /开窗准备/ });
    await checklist.getByText('以上各项均已到位').click();
    await checklist.getByRole('button', { name: '签到开窗' }).click();
    await seeNo(checklist);
    const late = console1.getByTestId('late-sign-in');
    if (await late.isVisible().catch(() => false)) await late.getByRole('button', { name: /close|关闭/i }).click();

    const ticket = await staffApi.post<{ number: string }>(`/halls/${hall.id}/tickets`, { serviceId: service.id });
    await console1.getByRole('button', { name: /叫号/ }).first().click();
    await seeText(console1.getByTestId('ticket-number'), ticket.number);
    await console1.getByRole('button', { name: /开始办理/ }).click();
    await seeText(console1.getByTestId('window-state'), '办理中');

    await console1.keyboard.press('F6');
    await see(console1.getByTestId('case-editor'));
    await console1.getByTestId('applicant-name').fill('陈美华');
    await console1.getByTestId('applicant-id').fill('11010519491231002X');
    await console1.getByTestId('applicant-phone').fill('13812345678');
    await material('出院小结').getByRole('switch').click();
    for (const name of ['居民身份证或社会保障卡', '医疗费用收据', '费用明细清单']) {
      await material(name).getByRole('checkbox', { name }).check();
    }
    await material('费用明细清单').getByRole('button', { name: '标记问题' }).click();
    await material('费用明细清单').getByPlaceholder(/请注明问题/).fill('未加盖医院收费专用章');
    await seeText(console1.getByTestId('case-summary'), '还缺 3 项', '费用明细清单', '出院小结', '本人银行账户信息');
    await console1.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await seeNo(console1.locator('.ant-message-notice'));
    await console1.getByTestId('case-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await saveScreenshot(console1, 'case-intake');
  });

  test('notice.png: the printed one-time notice (一次性告知书)', async () => {
    await console1.getByTestId('case-notice').click();
    const dialog = console1.getByRole('dialog', { name: '出具一次性告知书' });
    await seeText(dialog.getByTestId('notice-missing'), '费用明细清单', '出院小结', '本人银行账户信息');
    await dialog.getByRole('button', { name: '出具并打印' }).click();
    await seeNo(dialog);
    const preview = console1.getByTestId('print-preview');
    await see(preview);
    noticeUrl = (await preview.getByTestId('print-frame').getAttribute('src'))!;
    expect(noticeUrl).toBeTruthy();

    // The paper on its own, as it comes out of the printer.
    const paper = await newPage(PAPER);
    await paper.context().addCookies(await console1.context().cookies());
    await paper.goto(noticeUrl);
    await see(paper.getByRole('heading', { name: /一次性告知书/ }));
    await seeText(paper.locator('table.materials'), '费用明细清单', '未加盖医院收费专用章', '出院小结', '本人银行账户信息');
    await see(paper.getByRole('img', { name: '办件查询二维码' }));
    await saveScreenshot(paper, 'notice');
    await console1.getByTestId('print-close').click();
    await seeNo(preview);
  });
});
