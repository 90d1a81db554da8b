import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_POLICY,
  isCallableBy,
  pickNextTicket,
  priorityStreakOf,
  rankForWindow,
  resolveQueuePolicy,
  ticketsAhead,
  type CallRecord,
  type QueuePolicy,
  type QueueWindow,
  type WaitingTicket,
} from './ordering.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

/** A ticket that joined its queue `queued` minutes after 09:00 (and was issued then too, unless told). */
function ticket(id: string, serviceId: string, queued: number, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return { id, serviceId, priority: 'normal', issuedAt: at(queued), queuedAt: at(queued), placement: 'normal', ...extra };
}
const prio = (id: string, serviceId: string, queued: number, extra: Partial<WaitingTicket> = {}): WaitingTicket =>
  ticket(id, serviceId, queued, { priority: 'priority', ...extra });

const calls = (...spec: string[]): CallRecord[] =>
  spec.map((s) => {
    const [serviceId = '', kind] = s.split(':');
    return { serviceId, priority: kind === 'P' ? 'priority' : 'normal' };
  });

const W1: QueueWindow = { id: 'w1', serviceIds: ['A', 'B'] };
const P = DEFAULT_QUEUE_POLICY;
const pick = (waiting: WaitingTicket[], history: CallRecord[] = [], now = at(60), window = W1, policy = P): string | null =>
  pickNextTicket(window, waiting, history, policy, now)?.id ?? null;

describe('pickNextTicket: who a window may call', () => {
  it('calls nobody when nobody it serves waits', () => {
    expect(pick([])).toBeNull();
    expect(pick([ticket('c1', 'C', 0)])).toBeNull();
  });

  it('calls tickets of its own services only', () => {
    expect(pick([ticket('c1', 'C', 0), ticket('b1', 'B', 5)])).toBe('b1');
  });

  it('leaves a ticket bound to another window alone, even in its own service', () => {
    expect(pick([ticket('a1', 'A', 0, { boundWindowId: 'w2' })])).toBeNull();
    expect(isCallableBy(W1, ticket('a1', 'A', 0, { boundWindowId: 'w2' }))).toBe(false);
  });

  it('calls a ticket bound to it, even of a service it does not otherwise serve', () => {
    expect(pick([ticket('c1', 'C', 0, { boundWindowId: 'w1' })])).toBe('c1');
  });
});

describe('pickNextTicket: R-03 先急后缓', () => {
  it('calls priority tickets before normal ones, however long the normal ones waited', () => {
    expect(pick([ticket('a1', 'A', 0), prio('a2', 'A', 30)], [], at(35))).toBe('a2');
  });

  it('calls the longest waiting among equals, across all the window services', () => {
    expect(pick([ticket('a1', 'A', 10), ticket('b1', 'B', 5), ticket('a2', 'A', 7)])).toBe('b1');
    expect(pick([prio('a1', 'A', 10), prio('b1', 'B', 12)])).toBe('a1');
  });

  it('breaks ties by issue time, then by id', () => {
    expect(pick([ticket('x', 'A', 10, { issuedAt: at(2) }), ticket('y', 'B', 10, { issuedAt: at(1) })])).toBe('y');
    expect(pick([ticket('t2', 'A', 10), ticket('t10', 'B', 10)])).toBe('t10');
  });

  it('counts waiting from when the ticket joined this queue, not when it was issued', () => {
    // a1 was issued first but transferred here (to the back) after b1 queued.
    expect(pick([ticket('a1', 'A', 20, { issuedAt: at(0), placement: 'back' }), ticket('b1', 'B', 10)])).toBe('b1');
  });
});

describe('pickNextTicket: front placements', () => {
  it('calls a ticket placed at the front before everyone, priority included', () => {
    const waiting = [prio('a1', 'A', 0), ticket('a2', 'A', 5), ticket('a3', 'A', 50, { placement: 'front' })];
    expect(pick(waiting)).toBe('a3');
  });

  it('calls the earliest placed first among front tickets, whatever their class', () => {
    const waiting = [prio('a1', 'A', 40, { placement: 'front' }), ticket('b1', 'B', 30, { placement: 'front' })];
    expect(pick(waiting)).toBe('b1');
  });

  it('treats a transfer to the back like any other arrival', () => {
    expect(pick([ticket('a1', 'A', 10), ticket('a2', 'A', 5, { placement: 'back' })])).toBe('a2');
  });
});

