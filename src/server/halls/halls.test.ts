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

  it('R-08: refuses overlapping or backwards opening hours, saying what is wrong on the field to fix, in Chinese and English', async () => {
    const body = {
      name: '错误时间大厅', timezone: 'Asia/Shanghai',
      openingHours: [{ weekday: 1, open: '09:00', close: '12:00' }, { weekday: 1, open: '11:00', close: '17:00' }, { weekday: 2, open: '17:00', close: '09:00' }],
    };
    const zh = await t.admin.post('/api/v1/halls', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'invalid_hours', message: '营业时间设置有误。' });
    expect(zh.json().error.details).toEqual([
      { path: 'openingHours.2.close', message: '结束时间 09:00 须晚于开始时间 17:00' },
      { path: 'openingHours.1', message: '与同一天（周一）的另一时段 09:00–12:00 重叠' },
    ]);
    const en = await t.admin.request('POST', '/api/v1/halls', body, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details).toEqual([
      { path: 'openingHours.2.close', message: 'the closing time 09:00 must be later than the opening time 17:00' },
      { path: 'openingHours.1', message: 'overlaps another interval on the same day (Monday, 09:00–12:00)' },
    ]);
  });

  it('R-08: refuses special dates that contradict themselves, in Chinese and English', async () => {
    const hall = await createHall(t.admin);
    const hoursExceptions = [
      { date: '2026-12-31', closed: false, open: '09:00', close: '12:00' },
      { date: '2026-12-31', closed: false, open: '11:30', close: '15:00' },
      { date: '2027-01-04', closed: false, open: '12:00', close: '08:30' },
      { date: '2027-01-05', closed: true },
      { date: '2027-01-05', closed: false, open: '09:00', close: '12:00' },
      { date: '2027-02-30', closed: true },
    ];
    const zh = await t.admin.patch(`/api/v1/halls/${hall.id}`, { hoursExceptions });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('invalid_hours');
    expect(zh.json().error.details).toEqual(expect.arrayContaining([
      { path: 'hoursExceptions.1', message: '与同一日期（2026-12-31）的另一时段 09:00–12:00 重叠' },
      { path: 'hoursExceptions.2.close', message: '结束时间 08:30 须晚于开始时间 12:00' },
      { path: 'hoursExceptions.4.closed', message: '2027-01-05 已设为全天休息，不能同时设置特殊时间' },
      { path: 'hoursExceptions.5.date', message: '日期无效，请填写实际存在的日期（YYYY-MM-DD）' },
    ]));
    const en = await t.admin.request('PATCH', `/api/v1/halls/${hall.id}`, { hoursExceptions }, { 'accept-language': 'en' });
    expect(en.json().error.details).toEqual(expect.arrayContaining([
      { path: 'hoursExceptions.1', message: 'overlaps another interval on the same date (2026-12-31, 09:00–12:00)' },
      { path: 'hoursExceptions.2.close', message: 'the closing time 08:30 must be later than the opening time 12:00' },
      { path: 'hoursExceptions.4.closed', message: '2027-01-05 is already closed all day; it cannot also have special hours' },
    ]));
    // Nothing was saved.
    expect((await t.admin.get(`/api/v1/halls/${hall.id}`)).json().hoursExceptions).toEqual([]);
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
