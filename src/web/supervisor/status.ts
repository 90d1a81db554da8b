// What the supervisor strip shows, decided without React: each window's state and colour
// (R-05 暂停明示, R-06 交接不超过10分钟), the queue in one line, and each open alert in words
// (R-10 午间值班 / 有人等候无窗口).
import type { Role } from '../api/types';
import type { QueueAlert, QueueService, QueueWindow } from '../console/queueApi';
import { minutesSince } from '../console/timing';
import { formatInZone } from '../time/zone';

/** R-06 交接时间不应超过10分钟. */
export const HANDOVER_LIMIT_MINUTES = 10;

export type WindowTone = 'serving' | 'called' | 'idle' | 'paused' | 'closed';

export const TONE_COLORS: Readonly<Record<WindowTone, string>> = {
  serving: '#389e0d',
  called: '#1a5fb4',
  idle: '#08979c',
  paused: '#d48806',
  closed: '#8c8c8c',
};

export interface WindowState {
  tone: WindowTone;
  /** Minutes paused so far, for a paused window. */
  pauseMinutes: number | null;
  /** A handover pause past the 10-minute limit. */
  overdue: boolean;
}

export function windowState(window: Pick<QueueWindow, 'status' | 'pause' | 'currentTicket'>, now: number): WindowState {
  if (window.status === 'closed') return { tone: 'closed', pauseMinutes: null, overdue: false };
  if (window.status === 'paused') {
    const pauseMinutes = minutesSince(window.pause?.since, now);
    return {
      tone: 'paused',
      pauseMinutes,
      overdue: window.pause?.reason === 'handover' && (pauseMinutes ?? 0) > HANDOVER_LIMIT_MINUTES,
    };
  }
  const status = window.currentTicket?.status;
  return { tone: status === 'serving' ? 'serving' : status === 'called' ? 'called' : 'idle', pauseMinutes: null, overdue: false };
}

export interface QueueSummary {
  waiting: number;
  priorityWaiting: number;
  /** The service whose first citizen has waited longest, when anyone waits. */
  longest: { serviceName: string; minutes: number } | null;
  /** Services with people waiting and no open window. */
  unattended: QueueService[];
}

export function queueSummary(services: readonly QueueService[]): QueueSummary {
  let longest: QueueSummary['longest'] = null;
  for (const s of services) {
    if (s.waiting > 0 && (longest === null || s.longestWaitMinutes > longest.minutes)) {
      longest = { serviceName: s.name, minutes: s.longestWaitMinutes };
    }
  }
  return {
    waiting: services.reduce((sum, s) => sum + s.waiting, 0),
    priorityWaiting: services.reduce((sum, s) => sum + s.priorityWaiting, 0),
    longest,
    unattended: services.filter((s) => s.waiting > 0 && s.openWindows === 0),
  };
}

export type AlertText =
  | { kind: 'service_unattended'; values: { service: string; waiting: number } }
  | { kind: 'handover_overdue'; values: { number: string; minutes: number } }
  | { kind: 'equipment_fault'; values: { number: string } }
  | { kind: 'late_sign_in'; values: { number: string; name: string } }
  | { kind: 'second_round_notice'; values: { caseNumber: string; materials: string; name: string } }
  | { kind: 'case_yellow' | 'case_red'; values: { caseNumber: string; service: string; deadline: string; owner: string } }
  | { kind: 'unknown'; values: { kind: string } };

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * An open alert as a sentence's parts; payloads as in docs/QUEUE-API.md. Names are looked up in
 * the current queue when the payload lacks them, so the sentence never shows a bare id.
 */
export function describeAlert(
  alert: Pick<QueueAlert, 'kind' | 'payload'>,
  lookup: { services?: readonly Pick<QueueService, 'id' | 'name' | 'waiting'>[]; windows?: readonly Pick<QueueWindow, 'id' | 'number'>[] } = {},
): AlertText {
  const p = alert.payload ?? {};
  const windowNumber = (): string => {
    const given = str(p.windowNumber);
    if (given) return given;
    const w = lookup.windows?.find((x) => x.id === p.windowId);
    return w ? String(w.number) : '?';
  };
  switch (alert.kind) {
    case 'service_unattended': {
      const s = lookup.services?.find((x) => x.id === p.serviceId);
      return {
        kind: 'service_unattended',
        // The live count when the service is in the queue; the count at raising otherwise.
        values: { service: str(p.serviceName, s?.name ?? '?'), waiting: s ? s.waiting : num(p.waiting) },
      };
    }
    case 'handover_overdue':
      // The minutes when it was raised (the limit); the window's tile shows the running time.
      return { kind: 'handover_overdue', values: { number: windowNumber(), minutes: num(p.minutes, HANDOVER_LIMIT_MINUTES) } };
    case 'equipment_fault':
      return { kind: 'equipment_fault', values: { number: windowNumber() } };
    case 'late_sign_in':
      return { kind: 'late_sign_in', values: { number: windowNumber(), name: str(p.userName, str(p.staffName, str(p.name))) } };
    // Case alerts (docs/CASES-API.md): R-12 second-round notices and R-15 lights.
    case 'second_round_notice':
      return {
        kind: 'second_round_notice',
        values: { caseNumber: str(p.caseNumber, '?'), materials: Array.isArray(p.materialNames) ? p.materialNames.map((n) => str(n)).join('、') : '', name: str(p.issuedByName) },
      };
    case 'case_yellow':
    case 'case_red':
      return {
        kind: alert.kind,
        values: { caseNumber: str(p.caseNumber, '?'), service: str(p.serviceName), deadline: str(p.deadline), owner: str(p.ownerName) },
      };
    default:
      return { kind: 'unknown', values: { kind: String(alert.kind) } };
  }
}

/** Who sees the strip: the people who run and watch the hall. */
export const canSupervise = (role: Role): boolean => role === 'admin' || role === 'manager' || role === 'inspector';

/**
 * When an alert was raised, on the hall's clock: the time alone for today's, with the date for
 * one left open from an earlier day, so it does not read as this morning's.
 */
export function alertTime(raisedAt: string, timezone: string, now: number): string {
  const today = formatInZone(new Date(now).toISOString(), timezone, 'YYYY-MM-DD');
  const sameDay = formatInZone(raisedAt, timezone, 'YYYY-MM-DD') === today;
  return formatInZone(raisedAt, timezone, sameDay ? 'HH:mm' : 'MM-DD HH:mm');
}
