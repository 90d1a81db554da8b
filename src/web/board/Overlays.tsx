import { useTranslation } from 'react-i18next';

export function ConnectionBanner() {
  const { t } = useTranslation();
  return (
    <div className="ckb-banner" role="alert" data-testid="board-disconnected">
      <span className="ckb-spinner ckb-spinner-small" aria-hidden />
      {t('board.disconnected')}
    </div>
  );
}

/** The one-time gesture that lets the board make a sound (browsers block audio until then). */
export function VoiceOverlay({ onEnable }: { onEnable: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ckb-voice-overlay">
      <div className="ckb-voice-card">
        <button type="button" className="ckb-voice-button" onClick={onEnable} autoFocus>
          <svg className="ckb-voice-icon" viewBox="0 0 24 24" aria-hidden>
            <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z" />
            <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M16 8.5a5 5 0 0 1 0 7M19 5.5a9 9 0 0 1 0 13" />
          </svg>
          {t('board.voice.enable')}
        </button>
        <p className="ckb-voice-hint">{t('board.voice.enableHint')}</p>
      </div>
    </div>
  );
}
