// R-15 电子监察: every accepted, unfinished case shows a light.
//   green  — less than the threshold (default 90 %) of its promised working time is used;
//   yellow — the threshold is reached (预警), up to and including the deadline day;
//   red    — the deadline day has passed unfinished (超期).
// Working time is counted in the hall's working days. The current working day counts as used, so the
// warning comes at the start of the day by whose end the threshold will have passed, not after it.
// An immediate case has no working time to use: green on its acceptance day, red after it.
import { compareLocalDates, type LocalDate } from '../calendar/local-date.js';
import { workingDaysBetween, type HallCalendar } from '../calendar/working-days.js';

export type SupervisionLight = 'green' | 'yellow' | 'red';

export const DEFAULT_YELLOW_THRESHOLD = 0.9;

export interface CasePolicy {
  /** Share of the promised working time after which a case turns yellow, 0 < t ≤ 1. */
  yellowThreshold: number;
}

export function casePolicyOf(stored: Record<string, unknown> | null | undefined): CasePolicy {
  const t = stored?.yellowThreshold;
  return { yellowThreshold: typeof t === 'number' && t > 0 && t <= 1 ? t : DEFAULT_YELLOW_THRESHOLD };
}

export interface LightInput {
  acceptedDay: LocalDate;
  deadline: LocalDate;
}

export interface LightReading {
  light: SupervisionLight;
  /** Working days of the promise (acceptance day excluded, deadline included). */
  promisedWorkingDays: number;
  /** Working days used so far, today included when it is a working day. */
  usedWorkingDays: number;
  /** Working days left after today; 0 on the deadline day and after it. */
  remainingWorkingDays: number;
}

export function readSupervisionLight(calendar: HallCalendar, c: LightInput, today: LocalDate, policy: CasePolicy): LightReading {
  const promisedWorkingDays = workingDaysBetween(calendar, c.acceptedDay, c.deadline);
  const usedWorkingDays = Math.min(workingDaysBetween(calendar, c.acceptedDay, today), promisedWorkingDays);
  const remainingWorkingDays = promisedWorkingDays - usedWorkingDays;
  let light: SupervisionLight;
  if (compareLocalDates(today, c.deadline) > 0) light = 'red';
  else if (promisedWorkingDays === 0) light = 'green';
  // Compared in integers (basis points) so that exactly 90 % is yellow despite binary fractions.
  else light = usedWorkingDays * 10_000 >= Math.round(policy.yellowThreshold * 10_000) * promisedWorkingDays ? 'yellow' : 'green';
  return { light, promisedWorkingDays, usedWorkingDays, remainingWorkingDays };
}

/** Lights only move forward for one deadline: an alert is raised once per step up. */
export function isStepUp(from: SupervisionLight | null, to: SupervisionLight): boolean {
  const rank = { green: 0, yellow: 1, red: 2 } as const;
  return rank[to] > rank[from ?? 'green'];
}
