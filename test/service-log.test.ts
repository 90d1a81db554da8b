// R-31 服务日志: every successful write leaves a row naming what happened, to what, by whom and in
// which hall; refused requests leave none (sign-in failures excepted); the hash chain verifies
// after many and concurrent writes, and reports a changed, removed or truncated row exactly.
// The app runs at a fixed clock inside the hall's opening hours so that the queue can be worked;
// every queue write is tried on a ticket or window in the state it needs.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { ADMIN_PASSWORD, createTestApp, type Client } from './harness.js';
import { createDevice, createHall, createService, createUser, createWindow } from './factories/hall.js';
import { alertOfWindow, ALL_TICKED, issue, openDesk, openedWindow, signOutEverywhere, THURSDAY_10AM, type Desk, type TicketState } from './factories/queue.js';

// Thursday 10:00 in Shanghai: the hall (weekdays 09:00–17:00) is open. Tests that need another
// time set it with `at` and put it back.
let clock = THURSDAY_10AM;
const t = await createTestApp({ now: () => clock });

async function at<T>(when: Date, work: () => Promise<T>): Promise<T> {
  clock = when;
  try {
    return await work();
  } finally {
    clock = THURSDAY_10AM;
  }
}
afterAll(async () => { await t.close(); });

const openapi = (await t.anonymous.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
const writeEndpoints = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.keys(ops).filter((m) => m !== 'get').map((m) => `${m.toUpperCase()} ${path}`));

// ---------------------------------------------------------------------------------------------

interface AuditRow {
  id: string; at: string; hallId: string | null;
  actor: { type: 'user' | 'device' | 'system'; id: string | null; name: string | null };
  action: string; targetType: string | null; targetId: string | null; before: unknown; after: unknown; hash: string;
}
interface Verify { ok: boolean; chains: { chain: string; rows: number; ok: boolean; brokenAt?: { id: number; chainSeq: number; reason: string } }[] }

interface Person { id: string; username: string; password: string; client: Client }
/** A device that writes: the hall's kiosk issuing tickets. */
interface Kiosk { type: 'device'; id: string; name: string; client: Client }
let hall: string;
let admin: Person;
let manager: Person;
let service: string;
let window: string;
let staff: Person;
let device: string;
let otherHall: string;
let kiosk: Kiosk;
/** A second service, for transfers. */
let otherService: string;
/** An open window of both services, worked by `staff`, that hands out tickets in any state. */
let desk: Desk;
/** Staff of the hall who are not signed in to the desk. */
let otherStaff: Person;
/**
 * Staff of the hall who sign in at the windows the window fixtures make, while `staff` keeps
 * the desk: a person is signed in to one window at a time (R-09, R-25).
 */
let clerk: Person;

let seq = 0;
const next = () => ++seq;
const prefix = (n: number) => String.fromCharCode(65 + (Math.floor(n / 26) % 26)) + String.fromCharCode(65 + (n % 26));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function person(hallId: string | null, role: 'admin' | 'manager' | 'staff' | 'inspector'): Promise<Person> {
  const u = await createUser(t.admin, hallId, role);
  return { ...u, client: await t.login(u.username, u.password) };
}

async function newService(hallId: string) {
  const n = next();
  return createService(t.admin, hallId, { code: `LOG-${n}`, ticketPrefix: prefix(n) });
}

