// What the board shows before it can show the hall: how to connect it, or that it is connecting.
import { useTranslation } from 'react-i18next';

export type SetupProblem = 'missing' | 'invalid' | 'wrongKind';

export function BoardSetup({ problem }: { problem: SetupProblem }) {
  const { t } = useTranslation();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <div className="ckb-setup" role="main">
      <div className="ckb-setup-card">
        <div className="ckb-setup-mark" aria-hidden>
          窗
        </div>
        <h1 className="ckb-setup-title">{t('board.setup.title')}</h1>
        {problem !== 'missing' && (
          <p className="ckb-setup-problem" role="alert">
            {problem === 'invalid' ? t('board.setup.invalid') : t('board.setup.wrongKind')}
          </p>
        )}
        <p className="ckb-setup-intro">{t('board.setup.intro')}</p>
        <ol className="ckb-setup-steps">
          <li>{t('board.setup.step1')}</li>
          <li>{t('board.setup.step2')}</li>
          <li>
            {t('board.setup.step3')}
            <code className="ckb-setup-url">{`${origin}/board?token=${t('board.setup.tokenPlaceholder')}`}</code>
          </li>
        </ol>
        <p className="ckb-setup-note">{t('board.setup.note')}</p>
      </div>
    </div>
  );
}

export function BoardMessage({ title, busy = false }: { title: string; busy?: boolean }) {
  return (
    <div className="ckb-message" role="status">
      {busy && <span className="ckb-spinner" aria-hidden />}
      <span>{title}</span>
    </div>
  );
}
