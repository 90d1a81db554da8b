import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallRecord, QueueWindow } from './ordering.js';
import type { QueuePolicy } from './policy.js';
import { QueueModel, type ModelWindow, type QueueModelSetup } from './queue-model.js';
import { parseTicketNumber } from './ticket-number.js';
import {
  COMPLETION_OUTCOMES,
  holdsWindow,
  type CompletionOutcome,
  type Ticket,
  type TicketPriority,
  type TicketStatus,
  type TransferPosition,
} from './ticket-state.js';

const SHANGHAI = 'Asia/Shanghai';
const bj = (date: string, hhmm: string): Date => new Date(`${date}T${hhmm}:00+08:00`);
const plus = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);

/** Two services, three windows: 1 serves A, 2 serves A and B, 3 serves B. */
const HALL: QueueModelSetup = {
  timeZone: SHANGHAI,
  services: [
    { id: 'sA', prefix: 'A' },
    { id: 'sB', prefix: 'B' },
  ],
  windows: [
    { id: 'w1', number: 1, serviceIds: ['sA'] },
    { id: 'w2', number: 2, serviceIds: ['sA', 'sB'] },
    { id: 'w3', number: 3, serviceIds: ['sB'] },
  ],
};

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

function called(r: ReturnType<QueueModel['callNext']>): Ticket {
  const t = ok(r).ticket;
  if (t === null) throw new Error('nobody was called');
  return t;
}

describe('QueueModel: issuing', () => {
  it('numbers each prefix from 001, and again from 001 after the hall’s midnight', () => {
    const m = new QueueModel(HALL);
    const t = bj('2026-03-02', '23:58');
    expect(ok(m.issue('sA', 'normal', t)).ticket.number).toBe('A001');
    expect(ok(m.issue('sB', 'normal', t)).ticket.number).toBe('B001');
    expect(ok(m.issue('sA', 'priority', plus(t, 1))).ticket.number).toBe('A002');
    // 00:00 in Beijing is 16:00 UTC the day before: the server's UTC date has not changed.
    expect(ok(m.issue('sA', 'normal', bj('2026-03-03', '00:00'))).ticket.number).toBe('A001');
  });

  it('refuses an unknown service', () => {
    expect(new QueueModel(HALL).issue('nope', 'normal', bj('2026-03-02', '09:00'))).toEqual({ ok: false, error: 'unknown_service' });
  });

  it('uses the ids it is given, so a test can line the model up with database rows', () => {
    const m = new QueueModel(HALL);
    expect(ok(m.issue('sA', 'normal', bj('2026-03-02', '09:00'), 'row-1')).ticket.id).toBe('row-1');
    expect(() => m.issue('sA', 'normal', bj('2026-03-02', '09:00'), 'row-1')).toThrow(RangeError);
  });
});

describe('QueueModel: calling', () => {
  it('hands a window the ticket ordering picks, and records the call', () => {
    const m = new QueueModel(HALL);
    const t0 = bj('2026-03-02', '09:00');
    m.issue('sA', 'normal', t0);
    m.issue('sA', 'priority', plus(t0, 1));
    const t = called(m.callNext('w1', plus(t0, 2)));
    expect(t).toMatchObject({ number: 'A002', status: 'called', windowId: 'w1' });
    expect(m.currentTicket('w1')?.id).toBe(t.id);
    expect(m.calls()).toEqual([{ ticketId: t.id, number: 'A002', serviceId: 'sA', priority: 'priority', windowId: 'w1', at: plus(t0, 2) }]);
  });

  it('answers null (the API’s 204) when nobody the window serves waits', () => {
    const m = new QueueModel(HALL);
    m.issue('sB', 'normal', bj('2026-03-02', '09:00'));
    expect(m.callNext('w1', bj('2026-03-02', '09:01'))).toEqual({ ok: true, ticket: null });
  });

  it('lets a window hold one ticket at a time', () => {
    const m = new QueueModel(HALL);
    const t0 = bj('2026-03-02', '09:00');
    m.issue('sA', 'normal', t0);
    m.issue('sA', 'normal', t0);
    const first = called(m.callNext('w1', t0));
    expect(m.callNext('w1', t0)).toEqual({ ok: false, error: 'window_busy' });
    ok(m.start(first.id, t0));
    expect(m.callNext('w1', t0)).toEqual({ ok: false, error: 'window_busy' });
    ok(m.complete(first.id, 'done', t0));
    expect(called(m.callNext('w1', t0)).number).toBe('A002');
  });

  it('refuses unknown windows and tickets', () => {
    const m = new QueueModel(HALL);
    const t0 = bj('2026-03-02', '09:00');
    expect(m.callNext('w9', t0)).toEqual({ ok: false, error: 'unknown_window' });
    expect(m.start('t9', t0)).toEqual({ ok: false, error: 'unknown_ticket' });
  });
});

