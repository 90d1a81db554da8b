import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createUser, weekdayHours } from '../../../test/factories/hall.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('halls', () => {
  it('creates a hall with its published hours and lists it', async () => {
    const hours = [...weekdayHours, { weekday: 6, open: '09:00', close: '12:00' }];
    const hall = await createHall(t.admin, { name: '西湖区市民之家', openingHours: hours, address: '文三路 1 号', phone: '0571-000' });
    const list = (await t.admin.get('/api/v1/halls')).json().items;
    const found = list.find((h: { id: string }) => h.id === hall.id);
    expect(found).toMatchObject({ name: '西湖区市民之家', timezone: 'Asia/Shanghai', address: '文三路 1 号' });
    expect(found.openingHours).toHaveLength(6);
  });

  it('starts a new hall with the State Council holiday schedules of 2025 and 2026', async () => {
    const hall = await createHall(t.admin);
    const y2026 = (await t.admin.get(`/api/v1/halls/${hall.id}/calendar/2026`)).json();
    expect(y2026.holidays).toContain('2026-10-01');
    expect(y2026.workdays).toContain('2026-10-10');
    expect(y2026.source).toMatch(/国务院办公厅/);
    const all = (await t.admin.get(`/api/v1/halls/${hall.id}/calendar`)).json();
    expect(all.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
  });

  it('refuses overlapping or backwards opening hours with field details', async () => {
    const res = await t.admin.post('/api/v1/halls', {
      name: '错误时间大厅', timezone: 'Asia/Shanghai',
      openingHours: [{ weekday: 1, open: '09:00', close: '12:00' }, { weekday: 1, open: '11:00', close: '17:00' }, { weekday: 2, open: '17:00', close: '09:00' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_hours');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['openingHours.2']));
  });

  it('refuses an unknown time zone', async () => {
    const res = await t.admin.post('/api/v1/halls', { name: 'x', timezone: 'Mars/Olympus', openingHours: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('timezone');
  });

  it('lets a manager change their own hall but not create halls', async () => {
    const hall = await createHall(t.admin);
    const m = await createUser(t.admin, hall.id, 'manager');
    const manager = await t.login(m.username, m.password);
    const patched = await manager.patch(`/api/v1/halls/${hall.id}`, { hoursExceptions: [{ date: '2026-12-31', closed: false, open: '09:00', close: '12:00', note: '年末盘点，下午暂停办理' }] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().hoursExceptions[0].note).toBe('年末盘点，下午暂停办理');
    expect((await manager.post('/api/v1/halls', { name: 'x', timezone: 'Asia/Shanghai', openingHours: [] })).statusCode).toBe(403);
    expect((await manager.get('/api/v1/halls')).json().items.map((h: { id: string }) => h.id)).toEqual([hall.id]);
  });

  it('archives a hall: it disappears from lists and its pages answer 404', async () => {
    const hall = await createHall(t.admin);
    expect((await t.admin.delete(`/api/v1/halls/${hall.id}`)).statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/halls/${hall.id}`)).statusCode).toBe(404);
    expect((await t.admin.get('/api/v1/halls')).json().items.some((h: { id: string }) => h.id === hall.id)).toBe(false);
  });
});
