// The hall's queue state for the kiosk: fetched on start, on the event stream's ready/reset,
// shortly after any queue event (coalesced: a busy hall sends many), every so often as a safety
// net, and at the moment the hall opens or closes (no event announces the clock).
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { useHallEvents } from '../realtime/hallEvents';
import { msUntil } from './hours';
import { kioskApi, type QueueState } from './kioskApi';

const COALESCE_MS = 400;
const POLL_CONNECTED_MS = 60_000;
const POLL_DISCONNECTED_MS = 15_000;

export interface QueueFeed {
  state: QueueState | null;
  /** The last refresh failed (state, if any, is older). */
  error: unknown;
  /** The live event stream is connected. */
  live: boolean;
  refetch: () => void;
}

export function useQueue(token: string, hallId: string, onRevoked: () => void): QueueFeed {
  const [state, setState] = useState<QueueState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const pending = useRef<number | null>(null);
  const alive = useRef(true);
  const revoked = useRef(onRevoked);
  revoked.current = onRevoked;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (pending.current !== null) window.clearTimeout(pending.current);
    };
  }, []);

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        try {
          const next = await kioskApi.queue(token, hallId);
          if (!alive.current) return;
          setState(next);
          setError(null);
        } catch (e) {
          if (!alive.current) return;
          if (isApiError(e) && e.status === 401) revoked.current();
          setError(e);
        }
      } while (again.current);
    } finally {
      inFlight.current = false;
    }
  }, [token, hallId]);

  const refetch = useCallback(() => {
    void load();
  }, [load]);

  /** At most one refetch per COALESCE_MS, however many events arrive. */
  const schedule = useCallback(() => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void load();
    }, COALESCE_MS);
  }, [load]);

  const { connected } = useHallEvents(hallId, token, {
    onReady: refetch,
    onEvent: (e) => {
      if (e.name.startsWith('ticket.') || e.name.startsWith('window.') || e.name.startsWith('service.') || e.name.startsWith('hall.') || e.name === 'calendar.updated') {
        schedule();
      }
    },
  });

  useEffect(() => {
    refetch();
  }, [refetch]);

  useEffect(() => {
    const timer = window.setInterval(refetch, connected ? POLL_CONNECTED_MS : POLL_DISCONNECTED_MS);
    return () => window.clearInterval(timer);
  }, [refetch, connected]);

  // Look again just after the hall opens or closes.
  const boundary = state ? (state.hall.openNow ? state.hall.closesAt : state.hall.opensAt) : null;
  useEffect(() => {
    const ms = msUntil(boundary, new Date());
    if (ms === null) return undefined;
    const timer = window.setTimeout(refetch, ms + 1500);
    return () => window.clearTimeout(timer);
  }, [boundary, refetch]);

  return { state, error, live: connected, refetch };
}
