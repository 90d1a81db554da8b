// Factories for queue tests: a hall that is open at the test clock, staff signed in to windows.
import { expect } from 'vitest';
import type { Client, TestApp } from '../harness.js';
import { createDevice, createHall, createService, createUser, createWindow } from './hall.js';

export const ALL_TICKED = { staff: true, alertness: true, equipment: true, forms_cash: true, safety: true };

/** Thursday 2026-11-26 10:00 in Shanghai: a working day, inside 09:00–17:00. */
export const THURSDAY_10AM = new Date('2026-11-26T02:00:00Z');

export async function openHallWithQueue(t: TestApp, options: { services?: number; windows?: number } = {}) {
  const hall = await createHall(t.admin, { openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })) });
  const services = [];
  for (let i = 0; i < (options.services ?? 2); i++) services.push(await createService(t.admin, hall.id, { kind: 'immediate' }));
  const kiosk = await createDevice(t.admin, hall.id, 'kiosk');
  const windows: { id: string; number: number; staff: Client }[] = [];
  for (let i = 0; i < (options.windows ?? 2); i++) {
    const w = await createWindow(t.admin, hall.id, services.map((s) => s.id));
    const u = await createUser(t.admin, hall.id, 'staff');
    const staff = await t.login(u.username, u.password);
    windows.push({ ...w, staff });
  }
  return { hall, services, kiosk: t.device(kiosk.token), windows };
}

export async function openWindow(staff: Client, windowId: string) {
  const res = await staff.post(`/api/v1/windows/${windowId}/open`, { checklist: ALL_TICKED });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function issue(kiosk: Client, hallId: string, serviceId: string, extra: Record<string, unknown> = {}) {
  const res = await kiosk.post(`/api/v1/halls/${hallId}/tickets`, { serviceId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; ahead: number; estimatedWaitMinutes: number | null; trackToken: string; trackUrl: string };
}
