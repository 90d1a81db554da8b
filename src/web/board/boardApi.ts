// The board's calls to the API, authenticated with the display's device token (api/client.ts
// sends the session cookie only). Errors are ApiError, as everywhere in the web app.
import { seg } from '../api/client';
import { deviceRequest, type DeviceMe } from '../api/device-request';

export type PauseReason = 'handover' | 'equipment' | 'break' | 'other';
export type WindowStatus = 'closed' | 'open' | 'paused';

export type { DeviceMe } from '../api/device-request';

export interface BoardStaff {
  name: string;
  staffNumber?: string | null;
  /** ../shared/API.md spells it `number`. */
  number?: string | null;
  photoUrl?: string | null;
}

export interface BoardWindow {
  id: string;
  number: number;
  name: string;
  status: WindowStatus;
  /** redirectTo: the open windows serving the same services; empty when there are none. */
  pause?: { reason: PauseReason | string; note?: string | null; since?: string; redirectTo?: number[] } | null;
  staff?: BoardStaff | null;
  currentTicket?: { number: string; status?: string } | null;
}

export interface BoardCall {
  ticketId?: string;
  number: string;
  windowNumber: number;
  at: string;
  recall?: boolean;
}

export interface BoardWaiting {
  serviceId: string;
  name?: string;
  ticketPrefix?: string;
  count: number;
}

export interface BoardHall {
  name: string;
  timezone?: string;
  todayHours?: { open: string; close: string }[];
  openNow?: boolean;
}

export interface BoardState {
  hall: BoardHall;
  windows: BoardWindow[];
  recentCalls: BoardCall[];
  waiting: BoardWaiting[];
}

export interface Fetched<T> {
  data: T;
  /** Server clock minus this machine's clock, from the Date header (ms; 0 when absent). */
  clockOffsetMs: number;
}

async function deviceGet<T>(path: string, token: string, signal?: AbortSignal): Promise<Fetched<T>> {
  const { data, serverDate, sentAt, receivedAt } = await deviceRequest<T>(token, 'GET', path, undefined, signal);
  // The header has whole seconds; +500 ms centres the error. Offsets under 2 s are noise.
  const offset = serverDate === null ? 0 : serverDate + 500 - (sentAt + receivedAt) / 2;
  return { data, clockOffsetMs: Math.abs(offset) < 2_000 ? 0 : offset };
}

export const boardApi = {
  me: (token: string, signal?: AbortSignal) => deviceGet<DeviceMe>('/devices/me', token, signal),
  board: (hallId: string, token: string, signal?: AbortSignal) =>
    deviceGet<BoardState>(`/halls/${seg(hallId)}/board`, token, signal),
  /** Only for the hall's time zone, when /board does not carry it. */
  queueHall: (hallId: string, token: string, signal?: AbortSignal) =>
    deviceGet<{ hall: { timezone?: string } }>(`/halls/${seg(hallId)}/queue`, token, signal),
};
