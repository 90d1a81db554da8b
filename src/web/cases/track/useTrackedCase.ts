// Loads the public case page's data, again when the phone's screen comes back on and every minute
// (a case moves in days, not seconds); stops on a wrong link.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrackedCase } from '../../api/case-types';
import { casesApi } from '../../api/cases';
import { isApiError } from '../../api/client';

const POLL_MS = 60_000;

export interface CaseTrackState {
  data: TrackedCase | null;
  notFound: boolean;
  stale: boolean;
  updatedAt: Date | null;
  refresh: () => void;
}

export function useTrackedCase(caseId: string | undefined, token: string | null): CaseTrackState {
  const [data, setData] = useState<TrackedCase | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [stale, setStale] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const pollNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!caseId || !token) {
      setNotFound(true);
      return undefined;
    }
    let stopped = false;
    let running = false;
    const controller = new AbortController();
    const poll = async () => {
      if (stopped || running) return;
      running = true;
      try {
        const next = await casesApi.track(caseId, token, controller.signal);
        if (stopped) return;
        setData(next);
        setNotFound(false);
        setStale(false);
        setUpdatedAt(new Date());
      } catch (error) {
        if (stopped) return;
        if (isApiError(error) && [400, 401, 403, 404].includes(error.status)) setNotFound(true);
        else setStale(true);
      } finally {
        running = false;
      }
    };
    const timer = window.setInterval(() => void poll(), POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    pollNow.current = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    void poll();
    return () => {
      stopped = true;
      controller.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [caseId, token]);

  const refresh = useCallback(() => pollNow.current(), []);
  return { data, notFound, stale, updatedAt, refresh };
}
