// "Nobody has touched the screen for a while": the kiosk goes back to its start screen so the
// next person does not find someone else's half-finished ticket.
import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/**
 * Calls onIdle once after `timeoutMs` without a touch, while enabled. `resetKey` restarts the
 * wait (a new screen). Returns the whole seconds left, for a visible countdown.
 */
export function useIdle(timeoutMs: number, enabled: boolean, onIdle: () => void, resetKey?: unknown): number {
  const last = useRef(Date.now());
  const callback = useRef(onIdle);
  callback.current = onIdle;
  const [secondsLeft, setSecondsLeft] = useState(Math.ceil(timeoutMs / 1000));

  useEffect(() => {
    last.current = Date.now();
    setSecondsLeft(Math.ceil(timeoutMs / 1000));
  }, [resetKey, timeoutMs]);

  useEffect(() => {
    const touch = () => {
      last.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!enabled) return undefined;
    last.current = Date.now();
    let fired = false;
    const timer = window.setInterval(() => {
      const left = timeoutMs - (Date.now() - last.current);
      setSecondsLeft(Math.max(0, Math.ceil(left / 1000)));
      if (left <= 0 && !fired) {
        fired = true;
        callback.current();
      } else if (left > 0) {
        fired = false;
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [enabled, timeoutMs, resetKey]);

  return secondsLeft;
}
