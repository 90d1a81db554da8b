// Who may do what, where, checked from the outside. Two halls A and B; an admin; a manager, a
// staff member and an inspector of hall A; hall A's kiosk, display and evaluator; and a caller
// without credentials. Every write endpoint of the OpenAPI document is tried by every one of
// them on both halls, and a set of representative reads likewise; refusals must change nothing.
// The queue endpoints run at a fixed clock inside the halls' opening hours, each on a ticket or
// window put into the state the action needs (a staff member of each hall works its windows).
import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { changeableRows } from './database-rows.js';
import { createTestApp, type Client } from './harness.js';
import { createDevice, createHall, createService, createUser, createWindow } from './factories/hall.js';
import { ALL_TICKED, alertOfWindow, issue, openDesk, openedWindow, signOutEverywhere, THURSDAY_10AM, type Desk, type TicketState } from './factories/queue.js';

// Thursday 10:00 in Shanghai: both halls (weekdays 09:00–17:00) are open, so tickets can be issued.
const clock = THURSDAY_10AM;
const t = await createTestApp({ now: () => clock });
afterAll(async () => { await t.close(); });

const openapi = (await t.anonymous.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
const writeEndpoints = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.keys(ops).filter((m) => m !== 'get').map((m) => `${m.toUpperCase()} ${path}`));

// ---------------------------------------------------------------------------------------------
// The cast.

type HallKey = 'A' | 'B';
type Who = 'admin' | 'manager' | 'staff' | 'inspector' | 'kiosk' | 'display' | 'evaluator' | 'anonymous';
const everyone: Who[] = ['admin', 'manager', 'staff', 'inspector', 'kiosk', 'display', 'evaluator', 'anonymous'];
const people: Who[] = ['admin', 'manager', 'staff', 'inspector'];
const deviceKinds = ['kiosk', 'display', 'evaluator'] as const;
const isDevice = (w: Who) => (deviceKinds as readonly string[]).includes(w);

const label: Record<Who, string> = {
  admin: 'an admin',
  manager: 'a manager of hall A',
  staff: 'staff of hall A',
  inspector: 'an inspector of hall A',
  kiosk: "hall A's kiosk",
  display: "hall A's display",
  evaluator: "hall A's evaluator",
  anonymous: 'a caller without credentials',
};

interface HallFx {
  key: HallKey; id: string; service: string; window: string; staff: string; device: string;
  /** A second service the queue's tickets can be transferred to. */
  otherService: string;
  /** The staff member who works the hall's windows in the queue fixtures (hall A: the cast's staff). */
  operator: Client;
  /** An open window of both services, worked by `operator`, that hands out tickets in any state. */
  desk: Desk;
  /** The one (required) material of `service`; a case of it with a one-time notice. */
  material: string;
  caseId: string;
  noticeId: string;
}
const halls = {} as Record<HallKey, HallFx>;
const clients = {} as Record<Who, Client>;
const headersFor = {} as Record<Who, Record<string, string>>;
let adminId: string;
let managerId: string;

let seq = 0;
const next = () => ++seq;
const prefix = (n: number) => String.fromCharCode(65 + (Math.floor(n / 26) % 26)) + String.fromCharCode(65 + (n % 26));
const windowNumber = () => 100 + next();
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function newService(hallId: string) {
  const n = next();
  return createService(t.admin, hallId, { code: `AUTHZ-${n}`, ticketPrefix: prefix(n) });
}

beforeAll(async () => {
  for (const key of ['A', 'B'] as const) {
    const hall = await createHall(t.admin, { name: `大厅 ${key}` });
    const service = await newService(hall.id);
    const window = await createWindow(t.admin, hall.id, [service.id], { number: windowNumber() });
    const staff = await createUser(t.admin, hall.id, 'staff');
    const device = await createDevice(t.admin, hall.id, 'kiosk');
    const otherService = await newService(hall.id);
    halls[key] = { key, id: hall.id, service: service.id, window: window.id, staff: staff.id, device: device.id, otherService: otherService.id } as HallFx;
  }
  const me = (await t.admin.get('/api/v1/auth/me')).json() as { user: { id: string } };
  adminId = me.user.id;
  clients.admin = t.admin;
  for (const role of ['manager', 'staff', 'inspector'] as const) {
    const u = await createUser(t.admin, halls.A.id, role);
    if (role === 'manager') managerId = u.id;
    clients[role] = await t.login(u.username, u.password);
  }
  for (const kind of deviceKinds) {
    const d = await createDevice(t.admin, halls.A.id, kind);
    clients[kind] = t.device(d.token);
    headersFor[kind] = { authorization: `Bearer ${d.token}` };
  }
  clients.anonymous = t.anonymous;
  for (const w of people) headersFor[w] = { cookie: clients[w].cookie! };
  headersFor.anonymous = {};
  const opB = await createUser(t.admin, halls.B.id, 'staff');
  halls.A.operator = clients.staff;
  halls.B.operator = await t.login(opB.username, opB.password);
  for (const h of [halls.A, halls.B]) h.desk = await openDesk(t, h.id, [h.service, h.otherService], h.operator, { number: windowNumber() });
  for (const h of [halls.A, halls.B]) {
    h.material = ((await t.admin.get(`/api/v1/services/${h.service}`)).json() as { materials: { id: string }[] }).materials[0]!.id;
    h.caseId = (await caseIn(h, 'missing')).caseId;
    const notice = await t.admin.post(`/api/v1/cases/${h.caseId}/notices`, {});
    expect(notice.statusCode, notice.body).toBe(201);
    h.noticeId = notice.json().id;
  }
});

// ---------------------------------------------------------------------------------------------
// Helpers.

