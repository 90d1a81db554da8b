import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { ADMIN_PASSWORD, createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { createHall, createService, createUser } from '../../../test/factories/hall.js';
import { issue, openWindow, THURSDAY_10AM } from '../../../test/factories/queue.js';
import {
  acceptedCase, caseHall, complete, GUIDE, noticedCase, openCase, pendingExtension, refusedCase, serviceFx, type CaseDto, type CaseHall,
} from '../../../test/factories/cases.js';

// Thursday 2026-11-26 10:00 in Shanghai unless a test moves the clock (and puts it back).
let clock = THURSDAY_10AM;
let t: TestApp;
// Sessions last 30 days: tests walk the clock forward to deadlines.
beforeAll(async () => { t = await createTestApp({ now: () => clock, env: { SESSION_TTL_HOURS: '720' } }); });
afterAll(async () => { await t?.close(); });

/** 10:00 in Shanghai on a hall-local day. */
const tenAm = (day: string) => new Date(`${day}T02:00:00Z`);
async function at<T>(when: Date, work: () => Promise<T>): Promise<T> {
  clock = when;
  try {
    return await work();
  } finally {
    clock = THURSDAY_10AM;
  }
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(t.ctx.db, sql`select action from audit_log where target_id = ${targetId} order by id`);
  return rows.map((r) => r.action);
}
async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_log`);
  return row!.n;
}
async function eventNames(hallId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(t.ctx.db, sql`select name from events where hall_id = ${hallId} order by id`);
  return rows.map((r) => r.name);
}
async function caseRow(id: string) {
  const [row] = await queryRows<Record<string, unknown>>(t.ctx.db, sql`select * from cases where id = ${id}`);
  return row!;
}
function expectError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body).error.code, res.body).toBe(code);
}
const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const post = async (c: Client, url: string, body: unknown = {}, status = 200) => {
  const res = await c.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const missingNames = (c: { materials: { name: string; missing: boolean }[] }) => c.materials.filter((m) => m.missing).map((m) => m.name);

describe('a case from intake to completion', () => {
  it('takes a case in from a ticket, notices what is missing, accepts it with a working-day deadline and completes it on time', async () => {
    const h = await caseHall(t);
    await openWindow(h.staff, h.windowId);
    const ticket = await issue(t.admin, h.hall.id, h.service.id);
    await post(h.staff, `/api/v1/windows/${h.windowId}/call-next`);

    const created = await openCase(h.staff, h, { ticketId: ticket.id, submitted: [h.service.m('居民身份证')] });
    expect(created).toMatchObject({
      number: '2026-000001', status: 'open', ticketId: ticket.id, ticketNumber: ticket.number, windowId: h.windowId,
      owner: { id: h.staffId }, serviceName: h.service.name, serviceKind: 'promised', promisedDays: 5,
      missingCount: 1, light: null, deadline: null, allowedActions: ['update_materials', 'issue_notice', 'accept', 'refuse'],
    });
    expect(created.trackToken).toMatch(/^[\w-]{40,}$/);
    expect(created.trackUrl).toBe(`/c/${created.id}?token=${created.trackToken}`);
    expect(missingNames(created)).toEqual(['居民户口簿']);

    const notice = await post(h.staff, `/api/v1/cases/${created.id}/notices`, { notes: '户口簿须为原件' }, 201);
    expect(notice).toMatchObject({ number: '一告〔2026〕0001号', round: 1, breach: null, windowNumber: h.windowNumber, notes: '户口簿须为原件' });
    expect(notice.missing.map((m: { name: string }) => m.name)).toEqual(['居民户口簿']);
    expect(notice.nextSteps).toContain(`${h.windowNumber} 号窗口`);

    const waiting = await get(h.staff, `/api/v1/cases/${created.id}`);
    expect(waiting).toMatchObject({ status: 'awaiting_supplement', notices: [{ number: '一告〔2026〕0001号', round: 1, missingCount: 1 }] });
    expect(waiting.trackUrl, 'staff can hand the tracking link out again later').toBe(`/c/${created.id}?token=${created.trackToken}`);

    const patched = (await h.staff.patch(`/api/v1/cases/${created.id}`, { submitted: complete(h) })).json();
    expect(patched).toMatchObject({ status: 'awaiting_supplement', missingCount: 0 });

    // Thursday 11-26 + 5 working days = Thursday 12-03.
    const accepted = await post(h.staff, `/api/v1/cases/${created.id}/accept`);
    expect(accepted).toMatchObject({
      status: 'accepted', acceptedDay: '2026-11-26', deadline: '2026-12-03', originalDeadline: '2026-12-03',
      light: 'green', usedWorkingDays: 0, promisedWorkingDays: 5, allowedActions: ['complete', 'request_extension', 'decide_extension'],
    });

    const done = await at(tenAm('2026-12-03'), () => post(h.staff, `/api/v1/cases/${created.id}/complete`, { result: '准予办理，社保卡已制卡', note: '请凭回执领取' }));
    expect(done).toMatchObject({ status: 'completed', light: null, completion: { result: '准予办理，社保卡已制卡', day: '2026-12-03', onTime: true }, allowedActions: [] });

    expect(await auditActions(created.id)).toEqual(['case.created', 'case.updated', 'case.accepted', 'case.completed']);
    expect(await auditActions(notice.id)).toEqual(['case.notice_issued']);
    expect((await eventNames(h.hall.id)).filter((n) => n.startsWith('case.'))).toEqual(['case.created', 'case.notice_issued', 'case.updated', 'case.accepted', 'case.completed']);
    const verify = (await t.admin.get(`/api/v1/audit/verify?hallId=${h.hall.id}`)).json();
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
  });

  it('records the window the owner is signed in to when the case comes without a ticket', async () => {
    const h = await caseHall(t);
    await openWindow(h.staff, h.windowId);
    expect((await openCase(h.staff, h)).windowId).toBe(h.windowId);
    expect((await openCase(h.manager, h)).windowId, 'the manager is signed in nowhere').toBeNull();
  });

  it('numbers cases, notices and refusals per hall and year without gaps, even when desks number at once', async () => {
    const h = await caseHall(t);
    const results = await Promise.all(Array.from({ length: 8 }, () => h.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { serviceId: h.service.id, applicant: { name: '李四' } })));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(results.map((r) => r.json().number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `2026-00000${i + 1}`));
    const other = await caseHall(t);
    expect((await openCase(other.staff, other)).number, 'another hall counts from 1').toBe('2026-000001');
    const nextYear = await at(tenAm('2027-01-05'), async () => openCase(await t.login('admin', ADMIN_PASSWORD), h));
    expect(nextYear.number).toBe('2027-000001');
  });
});

describe('R-11 一次性告知: the notice lists exactly what is missing', () => {
  it('lists required and applicable conditional materials not handed in and defective ones with their reason, never optional ones', async () => {
    const h = await caseHall(t);
    const c = await openCase(h.staff, h, { submitted: [h.service.m('居民身份证')], applicable: [h.service.m('授权委托书')] });
    const marked = (await h.staff.patch(`/api/v1/cases/${c.id}`, { defective: [{ materialId: h.service.m('居民身份证'), reason: '身份证已过有效期' }] })).json();
    expect(marked.materials.find((m: { name: string }) => m.name === '居民身份证')).toMatchObject({ submitted: true, defect: '身份证已过有效期', missing: true });
    expect(missingNames(marked)).toEqual(['居民身份证', '居民户口簿', '授权委托书']);

    const notice = await post(h.staff, `/api/v1/cases/${c.id}/notices`, {}, 201);
    expect(notice.missing).toEqual([
      { materialId: h.service.m('居民身份证'), name: '居民身份证', originals: 1, copies: 1, form: 'paper', note: '须在有效期内', condition: null, defect: '身份证已过有效期' },
      { materialId: h.service.m('居民户口簿'), name: '居民户口簿', originals: 1, copies: 1, form: 'paper', note: null, condition: null, defect: null },
      { materialId: h.service.m('授权委托书'), name: '授权委托书', originals: 1, copies: 0, form: 'paper', note: '须由申请人本人签字', condition: '委托他人办理的', defect: null },
    ]);
  });

  it('prints the notice with exactly the missing material names, the defect, the window, the hall phone and the date, and a QR code to the tracking page', async () => {
    const h = await caseHall(t, { phone: '0571-87654321' });
    await openWindow(h.staff, h.windowId);
    const c = await openCase(h.staff, h, { submitted: [h.service.m('居民身份证')], applicable: [h.service.m('授权委托书')] });
    await h.staff.patch(`/api/v1/cases/${c.id}`, { defective: [{ materialId: h.service.m('居民身份证'), reason: '复印件<不清晰>' }] });
    const notice = await post(h.staff, `/api/v1/cases/${c.id}/notices`, { notes: '请携带原件 & 复印件' }, 201);

    const res = await h.staff.get(`/api/v1/notices/${notice.id}/print`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    const printed = GUIDE.map((m) => m.name).filter((name) => html.includes(name));
    expect(printed).toEqual(['居民身份证', '居民户口簿', '授权委托书']);
    for (const text of ['一次性告知书', notice.number, c.number, '张三', h.service.name, '复印件&lt;不清晰&gt;', '请携带原件 &amp; 复印件',
      '委托他人办理的', '须由申请人本人签字', `${h.windowNumber} 号窗口`, '0571-87654321', '2026年11月26日', h.hall.name, '@page', 'A4']) {
      expect(html, text).toContain(text);
    }
    expect(html).not.toContain('<不清晰>');
    expect(html).toMatch(/<svg[^>]*>.*<path/s);
    expect(html).not.toContain('330102199001011234');
    // The QR code encodes the link with the case's token, so the applicant can follow it from the paper alone.
    expect(html).toContain(`/c/${c.id}?token=${c.trackToken}`);
  });

  it('refuses a notice when nothing is missing (409 nothing_missing)', async () => {
    const h = await caseHall(t);
    const c = await openCase(h.staff, h, { submitted: complete(h) });
    const before = await auditCount();
    expectError(await h.staff.post(`/api/v1/cases/${c.id}/notices`, {}), 409, 'nothing_missing');
    expect(await auditCount()).toBe(before);
  });
});

describe('R-12 一次性告知 is once', () => {
  async function alertsOf(hallId: string) {
    return (await get(t.admin, `/api/v1/halls/${hallId}/alerts`)).items as { id: string; kind: string; payload: Record<string, unknown> }[];
  }

  it('records a second notice asking for a material the first could have asked for: breach, audit row and alert', async () => {
    const h = await caseHall(t);
    const { c, notice: first } = await noticedCase(h.staff, h);
    // The applicant brings the 户口簿; only now staff learn someone else applies for them.
    await h.staff.patch(`/api/v1/cases/${c.id}`, { submitted: complete(h), applicable: [h.service.m('授权委托书')] });
    const second = await post(h.staff, `/api/v1/cases/${c.id}/notices`, {}, 201);
    expect(second).toMatchObject({ round: 2, breach: 'second_round', breachMaterialIds: [h.service.m('授权委托书')], number: '一告〔2026〕0002号' });
    expect(first.number).toBe('一告〔2026〕0001号');

    expect(await auditActions(second.id)).toEqual(['case.notice_issued', 'case.notice_breach']);
    const [breachRow] = await queryRows<{ after: Record<string, unknown> }>(t.ctx.db, sql`select after from audit_log where action = 'case.notice_breach' and target_id = ${second.id}`);
    expect(breachRow!.after).toMatchObject({ rule: 'R-12', caseNumber: c.number, materialNames: ['授权委托书'] });
    const alert = (await alertsOf(h.hall.id)).find((a) => a.kind === 'second_round_notice');
    expect(alert?.payload).toMatchObject({ caseId: c.id, noticeId: second.id, materialNames: ['授权委托书'] });
    expect(await auditActions(alert!.id)).toEqual(['alert.raised']);
    expect(await eventNames(h.hall.id)).toEqual(expect.arrayContaining(['alert.raised']));
    expect((await get(h.staff, `/api/v1/cases/${c.id}`)).notices.map((n: { breach: string | null }) => n.breach)).toEqual([null, 'second_round']);
  });

  it('does not count asking again for a material handed in and found defective, or repeating the first notice', async () => {
    const h = await caseHall(t);
    const { c } = await noticedCase(h.staff, h);
    // The 户口簿 is still missing (repeated), and the ID card turned out to be expired.
    await h.staff.patch(`/api/v1/cases/${c.id}`, { defective: [{ materialId: h.service.m('居民身份证'), reason: '身份证已过有效期' }] });
    const second = await post(h.staff, `/api/v1/cases/${c.id}/notices`, {}, 201);
    expect(second.missing.map((m: { name: string }) => m.name)).toEqual(['居民身份证', '居民户口簿']);
    expect(second).toMatchObject({ round: 2, breach: null, breachMaterialIds: [] });
    expect(await auditActions(second.id)).toEqual(['case.notice_issued']);
    expect((await alertsOf(h.hall.id)).some((a) => a.kind === 'second_round_notice')).toBe(false);
  });

  it('does not count a material the service added after the first notice', async () => {
    const h = await caseHall(t);
    const { c } = await noticedCase(h.staff, h);
    const svc = await get(h.manager, `/api/v1/services/${h.service.id}`);
    const updated = await h.manager.patch(`/api/v1/services/${h.service.id}`, {
      materials: [...svc.materials, { name: '社会保障卡申领登记表', originals: 1, copies: 0, form: 'paper', required: true }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const form = serviceFx(updated.json()).m('社会保障卡申领登记表');
    await h.staff.patch(`/api/v1/cases/${c.id}`, { submitted: complete(h) });
    const second = await post(h.staff, `/api/v1/cases/${c.id}/notices`, {}, 201);
    expect(second.missing.map((m: { materialId: string }) => m.materialId)).toEqual([form]);
    expect(second).toMatchObject({ breach: null, breachMaterialIds: [] });
  });
});

describe('R-13 不予受理 needs a reason and a basis', () => {
  it.each([
    ['no reason', { basis: '《行政许可法》第三十二条' }],
    ['no basis', { reason: '不属于本机关职责范围' }],
    ['a blank reason and basis', { reason: '   ', basis: '' }],
    ['nothing', {}],
  ])('refuses a refusal with %s: 400 refusal_basis_required, and nothing changes', async (_what, body) => {
    const h = await caseHall(t);
    const c = await openCase(h.staff, h);
    const before = await auditCount();
    const res = await h.staff.post(`/api/v1/cases/${c.id}/refuse`, body);
    expectError(res, 400, 'refusal_basis_required');
    expect(await auditCount()).toBe(before);
    expect((await get(h.staff, `/api/v1/cases/${c.id}`)).status).toBe('open');
    expect((await caseRow(c.id)).refusal_number).toBeNull();
  });

  it('refuses with reason and basis, numbers the refusal and prints both, escaped', async () => {
    const h = await caseHall(t);
    const c = await openCase(h.staff, h);
    const refused = await post(h.staff, `/api/v1/cases/${c.id}/refuse`, { reason: '申请人<script>alert(1)</script>不符合条件', basis: '《社会保险法》第五十八条' });
    expect(refused).toMatchObject({ status: 'refused', refusal: { number: '不予受理〔2026〕0001号', basis: '《社会保险法》第五十八条' }, allowedActions: [] });
    const html = (await h.staff.get(`/api/v1/cases/${c.id}/refusal/print`)).body;
    for (const text of ['不予受理告知书', '不予受理〔2026〕0001号', '&lt;script&gt;alert(1)&lt;/script&gt;', '《社会保险法》第五十八条', '2026年11月26日', c.number]) expect(html, text).toContain(text);
    expect(html).not.toContain('<script>');
    expect(await auditActions(c.id)).toEqual(['case.created', 'case.refused']);
    expectError(await h.staff.get(`/api/v1/cases/${(await openCase(h.staff, h)).id}/refusal/print`), 409, 'case_invalid_transition');
  });
});

describe('R-14 deadlines from the hall calendar', () => {
  it('counts past the 2026 National Day week and the make-up Saturday', async () => {
    const h = await caseHall(t);
    const c = await at(tenAm('2026-09-30'), () => acceptedCase(h.staff, h));
    expect(c).toMatchObject({ acceptedDay: '2026-09-30', deadline: '2026-10-13' });
  });

  it("follows the hall's own calendar changes (a local holiday)", async () => {
    const h = await caseHall(t);
    const year = await get(t.admin, `/api/v1/halls/${h.hall.id}/calendar/2026`);
    const put = await h.manager.put(`/api/v1/halls/${h.hall.id}/calendar/2026`, { holidays: [...year.holidays, '2026-12-01'], workdays: year.workdays });
    expect(put.statusCode, put.body).toBe(200);
    expect((await acceptedCase(h.staff, h)).deadline).toBe('2026-12-04');
  });

  it('makes an immediate case due the day it is accepted, and prints the receipt with the deadline', async () => {
    const h = await caseHall(t, { kind: 'immediate' });
    const c = await acceptedCase(h.staff, h);
    expect(c).toMatchObject({ serviceKind: 'immediate', promisedDays: null, deadline: '2026-11-26', light: 'green', promisedWorkingDays: 0 });
    const receipt = (await h.staff.get(`/api/v1/cases/${c.id}/receipt/print`)).body;
    for (const text of ['受理回执', c.number, '即办件', '2026年11月26日', '居民身份证', '居民户口簿']) expect(receipt, text).toContain(text);
    expect(receipt).toContain('<svg');
  });

  it('refuses to accept while something is missing (409 materials_incomplete), and nothing changes', async () => {
    const h = await caseHall(t);
    const c = await openCase(h.staff, h, { submitted: [h.service.m('居民身份证')] });
    const before = await auditCount();
    const res = await h.staff.post(`/api/v1/cases/${c.id}/accept`, {});
    expectError(res, 409, 'materials_incomplete');
    expect(res.json().error.details.missing.map((m: { name: string }) => m.name)).toEqual(['居民户口簿']);
    expect(await auditCount()).toBe(before);
    expect((await caseRow(c.id)).status).toBe('open');
  });
});

describe('completion and supervision lights (R-15)', () => {
  it('is late when completed after the deadline day, and shows green, yellow, red on the way', async () => {
    const h = await caseHall(t);
    const c = await acceptedCase(h.staff, h); // deadline Thu 2026-12-03
    const lightOn = (day: string) => at(tenAm(day), async () => (await get(h.staff, `/api/v1/cases/${c.id}`)) as CaseDto);
    expect(await lightOn('2026-12-02')).toMatchObject({ light: 'green', usedWorkingDays: 4 });
    expect(await lightOn('2026-12-03')).toMatchObject({ light: 'yellow', usedWorkingDays: 5 });
    expect(await lightOn('2026-12-04')).toMatchObject({ light: 'red' });
    const red = await at(tenAm('2026-12-04'), () => get(h.manager, `/api/v1/halls/${h.hall.id}/cases?light=red`));
    expect(red).toMatchObject({ total: 1, items: [{ id: c.id, light: 'red' }] });
    const done = await at(tenAm('2026-12-04'), () => post(h.staff, `/api/v1/cases/${c.id}/complete`, { result: '已办结' }));
    expect(done.completion).toMatchObject({ onTime: false, day: '2026-12-04' });
    expect((await at(tenAm('2026-12-04'), () => get(h.manager, `/api/v1/halls/${h.hall.id}/cases?light=red`))).total).toBe(0);
  });

  it("takes the hall's yellow threshold (0.5–1) from its settings", async () => {
    const h = await caseHall(t);
    const c = await acceptedCase(h.staff, h);
    expect((await at(tenAm('2026-12-02'), () => get(h.staff, `/api/v1/cases/${c.id}`))).light).toBe('green');
    const set = await h.manager.patch(`/api/v1/halls/${h.hall.id}`, { casePolicy: { yellowThreshold: 0.8 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().casePolicy).toEqual({ yellowThreshold: 0.8 });
    expect((await at(tenAm('2026-12-02'), () => get(h.staff, `/api/v1/cases/${c.id}`))).light).toBe('yellow');
    const list = await at(tenAm('2026-12-02'), () => get(h.staff, `/api/v1/halls/${h.hall.id}/cases?light=yellow`));
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    for (const bad of [0.4, 1.2, '0.8']) {
      const res = await h.manager.patch(`/api/v1/halls/${h.hall.id}`, { casePolicy: { yellowThreshold: bad } });
      expectError(res, 400, 'validation_failed');
    }
    expectError(await h.staff.patch(`/api/v1/halls/${h.hall.id}`, { casePolicy: { yellowThreshold: 0.9 } }), 403, 'forbidden');
  });
});

describe('extensions (延期)', () => {
  it('moves the deadline when the manager approves; staff cannot approve; a second request waits for the first', async () => {
    const h = await caseHall(t);
    const { c, extensionId } = await pendingExtension(h.staff, h, 3);
    expectError(await h.staff.post(`/api/v1/cases/${c.id}/extensions`, { workingDays: 1, reason: '再等等' }), 409, 'extension_pending');
    const before = await auditCount();
    expectError(await h.staff.post(`/api/v1/extensions/${extensionId}/approve`, {}), 403, 'forbidden');
    expect(await auditCount()).toBe(before);

    // Deadline Thu 12-03 + 3 working days = Tue 12-08.
    const approved = await post(h.manager, `/api/v1/extensions/${extensionId}/approve`, { note: '同意延期' });
    expect(approved).toMatchObject({
      deadline: '2026-12-08', originalDeadline: '2026-12-03', promisedWorkingDays: 8,
      extensions: [{ id: extensionId, status: 'approved', previousDeadline: '2026-12-03', newDeadline: '2026-12-08', decisionNote: '同意延期' }],
    });
    expect(await auditActions(extensionId)).toEqual(['case.extension_requested', 'case.extension_approved']);
    expectError(await h.manager.post(`/api/v1/extensions/${extensionId}/reject`, {}), 409, 'case_invalid_transition');

    const next = await post(h.staff, `/api/v1/cases/${c.id}/extensions`, { workingDays: 2, reason: '等待外单位回函' }, 201);
    const rejected = await post(h.manager, `/api/v1/extensions/${next.id}/reject`, { note: '请按期办结' });
    expect(rejected.deadline).toBe('2026-12-08');
    expect(rejected.extensions.map((e: { status: string }) => e.status)).toEqual(['approved', 'rejected']);
    // Completed on the extended deadline day: on time.
    expect((await at(tenAm('2026-12-08'), () => post(h.staff, `/api/v1/cases/${c.id}/complete`, { result: '已办结' }))).completion.onTime).toBe(true);
  });

  it("lets a red case be alerted again after an approved extension turns it back (light re-read)", async () => {
    const h = await caseHall(t);
    const { c, extensionId } = await pendingExtension(h.staff, h, 5);
    await t.ctx.db.execute(sql`update cases set light_alerted = 'red' where id = ${c.id}`);
    const approved = await at(tenAm('2026-12-04'), () => post(h.manager, `/api/v1/extensions/${extensionId}/approve`, {}));
    expect(approved).toMatchObject({ deadline: '2026-12-10', light: 'green' });
    expect((await caseRow(c.id)).light_alerted).toBeNull();
  });

  it('refuses extensions before acceptance, and closes a waiting request when the case is completed', async () => {
    const h = await caseHall(t);
    const open = await openCase(h.staff, h);
    expectError(await h.staff.post(`/api/v1/cases/${open.id}/extensions`, { workingDays: 2, reason: '材料核查' }), 409, 'case_invalid_transition');
    const { c, extensionId } = await pendingExtension(h.staff, h);
    const done = await post(h.staff, `/api/v1/cases/${c.id}/complete`, { result: '已办结' });
    expect(done.extensions).toMatchObject([{ id: extensionId, status: 'rejected' }]);
    expectError(await h.manager.post(`/api/v1/extensions/${extensionId}/approve`, {}), 409, 'case_invalid_transition');
  });
});

describe('actions in the wrong status (409 case_invalid_transition)', () => {
  it.each([
    ['completing an open case', async (h: CaseHall) => [`/cases/${(await openCase(h.staff, h)).id}/complete`, { result: '已办结' }]],
    ['accepting a refused case', async (h: CaseHall) => [`/cases/${(await refusedCase(h.staff, h)).id}/accept`, {}]],
    ['refusing an accepted case', async (h: CaseHall) => [`/cases/${(await acceptedCase(h.staff, h)).id}/refuse`, { reason: '理由', basis: '依据' }]],
    ['a notice on an accepted case', async (h: CaseHall) => [`/cases/${(await acceptedCase(h.staff, h)).id}/notices`, {}]],
    ['completing a completed case', async (h: CaseHall) => {
      const c = await acceptedCase(h.staff, h);
      await post(h.staff, `/api/v1/cases/${c.id}/complete`, { result: '已办结' });
      return [`/cases/${c.id}/complete`, { result: '再次办结' }];
    }],
  ] as [string, (h: CaseHall) => Promise<[string, unknown]>][])('refuses %s and changes nothing', async (_what, prepare) => {
    const h = await caseHall(t);
    const [url, body] = await prepare(h);
    const before = await auditCount();
    expectError(await h.staff.post(`/api/v1${url}`, body), 409, 'case_invalid_transition');
    expect(await auditCount()).toBe(before);
  });

  it('refuses changing the materials of an accepted case', async () => {
    const h = await caseHall(t);
    const c = await acceptedCase(h.staff, h);
    expectError(await h.staff.patch(`/api/v1/cases/${c.id}`, { submitted: [] }), 409, 'case_invalid_transition');
  });
});

describe('input and halls', () => {
  it('refuses material ids the service does not have, at their place in the body', async () => {
    const h = await caseHall(t);
    const stranger = '5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f';
    const res = await h.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { serviceId: h.service.id, applicant: { name: '王五' }, submitted: [h.service.m('居民身份证'), stranger] });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details).toEqual([{ path: 'submitted.1', message: '不是该事项的申请材料' }]);
    const c = await openCase(h.staff, h);
    const patch = await h.staff.patch(`/api/v1/cases/${c.id}`, { defective: [{ materialId: stranger, reason: '不清晰' }] });
    expect(patch.json().error.details[0].path).toBe('defective.0.materialId');
  });

  it("answers another hall's service with 404 and another hall's ticket or window with 400", async () => {
    const h = await caseHall(t);
    const other = await caseHall(t);
    await openWindow(other.staff, other.windowId);
    const foreignTicket = await issue(t.admin, other.hall.id, other.service.id);
    const base = { serviceId: h.service.id, applicant: { name: '王五' } };
    expectError(await h.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { ...base, serviceId: other.service.id }), 404, 'not_found');
    const byTicket = await h.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { ...base, ticketId: foreignTicket.id });
    expectError(byTicket, 400, 'validation_failed');
    expect(byTicket.json().error.details[0].path).toBe('ticketId');
    const byWindow = await h.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { ...base, windowId: other.windowId });
    expect(byWindow.json().error.details[0].path).toBe('windowId');
  });

  it("gives another hall's staff 403 on every case action and paper, and an inspector 403 on writes", async () => {
    const h = await caseHall(t);
    const other = await caseHall(t);
    const { c, notice } = await noticedCase(h.staff, h);
    const inspector = await createUser(t.admin, h.hall.id, 'inspector');
    const insp = await t.login(inspector.username, inspector.password);
    const before = await auditCount();
    for (const url of [`/api/v1/cases/${c.id}`, `/api/v1/notices/${notice.id}/print`, `/api/v1/cases/${c.id}/receipt/print`, `/api/v1/halls/${h.hall.id}/cases`]) {
      expectError(await other.staff.get(url), 403, 'forbidden');
    }
    expectError(await other.staff.patch(`/api/v1/cases/${c.id}`, { submitted: [] }), 403, 'forbidden');
    expectError(await other.staff.post(`/api/v1/cases/${c.id}/notices`, {}), 403, 'forbidden');
    expectError(await other.staff.post(`/api/v1/cases/${c.id}/refuse`, { reason: '理由', basis: '依据' }), 403, 'forbidden');
    expectError(await other.staff.post(`/api/v1/halls/${h.hall.id}/cases`, { serviceId: h.service.id, applicant: { name: '王五' } }), 403, 'forbidden');
    expectError(await insp.post(`/api/v1/cases/${c.id}/notices`, {}), 403, 'forbidden');
    expect(await auditCount()).toBe(before);
    expect((await insp.get(`/api/v1/cases/${c.id}`)).statusCode, 'inspectors read').toBe(200);
  });

  it('lists cases newest first with filters, and masks the identity number in lists only', async () => {
    const h = await caseHall(t);
    const a = await openCase(h.staff, h, { applicant: { name: '赵一', idNumber: '330102199001011234', phone: '13900000001' } });
    const b = await openCase(h.manager, h, { applicant: { name: '钱二', phone: '13900000002' } });
    const acc = await acceptedCase(h.staff, h);
    const all = await get(h.staff, `/api/v1/halls/${h.hall.id}/cases`);
    expect(all.total).toBe(3);
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([acc.id, b.id, a.id]);
    expect(all.items.find((x: { id: string }) => x.id === a.id).applicant.idNumber).toBe('3301**********1234');
    expect((await get(h.staff, `/api/v1/cases/${a.id}`)).applicant.idNumber).toBe('330102199001011234');
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?q=钱`)).items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?q=0000001`)).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?ownerId=${h.managerId}`)).items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?status=accepted`)).items.map((x: { id: string }) => x.id)).toEqual([acc.id]);
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?light=green`)).items.map((x: { id: string }) => x.id)).toEqual([acc.id]);
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?light=green&status=open`)).total).toBe(0);
    const page = await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?limit=1&offset=1`);
    expect(page).toMatchObject({ total: 3, items: [{ id: b.id }] });
    expect((await get(h.staff, `/api/v1/halls/${h.hall.id}/cases?q=%25`)).total, 'a % is a character, not a wildcard').toBe(0);
  });
});