describe('QueueModel: no-show, rejoin and transfer', () => {
  it('puts a rejoined no-show at the front of its service', () => {
    const m = new QueueModel({ ...HALL, policy: { maxRecalls: 0 } });
    const t0 = bj('2026-03-02', '09:00');
    const late = ok(m.issue('sA', 'normal', t0)).ticket;
    m.issue('sA', 'priority', plus(t0, 1));
    called(m.callNext('w1', plus(t0, 2)));
    // The priority ticket went first; call the normal one, which does not come.
    ok(m.complete(ok(m.start(m.currentTicket('w1')?.id ?? '', plus(t0, 3))).ticket.id, 'done', plus(t0, 4)));
    expect(called(m.callNext('w1', plus(t0, 5))).id).toBe(late.id);
    ok(m.noShow(late.id, plus(t0, 6)));
    m.issue('sA', 'priority', plus(t0, 7));
    ok(m.rejoin(late.id, plus(t0, 20)));
    expect(m.ahead(late.id, plus(t0, 20))).toBe(0);
    expect(called(m.callNext('w2', plus(t0, 21))).id).toBe(late.id);
  });

  it('serves a ticket transferred to a window only at that window', () => {
    const m = new QueueModel(HALL);
    const t0 = bj('2026-03-02', '09:00');
    const b = ok(m.issue('sB', 'normal', t0)).ticket;
    called(m.callNext('w3', t0));
    ok(m.start(b.id, t0));
    ok(m.transfer(b.id, { windowId: 'w1' }, 'back', plus(t0, 5)));
    expect(m.callNext('w2', plus(t0, 6))).toEqual({ ok: true, ticket: null }); // w2 serves B, but b is bound to w1
    expect(called(m.callNext('w1', plus(t0, 6))).id).toBe(b.id); // w1 does not serve B, but b is bound to it
  });

  it('checks the transfer target exists', () => {
    const m = new QueueModel(HALL);
    const t0 = bj('2026-03-02', '09:00');
    const a = ok(m.issue('sA', 'normal', t0)).ticket;
    called(m.callNext('w1', t0));
    ok(m.start(a.id, t0));
    expect(m.transfer(a.id, { serviceId: 'sZ' }, 'front', t0)).toEqual({ ok: false, error: 'unknown_service' });
    expect(m.transfer(a.id, { windowId: 'w9' }, 'front', t0)).toEqual({ ok: false, error: 'unknown_window' });
    expect(m.ticket(a.id)?.status).toBe('serving');
  });
});

