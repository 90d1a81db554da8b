// A hall's live events for the screens. EventSource cannot send an Authorization header (the
// kiosk and the board authenticate with device tokens), so this reads the SSE stream with
// fetch, remembers the last event id, and on any drop reconnects with Last-Event-ID — the
// server then replays exactly what was missed. `onReady` fires on the first connection and
// whenever the server says the missed events are gone (`reset`): the screen reloads its state.
import { useEffect, useRef, useState } from 'react';
import type { HallEventName } from '../../core/events/hall-events';
import type { SseMessage } from './sse-parser';
import { readSseStream, reconnectDelay } from './sse-stream';

export interface HallEventMessage {
  id: number;
  name: HallEventName;
  data: Record<string, unknown>;
}

export interface HallEventHandlers {
  onEvent?: (event: HallEventMessage) => void;
  /** First connection, and after a reset: refetch the screen's state. */
  onReady?: () => void;
  onStatus?: (connected: boolean) => void;
}

export interface SubscribeOptions extends HallEventHandlers {
  /** A device token (kiosk, display); without it the session cookie is used. */
  token?: string | null;
}

export function subscribeHallEvents(hallId: string, options: SubscribeOptions): () => void {
  let stopped = false;
  let lastEventId: string | null = null;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const connect = async () => {
    if (stopped) return;
    controller = new AbortController();
    const ctl = controller;
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (lastEventId !== null) headers['last-event-id'] = lastEventId;
      const res = await fetch(`/api/v1/halls/${encodeURIComponent(hallId)}/events`, {
        headers, credentials: 'same-origin', cache: 'no-store', signal: ctl.signal,
      });
      if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
      attempt = 0;
      options.onStatus?.(true);
      await readSseStream(res.body, ctl, deliver);
    } catch {
      // Dropped, refused or stalled: fall through to reconnect.
    }
    if (stopped) return;
    options.onStatus?.(false);
    attempt += 1;
    retryTimer = setTimeout(() => { void connect(); }, reconnectDelay(attempt));
  };

  const deliver = (m: SseMessage) => {
    if (m.id !== null) lastEventId = m.id;
    if (m.event === 'ready' || m.event === 'reset') {
      options.onReady?.();
      return;
    }
    if (!m.event || m.id === null) return;
    let data: Record<string, unknown> = {};
    try { data = JSON.parse(m.data) as Record<string, unknown>; } catch { /* keep empty */ }
    options.onEvent?.({ id: Number(m.id), name: m.event as HallEventName, data });
  };

  void connect();
  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    controller?.abort();
  };
}

/** React binding: handlers may change on every render without reconnecting. */
export function useHallEvents(hallId: string | null | undefined, token: string | null | undefined, handlers: HallEventHandlers): { connected: boolean } {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!hallId) return undefined;
    return subscribeHallEvents(hallId, {
      token,
      onEvent: (e) => ref.current.onEvent?.(e),
      onReady: () => ref.current.onReady?.(),
      onStatus: (c) => { setConnected(c); ref.current.onStatus?.(c); },
    });
  }, [hallId, token]);
  return { connected };
}
