// GET /halls/{hallId}/case-extensions: the manager's list of 延期 requests (R-14 deadlines, R-15
// supervision), read from the requests themselves so none is missed however many cases the hall has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { createHall, createUser } from '../../../test/factories/hall.js';
import { THURSDAY_10AM } from '../../../test/factories/queue.js';
import { acceptedCase, caseHall, pendingExtension, type CaseHall } from '../../../test/factories/cases.js';

let clock = THURSDAY_10AM;
let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: () => clock }); });
afterAll(async () => { await t?.close(); });

const minutesLater = (n: number) => new Date(THURSDAY_10AM.getTime() + n * 60_000);
async function at<T>(when: Date, work: () => Promise<T>): Promise<T> {
  clock = when;
  try {
    return await work();
  } finally {
    clock = THURSDAY_10AM;
  }
}

interface Item {
  id: string; status: string; workingDays: number; reason: string; requestedAt: string;
  requestedDeadline: string | null; previousDeadline: string | null;
  case: { id: string; number: string; applicantName: string; serviceName: string; deadline: string | null; light: string | null };
  requestedBy: { id: string; name: string };
  decision: { note: string | null; decidedBy: { id: string; name: string } | null; decidedAt: string; newDeadline: string | null } | null;
}
interface Page { items: Item[]; total: number; nextCursor: string | null }

const listUrl = (hallId: string, query: string) => `/api/v1/halls/${hallId}/case-extensions?${query}`;
async function page(c: Client, hallId: string, query: string): Promise<Page> {
  const res = await c.get(listUrl(hallId, query));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}
/** Follows nextCursor to the end, optionally doing something between pages. */
async function allPages(c: Client, hallId: string, query: string, between?: (p: Page) => Promise<void>): Promise<Page[]> {
  const pages = [await page(c, hallId, query)];
  while (pages.at(-1)!.nextCursor) {
    await between?.(pages.at(-1)!);
    pages.push(await page(c, hallId, `${query}&cursor=${pages.at(-1)!.nextCursor}`));
  }
  return pages;
}
function expectError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body).error.code, res.body).toBe(code);
}
async function requestAt(h: CaseHall, minute: number, workingDays = 3) {
  return at(minutesLater(minute), () => pendingExtension(h.staff, h, workingDays));
}