async function auditRows(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log`);
  return row!.n;
}

/** Everything the queue and case endpoints can change, in one value: tickets, calls, windows at work, cases, alerts, events. */
async function queueState(): Promise<string> {
  return (await changeableRows(t.ctx.db)).join('\n');
}

/**
 * A case of the hall's service, made by the admin, in the state a case action starts from:
 * open with nothing missing (`complete`) or its material missing, accepted, or accepted with an
 * extension waiting for the manager.
 */
async function caseIn(h: HallFx, state: 'complete' | 'missing' | 'accepted' | 'extension'): Promise<{ caseId: string; extensionId: string | null }> {
  const created = await t.admin.post(`/api/v1/halls/${h.id}/cases`, {
    serviceId: h.service, applicant: { name: '张三' }, submitted: state === 'missing' ? [] : [h.material],
  });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().id as string;
  if (state === 'accepted' || state === 'extension') expect((await t.admin.post(`/api/v1/cases/${caseId}/accept`, {})).statusCode).toBe(200);
  if (state !== 'extension') return { caseId, extensionId: null };
  const ext = await t.admin.post(`/api/v1/cases/${caseId}/extensions`, { workingDays: 2, reason: '需现场核查' });
  expect(ext.statusCode, ext.body).toBe(201);
  return { caseId, extensionId: ext.json().id as string };
}

function expectError(res: LightMyRequestResponse | { statusCode: number; body: string }, status: 401 | 403, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect((JSON.parse(res.body) as { error: { code: string } }).error.code, res.body).toBe(code);
}

const expectOk = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
  expect(res.statusCode, res.body).toBeLessThan(300);
};

/** A real HTTP request (SSE cannot go through inject): status, content type and the first chunk. */
async function openStream(url: string, headers: Record<string, string>): Promise<{ statusCode: number; type: string; body: string }> {
  const base = await t.listen();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${url}`, { headers: { host: 'localhost:80', ...headers } }, (res) => {
      res.setEncoding('utf8');
      const type = String(res.headers['content-type']);
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c: string) => { body += c; });
        res.on('end', () => resolve({ statusCode: res.statusCode!, type, body }));
        return;
      }
      res.once('data', (chunk: string) => {
        resolve({ statusCode: 200, type, body: chunk });
        req.destroy();
      });
    });
    req.on('error', (err) => reject(err));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Writes: one fixture per write endpoint of the OpenAPI document.

interface Req { method: string; url: string; body?: unknown; raw?: { payload: Buffer; type: string } }

/**
 * hall         — setup of one hall: admins anywhere, the hall's manager in their own hall.
 * admin-hall   — about one hall, but for admins only (archiving a hall).
 * admin-global — not tied to a hall, admins only (creating a hall).
 * self         — a person acting on their own account (sign out, change password).
 * public       — no credentials needed (sign in).
 * queue-issue  — taking a ticket: admins anywhere; the hall's manager, staff and kiosk in their own hall.
 * queue-work   — working the queue: admins anywhere; the hall's manager and staff in their own hall
 *                (staff only at a window they are signed in to, which the fixtures arrange; the
 *                refusal for everyone else is checked separately below).
 * queue-supervise — resolving alerts: admins anywhere, the hall's manager in their own hall.
 * case-work    — cases at the window (cases.operate): admins anywhere; the hall's manager and staff in their own hall.
 * case-approve — deciding an extension (cases.approve_extension): admins anywhere, the hall's manager in their own hall.
 */
type Kind = 'hall' | 'admin-hall' | 'admin-global' | 'self' | 'public' | 'queue-issue' | 'queue-work' | 'queue-supervise' | 'case-work' | 'case-approve';
const hallKinds: Kind[] = ['hall', 'admin-hall', 'queue-issue', 'queue-work', 'queue-supervise', 'case-work', 'case-approve'];

/** Who besides admins may do a write of this kind, in their own hall (hall A) only. */
const allowedInOwnHall: Partial<Record<Kind, Who[]>> = {
  hall: ['manager'],
  'queue-issue': ['manager', 'staff', 'kiosk'],
  'queue-work': ['manager', 'staff'],
  'queue-supervise': ['manager'],
  'case-work': ['manager', 'staff'],
  'case-approve': ['manager'],
};

interface WriteFx {
  kind: Kind;
  /** What is written, as in "hall B's services". */
  noun: string;
  /** What an allowed caller does, for self-service and public writes ("sign out"). */
  does?: string;
  /** Builds the request against hall h, creating whatever it consumes (as the admin). */
  prepare: (h: HallFx, who: Who) => Promise<Req>;
  /**
   * The request does not depend on who sends it, so the callers who are refused share one (a
   * refusal changes nothing, which each of them checks), and the first caller allowed after
   * them uses it up. The queue fixtures are slow to set up, so they share.
   */
  shared?: boolean;
  /** Needs the staff member signed in to the window (refused with not_window_staff otherwise). */
  windowBound?: boolean;
  /**
   * The request signs the caller in to a window. A person is signed in to one window at a time
   * (R-09, R-25), so an allowed caller is first signed out of the one they are at.
   */
  signsIn?: boolean;
}

// Queue fixtures: each request acts on a window or ticket in the state its action needs.
const queueFx = (noun: string, fx: Omit<WriteFx, 'kind' | 'noun' | 'shared'> & { kind?: Kind }): WriteFx => ({ kind: 'queue-work', noun, shared: true, ...fx });
const ticketAction = (path: string, state: TicketState, body?: (h: HallFx) => unknown, windowBound = true): WriteFx =>
  queueFx(`tickets (${path})`, {
    windowBound,
    prepare: async (h) => ({ method: 'POST', url: `/api/v1/tickets/${(await h.desk.ticket(state)).id}/${path}`, ...(body ? { body: body(h) } : {}) }),
  });
/**
 * Who signs in to a new window for a fixture: the hall's operator when they are the caller (staff
 * act only at a window they are signed in to; they leave the desk for it), else a new member of
 * the hall's staff, so the desk keeps its operator — one window a person (R-09, R-25).
 */
async function staffFor(h: HallFx, who: Who): Promise<Client> {
  if (h.key === 'A' && who === 'staff') return h.operator;
  const u = await createUser(t.admin, h.id, 'staff');
  return t.login(u.username, u.password);
}
/** A window of the hall's service that someone has just signed in to (see staffFor). */
const openedWindowOf = async (h: HallFx, who: Who) => openedWindow(t, h.id, [h.service], await staffFor(h, who), { number: windowNumber() });
/** Case fixtures share a prepared case among the refused callers, who must leave it as it was. */
const caseFx = (noun: string, prepare: WriteFx['prepare'], kind: Kind = 'case-work'): WriteFx => ({ kind, noun, shared: true, prepare });

