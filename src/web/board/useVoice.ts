// Voice for the board: the announcer, and the one-time gesture browsers require before a page
// may make a sound. The choice is remembered on this machine; on later starts the board tries to
// play at once (a kiosk browser started with --autoplay-policy=no-user-gesture-required can), and
// if the browser still holds audio back, the first touch or key press anywhere releases it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AnnounceResult, Announcer, type BrowserChime, type Call, createBrowserChime, createBrowserSpeech } from './announcer';

export const VOICE_KEY = 'ck.board.voice';

function remembered(): boolean {
  try {
    return window.localStorage.getItem(VOICE_KEY) === 'on';
  } catch {
    return false;
  }
}

export interface Voice {
  /** The user has enabled voice on this machine (the overlay is gone). */
  enabled: boolean;
  /** Enabled, but the browser still blocks audio until a gesture. */
  blocked: boolean;
  enable: () => void;
  /** Announces a call when voice is enabled; `voiced` false means chime only or nothing. */
  announce: (call: Call) => AnnounceResult;
}

export function useVoice(): Voice {
  const chime = useRef<BrowserChime | null>(null);
  const announcer = useRef<Announcer | null>(null);
  const [enabled, setEnabled] = useState(remembered);
  const [blocked, setBlocked] = useState(false);

  const chimeOf = () => (chime.current ??= createBrowserChime());
  const announcerOf = () => (announcer.current ??= new Announcer({ speech: createBrowserSpeech(), chime: chimeOf() }));

  useEffect(
    () => () => {
      announcer.current?.dispose();
      announcer.current = null;
    },
    [],
  );

  const unlock = useCallback(() => {
    void chimeOf()
      .unlock()
      .then((running) => setBlocked(!running && chimeOf().state() === 'suspended'));
  }, []);

  const enable = useCallback(() => {
    try {
      window.localStorage.setItem(VOICE_KEY, 'on');
    } catch {
      // Remembered for this page only.
    }
    setEnabled(true);
    setBlocked(false);
    unlock();
  }, [unlock]);

  // Remembered from an earlier visit: try to start audio, and watch for a gesture if blocked.
  useEffect(() => {
    if (!enabled) return undefined;
    unlock();
    const check = setTimeout(() => setBlocked(chimeOf().state() === 'suspended'), 600);
    const onGesture = () => unlock();
    window.addEventListener('pointerdown', onGesture);
    window.addEventListener('keydown', onGesture);
    return () => {
      clearTimeout(check);
      window.removeEventListener('pointerdown', onGesture);
      window.removeEventListener('keydown', onGesture);
    };
  }, [enabled, unlock]);

  const announce = useCallback(
    (call: Call): AnnounceResult => (enabled ? announcerOf().announce(call) : { voiced: false, merged: false }),
    [enabled],
  );

  return { enabled, blocked, enable, announce };
}
