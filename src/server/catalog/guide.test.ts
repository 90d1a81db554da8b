// The public service guide (办事指南, R-16): anyone reads a hall's services, their conditions,
// materials, steps, time limits, fees, where, when and whom to call — without signing in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService, createWindow } from '../../../test/factories/hall.js';
import { seedDemoHall } from '../demo/seed-demo-hall.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const proxy = { name: '授权委托书及受托人身份证', originals: 1, copies: 1, required: false, condition: '委托他人代办的', source: 'applicant' };

describe('the public guide', () => {
  let hall: { id: string; name: string };
  let service: { id: string };
  let archivedService: { id: string };
  let archivedHall: { id: string; name: string };
  let archivedHallService: { id: string };

  beforeAll(async () => {
    hall = await createHall(t.admin, { name: '公开大厅', address: '人民路 1 号', phone: '0571-12345' });
    service = await createService(t.admin, hall.id, {
      code: 'GD-1', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', statutoryDays: 30, promisedDays: 5,
      itemType: 'confirmation', department: '不动产登记中心', acceptanceConditions: '不动产未被查封', legalBasis: '《不动产登记暂行条例》',
      processSteps: [{ title: '受理', description: '当场出具受理回执' }], fees: [{ item: '登记费', amount: '80 元/件', basis: '发改价格规〔2016〕2559 号' }],
      location: '一楼A区3-5号窗口', serviceHours: '工作日 9:00—17:00', consultationPhone: '0571-86001302', supervisionPhone: '12345',
      materials: [{ name: '居民身份证', originals: 1, copies: 1, required: true, source: 'government' }, proxy],
    });
    await createWindow(t.admin, hall.id, [service.id], { number: 3, name: '不动产登记窗口' });
    await createWindow(t.admin, hall.id, [], { number: 9, name: '别的窗口' });
    archivedService = await createService(t.admin, hall.id, { code: 'GD-OLD', ticketPrefix: 'O' });
    await t.admin.delete(`/api/v1/services/${archivedService.id}`);
    archivedHall = await createHall(t.admin, { name: '已撤销的大厅' });
    archivedHallService = await createService(t.admin, archivedHall.id, { code: 'GONE', ticketPrefix: 'G' });
    expect((await t.admin.delete(`/api/v1/halls/${archivedHall.id}`)).statusCode).toBe(204);
  });

  it('lists the live halls to anyone, with address and phone', async () => {
    const res = await t.anonymous.get('/api/v1/public/halls');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string }[];
    expect(items).toContainEqual({ id: hall.id, name: '公开大厅', address: '人民路 1 号', phone: '0571-12345' });
    expect(items.some((h) => h.id === archivedHall.id)).toBe(false);
  });

  it("lists a hall's live services to anyone: name, code, type, 即办/承诺 and the materials to search by", async () => {
    const res = await t.anonymous.get(`/api/v1/public/halls/${hall.id}/guide`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      hall: { id: hall.id, name: '公开大厅', address: '人民路 1 号', phone: '0571-12345' },
      items: [{
        id: service.id, code: 'GD-1', name: '不动产登记', itemType: 'confirmation', kind: 'promised', promisedDays: 5,
        department: '不动产登记中心', materialCount: 2, materialNames: ['居民身份证', '授权委托书及受托人身份证'],
      }],
    });
  });

  it('shows one service in full, with the windows that serve it', async () => {
    const res = await t.anonymous.get(`/api/v1/public/halls/${hall.id}/guide/${service.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: service.id, hall: { name: '公开大厅', phone: '0571-12345' }, name: '不动产登记', kind: 'promised', statutoryDays: 30, promisedDays: 5,
      acceptanceConditions: '不动产未被查封', legalBasis: '《不动产登记暂行条例》', processSteps: [{ title: '受理', description: '当场出具受理回执' }],
      fees: [{ item: '登记费', amount: '80 元/件', basis: '发改价格规〔2016〕2559 号' }], location: '一楼A区3-5号窗口',
      consultationPhone: '0571-86001302', supervisionPhone: '12345', windows: [{ number: 3, name: '不动产登记窗口' }],
      materials: [
        { name: '居民身份证', originals: 1, copies: 1, required: true, condition: null, source: 'government' },
        { name: '授权委托书及受托人身份证', required: false, condition: '委托他人代办的', source: 'applicant', form: 'paper' },
      ],
    });
  });

  it('does not show an archived service, a service under another hall, or anything of an archived hall (404)', async () => {
    const other = await createHall(t.admin);
    for (const url of [
      `/api/v1/public/halls/${hall.id}/guide/${archivedService.id}`,
      `/api/v1/public/halls/${other.id}/guide/${service.id}`,
      `/api/v1/public/halls/${archivedHall.id}/guide`,
      `/api/v1/public/halls/${archivedHall.id}/guide/${archivedHallService.id}`,
    ]) {
      const res = await t.anonymous.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const list = (await t.anonymous.get(`/api/v1/public/halls/${hall.id}/guide`)).json().items as { id: string }[];
    expect(list.map((s) => s.id)).toEqual([service.id]);
  });

  it('shows an edit of the guide at once', async () => {
    await t.admin.patch(`/api/v1/services/${service.id}`, { location: '二楼 B 区 8 号窗口' });
    expect((await t.anonymous.get(`/api/v1/public/halls/${hall.id}/guide/${service.id}`)).json().location).toBe('二楼 B 区 8 号窗口');
  });
});

describe('the demo hall guide', () => {
  it('is complete for all five services and valid as a catalogue document', async () => {
    const app = await createTestApp();
    try {
      const seeded = await seedDemoHall(app.ctx, () => 'demo-pass-123');
      const hallId = seeded!.hallId;
      const list = (await app.anonymous.get(`/api/v1/public/halls/${hallId}/guide`)).json().items as { id: string; kind: string }[];
      expect(list).toHaveLength(5);
      expect(list.filter((s) => s.kind === 'immediate').length).toBeGreaterThanOrEqual(1);
      expect(list.filter((s) => s.kind === 'promised').length).toBeGreaterThanOrEqual(2);
      for (const { id } of list) {
        const item = (await app.anonymous.get(`/api/v1/public/halls/${hallId}/guide/${id}`)).json();
        for (const field of ['department', 'acceptanceConditions', 'legalBasis', 'location', 'serviceHours', 'consultationPhone', 'supervisionPhone']) {
          expect(item[field], `${item.name}: ${field}`).toBeTruthy();
        }
        expect(item.processSteps.length, item.name).toBeGreaterThanOrEqual(3);
        expect(item.windows.length, item.name).toBeGreaterThanOrEqual(1);
        expect(item.materials.some((m: { required: boolean; condition: string | null }) => !m.required && m.condition), `${item.name}: a conditional material`).toBe(true);
      }
      // The seeder writes rows directly: the same data must pass the API's own validation.
      const exported = (await app.admin.get(`/api/v1/halls/${hallId}/catalog/export`)).json();
      const other = await createHall(app.admin);
      const res = await app.admin.post(`/api/v1/halls/${other.id}/catalog/import`, exported);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().created).toBe(5);
      const again = await app.admin.post(`/api/v1/halls/${hallId}/catalog/import`, exported);
      expect(again.json()).toMatchObject({ unchanged: 5 });
    } finally {
      await app.close();
    }
  });
});
