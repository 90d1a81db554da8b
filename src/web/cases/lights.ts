// R-15 电子监察 on screen: cases in the order a supervisor (or their owner) should look at them —
// red (超期) first, then yellow (预警), then green, then cases without a light (not yet accepted, or
// finished) — and, within a light, the nearest deadline first.
import type { CaseDto, CaseStatus, Light } from '../api/case-types';

const RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

export function lightRank(light: Light | null | undefined): number {
  return light ? RANK[light] : 3;
}

type Sortable = Pick<CaseDto, 'light' | 'deadline' | 'number'>;

export function compareBySupervision(a: Sortable, b: Sortable): number {
  const byLight = lightRank(a.light) - lightRank(b.light);
  if (byLight) return byLight;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

export function sortBySupervision<T extends Sortable>(cases: readonly T[]): T[] {
  return [...cases].sort(compareBySupervision);
}

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
}

/** Counts of accepted, unfinished cases by light (a case without a light is not counted). */
export function lightCounts(cases: readonly Pick<CaseDto, 'light'>[]): LightCounts {
  const counts: LightCounts = { red: 0, yellow: 0, green: 0 };
  for (const c of cases) if (c.light) counts[c.light] += 1;
  return counts;
}

/** Still in someone's hands: the owner's list shows these; finished ones drop off it. */
export const UNFINISHED: readonly CaseStatus[] = ['open', 'awaiting_supplement', 'accepted'];

export function isUnfinished(status: CaseStatus): boolean {
  return UNFINISHED.includes(status);
}

/** Working days left on the promise, when the server said how many are used; never negative. */
export function remainingWorkingDays(c: Pick<CaseDto, 'usedWorkingDays' | 'promisedWorkingDays'>): number | null {
  if (c.usedWorkingDays === null || c.promisedWorkingDays === null) return null;
  return Math.max(0, c.promisedWorkingDays - c.usedWorkingDays);
}
