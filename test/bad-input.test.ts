// Bad input is the client's fault, never a server fault: every write endpoint listed in the
// OpenAPI document answers malformed, mistyped, incomplete, oversized, unstorable or unknown
// input with a 4xx JSON error from the closed set in errors.ts, and a refused request changes
// nothing. The cases are generated from the document's own schemas, so a new endpoint is
// covered as soon as it is registered, or fails here until it has a fixture below.
// The app runs at a fixed clock inside the hall's opening hours, and each queue action is
// aimed at a window or ticket in the state where its valid request would succeed, so that a
// refusal that let the request through would show in the snapshot.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { errorTable, type ErrorCode } from '../src/server/http/errors.js';
import { createTestApp } from './harness.js';
import { changeableRows } from './database-rows.js';
import { createDevice, createHall, createService, createUser, createWindow, weekdayHours } from './factories/hall.js';
import { ALL_TICKED, alertOfWindow, issue, openDesk, openedWindow, THURSDAY_10AM } from './factories/queue.js';

// ---------------------------------------------------------------------------------------------
// The application and its OpenAPI document (needed while collecting, to generate the cases).

// Thursday 10:00 in Shanghai: the hall (weekdays 09:00–17:00) is open, so tickets can be issued.
const t = await createTestApp({ now: () => THURSDAY_10AM });
afterAll(async () => { await t.close(); });

interface Schema {
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  format?: string;
  pattern?: string;
}
interface Parameter { name: string; in: 'path' | 'query'; schema: Schema }
interface Operation { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }
interface Endpoint { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET'; path: string; op: Operation; key: string }

const openapi = (await t.anonymous.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
const allEndpoints: Endpoint[] = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([m, op]) => {
    const method = m.toUpperCase() as Endpoint['method'];
    return { method, path, op, key: `${method} ${path}` };
  }));
const writeEndpoints = allEndpoints.filter((e) => e.method !== 'GET');
const readEndpoints = allEndpoints.filter((e) => e.method === 'GET');

// ---------------------------------------------------------------------------------------------
// Fixtures: real ids for path parameters, and one valid body per JSON endpoint. The valid
// bodies are only ever sent to unknown ids (or mutated into invalid ones), so nothing changes.

interface Ids {
  hall: string; service: string; window: string; staff: string; device: string;
  /** A second service of the hall, for transfers. */
  otherService: string;
  /** Windows at work (the admin is signed in to each): open and free, paused, and one that alone serves a service people wait for. */
  windows: { open: string; paused: string; lastOfService: string };
  /** Tickets in the states the queue actions start from. */
  tickets: { waiting: string; called: string; recalledOut: string; serving: string; noShow: string };
  /** The waiting ticket's tracking token. */
  trackToken: string;
  /** An open (late sign-in) alert. */
  alert: string;
  /** Another hall's service and window: real ids this hall must not accept. */
  foreign: { service: string; window: string };
  /**
   * Cases of `service` in the states the case actions start from: `complete` (open, nothing
   * missing), `missing` (open, its one material not handed in), `accepted`, a `notice`, a pending
   * `extension`; `material` is the service's material, `trackToken` the complete case's token.
   */
  cases: { complete: string; missing: string; accepted: string; notice: string; extension: string; material: string; trackToken: string };
}
let ids: Ids;

const pathParamFixtures: Record<string, (i: Ids) => string> = {
  hallId: (i) => i.hall,
  serviceId: (i) => i.service,
  windowId: (i) => i.window, // closed: opening it would succeed
  userId: (i) => i.staff,
  deviceId: (i) => i.device,
  year: () => '2026',
  ticketId: (i) => i.tickets.waiting,
  alertId: (i) => i.alert,
  caseId: (i) => i.cases.complete,
  noticeId: (i) => i.cases.notice,
  extensionId: (i) => i.cases.extension,
};

/** Where a queue action would succeed: its window or ticket in the state the action starts from. */
const pathParamsOf: Record<string, Record<string, (i: Ids) => string>> = {
  'POST /api/v1/windows/{windowId}/pause': { windowId: (i) => i.windows.open },
  'POST /api/v1/windows/{windowId}/resume': { windowId: (i) => i.windows.paused },
  'POST /api/v1/windows/{windowId}/close': { windowId: (i) => i.windows.open },
  'POST /api/v1/windows/{windowId}/call-next': { windowId: (i) => i.windows.open },
  'POST /api/v1/tickets/{ticketId}/recall': { ticketId: (i) => i.tickets.called },
  'POST /api/v1/tickets/{ticketId}/start': { ticketId: (i) => i.tickets.called },
  'POST /api/v1/tickets/{ticketId}/no-show': { ticketId: (i) => i.tickets.recalledOut },
  'POST /api/v1/tickets/{ticketId}/cancel': { ticketId: (i) => i.tickets.waiting },
  'POST /api/v1/tickets/{ticketId}/rejoin': { ticketId: (i) => i.tickets.noShow },
  'POST /api/v1/tickets/{ticketId}/complete': { ticketId: (i) => i.tickets.serving },
  'POST /api/v1/tickets/{ticketId}/transfer': { ticketId: (i) => i.tickets.serving },
  'POST /api/v1/cases/{caseId}/notices': { caseId: (i) => i.cases.missing },
  'POST /api/v1/cases/{caseId}/complete': { caseId: (i) => i.cases.accepted },
  'POST /api/v1/cases/{caseId}/extensions': { caseId: (i) => i.cases.accepted },
};

