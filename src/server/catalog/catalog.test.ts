import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => { t = await createTestApp(); hallId = (await createHall(t.admin)).id; });
afterAll(async () => { await t?.close(); });

const proxy = {
  name: '授权委托书及受托人身份证', originals: 1, copies: 1, form: 'paper', required: false, condition: '委托他人代办的',
  source: 'applicant', sourceNote: null, note: '须本人签字', blankFormUrl: '/files/forms/委托书.pdf', sampleUrl: null,
};

describe('services (服务事项)', () => {
  it('creates a promised service with materials that get stable ids', async () => {
    const s = await createService(t.admin, hallId, {
      code: 'BDC-1', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', promisedDays: 5, statutoryDays: 30,
      materials: [
        { name: '居民身份证', originals: 1, copies: 0, required: true },
        { name: '授权委托书', originals: 1, copies: 0, required: false, condition: '委托办理的' },
      ],
    });
    expect(s.materials).toHaveLength(2);
    const [idCard] = s.materials;
    // Editing keeps the id of a material sent back with its id, and numbers a new one.
    const res = await t.admin.patch(`/api/v1/services/${s.id}`, {
      materials: [{ ...idCard, copies: 2 }, { name: '户口簿', originals: 1, copies: 0, required: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.materials[0]).toMatchObject({ id: idCard!.id, copies: 2 });
    expect(after.materials[1].id).not.toBe(s.materials[1]!.id);
  });

  it('keeps the id of a material typed in again under the same name (cases refer to it, R-11)', async () => {
    const s = await createService(t.admin, hallId, { ticketPrefix: 'KA', materials: [{ name: '居民户口簿', originals: 1, copies: 0, required: true }] });
    const res = await t.admin.patch(`/api/v1/services/${s.id}`, { materials: [{ name: '居民户口簿', originals: 1, copies: 1, required: true }] });
    expect(res.json().materials[0]).toMatchObject({ id: s.materials[0]!.id, copies: 1 });
  });

  it('requires promised days for a promised service, never above the statutory limit (R-14)', async () => {
    const missing = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'P-1', name: '承诺件', ticketPrefix: 'P', kind: 'promised' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('promisedDays');
    const tooLong = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'P-2', name: '承诺件', ticketPrefix: 'P', kind: 'promised', promisedDays: 40, statutoryDays: 20 });
    expect(tooLong.statusCode).toBe(400);
  });

  it('keeps codes and ticket prefixes unique among live services of a hall', async () => {
    await createService(t.admin, hallId, { code: 'U-1', ticketPrefix: 'U' });
    const sameCode = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'U-1', name: 'x', ticketPrefix: 'V', kind: 'immediate' });
    expect(sameCode.json().error.code).toBe('service_code_taken');
    const samePrefix = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'U-2', name: 'x', ticketPrefix: 'U', kind: 'immediate' });
    expect(samePrefix.statusCode).toBe(409);
    expect(samePrefix.json().error.code).toBe('ticket_prefix_taken');
    // Another hall may use the same prefix.
    const other = await createHall(t.admin);
    await createService(t.admin, other.id, { code: 'U-1', ticketPrefix: 'U' });
  });

  it('archives a service: gone from the list, its prefix free again, windows stop listing it', async () => {
    const s = await createService(t.admin, hallId, { code: 'Z-1', ticketPrefix: 'Z' });
    const w = await t.admin.post(`/api/v1/halls/${hallId}/windows`, { number: 77, name: '窗口', serviceIds: [s.id] });
    expect((await t.admin.delete(`/api/v1/services/${s.id}`)).statusCode).toBe(204);
    const list = (await t.admin.get(`/api/v1/halls/${hallId}/services`)).json().items;
    expect(list.some((x: { id: string }) => x.id === s.id)).toBe(false);
    expect((await t.admin.get(`/api/v1/windows/${w.json().id}`)).json().serviceIds).toEqual([]);
    await createService(t.admin, hallId, { code: 'Z-2', ticketPrefix: 'Z' });
  });

  it('an immediate service (即办件) has no promised days', async () => {
    const s = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'I-1', name: '社保卡补办', ticketPrefix: 'I', kind: 'immediate', promisedDays: 3 });
    expect(s.statusCode).toBe(201);
    expect(s.json().promisedDays).toBeNull();
  });
});

