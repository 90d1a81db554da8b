// Case events (case.*) for the screens that show cases. The console and the supervisor strip
// already hold one live connection to the hall's events (useLiveQueue); instead of opening a
// second, they pass each event to a hub, and the case lists subscribe to it.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { HallEventMessage } from '../realtime/hallEvents';

export type CaseEventListener = (event: HallEventMessage) => void;

export interface CaseEventHub {
  publish: (event: HallEventMessage) => void;
  subscribe: (listener: CaseEventListener) => () => void;
}

/** Events that change what a case list shows. */
export function isCaseEvent(event: Pick<HallEventMessage, 'name'>): boolean {
  return event.name.startsWith('case.');
}

export function createCaseEventHub(): CaseEventHub {
  const listeners = new Set<CaseEventListener>();
  return {
    publish: (event) => {
      if (!isCaseEvent(event)) return;
      for (const listener of listeners) listener(event);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const CaseEventsContext = createContext<CaseEventHub | null>(null);

/** Calls `onEvent` for every case event of the hall (debounce in the caller if it refetches). */
export function useCaseEvents(onEvent: CaseEventListener): void {
  const hub = useContext(CaseEventsContext);
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => hub?.subscribe((event) => ref.current(event)), [hub]);
}

const RELOAD_DEBOUNCE_MS = 400;

/**
 * Calls `reload` once after a burst of the hall's case events (those `concerns` lets through),
 * so a list stays current without a request per event.
 */
export function useReloadOnCaseEvents(reload: () => void, enabled: boolean, concerns: (eventName: string) => boolean = () => true): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useCaseEvents((event) => {
    if (!enabled || timer.current || !concerns(event.name)) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, RELOAD_DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