const writes: Record<string, WriteFx> = {
  'POST /api/v1/auth/login': {
    kind: 'public', noun: 'signing in', does: 'sign in',
    prepare: async (h) => {
      const u = await createUser(t.admin, h.id, 'staff');
      return { method: 'POST', url: '/api/v1/auth/login', body: { username: u.username, password: u.password } };
    },
  },
  'POST /api/v1/auth/logout': { kind: 'self', noun: 'signing out', does: 'sign out', prepare: async () => ({ method: 'POST', url: '/api/v1/auth/logout' }) },
  'POST /api/v1/auth/password': {
    kind: 'self', noun: 'changing a password', does: 'change their own password',
    prepare: async () => ({ method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'user-pass-123', newPassword: 'changed-pass-456' } }),
  },
  'POST /api/v1/users': {
    kind: 'hall', noun: 'people',
    prepare: async (h) => ({ method: 'POST', url: '/api/v1/users', body: { username: `new${next()}`, password: 'new-person-pass', name: '新同事', role: 'staff', hallId: h.id } }),
  },
  'PATCH /api/v1/users/{userId}': {
    kind: 'hall', noun: 'people',
    prepare: async (h) => ({ method: 'PATCH', url: `/api/v1/users/${h.staff}`, body: { name: `改名 ${next()}` } }),
  },
  'DELETE /api/v1/users/{userId}': {
    kind: 'hall', noun: 'people',
    prepare: async (h) => ({ method: 'DELETE', url: `/api/v1/users/${(await createUser(t.admin, h.id, 'staff')).id}` }),
  },
  'PUT /api/v1/users/{userId}/photo': {
    kind: 'hall', noun: "people's photos",
    prepare: async (h) => ({ method: 'PUT', url: `/api/v1/users/${h.staff}/photo`, raw: { payload: PNG, type: 'image/png' } }),
  },
  'POST /api/v1/halls': {
    kind: 'admin-global', noun: 'halls',
    prepare: async () => ({ method: 'POST', url: '/api/v1/halls', body: { name: `新大厅 ${next()}`, timezone: 'Asia/Shanghai', openingHours: [] } }),
  },
  'PATCH /api/v1/halls/{hallId}': {
    kind: 'hall', noun: 'hall settings',
    prepare: async (h) => ({ method: 'PATCH', url: `/api/v1/halls/${h.id}`, body: { phone: `0571-${1000 + next()}` } }),
  },
  'DELETE /api/v1/halls/{hallId}': {
    kind: 'admin-hall', noun: 'hall (archiving it)',
    // The admin really archives, so gets a hall of its own; the others must not get that far.
    prepare: async (h, who) => ({ method: 'DELETE', url: `/api/v1/halls/${who === 'admin' ? (await createHall(t.admin)).id : h.id}` }),
  },
  'POST /api/v1/halls/{hallId}/services': {
    kind: 'hall', noun: 'services',
    prepare: async (h) => {
      const n = next();
      return { method: 'POST', url: `/api/v1/halls/${h.id}/services`, body: { code: `NEW-${n}`, name: '新事项', ticketPrefix: prefix(n), kind: 'immediate' } };
    },
  },
  'PATCH /api/v1/services/{serviceId}': {
    kind: 'hall', noun: 'services',
    prepare: async (h) => ({ method: 'PATCH', url: `/api/v1/services/${h.service}`, body: { name: `改名事项 ${next()}` } }),
  },
  'POST /api/v1/halls/{hallId}/catalog/import': {
    kind: 'hall', noun: 'catalogue (importing)',
    prepare: async (h) => {
      const n = next();
      const entry = { code: `IMP-${n}`, name: '导入事项', ticketPrefix: prefix(n), kind: 'immediate', materials: [{ name: '居民身份证', originals: 1, copies: 0, required: true }] };
      return { method: 'POST', url: `/api/v1/halls/${h.id}/catalog/import`, body: { format: 'chuangkou.catalog', version: 1, services: [entry] } };
    },
  },
  'DELETE /api/v1/services/{serviceId}': {
    kind: 'hall', noun: 'services',
    prepare: async (h) => ({ method: 'DELETE', url: `/api/v1/services/${(await newService(h.id)).id}` }),
  },
  'POST /api/v1/halls/{hallId}/windows': {
    kind: 'hall', noun: 'windows',
    prepare: async (h) => ({ method: 'POST', url: `/api/v1/halls/${h.id}/windows`, body: { number: windowNumber(), name: '新窗口', serviceIds: [h.service] } }),
  },
  'PATCH /api/v1/windows/{windowId}': {
    kind: 'hall', noun: 'windows',
    prepare: async (h) => ({ method: 'PATCH', url: `/api/v1/windows/${h.window}`, body: { name: `改名窗口 ${next()}` } }),
  },
  'DELETE /api/v1/windows/{windowId}': {
    kind: 'hall', noun: 'windows',
    prepare: async (h) => ({ method: 'DELETE', url: `/api/v1/windows/${(await createWindow(t.admin, h.id, [h.service], { number: windowNumber() })).id}` }),
  },
  'POST /api/v1/halls/{hallId}/devices': {
    kind: 'hall', noun: 'devices',
    prepare: async (h) => ({ method: 'POST', url: `/api/v1/halls/${h.id}/devices`, body: { kind: 'display', name: `叫号屏 ${next()}` } }),
  },
  'PATCH /api/v1/devices/{deviceId}': {
    kind: 'hall', noun: 'devices',
    prepare: async (h) => ({ method: 'PATCH', url: `/api/v1/devices/${h.device}`, body: { name: `取号机 ${next()}` } }),
  },
  'DELETE /api/v1/devices/{deviceId}': {
    kind: 'hall', noun: 'devices',
    prepare: async (h) => ({ method: 'DELETE', url: `/api/v1/devices/${(await createDevice(t.admin, h.id, 'evaluator')).id}` }),
  },
  'PUT /api/v1/halls/{hallId}/calendar/{year}': {
    kind: 'hall', noun: 'calendar',
    prepare: async (h) => ({ method: 'PUT', url: `/api/v1/halls/${h.id}/calendar/2026`, body: { holidays: ['2026-10-01', '2026-10-02'], workdays: [] } }),
  },
  'POST /api/v1/halls/{hallId}/tickets': queueFx('tickets (issuing)', {
    kind: 'queue-issue',
    prepare: async (h) => ({ method: 'POST', url: `/api/v1/halls/${h.id}/tickets`, body: { serviceId: h.service, priority: 'priority', priorityReason: 'elderly' } }),
  }),
  'POST /api/v1/windows/{windowId}/open': queueFx('windows (signing in)', {
    signsIn: true,
    prepare: async (h) => ({
      method: 'POST', url: `/api/v1/windows/${(await createWindow(t.admin, h.id, [h.service], { number: windowNumber() })).id}/open`, body: { checklist: ALL_TICKED },
    }),
  }),
  'POST /api/v1/windows/{windowId}/pause': queueFx('windows (pausing)', {
    windowBound: true,
    prepare: async (h, who) => ({ method: 'POST', url: `/api/v1/windows/${await openedWindowOf(h, who)}/pause`, body: { reason: 'break' } }),
  }),
  'POST /api/v1/windows/{windowId}/resume': queueFx('windows (resuming)', {
    windowBound: true,
    prepare: async (h, who) => {
      const w = await openedWindowOf(h, who);
      expect((await t.admin.post(`/api/v1/windows/${w}/pause`, { reason: 'handover' })).statusCode).toBe(200);
      return { method: 'POST', url: `/api/v1/windows/${w}/resume` };
    },
  }),
  'POST /api/v1/windows/{windowId}/close': queueFx('windows (closing)', {
    windowBound: true,
    // The desk serves the same service, so nobody is stranded and no override is needed.
    prepare: async (h, who) => ({ method: 'POST', url: `/api/v1/windows/${await openedWindowOf(h, who)}/close`, body: {} }),
  }),
  'POST /api/v1/windows/{windowId}/call-next': queueFx('windows (calling the next ticket)', {
    windowBound: true,
    prepare: async (h) => {
      await h.desk.attend();
      await h.desk.free();
      await issue(t.admin, h.id, h.service);
      return { method: 'POST', url: `/api/v1/windows/${h.desk.windowId}/call-next` };
    },
  }),
  'POST /api/v1/tickets/{ticketId}/recall': ticketAction('recall', 'called'),
  'POST /api/v1/tickets/{ticketId}/start': ticketAction('start', 'called'),
  'POST /api/v1/tickets/{ticketId}/no-show': ticketAction('no-show', 'recalled_out', () => ({})),
  // A waiting ticket and a no-show are the hall's, not a window's: any staff of the hall may act.
  'POST /api/v1/tickets/{ticketId}/cancel': ticketAction('cancel', 'waiting', undefined, false),
  'POST /api/v1/tickets/{ticketId}/rejoin': ticketAction('rejoin', 'no_show', undefined, false),
  'POST /api/v1/tickets/{ticketId}/complete': ticketAction('complete', 'serving', () => ({ outcome: 'done' })),
  'POST /api/v1/tickets/{ticketId}/transfer': ticketAction('transfer', 'serving', (h) => ({ serviceId: h.otherService, position: 'back' })),
  'POST /api/v1/alerts/{alertId}/resolve': queueFx('alerts (resolving)', {
    kind: 'queue-supervise',
    // Signing in at 10:00 is late (R-09), which raises an alert to resolve.
    prepare: async (h, who) => ({ method: 'POST', url: `/api/v1/alerts/${await alertOfWindow(t, h.id, await openedWindowOf(h, who))}/resolve` }),
  }),
  'POST /api/v1/halls/{hallId}/cases': caseFx('cases (opening)', async (h) => ({
    method: 'POST', url: `/api/v1/halls/${h.id}/cases`, body: { serviceId: h.service, applicant: { name: '李四' }, submitted: [h.material] },
  })),
  'PATCH /api/v1/cases/{caseId}': caseFx('cases (materials)', async (h) => ({
    method: 'PATCH', url: `/api/v1/cases/${(await caseIn(h, 'missing')).caseId}`, body: { submitted: [h.material] },
  })),
  'POST /api/v1/cases/{caseId}/notices': caseFx('cases (one-time notices)', async (h) => ({
    method: 'POST', url: `/api/v1/cases/${(await caseIn(h, 'missing')).caseId}/notices`, body: {},
  })),
  'POST /api/v1/cases/{caseId}/accept': caseFx('cases (accepting)', async (h) => ({
    method: 'POST', url: `/api/v1/cases/${(await caseIn(h, 'complete')).caseId}/accept`, body: {},
  })),
  'POST /api/v1/cases/{caseId}/refuse': caseFx('cases (refusing)', async (h) => ({
    method: 'POST', url: `/api/v1/cases/${(await caseIn(h, 'complete')).caseId}/refuse`, body: { reason: '不属于本机关职责范围', basis: '《行政许可法》第三十二条' },
  })),
  'POST /api/v1/cases/{caseId}/complete': caseFx('cases (completing)', async (h) => ({
    method: 'POST', url: `/api/v1/cases/${(await caseIn(h, 'accepted')).caseId}/complete`, body: { result: '已办结' },
  })),
  'POST /api/v1/cases/{caseId}/extensions': caseFx('cases (asking for an extension)', async (h) => ({
    method: 'POST', url: `/api/v1/cases/${(await caseIn(h, 'accepted')).caseId}/extensions`, body: { workingDays: 3, reason: '需现场核查' },
  })),
  'POST /api/v1/extensions/{extensionId}/approve': caseFx('case extensions (approving)', async (h) => ({
    method: 'POST', url: `/api/v1/extensions/${(await caseIn(h, 'extension')).extensionId}/approve`, body: {},
  }), 'case-approve'),
  'POST /api/v1/extensions/{extensionId}/reject': caseFx('case extensions (rejecting)', async (h) => ({
    method: 'POST', url: `/api/v1/extensions/${(await caseIn(h, 'extension')).extensionId}/reject`, body: { note: '请按期办结' },
  }), 'case-approve'),
};

