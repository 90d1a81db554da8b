// Polls the ticket every 10 s (and at once when the phone's screen comes back on); stops once the
// ticket is done or cancelled, or the link is wrong. Vibrates the phone when the ticket is called.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { CALL_VIBRATION, isFinal, shouldAlert, type TrackedTicket } from './status';
import { trackApi } from './trackApi';

export const POLL_MS = 10_000;

export interface TrackState {
  ticket: TrackedTicket | null;
  /** The link does not name a ticket this token opens. */
  notFound: boolean;
  /** The last poll failed (network): what is shown may be old. */
  stale: boolean;
  updatedAt: Date | null;
  refresh: () => void;
}

function vibrate(): void {
  try {
    if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(CALL_VIBRATION);
  } catch {
    // Not allowed (no user gesture yet) or not supported: the screen still says it loudly.
  }
}

export function useTrackedTicket(ticketId: string | undefined, token: string | null): TrackState {
  const [ticket, setTicket] = useState<TrackedTicket | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [stale, setStale] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const previous = useRef<TrackedTicket | null>(null);
  const pollNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!ticketId || !token) {
      setNotFound(true);
      return undefined;
    }
    let stopped = false;
    let running = false;
    let finished = false;
    let timer: number | null = null;
    const controller = new AbortController();

    const schedule = () => {
      if (timer !== null) window.clearTimeout(timer);
      timer = stopped || finished ? null : window.setTimeout(() => void poll(), POLL_MS);
    };

    const poll = async () => {
      if (stopped || running || finished) return;
      running = true;
      try {
        const next = await trackApi.get(ticketId, token, controller.signal);
        if (stopped) return;
        if (shouldAlert(previous.current, next)) vibrate();
        previous.current = next;
        setTicket(next);
        setNotFound(false);
        setStale(false);
        setUpdatedAt(new Date());
        if (isFinal(next.status)) finished = true;
      } catch (error) {
        if (stopped) return;
        if (isApiError(error) && [400, 401, 403, 404].includes(error.status)) {
          setNotFound(true);
          finished = true;
        } else {
          setStale(true);
        }
      } finally {
        running = false;
        schedule();
      }
    };

    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    pollNow.current = () => {
      // A tap on 刷新 asks again even after the ticket was done or the link looked wrong.
      finished = false;
      void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    void poll();
    return () => {
      stopped = true;
      controller.abort();
      if (timer !== null) window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
    };
  }, [ticketId, token]);

  const refresh = useCallback(() => pollNow.current(), []);
  return { ticket, notFound, stale, updatedAt, refresh };
}
