import { describe, expect, it } from 'vitest';
import { clock, minutesSince, waitedMinutes } from './timing';

const at = (iso: string) => Date.parse(iso);

describe('minutesSince', () => {
  it('counts whole minutes, never negative', () => {
    expect(minutesSince('2026-11-26T01:00:00Z', at('2026-11-26T01:10:59Z'))).toBe(10);
    expect(minutesSince('2026-11-26T01:00:00Z', at('2026-11-26T00:59:00Z'))).toBe(0);
  });
  it('is null without a valid start', () => {
    expect(minutesSince(null, 0)).toBeNull();
    expect(minutesSince('not a date', 0)).toBeNull();
  });
});

describe('clock', () => {
  it('shows minutes and padded seconds', () => {
    expect(clock('2026-11-26T01:00:00Z', at('2026-11-26T01:03:07Z'))).toBe('3:07');
    expect(clock(undefined, 0)).toBeNull();
  });
});

describe('waitedMinutes', () => {
  it("prefers the server's figure", () => {
    expect(waitedMinutes({ waitedMinutes: 7, queuedAt: '2026-11-26T01:00:00Z', calledAt: '2026-11-26T02:00:00Z' })).toBe(7);
  });
  it('else counts from joining the queue to the call', () => {
    expect(waitedMinutes({ queuedAt: '2026-11-26T01:00:00Z', issuedAt: '2026-11-26T00:00:00Z', calledAt: '2026-11-26T01:12:00Z' })).toBe(12);
    expect(waitedMinutes({ issuedAt: '2026-11-26T01:00:00Z', calledAt: '2026-11-26T01:05:00Z' })).toBe(5);
  });
  it('is null when it cannot be known', () => {
    expect(waitedMinutes({ calledAt: '2026-11-26T01:05:00Z' })).toBeNull();
    expect(waitedMinutes({ queuedAt: '2026-11-26T01:05:00Z', calledAt: null })).toBeNull();
  });
});