describe('pickNextTicket: no starvation', () => {
  const normalWaited16 = ticket('n', 'A', 0);
  const priorityNew = prio('p', 'A', 15);
  const now = at(16);

  it('sends a long-waiting normal ticket after priorityStreak priority calls in a row', () => {
    expect(pick([normalWaited16, priorityNew], calls('A:P', 'A:P'), now)).toBe('n');
  });

  it('keeps priority first while the streak is shorter', () => {
    expect(pick([normalWaited16, priorityNew], calls('A:P'), now)).toBe('p');
    expect(pick([normalWaited16, priorityNew], calls('A:P', 'A:N', 'A:P'), now)).toBe('p');
  });

  it('keeps priority first until the normal ticket has waited strictly longer than the threshold', () => {
    expect(pick([normalWaited16, priorityNew], calls('A:P', 'A:P'), at(15))).toBe('p');
    expect(pick([normalWaited16, priorityNew], calls('A:P', 'A:P'), new Date(at(15).getTime() + 1))).toBe('n');
  });

  it('counts the streak per service, hall-wide: other services’ calls neither break nor extend it', () => {
    expect(pick([normalWaited16, priorityNew], calls('A:P', 'B:N', 'A:P', 'C:N'), now)).toBe('n');
    expect(pick([normalWaited16, priorityNew], calls('B:P', 'B:P', 'A:P'), now)).toBe('p');
  });

  it('follows the hall policy', () => {
    const strict = resolveQueuePolicy({ priorityStreak: 3, normalWaitThresholdMinutes: 5 });
    expect(pick([ticket('n', 'A', 0), prio('p', 'A', 1)], calls('A:P', 'A:P'), at(6), W1, strict)).toBe('p');
    expect(pick([ticket('n', 'A', 0), prio('p', 'A', 1)], calls('A:P', 'A:P', 'A:P'), at(6), W1, strict)).toBe('n');
  });

  it('still puts front placements first', () => {
    const front = ticket('f', 'A', 15, { placement: 'front' });
    expect(pick([normalWaited16, priorityNew, front], calls('A:P', 'A:P'), now)).toBe('f');
  });
});

describe('priorityStreakOf', () => {
  it('counts the service’s trailing priority calls', () => {
    expect(priorityStreakOf('A', [])).toBe(0);
    expect(priorityStreakOf('A', calls('A:P', 'A:P', 'A:P'))).toBe(3);
    expect(priorityStreakOf('A', calls('A:P', 'A:N', 'A:P', 'B:N'))).toBe(1);
    expect(priorityStreakOf('A', calls('A:P', 'A:N'))).toBe(0);
  });
});

describe('ticketsAhead', () => {
  it('counts who would be called before the ticket in its own queue', () => {
    const waiting = [
      ticket('a1', 'A', 0),
      prio('a2', 'A', 5),
      ticket('a3', 'A', 6),
      ticket('b1', 'B', 1),
      ticket('f', 'A', 9, { placement: 'front' }),
    ];
    const a3 = waiting[2];
    if (a3 === undefined) throw new Error('fixture');
    expect(ticketsAhead(a3, waiting, [], P, at(10))).toBe(3); // f, a2, a1
    expect(ticketsAhead(prio('new', 'A', 10), waiting, [], P, at(10))).toBe(2); // f, a2
  });

  it('counts a bound ticket against its window’s other bound tickets', () => {
    const waiting = [
      ticket('a1', 'A', 0),
      ticket('x', 'C', 1, { boundWindowId: 'w1' }),
      ticket('y', 'A', 2, { boundWindowId: 'w1' }),
    ];
    expect(ticketsAhead(ticket('z', 'B', 3, { boundWindowId: 'w1' }), waiting, [], P, at(4))).toBe(2);
  });
});

// ------------------------------------------------------------------------------------------
// Properties over random snapshots.

const SERVICES = ['A', 'B', 'C'] as const;
const WINDOWS = ['w1', 'w2'] as const;

const waitingArb: fc.Arbitrary<WaitingTicket[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^t[0-9]{1,3}$/),
      serviceId: fc.constantFrom(...SERVICES),
      priority: fc.constantFrom('normal' as const, 'priority' as const),
      issued: fc.integer({ min: 0, max: 60 }),
      queuedAfter: fc.integer({ min: 0, max: 30 }),
      placement: fc.constantFrom('normal' as const, 'front' as const, 'back' as const),
      boundWindowId: fc.option(fc.constantFrom(...WINDOWS), { freq: 4 }),
    }),
    { selector: (t) => t.id, maxLength: 25 },
  )
  .map((ts) =>
    ts.map((t) => ({
      id: t.id,
      serviceId: t.serviceId,
      priority: t.priority,
      issuedAt: at(t.issued),
      queuedAt: at(t.issued + t.queuedAfter),
      placement: t.placement,
      boundWindowId: t.boundWindowId,
    })),
  );

const windowArb: fc.Arbitrary<QueueWindow> = fc.record({
  id: fc.constantFrom(...WINDOWS),
  serviceIds: fc.subarray([...SERVICES], { minLength: 1 }),
});

