import { describe, expect, it } from 'vitest';
import type { QueueService, QueueWindow } from '../console/queueApi';
import { alertTime, canSupervise, describeAlert, queueSummary, windowState } from './status';

const NOW = Date.parse('2026-11-26T04:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

const win = (over: Partial<QueueWindow>): QueueWindow => ({
  id: 'w1',
  number: 3,
  name: '不动产登记窗口',
  status: 'open',
  serviceIds: ['s1'],
  pause: null,
  staff: null,
  currentTicket: null,
  ...over,
});

const service = (over: Partial<QueueService>): QueueService => ({
  id: 's1',
  name: '不动产登记',
  ticketPrefix: 'B',
  waiting: 0,
  priorityWaiting: 0,
  openWindows: 1,
  staffedWindows: 1,
  estimatedWaitMinutes: 5,
  longestWaitMinutes: 0,
  ...over,
});

const ticket = (status: 'called' | 'serving') => ({
  id: 't',
  number: 'B001',
  status,
  serviceId: 's1',
  calledAt: minutesAgo(1),
  startedAt: null,
  recalls: 0,
  priority: 'normal' as const,
});

describe('windowState', () => {
  it('tells serving, called, idle and closed apart', () => {
    expect(windowState(win({ currentTicket: ticket('serving') }), NOW).tone).toBe('serving');
    expect(windowState(win({ currentTicket: ticket('called') }), NOW).tone).toBe('called');
    expect(windowState(win({}), NOW).tone).toBe('idle');
    expect(windowState(win({ status: 'closed' }), NOW).tone).toBe('closed');
  });

  it('counts pause minutes and flags a handover over 10 minutes (R-06)', () => {
    const at10 = windowState(win({ status: 'paused', pause: { reason: 'handover', note: null, since: minutesAgo(10) } }), NOW);
    expect(at10).toEqual({ tone: 'paused', pauseMinutes: 10, overdue: false });
    const at11 = windowState(win({ status: 'paused', pause: { reason: 'handover', note: null, since: minutesAgo(11) } }), NOW);
    expect(at11.overdue).toBe(true);
    const longBreak = windowState(win({ status: 'paused', pause: { reason: 'break', note: null, since: minutesAgo(30) } }), NOW);
    expect(longBreak.overdue).toBe(false);
  });
});

describe('queueSummary', () => {
  it('adds up waiting, finds the longest wait and the unattended services (R-10)', () => {
    const summary = queueSummary([
      service({ id: 'a', name: '社保卡补办', waiting: 3, priorityWaiting: 1, longestWaitMinutes: 12 }),
      service({ id: 'b', name: '不动产登记', waiting: 5, openWindows: 0, longestWaitMinutes: 25 }),
      service({ id: 'c', name: '户籍迁移', waiting: 0, openWindows: 0, longestWaitMinutes: 99 }),
    ]);
    expect(summary.waiting).toBe(8);
    expect(summary.priorityWaiting).toBe(1);
    expect(summary.longest).toEqual({ serviceName: '不动产登记', minutes: 25 });
    expect(summary.unattended.map((s) => s.id)).toEqual(['b']);
  });

  it('has no longest wait when nobody waits', () => {
    expect(queueSummary([service({})]).longest).toBeNull();
  });
});

describe('describeAlert', () => {
  it('names the case, the materials asked again and who asked (R-12)', () => {
    expect(describeAlert({ kind: 'second_round_notice', payload: { caseNumber: '2026-000008', materialNames: ['居民户口簿', '结婚证'], issuedByName: '陈静' } })).toEqual({
      kind: 'second_round_notice', values: { caseNumber: '2026-000008', materials: '居民户口簿、结婚证', name: '陈静' },
    });
  });

  it('names the case, its service, deadline and owner for a light (R-15)', () => {
    const payload = { caseNumber: '2026-000002', serviceName: '户籍迁移', deadline: '2026-11-24', ownerName: '张伟' };
    expect(describeAlert({ kind: 'case_red', payload })).toEqual({
      kind: 'case_red', values: { caseNumber: '2026-000002', service: '户籍迁移', deadline: '2026-11-24', owner: '张伟' },
    });
    expect(describeAlert({ kind: 'case_yellow', payload }).kind).toBe('case_yellow');
  });

  it('names the service and how many wait', () => {
    expect(describeAlert({ kind: 'service_unattended', payload: { serviceId: 's1', serviceName: '不动产登记', waiting: 5 } })).toEqual({
      kind: 'service_unattended',
      values: { service: '不动产登记', waiting: 5 },
    });
  });

  it('shows how many wait now, not when the alert was raised', () => {
    const text = describeAlert(
      { kind: 'service_unattended', payload: { serviceId: 's1', serviceName: '不动产登记', waiting: 1 } },
      { services: [service({ waiting: 6 })] },
    );
    expect(text).toEqual({ kind: 'service_unattended', values: { service: '不动产登记', waiting: 6 } });
  });

  it('looks names up when the payload lacks them', () => {
    const text = describeAlert(
      { kind: 'service_unattended', payload: { serviceId: 's1' } },
      { services: [service({ waiting: 4 })] },
    );
    expect(text.values).toEqual({ service: '不动产登记', waiting: 4 });
    expect(describeAlert({ kind: 'equipment_fault', payload: { windowId: 'w1' } }, { windows: [win({})] }).values).toEqual({ number: '3' });
  });

  it('says which window has overrun its handover', () => {
    const text = describeAlert({ kind: 'handover_overdue', payload: { windowNumber: 3, minutes: 10 } });
    expect(text).toEqual({ kind: 'handover_overdue', values: { number: '3', minutes: 10 } });
  });

  it('describes a late sign-in and passes unknown kinds through', () => {
    expect(describeAlert({ kind: 'late_sign_in', payload: { windowNumber: 1, userName: '李晓梅' } }).values).toEqual({ number: '1', name: '李晓梅' });
    expect(describeAlert({ kind: 'something_new', payload: {} })).toEqual({ kind: 'unknown', values: { kind: 'something_new' } });
  });
});

describe('roles', () => {
  it('shows the strip to managers, admins and inspectors', () => {
    expect(['admin', 'manager', 'staff', 'inspector'].filter((r) => canSupervise(r as never))).toEqual(['admin', 'manager', 'inspector']);
  });
});

describe('alertTime', () => {
  // NOW is 12:00 on 26 November in Shanghai.
  it('gives only the time for an alert raised today in the hall', () => {
    expect(alertTime('2026-11-26T01:15:00Z', 'Asia/Shanghai', NOW)).toBe('09:15');
  });

  it('puts the date before the time of an alert left open from an earlier day', () => {
    expect(alertTime('2026-11-24T02:25:00Z', 'Asia/Shanghai', NOW)).toBe('11-24 10:25');
  });

  it('decides "today" on the hall’s clock, not in UTC', () => {
    // 25 November 23:30 UTC is already the 26th, 07:30, in Shanghai.
    expect(alertTime('2026-11-25T23:30:00Z', 'Asia/Shanghai', NOW)).toBe('07:30');
  });
});
