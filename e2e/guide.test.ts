// The public service guide (办事指南, R-16) in real Chromium against a real server with the demo
// hall: a citizen finds a service by a document they hold, reads its guide on a phone and prints
// it; a manager edits a material and the public page shows it at once; the kiosk shows what to bring.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { findHall, openHallNow } from '../test/browser/hall.js';
import { installSpeechAndPrintStubs, printed } from '../test/browser/stubs.js';
import { browserSuite } from '../test/browser/suite.js';
import { heading, row, see, seeNo, seePath, seeText, signIn } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const PHONE = { width: 390, height: 844 };
const FULL_HD = { width: 1920, height: 1080 };

const suite = browserSuite('guide');
let hallId: string;

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await suite.newContext(viewport ? { viewport } : {});
  await installSpeechAndPrintStubs(context);
  return context.newPage();
}

beforeAll(async () => {
  const admin = await suite.api(suite.server.admin);
  const hall = await findHall(admin, DEMO_HALL);
  hallId = hall.id;
  // The kiosk shows its services (and the guide button) only while the hall is open.
  await openHallNow(admin, hall);
});

describe('the public service guide (R-16)', () => {
  test('a citizen finds a service by a document, reads what to bring on a phone, and prints it', async () => {
    const page = await newPage(PHONE);
    // One hall: /guide goes straight to its list, no sign-in.
    await page.goto('/guide');
    await seePath(page, `/guide/${hallId}`);
    await see(page.getByText(DEMO_HALL));
    const list = page.getByTestId('guide-list');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(5);
    await seeText(list.getByRole('link', { name: /社保卡补办/ }), '即办件');
    await seeText(list.getByRole('link', { name: /不动产登记/ }), '承诺件 5 个工作日');

    // Search by a document the citizen holds: every service that asks for it, and why.
    await page.getByRole('searchbox', { name: '搜索事项' }).fill('委托书');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    await seeNo(list.getByRole('link', { name: /户籍迁移/ }));
    await seeText(list.getByRole('link', { name: /不动产登记/ }), '含材料：授权委托书及受托人身份证');
    await page.getByRole('searchbox', { name: '搜索事项' }).fill('BDC');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('link', { name: /不动产登记/ }).click();

    await page.waitForURL((url) => url.pathname.startsWith(`/guide/${hallId}/`), { waitUntil: 'commit' });
    const item = page.getByTestId('guide-item');
    await see(heading(page, '不动产登记'));
    await seeText(item, '承诺件 5 个工作日', '行政确认', '30 个工作日', '不动产权证书');
    // The materials: all six, each with its counts, form, need and source; the conditional one says when.
    const materials = item.getByTestId('guide-material');
    await expect.poll(() => materials.count()).toBe(6);
    const proxy = materials.filter({ hasText: '授权委托书及受托人身份证' });
    await seeText(proxy, '按情形提交', '适用情形：委托他人代办的', '申请人自备');
    await seeText(materials.filter({ hasText: '不动产权属证书' }), '必交', '政府部门核发', '不动产登记机构核发');
    await seeText(materials.filter({ hasText: '完税凭证' }), '纸质或电子');
    // Steps, fees with their basis, where, when and whom to call.
    await seeText(item, '缴费领证', '住宅 80 元/件', '发改价格规〔2016〕2559 号', '市民中心一楼 B 区 3 号窗口', '3 号窗口（不动产登记窗口）');
    await see(item.getByRole('link', { name: '0571-86001302' }));
    await see(item.getByRole('link', { name: '12345' }));
    expect(await item.getByRole('link', { name: '0571-86001302' }).getAttribute('href')).toBe('tel:057186001302');

    // Printing: the button asks the browser to print, and the print view leaves the buttons out.
    const before = await printed(page);
    await page.getByRole('button', { name: '打印本指南' }).click();
    await expect.poll(() => printed(page)).toBe(before + 1);
    await page.emulateMedia({ media: 'print' });
    await seeNo(page.getByRole('button', { name: '打印本指南' }));
    await see(item.getByText('适用情形：委托他人代办的'));
    await page.emulateMedia({ media: 'screen' });

    // Back to the list keeps the search.
    await page.getByRole('link', { name: '返回事项列表' }).click();
    await expect.poll(() => page.getByRole('searchbox', { name: '搜索事项' }).inputValue()).toBe('BDC');
  });

  test('the guide page on a desktop (screenshot to /tmp/guide.png)', async () => {
    const page = await newPage();
    const services = (await (await fetch(`${suite.server.baseUrl}/api/v1/public/halls/${hallId}/guide`)).json()) as { items: { id: string; code: string }[] };
    const bdc = services.items.find((s) => s.code === 'BDC-002')!;
    await page.goto(`/guide/${hallId}/${bdc.id}`);
    await see(heading(page, '不动产登记'));
    await page.evaluate(async () => { await document.fonts.ready; });
    await page.screenshot({ path: '/tmp/guide.png', fullPage: true });
  });

  test('a manager changes a material in the admin and the public guide shows it at once', async () => {
    const admin = await newPage();
    await signIn(admin, suite.server.manager.username, suite.server.manager.password);
    await seePath(admin, '/admin');
    await admin.getByRole('link', { name: '服务事项', exact: true }).click();
    await seePath(admin, '/admin/services');
    await row(admin, '医保报销').getByRole('button', { name: '编辑' }).click();
    const drawer = admin.getByRole('dialog', { name: '编辑服务事项' });
    await see(drawer);

    // The guide's sections are in the drawer, with the demo data.
    await expect.poll(() => drawer.getByLabel('受理条件', { exact: true }).inputValue()).toContain('12 个月内申请报销');
    await drawer.getByRole('button', { name: '申请材料', exact: true }).click();
    const discharge = drawer.getByTestId('material-3');
    await expect.poll(() => discharge.getByPlaceholder('材料名称').inputValue()).toBe('出院小结');
    await discharge.getByLabel('适用情形', { exact: true }).fill('住院或日间手术费用报销的');
    await discharge.getByLabel('复印件份数', { exact: true }).fill('2');
    // A new conditional material: needs the case in words before it can be saved.
    await drawer.getByRole('button', { name: '添加材料' }).click();
    const added = drawer.getByTestId('material-7');
    await added.getByPlaceholder('材料名称').fill('异地就医备案表');
    await added.getByLabel('是否必需', { exact: true }).click();
    await admin.locator('.ant-select-dropdown').filter({ visible: true }).getByTitle('按情形提交', { exact: true }).click();
    await drawer.getByRole('button', { name: '保存' }).click();
    await see(added.getByText('请写明需要提交的情形，如“委托他人代办的”'));
    await added.getByLabel('适用情形', { exact: true }).fill('转外就医的');
    await drawer.getByRole('button', { name: '保存' }).click();
    await seeNo(drawer);
    await see(admin.getByText('已保存'));

    // A citizen (no sign-in) sees the change on the public page.
    const citizen = await newPage(PHONE);
    await citizen.goto(`/guide/${hallId}?q=${encodeURIComponent('医保')}`);
    await citizen.getByTestId('guide-list').getByRole('link', { name: /医保报销/ }).click();
    const materials = citizen.getByTestId('guide-material');
    await seeText(materials.filter({ hasText: '出院小结' }), '适用情形：住院或日间手术费用报销的', '2 份');
    await seeText(materials.filter({ hasText: '异地就医备案表' }), '按情形提交', '适用情形：转外就医的');
  });

  test('a manager exports the catalogue, and an import with mistakes lists every one and changes nothing', async () => {
    const admin = await newPage();
    await signIn(admin, suite.server.manager.username, suite.server.manager.password);
    await seePath(admin, '/admin');
    await admin.goto('/admin/services');
    await see(row(admin, '营业执照办理'));
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: '导出' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^示范政务服务大厅-服务事项-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; services: { code: string; consultationPhone: string; materials: { originals: number }[] }[] };
    expect(exported.format).toBe('chuangkou.catalog');
    expect(exported.services.map((s) => s.code)).toEqual(['BDC-002', 'HJ-004', 'SB-001', 'YB-003', 'YYZZ-005']);

    const dir = mkdtempSync(join(tmpdir(), 'guide-e2e-'));
    const broken = structuredClone(exported);
    broken.services[0]!.materials[5]!.originals = -1;
    broken.services[2]!.consultationPhone = '请拨打热线';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'same.json'), JSON.stringify(exported));

    await admin.getByRole('button', { name: '导入' }).click();
    const modal = admin.getByRole('dialog', { name: '导入服务事项' });
    await see(modal);
    await modal.locator('input[type=file]').setInputFiles(join(dir, 'broken.json'));
    await see(modal.getByText('文件“broken.json”，共 5 个事项'));
    await modal.getByRole('button', { name: '开始导入' }).click();
    const problems = modal.getByTestId('catalog-import-problems');
    await seeText(modal, '文件中有 2 处问题，未导入任何内容');
    await seeText(problems, '第 1 项（BDC-002 不动产登记） › 申请材料第 6 项（授权委托书及受托人身份证） › 原件份数', '第 3 项（SB-001 社保卡补办） › 咨询电话');

    await modal.locator('input[type=file]').setInputFiles(join(dir, 'same.json'));
    await modal.getByRole('button', { name: '开始导入' }).click();
    await seeNo(modal);
    await see(admin.getByText('导入完成：新增 0 项，更新 0 项，5 项未变化。'));
  });

  test('the kiosk shows a service\'s materials in large type from the 办事指南 button', async () => {
    const token = suite.server.demoDevices.find((d) => d.kind === 'kiosk')?.token;
    expect(token, 'the demo kiosk token was printed').toBeDefined();
    const kiosk = await newPage(FULL_HD);
    await kiosk.goto(`/kiosk?token=${token}`);
    await see(kiosk.getByRole('heading', { name: '请选择您要办理的事项' }));
    await kiosk.getByRole('button', { name: /办事指南/ }).click();
    const guide = kiosk.getByRole('dialog', { name: '办事指南' });
    await see(guide);
    await guide.getByRole('button', { name: /营业执照办理/ }).click();
    const materials = guide.getByTestId('kiosk-guide-materials');
    await seeText(materials, '公司章程', '必交', '委托代理人办理的需提交', '复印件 1 份');
    await seeText(guide, '承诺件 1 个工作日', '市民中心一楼 D 区 5 号窗口');
    await guide.getByRole('button', { name: '返回' }).click();
    await see(guide.getByText('请选择要查看的事项'));
    await guide.getByRole('button', { name: '关闭' }).first().click();
    await seeNo(kiosk.getByRole('dialog', { name: '办事指南' }));
  });
});
