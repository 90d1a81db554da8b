import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall } from '../../../test/factories/hall.js';

let t: TestApp;
let hallId: string;
beforeAll(async () => { t = await createTestApp(); hallId = (await createHall(t.admin)).id; });
afterAll(async () => { await t?.close(); });

const workingDay = async (from: string, add: number) =>
  (await t.admin.get(`/api/v1/halls/${hallId}/calendar/working-days?from=${from}&add=${add}`)).json();

describe('working-day calendar (R-14)', () => {
  it('skips the 2026 National Day holiday and counts the Saturday make-up workday', async () => {
    // 2026-09-30 (Wed) + 1 → the holiday runs 10-01..10-07, so 10-08 (Thu).
    expect((await workingDay('2026-09-30', 1)).date).toBe('2026-10-08');
    // 2026-10-09 (Fri) + 1 → 10-10 is a Saturday make-up workday.
    expect((await workingDay('2026-10-09', 1)).date).toBe('2026-10-10');
  });

  it('never counts the starting day, as statutory periods do', async () => {
    // Monday + 1 = Tuesday; Friday + 1 = next Monday.
    expect((await workingDay('2026-11-23', 1)).date).toBe('2026-11-24');
    expect((await workingDay('2026-11-27', 1)).date).toBe('2026-11-30');
    expect((await workingDay('2026-11-27', 0)).date).toBe('2026-11-27');
  });

  it('says which years it had no calendar for', async () => {
    const r = await workingDay('2026-12-30', 5);
    expect(r.date).toBe('2027-01-06');
    expect(r.missingYears).toEqual([2027]);
  });

  it('takes a manager\'s local adjustment and uses it at once', async () => {
    const put = await t.admin.put(`/api/v1/halls/${hallId}/calendar/2027`, { holidays: ['2027-01-01'], workdays: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().source).toBe('本大厅调整');
    const r = await workingDay('2026-12-31', 1);
    expect(r.date).toBe('2027-01-04');
    expect(r.missingYears).toEqual([]);
  });

  it('refuses a make-up workday on a weekday, a date of another year and a day both off and on', async () => {
    const res = await t.admin.put(`/api/v1/halls/${hallId}/calendar/2027`, {
      holidays: ['2027-02-06', '2026-05-01'], workdays: ['2027-02-03', '2027-02-06'],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['holidays.1', 'workdays.0', 'workdays.1']));
  });

  it('rejects a malformed date or count with 400', async () => {
    expect((await t.admin.get(`/api/v1/halls/${hallId}/calendar/working-days?from=2026-02-30&add=1`)).statusCode).toBe(400);
    expect((await t.admin.get(`/api/v1/halls/${hallId}/calendar/working-days?from=2026-02-03&add=-1`)).statusCode).toBe(400);
    expect((await t.admin.get(`/api/v1/halls/${hallId}/calendar/working-days?from=2026-02-03`)).statusCode).toBe(400);
  });
});
