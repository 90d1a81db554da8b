// Every window of the hall: serving whom, paused and why (R-05 中断服务，及时明示), or not open,
// with the staff member's name, 工号 and photo (R-25 带有照片的工号牌).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BoardStaff, BoardWindow, PauseReason } from './boardApi';

const REASONS: readonly PauseReason[] = ['handover', 'equipment', 'break', 'other'];

/** Columns for a number of windows, so that the grid fills its area without scrolling. */
export function gridColumns(count: number): number {
  if (count <= 2) return count || 1;
  if (count <= 4) return 2;
  if (count <= 9) return 3;
  if (count <= 12) return 4;
  if (count <= 20) return 5;
  return 6;
}

function density(count: number): 'roomy' | 'compact' | 'dense' {
  if (count <= 6) return 'roomy';
  if (count <= 12) return 'compact';
  return 'dense';
}

function StaffBadge({ staff }: { staff: BoardStaff }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState<string | null>(null);
  const number = staff.staffNumber ?? staff.number ?? null;
  const photo = staff.photoUrl && broken !== staff.photoUrl ? staff.photoUrl : null;
  return (
    <div className="ckb-staff">
      {photo ? (
        <img className="ckb-staff-photo" src={photo} alt={staff.name} onError={() => setBroken(photo)} />
      ) : (
        <div className="ckb-staff-photo ckb-staff-photo-none" aria-hidden>
          {staff.name.slice(0, 1)}
        </div>
      )}
      <div className="ckb-staff-text">
        <div className="ckb-staff-name">{staff.name}</div>
        {number && <div className="ckb-staff-number">{t('board.staffNumber', { number })}</div>}
      </div>
    </div>
  );
}

/**
 * The paused window's sign: the one open window serving the same services by number, any
 * of several as "another window", or — with none open — a request to wait. Short enough for a
 * card on a crowded board.
 */
export function redirectHint(t: TFunction, redirectTo: readonly number[]): string {
  if (redirectTo.length === 0) return t('board.waitForResume');
  if (redirectTo.length === 1) return t('board.goTo', { number: redirectTo[0] });
  return t('board.goElsewhere');
}

function WindowCard({ window: w }: { window: BoardWindow }) {
  const { t } = useTranslation();
  const reason = w.pause?.reason && (REASONS as readonly string[]).includes(w.pause.reason) ? (w.pause.reason as PauseReason) : 'other';
  const staff = w.status !== 'closed' ? (w.staff ?? null) : null;
  return (
    <li className={`ckb-window ckb-window-${w.status}`} data-testid={`window-${w.number}`}>
      <div className="ckb-window-head">
        <div className="ckb-window-number">
          {t('board.windowPrefix')}
          <span className="ckb-window-digits">{w.number}</span>
          {t('board.windowSuffix')}
        </div>
        <div className="ckb-window-name">{w.name}</div>
      </div>
      <div className="ckb-window-state">
        {w.status === 'open' &&
          (w.currentTicket ? (
            <>
              <div className="ckb-window-label">
                {w.currentTicket.status === 'called' ? t('board.calling') : t('board.serving')}
              </div>
              <div className="ckb-window-ticket">{w.currentTicket.number}</div>
            </>
          ) : (
            <div className="ckb-window-idle">{t('board.idle')}</div>
          ))}
        {w.status === 'paused' && (
          <>
            <div className="ckb-state-paused">{t('board.paused')}</div>
            <div className="ckb-window-reason">{t(`board.pauseReasons.${reason}`)}</div>
            <div className="ckb-window-hint">{redirectHint(t, w.pause?.redirectTo ?? [])}</div>
          </>
        )}
        {w.status === 'closed' && <div className="ckb-state-closed">{t('board.closed')}</div>}
      </div>
      {staff && <StaffBadge staff={staff} />}
    </li>
  );
}

export function WindowGrid({ windows }: { windows: BoardWindow[] }) {
  const { t } = useTranslation();
  const sorted = [...windows].sort((a, b) => a.number - b.number);
  const columns = gridColumns(sorted.length);
  const rows = Math.max(1, Math.ceil(sorted.length / columns));
  return (
    <section className={`ckb-windows ckb-windows-${density(sorted.length)}`} aria-label={t('board.windows')}>
      {sorted.length === 0 ? (
        <div className="ckb-windows-empty">{t('board.noWindows')}</div>
      ) : (
        <ol
          className="ckb-window-grid"
          style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
        >
          {sorted.map((w) => (
            <WindowCard key={w.id} window={w} />
          ))}
        </ol>
      )}
    </section>
  );
}
