import { describe, expect, it } from 'vitest';
import { isValidPeriod, periodDays, presetOf, presetPeriod } from './period';

describe('report periods', () => {
  // Friday 20 November 2026.
  const today = '2026-11-20';

  it('starts 本周 on Monday, 本月 on the 1st, 本季度 on the quarter’s first day, 本年 on 1 January — all up to today', () => {
    expect(presetPeriod('week', today)).toEqual({ from: '2026-11-16', to: today });
    expect(presetPeriod('month', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetPeriod('quarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(presetPeriod('year', today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('takes a Sunday as the end of its week, not the start of the next', () => {
    expect(presetPeriod('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetPeriod('week', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it('counts days inclusively and allows up to a leap year', () => {
    expect(periodDays({ from: today, to: today })).toBe(1);
    expect(isValidPeriod({ from: '2028-01-01', to: '2028-12-31' })).toBe(true);
    expect(isValidPeriod({ from: '2026-01-01', to: '2027-01-02' })).toBe(false);
    expect(isValidPeriod({ from: '2026-11-02', to: '2026-11-01' })).toBe(false);
  });

  it('recognises a preset period', () => {
    expect(presetOf({ from: '2026-11-01', to: today }, today)).toBe('month');
    expect(presetOf({ from: '2026-11-02', to: today }, today)).toBeNull();
  });
});
