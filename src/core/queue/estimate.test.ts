import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MINUTES, estimateWait, median, windowsSharingWait } from './estimate.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('windowsSharingWait', () => {
  it('is the open windows; paused ones do not add to them', () => {
    expect(windowsSharingWait(3, 0)).toBe(3);
    expect(windowsSharingWait(2, 4)).toBe(2);
  });

  it('R-05/R-08: counts one window while every window of the service is paused, so a ticket still gets an estimate', () => {
    expect(windowsSharingWait(0, 1)).toBe(1);
    expect(windowsSharingWait(0, 3)).toBe(1);
    expect(estimateWait(4, windowsSharingWait(0, 3), [6])).toBe(24);
  });

  it('is zero when nobody is signed in for the service: no estimate', () => {
    expect(windowsSharingWait(0, 0)).toBe(0);
    expect(estimateWait(4, windowsSharingWait(0, 0), [6])).toBeNull();
  });
});

describe('estimateWait', () => {
  it('is the median service time times the people ahead, shared among the open windows, rounded up', () => {
    expect(estimateWait(4, 1, [6, 8, 10])).toBe(32);
    expect(estimateWait(4, 2, [6, 8, 10])).toBe(16);
    expect(estimateWait(5, 3, [4])).toBe(7); // 20 / 3 = 6.67
    expect(estimateWait(3, 2, [2, 3])).toBe(4); // 3 × 2.5 / 2 = 3.75
  });

  it('falls back to five minutes a ticket without a history', () => {
    expect(DEFAULT_SERVICE_MINUTES).toBe(5);
    expect(estimateWait(3, 1, [])).toBe(15);
    expect(estimateWait(3, 2, [])).toBe(8);
  });

  it('is zero with nobody ahead', () => {
    expect(estimateWait(0, 1, [12])).toBe(0);
  });

  it('is null when no window is open for the service: nobody would call the ticket', () => {
    expect(estimateWait(0, 0, [5])).toBeNull();
    expect(estimateWait(10, 0, [])).toBeNull();
  });

  it('is not thrown off by one ticket forgotten in service over lunch', () => {
    expect(estimateWait(2, 1, [5, 6, 240])).toBe(12);
  });

  it('skips samples that cannot be durations', () => {
    expect(estimateWait(2, 1, [Number.NaN, -3, Number.POSITIVE_INFINITY])).toBe(10);
    expect(estimateWait(2, 1, [Number.NaN, 4])).toBe(8);
  });

  it('does not let float error add a minute to an exact result', () => {
    expect(estimateWait(25, 1, [2.2])).toBe(55);
  });

  it('refuses counts that are not whole non-negative numbers', () => {
    expect(() => estimateWait(-1, 1, [])).toThrow(RangeError);
    expect(() => estimateWait(1.5, 1, [])).toThrow(RangeError);
    expect(() => estimateWait(1, -1, [])).toThrow(RangeError);
  });

  it('grows with the people ahead and shrinks with the open windows', () => {
    const samples = fc.array(fc.integer({ min: 0, max: 600 }).map((n) => n / 10), { maxLength: 20 });
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), samples, (a, b, w1, w2, s) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const [narrow, wide] = w1 <= w2 ? [w1, w2] : [w2, w1];
        const e = (ahead: number, windows: number): number => estimateWait(ahead, windows, s) ?? Number.NaN;
        expect(e(fewer, narrow)).toBeLessThanOrEqual(e(more, narrow));
        expect(e(more, wide)).toBeLessThanOrEqual(e(more, narrow));
        expect(Number.isInteger(e(more, narrow))).toBe(true);
        expect(e(more, narrow)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
