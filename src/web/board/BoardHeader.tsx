import { useTranslation } from 'react-i18next';
import dayjs from '../time/dayjs';
import { DEFAULT_TIMEZONE } from '../time/zone';
import type { BoardHall } from './boardApi';
import { useNow } from './useScreen';

function inZone(now: number, timezone: string) {
  try {
    return dayjs(now).tz(timezone);
  } catch {
    return dayjs(now).tz(DEFAULT_TIMEZONE);
  }
}

/** The header ticks every second on its own, so the rest of the board does not re-render with it. */
export function BoardHeader({
  hall,
  hallName,
  clockOffsetMs,
  timezone,
  voiceBlocked = false,
}: {
  hall: BoardHall;
  hallName: string;
  clockOffsetMs: number;
  timezone: string;
  /** Voice is on but the browser holds audio back: say so where the subtitle is. */
  voiceBlocked?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow(clockOffsetMs);
  const local = inZone(now, timezone);
  const hours = hall.todayHours ?? [];
  const hoursText = hours.length
    ? t('board.hoursToday', { hours: hours.map((h) => `${h.open}–${h.close}`).join(t('board.hoursSeparator')) })
    : t('board.closedToday');
  return (
    <header className="ckb-header">
      <div className="ckb-brand">
        <div className="ckb-brand-mark" aria-hidden>
          窗
        </div>
        <div className="ckb-brand-text">
          <h1 className="ckb-hall-name">{hallName}</h1>
          {voiceBlocked ? (
            <div className="ckb-voice-blocked" role="status">
              {t('board.voice.blocked')}
            </div>
          ) : (
            <div className="ckb-hall-sub">{t('board.subtitle')}</div>
          )}
        </div>
      </div>
      <div className="ckb-hours">
        <div className="ckb-hours-text" data-testid="board-hours">
          {hoursText}
        </div>
        {hall.openNow !== undefined && (
          <div className={`ckb-open-state ${hall.openNow ? 'ckb-open-state-open' : 'ckb-open-state-closed'}`}>
            {hall.openNow ? t('board.openNow') : t('board.closedNow')}
          </div>
        )}
      </div>
      <div className="ckb-clock">
        <div className="ckb-date">{local.format(t('board.dateFormat'))}</div>
        <div className="ckb-time" data-testid="board-time">
          {local.format('HH:mm')}
          <span className="ckb-seconds">{local.format(':ss')}</span>
        </div>
      </div>
    </header>
  );
}