const historyArb: fc.Arbitrary<CallRecord[]> = fc.array(
  fc.record({ serviceId: fc.constantFrom(...SERVICES), priority: fc.constantFrom('normal' as const, 'priority' as const) }),
  { maxLength: 8 },
);

const policyArb: fc.Arbitrary<QueuePolicy> = fc
  .record({ priorityStreak: fc.integer({ min: 0, max: 3 }), normalWaitThresholdMinutes: fc.integer({ min: 0, max: 40 }) })
  .map((p) => resolveQueuePolicy(p));

const nowArb = fc.integer({ min: 90, max: 150 }).map(at);

/**
 * R-03 read literally, step by step, as a second opinion on the ranking: the front first;
 * then a normal ticket that is overdue (its service's priority streak reached, waited past
 * the threshold); then priority; then normal; the longest waiting within each step.
 */
function oracle(
  window: QueueWindow,
  waiting: WaitingTicket[],
  history: CallRecord[],
  policy: QueuePolicy,
  now: Date,
): string | null {
  const mine = waiting.filter((t) =>
    t.boundWindowId ? t.boundWindowId === window.id : window.serviceIds.includes(t.serviceId),
  );
  const oldest = (ts: WaitingTicket[]): string | null => {
    const sorted = [...ts].sort(
      (a, b) =>
        a.queuedAt.getTime() - b.queuedAt.getTime() ||
        a.issuedAt.getTime() - b.issuedAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    );
    return sorted[0]?.id ?? null;
  };
  const streak = (serviceId: string): number => {
    const own = history.filter((c) => c.serviceId === serviceId);
    let n = 0;
    while (n < own.length && own[own.length - 1 - n]?.priority === 'priority') n++;
    return n;
  };
  const rest = mine.filter((t) => t.placement !== 'front');
  const overdue = rest.filter(
    (t) =>
      t.priority === 'normal' &&
      streak(t.serviceId) >= policy.priorityStreak &&
      now.getTime() - t.queuedAt.getTime() > policy.normalWaitThresholdMinutes * 60_000,
  );
  return (
    oldest(mine.filter((t) => t.placement === 'front')) ??
    oldest(overdue) ??
    oldest(rest.filter((t) => t.priority === 'priority')) ??
    oldest(rest)
  );
}

describe('pickNextTicket properties', () => {
  it('agrees with R-03 read literally', () => {
    fc.assert(
      fc.property(windowArb, waitingArb, historyArb, policyArb, nowArb, (window, waiting, history, policy, now) => {
        const picked = pickNextTicket(window, waiting, history, policy, now);
        expect(picked?.id ?? null).toBe(oracle(window, waiting, history, policy, now));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the snapshot lists tickets in', () => {
    fc.assert(
      fc.property(
        windowArb,
        waitingArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.shuffledSubarray(w, { minLength: w.length, maxLength: w.length })),
        ),
        historyArb,
        policyArb,
        nowArb,
        (window, [waiting, shuffled], history, policy, now) => {
          expect(rankForWindow(window, shuffled, history, policy, now).map((t) => t.id)).toEqual(
            rankForWindow(window, waiting, history, policy, now).map((t) => t.id),
          );
        },
      ),
    );
  });

  it('keeps the rest in order when another window locked the first (SKIP LOCKED fallback)', () => {
    fc.assert(
      fc.property(windowArb, waitingArb, historyArb, policyArb, nowArb, (window, waiting, history, policy, now) => {
        const ranked = rankForWindow(window, waiting, history, policy, now);
        for (const locked of ranked) {
          const without = waiting.filter((t) => t.id !== locked.id);
          expect(rankForWindow(window, without, history, policy, now)).toEqual(ranked.filter((t) => t.id !== locked.id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranks exactly the tickets the window may call, each once', () => {
    fc.assert(
      fc.property(windowArb, waitingArb, historyArb, policyArb, nowArb, (window, waiting, history, policy, now) => {
        const ranked = rankForWindow(window, waiting, history, policy, now).map((t) => t.id);
        expect(new Set(ranked).size).toBe(ranked.length);
        expect([...ranked].sort()).toEqual(waiting.filter((t) => isCallableBy(window, t)).map((t) => t.id).sort());
      }),
    );
  });

  it('puts every front placement of a service before its other tickets', () => {
    fc.assert(
      fc.property(windowArb, waitingArb, historyArb, policyArb, nowArb, (window, waiting, history, policy, now) => {
        const ranked = rankForWindow(window, waiting, history, policy, now);
        const lastFront = ranked.map((t) => t.placement).lastIndexOf('front');
        const firstOther = ranked.findIndex((t) => t.placement !== 'front');
        if (lastFront >= 0 && firstOther >= 0) expect(lastFront).toBeLessThan(firstOther);
      }),
    );
  });
});
