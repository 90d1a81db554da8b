// The case report page (办件统计), in real Chromium against a real server with the demo hall: the
// hall manager's cases of today are seeded through the API as the window would make them, then
// the manager opens the page and reads the figures (R-11…R-15), the daily chart, the table by
// service, and downloads the CSV.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { findHall, wallClock, type HallSummary } from '../test/browser/hall.js';
import type { ApiClient } from '../test/browser/server.js';
import { browserSuite } from '../test/browser/suite.js';
import { heading, row, see, seePath, seeText, signIn } from '../test/browser/ui.js';

const DEMO_HALL = '示范政务服务大厅';
const PROPERTY = '不动产登记'; // promised, 5 working days
const SOCIAL_CARD = '社保卡补办'; // immediate

interface ServiceRow { id: string; name: string; code: string; materials: { id: string; name: string; required: boolean }[] }

const suite = browserSuite('reports');
let hall: HallSummary;

async function newPage(): Promise<Page> {
  const context = await suite.newContext();
  return context.newPage();
}

/**
 * Today at the window: 不动产登记 — one case noticed, then complete, accepted and finished; one
 * noticed twice, the second time for a material the first notice could have named; one
 * refused; one accepted and open. 社保卡补办 — one accepted and finished at once.
 */
async function seedToday(api: ApiClient) {
  const { items } = await api.get<{ items: ServiceRow[] }>(`/halls/${hall.id}/services`);
  const service = (name: string) => items.find((s) => s.name === name)!;
  const required = (s: ServiceRow) => s.materials.filter((m) => m.required).map((m) => m.id);
  const open = (s: ServiceRow, submitted: string[]) =>
    api.post<{ id: string }>(`/halls/${hall.id}/cases`, { serviceId: s.id, applicant: { name: '李明' }, submitted });
  const property = service(PROPERTY);
  const all = required(property);

  const done = await open(property, all.slice(1));
  await api.post(`/cases/${done.id}/notices`, {});
  await api.patch(`/cases/${done.id}`, { submitted: all });
  await api.post(`/cases/${done.id}/accept`, {});
  await api.post(`/cases/${done.id}/complete`, { result: '准予登记' });

  const twice = await open(property, all.slice(0, -1));
  await api.post(`/cases/${twice.id}/notices`, {});
  await api.patch(`/cases/${twice.id}`, { submitted: all.slice(1) });
  const second = await api.post<{ breach: string | null }>(`/cases/${twice.id}/notices`, {});
  expect(second.breach).toBe('second_round');

  const refused = await open(property, []);
  await api.post(`/cases/${refused.id}/refuse`, { reason: '该不动产已被司法查封', basis: '《不动产登记暂行条例》第二十二条第（三）项' });

  const waiting = await open(property, all);
  await api.post(`/cases/${waiting.id}/accept`, {});

  const card = service(SOCIAL_CARD);
  const quick = await open(card, required(card));
  await api.post(`/cases/${quick.id}/accept`, {});
  await api.post(`/cases/${quick.id}/complete`, { result: '已制卡并当场领取' });
}

beforeAll(async () => {
  const manager = await suite.api(suite.server.manager);
  hall = await findHall(manager, DEMO_HALL);
  await seedToday(manager);
});

/** Pixels of the chart's canvas in (about) this colour: bars, not just the legend's swatch. */
function pixelsOfColour(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate((target) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="reports-chart"] canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - target[0]) < 8 && Math.abs(data[i + 1]! - target[1]) < 8 && Math.abs(data[i + 2]! - target[2]) < 8 && data[i + 3]! > 200) n++;
    }
    return n;
  }, rgb);
}

describe('办件统计 (case reports)', () => {
  test('the hall manager reads today’s cases in this month’s report, sees the chart and downloads the CSV', async () => {
    const page = await newPage();
    await signIn(page, suite.server.manager.username, suite.server.manager.password);
    await seePath(page, '/admin');
    await page.getByTestId('nav-reports').click();
    await seePath(page, '/admin/reports');
    await see(heading(page, '办件统计'));

    // This month, from the 1st to today on the hall's calendar.
    const today = wallClock(new Date(), hall.timezone).date;
    await see(page.getByTestId('report-presets').getByText('本月'));
    await expect.poll(() => page.getByTestId('report-range').locator('input').first().inputValue()).toBe(`${today.slice(0, 8)}01`);
    await expect.poll(() => page.getByTestId('report-range').locator('input').last().inputValue()).toBe(today);

    await seeText(page.getByTestId('report-notices'), '一次性告知', '3');
    await seeText(page.getByTestId('report-breaches'), '二次告知违规', '1');
    // A breach is shown in red.
    const breachColour = await page.getByTestId('report-breaches').locator('.ant-statistic-content').evaluate((el) => getComputedStyle(el).color);
    expect(breachColour).toBe('rgb(207, 19, 34)');
    await seeText(page.getByTestId('report-refusals'), '不予受理', '1');
    await seeText(page.getByTestId('report-accepted'), '受理', '3', '期间新建办件 5 件');
    await seeText(page.getByTestId('report-on-time'), '按时办结率', '100.0%', '按时 2 件 · 超期 0 件');
    await seeText(page.getByTestId('report-yellow-now'), '0');
    await seeText(page.getByTestId('report-red-now'), '0');

    const property = row(page, PROPERTY);
    await seeText(property, 'BDC-002');
    await expect.poll(() => property.locator('td').allInnerTexts()).toEqual(['BDC-002', PROPERTY, '3', '1', '1', '2', '1', '0', '100.0%', '0', '0', '0']);
    await expect.poll(() => row(page, SOCIAL_CARD).locator('td').allInnerTexts()).toEqual(['SB-001', SOCIAL_CARD, '0', '0', '0', '1', '1', '0', '100.0%', '0', '0', '0']);
    await seeText(row(page, '合计'), '3', '100.0%');

    // The chart drew today's bars: blue one-time notices, well beyond the legend's swatch.
    await see(page.getByTestId('reports-chart').locator('canvas'));
    await expect.poll(() => pixelsOfColour(page, [0x1a, 0x5f, 0xb4]), { timeout: 10_000 }).toBeGreaterThan(600);

    await page.screenshot({ path: '/tmp/reports.png', fullPage: true });

    // The CSV, as Excel would open it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe(`办件统计_${today.slice(0, 8)}01_${today}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('事项编码,事项名称,一次性告知,二次告知(违规),不予受理,受理,按时办结,超期办结,按时办结率,延期,黄灯,红灯');
    expect(lines).toContain('BDC-002,不动产登记,3,1,1,2,1,0,100.0%,0,0,0');

    // 本年 keeps today's figures and starts on 1 January.
    await page.getByTestId('report-presets').getByText('本年').click();
    await expect.poll(() => page.getByTestId('report-range').locator('input').first().inputValue()).toBe(`${today.slice(0, 4)}-01-01`);
    await seeText(page.getByTestId('report-notices'), '3');
  });
});
