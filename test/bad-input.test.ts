// Bad input is the client's fault, never a server fault: every write endpoint listed in the
// OpenAPI document answers malformed, mistyped, incomplete, oversized, unstorable or unknown
// input with a 4xx JSON error from the closed set in errors.ts, and a refused request changes
// nothing. The cases are generated from the document's own schemas, so a new endpoint is
// covered as soon as it is registered, or fails here until it has a fixture below.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { errorTable, type ErrorCode } from '../src/server/http/errors.js';
import { createTestApp } from './harness.js';
import { createDevice, createHall, createService, createUser, createWindow, weekdayHours } from './factories/hall.js';

// ---------------------------------------------------------------------------------------------
// The application and its OpenAPI document (needed while collecting, to generate the cases).

const t = await createTestApp();
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

interface Ids { hall: string; service: string; window: string; staff: string; device: string }
let ids: Ids;

const pathParamFixtures: Record<string, (i: Ids) => string> = {
  hallId: (i) => i.hall,
  serviceId: (i) => i.service,
  windowId: (i) => i.window,
  userId: (i) => i.staff,
  deviceId: (i) => i.device,
  year: () => '2026',
};

const hallBody = () => ({
  name: '新大厅', timezone: 'Asia/Shanghai', openingHours: weekdayHours,
  hoursExceptions: [{ date: '2026-10-01', closed: true, note: '国庆节' }], address: '人民路 1 号', phone: '0571-88888888',
});
const serviceBody = () => ({
  code: 'NEW-1', name: '新事项', ticketPrefix: 'NZ', kind: 'promised', statutoryDays: 20, promisedDays: 5,
  materials: [{ id: randomUUID(), name: '居民身份证', copies: 1, original: true, required: true, note: '原件' }],
});

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
  'POST /api/v1/halls/{hallId}/windows': (i) => ({ number: 42, name: '新窗口', serviceIds: [i.service] }),
  'PATCH /api/v1/windows/{windowId}': (i) => ({ number: 43, name: '改名窗口', serviceIds: [i.service] }),
  'POST /api/v1/halls/{hallId}/devices': () => ({ kind: 'kiosk', name: '新取号机' }),
  'PATCH /api/v1/devices/{deviceId}': () => ({ name: '改名取号机' }),
  'PUT /api/v1/halls/{hallId}/calendar/{year}': () => ({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] }),
};

/** Query strings a read endpoint needs to get as far as looking its ids up. */
const readQueries: Record<string, string> = {
  'GET /api/v1/halls/{hallId}/calendar/working-days': '?from=2026-01-05&add=3',
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
    const fixture = pathParamFixtures[name];
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
  };
}

let before: Snapshot;

beforeAll(async () => {
  const hall = await createHall(t.admin, { name: '不变的大厅', address: '原地址' });
  const service = await createService(t.admin, hall.id);
  const window = await createWindow(t.admin, hall.id, [service.id]);
  const staff = await createUser(t.admin, hall.id, 'staff');
  const device = await createDevice(t.admin, hall.id, 'kiosk');
  ids = { hall: hall.id, service: service.id, window: window.id, staff: staff.id, device: device.id };
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

  it('has no body fixture for an endpoint that no longer exists', () => {
    const keys = new Set(writeEndpoints.map((e) => e.key));
    expect(Object.keys(validBodies).filter((k) => !keys.has(k))).toEqual([]);
  });
});

for (const e of writeEndpoints) {
  describe(e.key, () => {
    for (const c of casesFor(e)) it(c.name, () => c.run(e));
  });
}

describe('read endpoints with ids in the path', () => {
  for (const e of readEndpoints.filter((x) => (x.op.parameters ?? []).some((p) => p.in === 'path'))) {
    const query = readQueries[e.key] ?? '';
    for (const c of pathParamCases(e, (url) => t.admin.get(url + query))) it(`${e.key} ${c.name}`, () => c.run(e));
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

describe('after every refusal above', () => {
  it('left the data as it was (hall, catalogue, windows, people, devices, calendar, sessions, service log)', async () => {
    const after = await snapshot();
    expect(after).toEqual(before);
    expect((after.hall as { name: string }).name).toBe('不变的大厅');
  });
});

// These change data on purpose, so they run after the snapshot comparison.
describe('input that is odd but acceptable', () => {
  it('treats an unknown material id as a new material and gives it a server id', async () => {
    const unknown = randomUUID();
    const res = await t.admin.patch(`/api/v1/services/${ids.service}`, { materials: [{ id: unknown, name: '户口簿', copies: 1, original: true, required: false }] });
    expect(res.statusCode, res.body).toBe(200);
    const [material] = res.json().materials as { id: string; name: string }[];
    expect(material!.name).toBe('户口簿');
    expect(material!.id).not.toBe(unknown);
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
