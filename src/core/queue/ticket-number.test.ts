import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callAnnouncement,
  formatTicketNumber,
  isTicketPrefix,
  nextTicketSequence,
  parseTicketNumber,
  speakableTicketNumber,
} from './ticket-number.js';

const prefixArb = fc.stringMatching(/^[A-Z]{1,2}$/);
const seqArb = fc.integer({ min: 1, max: 1_000_000 });

describe('formatTicketNumber', () => {
  it('pads the sequence to three digits', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 42)).toBe('A042');
    expect(formatTicketNumber('B', 999)).toBe('B999');
    expect(formatTicketNumber('GA', 7)).toBe('GA007');
  });

  it('goes on to four digits after 999 rather than reuse a number the same day', () => {
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
    expect(formatTicketNumber('A', 12345)).toBe('A12345');
  });

  it.each([
    ['a', 1],
    ['', 1],
    ['ABC', 1],
    ['A1', 1],
    ['A', 0],
    ['A', -1],
    ['A', 1.5],
    ['A', Number.NaN],
  ])('refuses prefix %j with sequence %d', (prefix, seq) => {
    expect(() => formatTicketNumber(prefix, seq)).toThrow(RangeError);
  });

  it('round-trips through parseTicketNumber, and distinct inputs give distinct numbers', () => {
    fc.assert(
      fc.property(prefixArb, seqArb, prefixArb, seqArb, (p1, s1, p2, s2) => {
        expect(parseTicketNumber(formatTicketNumber(p1, s1))).toEqual({ prefix: p1, seq: s1 });
        const same = p1 === p2 && s1 === s2;
        expect(formatTicketNumber(p1, s1) === formatTicketNumber(p2, s2)).toBe(same);
      }),
    );
  });
});

describe('parseTicketNumber', () => {
  it('reads canonical numbers', () => {
    expect(parseTicketNumber('A001')).toEqual({ prefix: 'A', seq: 1 });
    expect(parseTicketNumber('GA120')).toEqual({ prefix: 'GA', seq: 120 });
    expect(parseTicketNumber('A1000')).toEqual({ prefix: 'A', seq: 1000 });
  });

  it.each(['A000', 'A01', 'A0001', 'a001', '001', 'ABC001', 'A001 ', 'A-001', '', 'Ａ001'])('rejects %j', (s) => {
    expect(parseTicketNumber(s)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    for (const v of [null, undefined, 1, {}]) expect(parseTicketNumber(v)).toBeNull();
  });
});

describe('isTicketPrefix', () => {
  it('agrees with the catalogue: one or two capital letters', () => {
    expect(['A', 'Z', 'GA'].every(isTicketPrefix)).toBe(true);
    expect(['', 'a', 'ABC', '1', 'Ä', 7].some(isTicketPrefix)).toBe(false);
  });
});

describe('nextTicketSequence', () => {
  it('starts at 1, counts up within a day and restarts each hall-local day', () => {
    expect(nextTicketSequence(null, '2026-03-02')).toBe(1);
    expect(nextTicketSequence({ day: '2026-03-02', seq: 1 }, '2026-03-02')).toBe(2);
    expect(nextTicketSequence({ day: '2026-03-02', seq: 999 }, '2026-03-02')).toBe(1000);
    expect(nextTicketSequence({ day: '2026-03-02', seq: 57 }, '2026-03-03')).toBe(1);
    expect(nextTicketSequence({ day: '2026-03-03', seq: 57 }, '2026-03-02')).toBe(1);
  });
});

describe('speakableTicketNumber', () => {
  it('reads each digit in Mandarin and keeps the letters', () => {
    expect(speakableTicketNumber('A001')).toBe('A 零 零 一');
    expect(speakableTicketNumber('B123')).toBe('B 一 二 三');
    expect(speakableTicketNumber('GA450')).toBe('G A 四 五 零');
    expect(speakableTicketNumber('C6789')).toBe('C 六 七 八 九');
    expect(speakableTicketNumber('A1000')).toBe('A 一 零 零 零');
  });

  it('has one token per character of the number and no Arabic digit left', () => {
    fc.assert(
      fc.property(prefixArb, seqArb, (prefix, seq) => {
        const number = formatTicketNumber(prefix, seq);
        const tokens = speakableTicketNumber(number).split(' ');
        expect(tokens).toHaveLength(number.length);
        expect(tokens.join('')).not.toMatch(/\d/);
        expect(tokens.slice(0, prefix.length).join('')).toBe(prefix);
      }),
    );
  });
});

describe('callAnnouncement', () => {
  it('asks the citizen to the window, the window number read as a number', () => {
    expect(callAnnouncement('A001', 3)).toBe('请 A 零 零 一 号 到 3 号窗口 办理');
    expect(callAnnouncement('B120', 12)).toBe('请 B 一 二 零 号 到 12 号窗口 办理');
  });

  it('refuses a window number that is not a whole number', () => {
    for (const n of [-1, 1.5, Number.NaN]) expect(() => callAnnouncement('A001', n)).toThrow(RangeError);
  });
});