async function count(where = sql`true`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log where ${where}`);
  return row!.n;
}

async function maxId(): Promise<number> {
  const [row] = await queryRows<{ m: string | number | null }>(t.ctx.db, sql`select max(id) as m from audit_log`);
  return Number(row!.m ?? 0);
}

/** Rows of one hall's log (or the global log) newer than `afterId`, read through the API as the admin. */
async function rowsSince(afterId: number, hallId: string | null): Promise<AuditRow[]> {
  const res = await t.admin.get(`/api/v1/audit?limit=500${hallId ? `&hallId=${hallId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as AuditRow[]).filter((r) => Number(r.id) > afterId);
}

async function verify(hallId?: string): Promise<Verify> {
  const res = await t.admin.get(`/api/v1/audit/verify${hallId ? `?hallId=${hallId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Verify;
}

beforeAll(async () => {
  hall = (await createHall(t.admin, { name: '日志大厅' })).id;
  const me = (await t.admin.get('/api/v1/auth/me')).json() as { user: { id: string } };
  admin = { id: me.user.id, username: 'admin', password: ADMIN_PASSWORD, client: t.admin };
  manager = await person(hall, 'manager');
  staff = await person(hall, 'staff');
  service = (await newService(hall)).id;
  window = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
  device = (await createDevice(t.admin, hall, 'kiosk')).id;
  otherHall = (await createHall(t.admin, { name: '别的大厅' })).id;
  const k = await createDevice(t.admin, hall, 'kiosk');
  kiosk = { type: 'device', id: k.id, name: (k as unknown as { name: string }).name, client: t.device(k.token) };
  otherService = (await newService(hall)).id;
  desk = await openDesk(t, hall, [service, otherService], staff.client, { number: 500 + next() });
  otherStaff = await person(hall, 'staff');
  clerk = await person(hall, 'staff');
});

// ---------------------------------------------------------------------------------------------
// Every write endpoint, with a valid request and the row it must leave.

interface Req { method: string; url: string; body?: unknown; raw?: Buffer }
interface Expected {
  action: string;
  targetType: string;
  targetId: string;
  /** The hall whose log holds the row; null for the global log. */
  hallId: string | null;
  actor: Person | Kiosk | { type: 'system'; name: string };
  /** What the row must say the target was and became (a subset). */
  before?: unknown;
  after?: unknown;
}
interface LogFx {
  /** Builds a valid request and who sends it; `expected` reads ids out of the response. */
  prepare: () => Promise<{ by: Person | Kiosk; req: Req; expected: (res: LightMyRequestResponse) => Expected }>;
}

const userTarget = (p: Person, action: string, by: Person = p): Expected => ({ action, targetType: 'user', targetId: p.id, hallId: hall, actor: by });

/** A window of the hall's service that `clerk` has just signed in to (leaving the one they were at). */
const staffedWindow = () => openedWindow(t, hall, [service], clerk.client, { number: 500 + next() });
const windowRow = (id: string, action: string, detail: Pick<Expected, 'before' | 'after'> = {}): Expected =>
  ({ action, targetType: 'window', targetId: id, hallId: hall, actor: clerk, ...detail });

/** A ticket action by the desk's staff on a ticket put into `state` first. */
type Detail = Pick<Expected, 'before' | 'after'>;
function ticketFx(path: string, state: TicketState, action: string, detail: Detail | (() => Detail), body?: () => unknown): LogFx {
  return {
    prepare: async () => {
      const ticket = await desk.ticket(state);
      return {
        by: staff, req: { method: 'POST', url: `/api/v1/tickets/${ticket.id}/${path}`, ...(body ? { body: body() } : {}) },
        expected: () => ({ action, targetType: 'ticket', targetId: ticket.id, hallId: hall, actor: staff, ...(typeof detail === 'function' ? detail() : detail) }),
      };
    },
  };
}

const fixtures: Record<string, LogFx> = {
  'POST /api/v1/auth/login': {
    prepare: async () => {
      const u = await createUser(t.admin, hall, 'staff');
      const p = { ...u, client: t.anonymous };
      return { by: p, req: { method: 'POST', url: '/api/v1/auth/login', body: { username: u.username, password: u.password } }, expected: () => userTarget(p, 'auth.login') };
    },
  },
  'POST /api/v1/auth/logout': {
    prepare: async () => {
      const p = await person(hall, 'inspector');
      return { by: p, req: { method: 'POST', url: '/api/v1/auth/logout' }, expected: () => userTarget(p, 'auth.logout') };
    },
  },
  'POST /api/v1/auth/password': {
    prepare: async () => {
      const p = await person(hall, 'staff');
      return {
        by: p, req: { method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: p.password, newPassword: 'a-new-password-1' } },
        expected: () => userTarget(p, 'auth.password_changed'),
      };
    },
  },
  'POST /api/v1/users': {
    prepare: async () => ({
      by: manager, req: { method: 'POST', url: '/api/v1/users', body: { username: `logged-${next()}`, password: 'logged-pass-1', name: '新人', role: 'staff' } },
      expected: (res) => ({ action: 'user.created', targetType: 'user', targetId: res.json().id, hallId: hall, actor: manager }),
    }),
  },
  'PATCH /api/v1/users/{userId}': {
    prepare: async () => ({
      by: manager, req: { method: 'PATCH', url: `/api/v1/users/${staff.id}`, body: { staffNumber: `N-${next()}` } },
      expected: () => userTarget(staff, 'user.updated', manager),
    }),
  },
  'DELETE /api/v1/users/{userId}': {
    prepare: async () => {
      const u = await createUser(t.admin, hall, 'inspector');
      return {
        by: manager, req: { method: 'DELETE', url: `/api/v1/users/${u.id}` },
        expected: () => ({ action: 'user.deactivated', targetType: 'user', targetId: u.id, hallId: hall, actor: manager }),
      };
    },
  },
  'PUT /api/v1/users/{userId}/photo': {
    prepare: async () => ({
      by: staff, req: { method: 'PUT', url: `/api/v1/users/${staff.id}/photo`, raw: PNG },
      expected: () => userTarget(staff, 'user.photo_changed'),
    }),
  },
  'POST /api/v1/halls': {
    prepare: async () => ({
      by: admin, req: { method: 'POST', url: '/api/v1/halls', body: { name: `新大厅 ${next()}`, timezone: 'Asia/Shanghai', openingHours: [] } },
      // A hall's first row opens its own chain.
      expected: (res) => ({ action: 'hall.created', targetType: 'hall', targetId: res.json().id, hallId: res.json().id, actor: admin }),
    }),
  },
  'PATCH /api/v1/halls/{hallId}': {
    prepare: async () => ({
      by: manager, req: { method: 'PATCH', url: `/api/v1/halls/${hall}`, body: { phone: `0571-${next()}` } },
      expected: () => ({ action: 'hall.updated', targetType: 'hall', targetId: hall, hallId: hall, actor: manager }),
    }),
  },
  'DELETE /api/v1/halls/{hallId}': {
    prepare: async () => {
      const h = (await createHall(t.admin)).id;
      return { by: admin, req: { method: 'DELETE', url: `/api/v1/halls/${h}` }, expected: () => ({ action: 'hall.archived', targetType: 'hall', targetId: h, hallId: h, actor: admin }) };
    },
  },
  'POST /api/v1/halls/{hallId}/services': {
    prepare: async () => {
      const n = next();
      return {
        by: manager, req: { method: 'POST', url: `/api/v1/halls/${hall}/services`, body: { code: `NEW-${n}`, name: '新事项', ticketPrefix: prefix(n), kind: 'immediate' } },
        expected: (res) => ({ action: 'service.created', targetType: 'service', targetId: res.json().id, hallId: hall, actor: manager }),
      };
    },
  },
  'PATCH /api/v1/services/{serviceId}': {
    prepare: async () => ({
      by: manager, req: { method: 'PATCH', url: `/api/v1/services/${service}`, body: { name: `改名 ${next()}` } },
      expected: () => ({ action: 'service.updated', targetType: 'service', targetId: service, hallId: hall, actor: manager }),
    }),
  },
  'POST /api/v1/halls/{hallId}/catalog/import': {
    prepare: async () => {
      const n = next();
      const entry = { code: `IMP-${n}`, name: '导入事项', ticketPrefix: prefix(n), kind: 'immediate', materials: [{ name: '居民身份证', originals: 1, copies: 0, required: true }] };
      return {
        by: manager, req: { method: 'POST', url: `/api/v1/halls/${hall}/catalog/import`, body: { format: 'chuangkou.catalog', version: 1, services: [entry] } },
        // One row per service written (here service.created) and one for the import as a whole.
        expected: () => ({ action: 'catalog.imported', targetType: 'hall', targetId: hall, hallId: hall, actor: manager, after: { created: 1, codes: [`IMP-${n}`] } }),
      };
    },
  },
  'DELETE /api/v1/services/{serviceId}': {
    prepare: async () => {
      const s = (await newService(hall)).id;
      return { by: manager, req: { method: 'DELETE', url: `/api/v1/services/${s}` }, expected: () => ({ action: 'service.archived', targetType: 'service', targetId: s, hallId: hall, actor: manager }) };
    },
  },
  'POST /api/v1/halls/{hallId}/windows': {
    prepare: async () => ({
      by: manager, req: { method: 'POST', url: `/api/v1/halls/${hall}/windows`, body: { number: 500 + next(), name: '新窗口', serviceIds: [service] } },
      expected: (res) => ({ action: 'window.created', targetType: 'window', targetId: res.json().id, hallId: hall, actor: manager }),
    }),
  },
  'PATCH /api/v1/windows/{windowId}': {
    prepare: async () => ({
      by: manager, req: { method: 'PATCH', url: `/api/v1/windows/${window}`, body: { name: `改名窗口 ${next()}` } },
      expected: () => ({ action: 'window.updated', targetType: 'window', targetId: window, hallId: hall, actor: manager }),
    }),
  },
  'DELETE /api/v1/windows/{windowId}': {
    prepare: async () => {
      const w = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
      return { by: manager, req: { method: 'DELETE', url: `/api/v1/windows/${w}` }, expected: () => ({ action: 'window.archived', targetType: 'window', targetId: w, hallId: hall, actor: manager }) };
    },
  },
  'POST /api/v1/halls/{hallId}/devices': {
    prepare: async () => ({
      by: manager, req: { method: 'POST', url: `/api/v1/halls/${hall}/devices`, body: { kind: 'evaluator', name: `评价器 ${next()}` } },
      expected: (res) => ({ action: 'device.created', targetType: 'device', targetId: res.json().id, hallId: hall, actor: manager }),
    }),
  },
  'PATCH /api/v1/devices/{deviceId}': {
    prepare: async () => ({
      by: manager, req: { method: 'PATCH', url: `/api/v1/devices/${device}`, body: { name: `取号机 ${next()}` } },
      expected: () => ({ action: 'device.renamed', targetType: 'device', targetId: device, hallId: hall, actor: manager }),
    }),
  },
  'DELETE /api/v1/devices/{deviceId}': {
    prepare: async () => {
      const d = (await createDevice(t.admin, hall, 'display')).id;
      return { by: manager, req: { method: 'DELETE', url: `/api/v1/devices/${d}` }, expected: () => ({ action: 'device.revoked', targetType: 'device', targetId: d, hallId: hall, actor: manager }) };
    },
  },
  'PUT /api/v1/halls/{hallId}/calendar/{year}': {
    prepare: async () => ({
      by: manager, req: { method: 'PUT', url: `/api/v1/halls/${hall}/calendar/2027`, body: { holidays: ['2027-10-01'], workdays: [] } },
      expected: () => ({ action: 'calendar.updated', targetType: 'calendar', targetId: '2027', hallId: hall, actor: manager }),
    }),
  },
  'POST /api/v1/halls/{hallId}/tickets': {
    prepare: async () => ({
      by: kiosk, req: { method: 'POST', url: `/api/v1/halls/${hall}/tickets`, body: { serviceId: service, priority: 'priority', priorityReason: 'pregnant', phone: '13800138000' } },
      expected: (res) => ({
        action: 'ticket.issued', targetType: 'ticket', targetId: res.json().id, hallId: hall, actor: kiosk,
        after: { number: res.json().number, serviceId: service, priority: 'priority', priorityReason: 'pregnant' },
      }),
    }),
  },
  'POST /api/v1/windows/{windowId}/open': {
    prepare: async () => {
      const w = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
      await signOutEverywhere(t, clerk.client);
      return {
        by: clerk, req: { method: 'POST', url: `/api/v1/windows/${w}/open`, body: { checklist: ALL_TICKED } },
        // 10:00 is later than 10 minutes before opening (R-09).
        expected: () => windowRow(w, 'window.opened', { before: { status: 'closed' }, after: { status: 'open', late: true, checklist: ALL_TICKED } }),
      };
    },
  },
  'POST /api/v1/windows/{windowId}/pause': {
    prepare: async () => {
      const w = await staffedWindow();
      return {
        by: clerk, req: { method: 'POST', url: `/api/v1/windows/${w}/pause`, body: { reason: 'other', note: '系统升级' } },
        expected: () => windowRow(w, 'window.paused', { before: { status: 'open' }, after: { status: 'paused', reason: 'other', note: '系统升级' } }),
      };
    },
  },
  'POST /api/v1/windows/{windowId}/resume': {
    prepare: async () => {
      const w = await staffedWindow();
      expect((await clerk.client.post(`/api/v1/windows/${w}/pause`, { reason: 'break' })).statusCode).toBe(200);
      return {
        by: clerk, req: { method: 'POST', url: `/api/v1/windows/${w}/resume` },
        expected: () => windowRow(w, 'window.resumed', { before: { status: 'paused', reason: 'break' }, after: { status: 'open', pausedMinutes: 0 } }),
      };
    },
  },
  'POST /api/v1/windows/{windowId}/close': {
    prepare: async () => {
      // The desk serves the same service: nobody is stranded, so this is a plain close.
      const w = await staffedWindow();
      return { by: clerk, req: { method: 'POST', url: `/api/v1/windows/${w}/close`, body: {} }, expected: () => windowRow(w, 'window.closed', { before: { status: 'open' }, after: { status: 'closed' } }) };
    },
  },
  'POST /api/v1/windows/{windowId}/call-next': {
    prepare: async () => {
      await desk.free();
      await issue(kiosk.client, hall, service);
      return {
        by: staff, req: { method: 'POST', url: `/api/v1/windows/${desk.windowId}/call-next` },
        expected: (res) => ({
          action: 'ticket.called', targetType: 'ticket', targetId: res.json().ticket.id, hallId: hall, actor: staff,
          before: { status: 'waiting' }, after: { status: 'called', windowId: desk.windowId },
        }),
      };
    },
  },
  'POST /api/v1/tickets/{ticketId}/recall': ticketFx('recall', 'called', 'ticket.recalled', { before: { status: 'called', recalls: 0 }, after: { status: 'called', recalls: 1 } }),
  'POST /api/v1/tickets/{ticketId}/start': ticketFx('start', 'called', 'ticket.started', { before: { status: 'called' }, after: { status: 'serving' } }),
  'POST /api/v1/tickets/{ticketId}/no-show': ticketFx('no-show', 'recalled_out', 'ticket.no_show', { before: { status: 'called', recalls: 2 }, after: { status: 'no_show' } }, () => ({})),
  'POST /api/v1/tickets/{ticketId}/cancel': ticketFx('cancel', 'waiting', 'ticket.cancelled', { before: { status: 'waiting' }, after: { status: 'cancelled' } }),
  'POST /api/v1/tickets/{ticketId}/rejoin': ticketFx('rejoin', 'no_show', 'ticket.rejoined', { before: { status: 'no_show' }, after: { status: 'waiting' } }),
  'POST /api/v1/tickets/{ticketId}/complete': ticketFx('complete', 'serving', 'ticket.completed',
    { before: { status: 'serving' }, after: { status: 'done', outcome: 'notice_issued' } }, () => ({ outcome: 'notice_issued', note: '缺户口簿，已一次性告知' })),
  'POST /api/v1/tickets/{ticketId}/transfer': ticketFx('transfer', 'serving', 'ticket.transferred',
    () => ({ before: { status: 'serving', serviceId: service }, after: { status: 'waiting', serviceId: otherService, windowId: null } }), () => ({ serviceId: otherService, position: 'back' })),
  'POST /api/v1/alerts/{alertId}/resolve': {
    prepare: async () => {
      const alert = await alertOfWindow(t, hall, await staffedWindow());
      return {
        by: manager, req: { method: 'POST', url: `/api/v1/alerts/${alert}/resolve` },
        expected: () => ({ action: 'alert.resolved', targetType: 'alert', targetId: alert, hallId: hall, actor: manager, before: { kind: 'late_sign_in' } }),
      };
    },
  },
  'POST /api/v1/halls/{hallId}/cases': {
    prepare: async () => ({
      by: staff, req: { method: 'POST', url: `/api/v1/halls/${hall}/cases`, body: { serviceId: service, applicant: { name: '张三' }, submitted: [] } },
      expected: (res) => caseRow(res.json().id, 'case.created', { after: { status: 'open', serviceId: service, ownerId: staff.id, missing: [res.json().materials[0].materialId] } }),
    }),
  },
  'PATCH /api/v1/cases/{caseId}': caseLogFx('missing', (c, m) => ({ method: 'PATCH', url: `/api/v1/cases/${c}`, body: { submitted: [m] } }),
    (c, m) => caseRow(c, 'case.updated', { before: { submitted: [] }, after: { submitted: [m], missingCount: 0 } })),
  'POST /api/v1/cases/{caseId}/notices': caseLogFx('missing', (c) => ({ method: 'POST', url: `/api/v1/cases/${c}/notices`, body: {} }),
    (c, m, res) => ({ ...caseRow(res.json().id, 'case.notice_issued', { before: { status: 'open' }, after: { caseId: c, round: 1, status: 'awaiting_supplement', missing: [m] } }), targetType: 'case_notice' })),
  'POST /api/v1/cases/{caseId}/accept': caseLogFx('complete', (c) => ({ method: 'POST', url: `/api/v1/cases/${c}/accept`, body: {} }),
    (c) => caseRow(c, 'case.accepted', { before: { status: 'open' }, after: { status: 'accepted', acceptedDay: '2026-11-26', deadline: '2026-12-03' } })),
  'POST /api/v1/cases/{caseId}/refuse': caseLogFx('complete', (c) => ({ method: 'POST', url: `/api/v1/cases/${c}/refuse`, body: { reason: '不属于本机关职责范围', basis: '《行政许可法》第三十二条' } }),
    (c) => caseRow(c, 'case.refused', { after: { status: 'refused', reason: '不属于本机关职责范围', basis: '《行政许可法》第三十二条' } })),
  'POST /api/v1/cases/{caseId}/complete': caseLogFx('accepted', (c) => ({ method: 'POST', url: `/api/v1/cases/${c}/complete`, body: { result: '已办结' } }),
    (c) => caseRow(c, 'case.completed', { before: { status: 'accepted' }, after: { status: 'completed', onTime: true, result: '已办结' } })),
  'POST /api/v1/cases/{caseId}/extensions': caseLogFx('accepted', (c) => ({ method: 'POST', url: `/api/v1/cases/${c}/extensions`, body: { workingDays: 3, reason: '需现场核查' } }),
    (c, _m, res) => ({ ...caseRow(res.json().id, 'case.extension_requested', { after: { caseId: c, workingDays: 3, reason: '需现场核查' } }), targetType: 'case_extension' })),
  'POST /api/v1/extensions/{extensionId}/approve': caseLogFx('extension', (_c, _m, e) => ({ method: 'POST', url: `/api/v1/extensions/${e}/approve`, body: { note: '同意' } }),
    (c, _m, _res, e) => ({ ...caseRow(e!, 'case.extension_approved', { before: { deadline: '2026-12-03' }, after: { caseId: c, status: 'approved', deadline: '2026-12-07' } }), targetType: 'case_extension', actor: manager }), 'manager'),
  'POST /api/v1/extensions/{extensionId}/reject': caseLogFx('extension', (_c, _m, e) => ({ method: 'POST', url: `/api/v1/extensions/${e}/reject`, body: {} }),
    (c, _m, _res, e) => ({ ...caseRow(e!, 'case.extension_rejected', { after: { caseId: c, status: 'rejected', deadline: '2026-12-03' } }), targetType: 'case_extension', actor: manager }), 'manager'),
};

// ---- cases: each fixture works on a fresh case of `service` (its one material is required), made by `staff`.

function caseRow(id: string, action: string, detail: Detail = {}): Expected {
  return { action, targetType: 'case', targetId: id, hallId: hall, actor: staff, ...detail };
}

async function caseIn(state: 'complete' | 'missing' | 'accepted' | 'extension') {
  const material = ((await t.admin.get(`/api/v1/services/${service}`)).json() as { materials: { id: string }[] }).materials[0]!.id;
  const created = await staff.client.post(`/api/v1/halls/${hall}/cases`, { serviceId: service, applicant: { name: '张三' }, submitted: state === 'missing' ? [] : [material] });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().id as string;
  if (state === 'accepted' || state === 'extension') expect((await staff.client.post(`/api/v1/cases/${caseId}/accept`, {})).statusCode).toBe(200);
  let extensionId: string | null = null;
  if (state === 'extension') {
    const ext = await staff.client.post(`/api/v1/cases/${caseId}/extensions`, { workingDays: 2, reason: '需现场核查' });
    expect(ext.statusCode, ext.body).toBe(201);
    extensionId = ext.json().id;
  }
  return { caseId, material, extensionId };
}

function caseLogFx(
  state: 'complete' | 'missing' | 'accepted' | 'extension',
  request: (caseId: string, material: string, extensionId: string | null) => Req,
  expected: (caseId: string, material: string, res: LightMyRequestResponse, extensionId: string | null) => Expected,
  by: 'staff' | 'manager' = 'staff',
): LogFx {
  return {
    prepare: async () => {
      const { caseId, material, extensionId } = await caseIn(state);
      // People are made in beforeAll, after the fixtures are defined: picked when the fixture runs.
      return { by: by === 'manager' ? manager : staff, req: request(caseId, material, extensionId), expected: (res) => expected(caseId, material, res, extensionId) };
    },
  };
}

function send(client: Client, r: Req): Promise<LightMyRequestResponse> {
  if (r.raw) return client.request(r.method as 'PUT', r.url, r.raw, { 'content-type': 'image/png' });
  return client.request(r.method as 'POST', r.url, r.body);
}

function expectRowFor(rows: AuditRow[], e: Expected) {
  const actor = !('type' in e.actor) ? { type: 'user', id: e.actor.id, name: e.actor.username }
    : e.actor.type === 'device' ? { type: 'device', id: e.actor.id, name: e.actor.name }
    : { type: e.actor.type, id: null, name: e.actor.name };
  expect(rows, `no row in ${e.hallId ?? 'the global'} log: ${JSON.stringify(rows)}`).toContainEqual(expect.objectContaining({
    action: e.action, targetType: e.targetType, targetId: e.targetId, hallId: e.hallId, actor,
  }));
  const row = rows.find((r) => r.action === e.action && r.targetId === e.targetId)!;
  // Written at the app's clock (fixed in this file), not the machine's.
  expect(Math.abs(clock.getTime() - Date.parse(row.at))).toBeLessThan(60_000);
  expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  if (e.before !== undefined) expect(row.before, `before of ${e.action}`).toMatchObject(e.before as object);
  if (e.after !== undefined) expect(row.after, `after of ${e.action}`).toMatchObject(e.after as object);
}

describe('every successful write', () => {
  it('has a service-log fixture for every write endpoint in the OpenAPI document', () => {
    expect(writeEndpoints.filter((k) => !fixtures[k]), 'add a fixture to `fixtures`').toEqual([]);
    expect(Object.keys(fixtures).filter((k) => !writeEndpoints.includes(k)), 'fixture for a removed endpoint').toEqual([]);
  });

  for (const key of writeEndpoints) {
    const fx = fixtures[key];
    if (!fx) continue;
    it(`logs ${key} with its action, target, actor and hall`, async () => {
      const { by, req, expected } = await fx.prepare();
      const since = await maxId();
      const res = await send(by.client, req);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
      const e = expected(res);
      expectRowFor(await rowsSince(since, e.hallId), e);
    });
  }

  it('logs an admin created without a hall, and an admin signing in, in the global log (admins only)', async () => {
    const since = await maxId();
    const res = await t.admin.post('/api/v1/users', { username: `admin-${next()}`, password: 'second-admin-pass', name: '第二管理员', role: 'admin' });
    expect(res.statusCode, res.body).toBe(201);
    const second: Person = { id: res.json().id, username: res.json().username, password: 'second-admin-pass', client: t.admin };
    expectRowFor(await rowsSince(since, null), { action: 'user.created', targetType: 'user', targetId: second.id, hallId: null, actor: admin });
    await t.login(second.username, second.password);
    expectRowFor(await rowsSince(since, null), { action: 'auth.login', targetType: 'user', targetId: second.id, hallId: null, actor: second });
    expect((await manager.client.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('adds no row for a queue request that succeeds without changing anything', async () => {
    // A window whose only service has nobody waiting: call-next answers 204 and calls no one.
    const quiet = (await newService(hall)).id;
    const w = await openedWindow(t, hall, [quiet], clerk.client, { number: 500 + next() });
    const resolved = await alertOfWindow(t, hall, w);
    expect((await manager.client.post(`/api/v1/alerts/${resolved}/resolve`)).statusCode).toBe(204);
    const closed = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
    const since = await maxId();
    const called = await clerk.client.post(`/api/v1/windows/${w}/call-next`);
    expect(called.statusCode, called.body).toBe(204);
    expect(called.body).toBe('');
    // Signing in again to one's own window, closing a closed window, resolving a resolved alert.
    expect((await clerk.client.post(`/api/v1/windows/${w}/open`, { checklist: ALL_TICKED })).statusCode).toBe(200);
    expect((await manager.client.post(`/api/v1/windows/${closed}/close`, {})).statusCode).toBe(200);
    expect((await manager.client.post(`/api/v1/alerts/${resolved}/resolve`)).statusCode).toBe(204);
    expect(await rowsSince(since, hall)).toEqual([]);
    expect(await count(sql`id > ${since}`)).toBe(0);
  });

  it('logs closing the last window on people who wait as window.closed_override, with the reason, by the manager', async () => {
    const alone = (await newService(hall)).id;
    const w = await openedWindow(t, hall, [alone], clerk.client, { number: 500 + next() });
    await issue(kiosk.client, hall, alone);
    const since = await maxId();
    const res = await manager.client.post(`/api/v1/windows/${w}/close`, { override: true, reason: '系统故障，已安排到 3 号窗口' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsSince(since, hall);
    expectRowFor(rows, {
      action: 'window.closed_override', targetType: 'window', targetId: w, hallId: hall, actor: manager,
      before: { status: 'open' }, after: { status: 'closed', override: true, reason: '系统故障，已安排到 3 号窗口', stranded: [{ serviceId: alone, waiting: 1 }] },
    });
    expect(rows.map((r) => r.action)).not.toContain('window.closed');
    // R-10: the service is now unattended with someone waiting, which raises an alert.
    expect(rows.find((r) => r.action === 'alert.raised')).toMatchObject({ targetType: 'alert', after: { kind: 'service_unattended', serviceId: alone, waiting: 1 } });
  });

  it('logs the alerts a window raises and clears: a late sign-in, an equipment fault and its repair', async () => {
    const w = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
    await signOutEverywhere(t, clerk.client);
    let since = await maxId();
    expect((await clerk.client.post(`/api/v1/windows/${w}/open`, { checklist: ALL_TICKED })).statusCode).toBe(200);
    const late = await alertOfWindow(t, hall, w, 'late_sign_in');
    expectRowFor(await rowsSince(since, hall), { action: 'alert.raised', targetType: 'alert', targetId: late, hallId: hall, actor: clerk, after: { kind: 'late_sign_in', windowId: w } });
    since = await maxId();
    expect((await clerk.client.post(`/api/v1/windows/${w}/pause`, { reason: 'equipment', note: '打印机卡纸' })).statusCode).toBe(200);
    const fault = await alertOfWindow(t, hall, w, 'equipment_fault');
    expectRowFor(await rowsSince(since, hall), { action: 'alert.raised', targetType: 'alert', targetId: fault, hallId: hall, actor: clerk, after: { kind: 'equipment_fault', windowId: w } });
    since = await maxId();
    expect((await clerk.client.post(`/api/v1/windows/${w}/resume`)).statusCode).toBe(200);
    const rows = await rowsSince(since, hall);
    expectRowFor(rows, windowRow(w, 'window.resumed'));
    expectRowFor(rows, { action: 'alert.resolved', targetType: 'alert', targetId: fault, hallId: hall, actor: clerk });
  });

  it('records what a change replaced and never a secret', async () => {
    const since = await maxId();
    const old = ((await t.admin.get(`/api/v1/halls/${hall}`)).json() as { phone: string | null }).phone;
    expect((await manager.client.patch(`/api/v1/halls/${hall}`, { phone: '0571-99999999' })).statusCode).toBe(200);
    const token = (await t.admin.post(`/api/v1/halls/${hall}/devices`, { kind: 'kiosk', name: '秘密取号机' })).json().token as string;
    const someone = await createUser(t.admin, hall, 'inspector');
    expect((await t.admin.patch(`/api/v1/users/${someone.id}`, { password: 'secret-reset-pass' })).statusCode).toBe(200);
    // A ticket's tracking token opens its status page; the citizen's phone number is theirs.
    const ticket = await issue(kiosk.client, hall, service, { phone: '13912345678' });
    const rows = await rowsSince(since, hall);
    expect(rows.find((r) => r.action === 'hall.updated')).toMatchObject({ before: { phone: old }, after: { phone: '0571-99999999' } });
    expect(rows.map((r) => r.action)).toContain('user.updated_password_reset');
    expect(rows.map((r) => r.action)).toContain('ticket.issued');
    const text = JSON.stringify(rows);
    for (const secret of [token, 'secret-reset-pass', 'scrypt$', ticket.trackToken, '13912345678']) expect(text).not.toContain(secret);
  });
});

// ---------------------------------------------------------------------------------------------

describe('refused requests', () => {
  const refusals: [string, number, () => Promise<LightMyRequestResponse>][] = [
    ['invalid fields (400)', 400, () => manager.client.post(`/api/v1/halls/${hall}/services`, { code: '' })],
    ['malformed JSON (400)', 400, () => manager.client.request('PATCH', `/api/v1/halls/${hall}`, '{"a":', { 'content-type': 'application/json' })],
    ['invalid opening hours (400)', 400, () => manager.client.patch(`/api/v1/halls/${hall}`, { openingHours: [{ weekday: 1, open: '17:00', close: '09:00' }] })],
    ['a wrong current password (400)', 400, () => staff.client.post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: 'whatever-123' })],
    ['no credentials (401)', 401, () => t.anonymous.patch(`/api/v1/halls/${hall}`, { name: '匿名' })],
    ['a role that may not write (403)', 403, () => staff.client.patch(`/api/v1/halls/${hall}`, { name: '越权' })],
    ['another hall (403)', 403, () => manager.client.post(`/api/v1/halls/${otherHall}/devices`, { kind: 'kiosk', name: 'x' })],
    ['a foreign origin (403)', 403, () => manager.client.request('PATCH', `/api/v1/halls/${hall}`, { name: 'csrf' }, { origin: 'https://evil.example' })],
    ['an unknown id (404)', 404, () => manager.client.patch('/api/v1/services/5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f', { name: 'x' })],
    ['a taken service code (409)', 409, async () => {
      const existing = ((await t.admin.get(`/api/v1/services/${service}`)).json() as { code: string }).code;
      return manager.client.post(`/api/v1/halls/${hall}/services`, { code: existing, name: '重复', ticketPrefix: 'QQ', kind: 'immediate' });
    }],
    ['a taken username (409)', 409, () => manager.client.post('/api/v1/users', { username: staff.username.toUpperCase(), password: 'dup-pass-123', name: '重复', role: 'staff' })],
    ['deactivating oneself (409)', 409, () => t.admin.delete(`/api/v1/users/${admin.id}`)],
    ['a photo that is not an image (400)', 400, () => staff.client.request('PUT', `/api/v1/users/${staff.id}/photo`, Buffer.from('not an image'), { 'content-type': 'image/png' })],
    ['a sign-in with invalid fields (400)', 400, () => t.anonymous.post('/api/v1/auth/login', { username: 'admin', password: '' })],
  ];

  it.each(refusals)('adds no row for %s', async (_what, status, make) => {
    const before = await count();
    const res = await make();
    expect(res.statusCode, res.body).toBe(status);
    expect(await count()).toBe(before);
  });

  // Queue refusals, each on a window or ticket set up first (which logs), then refused (which must not).
  const EVENING = new Date('2026-11-26T12:00:00Z'); // 20:00 in Shanghai
  const lastWindow = async () => {
    const alone = (await newService(hall)).id;
    const w = await openedWindow(t, hall, [alone], clerk.client, { number: 500 + next() });
    await issue(kiosk.client, hall, alone);
    return w;
  };
  const post = (who: { client: Client }, url: string, body?: unknown) => who.client.post(`/api/v1${url}`, body);
  const queueRefusals: [string, number, string, () => Promise<() => Promise<LightMyRequestResponse>>][] = [
    ['a ticket while the hall is closed', 409, 'hall_closed', async () => () => at(EVENING, () => post(kiosk, `/halls/${hall}/tickets`, { serviceId: service }))],
    ['a ticket for a service no window serves', 409, 'no_open_window', async () => {
      const unserved = (await newService(hall)).id;
      return () => post(kiosk, `/halls/${hall}/tickets`, { serviceId: unserved });
    }],
    ['a ticket for a service of another hall', 404, 'not_found', async () => {
      const foreign = (await newService(otherHall)).id;
      return () => post(kiosk, `/halls/${hall}/tickets`, { serviceId: foreign });
    }],
    ['a reason on a normal ticket', 400, 'validation_failed', async () => () => post(kiosk, `/halls/${hall}/tickets`, { serviceId: service, priorityReason: 'elderly' })],
    ['opening without the whole checklist', 400, 'checklist_incomplete', async () => {
      const w = (await createWindow(t.admin, hall, [service], { number: 500 + next() })).id;
      return () => post(staff, `/windows/${w}/open`, { checklist: { ...ALL_TICKED, safety: false } });
    }],
    ['signing in to a window someone else is signed in to', 409, 'window_taken', async () => () => post(otherStaff, `/windows/${desk.windowId}/open`, { checklist: ALL_TICKED })],
    ['window work by staff not signed in to the window', 403, 'not_window_staff', async () => {
      const ticket = await desk.ticket('called');
      return () => post(otherStaff, `/tickets/${ticket.id}/recall`);
    }],
    ['pausing a paused window', 409, 'window_not_open', async () => {
      const w = await staffedWindow();
      expect((await post(clerk, `/windows/${w}/pause`, { reason: 'break' })).statusCode).toBe(200);
      return () => post(clerk, `/windows/${w}/pause`, { reason: 'break' });
    }],
    ['calling at a paused window', 409, 'window_not_open', async () => {
      const w = await staffedWindow();
      expect((await post(clerk, `/windows/${w}/pause`, { reason: 'handover' })).statusCode).toBe(200);
      return () => post(clerk, `/windows/${w}/call-next`);
    }],
    ['calling while the window still holds a ticket', 409, 'window_busy', async () => {
      await desk.ticket('serving');
      return () => post(staff, `/windows/${desk.windowId}/call-next`);
    }],
    ['closing while the window still holds a ticket', 409, 'window_busy', async () => {
      await desk.ticket('called');
      return () => post(manager, `/windows/${desk.windowId}/close`, {});
    }],
    ['closing the last window on people who wait', 409, 'tickets_waiting', async () => {
      const w = await lastWindow();
      return () => post(clerk, `/windows/${w}/close`, {});
    }],
    ['an override by staff', 403, 'forbidden', async () => {
      const w = await lastWindow();
      return () => post(clerk, `/windows/${w}/close`, { override: true, reason: '下班' });
    }],
    ['an override without a reason', 400, 'validation_failed', async () => {
      const w = await lastWindow();
      return () => post(manager, `/windows/${w}/close`, { override: true, reason: '  ' });
    }],
    ['starting a waiting ticket', 409, 'invalid_transition', async () => {
      const ticket = await desk.ticket('waiting');
      return () => post(staff, `/tickets/${ticket.id}/start`);
    }],
    ['a no-show before the recalls are used', 409, 'recalls_remaining', async () => {
      const ticket = await desk.ticket('called');
      return () => post(staff, `/tickets/${ticket.id}/no-show`, {});
    }],
    ['a fourth call of the same number', 409, 'recall_limit_reached', async () => {
      const ticket = await desk.ticket('recalled_out');
      return () => post(staff, `/tickets/${ticket.id}/recall`);
    }],
    ['a transfer to the queue the ticket is in', 409, 'transfer_to_same_queue', async () => {
      const ticket = await desk.ticket('serving');
      return () => post(staff, `/tickets/${ticket.id}/transfer`, { serviceId: service });
    }],
    ['a rejoin after the rejoin time', 409, 'rejoin_window_passed', async () => {
      const ticket = await desk.ticket('no_show');
      return () => at(new Date(THURSDAY_10AM.getTime() + 31 * 60_000), () => post(staff, `/tickets/${ticket.id}/rejoin`));
    }],
    ['a second rejoin', 409, 'rejoin_limit_reached', async () => {
      const ticket = await desk.ticket('no_show');
      expect((await post(staff, `/tickets/${ticket.id}/rejoin`)).statusCode).toBe(200);
      await desk.free();
      expect((await post(staff, `/windows/${desk.windowId}/call-next`)).json().ticket.id, 'a rejoined ticket is next').toBe(ticket.id);
      for (let i = 0; i < 2; i++) expect((await post(staff, `/tickets/${ticket.id}/recall`)).statusCode).toBe(200);
      expect((await post(staff, `/tickets/${ticket.id}/no-show`, {})).statusCode).toBe(200);
      return () => post(staff, `/tickets/${ticket.id}/rejoin`);
    }],
    ['resolving an alert, as staff', 403, 'forbidden', async () => {
      const alert = await alertOfWindow(t, hall, await staffedWindow());
      return () => post(staff, `/alerts/${alert}/resolve`);
    }],
  ];

  it.each(queueRefusals)('adds no row for %s (%i %s)', async (_what, status, code, prepare) => {
    const send = await prepare();
    const before = await count();
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code, res.body).toBe(code);
    expect(await count()).toBe(before);
  });

  it('logs a failed sign-in of a known person in their hall, as the system, naming the username', async () => {
    const since = await maxId();
    const res = await t.anonymous.post('/api/v1/auth/login', { username: staff.username, password: 'definitely-wrong' });
    expect(res.statusCode).toBe(401);
    const rows = await rowsSince(since, hall);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'auth.login_failed', targetType: 'user', targetId: staff.id, actor: { type: 'system', id: null, name: staff.username } });
    expect(await count(sql`id > ${since}`)).toBe(1);
  });

  it('logs a failed sign-in of an unknown username in the global log', async () => {
    const since = await maxId();
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever-pass' })).statusCode).toBe(401);
    expectRowFor(await rowsSince(since, null), { action: 'auth.login_failed', targetType: 'user', targetId: 'nobody-here', hallId: null, actor: { type: 'system', name: 'nobody-here' } });
    expect(await count(sql`id > ${since}`)).toBe(1);
  });

  it('logs a deactivated person signing in with the right password as a failure', async () => {
    const u = await createUser(t.admin, hall, 'staff');
    expect((await t.admin.delete(`/api/v1/users/${u.id}`)).statusCode).toBe(204);
    const since = await maxId();
    expect((await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password })).statusCode).toBe(401);
    expect((await rowsSince(since, hall)).map((r) => r.action)).toEqual(['auth.login_failed']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the hash chain', () => {
  it('verifies after many writes in several halls, and counts every row', async () => {
    const other = (await createHall(t.admin)).id;
    for (let i = 0; i < 15; i++) {
      const h = i % 2 ? hall : other;
      expect((await t.admin.patch(`/api/v1/halls/${h}`, { phone: `0571-${i}` })).statusCode).toBe(200);
    }
    const report = await verify();
    expect(report.ok, JSON.stringify(report)).toBe(true);
    expect(report.chains.every((c) => c.ok)).toBe(true);
    const perChain = await queryRows<{ chain: string; n: number }>(t.ctx.db, sql`select chain, count(*)::int as n from audit_log group by chain`);
    expect(Object.fromEntries(report.chains.map((c) => [c.chain, c.rows]))).toEqual(Object.fromEntries(perChain.map((c) => [c.chain, c.n])));
    expect(report.chains.map((c) => c.chain)).toEqual(expect.arrayContaining(['global', hall, other]));
  });

  it('keeps one valid chain and exactly 20 more rows after 20 concurrent writes in one hall', async () => {
    const h = (await createHall(t.admin)).id;
    const s = (await newService(h)).id;
    const before = await count(sql`hall_id = ${h}`);
    const writes = Array.from({ length: 20 }, (_, i) => {
      const n = next();
      switch (i % 4) {
        case 0: return t.admin.post(`/api/v1/halls/${h}/devices`, { kind: 'kiosk', name: `并发 ${n}` });
        case 1: return t.admin.post(`/api/v1/halls/${h}/services`, { code: `C-${n}`, name: `并发 ${n}`, ticketPrefix: prefix(n), kind: 'immediate' });
        case 2: return t.admin.post(`/api/v1/halls/${h}/windows`, { number: 600 + n, name: `并发 ${n}`, serviceIds: [s] });
        default: return t.admin.patch(`/api/v1/halls/${h}`, { phone: `0571-${n}` });
      }
    });
    const results = await Promise.all(writes);
    for (const r of results) expect(r.statusCode, r.body).toBeLessThan(300);
    expect(await count(sql`hall_id = ${h}`)).toBe(before + 20);
    const report = await verify(h);
    expect(report, JSON.stringify(report)).toMatchObject({ ok: true, chains: [{ chain: h, ok: true, rows: before + 20 }] });
    const seqs = await queryRows<{ chain_seq: string | number }>(t.ctx.db, sql`select chain_seq from audit_log where chain = ${h} order by chain_seq`);
    expect(seqs.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
  });
});

describe('the hash chain under queue traffic', () => {
  it('keeps one valid chain when 16 tickets are issued and called at once: distinct numbers, one row each', async () => {
    const h = (await createHall(t.admin)).id;
    const s = await createService(t.admin, h, { code: `Q-${next()}`, ticketPrefix: 'Q', kind: 'immediate' });
    const desks = [];
    for (let i = 0; i < 4; i++) desks.push(await openDesk(t, h, [s.id], (await person(h, 'staff')).client, { number: 900 + i }));
    const k = t.device((await createDevice(t.admin, h, 'kiosk')).token);
    const before = await count(sql`hall_id = ${h}`);
    const issued = await Promise.all(Array.from({ length: 16 }, () => k.post(`/api/v1/halls/${h}/tickets`, { serviceId: s.id })));
    for (const r of issued) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(issued.map((r) => r.json().number)).size).toBe(16);
    const calls = await Promise.all(desks.map((d) => d.operator.post(`/api/v1/windows/${d.windowId}/call-next`)));
    for (const r of calls) expect(r.statusCode, r.body).toBe(200);
    expect(new Set(calls.map((r) => r.json().ticket.id)).size, 'no ticket called twice').toBe(4);
    const rows = await queryRows<{ action: string; n: number }>(t.ctx.db, sql`select action, count(*)::int as n from audit_log where hall_id = ${h} and id > 0 group by action`);
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(byAction['ticket.issued']).toBe(16);
    expect(byAction['ticket.called']).toBe(4);
    expect(await count(sql`hall_id = ${h}`)).toBe(before + 20);
    const report = await verify(h);
    expect(report, JSON.stringify(report)).toMatchObject({ ok: true, chains: [{ chain: h, ok: true, rows: before + 20 }] });
  });
});

describe('paging the log', () => {
  async function walk(hallId: string, limit: number): Promise<{ pages: AuditRow[][] }> {
    const pages: AuditRow[][] = [];
    let cursor: string | null = null;
    do {
      const res = await t.admin.get(`/api/v1/audit?hallId=${hallId}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: AuditRow[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      if (page.nextCursor) expect(page.items).toHaveLength(limit);
      pages.push(page.items);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThan(100);
    } while (cursor);
    return { pages };
  }

  it.each([23, 10])('walks a hall with %i rows 5 at a time: every row exactly once, newest first', async (total) => {
    const h = (await createHall(t.admin)).id;
    for (let i = 1; i < total; i++) expect((await t.admin.patch(`/api/v1/halls/${h}`, { phone: `${i}` })).statusCode).toBe(200);
    const inDb = await queryRows<{ id: string | number }>(t.ctx.db, sql`select id from audit_log where hall_id = ${h} order by id desc`);
    expect(inDb).toHaveLength(total);
    const { pages } = await walk(h, 5);
    expect(pages).toHaveLength(Math.ceil(total / 5));
    const ids = pages.flat().map((r) => Number(r.id));
    expect(ids).toEqual(inDb.map((r) => Number(r.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.flat().every((r) => r.hallId === h)).toBe(true);
    expect(pages.flat().at(-1)!.action).toBe('hall.created');
  });
});

// Tampering breaks chains for good, so it comes last and each case uses a hall of its own.
describe('tampering with the log', () => {
  async function hallWithRows(n: number): Promise<{ hallId: string; rows: { id: number; seq: number }[] }> {
    const h = (await createHall(t.admin)).id;
    for (let i = 1; i < n; i++) expect((await t.admin.patch(`/api/v1/halls/${h}`, { phone: `${i}` })).statusCode).toBe(200);
    const rows = await queryRows<{ id: string | number; chain_seq: string | number }>(t.ctx.db, sql`select id, chain_seq from audit_log where chain = ${h} order by chain_seq`);
    expect((await verify(h)).ok).toBe(true);
    return { hallId: h, rows: rows.map((r) => ({ id: Number(r.id), seq: Number(r.chain_seq) })) };
  }

  /** The append-only trigger's refusal (drizzle wraps the database error as `cause`). */
  async function expectRefusedByTrigger(statement: ReturnType<typeof sql>) {
    const err = await t.ctx.db.execute(statement).then(() => null, (e: unknown) => e as { message: string; cause?: { message?: string } });
    expect(err, 'the statement should have been refused').not.toBeNull();
    expect(`${err!.message} ${err!.cause?.message ?? ''}`).toMatch(/audit_log is append-only/);
  }

  /** What a DBA with the table owner's rights could do: switch the guard off, change, switch it on. */
  async function asDba(statement: ReturnType<typeof sql>) {
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
  }

  it('has the database refuse a plain UPDATE and DELETE of a log row', async () => {
    const { hallId, rows } = await hallWithRows(3);
    const id = rows[1]!.id;
    await expectRefusedByTrigger(sql`update audit_log set after = '{"phone":"forged"}' where id = ${id}`);
    await expectRefusedByTrigger(sql`delete from audit_log where id = ${id}`);
    await expectRefusedByTrigger(sql`delete from audit_log where chain = ${hallId}`);
    expect(await count(sql`chain = ${hallId}`)).toBe(3);
    expect((await verify(hallId)).ok).toBe(true);
  });

  it("reports a changed row's `after` as hash_mismatch at that row", async () => {
    const { hallId, rows } = await hallWithRows(5);
    const target = rows[2]!;
    await asDba(sql`update audit_log set after = '{"phone":"forged"}' where id = ${target.id}`);
    // The guard is back on.
    await expectRefusedByTrigger(sql`update audit_log set after = null where id = ${target.id}`);
    const report = await verify(hallId);
    expect(report).toEqual({ ok: false, chains: [{ chain: hallId, rows: 3, ok: false, brokenAt: { id: target.id, chainSeq: target.seq, reason: 'hash_mismatch' } }] });
    expect((await verify()).ok).toBe(false);
  });

  it('reports a deleted middle row at the row after it (sequence_gap)', async () => {
    const { hallId, rows } = await hallWithRows(5);
    await asDba(sql`delete from audit_log where id = ${rows[2]!.id}`);
    const report = await verify(hallId);
    expect(report.ok).toBe(false);
    const broken = report.chains[0]!.brokenAt!;
    expect(['sequence_gap', 'link_broken']).toContain(broken.reason);
    expect(broken).toMatchObject({ id: rows[3]!.id, chainSeq: rows[3]!.seq });
  });

  it('reports a deleted last row as head_mismatch', async () => {
    const { hallId, rows } = await hallWithRows(5);
    await asDba(sql`delete from audit_log where id = ${rows[4]!.id}`);
    const report = await verify(hallId);
    expect(report.ok).toBe(false);
    expect(report.chains[0]!.brokenAt).toMatchObject({ reason: 'head_mismatch' });
    expect(report.chains[0]!.rows).toBe(4);
  });

  it('reports two rows swapped in order (link_broken or hash_mismatch)', async () => {
    const { hallId, rows } = await hallWithRows(5);
    const [a, b] = [rows[1]!, rows[2]!];
    await asDba(sql`update audit_log set chain_seq = -1 where id = ${a.id}`);
    await asDba(sql`update audit_log set chain_seq = ${a.seq} where id = ${b.id}`);
    await asDba(sql`update audit_log set chain_seq = ${b.seq} where id = ${a.id}`);
    const report = await verify(hallId);
    expect(report.ok).toBe(false);
    expect(['link_broken', 'hash_mismatch']).toContain(report.chains[0]!.brokenAt!.reason);
    expect(report.chains[0]!.brokenAt!.chainSeq).toBe(a.seq);
  });
});
