// Test factories: build what a test needs through the public API, as a user would.
import { expect } from 'vitest';
import type { Client } from '../harness.js';

let counter = 0;
const next = () => ++counter;

export const weekdayHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }));

export async function createHall(admin: Client, overrides: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/halls', { name: `测试大厅 ${next()}`, timezone: 'Asia/Shanghai', openingHours: weekdayHours, ...overrides });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; timezone: string };
}

export async function createService(client: Client, hallId: string, overrides: Record<string, unknown> = {}) {
  const n = next();
  const res = await client.post(`/api/v1/halls/${hallId}/services`, {
    code: `SVC-${n}`, name: `服务事项 ${n}`, ticketPrefix: String.fromCharCode(65 + (n % 26)), kind: 'promised', promisedDays: 5, statutoryDays: 20,
    materials: [{ name: '居民身份证', originals: 1, copies: 0, required: true }],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; ticketPrefix: string; materials: { id: string; name: string }[] };
}

export async function createWindow(client: Client, hallId: string, serviceIds: string[], overrides: Record<string, unknown> = {}) {
  const res = await client.post(`/api/v1/halls/${hallId}/windows`, { number: next(), name: '综合窗口', serviceIds, ...overrides });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number };
}

export async function createUser(admin: Client, hallId: string | null, role: 'admin' | 'manager' | 'staff' | 'inspector', password = 'user-pass-123') {
  const username = `${role}${next()}`;
  const res = await admin.post('/api/v1/users', { username, password, name: `${role} ${username}`, role, hallId, staffNumber: `${1000 + next()}` });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: string; username: string }), password };
}

export async function createDevice(client: Client, hallId: string, kind: 'kiosk' | 'display' | 'evaluator') {
  const res = await client.post(`/api/v1/halls/${hallId}/devices`, { kind, name: `${kind} ${next()}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
}
