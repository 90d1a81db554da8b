import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, formatNoticeNumber, formatNumber, formatRefusalNumber } from './case-numbers.js';

describe('case paper numbers', () => {
  it('writes the case number as year and six digits', () => {
    expect(formatCaseNumber(2026, 42)).toBe('2026-000042');
    expect(formatCaseNumber(2026, 1_234_567)).toBe('2026-1234567');
  });

  it('writes the one-time notice number (R-11) in the official document form', () => {
    expect(formatNoticeNumber(2026, 7)).toBe('一告〔2026〕0007号');
    expect(formatNoticeNumber(2026, 12345)).toBe('一告〔2026〕12345号');
  });

  it('writes the refusal notice number (R-13)', () => {
    expect(formatRefusalNumber(2026, 3)).toBe('不予受理〔2026〕0003号');
    expect(formatNumber('refusal', 2026, 3)).toBe('不予受理〔2026〕0003号');
    expect(formatNumber('case', 2027, 1)).toBe('2027-000001');
    expect(formatNumber('notice', 2027, 1)).toBe('一告〔2027〕0001号');
  });

  it('refuses sequences below 1 and years that are not four digits', () => {
    expect(() => formatCaseNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatNoticeNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => formatRefusalNumber(26, 1)).toThrow(RangeError);
  });

  it('gives different sequences different numbers, and keeps the order within a padding', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b) => {
      for (const kind of ['case', 'notice', 'refusal'] as const) {
        expect(formatNumber(kind, 2026, a) === formatNumber(kind, 2026, b)).toBe(a === b);
      }
      if (a < b && b < 1_000_000) expect(formatCaseNumber(2026, a) < formatCaseNumber(2026, b)).toBe(true);
    }));
  });
});
