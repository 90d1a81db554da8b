// The README screenshots (docs/screenshots/*.png, 1440×900), taken from a real server with the
// demo hall. Each test first checks that the page shows what the picture is meant to show.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { saveScreenshot } from '../test/browser/browser.js';
import { browserSuite } from '../test/browser/suite.js';
import { heading, row, see, seeNo, seePath, seeText, signIn } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';

// One page for every picture, kept across the tests.
const suite = browserSuite('screenshots', { keepPages: true });
let page: Page;

beforeAll(async () => {
  page = await (await suite.newContext()).newPage();
});

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
});
