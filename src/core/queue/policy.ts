// The knobs of a hall's queue (R-03 先急后缓 fairness, recalls and rejoining after a no-show),
// with the defaults every hall starts from. One type for the state machine and the ordering,
// so the server loads one row of settings and hands the same object to both.

export interface QueuePolicy {
  /**
   * How many times a called ticket may be called again (重复叫号) before staff may mark it a
   * no-show: 2 means the board calls the number three times in all (叫号三次未到视为过号).
   */
  readonly maxRecalls: number;
  /** How long after a no-show the citizen may rejoin at the front of the queue (过号重排). */
  readonly rejoinWindowMinutes: number;
  /**
   * How many times one ticket may rejoin after a no-show. Rejoining jumps the whole queue, so
   * without a limit a citizen could hold the front by failing to appear again and again.
   */
  readonly maxRejoins: number;
  /** after this many priority calls in a row for a service, a long-waiting normal ticket goes next. */
  readonly priorityStreak: number;
  /** a normal ticket counts as long-waiting once it has waited strictly longer than this. */
  readonly normalWaitThresholdMinutes: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = Object.freeze({
  maxRecalls: 2,
  rejoinWindowMinutes: 30,
  maxRejoins: 1,
  priorityStreak: 2,
  normalWaitThresholdMinutes: 15,
});

export type QueuePolicyProblem = {
  readonly code: 'not-a-non-negative-integer';
  readonly field: keyof QueuePolicy;
  readonly value: unknown;
};

/** The defaults with a hall's overrides on top; undefined fields keep their default. */
export function resolveQueuePolicy(overrides: Partial<QueuePolicy> = {}): QueuePolicy {
  const d = DEFAULT_QUEUE_POLICY;
  return Object.freeze({
    maxRecalls: overrides.maxRecalls ?? d.maxRecalls,
    rejoinWindowMinutes: overrides.rejoinWindowMinutes ?? d.rejoinWindowMinutes,
    maxRejoins: overrides.maxRejoins ?? d.maxRejoins,
    priorityStreak: overrides.priorityStreak ?? d.priorityStreak,
    normalWaitThresholdMinutes: overrides.normalWaitThresholdMinutes ?? d.normalWaitThresholdMinutes,
  });
}

/**
 * Every problem at once, so a settings form can mark them all; an empty list means valid.
 * Zero is allowed everywhere and means what it says: maxRecalls 0 lets staff mark a no-show
 * after the first call, priorityStreak 0 lets a long-waiting normal ticket pass every
 * priority ticket, a threshold of 0 makes every normal ticket long-waiting at once.
 */
export function validateQueuePolicy(policy: QueuePolicy): QueuePolicyProblem[] {
  const problems: QueuePolicyProblem[] = [];
  for (const field of Object.keys(DEFAULT_QUEUE_POLICY) as (keyof QueuePolicy)[]) {
    const value: unknown = policy[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      problems.push({ code: 'not-a-non-negative-integer', field, value });
    }
  }
  return problems;
}
