// The public guide's page frame: a plain header with the hall, phone-first, and a print view
// that keeps only the content (R-16 公示).
import { ReadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './guide.css';

export function GuideFrame({ hallName, hallLink, extra, children }: { hallName?: string; hallLink?: string; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="ck-guide">
      <header className="ck-guide-top">
        <Link to={hallLink ?? '/guide'} className="ck-guide-brand">
          <ReadOutlined aria-hidden />
          <span>{t('guide.title')}</span>
        </Link>
        {hallName && <span className="ck-guide-hall">{hallName}</span>}
        {extra && <span className="ck-guide-top-extra ck-guide-noprint">{extra}</span>}
      </header>
      <main className="ck-guide-main">{children}</main>
    </div>
  );
}

/** Loading, failed and not-found states, said on the page. */
export function GuideState({ kind, onRetry, children }: { kind: 'loading' | 'failed' | 'notFound'; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="ck-guide-state" role={kind === 'loading' ? 'status' : 'alert'}>
      <p>{kind === 'loading' ? t('guide.loading') : kind === 'failed' ? t('guide.loadFailed') : children}</p>
      {kind === 'failed' && onRetry && (
        <button type="button" className="ck-guide-button" onClick={onRetry}>
          {t('guide.retry')}
        </button>
      )}
    </div>
  );
}
