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

// ---------------------------------------------------------------------------------------------
// Tickets in a given state, for table-driven tests that need a fresh one per case.

/** The state a fixture needs its ticket in. `recalled_out`: called, with every recall used (maxRecalls 2). */
export type TicketState = 'waiting' | 'called' | 'recalled_out' | 'serving' | 'no_show';

export const MAX_RECALLS = 2;

function expectStatus(res: { statusCode: number; body: string }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
}

/** A window of the hall, created and signed in to by `operator`; returns its id. */
export async function openedWindow(t: TestApp, hallId: string, serviceIds: string[], operator: Client, overrides: Record<string, unknown> = {}) {
  const w = await createWindow(t.admin, hallId, serviceIds, overrides);
  await openWindow(operator, w.id);
  return w.id;
}

/** The open alert of `kind` raised for a window (late_sign_in, equipment_fault …). */
export async function alertOfWindow(t: TestApp, hallId: string, windowId: string, kind = 'late_sign_in') {
  const res = await t.admin.get(`/api/v1/halls/${hallId}/alerts`);
  expectStatus(res, 200);
  const alert = (res.json().items as { id: string; kind: string; payload: { windowId?: string } }[])
    .find((a) => a.kind === kind && a.payload.windowId === windowId);
  expect(alert, `no open ${kind} alert for window ${windowId}`).toBeDefined();
  return alert!.id;
}

/**
 * A window signed in to by `operator` that puts a freshly issued ticket into the state a test
 * needs. A window holds one called or serving ticket at a time, so before calling it ends the
 * one it still holds (as the admin: cancel a called ticket, complete a serving one); tickets
 * other cases left waiting in its services are called and cancelled until the new one comes up.
 */
export interface Desk {
  windowId: string;
  hallId: string;
  serviceId: string;
  operator: Client;
  /** Ends the ticket the window still holds, if any. */
  free(): Promise<void>;
  ticket(state: TicketState): Promise<{ id: string; number: string }>;
}

export async function openDesk(t: TestApp, hallId: string, serviceIds: string[], operator: Client, overrides: Record<string, unknown> = {}): Promise<Desk> {
  const windowId = await openedWindow(t, hallId, serviceIds, operator, overrides);
  const serviceId = serviceIds[0]!;
  const desk: Desk = {
    windowId, hallId, serviceId, operator,
    async free() {
      const state = await t.admin.get(`/api/v1/windows/${windowId}/state`);
      expectStatus(state, 200);
      const held = state.json().currentTicket as { id: string; status: 'called' | 'serving' } | null;
      if (!held) return;
      const res = held.status === 'called'
        ? await t.admin.post(`/api/v1/tickets/${held.id}/cancel`)
        : await t.admin.post(`/api/v1/tickets/${held.id}/complete`, { outcome: 'done' });
      expectStatus(res, 200);
    },
    async ticket(state) {
      const issued = await issue(t.admin, hallId, serviceId);
      if (state === 'waiting') return { id: issued.id, number: issued.number };
      // Tickets left waiting by earlier cases are called first: end them until ours comes up.
      let ticket: { id: string; number: string };
      do {
        await desk.free();
        const called = await operator.post(`/api/v1/windows/${windowId}/call-next`);
        expectStatus(called, 200);
        ticket = called.json().ticket as { id: string; number: string };
      } while (ticket.id !== issued.id);
      const act = async (path: string, body?: unknown) => expectStatus(await operator.post(`/api/v1/tickets/${ticket.id}/${path}`, body), 200);
      if (state === 'serving') await act('start');
      if (state === 'recalled_out' || state === 'no_show') for (let i = 0; i < MAX_RECALLS; i++) await act('recall');
      if (state === 'no_show') await act('no-show', {});
      return { id: ticket.id, number: ticket.number };
    },
  };
  return desk;
}
