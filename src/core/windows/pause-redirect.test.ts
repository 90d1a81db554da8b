import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redirectWindowNumbers, type WindowForRedirect } from './pause-redirect.js';

const w = (number: number, status: WindowForRedirect['status'], serviceIds: string[]): WindowForRedirect => ({ id: `w${number}`, number, status, serviceIds });

describe('where a paused window sends its people (R-05)', () => {
  it('names the open windows that serve one of its services, in number order', () => {
    const paused = w(2, 'paused', ['A', 'C']);
    const hall = [w(7, 'open', ['C']), paused, w(1, 'open', ['A', 'B']), w(3, 'open', ['B']), w(4, 'paused', ['A']), w(5, 'closed', ['A'])];
    expect(redirectWindowNumbers(paused, hall)).toEqual([1, 7]);
  });

  it('names none when no open window serves its services, so the sign says to wait instead', () => {
    const paused = w(1, 'paused', ['A']);
    expect(redirectWindowNumbers(paused, [paused, w(2, 'paused', ['A']), w(3, 'open', ['B'])])).toEqual([]);
  });

  it('only ever names open windows other than itself that share a service', () => {
    const status = fc.constantFrom<WindowForRedirect['status']>('open', 'paused', 'closed');
    const services = fc.subarray(['A', 'B', 'C', 'D']);
    fc.assert(fc.property(fc.array(fc.tuple(status, services), { minLength: 1, maxLength: 12 }), fc.nat(), (specs, pick) => {
      const hall = specs.map(([s, ids], i) => w(i + 1, s, ids));
      const paused = hall[pick % hall.length]!;
      const named = redirectWindowNumbers(paused, hall);
      for (const n of named) {
        const target = hall.find((x) => x.number === n)!;
        expect(target.status).toBe('open');
        expect(target.id).not.toBe(paused.id);
        expect(target.serviceIds.some((s) => paused.serviceIds.includes(s))).toBe(true);
      }
      const expected = hall.filter((x) => x !== paused && x.status === 'open' && x.serviceIds.some((s) => paused.serviceIds.includes(s))).length;
      expect(named).toHaveLength(expected);
      expect([...named].sort((a, b) => a - b)).toEqual(named);
    }));
  });
});
