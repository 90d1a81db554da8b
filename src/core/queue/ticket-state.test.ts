import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY, resolveQueuePolicy, validateQueuePolicy } from './policy.js';
import {
  ALLOWED_FROM,
  COMPLETION_OUTCOMES,
  holdsWindow,
  issueTicket,
  transition,
  type Ticket,
  type TicketEvent,
  type TicketEventType,
  type TicketStatus,
} from './ticket-state.js';

const T0 = new Date('2026-03-02T09:00:00+08:00');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

const fresh = (overrides: Partial<Parameters<typeof issueTicket>[0]> = {}): Ticket =>
  issueTicket({ id: 't1', number: 'A001', serviceId: 'A', priority: 'normal', ...overrides }, T0);

/** Applies events in order and fails the test on the first refusal. */
function run(ticket: Ticket, steps: readonly [TicketEvent, Date][], policy = DEFAULT_QUEUE_POLICY): Ticket {
  let t = ticket;
  for (const [event, now] of steps) {
    const r = transition(t, event, now, policy);
    if (!r.ok) throw new Error(`${event.type} from ${t.status} refused: ${r.error}`);
    t = r.ticket;
  }
  return t;
}

const CALL: TicketEvent = { type: 'call', windowId: 'w1' };
const RECALL: TicketEvent = { type: 'recall' };
const START: TicketEvent = { type: 'start' };
const NO_SHOW: TicketEvent = { type: 'no_show' };
const REJOIN: TicketEvent = { type: 'rejoin' };
const CANCEL: TicketEvent = { type: 'cancel' };
const COMPLETE: TicketEvent = { type: 'complete', outcome: 'done' };
const TRANSFER: TicketEvent = { type: 'transfer', to: { serviceId: 'B' }, position: 'back' };

/** No-show right after the first call. */
const LENIENT = resolveQueuePolicy({ maxRecalls: 0 });

function inState(status: TicketStatus): Ticket {
  const t = fresh();
  switch (status) {
    case 'waiting':
      return t;
    case 'called':
      return run(t, [[CALL, at(1)]]);
    case 'serving':
      return run(t, [[CALL, at(1)], [START, at(2)]]);
    case 'done':
      return run(t, [[CALL, at(1)], [START, at(2)], [COMPLETE, at(3)]]);
    case 'no_show':
      return run(t, [[CALL, at(1)], [NO_SHOW, at(2)]], LENIENT);
    case 'cancelled':
      return run(t, [[CANCEL, at(1)]]);
  }
}

const STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'];
const EVENTS: Record<TicketEventType, TicketEvent> = {
  call: CALL,
  recall: { type: 'recall' },
  start: START,
  complete: COMPLETE,
  no_show: NO_SHOW,
  rejoin: REJOIN,
  cancel: CANCEL,
  transfer: TRANSFER,
};

describe('issueTicket', () => {
  it('starts waiting at the back of its service, queued when issued', () => {
    const t = fresh({ priority: 'priority' });
    expect(t).toMatchObject({
      status: 'waiting',
      priority: 'priority',
      placement: 'normal',
      boundWindowId: null,
      windowId: null,
      recalls: 0,
      rejoins: 0,
    });
    expect(t.queuedAt).toEqual(T0);
    expect(t.issuedAt).toEqual(T0);
  });
});

/** The API contract's arrows, written out here rather than read from the module under test. */
const CONTRACT: Record<TicketEventType, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  rejoin: ['no_show'],
  cancel: ['waiting', 'called'],
  transfer: ['serving'],
};

describe('transition: the contract arrows', () => {
  const cases = STATUSES.flatMap((status) =>
    (Object.keys(EVENTS) as TicketEventType[]).map((type) => [status, type, CONTRACT[type].includes(status)] as const),
  );

  it.each(cases)('from %s, %s is allowed: %s', (status, type, allowed) => {
    // Under a policy whose guards pass, so that only the state decides.
    const r = transition(inState(status), EVENTS[type], at(10), type === 'recall' ? DEFAULT_QUEUE_POLICY : LENIENT);
    if (allowed) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, error: 'invalid_transition' });
  });

  it('publishes the same table it enforces', () => {
    expect(ALLOWED_FROM).toEqual(CONTRACT);
  });

  it('never mutates the ticket it is given', () => {
    const t = Object.freeze(inState('called'));
    const copy = { ...t };
    transition(t, START, at(5));
    transition(t, CANCEL, at(5));
    expect(t).toEqual(copy);
  });
});

