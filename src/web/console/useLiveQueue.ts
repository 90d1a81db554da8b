// The hall's queue (GET /halls/{hallId}/queue), kept current by the hall's live events: every
// event and every (re)connection refetch it, debounced so that a burst costs one request.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useReportError } from '../errors/useReportError';
import { type HallEventMessage, useHallEvents } from '../realtime/hallEvents';
import { type HallQueue, queueApi } from './queueApi';

const DEBOUNCE_MS = 250;

export interface LiveQueue {
  queue: HallQueue | undefined;
  loading: boolean;
  error: unknown;
  connected: boolean;
  /** Refetch now (after this screen's own action); resolves once the new state is in. */
  reload: () => Promise<void>;
  /** Refetch soon, collapsing bursts. */
  reloadSoon: () => void;
}

export function useLiveQueue(hallId: string, onEvent?: (event: HallEventMessage) => void): LiveQueue {
  const reportError = useReportError();
  const [queue, setQueue] = useState<HallQueue | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const reported = useRef(false);

  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    return queueApi.queue(hallId, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setQueue(data);
        setError(null);
        setLoading(false);
        reported.current = false;
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
        // One toast per outage, not one per event.
        if (!reported.current) reportError(e);
        reported.current = true;
      },
    );
  }, [hallId, reportError]);

  const reloadSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => void reload(), DEBOUNCE_MS);
  }, [reload]);

  useEffect(() => {
    setQueue(undefined);
    setLoading(true);
    void reload();
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      inflight.current?.abort();
    };
  }, [reload]);

  const { connected } = useHallEvents(hallId, null, {
    onReady: reloadSoon,
    onEvent: (event) => {
      onEvent?.(event);
      reloadSoon();
    },
  });

  return { queue, loading, error, connected, reload, reloadSoon };
}
