// Follows one ticket for the tracking page: the server's live stream of the ticket's view while
// it is up, and a plain request every 30 s only while it is down (a phone on a flaky network,
// a proxy that buffers streams). The stream is read with fetch rather than EventSource: fetch
// sees the status (a 404 means a wrong link, not "try again forever") and silence can be timed
// (the server sends a comment every 15 s, which EventSource would hide), so a connection that
// died while the phone slept is noticed and replaced.
import { isApiError } from '../api/client';
import { readSseStream, reconnectDelay } from '../realtime/sse-stream';
import { isFinal, type TrackedTicket } from './status';

export const FALLBACK_POLL_MS = 30_000;

export interface FeedHandlers {
  /** A new view of the ticket, from the stream or a request. */
  onView: (view: TrackedTicket) => void;
  /** The link does not name a ticket its token opens. */
  onNotFound: () => void;
  /** The stream came up (true) or went down (false): while down, what is shown may be old. */
  onLive: (live: boolean) => void;
}

export interface FeedDeps {
  /** The ticket's stream, e.g. /api/v1/tickets/{id}/events?token=… */
  streamUrl: string;
  /** One plain request for the ticket's view (throws ApiError). */
  get: (signal: AbortSignal) => Promise<TrackedTicket>;
  fetch?: typeof fetch;
  fallbackPollMs?: number;
  stallMs?: number;
  /** Delay before reconnect attempt n (1, 2, …). */
  backoffMs?: (attempt: number) => number;
}

export interface TicketFeed {
  /** Asks now (the 刷新 button), even after the ticket ended or the link looked wrong. */
  refresh: () => void;
  /** The screen came back on or the network returned: catch up now. */
  wake: () => void;
  stop: () => void;
}

const LINK_REFUSED = [400, 401, 403, 404];

export function followTicket(deps: FeedDeps, handlers: FeedHandlers): TicketFeed {
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const fallbackPollMs = deps.fallbackPollMs ?? FALLBACK_POLL_MS;
  const backoff = deps.backoffMs ?? reconnectDelay;

  let stopped = false;
  /** Done, cancelled or a wrong link: nothing more to follow until the person asks. */
  let finished = false;
  let streaming = false;
  let live = false;
  let attempt = 0;
  /** Bumped by every view shown, so an answer that was overtaken by the stream is dropped. */
  let version = 0;
  let polling: Promise<void> | null = null;
  let stream: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  const requests = new AbortController();

  const clearTimers = () => {
    if (retryTimer) clearTimeout(retryTimer);
    if (pollTimer) clearTimeout(pollTimer);
    retryTimer = null;
    pollTimer = null;
  };

  const finish = () => {
    finished = true;
    clearTimers();
    stream?.abort();
  };

  const show = (view: TrackedTicket) => {
    version += 1;
    handlers.onView(view);
    if (isFinal(view.status)) finish();
  };

  const refused = () => {
    finish();
    handlers.onNotFound();
  };

  const poll = (): Promise<void> => {
    polling ??= (async () => {
      const asked = version;
      try {
        const view = await deps.get(requests.signal);
        if (!stopped && version === asked) show(view);
      } catch (error) {
        if (!stopped && isApiError(error) && LINK_REFUSED.includes(error.status)) refused();
        // Otherwise the network: keep what is shown, marked stale while the stream is down.
      } finally {
        polling = null;
      }
    })();
    return polling;
  };

  // Polling is the fallback: it runs only while the stream is down.
  const schedulePoll = () => {
    if (pollTimer || live || finished || stopped) return;
    pollTimer = setTimeout(() => {
      pollTimer = null;
      void poll().then(schedulePoll);
    }, fallbackPollMs);
  };

  const connect = async () => {
    if (stopped || finished || streaming) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    streaming = true;
    const ctl = new AbortController();
    stream = ctl;
    try {
      const res = await doFetch(deps.streamUrl, { headers: { accept: 'text/event-stream' }, cache: 'no-store', signal: ctl.signal });
      if (LINK_REFUSED.includes(res.status)) {
        refused();
        return;
      }
      if (!res.ok || !res.body) throw new Error(`ticket stream: HTTP ${res.status}`);
      attempt = 0;
      live = true;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
      handlers.onLive(true);
      await readSseStream(res.body, ctl, (m) => {
        if (m.event !== 'ticket' || stopped) return;
        try {
          show(JSON.parse(m.data) as TrackedTicket);
        } catch {
          // A garbled message: the next one, or the fallback, brings the view.
        }
      }, deps.stallMs);
    } catch {
      // Dropped, refused by the network or stalled: reconnect below.
    } finally {
      streaming = false;
      if (stream === ctl) stream = null;
    }
    live = false;
    // The stream ends by itself after the final view; that is not a failure.
    if (stopped || finished) return;
    handlers.onLive(false);
    // A first connection that never came up leaves the page empty: ask at once.
    if (version === 0) void poll();
    schedulePoll();
    attempt += 1;
    retryTimer = setTimeout(() => void connect(), backoff(attempt));
  };

  void connect();

  return {
    refresh() {
      if (stopped) return;
      finished = false;
      void poll().then(() => {
        attempt = 0;
        void connect();
      });
    },
    wake() {
      if (stopped || finished) return;
      void poll();
      attempt = 0;
      void connect();
    },
    stop() {
      stopped = true;
      clearTimers();
      stream?.abort();
      requests.abort();
    },
  };
}