function expectedFor(kind: Kind, who: Who, hall: HallKey): 'ok' | 401 | 403 {
  if (kind === 'public') return 'ok';
  if (who === 'anonymous') return 401;
  if (kind === 'self') return isDevice(who) ? 403 : 'ok';
  if (who === 'admin') return 'ok';
  if (hall === 'A' && (allowedInOwnHall[kind] ?? []).includes(who)) return 'ok';
  return 403;
}

// Requests of `shared` fixtures, by endpoint and hall, prepared for the refused callers.
const sharedRequests = new Map<string, Req>();

async function requestFor(key: string, fx: WriteFx, hall: HallKey, who: Who, allowed: boolean): Promise<Req> {
  if (!fx.shared) return fx.prepare(halls[hall], who);
  const slot = `${key} ${hall}`;
  const ready = sharedRequests.get(slot);
  if (allowed) {
    sharedRequests.delete(slot);
    return ready ?? fx.prepare(halls[hall], who);
  }
  if (ready) return ready;
  const req = await fx.prepare(halls[hall], who);
  sharedRequests.set(slot, req);
  return req;
}

async function send(client: Client, r: Req): Promise<LightMyRequestResponse> {
  if (r.raw) return client.request(r.method as 'PUT', r.url, r.raw.payload, { 'content-type': r.raw.type });
  return client.request(r.method as 'POST', r.url, r.body);
}