describe('the service guide (办事指南, R-16)', () => {
  it('stores every guide field and fills what a new service leaves out', async () => {
    const bare = await t.admin.post(`/api/v1/halls/${hallId}/services`, { code: 'G-0', name: '简单事项', ticketPrefix: 'GA', kind: 'immediate' });
    expect(bare.json()).toMatchObject({
      itemType: 'public_service', department: null, acceptanceConditions: null, legalBasis: null, processSteps: [], fees: [],
      location: null, serviceHours: null, consultationPhone: null, supervisionPhone: null, onlineUrl: null, materials: [],
    });
    const full = await t.admin.post(`/api/v1/halls/${hallId}/services`, {
      code: 'G-1', name: '不动产转移登记', ticketPrefix: 'GB', kind: 'promised', statutoryDays: 30, promisedDays: 5,
      itemType: 'confirmation', department: '不动产登记中心', resultName: '不动产权证书',
      acceptanceConditions: '  不动产未被查封  ', legalBasis: '《不动产登记暂行条例》',
      processSteps: [{ title: '受理' }, { title: '审核', description: '必要时实地查看' }],
      fees: [{ item: '不动产登记费', amount: '住宅 80 元/件', basis: '发改价格规〔2016〕2559 号' }],
      location: '一楼A区3-5号窗口', serviceHours: '工作日 9:00—17:00', consultationPhone: '0571-88888888转8001', supervisionPhone: '12345',
      onlineUrl: 'https://zwfw.example.org/bdc', materials: [proxy],
    });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json()).toMatchObject({
      itemType: 'confirmation', acceptanceConditions: '不动产未被查封',
      processSteps: [{ title: '受理', description: null }, { title: '审核', description: '必要时实地查看' }],
      fees: [{ item: '不动产登记费', amount: '住宅 80 元/件' }], consultationPhone: '0571-88888888转8001',
      materials: [{ ...proxy, id: expect.any(String) }],
    });
  });

  it('changes only the guide fields a PATCH sends, and a blank text clears one', async () => {
    const s = await createService(t.admin, hallId, { ticketPrefix: 'KB', location: '二楼 B 区', serviceHours: '工作日全天' });
    const res = await t.admin.patch(`/api/v1/services/${s.id}`, { location: '', fees: [{ item: '工本费', amount: '10 元', basis: '某文件' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ location: null, serviceHours: '工作日全天', fees: [{ item: '工本费' }] });
  });

  let target: string;
  beforeAll(async () => { target = (await createService(t.admin, hallId, { code: 'G-T', ticketPrefix: 'GT' })).id; });

  it.each([
    ['a phone with letters', 'consultationPhone', { consultationPhone: 'call us' }],
    ['a phone of two digits', 'supervisionPhone', { supervisionPhone: '12' }],
    ['an online address that is not http(s)', 'onlineUrl', { onlineUrl: 'javascript:alert(1)' }],
    ['a blank form at a javascript: address', 'materials.0.blankFormUrl', { materials: [{ ...proxy, blankFormUrl: 'javascript:alert(1)' }] }],
    ['a sample at a protocol-relative address', 'materials.0.sampleUrl', { materials: [{ ...proxy, sampleUrl: '//evil.example/x.pdf' }] }],
    ['a required material with a condition', 'materials.0.condition', { materials: [{ ...proxy, required: true }] }],
    ['an unknown material form', 'materials.0.form', { materials: [{ ...proxy, form: 'fax' }] }],
    ['an unknown item type', 'itemType', { itemType: '行政许可' }],
    ['a fee without its basis', 'fees.0.basis', { fees: [{ item: '工本费', amount: '10 元', basis: ' ' }] }],
    ['a step without a title', 'processSteps.0.title', { processSteps: [{ title: '', description: 'x' }] }],
    ['conditions over 4000 characters', 'acceptanceConditions', { acceptanceConditions: '条'.repeat(4001) }],
  ] as [string, string, Record<string, unknown>][])('refuses %s (400 at %s)', async (_what, path, patch) => {
    const res = await t.admin.patch(`/api/v1/services/${target}`, patch);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
