// A small Server-Sent Events client for tests: node's fetch with a streaming body reader,
// parsing `id:`, `event:`, `data:` and `retry:` fields as the HTML spec does (comments and
// heartbeats are ignored, multi-line data is joined with "\n"). Nothing reconnects by itself:
// a test that wants to resume opens a new stream with `lastEventId`.
//
//   const sse = await openSse(`${base}/api/v1/halls/${id}/events`, { bearer: token });
//   expect(sse.status).toBe(200);
//   const ready = await sse.next();              // { id: '3', event: 'ready', data: '…' }
//   const e = await sse.waitFor((e) => e.event === 'hall.updated');
//   sse.close();
//
// `close()` is idempotent and safe to call from afterEach/finally whatever state the stream is in.

export interface SseEvent {
  /** The `id:` of this event, or null when the event carried none. */
  id: string | null;
  /** The `event:` name; "message" when the event carried none. */
  event: string;
  data: string;
}

export interface SseOptions {
  /** Sent as the Last-Event-ID header. */
  lastEventId?: string | number;
  /** Sent as `Authorization: Bearer …` (devices). */
  bearer?: string;
  /** Sent as the Cookie header (signed-in people), e.g. `ck_session=…`. */
  cookie?: string;
  headers?: Record<string, string>;
  /** How long to wait for the response headers. */
  connectTimeoutMs?: number;
}

export interface SseClient {
  readonly status: number;
  readonly headers: Headers;
  /** For a response that is not a stream (4xx/5xx): its body, already read. */
  readonly body: string | null;
  /** Every event received so far, in order. */
  readonly events: readonly SseEvent[];
  /** The last `id:` received (what a browser would send as Last-Event-ID), or null. */
  readonly lastEventId: string | null;
  /** The last `retry:` received, in milliseconds, or null. */
  readonly retry: number | null;
  /** True once the stream has ended, by either side. */
  readonly ended: boolean;
  /** Settles when the stream ends (server closed it, network error, or close()). */
  readonly done: Promise<void>;
  /** The next event not yet taken by next()/waitFor(); rejects on timeout or end of stream. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Skips events (from the unread ones on) until one matches; that one is returned. */
  waitFor(predicate: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves once the stream has ended; rejects after the timeout. */
  waitForEnd(timeoutMs?: number): Promise<void>;
  /** Called for every event as it arrives (in addition to the buffer). */
  onEvent(listener: (e: SseEvent) => void): void;
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 5000;

/** The JSON in an event's data. */
export function dataOf<T = Record<string, unknown>>(e: SseEvent): T {
  return JSON.parse(e.data) as T;
}

export async function openSse(url: string, options: SseOptions = {}): Promise<SseClient> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.cookie) headers.cookie = options.cookie;

  const connectTimer = setTimeout(() => controller.abort(new Error(`SSE connect timeout: ${url}`)), options.connectTimeoutMs ?? 10_000);
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: controller.signal });
  } finally {
    clearTimeout(connectTimer);
  }

  const events: SseEvent[] = [];
  const listeners: ((e: SseEvent) => void)[] = [];
  const waiters = new Set<() => void>();
  let readIndex = 0;
  let ended = false;
  let lastEventId: string | null = null;
  let retry: number | null = null;
  let body: string | null = null;
  let endError: unknown = null;
  const wake = () => { for (const w of [...waiters]) w(); };

  const isStream = res.ok && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
  let done: Promise<void>;
  if (!isStream) {
    body = await res.text().catch(() => '');
    ended = true;
    done = Promise.resolve();
  } else {
    done = (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      controller.signal.addEventListener('abort', () => { reader.cancel().catch(() => {}); }, { once: true });
      // Parser state, per https://html.spec.whatwg.org/multipage/server-sent-events.html
      let buffer = '';
      let dataLines: string[] = [];
      let eventName = '';
      let eventId: string | null = null;
      let sawId = false;
      const dispatch = () => {
        if (sawId) lastEventId = eventId;
        if (dataLines.length > 0) {
          const e: SseEvent = { id: sawId ? eventId : null, event: eventName || 'message', data: dataLines.join('\n') };
          events.push(e);
          for (const l of listeners) l(e);
          wake();
        }
        dataLines = [];
        eventName = '';
        eventId = null;
        sawId = false;
      };
      const line = (l: string) => {
        if (l === '') return dispatch();
        if (l.startsWith(':')) return; // comment (heartbeat)
        const colon = l.indexOf(':');
        const field = colon === -1 ? l : l.slice(0, colon);
        let value = colon === -1 ? '' : l.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') dataLines.push(value);
        else if (field === 'event') eventName = value;
        else if (field === 'id' && !value.includes('\0')) { eventId = value; sawId = true; }
        else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
      };
      try {
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          buffer += value;
          // A line ends at \r\n, \n or \r; a trailing \r may be half of a \r\n still in flight.
          for (;;) {
            const m = /\r\n|\n|\r/.exec(buffer);
            if (!m) break;
            if (m[0] === '\r' && m.index === buffer.length - 1) break;
            line(buffer.slice(0, m.index));
            buffer = buffer.slice(m.index + m[0].length);
          }
        }
      } catch (err) {
        if (!controller.signal.aborted) endError = err;
      } finally {
        ended = true;
        wake();
      }
    })();
  }

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        let result: T | undefined;
        try {
          result = check();
        } catch (err) {
          finish();
          reject(err);
          return;
        }
        if (result !== undefined) { finish(); resolve(result); return; }
        if (ended) {
          finish();
          reject(new Error(`SSE stream ended while waiting for ${what}${endError ? ` (${String(endError)})` : ''}; received: ${describe(events)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`SSE timeout after ${timeoutMs} ms waiting for ${what}; received: ${describe(events)}`));
      }, timeoutMs);
      const finish = () => { clearTimeout(timer); waiters.delete(attempt); };
      waiters.add(attempt);
      attempt();
    });

  return {
    status: res.status,
    headers: res.headers,
    get body() { return body; },
    events,
    get lastEventId() { return lastEventId; },
    get retry() { return retry; },
    get ended() { return ended; },
    done,
    next(timeoutMs = DEFAULT_TIMEOUT_MS) {
      return waitUntil(() => (readIndex < events.length ? events[readIndex++] : undefined), timeoutMs, 'the next event');
    },
    waitFor(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return waitUntil(() => {
        while (readIndex < events.length) {
          const e = events[readIndex++]!;
          if (predicate(e)) return e;
        }
        return undefined;
      }, timeoutMs, 'a matching event');
    },
    waitForEnd(timeoutMs = DEFAULT_TIMEOUT_MS) {
      return waitUntil(() => (ended ? true : undefined), timeoutMs, 'the end of the stream').then(() => {});
    },
    onEvent(listener) { listeners.push(listener); },
    close() {
      if (!controller.signal.aborted) controller.abort();
      ended = true;
      wake();
    },
  };
}

function describe(events: readonly SseEvent[]): string {
  const tail = events.slice(-10).map((e) => `${e.event}#${e.id ?? '-'}`).join(', ');
  return `${events.length} event(s)${events.length ? ` … ${tail}` : ''}`;
}
