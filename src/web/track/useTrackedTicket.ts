// Follows the ticket live (ticketFeed: the server's stream, polling every 30 s only while it is
// down, and at once when the phone's screen comes back on); stops once the ticket is done or
// cancelled, or the link is wrong. Vibrates the phone when the ticket is called.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CALL_VIBRATION, isFinal, shouldAlert, type TrackedTicket } from './status';
import { followTicket, type TicketFeed } from './ticketFeed';
import { trackApi } from './trackApi';

export interface TrackState {
  ticket: TrackedTicket | null;
  /** The link does not name a ticket this token opens. */
  notFound: boolean;
  /** The live connection is down: what is shown may be old. */
  stale: boolean;
  /** The live connection is up: changes arrive as they happen. */
  live: boolean;
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
  const [live, setLive] = useState(false);
  const [stale, setStale] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const previous = useRef<TrackedTicket | null>(null);
  const feed = useRef<TicketFeed | null>(null);

  useEffect(() => {
    if (!ticketId || !token) {
      setNotFound(true);
      return undefined;
    }
    const current = followTicket(
      {
        streamUrl: trackApi.streamUrl(ticketId, token),
        get: (signal) => trackApi.get(ticketId, token, signal),
      },
      {
        onView: (next) => {
          if (shouldAlert(previous.current, next)) vibrate();
          previous.current = next;
          setTicket(next);
          setNotFound(false);
          setUpdatedAt(new Date());
          // Nothing more will come for a finished ticket: the closed stream is not a problem.
          if (isFinal(next.status)) setStale(false);
        },
        onNotFound: () => {
          setNotFound(true);
          setLive(false);
          setStale(false);
        },
        onLive: (up) => {
          setLive(up);
          setStale(!up);
        },
      },
    );
    feed.current = current;

    const onVisible = () => {
      if (document.visibilityState === 'visible') current.wake();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    return () => {
      current.stop();
      feed.current = null;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
    };
  }, [ticketId, token]);

  const refresh = useCallback(() => feed.current?.refresh(), []);
  return { ticket, notFound, stale, live, updatedAt, refresh };
}
