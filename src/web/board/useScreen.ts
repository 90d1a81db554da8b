// Small hooks for a wall screen: the clock, fitting a 1920×1080 stage to any window, and keeping
// the screen awake.
import { useEffect, useState } from 'react';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/** The hall's "now" (this machine's clock corrected by the server's), updated every second. */
export function useNow(offsetMs: number, everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now() + offsetMs;
      setNow(t);
      timer = setTimeout(tick, everyMs - (t % everyMs) + 5);
    };
    timer = setTimeout(tick, everyMs - ((Date.now() + offsetMs) % everyMs) + 5);
    return () => clearTimeout(timer);
  }, [offsetMs, everyMs]);
  return now;
}

/** Scale that fits the stage into the window, letterboxed (1 at 1920×1080, 2/3 at 1280×720). */
export function useFitScale(): number {
  const measure = () =>
    typeof window === 'undefined' ? 1 : Math.min(window.innerWidth / STAGE_WIDTH, window.innerHeight / STAGE_HEIGHT);
  const [scale, setScale] = useState(measure);
  useEffect(() => {
    const onResize = () => setScale(measure());
    window.addEventListener('resize', onResize);
    onResize();
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

interface WakeLockSentinelLike {
  release(): Promise<void>;
}

/** Asks the browser to keep the screen on (Screen Wake Lock API, where there is one). */
export function useWakeLock(): void {
  useEffect(() => {
    const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } };
    if (!nav.wakeLock) return undefined;
    let sentinel: WakeLockSentinelLike | null = null;
    let stopped = false;
    const request = () => {
      if (document.visibilityState !== 'visible') return;
      nav.wakeLock?.request('screen').then(
        (s) => {
          if (stopped) void s.release().catch(() => undefined);
          else sentinel = s;
        },
        () => undefined,
      );
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', request);
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
}
