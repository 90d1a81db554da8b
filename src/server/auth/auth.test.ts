import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createUser } from '../../../test/factories/hall.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('signing in', () => {
  it('gives an httpOnly, SameSite=Lax session cookie and the user', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', hallId: null });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/ck_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with 401 invalid_credentials, in the language asked for', async () => {
    const zh = await t.anonymous.post('/api/v1/auth/login', { username: 'admin', password: 'nope-nope' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码不正确。' });
    const en = await t.anonymous.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'nope-nope' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('throttles after 10 attempts a minute per IP and username with 429 and Retry-After', async () => {
    const hall = await createHall(t.admin);
    const u = await createUser(t.admin, hall.id, 'staff');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'wrong-password' })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is not punished for it.
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).statusCode).toBe(200);
  });

  it('R-31: logs every throttled attempt in the global service log, and still answers 429 as before', async () => {
    const hall = await createHall(t.admin);
    const u = await createUser(t.admin, hall.id, 'staff');
    for (let i = 0; i < 10; i++) {
      expect((await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: 'wrong-password' })).statusCode).toBe(401);
    }
    const refused = [];
    for (let i = 0; i < 2; i++) refused.push(await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password }));
    for (const res of refused) {
      expect(res.statusCode).toBe(429);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(res.json()).toEqual({ error: { code: 'rate_limited', message: '尝试次数过多，请稍后再试。', details: { retryAfterSeconds: retryAfter } } });
    }

    const log = (await t.admin.get('/api/v1/audit?limit=100')).json().items as {
      action: string; hallId: string | null; actor: { type: string; id: string | null; name: string | null };
      targetType: string | null; targetId: string | null; after: { ip: string; retryAfterSeconds: number };
    }[];
    const throttled = log.filter((r) => r.action === 'auth.login_throttled' && r.targetId === u.username);
    expect(throttled).toHaveLength(2);
    for (const row of throttled) {
      expect(row).toMatchObject({ hallId: null, targetType: 'user', actor: { type: 'system', id: null, name: u.username } });
      expect(row.after.ip).toBe('127.0.0.1');
      expect(row.after.retryAfterSeconds).toBeGreaterThan(0);
    }
    // The ten wrong passwords before the limit stay in the person's hall, one row each.
    const hallLog = (await t.admin.get(`/api/v1/audit?hallId=${hall.id}&limit=100`)).json().items as { action: string }[];
    expect(hallLog.filter((r) => r.action === 'auth.login_failed')).toHaveLength(10);
    expect(hallLog.some((r) => r.action === 'auth.login_throttled')).toBe(false);
    expect((await t.admin.get('/api/v1/audit/verify')).json().ok).toBe(true);
  });

  it('signs out: the cookie stops working', async () => {
    const c = await t.login('admin', ADMIN_PASSWORD);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const hall = await createHall(t.admin);
    const u = await createUser(t.admin, hall.id, 'staff');
    const first = await t.login(u.username, u.password);
    const second = await t.login(u.username, u.password);
    const wrong = await first.post('/api/v1/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'brand-new-pass' });
    expect(wrong.json().error.code).toBe('wrong_password');
    expect((await first.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'brand-new-pass' })).statusCode).toBe(204);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password })).statusCode).toBe(401);
    await t.login(u.username, 'brand-new-pass');
  });

  it('refuses a cookie-authenticated write from a foreign origin (CSRF)', async () => {
    const res = await t.admin.request('POST', '/api/v1/halls', { name: 'x', timezone: 'Asia/Shanghai', openingHours: [] }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_rejected');
    const crossSite = await t.admin.request('POST', '/api/v1/halls', { name: 'x', timezone: 'Asia/Shanghai', openingHours: [] }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
  });

  it('stores only password hashes and device token hashes', async () => {
    const hall = await createHall(t.admin);
    const dev = await t.admin.post(`/api/v1/halls/${hall.id}/devices`, { kind: 'kiosk', name: '取号机' });
    const { token } = dev.json();
    const rows = await t.ctx.database.db.execute((await import('drizzle-orm')).sql`select password_hash from users union all select token_hash from devices`);
    const values = (rows as unknown as { rows: { password_hash: string }[] }).rows.map((r) => r.password_hash);
    expect(values.some((v) => v.includes(ADMIN_PASSWORD) || v === token)).toBe(false);
    expect(values.filter((v) => v.startsWith('scrypt$')).length).toBeGreaterThan(0);
  });
});