/** A fresh, signed-in account for self-service writes, which end or change the session. */
async function freshClient(who: Who): Promise<Client> {
  if (!people.includes(who)) return clients[who];
  const u = await createUser(t.admin, who === 'admin' ? null : halls.A.id, who as 'admin' | 'manager' | 'staff' | 'inspector');
  return t.login(u.username, u.password);
}

describe('write endpoints', () => {
  it('has an authorization fixture for every write endpoint in the OpenAPI document', () => {
    expect(writeEndpoints.filter((k) => !writes[k]), 'add a fixture to `writes`').toEqual([]);
    expect(Object.keys(writes).filter((k) => !writeEndpoints.includes(k)), 'fixture for a removed endpoint').toEqual([]);
  });

  for (const key of writeEndpoints) {
    const fx = writes[key];
    if (!fx) continue;
    describe(key, () => {
      const whos = fx.kind === 'public' ? (['anonymous'] as Who[]) : everyone;
      const hallKeys: HallKey[] = hallKinds.includes(fx.kind) ? ['A', 'B'] : ['A'];
      // Refused callers first, so that a shared request is refused by all of them before it is used.
      const cases = whos.flatMap((who) => hallKeys.map((hall) => ({ who, hall, expected: expectedFor(fx.kind, who, hall) })))
        .sort((a, b) => Number(a.expected === 'ok') - Number(b.expected === 'ok'));
      for (const { who, hall, expected } of cases) {
        const whose = hallKinds.includes(fx.kind) ? `hall ${hall}'s ${fx.noun}` : fx.noun;
        const name = expected === 'ok'
          ? `lets ${label[who]} ${fx.does ?? `change ${whose}`}`
          : `gives ${label[who]} ${expected} on ${whose}${expected === 403 ? ' and changes nothing' : ''}`;
        it(name, async () => {
          const req = await requestFor(key, fx, hall, who, expected === 'ok');
          const client = fx.kind === 'self' && expected === 'ok' ? await freshClient(who) : clients[who];
          if (fx.signsIn && expected === 'ok') await signOutEverywhere(t, client);
          const rowsBefore = await auditRows();
          const queueBefore = fx.shared ? await queueState() : null;
          const res = await send(client, req);
          if (expected === 'ok') {
            expectOk(res);
          } else {
            expectError(res, expected, expected === 401 ? 'unauthenticated' : 'forbidden');
            expect(await auditRows(), 'a refused write must not be logged').toBe(rowsBefore);
            if (queueBefore !== null) expect(await queueState(), 'a refused write must change nothing').toBe(queueBefore);
          }
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The queue: a window is worked by the person signed in to it (or a manager or admin stepping
// in); closing it on people who wait needs a manager's override (R-08).

describe('window work by staff of the hall who are not signed in to the window', () => {
  let other: Client;
  beforeAll(async () => {
    const u = await createUser(t.admin, halls.A.id, 'staff');
    other = await t.login(u.username, u.password);
  });

  async function expectRefused(req: Req, status: number, code: string) {
    const rows = await auditRows();
    const queue = await queueState();
    const res = await send(other, req);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code, res.body).toBe(code);
    expect(await auditRows(), 'a refused write must not be logged').toBe(rows);
    expect(await queueState(), 'a refused write must change nothing').toBe(queue);
  }

  const windowBound = Object.entries(writes).filter(([, fx]) => fx.windowBound);
  it('covers every action on a window or on the ticket it holds', () => {
    expect(windowBound.map(([k]) => k).sort()).toEqual([
      'POST /api/v1/tickets/{ticketId}/complete', 'POST /api/v1/tickets/{ticketId}/no-show', 'POST /api/v1/tickets/{ticketId}/recall',
      'POST /api/v1/tickets/{ticketId}/start', 'POST /api/v1/tickets/{ticketId}/transfer', 'POST /api/v1/windows/{windowId}/call-next',
      'POST /api/v1/windows/{windowId}/close', 'POST /api/v1/windows/{windowId}/pause', 'POST /api/v1/windows/{windowId}/resume',
    ]);
  });

  for (const [key, fx] of windowBound) {
    it(`gives them 403 not_window_staff on ${key}, and changes nothing`, async () => {
      await expectRefused(await fx.prepare(halls.A, 'staff'), 403, 'not_window_staff');
    });
  }

  it('gives them 403 not_window_staff when cancelling a ticket a window has called, and changes nothing', async () => {
    const ticket = await halls.A.desk.ticket('called');
    await expectRefused({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/cancel` }, 403, 'not_window_staff');
  });

  it('answers their signing in to a window someone else is signed in to with 409 window_taken, and changes nothing', async () => {
    await halls.A.desk.attend();
    await expectRefused({ method: 'POST', url: `/api/v1/windows/${halls.A.desk.windowId}/open`, body: { checklist: ALL_TICKED } }, 409, 'window_taken');
  });

  it('lets them cancel a waiting ticket and rejoin a no-show: those are the hall\'s, not a window\'s', async () => {
    for (const [path, state] of [['cancel', 'waiting'], ['rejoin', 'no_show']] as const) {
      const ticket = await halls.A.desk.ticket(state);
      const res = await other.post(`/api/v1/tickets/${ticket.id}/${path}`);
      expect(res.statusCode, res.body).toBe(200);
    }
  });
});

describe('closing the last window of a service while people wait (R-08 准时满点)', () => {
  /** A window that alone serves a service with a ticket waiting, signed in to by hall A's staff (see staffFor). */
  async function lastWindow(h: HallFx): Promise<string> {
    const s = await newService(h.id);
    const w = await openedWindow(t, h.id, [s.id], await staffFor(h, 'staff'), { number: windowNumber() });
    await issue(t.admin, h.id, s.id);
    return w;
  }
  const override = { override: true, reason: '系统故障，已安排群众到其他窗口' };

  it('refuses staff signed in to it with 409 tickets_waiting, and their override with 403; an inspector gets 403', async () => {
    const w = await lastWindow(halls.A);
    const rows = await auditRows();
    const queue = await queueState();
    const plain = await clients.staff.post(`/api/v1/windows/${w}/close`, {});
    expect(plain.statusCode, plain.body).toBe(409);
    expect(plain.json().error.code).toBe('tickets_waiting');
    expectError(await clients.staff.post(`/api/v1/windows/${w}/close`, override), 403, 'forbidden');
    expectError(await clients.inspector.post(`/api/v1/windows/${w}/close`, override), 403, 'forbidden');
    expect(await auditRows()).toBe(rows);
    expect(await queueState()).toBe(queue);
    const closed = await clients.manager.post(`/api/v1/windows/${w}/close`, override);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
  });

  it("gives a manager of hall A 403 on hall B's window and lets an admin override there", async () => {
    const w = await lastWindow(halls.B);
    const rows = await auditRows();
    expectError(await clients.manager.post(`/api/v1/windows/${w}/close`, override), 403, 'forbidden');
    expect(await auditRows()).toBe(rows);
    const closed = await t.admin.post(`/api/v1/windows/${w}/close`, override);
    expect(closed.statusCode, closed.body).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Reads: representative endpoints of every capability.

const allPeople: Who[] = ['admin', 'manager', 'staff', 'inspector'];
interface ReadFx { noun: string; url: (h: HallFx) => string; inA: Who[]; stream?: boolean }
const reads: ReadFx[] = [
  { noun: 'hall', url: (h) => `/api/v1/halls/${h.id}`, inA: [...allPeople, 'kiosk', 'display', 'evaluator'] },
  { noun: 'services', url: (h) => `/api/v1/halls/${h.id}/services`, inA: [...allPeople, 'kiosk', 'display'] },
  { noun: 'service', url: (h) => `/api/v1/services/${h.service}`, inA: [...allPeople, 'kiosk', 'display'] },
  { noun: 'catalogue export', url: (h) => `/api/v1/halls/${h.id}/catalog/export`, inA: [...allPeople, 'kiosk', 'display'] },
  { noun: 'windows', url: (h) => `/api/v1/halls/${h.id}/windows`, inA: [...allPeople, 'display', 'evaluator'] },
  { noun: 'window', url: (h) => `/api/v1/windows/${h.window}`, inA: [...allPeople, 'display', 'evaluator'] },
  { noun: 'people', url: (h) => `/api/v1/users?hallId=${h.id}`, inA: ['admin', 'manager', 'inspector'] },
  { noun: 'staff member', url: (h) => `/api/v1/users/${h.staff}`, inA: ['admin', 'manager', 'inspector'] },
  { noun: 'devices', url: (h) => `/api/v1/halls/${h.id}/devices`, inA: ['admin', 'manager'] },
  { noun: 'calendar', url: (h) => `/api/v1/halls/${h.id}/calendar`, inA: [...allPeople, 'kiosk'] },
  { noun: 'calendar year', url: (h) => `/api/v1/halls/${h.id}/calendar/2026`, inA: [...allPeople, 'kiosk'] },
  { noun: 'working-day arithmetic', url: (h) => `/api/v1/halls/${h.id}/calendar/working-days?from=2026-01-05&add=3`, inA: [...allPeople, 'kiosk'] },
  { noun: 'service log', url: (h) => `/api/v1/audit?hallId=${h.id}`, inA: ['admin', 'manager', 'inspector'] },
  { noun: 'service log verification', url: (h) => `/api/v1/audit/verify?hallId=${h.id}`, inA: ['admin', 'manager', 'inspector'] },
  { noun: 'events', url: (h) => `/api/v1/halls/${h.id}/events`, inA: [...allPeople, 'kiosk', 'display', 'evaluator'], stream: true },
  { noun: 'queue', url: (h) => `/api/v1/halls/${h.id}/queue`, inA: [...allPeople, 'kiosk', 'display'] },
  { noun: 'board', url: (h) => `/api/v1/halls/${h.id}/board`, inA: [...allPeople, 'kiosk', 'display'] },
  { noun: 'window state', url: (h) => `/api/v1/windows/${h.desk.windowId}/state`, inA: allPeople },
  { noun: 'alerts', url: (h) => `/api/v1/halls/${h.id}/alerts?status=all`, inA: allPeople },
  { noun: 'cases', url: (h) => `/api/v1/halls/${h.id}/cases`, inA: allPeople },
  { noun: 'case', url: (h) => `/api/v1/cases/${h.caseId}`, inA: allPeople },
  { noun: 'extension requests', url: (h) => `/api/v1/halls/${h.id}/case-extensions?status=all`, inA: allPeople },
  { noun: 'one-time notice print', url: (h) => `/api/v1/notices/${h.noticeId}/print`, inA: allPeople },
  { noun: 'case report', url: (h) => `/api/v1/halls/${h.id}/reports/cases?from=2026-11-01&to=2026-11-30`, inA: ['admin', 'manager', 'inspector'] },
  { noun: 'case report CSV', url: (h) => `/api/v1/halls/${h.id}/reports/cases.csv?from=2026-11-01&to=2026-11-30`, inA: ['admin', 'manager', 'inspector'] },
];

describe('read endpoints', () => {
  for (const r of reads) {
    for (const who of everyone) {
      for (const hall of ['A', 'B'] as const) {
        const allowed = who === 'admin' || (hall === 'A' && r.inA.includes(who));
        const expected = who === 'anonymous' ? 401 : allowed ? 200 : 403;
        const name = expected === 200 ? `lets ${label[who]} read hall ${hall}'s ${r.noun}` : `gives ${label[who]} ${expected} on hall ${hall}'s ${r.noun}`;
        it(name, async () => {
          const url = r.url(halls[hall]);
          if (r.stream && expected === 200) {
            const res = await openStream(url, headersFor[who]);
            expect(res.statusCode, res.body).toBe(200);
            expect(res.type).toMatch(/^text\/event-stream/);
            return;
          }
          const res = await clients[who].get(url);
          if (expected === 200) expect(res.statusCode, res.body).toBe(200);
          else expectError(res, expected, expected === 401 ? 'unauthenticated' : 'forbidden');
        });
      }
    }
  }

  it('lets anyone, signed in or not, read the public service guide of either hall (R-16)', async () => {
    for (const who of everyone) {
      for (const h of [halls.A, halls.B]) {
        for (const url of ['/api/v1/public/halls', `/api/v1/public/halls/${h.id}/guide`, `/api/v1/public/halls/${h.id}/guide/${h.service}`]) {
          const res = await clients[who].get(url);
          expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(200);
        }
      }
    }
    // A service is read only under its own hall.
    expect((await t.anonymous.get(`/api/v1/public/halls/${halls.A.id}/guide/${halls.B.service}`)).statusCode).toBe(404);
  });

  it('lists only hall A to a manager, staff, inspector and devices of hall A; both halls to an admin', async () => {
    const names = async (c: Client) => ((await c.get('/api/v1/halls')).json() as { items: { id: string }[] }).items.map((h) => h.id);
    expect(await names(t.admin)).toEqual(expect.arrayContaining([halls.A.id, halls.B.id]));
    for (const who of ['manager', 'staff', 'inspector', 'kiosk', 'display', 'evaluator'] as const) {
      expect(await names(clients[who]), who).toEqual([halls.A.id]);
    }
  });

  it("lists only hall A's people to a manager of hall A who asks without a hall", async () => {
    const res = await clients.manager.get('/api/v1/users');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { hallId: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.hallId === halls.A.id)).toBe(true);
  });

  it('gives staff of hall A 403 on the list of people', async () => {
    expectError(await clients.staff.get('/api/v1/users'), 403, 'forbidden');
  });

  it('lets every person read their own account, and nobody else’s account in another hall', async () => {
    for (const who of people) {
      const me = (await clients[who].get('/api/v1/auth/me')).json() as { user: { id: string } };
      expect((await clients[who].get(`/api/v1/users/${me.user.id}`)).statusCode, who).toBe(200);
      if (who !== 'admin') expectError(await clients[who].get(`/api/v1/users/${halls.B.staff}`), 403, 'forbidden');
    }
  });

  it.each(['manager', 'staff', 'inspector', 'kiosk', 'display', 'evaluator'] as const)(
    'gives %s 403 on the global service log and its verification (admins only)', async (who) => {
      expectError(await clients[who].get('/api/v1/audit'), 403, 'forbidden');
      expectError(await clients[who].get('/api/v1/audit/verify'), 403, 'forbidden');
    });

  it.each(['kiosk', 'display', 'evaluator'] as const)('tells %s which device it is and of which hall (GET /devices/me)', async (who) => {
    const res = await clients[who].get('/api/v1/devices/me');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: who, hallId: halls.A.id, hallName: '大厅 A' });
  });

  it('gives people 403 and a caller without credentials 401 on GET /devices/me', async () => {
    for (const who of people) expectError(await clients[who].get('/api/v1/devices/me'), 403, 'forbidden');
    expectError(await t.anonymous.get('/api/v1/devices/me'), 401, 'unauthenticated');
  });

  it("shows a ticket to anyone with its token, and to nobody with another ticket's token or none", async () => {
    await halls.A.desk.attend(); // someone serves the service, so tickets can be taken
    const a = await issue(clients.kiosk, halls.A.id, halls.A.service);
    const b = await issue(t.admin, halls.B.id, halls.B.service);
    for (const who of everyone) {
      const res = await clients[who].get(`/api/v1/tickets/${a.id}?token=${a.trackToken}`);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ id: a.id, number: a.number, hallId: halls.A.id });
    }
    for (const url of [`/api/v1/tickets/${a.id}?token=${b.trackToken}`, `/api/v1/tickets/${b.id}?token=${a.trackToken}`, `/api/v1/tickets/${a.id}?token=${a.trackToken.slice(0, -1)}x`]) {
      const res = await t.anonymous.get(url);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await t.admin.get(`/api/v1/tickets/${a.id}`)).statusCode, 'the token is required, even of an admin').toBe(400);
  });

  it.each(['kiosk', 'display', 'evaluator'] as const)('gives %s 403 on every user-only endpoint', async (who) => {
    for (const url of ['/api/v1/auth/me', '/api/v1/users', `/api/v1/users/${halls.A.staff}`, `/api/v1/halls/${halls.A.id}/devices`, `/api/v1/audit?hallId=${halls.A.id}`,
      `/api/v1/windows/${halls.A.desk.windowId}/state`, `/api/v1/halls/${halls.A.id}/alerts`]) {
      expectError(await clients[who].get(url), 403, 'forbidden');
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('what a manager may do with people', () => {
  const adminName = async () => ((await t.admin.get(`/api/v1/users/${adminId}`)).json() as { name: string }).name;

  it('lets a manager of hall A create staff and inspectors of hall A (the hall defaults to their own)', async () => {
    const staff = await clients.manager.post('/api/v1/users', { username: `mgr-staff-${next()}`, password: 'staff-pass-123', name: '新员工', role: 'staff' });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().hallId).toBe(halls.A.id);
    const inspector = await clients.manager.post('/api/v1/users', { username: `mgr-insp-${next()}`, password: 'insp-pass-123', name: '督查', role: 'inspector', hallId: halls.A.id });
    expect(inspector.statusCode, inspector.body).toBe(201);
  });

  it.each([
    ['an admin', { role: 'admin' }],
    ['a manager of hall A', { role: 'manager', hallId: 'A' }],
    ['a manager of hall B', { role: 'manager', hallId: 'B' }],
    ['staff of hall B', { role: 'staff', hallId: 'B' }],
  ] as const)('gives a manager of hall A 403 when creating %s', async (_what, spec) => {
    const rows = await auditRows();
    const username = `refused-${next()}`;
    const hallId = 'hallId' in spec ? halls[spec.hallId].id : undefined;
    const res = await clients.manager.post('/api/v1/users', { username, password: 'refused-pass', name: '不该存在', role: spec.role, ...(hallId ? { hallId } : {}) });
    expectError(res, 403, 'forbidden');
    expect(await auditRows()).toBe(rows);
    const all = (await t.admin.get('/api/v1/users')).json().items as { username: string }[];
    expect(all.some((u) => u.username === username)).toBe(false);
  });

  it.each([
    ["an admin's name", () => ({ method: 'PATCH', url: `/api/v1/users/${adminId}`, body: { name: '被改了' } })],
    ["an admin's password", () => ({ method: 'PATCH', url: `/api/v1/users/${adminId}`, body: { password: 'hijacked-pass' } })],
    ['an admin (deactivating)', () => ({ method: 'DELETE', url: `/api/v1/users/${adminId}` })],
    ["an admin's photo", () => ({ method: 'PUT', url: `/api/v1/users/${adminId}/photo`, raw: { payload: PNG, type: 'image/png' } })],
    ['their own account (managers do not manage managers)', () => ({ method: 'PATCH', url: `/api/v1/users/${managerId}`, body: { name: '自封' } })],
    ['staff of hall A into a manager', () => ({ method: 'PATCH', url: `/api/v1/users/${halls.A.staff}`, body: { role: 'manager' } })],
    ['staff of hall A into an admin', () => ({ method: 'PATCH', url: `/api/v1/users/${halls.A.staff}`, body: { role: 'admin' } })],
    ['staff of hall A over to hall B', () => ({ method: 'PATCH', url: `/api/v1/users/${halls.A.staff}`, body: { hallId: halls.B.id } })],
  ] as [string, () => Req][])('gives a manager of hall A 403 when editing %s, and nothing changes', async (_what, make) => {
    const rows = await auditRows();
    const staffBefore = (await t.admin.get(`/api/v1/users/${halls.A.staff}`)).json() as unknown;
    const res = await send(clients.manager, make());
    expectError(res, 403, 'forbidden');
    expect(await auditRows()).toBe(rows);
    expect(await adminName()).toBe('系统管理员');
    expect((await t.admin.get(`/api/v1/users/${halls.A.staff}`)).json()).toEqual(staffBefore);
    expect((await t.admin.get('/api/v1/auth/me')).statusCode, "the admin's session survives").toBe(200);
  });

  it('gives another manager of hall A 403 when editing the first manager', async () => {
    const other = await createUser(t.admin, halls.A.id, 'manager');
    const c = await t.login(other.username, other.password);
    expectError(await c.patch(`/api/v1/users/${managerId}`, { name: '改' }), 403, 'forbidden');
    expectError(await c.delete(`/api/v1/users/${managerId}`), 403, 'forbidden');
  });

  it.each(['staff', 'inspector', 'manager'] as const)('lets %s of hall A set their own photo', async (who) => {
    const me = (await clients[who].get('/api/v1/auth/me')).json() as { user: { id: string } };
    const res = await clients[who].request('PUT', `/api/v1/users/${me.user.id}/photo`, PNG, { 'content-type': 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().photoUrl).toMatch(/\/photo\?v=\d+$/);
  });

  it("gives staff of hall A 403 on another staff member's photo and account", async () => {
    expectError(await clients.staff.request('PUT', `/api/v1/users/${halls.A.staff}/photo`, PNG, { 'content-type': 'image/png' }), 403, 'forbidden');
    expectError(await clients.staff.patch(`/api/v1/users/${halls.A.staff}`, { name: '改' }), 403, 'forbidden');
  });
});

describe('sessions and tokens that end', () => {
  it("ends a person's session at once when they are deactivated (401)", async () => {
    const u = await createUser(t.admin, halls.A.id, 'staff');
    const c = await t.login(u.username, u.password);
    expect((await c.get(`/api/v1/halls/${halls.A.id}`)).statusCode).toBe(200);
    expect((await t.admin.delete(`/api/v1/users/${u.id}`)).statusCode).toBe(204);
    expectError(await c.get('/api/v1/auth/me'), 401, 'unauthenticated');
    expectError(await c.get(`/api/v1/halls/${halls.A.id}`), 401, 'unauthenticated');
    expectError(await c.post('/api/v1/auth/logout'), 401, 'unauthenticated');
    const again = await t.anonymous.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expectError(again, 401, 'invalid_credentials');
  });

  it("ends a manager's session when an admin sets active: false, even for their own hall's setup", async () => {
    const u = await createUser(t.admin, halls.A.id, 'manager');
    const c = await t.login(u.username, u.password);
    expect((await c.patch(`/api/v1/halls/${halls.A.id}`, { phone: '0571-1' })).statusCode).toBe(200);
    expect((await t.admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    expectError(await c.patch(`/api/v1/halls/${halls.A.id}`, { phone: '0571-2' }), 401, 'unauthenticated');
  });

  it("ends a person's sessions when an admin resets their password", async () => {
    const u = await createUser(t.admin, halls.A.id, 'inspector');
    const c = await t.login(u.username, u.password);
    expect((await t.admin.patch(`/api/v1/users/${u.id}`, { password: 'reset-by-admin' })).statusCode).toBe(200);
    expectError(await c.get('/api/v1/auth/me'), 401, 'unauthenticated');
    await t.login(u.username, 'reset-by-admin');
  });

  it('refuses a revoked device token with 401', async () => {
    const d = await createDevice(t.admin, halls.A.id, 'display');
    const c = t.device(d.token);
    expect((await c.get(`/api/v1/halls/${halls.A.id}/windows`)).statusCode).toBe(200);
    expect((await t.admin.delete(`/api/v1/devices/${d.id}`)).statusCode).toBe(204);
    expectError(await c.get(`/api/v1/halls/${halls.A.id}/windows`), 401, 'unauthenticated');
    expectError(await c.get(`/api/v1/halls/${halls.A.id}`), 401, 'unauthenticated');
  });

  it('refuses an unknown bearer token and a made-up session cookie with 401', async () => {
    expectError(await t.device('not-a-real-token').get(`/api/v1/halls/${halls.A.id}`), 401, 'unauthenticated');
    expectError(await t.anonymous.request('GET', '/api/v1/auth/me', undefined, { cookie: 'ck_session=made-up' }), 401, 'unauthenticated');
    expectError(await t.anonymous.request('PATCH', `/api/v1/halls/${halls.A.id}`, { name: 'x' }, { cookie: 'ck_session=made-up' }), 401, 'unauthenticated');
  });

  it('does not let a device of hall A reach hall B even on what its kind may read', async () => {
    expectError(await clients.kiosk.get(`/api/v1/halls/${halls.B.id}/services`), 403, 'forbidden');
    expectError(await clients.display.get(`/api/v1/windows/${halls.B.window}`), 403, 'forbidden');
    expectError(await clients.evaluator.get(`/api/v1/halls/${halls.B.id}/events`), 403, 'forbidden');
    expectError(await clients.kiosk.get(`/api/v1/halls/${halls.B.id}/queue`), 403, 'forbidden');
    expectError(await clients.display.get(`/api/v1/halls/${halls.B.id}/board`), 403, 'forbidden');
    expectError(await clients.kiosk.post(`/api/v1/halls/${halls.B.id}/tickets`, { serviceId: halls.B.service }), 403, 'forbidden');
  });
});
