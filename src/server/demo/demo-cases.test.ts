// The demo's past month must show a manager every thing the case rules measure, computed by the
// same use cases the windows use (so its numbers are real, and the service log verifies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { THURSDAY_10AM } from '../../../test/factories/queue.js';
import { seedDemoHall } from './seed-demo-hall.js';

let t: TestApp;
let manager: Client;
let hallId: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => THURSDAY_10AM, env: { SESSION_TTL_HOURS: '24' } });
  const seeded = await seedDemoHall(t.ctx, () => 'demo-pass-123', { history: true });
  hallId = seeded!.hallId;
  manager = await t.login('manager', 'demo-pass-123');
});
afterAll(async () => { await t?.close(); });

const names = (items: { applicant: { name: string } }[]) => items.map((c) => c.applicant.name).sort();

describe('the demo hall’s past month of casework', () => {
  it('has one case in each supervision light (R-15), through the real lights filter', async () => {
    const byLight = async (light: string) => (await manager.get(`/api/v1/halls/${hallId}/cases?light=${light}`)).json().items;
    expect(names(await byLight('yellow'))).toEqual(['周明']);
    expect(names(await byLight('red'))).toEqual(['吴芳']);
    expect(names(await byLight('green'))).toEqual(expect.arrayContaining(['郑强', '罗娟']));
  });

  it('reports notices, one second-round breach, a refusal, on-time and late completions and an extension', async () => {
    const report = (await manager.get(`/api/v1/halls/${hallId}/reports/cases?from=2026-10-01&to=2026-11-26`)).json();
    expect(report.totals).toMatchObject({
      casesCreated: 11, noticesIssued: 4, secondRoundBreaches: 1, refusals: 1,
      completedOnTime: 3, completedLate: 1, extensionsApproved: 1, yellowNow: 1, redNow: 1,
    });
  });

  it('leaves a service log that verifies', async () => {
    const verify = (await t.admin.get('/api/v1/audit/verify')).json();
    expect(verify).toMatchObject({ ok: true });
  });
});