describe('QueueModel: setup and clock', () => {
  it('refuses setups no hall could have', () => {
    const base = HALL;
    expect(() => new QueueModel({ ...base, services: [...base.services, { id: 'sC', prefix: 'A' }] })).toThrow(/prefix/);
    expect(() => new QueueModel({ ...base, services: [{ id: 'sA', prefix: 'a' }] })).toThrow(/prefix/);
    expect(() => new QueueModel({ ...base, windows: [{ id: 'w1', number: 1, serviceIds: ['sZ'] }] })).toThrow(/unknown/);
    expect(() => new QueueModel({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => new QueueModel({ ...base, policy: { maxRecalls: -1 } })).toThrow(/maxRecalls/);
  });

  it('refuses commands that go back in time', () => {
    const m = new QueueModel(HALL);
    m.issue('sA', 'normal', bj('2026-03-02', '09:00'));
    expect(() => m.issue('sA', 'normal', bj('2026-03-02', '08:59'))).toThrow(/backwards/);
  });

  it('applies commands given as data', () => {
    const m = new QueueModel(HALL);
    const at = bj('2026-03-02', '09:00');
    const t = ok(m.apply({ kind: 'issue', serviceId: 'sA', priority: 'normal', at })).ticket;
    expect(ok(m.apply({ kind: 'call_next', windowId: 'w2', at })).ticket?.id).toBe(t?.id);
    ok(m.apply({ kind: 'start', ticketId: t?.id ?? '', at }));
    ok(m.apply({ kind: 'transfer', ticketId: t?.id ?? '', to: { serviceId: 'sB' }, position: 'front', at }));
    expect(m.ticket(t?.id ?? '')).toMatchObject({ status: 'waiting', serviceId: 'sB', placement: 'front' });
  });
});

// ------------------------------------------------------------------------------------------
// Random interleavings.

type Pick = { readonly pick: number; readonly any: boolean };
type Step = { readonly dtSeconds: number } & (
  | { readonly op: 'issue'; readonly service: number; readonly priority: TicketPriority }
  | { readonly op: 'call'; readonly window: number }
  | ({ readonly op: 'recall' | 'start' | 'no_show' | 'rejoin' | 'cancel' } & Pick)
  | ({ readonly op: 'complete'; readonly outcome: CompletionOutcome } & Pick)
  | ({ readonly op: 'transfer'; readonly toWindow: boolean; readonly target: number; readonly position: TransferPosition } & Pick)
);

const PREFIXES = ['A', 'B', 'C'] as const;

const setupArb: fc.Arbitrary<QueueModelSetup & { policy: QueuePolicy }> = fc
  .record({
    serviceCount: fc.integer({ min: 1, max: 3 }),
    windowMasks: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    policy: fc.record({
      maxRecalls: fc.integer({ min: 0, max: 2 }),
      rejoinWindowMinutes: fc.constantFrom(0, 30, 240),
      maxRejoins: fc.integer({ min: 0, max: 3 }),
      priorityStreak: fc.integer({ min: 0, max: 3 }),
      normalWaitThresholdMinutes: fc.integer({ min: 0, max: 20 }),
    }),
  })
  .map(({ serviceCount, windowMasks, policy }) => {
    const services = PREFIXES.slice(0, serviceCount).map((prefix) => ({ id: `s${prefix}`, prefix }));
    const windows: ModelWindow[] = windowMasks.map((mask, i) => {
      const serviceIds = services.filter((_, k) => (mask >> k) & 1).map((s) => s.id);
      // A window serving nothing is legal but dull; give it the first service.
      const fallback = [services[0]?.id ?? 'sA'];
      return { id: `w${i + 1}`, number: i + 1, serviceIds: serviceIds.length > 0 ? serviceIds : fallback };
    });
    return { timeZone: SHANGHAI, services, windows, policy };
  });

/** One op in five aims at any ticket, to check that refusals leave the queue as it was. */
const pickArb = { pick: fc.nat(1000), any: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) };
/** Mostly seconds to minutes apart, now and then up to an hour: ties, thresholds, rejoin windows and midnights all happen. */
const dtArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 180 }), weight: 7 },
  { arbitrary: fc.integer({ min: 181, max: 3600 }), weight: 1 },
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('issue' as const),
      service: fc.nat(2),
      priority: fc.constantFrom<TicketPriority>('normal', 'priority'),
      dtSeconds: dtArb,
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ op: fc.constant('call' as const), window: fc.nat(2), dtSeconds: dtArb }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('start' as const), ...pickArb, dtSeconds: dtArb }), weight: 4 },
  {
    arbitrary: fc.record({ op: fc.constantFrom('recall' as const, 'no_show' as const), ...pickArb, dtSeconds: dtArb }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('rejoin' as const), ...pickArb, dtSeconds: dtArb }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), ...pickArb, dtSeconds: dtArb }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('complete' as const),
      outcome: fc.constantFrom(...COMPLETION_OUTCOMES),
      ...pickArb,
      dtSeconds: dtArb,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('transfer' as const),
      toWindow: fc.boolean(),
      target: fc.nat(2),
      position: fc.constantFrom<TransferPosition>('front', 'back'),
      ...pickArb,
      dtSeconds: dtArb,
    }),
    weight: 3,
  },
);

const stepsArb = fc.array(stepArb, { minLength: 10, maxLength: 150, size: 'max' });

/** Starting between 21:00 and 24:00 Beijing time, so many runs cross the hall's midnight. */
const startArb = fc.integer({ min: 0, max: 180 }).map((m) => plus(bj('2026-03-02', '21:00'), m));

/** The states a ticket must be in for each op to make sense; the rest of the time ops hit any ticket. */
const USEFUL_FROM: Record<Exclude<Step['op'], 'issue' | 'call'>, readonly TicketStatus[]> = {
  recall: ['called'],
  start: ['called'],
  no_show: ['called'],
  rejoin: ['no_show'],
  cancel: ['waiting', 'called'],
  complete: ['serving'],
  transfer: ['serving'],
};

