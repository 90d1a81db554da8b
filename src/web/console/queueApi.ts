// The queue endpoints the staff console and the supervisor strip use (docs/QUEUE-API.md).
// Shapes follow the contract; fields the server may add later are optional here.
import { api, seg } from '../api/client';
import type { ServiceWindow, WindowStatus } from '../api/types';
import type { QueueHall, QueueService } from '../api/queue-types';

export type { QueueHall, QueueService } from '../api/queue-types';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
export type TicketPriority = 'normal' | 'priority';
export type PriorityReason = 'elderly' | 'disabled' | 'pregnant' | 'military' | 'urgent';
export type PauseReason = 'handover' | 'equipment' | 'break' | 'other';
export const PAUSE_REASONS: readonly PauseReason[] = ['handover', 'equipment', 'break', 'other'];
export type CompletionOutcome = 'done' | 'notice_issued' | 'refused' | 'referred';
export const COMPLETION_OUTCOMES: readonly CompletionOutcome[] = ['done', 'notice_issued', 'refused', 'referred'];
export type TransferPosition = 'front' | 'back';

export interface WindowPause {
  reason: PauseReason;
  note: string | null;
  since: string;
}

export interface WindowStaff {
  id: string;
  name: string;
  staffNumber: string | null;
  photoUrl: string | null;
}

/** A window's current ticket as /queue and GET /windows/{id} send it. */
export interface CurrentTicket {
  id: string;
  number: string;
  status: 'called' | 'serving';
  serviceId: string;
  calledAt: string | null;
  startedAt: string | null;
  recalls: number;
  priority: TicketPriority;
  priorityReason?: PriorityReason | null;
  waitedMinutes?: number | null;
  queuedAt?: string | null;
  issuedAt?: string | null;
}

/** A ticket as the ticket actions (call-next, recall, start, …) return it. */
export interface QueueTicket {
  id: string;
  number: string;
  serviceId: string;
  serviceName?: string;
  status: TicketStatus;
  priority: TicketPriority;
  priorityReason: PriorityReason | null;
  issuedAt: string;
  queuedAt: string | null;
  calledAt: string | null;
  startedAt: string | null;
  recalls: number;
  windowId: string | null;
  waitedMinutes: number | null;
}

export interface QueueWindow {
  id: string;
  number: number;
  name: string;
  status: WindowStatus;
  serviceIds: string[];
  pause: WindowPause | null;
  staff: WindowStaff | null;
  /** Who signed in, when, and whether late. */
  session?: WindowSession | null;
  currentTicket: CurrentTicket | null;
}

export type AlertKind = 'service_unattended' | 'handover_overdue' | 'equipment_fault' | 'late_sign_in';

export interface QueueAlert {
  id: string;
  kind: AlertKind | string;
  payload: Record<string, unknown>;
  raisedAt: string;
  resolvedAt?: string | null;
}

export interface HallQueue {
  hall: QueueHall;
  services: QueueService[];
  windows: QueueWindow[];
  alerts: QueueAlert[];
}

export interface ChecklistItem {
  id: string;
  /** The server may localise the label, or send both languages. */
  label: string | Record<string, string>;
}

export interface WindowSession {
  userId: string;
  userName: string;
  openedAt: string;
  late: boolean;
}

/** GET /windows/{id} (with openingChecklist) and the answers of open/pause/resume/close (with session). */
export interface WindowDetail extends ServiceWindow {
  openingChecklist?: ChecklistItem[];
  session?: WindowSession | null;
  pause: WindowPause | null;
  currentTicket: CurrentTicket | null;
}

export interface WaitingService {
  serviceId: string;
  name: string;
  waiting: number;
}

export type TransferTarget = { serviceId: string } | { windowId: string };

const ticketAction = (ticketId: string, verb: string, body?: unknown) =>
  api.post<{ ticket: QueueTicket }>(`/tickets/${seg(ticketId)}/${verb}`, body).then((r) => r.ticket);

export const queueApi = {
  queue: (hallId: string, signal?: AbortSignal) => api.get<HallQueue>(`/halls/${seg(hallId)}/queue`, { signal }),
  window: (windowId: string, signal?: AbortSignal) => api.get<WindowDetail>(`/windows/${seg(windowId)}`, { signal }),
  open: (windowId: string, checklist: Record<string, true>) =>
    api.post<WindowDetail>(`/windows/${seg(windowId)}/open`, { checklist }),
  pause: (windowId: string, reason: PauseReason, note?: string) =>
    api.post<WindowDetail>(`/windows/${seg(windowId)}/pause`, { reason, note: note || undefined }),
  resume: (windowId: string) => api.post<WindowDetail>(`/windows/${seg(windowId)}/resume`),
  close: (windowId: string, override?: { reason: string }) =>
    api.post<WindowDetail>(`/windows/${seg(windowId)}/close`, override ? { override: true, reason: override.reason } : {}),
  /** null when nobody waits (204). */
  callNext: (windowId: string) =>
    api.post<{ ticket: QueueTicket } | undefined>(`/windows/${seg(windowId)}/call-next`).then((r) => r?.ticket ?? null),
  recall: (ticketId: string) => ticketAction(ticketId, 'recall'),
  start: (ticketId: string) => ticketAction(ticketId, 'start'),
  /** onDemand: at once, before the recalls are used up — the citizen said they are leaving (logged). */
  noShow: (ticketId: string, onDemand?: { note: string }) =>
    ticketAction(ticketId, 'no-show', onDemand ? { onDemand: true, note: onDemand.note } : {}),
  complete: (ticketId: string, outcome: CompletionOutcome, note?: string) =>
    ticketAction(ticketId, 'complete', { outcome, note: note || undefined }),
  transfer: (ticketId: string, to: TransferTarget, position: TransferPosition, note?: string) =>
    ticketAction(ticketId, 'transfer', { ...to, position, note: note || undefined }),
  alerts: (hallId: string, signal?: AbortSignal) =>
    api
      .get<{ items: QueueAlert[] }>(`/halls/${seg(hallId)}/alerts`, { query: { status: 'open' }, signal })
      .then((r) => r.items),
  resolveAlert: (alertId: string) => api.post<unknown>(`/alerts/${seg(alertId)}/resolve`),
};

/** The services still waiting from a 409 tickets_waiting, or [] when the details say nothing. */
export function waitingServicesOf(details: unknown): WaitingService[] {
  if (!details || typeof details !== 'object') return [];
  const services = (details as { services?: unknown }).services;
  if (!Array.isArray(services)) return [];
  return services.flatMap((s: unknown) => {
    if (!s || typeof s !== 'object') return [];
    const { serviceId, name, waiting } = s as Record<string, unknown>;
    return typeof serviceId === 'string'
      ? [{ serviceId, name: typeof name === 'string' ? name : serviceId, waiting: typeof waiting === 'number' ? waiting : 0 }]
      : [];
  });
}

/** A checklist label in the UI language. */
export function checklistLabel(item: ChecklistItem, language: string): string {
  if (typeof item.label === 'string') return item.label;
  return item.label[language] ?? item.label['zh-CN'] ?? Object.values(item.label)[0] ?? item.id;
}
