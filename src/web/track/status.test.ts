import { describe, expect, it } from 'vitest';
import { isFinal, shouldAlert, toneOf } from './status';

const waiting = { status: 'waiting', calledAt: null, windowNumber: null };
const called = { status: 'called', calledAt: '2026-05-15T02:00:00Z', windowNumber: 3 };

describe('toneOf', () => {
  it('maps statuses', () => {
    expect(toneOf('waiting')).toBe('waiting');
    expect(toneOf('called')).toBe('called');
    expect(toneOf('no_show')).toBe('missed');
    expect(toneOf('something_new')).toBe('unknown');
  });
});

describe('isFinal', () => {
  it('stops on done and cancelled only', () => {
    expect(isFinal('done')).toBe(true);
    expect(isFinal('cancelled')).toBe(true);
    expect(isFinal('no_show')).toBe(false);
    expect(isFinal('waiting')).toBe(false);
  });
});

describe('shouldAlert', () => {
  it('alerts when the ticket becomes called', () => {
    expect(shouldAlert(waiting, called)).toBe(true);
  });
  it('does not alert on the first load', () => {
    expect(shouldAlert(null, called)).toBe(false);
  });
  it('alerts again on a recall or another window', () => {
    expect(shouldAlert(called, called)).toBe(false);
    expect(shouldAlert(called, { ...called, calledAt: '2026-05-15T02:01:00Z' })).toBe(true);
    expect(shouldAlert(called, { ...called, windowNumber: 4 })).toBe(true);
  });
  it('does not alert for other states', () => {
    expect(shouldAlert(called, { status: 'serving', calledAt: called.calledAt, windowNumber: 3 })).toBe(false);
  });
});