const hallBody = () => ({
  name: '新大厅', timezone: 'Asia/Shanghai', openingHours: weekdayHours,
  hoursExceptions: [{ date: '2026-10-01', closed: true, note: '国庆节' }], address: '人民路 1 号', phone: '0571-88888888',
  openingChecklist: [{ id: 'staff', label: '人员到位' }],
});
const serviceBody = () => ({
  code: 'NEW-1', name: '新事项', ticketPrefix: 'NZ', kind: 'promised', statutoryDays: 20, promisedDays: 5,
  materials: [{ id: randomUUID(), ...guideMaterial() }],
  ...serviceGuide(),
});
// Every field of the service guide, so each one is exercised.
const guideMaterial = () => ({
  name: '授权委托书', originals: 1, copies: 1, form: 'paper', required: false, condition: '委托他人代办的', source: 'applicant',
  sourceNote: '申请人自备', note: '须本人签字', blankFormUrl: '/files/forms/委托书.pdf', sampleUrl: 'https://example.org/sample.pdf',
});
const serviceGuide = () => ({
  itemType: 'licensing', department: '市场监督管理局', resultName: '营业执照', acceptanceConditions: '名称已申报通过', legalBasis: '《市场主体登记管理条例》',
  processSteps: [{ title: '受理', description: '材料齐全的当场受理' }], fees: [{ item: '工本费', amount: '10 元/本', basis: '发改价格规〔2016〕2559 号' }],
  location: '一楼 A 区 3—5 号窗口', serviceHours: '工作日 9:00—17:00', consultationPhone: '0571-86001505', supervisionPhone: '12345',
  onlineUrl: 'https://example.org/apply',
});
const catalogBody = () => {
  const { materials: _ids, ...service } = serviceBody();
  return {
    format: 'chuangkou.catalog', version: 1, exportedAt: '2026-01-05T02:00:00.000Z', hall: { name: '别的大厅' },
    services: [{ ...service, code: 'IMP-1', ticketPrefix: 'IM', materials: [guideMaterial()] }],
  };
};

