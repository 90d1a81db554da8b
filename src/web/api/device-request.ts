// Requests made by a hall device (kiosk, display board) with its token. Not through the
// shared client: a 401 here means "this device's token is gone", not "the person signed out",
// and no session cookie is sent.
import { ApiError, buildUrl } from './client';
import { currentLanguage } from '../i18n/setup';

export interface DeviceMe {
  id: string;
  kind: 'kiosk' | 'display' | 'evaluator';
  name: string;
  hallId: string;
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

export interface DeviceResponse<T> {
  data: T;
  /** The server's Date header and when the request left and came back, for clock correction. */
  serverDate: number | null;
  sentAt: number;
  receivedAt: number;
}

export async function deviceRequest<T>(token: string, method: string, path: string, json?: unknown, signal?: AbortSignal): Promise<DeviceResponse<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    Authorization: `Bearer ${token}`,
  };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = Date.now();
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method, headers, body: json === undefined ? undefined : JSON.stringify(json), credentials: 'omit', cache: 'no-store', signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: String(error) });
  }
  const receivedAt = Date.now();
  if (!response.ok) throw await errorFrom(response);
  const data = (await response.json()) as T;
  const date = Date.parse(response.headers.get('Date') ?? '');
  return { data, serverDate: Number.isNaN(date) ? null : date, sentAt, receivedAt };
}
