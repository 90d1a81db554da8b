// The case report with known counts: cases seeded at chosen moments around the edges of November
// 2026 in a Shanghai hall, read back as JSON and as CSV.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantFromLocalTime } from '../../core/calendar/local-date.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { createHall, createService, createUser } from '../../../test/factories/hall.js';
import { acceptedCase, caseHall, complete, noticedCase, openCase, refusedCase } from '../../../test/factories/cases.js';
import { insertCaseRow, insertExtensionRow, insertNoticeRow } from './case-rows.test-support.js';

const ZONE = 'Asia/Shanghai';
const at = (day: string, hhmm = '10:00') => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantFromLocalTime(day, h! * 60 + m!, ZONE);
};

let clock = at('2026-11-20');
let t: TestApp;
let hallId: string;
let otherHallId: string;
const svc = {} as Record<'A' | 'B' | 'C' | 'D', { id: string; code: string }>;
const who = {} as Record<'manager' | 'inspector' | 'staff' | 'otherManager', Client>;
let ownerId: string;
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, env: { SESSION_TTL_HOURS: '720' } });
  hallId = (await createHall(t.admin)).id;
  otherHallId = (await createHall(t.admin)).id;
  for (const [key, code] of [['A', 'RPT-A'], ['B', 'RPT-B'], ['C', 'RPT-C'], ['D', 'RPT-D']] as const) {
    const s = await createService(t.admin, hallId, { code, name: `事项 ${key}`, kind: 'promised', promisedDays: 10 });
    svc[key] = { id: s.id, code };
  }
  for (const role of ['manager', 'inspector', 'staff'] as const) {
    const u = await createUser(t.admin, hallId, role);
    who[role] = await t.login(u.username, u.password);
    if (role === 'staff') ownerId = u.id;
  }
  const om = await createUser(t.admin, otherHallId, 'manager');
  who.otherManager = await t.login(om.username, om.password);

  const db = t.ctx.db;
  const base = { hallId, ownerId };
  const A = { ...base, serviceId: svc.A.id };
  const B = { ...base, serviceId: svc.B.id };
  // Service A: a notice then on time; two notices (the second a breach, R-12) then late; a refusal;
  // one open case yellow on the 20th (its extension approved on the 10th); one open case overdue.
  const a1 = await insertCaseRow(db, { ...A, createdAt: at('2026-11-02', '09:00'), acceptedAt: at('2026-11-03'), deadline: '2026-11-17', completedAt: at('2026-11-10'), onTime: true });
  await insertNoticeRow(db, { hallId, caseId: a1.id, issuedBy: ownerId, issuedAt: at('2026-11-02', '09:30') });
  const a2 = await insertCaseRow(db, { ...A, createdAt: at('2026-11-02', '11:00'), acceptedAt: at('2026-11-05'), deadline: '2026-11-19', completedAt: at('2026-11-20', '09:00'), onTime: false });
  await insertNoticeRow(db, { hallId, caseId: a2.id, issuedBy: ownerId, issuedAt: at('2026-11-02', '11:10') });
  await insertNoticeRow(db, { hallId, caseId: a2.id, issuedBy: ownerId, issuedAt: at('2026-11-04'), round: 2, breach: true });
  await insertCaseRow(db, { ...A, createdAt: at('2026-11-03'), refusedAt: at('2026-11-03', '11:00') });
  const a4 = await insertCaseRow(db, { ...A, createdAt: at('2026-11-06', '09:00'), acceptedAt: at('2026-11-06'), deadline: '2026-11-20' });
  await insertExtensionRow(db, { hallId, caseId: a4.id, requestedBy: ownerId, requestedAt: at('2026-11-09'), status: 'approved', decidedAt: at('2026-11-10') });
  const a5 = await insertCaseRow(db, { ...A, createdAt: at('2026-11-02', '08:50'), acceptedAt: at('2026-11-02'), deadline: '2026-11-16' });
  await insertExtensionRow(db, { hallId, caseId: a5.id, requestedBy: ownerId, requestedAt: at('2026-11-09'), status: 'rejected', decidedAt: at('2026-11-10') });
  await insertExtensionRow(db, { hallId, caseId: a5.id, requestedBy: ownerId, requestedAt: at('2026-11-18'), status: 'pending' });
  // Service B, at the edges of the month in the hall's zone (UTC+8).
  await insertCaseRow(db, { ...B, createdAt: at('2026-10-31', '23:30'), refusedAt: at('2026-11-01', '00:10') }); // created in October, refused in November
  await insertCaseRow(db, { ...B, createdAt: at('2026-11-30', '23:59') });
  await insertCaseRow(db, { ...B, createdAt: at('2026-12-01', '00:00') });
  await insertCaseRow(db, { ...B, createdAt: at('2026-10-29'), acceptedAt: at('2026-10-30'), deadline: '2026-11-13', completedAt: at('2026-11-02'), onTime: true });
  // Service C archived without cases; D archived after a refusal in the month.
  await insertCaseRow(db, { ...base, serviceId: svc.D.id, createdAt: at('2026-11-05', '09:00'), refusedAt: at('2026-11-05') });
  for (const key of ['C', 'D'] as const) expect((await t.admin.delete(`/api/v1/services/${svc[key].id}`)).statusCode).toBe(204);
  // Another hall's case counts nowhere here.
  const foreign = await createService(t.admin, otherHallId, { kind: 'promised', promisedDays: 10 });
  await insertCaseRow(db, { hallId: otherHallId, serviceId: foreign.id, ownerId, createdAt: at('2026-11-02'), refusedAt: at('2026-11-02') });
});
afterAll(async () => { await t?.close(); });