/**
 * The assertion for the hot loops: these checks run hundreds of thousands of times per test,
 * where vitest's expect costs microseconds each; the final verdicts still use expect.
 */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** The hall-local day in Beijing, computed without the calendar module (no DST since 1991). */
const beijingDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Who may call a ticket, as the API contract states it: kept apart from ordering's own isCallableBy. */
function mayCall(window: QueueWindow, t: Ticket): boolean {
  return t.boundWindowId !== null ? t.boundWindowId === window.id : window.serviceIds.includes(t.serviceId);
}

function streakOf(serviceId: string, history: readonly CallRecord[]): number {
  const own = history.filter((c) => c.serviceId === serviceId);
  let n = 0;
  while (n < own.length && own[own.length - 1 - n]?.priority === 'priority') n++;
  return n;
}

/**
 * Drives a model through random steps, checking after each one what the real queue must
 * guarantee, with bookkeeping of its own rather than the model's:
 *   (a) a ticket is handed to at most one window, and only while nobody holds it;
 *   (c) a priority ticket is never called past an overdue normal ticket of its service
 *       once the service's priority streak is reached;
 *   (d) a ticket placed at the front is called before any other ticket the window may call;
 *   (e) numbers run 1, 2, 3 … per prefix per hall-local day.
 * Then (b): every issued ticket is in exactly one state, and draining the windows leaves
 * nobody waiting that some window could call.
 */
class Harness {
  readonly model: QueueModel;
  readonly windows: readonly ModelWindow[];
  /** Who holds what, from the results alone: ticket id → window id. */
  readonly holder = new Map<string, string>();
  readonly issued: string[] = [];
  readonly numbersByPrefixDay = new Map<string, number[]>();
  now: Date;

  constructor(
    readonly setup: QueueModelSetup & { policy: QueuePolicy },
    start: Date,
  ) {
    this.model = new QueueModel(setup);
    this.windows = setup.windows;
    this.now = start;
  }

  run(step: Step): void {
    this.now = new Date(this.now.getTime() + step.dtSeconds * 1000);
    const before = this.model.tickets();
    switch (step.op) {
      case 'issue': {
        const service = this.setup.services[step.service % this.setup.services.length];
        if (service === undefined) return;
        const t = ok(this.model.issue(service.id, step.priority, this.now)).ticket;
        this.issued.push(t.id);
        const parsed = parseTicketNumber(t.number);
        check(parsed?.prefix === service.prefix, () => `${t.number} is not numbered under ${service.prefix}`);
        const key = `${service.prefix}|${beijingDay(this.now)}`;
        this.numbersByPrefixDay.set(key, [...(this.numbersByPrefixDay.get(key) ?? []), parsed?.seq ?? -1]);
        break;
      }
      case 'call': {
        const window = this.windows[step.window % this.windows.length];
        if (window !== undefined) this.call(window);
        break;
      }
      default: {
        const useful = before.filter((t) => USEFUL_FROM[step.op].includes(t.status));
        const pool = step.any || useful.length === 0 ? before : useful;
        const target = pool[step.pick % Math.max(pool.length, 1)];
        if (target === undefined) return;
        const r = this.ticketOp(step, target.id);
        if (r.ok) {
          if (holdsWindow(r.ticket.status)) {
            check(this.holder.get(r.ticket.id) === r.ticket.windowId, () => `${step.op} moved ${r.ticket.id} between windows`);
          }
          else this.holder.delete(r.ticket.id);
        } else {
          // A refusal changes nothing: the very same ticket objects, in the same order.
          const after = this.model.tickets();
          check(after.length === before.length && after.every((t, i) => t === before[i]), () => `refused ${step.op} changed the queue`);
        }
      }
    }
    this.checkHolders();
  }

