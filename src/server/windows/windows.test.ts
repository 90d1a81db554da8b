import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => { t = await createTestApp(); hallId = (await createHall(t.admin)).id; });
afterAll(async () => { await t?.close(); });

describe('windows (窗口)', () => {
  it('creates a window serving several services, with the opening checklist of R-09', async () => {
    const a = await createService(t.admin, hallId);
    const b = await createService(t.admin, hallId);
    const res = await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 3, name: '综合受理窗口', serviceIds: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({ number: 3, status: 'closed' });
    expect(new Set(w.serviceIds)).toEqual(new Set([a.id, b.id]));
    const one = (await t.admin.get(`/api/v1/windows/${w.id}`)).json();
    expect(one.openingChecklist.map((i: { label: string }) => i.label)).toEqual(['人员到位', '精神状态到位', '设备工具到位', '单据现金到位', '安全措施到位']);
    const en = await t.admin.request('GET', `/api/v1/windows/${w.id}`, undefined, { 'accept-language': 'en' });
    expect(en.json().openingChecklist[0].label).toBe('Staff in place');
  });

  it('refuses a second window with the same number in a hall', async () => {
    await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 9, name: 'A', serviceIds: [] });
    const dup = await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 9, name: 'B', serviceIds: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('window_number_taken');
  });

  it("refuses a service of another hall", async () => {
    const other = await createHall(t.admin);
    const foreign = await createService(t.admin, other.id);
    const res = await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 11, name: 'x', serviceIds: [foreign.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('serviceIds.0');
  });

  it('renumbers and re-assigns a window, then archives it', async () => {
    const s = await createService(t.admin, hallId);
    const w = (await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 20, name: 'x', serviceIds: [] })).json();
    const patched = await t.admin.patch(`/api/v1/windows/${w.id}`, { number: 21, serviceIds: [s.id] });
    expect(patched.json()).toMatchObject({ number: 21, serviceIds: [s.id] });
    expect((await t.admin.delete(`/api/v1/windows/${w.id}`)).statusCode).toBe(204);
    const list = (await t.admin.get(`/api/v1/halls/${hallId}/windows`)).json().items;
    expect(list.some((x: { id: string }) => x.id === w.id)).toBe(false);
    // The number is free again once archived.
    expect((await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 21, name: 'y', serviceIds: [] })).statusCode).toBe(201);
  });
});
