import { useTranslation } from 'react-i18next';
import type { BoardCall } from './boardApi';

/** How many earlier calls fit under the latest one. */
const RECENT_ROWS = 4;

export function WindowName({ number, className }: { number: number; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={className}>
      {t('board.windowPrefix')}
      <span className="ckb-window-digits">{number}</span>
      {t('board.windowSuffix')}
    </span>
  );
}

export function LatestCall({ call, flashing }: { call: BoardCall | null; flashing: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={`ckb-latest${flashing ? ' ckb-latest-flash' : ''}`}
      data-testid="latest-call"
      aria-live="polite"
      aria-atomic="true"
    >
      <div className="ckb-panel-title">
        {t('board.latest')}
        {call?.recall && <span className="ckb-recall-tag">{t('board.recall')}</span>}
      </div>
      {call ? (
        <div className="ckb-latest-main">
          <div className="ckb-latest-number" data-testid="latest-number">
            {call.number}
          </div>
          <div className="ckb-latest-to">
            <span className="ckb-latest-arrow" aria-hidden>
              →
            </span>
            <WindowName number={call.windowNumber} className="ckb-latest-window" />
          </div>
        </div>
      ) : (
        <div className="ckb-latest-empty">
          <div className="ckb-latest-empty-title">{t('board.noCalls')}</div>
          <div className="ckb-latest-empty-hint">{t('board.noCallsHint')}</div>
        </div>
      )}
    </div>
  );
}

export function RecentCalls({ calls, latest }: { calls: BoardCall[]; latest: BoardCall | null }) {
  const { t } = useTranslation();
  // One line per ticket and window: a recall does not push its own first call down the list.
  const shown: BoardCall[] = [];
  const keys = new Set<string>(latest ? [`${latest.number}@${latest.windowNumber}`] : []);
  for (const call of calls) {
    const key = `${call.number}@${call.windowNumber}`;
    if (keys.has(key)) continue;
    keys.add(key);
    shown.push(call);
    if (shown.length === RECENT_ROWS) break;
  }
  return (
    <div className="ckb-recent" data-testid="recent-calls">
      <div className="ckb-panel-title">{t('board.recent')}</div>
      {shown.length === 0 ? (
        <div className="ckb-recent-empty">{t('board.noRecent')}</div>
      ) : (
        <ol className="ckb-recent-list">
          {shown.map((call) => (
            <li key={`${call.number}@${call.windowNumber}@${call.at}`} className="ckb-recent-row">
              <span className="ckb-recent-number">{call.number}</span>
              <span className="ckb-recent-arrow" aria-hidden>
                →
              </span>
              <WindowName number={call.windowNumber} className="ckb-recent-window" />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
