import { describe, expect, it } from 'vitest';
import type { CaseDto, CaseExtension } from '../api/case-types';
import { pendingExtensions } from './extensions';

const ext = (id: string, status: CaseExtension['status'], requestedAt: string): CaseExtension => ({
  id, workingDays: 3, reason: '需现场核查', status, requestedAt, decidedAt: null, newDeadline: null,
});
const kase = (number: string, extensions: CaseExtension[]) => ({ number, extensions }) as unknown as CaseDto;

describe('pendingExtensions', () => {
  it('lists only the requests still waiting for a decision, the longest-waiting first', () => {
    const list = pendingExtensions([
      kase('2026-000002', [ext('a', 'approved', '2026-11-20T01:00:00Z'), ext('b', 'pending', '2026-11-26T03:00:00Z')]),
      kase('2026-000001', [ext('c', 'pending', '2026-11-25T08:00:00Z')]),
      kase('2026-000003', [ext('d', 'rejected', '2026-11-24T08:00:00Z')]),
    ]);
    expect(list.map((p) => [p.case.number, p.extension.id])).toEqual([
      ['2026-000001', 'c'],
      ['2026-000002', 'b'],
    ]);
  });
});