const validBodies: Record<string, (i: Ids) => Record<string, unknown>> = {
  // Credentials are deliberately wrong: even a mutation that slipped through could not sign in.
  'POST /api/v1/auth/login': () => ({ username: 'admin', password: 'not-the-password' }),
  'POST /api/v1/auth/password': () => ({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' }),
  'POST /api/v1/users': (i) => ({ username: 'newcomer', password: 'newcomer-pass', name: '新同事', role: 'staff', hallId: i.hall, staffNumber: 'S-001' }),
  'PATCH /api/v1/users/{userId}': (i) => ({ name: '改名', role: 'staff', hallId: i.hall, staffNumber: 'S-002', active: true, password: 'another-password' }),
  'POST /api/v1/halls': hallBody,
  'PATCH /api/v1/halls/{hallId}': hallBody,
  'POST /api/v1/halls/{hallId}/services': serviceBody,
  'PATCH /api/v1/services/{serviceId}': serviceBody,
  'POST /api/v1/halls/{hallId}/catalog/import': catalogBody,
  'POST /api/v1/halls/{hallId}/windows': (i) => ({ number: 42, name: '新窗口', serviceIds: [i.service] }),
  'PATCH /api/v1/windows/{windowId}': (i) => ({ number: 43, name: '改名窗口', serviceIds: [i.service] }),
  'POST /api/v1/halls/{hallId}/devices': () => ({ kind: 'kiosk', name: '新取号机' }),
  'PATCH /api/v1/devices/{deviceId}': () => ({ name: '改名取号机' }),
  'PUT /api/v1/halls/{hallId}/calendar/{year}': () => ({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] }),
  'POST /api/v1/halls/{hallId}/tickets': (i) => ({ serviceId: i.service, priority: 'priority', priorityReason: 'elderly', phone: '13800138000' }),
  'POST /api/v1/windows/{windowId}/open': () => ({ checklist: { ...ALL_TICKED } }),
  'POST /api/v1/windows/{windowId}/pause': () => ({ reason: 'equipment', note: '打印机卡纸' }),
  'POST /api/v1/windows/{windowId}/close': () => ({ override: true, reason: '系统故障，已安排到其他窗口' }),
  'POST /api/v1/tickets/{ticketId}/no-show': () => ({ onDemand: true, note: '群众表示改日再来' }),
  'POST /api/v1/tickets/{ticketId}/complete': () => ({ outcome: 'notice_issued', note: '缺户口簿，已一次性告知' }),
  'POST /api/v1/tickets/{ticketId}/transfer': (i) => ({ serviceId: i.otherService, position: 'back', note: '转综合窗口' }),
  'POST /api/v1/halls/{hallId}/cases': (i) => ({
    serviceId: i.service, ticketId: i.tickets.waiting, windowId: i.windows.open,
    applicant: { name: '张三', idNumber: '330102199001011234', phone: '13800138000' }, submitted: [i.cases.material], applicable: [i.cases.material],
  }),
  'PATCH /api/v1/cases/{caseId}': (i) => ({
    submitted: [i.cases.material], applicable: [i.cases.material], defective: [{ materialId: i.cases.material, reason: '复印件不清晰' }],
    applicant: { name: '李四', idNumber: '330102199001011234', phone: '13800138000' },
  }),
  'POST /api/v1/cases/{caseId}/notices': () => ({ nextSteps: '请补齐材料后到 3 号窗口办理', notes: '原件核验后当场退还' }),
  'POST /api/v1/cases/{caseId}/accept': () => ({}),
  'POST /api/v1/cases/{caseId}/refuse': () => ({ reason: '申请事项不属于本机关职责范围', basis: '《行政许可法》第三十二条' }),
  'POST /api/v1/cases/{caseId}/complete': () => ({ result: '准予办理', note: '请凭回执领取' }),
  'POST /api/v1/cases/{caseId}/extensions': () => ({ workingDays: 3, reason: '需现场核查' }),
  'POST /api/v1/extensions/{extensionId}/approve': () => ({ note: '同意延期' }),
  'POST /api/v1/extensions/{extensionId}/reject': () => ({ note: '请按期办结' }),
};

/**
 * Fields of which a valid body gives exactly one (a transfer names a service or a window): a
 * case about one of them sends it without the others, so it is refused for its own sake.
 */
const exclusiveFields: Record<string, string[]> = {
  'POST /api/v1/tickets/{ticketId}/transfer': ['serviceId', 'windowId'],
};

/** Query strings a read endpoint needs to get as far as looking its ids up. */
const readQueries: Record<string, (i: Ids) => string> = {
  'GET /api/v1/halls/{hallId}/calendar/working-days': () => '?from=2026-01-05&add=3',
  // A real token: only the id decides.
  'GET /api/v1/tickets/{ticketId}': (i) => `?token=${i.trackToken}`,
  'GET /api/v1/tickets/{ticketId}/events': (i) => `?token=${i.trackToken}`,
  'GET /api/v1/cases/{caseId}/track': (i) => `?token=${i.cases.trackToken}`,
  'GET /api/v1/halls/{hallId}/reports/cases': () => '?from=2026-11-01&to=2026-11-30',
  'GET /api/v1/halls/{hallId}/reports/cases.csv': () => '?from=2026-11-01&to=2026-11-30',
};

/**
 * Client-supplied ids the server is documented to replace rather than refuse: a material id it
 * does not know simply names a new material (see withMaterialIds). Checked separately below.
 */
const idsTheServerReplaces = new Set(['materials.0.id']);

// A PNG signature is all the server inspects.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

// ---------------------------------------------------------------------------------------------
// Reading the schemas.

type Path = (string | number)[];
const show = (p: Path) => p.join('.');
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function typesOf(s: Schema): Set<string> {
  const out = new Set<string>();
  if (s.anyOf) for (const b of s.anyOf) for (const x of typesOf(b)) out.add(x);
  for (const x of [s.type ?? []].flat()) out.add(x === 'integer' ? 'number' : x);
  if (s.enum) for (const v of s.enum) out.add(jsonType(v));
  return out;
}

function arrayItems(s: Schema): Schema | undefined {
  return typesOf(s).has('array') ? (s.items ?? s.anyOf?.find((b) => b.items)?.items) : undefined;
}

interface Field { path: Path; schema: Schema; required: boolean }

/** Every field of a body: top level, the fields of object array items, and primitive array elements. */
function fieldsOf(schema: Schema, prefix: Path = []): Field[] {
  const out: Field[] = [];
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    out.push({ path, schema: s, required: (schema.required ?? []).includes(name) });
    const items = arrayItems(s);
    if (items?.properties) out.push(...fieldsOf(items, [...path, 0]));
    else if (items) out.push({ path: [...path, 0], schema: items, required: false });
  }
  return out;
}

/** Objects that refuse unknown keys: the body itself and object array items. */
function closedObjectsOf(schema: Schema, prefix: Path = []): Path[] {
  const out: Path[] = schema.additionalProperties === false ? [prefix] : [];
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const items = arrayItems(s);
    if (items?.properties) out.push(...closedObjectsOf(items, [...prefix, name, 0]));
  }
  return out;
}

const isUuidSchema = (s: Schema) => s.format === 'uuid' || (s.anyOf ?? []).some((b) => b.format === 'uuid');
const isUuidParam = (p: Parameter) => /\[0-9a-f\]\{8\}-/i.test(p.schema.pattern ?? '') || p.schema.format === 'uuid';

/** A value whose JSON type the field does not accept: a number for a string, an object for an array … */
function wrongTypeFor(s: Schema): unknown {
  const types = typesOf(s);
  const preferred: Record<string, unknown> = { string: 12345, number: 'twelve', boolean: 'true', array: { not: 'a list' }, object: ['not', 'an', 'object'] };
  const main = [...types].find((x) => x !== 'null') ?? 'null';
  const candidates = [preferred[main], 12345, 'text', true, { an: 'object' }, ['a', 'list']];
  return candidates.find((c) => c !== undefined && !types.has(jsonType(c)));
}

function describeValue(v: unknown): string {
  const type = jsonType(v);
  return type === 'array' ? 'a list' : type === 'object' ? 'an object' : `a ${type}`;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function setAt(target: Record<string, unknown>, path: Path, value: unknown): void {
  let cursor: Record<string | number, unknown> = target;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) { cursor[key] = value; return; }
    if (cursor[key] === undefined) cursor[key] = typeof path[i + 1] === 'number' ? [] : {};
    cursor = cursor[key] as Record<string | number, unknown>;
  }
}

