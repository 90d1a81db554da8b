// The admin web UI, driven in real Chromium against a real server with the demo hall: what an
// administrator and a hall manager see and do.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { browserSuite } from '../test/browser/suite.js';
import { choose, selectOptions, heading, openDropdown, row, see, seeNo, seePath, seeText, signIn } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const OTHER_HALL = '城东便民服务中心';

const suite = browserSuite('admin');

async function newPage(): Promise<Page> {
  const context = await suite.newContext();
  return context.newPage();
}

async function signInAsAdmin(page: Page): Promise<void> {
  await signIn(page, suite.server.admin.username, suite.server.admin.password);
  await seePath(page, '/admin');
}

beforeAll(async () => {
  // A second hall, so that picking a hall and "only their own hall" mean something.
  const admin = await suite.api(suite.server.admin);
  await admin.post('/halls', {
    name: OTHER_HALL,
    timezone: 'Asia/Shanghai',
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:30', close: '17:30' })),
  });
});

describe('admin web UI', () => {
  test('an administrator signs in, picks the demo hall, adds a service and a window that serves it', async () => {
    const page = await newPage();

    // Not signed in: /admin sends us to the sign-in page.
    await page.goto('/admin');
    await seePath(page, '/login');
    await see(page.getByText('您好，欢迎登录'));

    await signInAsAdmin(page);
    await seeText(page.getByTestId('current-user'), '系统管理员');

    // The administrator may manage every hall: both are offered; pick the demo hall.
    const hallSelect = page.getByRole('combobox', { name: '当前大厅' });
    expect((await selectOptions(page, hallSelect)).sort()).toEqual([OTHER_HALL, DEMO_HALL].sort());
    await openDropdown(page).getByTitle(DEMO_HALL, { exact: true }).click();
    await see(heading(page, DEMO_HALL));
    await seeText(page.getByTestId('count-services'), '服务事项', '5');
    await seeText(page.getByTestId('count-windows'), '窗口', '6');

    // 服务事项: the demo services are listed; create one through the drawer.
    await page.getByRole('link', { name: '服务事项', exact: true }).click();
    await seePath(page, '/admin/services');
    await see(heading(page, '服务事项'));
    await see(row(page, '社保卡补办'));
    await page.getByRole('button', { name: '新建服务事项' }).click();

    const drawer = page.getByRole('dialog', { name: '新建服务事项' });
    await see(drawer);
    await drawer.getByLabel('事项编码').fill('JZZ-101');
    await drawer.getByLabel('取号前缀').fill('f'); // the form upper-cases it
    await expect.poll(() => drawer.getByLabel('取号前缀').inputValue()).toBe('F');
    await drawer.getByLabel('事项名称').fill('居住证办理');
    await drawer.getByText('承诺件', { exact: true }).click();
    await drawer.getByLabel('法定时限（工作日）').fill('15');
    await drawer.getByLabel('承诺时限（工作日）').fill('5');
    await see(drawer.getByText('暂无申请材料，请点击下方按钮添加。'));
    await drawer.getByRole('button', { name: '添加材料' }).click();
    await drawer.getByPlaceholder('材料名称').fill('居住证申领登记表');
    await drawer.getByRole('button', { name: '保存' }).click();

    await seeNo(drawer);
    await see(page.getByText('已保存'));
    const serviceRow = row(page, 'JZZ-101');
    await seeText(serviceRow, '居住证办理', '承诺件', '15 个工作日', '5 个工作日');
    await see(serviceRow.getByRole('cell', { name: 'F', exact: true })); // ticket prefix
    await see(serviceRow.getByRole('cell', { name: '1', exact: true })); // one material

    // 窗口: create window 7 for the new service and see it listed with the service tag.
    await page.getByRole('link', { name: '窗口', exact: true }).click();
    await seePath(page, '/admin/windows');
    await see(heading(page, '窗口管理'));
    await see(row(page, '6 号窗口'));
    await page.getByRole('button', { name: '新建窗口' }).click();

    const modal = page.getByRole('dialog', { name: '新建窗口' });
    await see(modal);
    // The next free number is suggested.
    await expect.poll(() => modal.getByLabel('窗口号').inputValue()).toBe('7');
    await modal.getByLabel('窗口名称').fill('居住证受理窗口');
    await choose(page, modal.getByLabel('可办理事项'), 'F · 居住证办理');
    // Close the option list before saving, as a person would by clicking elsewhere.
    await modal.getByText('新建窗口', { exact: true }).click();
    await seeNo(openDropdown(page));
    await modal.getByRole('button', { name: '保存' }).click();

    await seeNo(modal);
    const windowRow = row(page, '7 号窗口');
    await seeText(windowRow, '居住证受理窗口', 'F · 居住证办理', '未开启');
    await seeNo(windowRow.getByText('未关联事项'));
  });

  test('the language switch shows the UI in English, remembers it across a reload, and switches back', async () => {
    const page = await newPage();
    await signInAsAdmin(page);
    await page.getByRole('link', { name: '窗口', exact: true }).click();
    await see(heading(page, '窗口管理'));

    const langSwitch = page.getByTestId('lang-switch');
    await langSwitch.getByText('English', { exact: true }).click();

    await see(heading(page, 'Windows'));
    await see(page.getByRole('link', { name: 'Services', exact: true }));
    await see(page.getByRole('link', { name: 'Windows', exact: true }));
    await see(page.getByRole('button', { name: 'New window' }));
    await see(page.getByRole('button', { name: 'Sign out' }));
    await seeNo(page.getByRole('link', { name: '服务事项', exact: true }));

    await page.reload();
    await see(heading(page, 'Windows'));
    await see(page.getByRole('link', { name: 'Services', exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await see(heading(page, 'Services'));
    await see(page.getByRole('button', { name: 'New service' }));

    await langSwitch.getByText('中文', { exact: true }).click();
    await see(heading(page, '服务事项'));
    await see(page.getByRole('link', { name: '窗口', exact: true }));
    await see(page.getByRole('button', { name: '退出登录' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  test('a wrong password on the sign-in page shows the Chinese error and stays there', async () => {
    const page = await newPage();
    await signIn(page, suite.server.admin.username, 'not-the-password');
    await seeText(page.getByRole('alert'), '用户名或密码不正确');
    await seePath(page, '/login');
    // Empty fields are caught before asking the suite.server.
    await page.getByLabel('用户名', { exact: true }).fill('');
    await page.getByRole('button', { name: '登录' }).click();
    await see(page.getByText('请填写用户名'));
  });

  test('signing out returns to the sign-in page and ends the session', async () => {
    const page = await newPage();
    await signInAsAdmin(page);
    await see(heading(page, DEMO_HALL).or(heading(page, OTHER_HALL)));
    await page.getByRole('button', { name: '退出登录' }).click();
    await seePath(page, '/login');
    await see(page.getByText('您好，欢迎登录'));
    await see(page.getByText('您已安全退出，谢谢使用。'));
    // The session is really gone: /admin asks to sign in again.
    await page.goto('/admin');
    await seePath(page, '/login');
  });

  test('a hall manager sees only their own hall', async () => {
    const page = await newPage();
    await signIn(page, suite.server.manager.username, suite.server.manager.password);
    await seePath(page, '/admin');
    await seeText(page.getByTestId('current-user'), suite.server.manager.name, '大厅负责人');
    await see(heading(page, DEMO_HALL));

    const hallSelect = page.getByRole('combobox', { name: '当前大厅' });
    expect(await selectOptions(page, hallSelect)).toEqual([DEMO_HALL]);
    await page.keyboard.press('Escape');

    // The halls page lists their hall and not the other one; they may not create halls.
    await page.getByRole('link', { name: '大厅', exact: true }).click();
    await see(heading(page, '大厅管理'));
    await see(row(page, DEMO_HALL));
    await seeNo(row(page, OTHER_HALL));
    await seeNo(page.getByRole('button', { name: '新建大厅' }));

    // Their hall's data is there and manageable.
    await page.getByRole('link', { name: '服务事项', exact: true }).click();
    await see(row(page, '不动产登记'));
    await see(page.getByRole('button', { name: '新建服务事项' }));
  });
});
