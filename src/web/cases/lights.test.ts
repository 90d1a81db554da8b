import { describe, expect, it } from 'vitest';
import { lightCounts, remainingWorkingDays, sortBySupervision } from './lights';

const c = (number: string, light: 'green' | 'yellow' | 'red' | null, deadline: string | null) => ({ number, light, deadline });

describe('sortBySupervision (R-15)', () => {
  it('puts overdue (red) cases first, then warnings (yellow), then green, then cases without a light', () => {
    const sorted = sortBySupervision([
      c('2026-000001', 'green', '2026-12-01'),
      c('2026-000002', null, null),
      c('2026-000003', 'yellow', '2026-11-27'),
      c('2026-000004', 'red', '2026-11-20'),
      c('2026-000005', 'yellow', '2026-11-26'),
    ]);
    expect(sorted.map((x) => x.number)).toEqual(['2026-000004', '2026-000005', '2026-000003', '2026-000001', '2026-000002']);
  });

  it('orders by the nearest deadline within a light, and by number when deadlines tie', () => {
    const sorted = sortBySupervision([c('2026-000009', 'green', '2026-12-05'), c('2026-000008', 'green', '2026-12-01'), c('2026-000007', 'green', '2026-12-01')]);
    expect(sorted.map((x) => x.number)).toEqual(['2026-000007', '2026-000008', '2026-000009']);
  });
});

describe('lightCounts', () => {
  it('counts accepted cases by light and ignores those without one', () => {
    expect(lightCounts([c('1', 'red', null), c('2', 'yellow', null), c('3', 'yellow', null), c('4', null, null)])).toEqual({ red: 1, yellow: 2, green: 0 });
  });
});

describe('remainingWorkingDays', () => {
  it('is the promise minus the days used, never below zero', () => {
    expect(remainingWorkingDays({ usedWorkingDays: 3, promisedWorkingDays: 10 })).toBe(7);
    expect(remainingWorkingDays({ usedWorkingDays: 10, promisedWorkingDays: 10 })).toBe(0);
    expect(remainingWorkingDays({ usedWorkingDays: null, promisedWorkingDays: 10 })).toBeNull();
  });
});
