// The board itself: header, the latest call, earlier calls, every window, and who is waiting.
// State comes from GET /halls/{id}/board; the hall's events make it reload (and a call is shown,
// flashed and announced the moment its event arrives).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHallEvents } from '../realtime/hallEvents';
import type { BoardCall, DeviceMe } from './boardApi';
import { BoardHeader } from './BoardHeader';
import { BoardMessage } from './BoardSetup';
import { LatestCall, RecentCalls } from './CallPanels';
import { ConnectionBanner, VoiceOverlay } from './Overlays';
import { useBoardData } from './useBoardData';
import { useWakeLock } from './useScreen';
import { useVoice } from './useVoice';
import { WaitingBar } from './WaitingBar';
import { WindowGrid } from './WindowGrid';

/** How long a new call flashes: longer when it is not spoken (no Chinese voice, or voice off). */
const FLASH_VOICED_MS = 10_000;
const FLASH_SILENT_MS = 20_000;
/** A call older than this when its event arrives (a replay after a reconnection) is not announced. */
const STALE_CALL_MS = 120_000;
/** The stream may drop for a moment; say so only when it stays down. */
const BANNER_DELAY_MS = 1_000;

export interface Flash {
  number: string;
  windowNumber: number;
  until: number;
}

export function BoardScreen({ device, token, onUnauthorized }: { device: DeviceMe; token: string; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const data = useBoardData(device.hallId, token, onUnauthorized);
  const { board, applyCall, reload, reloadSoon } = data;
  const voice = useVoice();
  const [flash, setFlash] = useState<Flash | null>(null);
  const seen = useRef(new Set<number>());
  const offset = useRef(data.clockOffsetMs);
  offset.current = data.clockOffsetMs;
  useWakeLock();

  const { connected } = useHallEvents(device.hallId, token, {
    onReady: reload,
    onEvent: (event) => {
      if (seen.current.has(event.id)) return;
      seen.current.add(event.id);
      if (seen.current.size > 2_000) seen.current = new Set([...seen.current].slice(-1_000));
      if (event.name === 'ticket.called' || event.name === 'ticket.recalled') {
        const number = typeof event.data.number === 'string' ? event.data.number : null;
        const windowNumber = Number(event.data.windowNumber);
        const atRaw = typeof event.data.at === 'string' ? event.data.at : null;
        if (number && Number.isSafeInteger(windowNumber) && windowNumber >= 0) {
          const now = Date.now() + offset.current;
          const at = atRaw ?? new Date(now).toISOString();
          const call: BoardCall = {
            ticketId: typeof event.data.ticketId === 'string' ? event.data.ticketId : undefined,
            number,
            windowNumber,
            at,
            recall: event.name === 'ticket.recalled',
          };
          applyCall(call);
          const age = now - Date.parse(at);
          if (!(age > STALE_CALL_MS)) {
            let voiced = false;
            try {
              voiced = voice.announce(call).voiced;
            } catch (error) {
              console.warn('Could not announce the call', error);
            }
            setFlash({ number, windowNumber, until: Date.now() + (voiced ? FLASH_VOICED_MS : FLASH_SILENT_MS) });
          }
        }
      }
      if (event.name !== 'alert.raised') reloadSoon();
    },
  });

  // The flash ends by itself.
  useEffect(() => {
    if (!flash) return undefined;
    const timer = setTimeout(() => setFlash(null), Math.max(0, flash.until - Date.now()));
    return () => clearTimeout(timer);
  }, [flash]);

  // "连接中断" once the stream has been down for a moment, or when the state could not be loaded.
  const [streamDown, setStreamDown] = useState(false);
  useEffect(() => {
    if (connected) {
      setStreamDown(false);
      return undefined;
    }
    const timer = setTimeout(() => setStreamDown(true), BANNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [connected]);
  const stale = streamDown || data.failed;

  const onEnableVoice = voice.enable;

  if (!board) {
    return (
      <>
        <BoardMessage title={data.failed ? t('board.serverUnreachable') : t('board.connecting')} busy />
        {!voice.enabled && <VoiceOverlay onEnable={onEnableVoice} />}
      </>
    );
  }

  const latest = board.recentCalls[0] ?? null;
  const flashing =
    flash !== null && latest !== null && latest.number === flash.number && latest.windowNumber === flash.windowNumber;

  return (
    <div className={`ckb-board${stale ? ' ckb-board-stale' : ''}`} data-testid="board">
      <BoardHeader
        hall={board.hall}
        hallName={board.hall.name || device.hallName}
        clockOffsetMs={data.clockOffsetMs}
        timezone={data.timezone}
        voiceBlocked={voice.enabled && voice.blocked}
      />
      <div className="ckb-body">
        <section className="ckb-calls">
          <LatestCall call={latest} flashing={flashing} />
          <RecentCalls calls={board.recentCalls.slice(1)} latest={latest} />
        </section>
        <WindowGrid windows={board.windows} />
      </div>
      <WaitingBar waiting={board.waiting} />
      {stale && <ConnectionBanner />}
      {!voice.enabled && <VoiceOverlay onEnable={onEnableVoice} />}
    </div>
  );
}
