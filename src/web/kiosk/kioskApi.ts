// The kiosk's calls, made with its device token (Authorization: Bearer …). Not through the
// shared client: a 401 here means "this device's token is gone", not "the user signed out".
import { seg } from '../api/client';
import { deviceRequest, type DeviceMe } from '../api/device-request';
import type { QueueHall, QueueService } from '../api/queue-types';

export type PriorityReason = 'elderly' | 'disabled' | 'pregnant' | 'military' | 'urgent';
export const PRIORITY_REASONS: readonly PriorityReason[] = ['elderly', 'disabled', 'pregnant', 'military', 'urgent'];

export type { DeviceMe } from '../api/device-request';

export type { QueueHall, QueueService } from '../api/queue-types';

export interface QueueState {
  hall: QueueHall;
  services: QueueService[];
}

export interface IssueInput {
  serviceId: string;
  priority?: 'normal' | 'priority';
  priorityReason?: PriorityReason;
  phone?: string;
}

export interface IssuedTicket {
  id: string;
  number: string;
  serviceId: string;
  serviceName: string;
  status: string;
  ahead: number;
  estimatedWaitMinutes: number | null;
  trackToken: string;
  trackUrl: string;
  issuedAt: string;
  hallName: string;
  /** Every window of the service was paused when the ticket was issued. */
  windowsPaused: boolean;
}

export const kioskApi = {
  me: (token: string, signal?: AbortSignal) => deviceRequest<DeviceMe>(token, 'GET', '/devices/me', undefined, signal).then((r) => r.data),
  queue: (token: string, hallId: string, signal?: AbortSignal) =>
    deviceRequest<QueueState>(token, 'GET', `/halls/${seg(hallId)}/queue`, undefined, signal).then((r) => r.data),
  issue: (token: string, hallId: string, input: IssueInput) =>
    deviceRequest<IssuedTicket>(token, 'POST', `/halls/${seg(hallId)}/tickets`, input).then((r) => r.data),
};