function deleteAt(target: Record<string, unknown>, path: Path): void {
  const parent = path.slice(0, -1).reduce<unknown>((c, k) => (c as Record<string | number, unknown>)?.[k], target);
  if (!parent || typeof parent !== 'object') throw new Error(`fixture has nothing at ${show(path.slice(0, -1))}`);
  delete (parent as Record<string | number, unknown>)[path.at(-1)!];
}

function hasAt(target: unknown, path: Path): boolean {
  let cursor = target;
  for (const key of path) {
    if (!cursor || typeof cursor !== 'object' || !(key in cursor)) return false;
    cursor = (cursor as Record<string | number, unknown>)[key];
  }
  return true;
}

function urlFor(e: Endpoint, overrides: Record<string, string> = {}): string {
  return e.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name in overrides) return encodeURIComponent(overrides[name]!);
    const fixture = pathParamsOf[e.key]?.[name] ?? pathParamFixtures[name];
    if (!fixture) throw new Error(`no fixture for path parameter {${name}} of ${e.key}`);
    return fixture(ids);
  });
}

// ---------------------------------------------------------------------------------------------
// What every refusal must look like.

interface Expected { status?: number; code?: ErrorCode; path?: string }

interface ErrorBody { error: { code: ErrorCode; message: string; details?: unknown } }

function expectRefusal(res: LightMyRequestResponse, expected: Expected = {}, lang: 'zh' | 'en' = 'zh'): ErrorBody {
  const label = `${res.statusCode} ${res.body.slice(0, 400)}`;
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  expect(String(res.headers['content-type']), label).toMatch(/^application\/json/);
  let body: ErrorBody;
  try {
    body = JSON.parse(res.body) as ErrorBody;
  } catch {
    throw new Error(`not a JSON body: ${label}`);
  }
  expect(Object.keys(errorTable), label).toContain(body.error?.code);
  const entry = errorTable[body.error.code];
  expect(res.statusCode, label).toBe(entry.status);
  expect(body.error.message, label).toBe(entry[lang]);
  if (body.error.code === 'validation_failed') {
    const details = body.error.details as { path: unknown; message: unknown }[];
    expect(Array.isArray(details) && details.length > 0, `validation_failed without details: ${label}`).toBe(true);
    for (const d of details) {
      expect(typeof d.path, label).toBe('string');
      expect(typeof d.message, label).toBe('string');
    }
    if (expected.path !== undefined) expect(details.map((d) => d.path), label).toContain(expected.path);
  }
  if (expected.status !== undefined) expect(res.statusCode, label).toBe(expected.status);
  if (expected.code !== undefined) expect(body.error.code, label).toBe(expected.code);
  return body;
}

