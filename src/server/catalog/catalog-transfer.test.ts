// The catalogue document: a hall exports its services and loads a document in one step.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService, createUser } from '../../../test/factories/hall.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const idCard = { name: '居民身份证', originals: 1, copies: 0, form: 'paper', required: true, source: 'government', sourceNote: '公安机关核发' };
const proxy = { name: '授权委托书', originals: 1, copies: 0, required: false, condition: '委托他人代办的', blankFormUrl: '/files/forms/委托书.pdf' };

const entry = (code: string, ticketPrefix: string, more: Record<string, unknown> = {}) => ({
  code, name: `事项 ${code}`, ticketPrefix, kind: 'promised', statutoryDays: 20, promisedDays: 5, itemType: 'licensing',
  acceptanceConditions: '符合条件的申请人', processSteps: [{ title: '受理' }, { title: '审批', description: '5 个工作日内' }],
  fees: [], consultationPhone: '0571-86001201', supervisionPhone: '12345', location: '一楼A区3-5号窗口',
  materials: [idCard, proxy], ...more,
});
const doc = (services: unknown[], more: Record<string, unknown> = {}) => ({ format: 'chuangkou.catalog', version: 1, services, ...more });

async function auditCount(hallId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log where hall_id = ${hallId}`);
  return row!.n;
}
async function eventNames(hallId: string): Promise<string[]> {
  return (await queryRows<{ name: string }>(t.ctx.db, sql`select name from events where hall_id = ${hallId} order by id`)).map((r) => r.name);
}
const servicesOf = async (hallId: string) => (await t.admin.get(`/api/v1/halls/${hallId}/services`)).json().items as Record<string, unknown>[];
const exportOf = async (hallId: string) => {
  const res = await t.admin.get(`/api/v1/halls/${hallId}/catalog/export`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('catalogue export', () => {
  it('writes the live services by code, materials without ids, in the documented format', async () => {
    const hall = await createHall(t.admin, { name: '导出大厅' });
    await createService(t.admin, hall.id, { code: 'B-2', ticketPrefix: 'B', materials: [proxy] });
    await createService(t.admin, hall.id, { code: 'A-1', ticketPrefix: 'A', kind: 'immediate' });
    const gone = await createService(t.admin, hall.id, { code: 'C-3', ticketPrefix: 'C' });
    await t.admin.delete(`/api/v1/services/${gone.id}`);
    const exported = await exportOf(hall.id);
    expect(exported).toMatchObject({ format: 'chuangkou.catalog', version: 1, hall: { name: '导出大厅' }, exportedAt: expect.any(String) });
    expect(exported.services.map((s: { code: string }) => s.code)).toEqual(['A-1', 'B-2']);
    expect(exported.services[1].materials).toEqual([{
      name: '授权委托书', originals: 1, copies: 0, form: 'paper', required: false, condition: '委托他人代办的', source: 'applicant',
      sourceNote: null, note: null, blankFormUrl: '/files/forms/委托书.pdf', sampleUrl: null,
    }]);
    expect(exported.services[0]).not.toHaveProperty('id');
  });
});

describe('catalogue import', () => {
  it('adds new codes, updates existing ones in place keeping material ids by name, and leaves the rest alone', async () => {
    const hall = await createHall(t.admin);
    const kept = await createService(t.admin, hall.id, { code: 'KEEP', ticketPrefix: 'K', name: '不在文件里的事项' });
    const old = await createService(t.admin, hall.id, { code: 'UPD-1', ticketPrefix: 'U', materials: [idCard, proxy] });
    const before = await auditCount(hall.id);
    const res = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([
      entry('UPD-1', 'U', { name: '改过名的事项', materials: [proxy, { ...idCard, copies: 1 }, { name: '户口簿', originals: 1, copies: 0, required: true }] }),
      entry('NEW-1', 'N'),
    ]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1, updated: 1, unchanged: 0,
      services: [{ code: 'UPD-1', result: 'updated', id: old.id }, { code: 'NEW-1', result: 'created' }],
    });
    const after = await servicesOf(hall.id);
    const updated = after.find((s) => s.code === 'UPD-1') as { id: string; name: string; materials: { id: string; name: string; copies: number }[] };
    expect(updated.id).toBe(old.id);
    expect(updated.name).toBe('改过名的事项');
    // Same names keep their ids (cases refer to them), in the document's order; a new name is new.
    const oldIds = Object.fromEntries(old.materials.map((m) => [m.name, m.id]));
    expect(updated.materials.map((m) => [m.name, m.id === oldIds[m.name]])).toEqual([['授权委托书', true], ['居民身份证', true], ['户口簿', false]]);
    expect(after.find((s) => s.code === 'KEEP')).toMatchObject({ id: kept.id, name: '不在文件里的事项' });
    expect(after.find((s) => s.code === 'NEW-1')).toMatchObject({ itemType: 'licensing', location: '一楼A区3-5号窗口', processSteps: [{ title: '受理', description: null }, { title: '审批' }] });
    // One log row per service written and one for the import, and the screens hear of both services.
    expect(await auditCount(hall.id)).toBe(before + 3);
    expect((await eventNames(hall.id)).slice(-2).sort()).toEqual(['service.created', 'service.updated']);
    expect(((await t.admin.get(`/api/v1/audit/verify?hallId=${hall.id}`)).json() as { ok: boolean }).ok).toBe(true);
  });

  it('reports every problem of the document with its path and writes nothing', async () => {
    const hall = await createHall(t.admin);
    await createService(t.admin, hall.id, { code: 'HELD', ticketPrefix: 'H', name: '占用前缀的事项' });
    const before = { services: await servicesOf(hall.id), audit: await auditCount(hall.id), events: await eventNames(hall.id) };
    const res = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([
      entry('OK-1', 'A'),
      entry('BAD-1', 'B', { materials: [idCard, { ...proxy, originals: -1 }], consultationPhone: 'ask at the desk' }),
      entry('BAD-2', 'C', { promisedDays: 40, statutoryDays: 20 }),
      entry('BAD-3', 'D', { fees: [{ item: '工本费', amount: '10 元' }], onlineUrl: 'ftp://example.org/x' }),
    ]));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'services.1.consultationPhone', 'services.1.materials.1.originals', 'services.2.promisedDays', 'services.3.fees.0.basis', 'services.3.onlineUrl',
    ]);
    expect({ services: await servicesOf(hall.id), audit: await auditCount(hall.id), events: await eventNames(hall.id) }).toEqual(before);
  });

  it('refuses a code, a ticket prefix or a material name twice, and a prefix another service of the hall keeps', async () => {
    const hall = await createHall(t.admin);
    await createService(t.admin, hall.id, { code: 'HELD', ticketPrefix: 'H', name: '占用前缀的事项' });
    const twice = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([
      entry('X-1', 'A'), entry('X-1', 'B'), entry('X-2', 'A', { materials: [idCard, idCard] }),
    ]));
    expect(twice.statusCode, twice.body).toBe(400);
    expect(twice.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'services.1.code', 'services.2.materials.1.name', 'services.2.ticketPrefix',
    ]);
    const clash = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([entry('X-3', 'H')]));
    expect(clash.statusCode, clash.body).toBe(400);
    expect(clash.json().error.details).toEqual([{ path: 'services.0.ticketPrefix', message: expect.stringContaining('HELD') }]);
    expect((await servicesOf(hall.id)).map((s) => s.code)).toEqual(['HELD']);
  });

  it('refuses a document of another format or version', async () => {
    const hall = await createHall(t.admin);
    for (const [field, value] of [['format', 'excel'], ['version', 2]] as const) {
      const res = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([], { [field]: value }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });

  it('round-trips: importing what was just exported changes nothing and logs nothing', async () => {
    const hall = await createHall(t.admin);
    await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([
      entry('R-1', 'A'), entry('R-2', 'B', { kind: 'immediate', promisedDays: null, fees: [{ item: '工本费', amount: '20 元/张', basis: '某省发改委文件' }] }),
    ]));
    const services = await servicesOf(hall.id);
    const audit = await auditCount(hall.id);
    const exported = await exportOf(hall.id);
    const res = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, exported);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await servicesOf(hall.id)).toEqual(services);
    expect(await auditCount(hall.id)).toBe(audit);
    expect(await exportOf(hall.id)).toEqual({ ...exported, exportedAt: expect.any(String) });
  });

  it("loads one hall's export into another hall in one step", async () => {
    const from = await createHall(t.admin);
    await t.admin.post(`/api/v1/halls/${from.id}/catalog/import`, doc([entry('M-1', 'A'), entry('M-2', 'B')]));
    const to = await createHall(t.admin);
    const res = await t.admin.post(`/api/v1/halls/${to.id}/catalog/import`, await exportOf(from.id));
    expect(res.json()).toMatchObject({ created: 2 });
    const strip = (d: { services: unknown[] }) => d.services;
    expect(strip(await exportOf(to.id))).toEqual(strip(await exportOf(from.id)));
  });

  it('lets two services swap ticket prefixes in one import', async () => {
    const hall = await createHall(t.admin);
    await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([entry('S-1', 'A'), entry('S-2', 'B')]));
    const res = await t.admin.post(`/api/v1/halls/${hall.id}/catalog/import`, doc([entry('S-1', 'B'), entry('S-2', 'A')]));
    expect(res.statusCode, res.body).toBe(200);
    expect((await servicesOf(hall.id)).map((s) => [s.code, s.ticketPrefix])).toEqual([['S-2', 'A'], ['S-1', 'B']]);
  });

  it("refuses staff (403) and a manager of another hall (403), writing nothing; the hall's manager may", async () => {
    const hall = await createHall(t.admin);
    const other = await createHall(t.admin);
    const staff = await t.login(...(await credentials(hall.id, 'staff')));
    const foreignManager = await t.login(...(await credentials(other.id, 'manager')));
    const manager = await t.login(...(await credentials(hall.id, 'manager')));
    const body = doc([entry('P-1', 'A')]);
    expect((await staff.post(`/api/v1/halls/${hall.id}/catalog/import`, body)).statusCode).toBe(403);
    expect((await foreignManager.post(`/api/v1/halls/${hall.id}/catalog/import`, body)).statusCode).toBe(403);
    expect(await servicesOf(hall.id)).toEqual([]);
    expect((await manager.post(`/api/v1/halls/${hall.id}/catalog/import`, body)).statusCode).toBe(200);
  });
});

async function credentials(hallId: string, role: 'staff' | 'manager'): Promise<[string, string]> {
  const u = await createUser(t.admin, hallId, role);
  return [u.username, u.password];
}