const zero = { casesCreated: 0, noticesIssued: 0, secondRoundBreaches: 0, refusals: 0, accepted: 0, completedOnTime: 0, completedLate: 0, onTimeRate: null, extensionsApproved: 0, yellowNow: 0, redNow: 0 };

describe('GET /halls/{hallId}/reports/cases', () => {
  it('counts notices (R-11), second-round breaches (R-12), refusals (R-13), on-time completion (R-14) and lights now (R-15)', async () => {
    const res = await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ hallId, from: '2026-11-01', to: '2026-11-30' });
    expect(report.totals).toEqual({
      casesCreated: 7, noticesIssued: 3, secondRoundBreaches: 1, refusals: 3, accepted: 4, completedOnTime: 2, completedLate: 1,
      onTimeRate: 2 / 3, extensionsApproved: 1, yellowNow: 1, redNow: 1,
    });
    expect(report.byService).toEqual([
      { serviceId: svc.A.id, serviceCode: 'RPT-A', serviceName: '事项 A', ...zero,
        casesCreated: 5, noticesIssued: 3, secondRoundBreaches: 1, refusals: 1, accepted: 4, completedOnTime: 1, completedLate: 1,
        onTimeRate: 0.5, extensionsApproved: 1, yellowNow: 1, redNow: 1 },
      { serviceId: svc.B.id, serviceCode: 'RPT-B', serviceName: '事项 B', ...zero, casesCreated: 1, refusals: 1, completedOnTime: 1, onTimeRate: 1 },
      { serviceId: svc.D.id, serviceCode: 'RPT-D', serviceName: '事项 D', ...zero, casesCreated: 1, refusals: 1 },
    ]);
  });

  it('has one row per hall-local day of the period, zeros included', async () => {
    const report = (await who.inspector.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`)).json();
    expect(report.byDay).toHaveLength(30);
    expect(report.byDay[0].day).toBe('2026-11-01');
    expect(report.byDay[29].day).toBe('2026-11-30');
    const nonZero = Object.fromEntries((report.byDay as Record<string, number | string>[])
      .map(({ day, ...c }) => [day, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0))])
      .filter(([, c]) => Object.keys(c as object).length > 0));
    expect(nonZero).toEqual({
      '2026-11-01': { refusals: 1 },
      '2026-11-02': { noticesIssued: 2, accepted: 1, completedOnTime: 1 },
      '2026-11-03': { refusals: 1, accepted: 1 },
      '2026-11-04': { noticesIssued: 1, secondRoundBreaches: 1 },
      '2026-11-05': { accepted: 1, refusals: 1 },
      '2026-11-06': { accepted: 1 },
      '2026-11-10': { completedOnTime: 1 },
      '2026-11-20': { completedLate: 1 },
    });
  });

  it('reads the lights at the request time, whatever the period', async () => {
    clock = at('2026-11-23');
    try {
      const report = (await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?from=2026-01-01&to=2026-01-31`)).json();
      expect(report.totals).toMatchObject({ casesCreated: 0, yellowNow: 0, redNow: 2 });
    } finally {
      clock = at('2026-11-20');
    }
  });

  it('counts a single day, and days before the first case as zeros', async () => {
    const day = (await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?from=2026-11-02&to=2026-11-02`)).json();
    expect(day.totals).toMatchObject({ casesCreated: 3, noticesIssued: 2, accepted: 1, completedOnTime: 1, onTimeRate: 1 });
    expect(day.byDay).toHaveLength(1);
    const before = (await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?from=2025-11-01&to=2025-11-30`)).json();
    expect(before.totals).toMatchObject({ casesCreated: 0, onTimeRate: null });
    expect(before.byService.map((s: { serviceCode: string }) => s.serviceCode)).toEqual(['RPT-A', 'RPT-B']);
  });

  it.each([
    ['to before from', 'from=2026-11-30&to=2026-11-01', 'to'],
    ['367 days', 'from=2026-01-01&to=2027-01-02', 'to'],
    ['a day that does not exist', 'from=2026-02-30&to=2026-03-01', 'from'],
    ['no from', 'to=2026-11-30', 'from'],
    ['a time instead of a day', 'from=2026-11-01T00:00&to=2026-11-30', 'from'],
  ])('answers %s with 400 validation_failed', async (_what, query, path) => {
    const res = await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('accepts a whole leap year (366 days)', async () => {
    const res = await who.manager.get(`/api/v1/halls/${hallId}/reports/cases?from=2028-01-01&to=2028-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().byDay).toHaveLength(366);
  });

  it('is for managers, inspectors and admins of the hall only (reports.read)', async () => {
    expect((await who.staff.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`)).statusCode).toBe(403);
    expect((await who.otherManager.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`)).statusCode).toBe(401);
    expect((await t.admin.get(`/api/v1/halls/${hallId}/reports/cases?${NOVEMBER}`)).statusCode).toBe(200);
    const other = (await who.otherManager.get(`/api/v1/halls/${otherHallId}/reports/cases?${NOVEMBER}`)).json();
    expect(other.totals).toMatchObject({ casesCreated: 1, refusals: 1 });
  });
});

describe('the report of what the window did', () => {
  it('counts cases taken in, noticed, refused, accepted and completed through the API', async () => {
    const h = await caseHall(t, { promisedDays: 5 });
    const monday = at('2026-11-16');
    clock = monday;
    try {
      const done = await acceptedCase(h.staff, h);
      expect((await h.staff.post(`/api/v1/cases/${done.id}/complete`, { result: '准予办理' })).statusCode).toBe(200);
      await acceptedCase(h.staff, h);
      await refusedCase(h.staff, h);
      const { c } = await noticedCase(h.staff, h); // 户口簿 missing
      // The applicant brings the 户口簿, then the window asks for a photo of the ID card the first
      // notice already had in hand: withdrawn from "submitted", it comes back as a second round.
      expect((await h.staff.patch(`/api/v1/cases/${c.id}`, { submitted: [h.service.m('居民户口簿')] })).statusCode).toBe(200);
      const second = await h.staff.post(`/api/v1/cases/${c.id}/notices`, {});
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json().breach).toBe('second_round');
      await openCase(h.staff, h, { submitted: complete(h) });

      const res = await h.manager.get(`/api/v1/halls/${h.hall.id}/reports/cases?from=2026-11-16&to=2026-11-16`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().totals).toEqual({
        casesCreated: 5, noticesIssued: 2, secondRoundBreaches: 1, refusals: 1, accepted: 2, completedOnTime: 1, completedLate: 0,
        onTimeRate: 1, extensionsApproved: 0, yellowNow: 0, redNow: 0,
      });
      clock = at('2026-11-24'); // the open case's deadline (23 November) has passed
      const later = (await h.manager.get(`/api/v1/halls/${h.hall.id}/reports/cases?from=2026-11-16&to=2026-11-16`)).json();
      expect(later.totals).toMatchObject({ accepted: 2, yellowNow: 0, redNow: 1 });
    } finally {
      clock = at('2026-11-20');
    }
  });
});

describe('GET /halls/{hallId}/reports/cases.csv', () => {
  it('sends the table by service as UTF-8 CSV with a BOM and the Chinese header', async () => {
    const res = await who.manager.get(`/api/v1/halls/${hallId}/reports/cases.csv?${NOVEMBER}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="case-report_2026-11-01_2026-11-30.csv"');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('办件统计_2026-11-01_2026-11-30.csv')}`);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      '事项编码,事项名称,一次性告知,二次告知(违规),不予受理,受理,按时办结,超期办结,按时办结率,延期,黄灯,红灯',
      'RPT-A,事项 A,3,1,1,4,1,1,50.0%,1,1,1',
      'RPT-B,事项 B,0,0,1,0,1,0,100.0%,0,0,0',
      'RPT-D,事项 D,0,0,1,0,0,0,,0,0,0',
      '',
    ]);
  });

  it('quotes commas and quotes, and keeps a name that looks like a formula as text', async () => {
    const hall = await createHall(t.admin);
    const plain = await createService(t.admin, hall.id, { code: 'Q-1' });
    const formula = await createService(t.admin, hall.id, { code: 'Q-2' });
    await t.ctx.db.execute(sql`update services set name = ${'户籍迁移（"省内",跨市）'} where id = ${plain.id}`);
    await t.ctx.db.execute(sql`update services set name = ${'=HYPERLINK("http://x")'} where id = ${formula.id}`);
    const text = (await t.admin.get(`/api/v1/halls/${hall.id}/reports/cases.csv?${NOVEMBER}`)).body;
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe('Q-1,"户籍迁移（""省内"",跨市）",0,0,0,0,0,0,,0,0,0');
    expect(lines[2]).toBe(`Q-2,"'=HYPERLINK(""http://x"")",0,0,0,0,0,0,,0,0,0`);
  });

  it('refuses what the JSON report refuses', async () => {
    expect((await who.manager.get(`/api/v1/halls/${hallId}/reports/cases.csv?from=2026-11-30&to=2026-11-01`)).statusCode).toBe(400);
    expect((await who.staff.get(`/api/v1/halls/${hallId}/reports/cases.csv?${NOVEMBER}`)).statusCode).toBe(403);
  });
});