const sendJson = (e: Endpoint, url: string, body: unknown, headers: Record<string, string> = {}) =>
  t.admin.request(e.method, url, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', ...headers });

// ---------------------------------------------------------------------------------------------
// The cases.

interface Case { name: string; run: (e: Endpoint) => Promise<void> }

const HUGE = 'x'.repeat(100 * 1024);
const RANDOM_ID = '5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f';

function jsonBodyCases(e: Endpoint, schema: Schema): Case[] {
  const baseline = () => {
    const make = validBodies[e.key];
    if (!make) throw new Error(`no valid body fixture for ${e.key}: add one to validBodies`);
    return make(ids);
  };
  const url = () => urlFor(e);
  const mutated = async (path: Path, change: (b: Record<string, unknown>) => void) => {
    const body = clone(baseline());
    const exclusive = exclusiveFields[e.key] ?? [];
    if (exclusive.includes(String(path[0]))) for (const other of exclusive.filter((x) => x !== path[0])) delete body[other];
    if (path.length > 1 && !hasAt(body, path.slice(0, -1))) throw new Error(`valid body fixture for ${e.key} needs ${show(path.slice(0, -1))}`);
    change(body);
    return sendJson(e, url(), body);
  };
  const cases: Case[] = [
    { name: 'answers a malformed JSON body with 400 invalid_json', run: async () => { expectRefusal(await sendJson(e, url(), '{"a":'), { status: 400, code: 'invalid_json' }); } },
    { name: 'answers an XML body with 415 unsupported_media_type', run: async () => {
      expectRefusal(await t.admin.request(e.method, url(), '<hall/>', { 'content-type': 'application/xml' }), { status: 415, code: 'unsupported_media_type' });
    } },
    ...[['a list', []], ['a string', 'hall'], ['a number', 42]].map(([what, body]) => ({
      name: `answers ${String(what)} instead of an object with 400 validation_failed at the root`,
      run: async () => { expectRefusal(await sendJson(e, url(), JSON.stringify(body)), { status: 400, code: 'validation_failed', path: '' }); },
    })),
  ];
  for (const f of fieldsOf(schema)) {
    const where = show(f.path);
    const wrong = wrongTypeFor(f.schema);
    cases.push({
      name: `refuses ${describeValue(wrong)} in ${where} (400 validation_failed at ${where})`,
      run: async () => { expectRefusal(await mutated(f.path, (b) => setAt(b, f.path, wrong)), { status: 400, code: 'validation_failed', path: where }); },
    });
    if (f.required) {
      cases.push({
        name: `refuses a body without required ${where} (400 validation_failed at ${where})`,
        run: async () => { expectRefusal(await mutated(f.path, (b) => deleteAt(b, f.path)), { status: 400, code: 'validation_failed', path: where }); },
      });
    }
    if (typesOf(f.schema).has('string')) {
      const strings: [string, string][] = [
        ['a 100 kB string', HUGE],
        ['a NUL character', 'a\u0000b'],
        ['a lone surrogate', 'a\ud800b'],
      ];
      for (const [what, value] of strings) {
        cases.push({
          name: `refuses ${what} in ${where} (400 validation_failed at ${where})`,
          run: async () => { expectRefusal(await mutated(f.path, (b) => setAt(b, f.path, value)), { status: 400, code: 'validation_failed', path: where }); },
        });
      }
    }
    if (isUuidSchema(f.schema)) {
      if (idsTheServerReplaces.has(where)) continue;
      cases.push({
        name: `refuses an unknown id in ${where} with a 4xx`,
        run: async () => {
          const res = await mutated(f.path, (b) => setAt(b, f.path, randomUUID()));
          const body = expectRefusal(res);
          expect([400, 404], res.body).toContain(res.statusCode);
          if (body.error.code === 'validation_failed') expectRefusal(res, { path: where });
        },
      });
    }
  }
  for (const objectPath of closedObjectsOf(schema)) {
    const path = [...objectPath, 'unexpectedField'];
    cases.push({
      name: `refuses an unknown field ${show(path)} (400 validation_failed naming it)`,
      run: async () => {
        expectRefusal(await mutated(path, (b) => setAt(b, path, 'surprise')), { status: 400, code: 'validation_failed', path: show(path) });
      },
    });
  }
  return cases;
}

function pathParamCases(e: Endpoint, send: (url: string) => Promise<LightMyRequestResponse>): Case[] {
  const cases: Case[] = [];
  for (const p of (e.op.parameters ?? []).filter((x) => x.in === 'path')) {
    const bad = isUuidParam(p)
      ? [['a random UUID', RANDOM_ID], ['a fresh random UUID', randomUUID()], ['a non-UUID', 'abc'], ['an SQL fragment', "1' or '1'='1"]]
      : [['a non-number', 'abc'], ['an out-of-range number', '1999'], ['a fraction', '2026.5']];
    for (const [what, value] of bad) {
      cases.push({
        name: `answers ${what} as {${p.name}} with 404 not_found`,
        run: async () => { expectRefusal(await send(urlFor(e, { [p.name]: value! })), { status: 404, code: 'not_found' }); },
      });
    }
  }
  return cases;
}

function casesFor(e: Endpoint): Case[] {
  const content = e.op.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const rawTypes = Object.keys(content).filter((c) => c !== 'application/json');
  if (jsonSchema) {
    return [
      ...jsonBodyCases(e, jsonSchema),
      ...pathParamCases(e, (url) => {
        const make = validBodies[e.key];
        if (!make) throw new Error(`no valid body fixture for ${e.key}`);
        return sendJson(e, url, make(ids));
      }),
    ];
  }
  if (rawTypes.length) {
    // Raw uploads (photos): a valid image, so only the id decides. The upload rules have their own tests.
    return [
      { name: 'answers a malformed JSON body with 400 invalid_json', run: async () => { expectRefusal(await sendJson(e, urlFor(e), '{"a":'), { status: 400, code: 'invalid_json' }); } },
      ...pathParamCases(e, (url) => t.admin.request(e.method, url, PNG, { 'content-type': rawTypes[0]! })),
    ];
  }
  return [
    { name: 'answers a malformed JSON body with 400 invalid_json (and does nothing)', run: async () => { expectRefusal(await sendJson(e, urlFor(e), '{"a":'), { status: 400, code: 'invalid_json' }); } },
    ...pathParamCases(e, (url) => t.admin.request(e.method, url)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Setup and the snapshot refused requests must leave untouched.

interface Snapshot { [what: string]: unknown }

async function snapshot(): Promise<Snapshot> {
  const get = async (url: string) => {
    const res = await t.admin.get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as unknown;
  };
  const [audit] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log`);
  const [sessions] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from sessions`);
  const [halls] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from halls`);
  const queueRows = await changeableRows(t.ctx.db);
  return {
    hall: await get(`/api/v1/halls/${ids.hall}`),
    halls: await get('/api/v1/halls'),
    hallCount: halls!.n,
    services: await get(`/api/v1/halls/${ids.hall}/services`),
    windows: await get(`/api/v1/halls/${ids.hall}/windows`),
    users: await get('/api/v1/users'),
    devices: await get(`/api/v1/halls/${ids.hall}/devices`),
    calendar: await get(`/api/v1/halls/${ids.hall}/calendar`),
    me: await get('/api/v1/auth/me'),
    auditRows: audit!.n,
    sessions: sessions!.n,
    queue: await get(`/api/v1/halls/${ids.hall}/queue`),
    board: await get(`/api/v1/halls/${ids.hall}/board`),
    alerts: await get(`/api/v1/halls/${ids.hall}/alerts?status=all`),
    waitingTicket: await get(`/api/v1/tickets/${ids.tickets.waiting}?token=${ids.trackToken}`),
    queueRows,
  };
}

let before: Snapshot;

beforeAll(async () => {
  const hall = await createHall(t.admin, { name: '不变的大厅', address: '原地址' });
  const service = await createService(t.admin, hall.id);
  const window = await createWindow(t.admin, hall.id, [service.id]);
  const staff = await createUser(t.admin, hall.id, 'staff');
  const device = await createDevice(t.admin, hall.id, 'kiosk');
  // The queue at work: each window signed in to by its own member of staff (one window a
  // person, R-09/R-25); the admin steps in to send every request below.
  const otherService = await createService(t.admin, hall.id, { kind: 'immediate' });
  const lonely = await createService(t.admin, hall.id, { kind: 'immediate' });
  const windowStaff = async () => {
    const u = await createUser(t.admin, hall.id, 'staff');
    return t.login(u.username, u.password);
  };
  const desks = [];
  for (let i = 0; i < 3; i++) desks.push(await openDesk(t, hall.id, [service.id, otherService.id], await windowStaff()));
  const noShow = await desks[0]!.ticket('no_show');
  const called = await desks[0]!.ticket('called');
  const recalledOut = await desks[1]!.ticket('recalled_out');
  const serving = await desks[2]!.ticket('serving');
  const waiting = await issue(t.admin, hall.id, service.id);
  const open = await openedWindow(t, hall.id, [service.id, otherService.id], await windowStaff());
  const paused = await openedWindow(t, hall.id, [service.id], await windowStaff());
  expect((await t.admin.post(`/api/v1/windows/${paused}/pause`, { reason: 'break' })).statusCode).toBe(200);
  const lastOfService = await openedWindow(t, hall.id, [lonely.id], await windowStaff());
  await issue(t.admin, hall.id, lonely.id);
  const foreignHall = await createHall(t.admin, { name: '别的大厅' });
  const foreignService = await createService(t.admin, foreignHall.id, { kind: 'immediate' });
  const foreignWindow = await createWindow(t.admin, foreignHall.id, [foreignService.id]);
  // Cases of the service (its one material is required), by the admin.
  const material = service.materials[0]!.id;
  const newCase = async (submitted: string[]) => {
    const res = await t.admin.post(`/api/v1/halls/${hall.id}/cases`, { serviceId: service.id, applicant: { name: '张三' }, submitted });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; trackToken: string };
  };
  const accept = async (caseId: string) => expect((await t.admin.post(`/api/v1/cases/${caseId}/accept`, {})).statusCode).toBe(200);
  const completeCase = await newCase([material]);
  const missingCase = await newCase([]);
  const noticed = await newCase([]);
  const notice = (await t.admin.post(`/api/v1/cases/${noticed.id}/notices`, {})).json() as { id: string };
  const accepted = await newCase([material]);
  await accept(accepted.id);
  const extended = await newCase([material]);
  await accept(extended.id);
  const extension = (await t.admin.post(`/api/v1/cases/${extended.id}/extensions`, { workingDays: 2, reason: '需现场核查' })).json() as { id: string };
  ids = {
    hall: hall.id, service: service.id, window: window.id, staff: staff.id, device: device.id, otherService: otherService.id,
    windows: { open, paused, lastOfService },
    tickets: { waiting: waiting.id, called: called.id, recalledOut: recalledOut.id, serving: serving.id, noShow: noShow.id },
    trackToken: waiting.trackToken,
    alert: await alertOfWindow(t, hall.id, open),
    foreign: { service: foreignService.id, window: foreignWindow.id },
    cases: {
      complete: completeCase.id, missing: missingCase.id, accepted: accepted.id, notice: notice.id, extension: extension.id,
      material, trackToken: completeCase.trackToken,
    },
  };
  before = await snapshot();
});

// ---------------------------------------------------------------------------------------------

describe('the OpenAPI document', () => {
  it('lists the write endpoints this test knows how to exercise', () => {
    expect(writeEndpoints.length).toBeGreaterThanOrEqual(20);
    for (const e of writeEndpoints) {
      const jsonBody = e.op.requestBody?.content['application/json'];
      if (jsonBody) expect(validBodies, `add a valid body fixture for ${e.key}`).toHaveProperty([e.key]);
      for (const p of (e.op.parameters ?? []).filter((x) => x.in === 'path')) {
        expect(pathParamFixtures, `add a path fixture for {${p.name}} (${e.key})`).toHaveProperty([p.name]);
      }
    }
  });

  it('has no body or path fixture for an endpoint that no longer exists', () => {
    const keys = new Set(writeEndpoints.map((e) => e.key));
    expect(Object.keys(validBodies).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(pathParamsOf).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(exclusiveFields).filter((k) => !keys.has(k))).toEqual([]);
    const reads = new Set(readEndpoints.map((e) => e.key));
    expect(Object.keys(readQueries).filter((k) => !reads.has(k))).toEqual([]);
  });
});

for (const e of writeEndpoints) {
  describe(e.key, () => {
    for (const c of casesFor(e)) it(c.name, () => c.run(e));
  });
}

describe('read endpoints with ids in the path', () => {
  for (const e of readEndpoints.filter((x) => (x.op.parameters ?? []).some((p) => p.in === 'path'))) {
    const query = () => readQueries[e.key]?.(ids) ?? '';
    for (const c of pathParamCases(e, (url) => t.admin.get(url + query()))) it(`${e.key} ${c.name}`, () => c.run(e));
  }
});

describe('raw photo upload (PUT /api/v1/users/{userId}/photo)', () => {
  const url = () => `/api/v1/users/${ids.staff}/photo`;

  it.each([
    ['application/json', JSON.stringify({ photo: 'base64…' })],
    ['text/plain', 'not a photo'],
    ['application/octet-stream', PNG],
    ['image/gif', Buffer.from('GIF89a\x01\x00\x01\x00')],
    ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="f"\r\n\r\nabc\r\n--x--'],
  ])('answers %s with 415 unsupported_media_type', async (type, payload) => {
    expectRefusal(await t.admin.request('PUT', url(), payload, { 'content-type': type }), { status: 415, code: 'unsupported_media_type' });
  });

  it('answers no content type and no body with 415 unsupported_media_type', async () => {
    expectRefusal(await t.admin.request('PUT', url()), { status: 415, code: 'unsupported_media_type' });
  });

  it.each(['image/png', 'image/jpeg', 'image/webp'])('answers non-image bytes sent as %s with 400 invalid_photo', async (type) => {
    expectRefusal(await t.admin.request('PUT', url(), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), { 'content-type': type }), { status: 400, code: 'invalid_photo' });
  });

  it('answers an empty image/png body with 400 invalid_photo', async () => {
    expectRefusal(await t.admin.request('PUT', url(), Buffer.alloc(0), { 'content-type': 'image/png' }), { status: 400, code: 'invalid_photo' });
  });

  it('answers a photo over 2 MB with 413 payload_too_large', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    expectRefusal(await t.admin.request('PUT', url(), big, { 'content-type': 'image/png' }), { status: 413, code: 'payload_too_large' });
  });

  it('answers a JSON body over the 1 MB limit with 413 payload_too_large', async () => {
    const res = await t.admin.request('PATCH', `/api/v1/halls/${ids.hall}`, JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) }), { 'content-type': 'application/json' });
    expectRefusal(res, { status: 413, code: 'payload_too_large' });
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/halls/x/y/z'],
    ['DELETE', '/api/v1/halls'],
    ['PUT', '/api/v1/services'],
    ['PATCH', '/api/v2/halls'],
    ['GET', '/not-an-api-page'],
  ] as const)('answers %s %s with 404 route_not_found JSON', async (method, url) => {
    expectRefusal(await t.admin.request(method, url), { status: 404, code: 'route_not_found' });
    expectRefusal(await t.anonymous.request(method, url), { status: 404, code: 'route_not_found' });
  });
});

describe('error messages follow Accept-Language', () => {
  type Send = (lang: Record<string, string>) => Promise<LightMyRequestResponse>;
  const json = { 'content-type': 'application/json' };
  const requests: [ErrorCode, Send][] = [
    ['validation_failed', (h) => t.admin.request('POST', '/api/v1/halls', JSON.stringify({}), { ...json, ...h })],
    ['invalid_json', (h) => t.admin.request('POST', '/api/v1/halls', '{"a":', { ...json, ...h })],
    ['not_found', (h) => t.admin.request('GET', `/api/v1/halls/${RANDOM_ID}`, undefined, h)],
    ['route_not_found', (h) => t.admin.request('GET', '/api/v1/nope', undefined, h)],
    ['unauthenticated', (h) => t.anonymous.request('GET', '/api/v1/auth/me', undefined, h)],
    ['unsupported_media_type', (h) => t.admin.request('POST', '/api/v1/halls', '<a/>', { 'content-type': 'application/xml', ...h })],
  ];

  it.each(requests)('gives the Chinese message for %s by default', async (code, send) => {
    expectRefusal(await send({}), { code }, 'zh');
  });

  it.each(requests)('gives the English message for %s with Accept-Language: en', async (code, send) => {
    expectRefusal(await send({ 'accept-language': 'en' }), { code }, 'en');
  });

  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh;q=0.3,en;q=0.7', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['de-DE', 'zh'],
    ['*', 'zh'],
  ] as const)('picks %s → %s', async (header, expected) => {
    const res = await t.admin.request('GET', `/api/v1/halls/${RANDOM_ID}`, undefined, { 'accept-language': header });
    expectRefusal(res, { code: 'not_found' }, expected);
  });
});

describe('queue input that is well-formed but wrong', () => {
  type Send = () => Promise<LightMyRequestResponse>;
  const post = (url: string, body: unknown): Send => () => t.admin.post(`/api/v1${url}`, body);
  const cases: [string, Expected, Send][] = [
    ['a reason on a normal ticket', { status: 400, code: 'validation_failed', path: 'priorityReason' },
      () => post(`/halls/${ids.hall}/tickets`, { serviceId: ids.service, priority: 'normal', priorityReason: 'elderly' })()],
    ['a phone number that is not an 11-digit mobile number', { status: 400, code: 'validation_failed', path: 'phone' },
      () => post(`/halls/${ids.hall}/tickets`, { serviceId: ids.service, phone: '0571-8888888' })()],
    ["a ticket for another hall's service", { status: 404, code: 'not_found' }, () => post(`/halls/${ids.hall}/tickets`, { serviceId: ids.foreign.service })()],
    ['a checklist with an item not ticked', { status: 400, code: 'checklist_incomplete' }, () => post(`/windows/${ids.window}/open`, { checklist: { ...ALL_TICKED, safety: false } })()],
    ['a checklist item that is not true or false', { status: 400, code: 'validation_failed', path: 'checklist.safety' },
      () => post(`/windows/${ids.window}/open`, { checklist: { ...ALL_TICKED, safety: 'yes' } })()],
    ['a checklist item with a name over 64 characters', { status: 400, code: 'validation_failed' },
      () => post(`/windows/${ids.window}/open`, { checklist: { ...ALL_TICKED, ['x'.repeat(65)]: true } })()],
    ['a pause for another reason without saying which', { status: 400, code: 'validation_failed', path: 'note' }, () => post(`/windows/${ids.windows.open}/pause`, { reason: 'other' })()],
    ['an unknown pause reason', { status: 400, code: 'validation_failed', path: 'reason' }, () => post(`/windows/${ids.windows.open}/pause`, { reason: 'lunch' })()],
    ['an override of R-08 with a blank reason', { status: 400, code: 'validation_failed', path: 'reason' },
      () => post(`/windows/${ids.windows.lastOfService}/close`, { override: true, reason: '   ' })()],
    ['an unknown outcome', { status: 400, code: 'validation_failed', path: 'outcome' }, () => post(`/tickets/${ids.tickets.serving}/complete`, { outcome: 'finished' })()],
    ['a transfer to both a service and a window', { status: 400, code: 'validation_failed', path: 'serviceId' },
      () => post(`/tickets/${ids.tickets.serving}/transfer`, { serviceId: ids.otherService, windowId: ids.windows.open })()],
    ['a transfer to neither a service nor a window', { status: 400, code: 'validation_failed', path: 'serviceId' },
      () => post(`/tickets/${ids.tickets.serving}/transfer`, { position: 'front' })()],
    ["a transfer to another hall's service", { status: 400, code: 'validation_failed', path: 'serviceId' },
      () => post(`/tickets/${ids.tickets.serving}/transfer`, { serviceId: ids.foreign.service })()],
    ["a transfer to another hall's window", { status: 400, code: 'validation_failed', path: 'windowId' },
      () => post(`/tickets/${ids.tickets.serving}/transfer`, { windowId: ids.foreign.window })()],
    ['a ticket looked up without its token', { status: 400, code: 'validation_failed', path: 'token' }, () => t.anonymous.get(`/api/v1/tickets/${ids.tickets.waiting}`)],
    ['a ticket looked up with a token too short to be one', { status: 400, code: 'validation_failed', path: 'token' },
      () => t.anonymous.get(`/api/v1/tickets/${ids.tickets.waiting}?token=abc`)],
    ['a ticket looked up with a wrong token', { status: 404, code: 'not_found' }, () => t.anonymous.get(`/api/v1/tickets/${ids.tickets.waiting}?token=${'x'.repeat(43)}`)],
    ['an unknown alert filter', { status: 400, code: 'validation_failed', path: 'status' }, () => t.admin.get(`/api/v1/halls/${ids.hall}/alerts?status=closed`)],
  ];
  it.each(cases)('refuses %s', async (_what, expected, send) => {
    expectRefusal(await send(), expected);
  });
});

describe('after every refusal above', () => {
  it('left the data as it was (hall, catalogue, windows, people, devices, calendar, sessions, queue, alerts, service log)', async () => {
    const after = await snapshot();
    expect(after).toEqual(before);
    expect((after.hall as { name: string }).name).toBe('不变的大厅');
  });
});

// These change data on purpose, so they run after the snapshot comparison.
describe('input that is odd but acceptable', () => {
  it('treats an unknown material id as a new material and gives it a server id', async () => {
    const unknown = randomUUID();
    const res = await t.admin.patch(`/api/v1/services/${ids.service}`, { materials: [{ id: unknown, name: '户口簿', originals: 1, copies: 0, required: false }] });
    expect(res.statusCode, res.body).toBe(200);
    const [material] = res.json().materials as { id: string; name: string }[];
    expect(material!.name).toBe('户口簿');
    expect(material!.id).not.toBe(unknown);
  });

  it('accepts an upper-case service id when issuing a ticket, and a transfer without a position goes to the front', async () => {
    const res = await t.admin.post(`/api/v1/halls/${ids.hall}/tickets`, { serviceId: ids.service.toUpperCase() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().serviceId).toBe(ids.service);
    const moved = await t.admin.post(`/api/v1/tickets/${ids.tickets.serving}/transfer`, { serviceId: ids.otherService.toUpperCase() });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().ticket).toMatchObject({ status: 'waiting', serviceId: ids.otherService, placement: 'front' });
    expect(((await t.admin.get(`/api/v1/audit/verify?hallId=${ids.hall}`)).json() as { ok: boolean }).ok).toBe(true);
  });

  it.each(writeEndpoints.filter((e) => e.method === 'PATCH'))('answers an empty object to $key without a server error', async (e) => {
    const res = await sendJson(e, urlFor(e), {});
    if (res.statusCode >= 400) expectRefusal(res);
    else expect(res.statusCode, res.body).toBe(200);
  });

  it('accepts an upper-case UUID for a hall in a body and keeps the service log verifiable', async () => {
    const res = await t.admin.post('/api/v1/users', { username: 'uppercase-hall', password: 'password-123', name: '大写', role: 'staff', hallId: ids.hall.toUpperCase() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().hallId).toBe(ids.hall);
    const win = await t.admin.post(`/api/v1/halls/${ids.hall}/windows`, { number: 77, name: '大写窗口', serviceIds: [ids.service.toUpperCase()] });
    expect(win.statusCode, win.body).toBe(201);
    expect(win.json().serviceIds).toEqual([ids.service]);
    const verify = (await t.admin.get('/api/v1/audit/verify')).json() as { ok: boolean; chains: { chain: string }[] };
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
    expect(verify.chains.map((c) => c.chain).filter((c) => c.toLowerCase() === ids.hall)).toEqual([ids.hall]);
  });
});
