// The board's state from GET /halls/{id}/board: loaded on start, on every (re)connection of the
// event stream (`ready`, `reset`), shortly after each event (debounced), and once a minute (the
// hall opens and closes by the clock, with no event). A load never overwrites a newer one, and a
// failed load is retried and reported, so the screen can say its data may be out of date.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { DEFAULT_TIMEZONE } from '../time/zone';
import { type BoardCall, type BoardState, boardApi } from './boardApi';

const DEBOUNCE_MS = 250;
const MAX_DELAY_MS = 1_500;
const RETRY_MS = 3_000;
const PERIODIC_MS = 60_000;

export interface BoardData {
  board: BoardState | null;
  /** The last load failed (the screen may be out of date); a retry is scheduled. */
  failed: boolean;
  /** Server clock minus this machine's clock (ms). */
  clockOffsetMs: number;
  timezone: string;
  /** Load now (coalesced with a load in flight). */
  reload: () => void;
  /** Load soon: events come in bursts (a call is also a window change and a queue change). */
  reloadSoon: () => void;
  /** Shows a call at once, before the reload that confirms it. */
  applyCall: (call: BoardCall) => void;
}

export function useBoardData(hallId: string, token: string, onUnauthorized: () => void): BoardData {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [failed, setFailed] = useState(false);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [queueTimezone, setQueueTimezone] = useState<string | null>(null);

  const inFlight = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const debounceTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstRequestAt = useRef<number | null>(null);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    try {
      do {
        again.current = false;
        const result = await boardApi.board(hallId, token);
        if (!alive.current) return;
        if (again.current) continue; // an event came during the request: its answer may predate it
        setBoard(result.data);
        setClockOffsetMs(result.clockOffsetMs);
        setFailed(false);
      } while (again.current && alive.current);
    } catch (error) {
      if (!alive.current) return;
      if (isApiError(error) && (error.status === 401 || error.status === 403)) {
        unauthorized.current();
        return;
      }
      setFailed(true);
      retryTimer.current = setTimeout(() => void load(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
  }, [hallId, token]);

  const reload = useCallback(() => {
    if (debounceTimer.current) clearTimeout(debounceTimer.current);
    debounceTimer.current = null;
    firstRequestAt.current = null;
    void load();
  }, [load]);

  const reloadSoon = useCallback(() => {
    const now = Date.now();
    firstRequestAt.current ??= now;
    if (debounceTimer.current) clearTimeout(debounceTimer.current);
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, firstRequestAt.current + MAX_DELAY_MS - now));
    debounceTimer.current = setTimeout(() => {
      debounceTimer.current = null;
      firstRequestAt.current = null;
      void load();
    }, delay);
  }, [load]);

  useEffect(() => {
    alive.current = true;
    void load();
    const periodic = setInterval(() => void load(), PERIODIC_MS);
    return () => {
      alive.current = false;
      clearInterval(periodic);
      if (retryTimer.current) clearTimeout(retryTimer.current);
      if (debounceTimer.current) clearTimeout(debounceTimer.current);
    };
  }, [load]);

  // The hall's time zone: /board may carry it; otherwise ask /queue once.
  const boardTimezone = board?.hall.timezone;
  const haveBoard = board !== null;
  useEffect(() => {
    if (!haveBoard || boardTimezone || queueTimezone) return undefined;
    const controller = new AbortController();
    boardApi.queueHall(hallId, token, controller.signal).then(
      (r) => setQueueTimezone(r.data.hall.timezone || DEFAULT_TIMEZONE),
      () => setQueueTimezone(DEFAULT_TIMEZONE),
    );
    return () => controller.abort();
  }, [haveBoard, boardTimezone, queueTimezone, hallId, token]);

  const applyCall = useCallback((call: BoardCall) => {
    setBoard((current) => {
      if (!current) return current;
      return {
        ...current,
        recentCalls: [call, ...current.recentCalls],
        windows: current.windows.map((w) =>
          w.number === call.windowNumber ? { ...w, status: 'open', pause: null, currentTicket: { number: call.number } } : w,
        ),
      };
    });
  }, []);

  return {
    board,
    failed,
    clockOffsetMs,
    timezone: boardTimezone || queueTimezone || DEFAULT_TIMEZONE,
    reload,
    reloadSoon,
    applyCall,
  };
}
