import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultNextSteps, secondRoundBreach } from './one-time-notice.js';

const SERVICE_AT_FIRST = ['id', 'hukou', 'proxy', 'photo'];

describe('secondRoundBreach (R-12 一次性告知 is once)', () => {
  it('flags a material the first notice could have asked for and did not', () => {
    const first = { missingIds: ['hukou'], serviceMaterialIdsAtFirst: SERVICE_AT_FIRST };
    expect(secondRoundBreach(first, ['hukou', 'proxy'], [])).toEqual(['proxy']);
  });

  it('does not flag repeating what the first notice asked for', () => {
    const first = { missingIds: ['hukou', 'proxy'], serviceMaterialIdsAtFirst: SERVICE_AT_FIRST };
    expect(secondRoundBreach(first, ['proxy'], [])).toEqual([]);
  });

  it('does not flag asking again for a material handed in and found defective', () => {
    const first = { missingIds: ['hukou'], serviceMaterialIdsAtFirst: SERVICE_AT_FIRST };
    expect(secondRoundBreach(first, ['id'], ['id'])).toEqual([]);
  });

  it('does not flag a material the service added after the first notice', () => {
    const first = { missingIds: ['hukou'], serviceMaterialIdsAtFirst: SERVICE_AT_FIRST };
    expect(secondRoundBreach(first, ['new-form'], [])).toEqual([]);
  });

  const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const ids = fc.uniqueArray(id, { maxLength: 8 });

  it('never flags a notice that only repeats first-notice items or defective items', () => {
    fc.assert(fc.property(ids, ids, ids, fc.func(fc.boolean()), (firstMissing, snapshot, defective, pick) => {
      const nowMissing = [...firstMissing, ...defective].filter((x) => pick(x));
      expect(secondRoundBreach({ missingIds: firstMissing, serviceMaterialIdsAtFirst: snapshot }, nowMissing, defective)).toEqual([]);
    }));
  });

  it('never flags a material that was not in the service when the first notice was issued', () => {
    fc.assert(fc.property(ids, ids, ids, ids, (firstMissing, snapshot, nowMissing, defective) => {
      const breach = secondRoundBreach({ missingIds: firstMissing, serviceMaterialIdsAtFirst: snapshot }, nowMissing, defective);
      for (const b of breach) {
        expect(snapshot).toContain(b);
        expect(firstMissing).not.toContain(b);
        expect(defective).not.toContain(b);
        expect(nowMissing).toContain(b);
      }
      // …and flags every one that is in the snapshot, off the first notice and not defective.
      const expected = nowMissing.filter((x) => snapshot.includes(x) && !firstMissing.includes(x) && !defective.includes(x));
      expect(breach).toEqual(expected);
    }));
  });
});

describe('defaultNextSteps', () => {
  it('tells the applicant where to come back to, politely', () => {
    expect(defaultNextSteps(3)).toContain('3 号窗口');
    expect(defaultNextSteps(3)).toMatch(/^请您/);
    expect(defaultNextSteps(null)).toContain('本大厅窗口');
  });
});