describe('call and start', () => {
  it('records the window and the time of the call', () => {
    const t = run(fresh(), [[CALL, at(3)]]);
    expect(t).toMatchObject({ status: 'called', windowId: 'w1', recalls: 0 });
    expect(t.calledAt).toEqual(at(3));
    expect(holdsWindow(t.status)).toBe(true);
  });

  it('lets only the window a ticket was transferred to call it', () => {
    const bound = { ...fresh(), boundWindowId: 'w2' };
    expect(transition(bound, { type: 'call', windowId: 'w1' }, at(1))).toEqual({ ok: false, error: 'bound_to_other_window' });
    expect(transition(bound, { type: 'call', windowId: 'w2' }, at(1)).ok).toBe(true);
  });

  it('starts serving at the window that called', () => {
    const t = run(fresh(), [[CALL, at(1)], [START, at(2)]]);
    expect(t).toMatchObject({ status: 'serving', windowId: 'w1' });
    expect(t.startedAt).toEqual(at(2));
  });
});

describe('recall and no-show (maxRecalls)', () => {
  it('counts recalls up to maxRecalls, then refuses', () => {
    const called = run(fresh(), [[CALL, at(1)]]);
    const twice = run(called, [[RECALL, at(2)], [RECALL, at(3)]]);
    expect(twice.recalls).toBe(2);
    expect(twice.calledAt).toEqual(at(3));
    expect(transition(twice, RECALL, at(4))).toEqual({ ok: false, error: 'recall_limit_reached' });
  });

  it('refuses a no-show until the number was called 1 + maxRecalls times', () => {
    const called = run(fresh(), [[CALL, at(1)]]);
    expect(transition(called, NO_SHOW, at(2))).toEqual({ ok: false, error: 'recalls_remaining' });
    const once = run(called, [[RECALL, at(2)]]);
    expect(transition(once, NO_SHOW, at(3))).toEqual({ ok: false, error: 'recalls_remaining' });
    const twice = run(once, [[RECALL, at(3)]]);
    const r = transition(twice, NO_SHOW, at(4));
    expect(r.ok && r.ticket.status).toBe('no_show');
    expect(r.ok && r.ticket.endedAt).toEqual(at(4));
  });

  it('follows the hall policy: maxRecalls 0 allows a no-show at once and no recall', () => {
    const called = run(fresh(), [[CALL, at(1)]]);
    expect(transition(called, RECALL, at(2), LENIENT)).toEqual({ ok: false, error: 'recall_limit_reached' });
    expect(transition(called, NO_SHOW, at(2), LENIENT).ok).toBe(true);
  });

  it('starts the recall count again at the next call', () => {
    const rejoined = run(
      fresh(),
      [
        [CALL, at(1)],
        [RECALL, at(2)],
        [RECALL, at(3)],
        [NO_SHOW, at(4)],
        [REJOIN, at(10)],
        [CALL, at(11)],
      ],
    );
    expect(rejoined.recalls).toBe(0);
    expect(transition(rejoined, RECALL, at(12)).ok).toBe(true);
  });
});

