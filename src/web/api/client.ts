// Fetch wrapper for the same-origin JSON API under /api/v1.
// Errors arrive as {"error":{"code","message","details"}} and are thrown as ApiError.
import { currentLanguage } from '../i18n/setup';

export const API_BASE = '/api/v1';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  retryAfterSeconds?: number | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** From the Retry-After header (or details.retryAfter), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as a JSON body. */
  json?: unknown;
  /** Sent as a raw body (e.g. a photo), with contentType or the blob's own type. */
  body?: Blob;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not treat a 401 from this call as "the session has ended". */
  expectUnauthorized?: boolean;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Subscribe to "the server says we are no longer signed in". Returns an unsubscribe function. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(header: string | null, details: unknown): number | null {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  if (details && typeof details === 'object') {
    const record = details as Record<string, unknown>;
    for (const key of ['retryAfterSeconds', 'retryAfter']) {
      const value = record[key];
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.ceil(value));
    }
  }
  return null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let details: unknown = null;
  try {
    const payload: unknown = await response.json();
    const error = payload && typeof payload === 'object' ? (payload as { error?: unknown }).error : undefined;
    if (error && typeof error === 'object') {
      const e = error as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof e.code === 'string') code = e.code;
      if (typeof e.message === 'string') message = e.message;
      details = e.details ?? null;
    }
  } catch {
    // Not JSON (a proxy page, an empty body): keep the HTTP status as the code.
  }
  return new ApiError({
    status: response.status,
    code,
    message,
    details,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After'), details),
  });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || options.body.type || 'application/octet-stream';
    body = options.body;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: String(error) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.expectUnauthorized && error.code !== 'invalid_credentials') {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, json?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, json }),
  patch: <T>(path: string, json: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, json }),
  put: <T>(path: string, json: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, json }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** Encodes one path segment (ids are opaque strings). */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