describe('tracking by the applicant (public, by token)', () => {
  it('shows status, what is missing and the deadline with the token, and 404 with a wrong one', async () => {
    const h = await caseHall(t);
    await openWindow(h.staff, h.windowId);
    const { c } = await noticedCase(h.staff, h);
    const view = await get(t.anonymous, `/api/v1/cases/${c.id}/track?token=${c.trackToken}`);
    expect(view).toMatchObject({
      number: c.number, hallName: h.hall.name, hallPhone: '0571-87654321', serviceName: h.service.name, status: 'awaiting_supplement',
      deadline: null, windowNumber: h.windowNumber, notices: [{ number: '一告〔2026〕0001号' }],
      missing: [{ name: '居民户口簿', originals: 1, copies: 1, form: 'paper', note: null, defect: null }],
    });
    expect(JSON.stringify(view)).not.toContain('张三');
    expect(JSON.stringify(view)).not.toContain('light');
    expectError(await t.anonymous.get(`/api/v1/cases/${c.id}/track?token=${'x'.repeat(43)}`), 404, 'not_found');
    const other = await openCase(h.staff, h);
    expectError(await t.anonymous.get(`/api/v1/cases/${other.id}/track?token=${c.trackToken}`), 404, 'not_found');
    expectError(await t.anonymous.get(`/api/v1/cases/${c.id}/track`), 400, 'validation_failed');
  });

  it('shows the deadline once accepted and the refusal reason once refused', async () => {
    const h = await caseHall(t);
    const c = await acceptedCase(h.staff, h);
    expect(await get(t.anonymous, `/api/v1/cases/${c.id}/track?token=${c.trackToken}`)).toMatchObject({ status: 'accepted', deadline: '2026-12-03', missing: [] });
    const o = await openCase(h.staff, h);
    await post(h.staff, `/api/v1/cases/${o.id}/refuse`, { reason: '不属于本机关职责范围', basis: '《行政许可法》第三十二条' });
    expect(await get(t.anonymous, `/api/v1/cases/${o.id}/track?token=${o.trackToken}`)).toMatchObject({
      status: 'refused', refusal: { reason: '不属于本机关职责范围', basis: '《行政许可法》第三十二条' },
    });
  });
});

describe('a hall with nothing in it yet', () => {
  it('lists no cases and 404s an unknown hall', async () => {
    const hall = await createHall(t.admin);
    await createService(t.admin, hall.id);
    expect(await get(t.admin, `/api/v1/halls/${hall.id}/cases`)).toEqual({ items: [], total: 0 });
    expectError(await t.admin.get('/api/v1/halls/5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f/cases'), 404, 'not_found');
  });
});
