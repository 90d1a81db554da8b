import { describe, expect, it } from 'vitest';
import { describeWait } from './wait';

describe('describeWait', () => {
  it('says when no window is open', () => {
    expect(describeWait(null)).toEqual({ kind: 'noWindow' });
    expect(describeWait(undefined)).toEqual({ kind: 'noWindow' });
    expect(describeWait(Number.NaN)).toEqual({ kind: 'noWindow' });
  });
  it('says no wait for zero', () => {
    expect(describeWait(0)).toEqual({ kind: 'none' });
    expect(describeWait(-3)).toEqual({ kind: 'none' });
  });
  it('keeps minutes under an hour', () => {
    expect(describeWait(1)).toEqual({ kind: 'minutes', minutes: 1 });
    expect(describeWait(12.2)).toEqual({ kind: 'minutes', minutes: 13 });
    expect(describeWait(59)).toEqual({ kind: 'minutes', minutes: 59 });
  });
  it('rounds longer waits up to five minutes', () => {
    expect(describeWait(60)).toEqual({ kind: 'hours', hours: 1, minutes: 0 });
    expect(describeWait(83)).toEqual({ kind: 'hours', hours: 1, minutes: 25 });
    expect(describeWait(118)).toEqual({ kind: 'hours', hours: 2, minutes: 0 });
  });
});
