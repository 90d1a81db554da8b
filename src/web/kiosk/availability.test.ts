import { describe, expect, it } from 'vitest';
import { serviceAvailability } from './availability';

describe('serviceAvailability', () => {
  it('is open while a window of the service is open, paused ones besides', () => {
    expect(serviceAvailability({ openWindows: 1, staffedWindows: 1, estimatedWaitMinutes: 5 })).toBe('open');
    expect(serviceAvailability({ openWindows: 1, staffedWindows: 3, estimatedWaitMinutes: 0 })).toBe('open');
  });

  it('R-05/R-08: is paused, still issuing, when every window signed in for the service is paused', () => {
    expect(serviceAvailability({ openWindows: 0, staffedWindows: 2, estimatedWaitMinutes: 15 })).toBe('paused');
    expect(serviceAvailability({ openWindows: 0, staffedWindows: 1, estimatedWaitMinutes: 0 })).toBe('paused');
  });

  it('is unstaffed, not issuing, when nobody is signed in for the service (the server then gives no estimate)', () => {
    expect(serviceAvailability({ openWindows: 0, staffedWindows: 0, estimatedWaitMinutes: null })).toBe('unstaffed');
    expect(serviceAvailability({ openWindows: 0, staffedWindows: 1, estimatedWaitMinutes: null })).toBe('unstaffed');
  });
});
