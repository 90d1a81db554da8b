import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createUser } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => { t = await createTestApp(); hallId = (await createHall(t.admin)).id; });
afterAll(async () => { await t?.close(); });

// A 1×1 PNG, enough to be a real image.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('people', () => {
  it('creates window staff with a staff number; usernames are unique regardless of case', async () => {
    const res = await t.admin.post('/api/v1/users', { username: 'LiXiaomei', password: 'pass-word-1', name: '李晓梅', role: 'staff', hallId, staffNumber: '1001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'LiXiaomei', role: 'staff', hallId, staffNumber: '1001', active: true, photoUrl: null });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const dup = await t.admin.post('/api/v1/users', { username: 'lixiaomei', password: 'pass-word-1', name: 'x', role: 'staff', hallId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('username_taken');
    // Login is case-insensitive on the username too.
    await t.login('LIXIAOMEI', 'pass-word-1');
  });

  it('requires a hall for every role but admin', async () => {
    const res = await t.admin.post('/api/v1/users', { username: 'nohall', password: 'pass-word-1', name: 'x', role: 'inspector' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('hallId');
  });

  it('shows a staff photo publicly for the counter badge and the board (R-25)', async () => {
    const u = await createUser(t.admin, hallId, 'staff');
    const put = await t.admin.request('PUT', `/api/v1/users/${u.id}/photo`, png, { 'content-type': 'image/png' });
    expect(put.statusCode, put.body).toBe(200);
    const photoUrl = put.json().photoUrl as string;
    expect(photoUrl).toMatch(new RegExp(`/api/v1/users/${u.id}/photo\\?v=1`));
    const img = await t.anonymous.get(photoUrl);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
  });

  it('refuses bytes that are not an image even when labelled as one', async () => {
    const u = await createUser(t.admin, hallId, 'staff');
    const put = await t.admin.request('PUT', `/api/v1/users/${u.id}/photo`, Buffer.from('<svg onload=alert(1)>'), { 'content-type': 'image/png' });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.code).toBe('invalid_photo');
  });

  it('deactivating a person signs them out and stops their login', async () => {
    const u = await createUser(t.admin, hallId, 'staff');
    const session = await t.login(u.username, u.password);
    expect((await t.admin.delete(`/api/v1/users/${u.id}`)).statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password })).statusCode).toBe(401);
    expect((await t.admin.get(`/api/v1/users/${u.id}`)).json().active).toBe(false);
  });

  it('keeps at least one active admin', async () => {
    const me = (await t.admin.get('/api/v1/auth/me')).json().user;
    const res = await t.admin.patch(`/api/v1/users/${me.id}`, { role: 'manager', hallId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_admin');
    const second = await t.admin.post('/api/v1/users', { username: 'second-admin', password: 'pass-word-1', name: '副管理员', role: 'admin' });
    expect(second.statusCode).toBe(201);
    expect((await t.admin.delete(`/api/v1/users/${second.json().id}`)).statusCode).toBe(204);
  });

  it('an admin cannot deactivate their own account', async () => {
    const me = (await t.admin.get('/api/v1/auth/me')).json().user;
    expect((await t.admin.delete(`/api/v1/users/${me.id}`)).json().error.code).toBe('cannot_deactivate_self');
  });

  it('resets a password: the new one works, the old one and old sessions do not', async () => {
    const u = await createUser(t.admin, hallId, 'inspector');
    const old = await t.login(u.username, u.password);
    expect((await t.admin.patch(`/api/v1/users/${u.id}`, { password: 'reset-pass-99' })).statusCode).toBe(200);
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);
    await t.login(u.username, 'reset-pass-99');
  });
});

describe('devices', () => {
  it('shows a device token once; the device works with it until revoked', async () => {
    const created = await t.admin.post(`/api/v1/halls/${hallId}/devices`, { kind: 'display', name: '大厅叫号屏' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const list = (await t.admin.get(`/api/v1/halls/${hallId}/devices`)).json().items;
    expect(list.find((d: { id: string }) => d.id === id)).not.toHaveProperty('token');
    const display = t.device(token);
    expect((await display.get(`/api/v1/halls/${hallId}/windows`)).statusCode).toBe(200);
    const seen = (await t.admin.get(`/api/v1/halls/${hallId}/devices`)).json().items.find((d: { id: string }) => d.id === id);
    expect(seen.lastSeenAt).not.toBeNull();
    expect((await t.admin.delete(`/api/v1/devices/${id}`)).statusCode).toBe(204);
    expect((await display.get(`/api/v1/halls/${hallId}/windows`)).statusCode).toBe(401);
  });
});
