// The pieces the ticket page and the applicant's case page share, so both phone pages look and
// read alike (their styles are in track.css).
import { ExclamationCircleFilled, ReloadOutlined, WifiOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function TrackTop({ title, hall }: { title: string; hall?: string }) {
  if (hall === undefined) return <header className="ck-track-top">{title}</header>;
  return (
    <header className="ck-track-top">
      <span className="ck-track-hall">{hall}</span>
      <span>{title}</span>
    </header>
  );
}

/** The page before there is anything to show: loading, offline, or a link that opens nothing. */
export function TrackPlaceholder({ title, notFound, notFoundText, stale }: { title: string; notFound: boolean; notFoundText: string; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="ck-track">
      <TrackTop title={title} />
      <div className="ck-track-empty" role="status">
        {notFound ? (
          <>
            <ExclamationCircleFilled className="ck-track-empty-icon" />
            <p>{notFoundText}</p>
          </>
        ) : (
          <p>{stale ? t('track.stale') : t('track.loading')}</p>
        )}
      </div>
    </div>
  );
}

/** Said while the page cannot reach the server: what is shown may be old. */
export function StaleNotice() {
  const { t } = useTranslation();
  return (
    <div className="ck-track-stale" role="status">
      <WifiOutlined /> {t('track.stale')}
    </div>
  );
}

export function Fact({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div className={`ck-track-fact${strong ? ' is-strong' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** How fresh the page is, and the 刷新 button. */
export function TrackFoot({ freshness, onRefresh }: { freshness: ReactNode; onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <footer className="ck-track-foot">
      {freshness}
      <button type="button" className="ck-track-refresh" onClick={onRefresh}>
        <ReloadOutlined /> {t('track.refresh')}
      </button>
    </footer>
  );
}
