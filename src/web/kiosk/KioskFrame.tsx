// The kiosk's frame: hall name and clock on top, today's hours, help line and language below.
import { InfoCircleOutlined, WifiOutlined } from '@ant-design/icons';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/setup';
import type { QueueHall } from './kioskApi';

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function safeFormat(now: Date, language: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(now);
  } catch {
    return new Intl.DateTimeFormat(language, options).format(now);
  }
}

export function KioskFrame({
  hall,
  stale,
  notice,
  onDismissNotice,
  children,
}: {
  hall: QueueHall;
  stale: boolean;
  notice: string | null;
  onDismissNotice: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const language = currentLanguage();
  const time = safeFormat(now, language, hall.timezone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = safeFormat(now, language, hall.timezone, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });

  return (
    <div className="ck-kiosk" onContextMenu={(e) => e.preventDefault()}>
      <header className="ck-kiosk-header">
        <div className="ck-kiosk-brand">
          <span className="ck-kiosk-mark" aria-hidden>
            窗
          </span>
          <div>
            <div className="ck-kiosk-hall">{hall.name}</div>
            <div className="ck-kiosk-sub">{t('kiosk.brandSub')}</div>
          </div>
        </div>
        <div className="ck-kiosk-clock">
          <div className="ck-kiosk-time">{time}</div>
          <div className="ck-kiosk-date">{date}</div>
        </div>
      </header>
      <div className="ck-kiosk-hours">
        <span className="ck-kiosk-hours-label">{t('kiosk.todayHours')}</span>
        {hall.todayHours.length === 0 ? (
          <span className="ck-kiosk-hours-item">{t('common.none')}</span>
        ) : (
          hall.todayHours.map((h) => (
            <span key={`${h.open}-${h.close}`} className="ck-kiosk-hours-item">
              {h.open}–{h.close}
            </span>
          ))
        )}
      </div>
      {stale && (
        <div className="ck-kiosk-stale" role="status">
          <WifiOutlined /> {t('kiosk.offline')}
        </div>
      )}
      <main className="ck-kiosk-main">{children}</main>
      <footer className="ck-kiosk-footer">
        <span>
          <InfoCircleOutlined /> {t('kiosk.help')}
        </span>
        <button
          type="button"
          className="ck-kiosk-lang"
          onClick={() => void changeLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('kiosk.switchLanguage')}
        </button>
      </footer>
      {notice && (
        <div className="ck-kiosk-overlay" role="alertdialog" aria-modal onClick={onDismissNotice}>
          <div className="ck-kiosk-dialog ck-kiosk-notice" onClick={(e) => e.stopPropagation()}>
            <InfoCircleOutlined className="ck-kiosk-notice-icon" />
            <p>{notice}</p>
            <button type="button" className="ck-kiosk-btn ck-kiosk-btn-primary" onClick={onDismissNotice}>
              {t('common.confirm')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
