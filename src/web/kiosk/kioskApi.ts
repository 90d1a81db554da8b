// The kiosk's calls, made with its device token (Authorization: Bearer …). Not through the
// shared client: a 401 here means "this device's token is gone", not "the user signed out".
import { ApiError, buildUrl, seg } from '../api/client';
import { currentLanguage } from '../i18n/setup';

export type PriorityReason = 'elderly' | 'disabled' | 'pregnant' | 'military' | 'urgent';
export const PRIORITY_REASONS: readonly PriorityReason[] = ['elderly', 'disabled', 'pregnant', 'military', 'urgent'];

export interface DeviceMe {
  id: string;
  kind: 'kiosk' | 'display' | 'evaluator';
  name: string;
  hallId: string;
  hallName: string;
}

export interface QueueHall {
  id: string;
  name: string;
  timezone: string;
  openNow: boolean;
  opensAt: string | null;
  closesAt: string | null;
  todayHours: Array<{ open: string; close: string }>;
}

export interface QueueService {
  id: string;
  name: string;
  ticketPrefix: string;
  waiting: number;
  priorityWaiting: number;
  openWindows: number;
  estimatedWaitMinutes: number | null;
  longestWaitMinutes: number;
}

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
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let details: unknown = null;
  try {
    const payload = (await response.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const e = payload?.error;
    if (e && typeof e.code === 'string') code = e.code;
    if (e && typeof e.message === 'string') message = e.message;
    details = e?.details ?? null;
  } catch {
    // Not JSON: keep the HTTP status as the code.
  }
  return new ApiError({ status: response.status, code, message, details });
}

async function deviceRequest<T>(token: string, method: string, path: string, json?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    Authorization: `Bearer ${token}`,
  };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: String(error) });
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export const kioskApi = {
  me: (token: string, signal?: AbortSignal) => deviceRequest<DeviceMe>(token, 'GET', '/devices/me', undefined, signal),
  queue: (token: string, hallId: string, signal?: AbortSignal) =>
    deviceRequest<QueueState>(token, 'GET', `/halls/${seg(hallId)}/queue`, undefined, signal),
  issue: (token: string, hallId: string, input: IssueInput) =>
    deviceRequest<IssuedTicket>(token, 'POST', `/halls/${seg(hallId)}/tickets`, input),
};
