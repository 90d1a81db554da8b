import { describe, expect, it } from 'vitest';
import { closedKind, describeWhen, msUntil } from './hours';

const TZ = 'Asia/Shanghai';
// 2026-05-15 is a Friday. 18:30 Shanghai = 10:30Z.
const fridayEvening = new Date('2026-05-15T10:30:00Z');

describe('describeWhen', () => {
  it('names today and tomorrow', () => {
    expect(describeWhen('2026-05-15T11:00:00Z', fridayEvening, TZ)).toEqual({ day: 'today', time: '19:00', weekday: 5 });
    expect(describeWhen('2026-05-16T01:00:00Z', fridayEvening, TZ)).toEqual({ day: 'tomorrow', time: '09:00', weekday: 6 });
  });
  it('names a weekday within the week', () => {
    expect(describeWhen('2026-05-18T01:00:00Z', fridayEvening, TZ)).toEqual({ day: 'weekday', time: '09:00', weekday: 1 });
  });
  it('names the date further away', () => {
    expect(describeWhen('2026-05-25T01:30:00Z', fridayEvening, TZ)).toEqual({
      day: 'date', time: '09:30', weekday: 1, month: 5, date: 25,
    });
  });
  it('uses the hall zone, not UTC, for the day', () => {
    // 23:30Z Friday is 07:30 Saturday in Shanghai: tomorrow for the hall.
    expect(describeWhen('2026-05-15T23:30:00Z', fridayEvening, TZ).day).toBe('tomorrow');
  });
});

describe('closedKind', () => {
  const hours = [{ open: '09:00', close: '12:00' }, { open: '13:30', close: '17:00' }];
  it('is closed when the next opening is another day or unknown', () => {
    expect(closedKind({ timezone: TZ, openNow: false, opensAt: '2026-05-18T01:00:00Z', todayHours: hours }, fridayEvening)).toBe('closed');
    expect(closedKind({ timezone: TZ, openNow: false, opensAt: null, todayHours: [] }, fridayEvening)).toBe('closed');
  });
  it('is not yet open before the first interval', () => {
    const morning = new Date('2026-05-15T00:10:00Z'); // 08:10
    expect(closedKind({ timezone: TZ, openNow: false, opensAt: '2026-05-15T01:00:00Z', todayHours: hours }, morning)).toBe('notYetOpen');
  });
  it('is a break between intervals', () => {
    const lunch = new Date('2026-05-15T04:30:00Z'); // 12:30
    expect(closedKind({ timezone: TZ, openNow: false, opensAt: '2026-05-15T05:30:00Z', todayHours: hours }, lunch)).toBe('break');
  });
});

describe('msUntil', () => {
  it('clamps', () => {
    const now = new Date('2026-05-15T00:00:00Z');
    expect(msUntil(null, now)).toBeNull();
    expect(msUntil('2026-05-15T00:00:10Z', now)).toBe(10_000);
    expect(msUntil('2026-05-14T00:00:00Z', now)).toBe(1000);
    expect(msUntil('2026-06-15T00:00:00Z', now)).toBe(6 * 60 * 60 * 1000);
  });
});