  /** One call_next at `window`, checked against the snapshot taken just before it. */
  call(window: QueueWindow): Ticket | null {
    const waiting = this.model.waiting();
    const history = [...this.model.calls()];
    const callable = waiting.filter((t) => mayCall(window, t));
    const busy = [...this.holder.values()].includes(window.id);
    const r = this.model.callNext(window.id, this.now);
    if (busy) {
      check(!r.ok && r.error === 'window_busy', () => `${window.id} called while holding a ticket: ${JSON.stringify(r)}`);
      return null;
    }
    const t = ok(r).ticket;
    if (t === null) {
      check(callable.length === 0, () => `${window.id} called nobody while ${callable.length} waited for it`);
      return null;
    }
    // (a) never handed to two windows: it was waiting, callable here, and nobody held it.
    check(!this.holder.has(t.id), () => `${t.id} handed to ${window.id} while ${this.holder.get(t.id)} holds it`);
    const snapshot = callable.find((w) => w.id === t.id);
    check(snapshot !== undefined, () => `${window.id} called ${t.id}, which was not waiting for it`);
    check(t.status === 'called' && t.windowId === window.id, () => `${t.id} is ${t.status} at ${t.windowId}`);
    this.holder.set(t.id, window.id);
    // (d) front placements first.
    if (snapshot?.placement !== 'front') {
      check(!callable.some((w) => w.placement === 'front'), () => `${window.id} called ${t.id} past a front placement`);
    }
    // (c) no priority call past an overdue normal ticket once the streak is reached.
    if (snapshot?.placement !== 'front' && t.priority === 'priority') {
      const { priorityStreak, normalWaitThresholdMinutes } = this.setup.policy;
      const overdue = callable.filter(
        (w) =>
          w.serviceId === t.serviceId &&
          w.priority === 'normal' &&
          w.placement !== 'front' &&
          this.now.getTime() - w.queuedAt.getTime() > normalWaitThresholdMinutes * 60_000,
      );
      if (overdue.length > 0) {
        check(streakOf(t.serviceId, history) < priorityStreak, () => `${t.id} (priority) called past overdue ${overdue[0]?.id}`);
      }
    }
    return t;
  }

  private ticketOp(step: Exclude<Step, { op: 'issue' | 'call' }>, id: string): ReturnType<QueueModel['start']> {
    switch (step.op) {
      case 'recall':
        return this.model.recall(id, this.now);
      case 'start':
        return this.model.start(id, this.now);
      case 'no_show':
        return this.model.noShow(id, this.now);
      case 'rejoin':
        return this.model.rejoin(id, this.now);
      case 'cancel':
        return this.model.cancel(id, this.now);
      case 'complete':
        return this.model.complete(id, step.outcome, this.now);
      case 'transfer': {
        const to = step.toWindow
          ? { windowId: this.windows[step.target % this.windows.length]?.id ?? 'w1' }
          : { serviceId: this.setup.services[step.target % this.setup.services.length]?.id ?? 'sA' };
        return this.model.transfer(id, to, step.position, this.now);
      }
    }
  }

  /** The model's own view of who holds what agrees with the results it gave. */
  checkHolders(): void {
    const held = this.model.tickets().filter((t) => holdsWindow(t.status));
    const modelView = held.map((t) => `${t.id}@${t.windowId}`).sort().join(' ');
    const ours = [...this.holder].map(([id, w]) => `${id}@${w}`).sort().join(' ');
    check(modelView === ours, () => `model says ${modelView}, results said ${ours}`);
    const windowsHolding = held.map((t) => t.windowId);
    check(new Set(windowsHolding).size === windowsHolding.length, () => `a window holds two tickets: ${modelView}`);
    for (const w of this.windows) {
      const current = this.model.currentTicket(w.id)?.id;
      check(current === held.find((t) => t.windowId === w.id)?.id, () => `currentTicket(${w.id}) is ${current}`);
    }
  }

  /** Finishes what windows hold, then lets every window call and serve until nobody answers. */
  drain(): void {
    const finish = (t: Ticket): void => {
      this.now = new Date(this.now.getTime() + 60_000);
      if (t.status === 'called') ok(this.model.start(t.id, this.now));
      ok(this.model.complete(t.id, 'done', this.now));
      this.holder.delete(t.id);
    };
    for (const t of this.model.tickets().filter((x) => holdsWindow(x.status))) finish(t);
    const limit = this.model.tickets().length * this.windows.length + this.windows.length;
    let rounds = 0;
    for (let progress = true; progress; rounds++) {
      check(rounds <= limit, () => 'the drain does not end');
      progress = false;
      for (const w of this.windows) {
        const t = this.call(w);
        if (t !== null) {
          finish(t);
          progress = true;
        }
        this.checkHolders();
      }
    }
  }
}

const STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'];

