// R-03 先急后缓: the citizen says why they need priority; the ticket carries the reason.
import { HeartFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PRIORITY_REASONS, type PriorityReason } from './kioskApi';

export function PriorityPicker({
  secondsLeft,
  onChoose,
  onCancel,
}: {
  secondsLeft: number;
  onChoose: (reason: PriorityReason) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ck-kiosk-overlay" role="dialog" aria-modal aria-labelledby="ck-priority-title">
      <div className="ck-kiosk-dialog ck-kiosk-priority-dialog">
        <h2 id="ck-priority-title">
          <HeartFilled /> {t('kiosk.priority.title')}
        </h2>
        <div className="ck-kiosk-reasons">
          {PRIORITY_REASONS.map((reason) => (
            <button key={reason} type="button" className="ck-kiosk-reason" onClick={() => onChoose(reason)}>
              <strong>{t(`kiosk.priority.reasons.${reason}`)}</strong>
              <span>{t(`kiosk.priority.reasonHints.${reason}`)}</span>
            </button>
          ))}
        </div>
        <p className="ck-kiosk-dialog-note">{t('kiosk.priority.note')}</p>
        <div className="ck-kiosk-actions">
          <button type="button" className="ck-kiosk-btn ck-kiosk-btn-default" onClick={onCancel}>
            {t('kiosk.confirm.back')}
          </button>
        </div>
        <div className="ck-kiosk-countdown">{t('kiosk.returning', { count: secondsLeft })}</div>
      </div>
    </div>
  );
}