describe('rejoin after a no-show', () => {
  const noShowAt4 = run(fresh(), [[CALL, at(1)], [RECALL, at(2)], [RECALL, at(3)], [NO_SHOW, at(4)]]);

  it('goes back to waiting at the front, queued from the rejoin', () => {
    const t = run(noShowAt4, [[REJOIN, at(20)]]);
    expect(t).toMatchObject({ status: 'waiting', placement: 'front', windowId: null, recalls: 0, rejoins: 1, endedAt: null });
    expect(t.queuedAt).toEqual(at(20));
    expect(t.issuedAt).toEqual(T0);
  });

  it('is open for rejoinWindowMinutes after the no-show, inclusive', () => {
    expect(transition(noShowAt4, REJOIN, at(34)).ok).toBe(true);
    expect(transition(noShowAt4, REJOIN, new Date(at(34).getTime() + 1))).toEqual({ ok: false, error: 'rejoin_window_passed' });
    const short = resolveQueuePolicy({ rejoinWindowMinutes: 5 });
    expect(transition(noShowAt4, REJOIN, at(10), short)).toEqual({ ok: false, error: 'rejoin_window_passed' });
  });

  it('is allowed maxRejoins times per ticket', () => {
    const again = run(noShowAt4, [[REJOIN, at(5)], [CALL, at(6)], [RECALL, at(7)], [RECALL, at(8)], [NO_SHOW, at(9)]]);
    expect(transition(again, REJOIN, at(10))).toEqual({ ok: false, error: 'rejoin_limit_reached' });
    expect(transition(again, REJOIN, at(10), resolveQueuePolicy({ maxRejoins: 2 })).ok).toBe(true);
  });

  it('keeps a window binding: the window it was transferred to calls it again', () => {
    const bound = { ...noShowAt4, boundWindowId: 'w1' };
    const r = transition(bound, REJOIN, at(5));
    expect(r.ok && r.ticket.boundWindowId).toBe('w1');
  });
});

describe('complete', () => {
  it.each(COMPLETION_OUTCOMES)('records the outcome %s', (outcome) => {
    const t = run(inState('serving'), [[{ type: 'complete', outcome }, at(9)]]);
    expect(t).toMatchObject({ status: 'done', outcome, windowId: 'w1' });
    expect(t.endedAt).toEqual(at(9));
    expect(holdsWindow(t.status)).toBe(false);
  });

  it('cannot complete a ticket that was only called: service has to start first', () => {
    expect(transition(inState('called'), COMPLETE, at(3))).toEqual({ ok: false, error: 'invalid_transition' });
  });
});

describe('cancel', () => {
  it('ends a waiting or called ticket, never one being served', () => {
    expect(run(inState('waiting'), [[CANCEL, at(5)]]).status).toBe('cancelled');
    expect(run(inState('called'), [[CANCEL, at(5)]]).status).toBe('cancelled');
    expect(transition(inState('serving'), CANCEL, at(5))).toEqual({ ok: false, error: 'invalid_transition' });
  });
});

describe('transfer', () => {
  const serving = inState('serving');

  it('to another service: waits there unbound, placed as asked, queued from now', () => {
    const t = run(serving, [[{ type: 'transfer', to: { serviceId: 'B' }, position: 'front' }, at(9)]]);
    expect(t).toMatchObject({
      status: 'waiting',
      serviceId: 'B',
      number: 'A001',
      placement: 'front',
      boundWindowId: null,
      windowId: null,
      priority: 'normal',
      startedAt: null,
    });
    expect(t.queuedAt).toEqual(at(9));
    expect(run(serving, [[{ type: 'transfer', to: { serviceId: 'B' }, position: 'back' }, at(9)]]).placement).toBe('back');
  });

  it('to another window: bound to it, service kept', () => {
    const t = run(serving, [[{ type: 'transfer', to: { windowId: 'w2' }, position: 'back' }, at(9)]]);
    expect(t).toMatchObject({ status: 'waiting', serviceId: 'A', boundWindowId: 'w2', windowId: null, placement: 'back' });
  });

  it('keeps the priority class: an elderly citizen stays priority in the next queue', () => {
    const p = run(fresh({ priority: 'priority' }), [[CALL, at(1)], [START, at(2)], [TRANSFER, at(3)]]);
    expect(p.priority).toBe('priority');
  });

  it('refuses the queue the ticket came from', () => {
    expect(transition(serving, { type: 'transfer', to: { serviceId: 'A' }, position: 'front' }, at(9))).toEqual({
      ok: false,
      error: 'transfer_to_same_queue',
    });
    expect(transition(serving, { type: 'transfer', to: { windowId: 'w1' }, position: 'front' }, at(9))).toEqual({
      ok: false,
      error: 'transfer_to_same_queue',
    });
  });

  it('lets a window-bound ticket go back to its service queue', () => {
    const bound = { ...serving, boundWindowId: 'w1' };
    const r = transition(bound, { type: 'transfer', to: { serviceId: 'A' }, position: 'front' }, at(9));
    expect(r.ok && r.ticket.boundWindowId).toBeNull();
  });
});