// Each property runs a few hundred random halls of up to 150 commands: seconds, not milliseconds,
// on a busy machine; the generous timeout keeps them from failing for want of CPU.
describe('QueueModel under random interleavings', () => {
  it('hands no ticket to two windows, loses none, serves the front first and numbers without gaps', () => {
    fc.assert(
      fc.property(setupArb, startArb, stepsArb, (setup, start, steps) => {
        const h = new Harness(setup, start);
        for (const step of steps) h.run(step);

        // (e) per prefix per hall-local day: 1, 2, 3, … in issue order.
        for (const seqs of h.numbersByPrefixDay.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        const numbers = h.model.tickets().map((t) => `${beijingDay(t.issuedAt)}|${t.number}`);
        expect(new Set(numbers).size).toBe(numbers.length);

        // (b) nothing lost: every issued ticket exists once, in exactly one known state.
        const tickets = h.model.tickets();
        expect(tickets.map((t) => t.id)).toEqual(h.issued);
        expect(tickets.every((t) => STATUSES.includes(t.status))).toBe(true);

        const waitingBefore = h.model.waiting();
        h.drain();
        const stillWaiting = h.model.waiting();
        for (const t of stillWaiting) expect(h.windows.some((w) => mayCall(w, t))).toBe(false);
        // Everyone who was waiting and whom some window serves has now been served.
        for (const t of waitingBefore) {
          if (h.windows.some((w) => mayCall(w, t))) expect(h.model.ticket(t.id)?.status).toBe('done');
        }
        expect(h.model.tickets().map((t) => t.id)).toEqual(h.issued);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('calls a long-waiting normal ticket within priorityStreak + 1 calls of its service, under a stream of priority tickets', () => {
    const scenarioArb = fc.record({
      policy: fc.record({
        maxRecalls: fc.constant(2),
        rejoinWindowMinutes: fc.constant(30),
        maxRejoins: fc.constant(1),
        priorityStreak: fc.integer({ min: 0, max: 4 }),
        normalWaitThresholdMinutes: fc.integer({ min: 0, max: 20 }),
      }),
      // Service sA is the one watched; every window serves it, some serve sB too.
      servesB: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
      ticks: fc.array(
        fc.record({
          newPriorityA: fc.integer({ min: 1, max: 2 }),
          newB: fc.option(fc.constantFrom<TicketPriority>('normal', 'priority')),
          window: fc.nat(2),
          dtSeconds: fc.integer({ min: 0, max: 300 }),
        }),
        { minLength: 1, maxLength: 80, size: 'max' },
      ),
    });
    fc.assert(
      fc.property(scenarioArb, ({ policy, servesB, ticks }) => {
        const windows = servesB.map((b, i) => ({
          id: `w${i + 1}`,
          number: i + 1,
          serviceIds: b ? ['sA', 'sB'] : ['sA'],
        }));
        const setup = {
          timeZone: SHANGHAI,
          services: [
            { id: 'sA', prefix: 'A' },
            { id: 'sB', prefix: 'B' },
          ],
          windows,
          policy,
        };
        const h = new Harness(setup, bj('2026-03-02', '09:00'));
        const normal = ok(h.model.issue('sA', 'normal', h.now)).ticket;
        h.issued.push(normal.id);
        let callsOfAOverdue = 0;
        let normalCalled = false;
        for (const tick of ticks) {
          h.now = new Date(h.now.getTime() + tick.dtSeconds * 1000);
          for (let i = 0; i < tick.newPriorityA; i++) h.issued.push(ok(h.model.issue('sA', 'priority', h.now)).ticket.id);
          if (tick.newB !== null) h.issued.push(ok(h.model.issue('sB', tick.newB, h.now)).ticket.id);
          const window = windows[tick.window % windows.length];
          if (window === undefined) continue;
          const t = h.call(window);
          if (t === null) continue;
          const overdue = h.now.getTime() - normal.queuedAt.getTime() > policy.normalWaitThresholdMinutes * 60_000;
          if (t.serviceId === 'sA' && overdue && !normalCalled) {
            callsOfAOverdue++;
            check(callsOfAOverdue <= policy.priorityStreak + 1, () => `${callsOfAOverdue} calls of sA while ${normal.id} was overdue`);
          }
          if (t.id === normal.id) normalCalled = true;
          ok(h.model.start(t.id, h.now));
          ok(h.model.complete(t.id, 'done', h.now));
          h.holder.delete(t.id);
        }
        // However the stream went, draining the windows reaches it.
        h.drain();
        expect(h.model.ticket(normal.id)?.status).toBe('done');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
