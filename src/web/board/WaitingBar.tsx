import { useTranslation } from 'react-i18next';
import type { BoardWaiting } from './boardApi';

export function WaitingBar({ waiting }: { waiting: BoardWaiting[] }) {
  const { t } = useTranslation();
  const many = waiting.length > 6;
  return (
    <footer className={`ckb-waiting${many ? ' ckb-waiting-many' : ''}`} data-testid="waiting">
      <div className="ckb-waiting-title">{t('board.waiting')}</div>
      <ul className="ckb-waiting-list">
        {waiting.map((s) => (
          <li key={s.serviceId} className="ckb-waiting-item" data-testid={`waiting-${s.ticketPrefix ?? s.serviceId}`}>
            {s.ticketPrefix && <span className="ckb-waiting-prefix">{s.ticketPrefix}</span>}
            <span className="ckb-waiting-name">{s.name ?? ''}</span>
            <span className="ckb-waiting-count">
              <span className="ckb-waiting-digits">{s.count}</span>
              {t('board.people')}
            </span>
          </li>
        ))}
        {waiting.length === 0 && <li className="ckb-waiting-none">{t('board.noWaiting')}</li>}
      </ul>
    </footer>
  );
}
