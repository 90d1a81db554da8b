// Loading a catalogue: the manager reads every problem of the file in her language, and a
// whole catalogue with its guides fits in one request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService } from '../../../test/factories/hall.js';
import { errorTable } from '../http/errors.js';
import { CATALOG_IMPORT_MAX_BYTES } from '../../core/catalog/catalog-document.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const entry = (code: string, ticketPrefix: string, more: Record<string, unknown> = {}) => ({
  code, name: `事项 ${code}`, ticketPrefix, kind: 'promised', statutoryDays: 20, promisedDays: 5, itemType: 'licensing',
  materials: [{ name: '居民身份证', originals: 1, copies: 0, required: true }], ...more,
});
const doc = (services: unknown[]) => ({ format: 'chuangkou.catalog', version: 1, services });
const importInto = (hallId: string, body: unknown, headers: Record<string, string> = {}) =>
  t.admin.request('POST', `/api/v1/halls/${hallId}/catalog/import`, body, headers);

// One of each kind of problem: zod's own checks, a message written in the schema, a rule across
// fields, one across entries, and one the import finds against the hall.
const broken = doc([
  entry('A-1', 'A', { name: '', materials: [{ name: '身份证', originals: 1, copies: 0, required: true, condition: '本人办理的' }] }),
  entry('A-1', 'b1', { kind: 'sometimes' }),
  entry('A-3', 'C', { promisedDays: 30 }),
]);

describe('catalogue import problems in the reader\'s language (R-16)', () => {
  it('lists every problem of the document in Chinese by default, each at its path', async () => {
    const hall = await createHall(t.admin);
    const res = await importInto(hall.id, broken);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBe(errorTable.validation_failed.zh);
    expect(res.json().error.details).toEqual(expect.arrayContaining([
      { path: 'services.0.name', message: '不能为空' },
      { path: 'services.0.materials.0.condition', message: '必交材料无需填写适用情形；如只在特定情形下需要，请改为非必交' },
      { path: 'services.1.ticketPrefix', message: '应为一到两个大写英文字母' },
      { path: 'services.1.kind', message: '应为以下之一：“immediate”、“promised”' },
    ]));
    // Entries that parse are checked against each other and their own time limits.
    const wellFormed = await importInto(hall.id, doc([entry('A-1', 'A'), entry('A-1', 'B'), entry('A-3', 'C', { promisedDays: 30 })]));
    expect(wellFormed.json().error.details).toEqual(expect.arrayContaining([
      { path: 'services.1.code', message: '“A-1”已被第 1 项使用' },
      { path: 'services.2.promisedDays', message: '承诺时限不能超过法定时限' },
    ]));
  });

  it('words the same problems in English for an English reader', async () => {
    const hall = await createHall(t.admin);
    const res = await importInto(hall.id, broken, { 'accept-language': 'en' });
    expect(res.json().error.details).toEqual(expect.arrayContaining([
      { path: 'services.0.name', message: 'Too small: expected string to have >=1 characters' },
      { path: 'services.1.ticketPrefix', message: 'one or two capital letters' },
    ]));
    const wellFormed = await importInto(hall.id, doc([entry('A-1', 'A'), entry('A-1', 'B')]), { 'accept-language': 'en' });
    expect(wellFormed.json().error.details).toEqual([{ path: 'services.1.code', message: '"A-1" is also used by services.0' }]);
  });

  it('names the service that holds a ticket prefix, in Chinese', async () => {
    const hall = await createHall(t.admin);
    await createService(t.admin, hall.id, { code: 'HELD', ticketPrefix: 'H', name: '占用前缀的事项' });
    const res = await importInto(hall.id, doc([entry('X-3', 'H')]));
    expect(res.json().error.details).toEqual([
      { path: 'services.0.ticketPrefix', message: '“H”是本大厅事项 HELD（占用前缀的事项）的号码前缀，而文件中没有该事项' },
    ]);
  });
});

describe('catalogue import size', () => {
  // 30 services with full guides (4000 characters of conditions and of legal basis) and 30
  // materials each with a note: about 2 MB, twice the limit of other requests.
  const long = (n: number) => '申请人应当提交真实有效的材料。'.repeat(Math.ceil(n / 15)).slice(0, n);
  const fullCatalogue = doc(Array.from({ length: 30 }, (_, i) => entry(`BIG-${i}`, String.fromCharCode(65 + (i % 26)) + (i < 26 ? '' : 'Z'), {
    acceptanceConditions: long(4000), legalBasis: long(4000),
    materials: Array.from({ length: 30 }, (_, j) => ({ name: `材料 ${j + 1}`, originals: 1, copies: 1, required: true, note: long(500) })),
  })));

  it('loads a catalogue of about 2 MB', async () => {
    const hall = await createHall(t.admin);
    const body = JSON.stringify(fullCatalogue);
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const res = await importInto(hall.id, body, { 'content-type': 'application/json' });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toMatchObject({ created: 30, updated: 0, unchanged: 0 });
  }, 60_000);

  it('refuses a body over 10 MB with 413 payload_too_large, in our error envelope', async () => {
    const hall = await createHall(t.admin);
    const body = JSON.stringify(doc([entry('HUGE', 'Z', { legalBasis: 'x'.repeat(CATALOG_IMPORT_MAX_BYTES) })]));
    const zh = await importInto(hall.id, body, { 'content-type': 'application/json' });
    expect(zh.statusCode).toBe(413);
    expect(zh.json()).toEqual({ error: { code: 'payload_too_large', message: errorTable.payload_too_large.zh } });
    const en = await importInto(hall.id, body, { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(en.json()).toEqual({ error: { code: 'payload_too_large', message: errorTable.payload_too_large.en } });
  });

  it('keeps the 1 MB limit for every other request', async () => {
    const hall = await createHall(t.admin);
    const res = await t.admin.request('POST', `/api/v1/halls/${hall.id}/services`, JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