describe('transition under random event sequences', () => {
  const eventArb: fc.Arbitrary<TicketEvent> = fc.oneof(
    fc.constantFrom('w1', 'w2').map((windowId): TicketEvent => ({ type: 'call', windowId })),
    fc.constant(RECALL),
    fc.constant(START),
    fc.constantFrom(...COMPLETION_OUTCOMES).map((outcome): TicketEvent => ({ type: 'complete', outcome })),
    fc.constant(NO_SHOW),
    fc.constant(REJOIN),
    fc.constant(CANCEL),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('A', 'B').map((serviceId) => ({ serviceId })),
          fc.constantFrom('w1', 'w2').map((windowId) => ({ windowId })),
        ),
        fc.constantFrom('front' as const, 'back' as const),
      )
      .map(([to, position]): TicketEvent => ({ type: 'transfer', to, position })),
  );
  const policyArb = fc.record({
    maxRecalls: fc.integer({ min: 0, max: 3 }),
    rejoinWindowMinutes: fc.integer({ min: 0, max: 40 }),
    maxRejoins: fc.integer({ min: 0, max: 2 }),
    priorityStreak: fc.constant(2),
    normalWaitThresholdMinutes: fc.constant(15),
  });

  it('keeps every ticket consistent, and refuses only for the stated reasons', () => {
    fc.assert(
      fc.property(policyArb, fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 20 })), { maxLength: 40 }), (policy, steps) => {
        expect(validateQueuePolicy(policy)).toEqual([]);
        let t = fresh();
        let clock = 0;
        for (const [event, dt] of steps) {
          clock += dt;
          const r = transition(t, event, at(clock), policy);
          if (!ALLOWED_FROM[event.type].includes(t.status)) {
            expect(r).toEqual({ ok: false, error: 'invalid_transition' });
            continue;
          }
          if (!r.ok) {
            expect(r.error).not.toBe('invalid_transition');
            continue;
          }
          const next = r.ticket;
          // The fields that must agree with the state.
          expect(next.id).toBe(t.id);
          expect(next.number).toBe(t.number);
          // Every ticket that was called remembers by which window, until it queues again.
          if (next.status === 'done' || next.status === 'no_show') expect(next.windowId).not.toBeNull();
          if (next.status === 'waiting') {
            expect(next.windowId).toBeNull();
            expect(next.calledAt).toBeNull();
            expect(next.recalls).toBe(0);
          }
          if (holdsWindow(next.status)) {
            expect(next.windowId).not.toBeNull();
            expect(next.recalls).toBeLessThanOrEqual(policy.maxRecalls);
          }
          if (next.status === 'done') expect(next.outcome).not.toBeNull();
          else expect(next.outcome).toBeNull();
          expect(next.rejoins).toBeLessThanOrEqual(policy.maxRejoins);
          expect(next.queuedAt.getTime()).toBeGreaterThanOrEqual(next.issuedAt.getTime());
          t = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateQueuePolicy', () => {
  it('accepts the defaults and lists every bad field', () => {
    expect(validateQueuePolicy(DEFAULT_QUEUE_POLICY)).toEqual([]);
    const bad = { ...DEFAULT_QUEUE_POLICY, maxRecalls: -1, priorityStreak: 1.5 };
    expect(validateQueuePolicy(bad).map((p) => p.field)).toEqual(['maxRecalls', 'priorityStreak']);
  });

  it('fills what a hall did not set from the defaults', () => {
    expect(resolveQueuePolicy({ maxRecalls: 3 })).toEqual({ ...DEFAULT_QUEUE_POLICY, maxRecalls: 3 });
    expect(resolveQueuePolicy()).toEqual(DEFAULT_QUEUE_POLICY);
  });
});