describe('the pending list (延期审批)', () => {
  it('R-14: lists exactly the waiting requests of every case, longest-waiting first, over several pages, and none is lost when one is decided mid-way', async () => {
    const h = await caseHall(t);
    const other = await caseHall(t);
    // Requests made out of order, two in the same minute across the first page boundary (the id
    // breaks the tie), among cases without a request, an answered request and another hall's.
    const made: { extensionId: string; minute: number }[] = [];
    for (const minute of [7, 3, 9, 2, 5, 1, 8, 3]) made.push({ ...(await requestAt(h, minute)), minute });
    for (let i = 0; i < 3; i++) await acceptedCase(h.staff, h);
    const answered = await requestAt(h, 0);
    expect((await h.manager.post(`/api/v1/extensions/${answered.extensionId}/reject`, { note: '请按期办结' })).statusCode).toBe(200);
    await requestAt(other, 4);

    const expected = [...made]
      .sort((a, b) => a.minute - b.minute || (a.extensionId < b.extensionId ? -1 : 1))
      .map((m) => m.extensionId);
    const pages = await allPages(h.manager, h.hall.id, 'status=pending&limit=3');
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
    expect(pages.every((p) => p.total === 8)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
    expect(pages.flatMap((p) => p.items.map((i) => i.status))).toEqual(Array(8).fill('pending'));

    // The manager approves the last request of each page before turning it: the next page
    // still starts right after it, so the rest of the list is neither skipped nor repeated.
    const decidedMidway: string[] = [];
    const seen = await allPages(h.manager, h.hall.id, 'limit=3', async (p) => {
      const last = p.items.at(-1)!;
      expect((await h.manager.post(`/api/v1/extensions/${last.id}/approve`, {})).statusCode).toBe(200);
      decidedMidway.push(last.id);
    });
    expect(seen.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
    expect((await page(h.manager, h.hall.id, 'status=pending')).items.map((i) => i.id)).toEqual(expected.filter((id) => !decidedMidway.includes(id)));
  });

  it('shows what the manager decides on: case number, applicant, service, current and requested deadline, days, reason, who asked and when', async () => {
    const h = await caseHall(t);
    const { c, extensionId } = await requestAt(h, 30, 3);
    const { items: [item], total, nextCursor } = await page(h.manager, h.hall.id, '');
    expect(total).toBe(1);
    expect(nextCursor).toBeNull();
    // Accepted Thu 2026-11-26 with 5 working days: due Thu 12-03; 3 more working days: Tue 12-08.
    expect(item).toEqual({
      id: extensionId, status: 'pending',
      case: {
        id: c.id, number: c.number, status: 'accepted', serviceId: h.service.id, serviceName: h.service.name, applicantName: '张三',
        owner: { id: h.staffId, name: expect.stringMatching(/^staff /) },
        deadline: '2026-12-03', originalDeadline: '2026-12-03', light: 'green',
      },
      workingDays: 3, reason: '需现场核查，涉及多个部门',
      requestedDeadline: '2026-12-08', previousDeadline: '2026-12-03',
      requestedBy: { id: h.staffId, name: expect.stringMatching(/^staff /) },
      requestedAt: minutesLater(30).toISOString(),
      decision: null,
    });
    expect(JSON.stringify(item), 'no identity number or phone on a list').not.toMatch(/330102|13800138000/);
  });
});

describe('decided requests', () => {
  it('R-14: lists approved, rejected and closed-with-the-case requests under decided, latest decision first, with decision, decider and time', async () => {
    const h = await caseHall(t);
    const approved = await requestAt(h, 1, 3);
    const rejected = await requestAt(h, 2, 2);
    const closed = await requestAt(h, 3, 1);
    const waiting = await requestAt(h, 4, 4);
    await at(minutesLater(60), () => h.manager.post(`/api/v1/extensions/${approved.extensionId}/approve`, { note: '同意延期' }));
    await at(minutesLater(70), () => h.manager.post(`/api/v1/extensions/${rejected.extensionId}/reject`, { note: '请按期办结' }));
    await at(minutesLater(80), () => h.staff.post(`/api/v1/cases/${closed.c.id}/complete`, { result: '准予办理' }));

    const decided = await page(h.manager, h.hall.id, 'status=decided');
    expect(decided.total).toBe(3);
    expect(decided.items.map((i) => [i.id, i.status])).toEqual([
      [closed.extensionId, 'rejected'], [rejected.extensionId, 'rejected'], [approved.extensionId, 'approved'],
    ]);
    const [byCase, byManager, byApproval] = decided.items as [Item, Item, Item];
    const manager = { id: h.managerId, name: expect.stringMatching(/^manager /) };
    expect(byApproval).toMatchObject({
      case: { id: approved.c.id, deadline: '2026-12-08' }, workingDays: 3, previousDeadline: '2026-12-03', requestedDeadline: '2026-12-08',
      decision: { note: '同意延期', decidedBy: manager, decidedAt: minutesLater(60).toISOString(), newDeadline: '2026-12-08' },
    });
    expect(byManager).toMatchObject({
      case: { id: rejected.c.id, deadline: '2026-12-03' }, workingDays: 2, requestedDeadline: '2026-12-07',
      decision: { note: '请按期办结', decidedBy: manager, decidedAt: minutesLater(70).toISOString(), newDeadline: null },
    });
    expect(byCase).toMatchObject({
      case: { id: closed.c.id, status: 'completed', light: null },
      decision: { note: '办件已办结，延期申请随之关闭', decidedBy: null, decidedAt: minutesLater(80).toISOString(), newDeadline: null },
    });

    expect((await page(h.manager, h.hall.id, 'status=pending')).items.map((i) => i.id)).toEqual([waiting.extensionId]);
    const all = await allPages(h.manager, h.hall.id, 'status=all&limit=2');
    expect(all.flatMap((p) => p.items.map((i) => i.id)), 'all: newest request first').toEqual(
      [waiting, closed, rejected, approved].map((r) => r.extensionId),
    );
    const decidedPages = await allPages(h.manager, h.hall.id, 'status=decided&limit=1');
    expect(decidedPages.flatMap((p) => p.items.map((i) => i.id))).toEqual(decided.items.map((i) => i.id));
  });
});

describe('who may read the list', () => {
  it("answers another hall's manager 403 and an unknown hall 404; the hall's staff and inspector may read it", async () => {
    const h = await caseHall(t);
    const other = await caseHall(t);
    await requestAt(h, 5);
    expectError(await other.manager.get(listUrl(h.hall.id, 'status=pending')), 403, 'forbidden');
    expectError(await other.staff.get(listUrl(h.hall.id, 'status=decided')), 403, 'forbidden');
    expectError(await t.anonymous.get(listUrl(h.hall.id, '')), 401, 'unauthenticated');
    expectError(await t.admin.get(listUrl('5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f', '')), 404, 'not_found');
    const inspector = await createUser(t.admin, h.hall.id, 'inspector');
    const insp = await t.login(inspector.username, inspector.password);
    expect((await page(insp, h.hall.id, '')).total, 'inspectors supervise extensions (R-15)').toBe(1);
    expect((await page(h.staff, h.hall.id, '')).total).toBe(1);
    expect((await page(t.admin, h.hall.id, '')).total).toBe(1);
  });

  it('refuses a cursor from another hall or the wrong list, and a status it does not know', async () => {
    const h = await caseHall(t);
    const other = await caseHall(t);
    const mine = await requestAt(h, 6);
    const theirs = await requestAt(other, 6);
    for (const query of [`cursor=${theirs.extensionId}`, `status=decided&cursor=${mine.extensionId}`, 'cursor=5a3c1f0e-8b7d-4c2a-9e6f-1d2b3c4d5e6f']) {
      const res = await h.manager.get(listUrl(h.hall.id, query));
      expectError(res, 400, 'validation_failed');
      expect(res.json().error.details[0].path, query).toBe('cursor');
    }
    for (const query of ['status=open', 'limit=0', 'limit=201', 'cursor=abc']) {
      expectError(await h.manager.get(listUrl(h.hall.id, query)), 400, 'validation_failed');
    }
  });

  it('lists nothing for a hall without requests', async () => {
    const hall = await createHall(t.admin);
    expect(await page(t.admin, hall.id, 'status=all')).toEqual({ items: [], total: 0, nextCursor: null });
  });
});
