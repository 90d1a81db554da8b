import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall, createService } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => { t = await createTestApp(); hallId = (await createHall(t.admin)).id; });
afterAll(async () => { await t?.close(); });

describe('services (服务事项)', () => {
  it('creates a promised service with materials that get stable ids', async () => {
    const s = await createService(t.admin, hallId, {
      code: 'BDC-1', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', promisedDays: 5, statutoryDays: 30,
      materials: [
        { name: '居民身份证', copies: 1, original: true, required: true },
        { name: '授权委托书', copies: 1, original: true, required: false, note: '委托办理的' },
      ],
    });
    expect(s.materials).toHaveLength(2);
    const [idCard] = s.materials;
    // Editing keeps the id of a material sent back with its id, and numbers a new one.
    const res = await t.admin.patch(`/api/v1/services/${s.id}`, {
      materials: [{ ...idCard, copies: 2 }, { name: '户口簿', copies: 1, original: true, required: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.materials[0]).toMatchObject({ id: idCard!.id, copies: 2 });
    expect(after.materials[1].id).not.toBe(s.materials[1]!.id);
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
