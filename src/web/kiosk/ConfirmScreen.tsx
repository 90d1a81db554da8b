// Confirm the service and, if the citizen wants an SMS before the call, type a mobile number
// on the on-screen keypad (a kiosk has no keyboard; the system keyboard would cover the screen).
import { CheckCircleFilled, CloseOutlined, ExclamationCircleFilled, HeartFilled } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceAvailability } from './availability';
import type { PriorityReason, QueueService } from './kioskApi';
import { groupPhone, phoneState, pressKey } from './phone';
import { kioskWait } from './text';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'backspace'] as const;

export function ConfirmScreen({
  service,
  priorityReason,
  submitting,
  secondsLeft,
  onSubmit,
  onBack,
  onCancelPriority,
}: {
  service: QueueService;
  priorityReason: PriorityReason | null;
  submitting: boolean;
  secondsLeft: number;
  onSubmit: (phone: string | null) => void;
  onBack: () => void;
  onCancelPriority: () => void;
}) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const state = phoneState(phone);
  const availability = serviceAvailability(service);
  const unavailable = availability === 'unstaffed';
  const canSubmit = !submitting && !unavailable && (state === 'empty' || state === 'valid');

  const hint =
    state === 'invalid'
      ? { tone: 'error', text: t('kiosk.confirm.phoneInvalid') }
      : state === 'incomplete'
        ? { tone: 'info', text: t('kiosk.confirm.phoneIncomplete') }
        : state === 'valid'
          ? { tone: 'ok', text: t('kiosk.confirm.phoneOk') }
          : { tone: 'info', text: t('kiosk.confirm.phoneHint') };

  return (
    <div className="ck-kiosk-confirm">
      <section className="ck-kiosk-confirm-service">
        <h1 className="ck-kiosk-confirm-title">{t('kiosk.confirm.title')}</h1>
        <div className="ck-kiosk-card">
          <div className="ck-kiosk-card-label">{t('kiosk.confirm.service')}</div>
          <div className="ck-kiosk-card-service">
            <span className="ck-kiosk-service-prefix">{service.ticketPrefix}</span>
            <span>{service.name}</span>
          </div>
          {unavailable ? (
            <div className="ck-kiosk-service-closed">{t('kiosk.noWindow')}</div>
          ) : (
            <dl className="ck-kiosk-facts">
              <div>
                <dt>{t('kiosk.confirm.waiting')}</dt>
                <dd>{t('kiosk.people', { count: service.waiting })}</dd>
              </div>
              <div>
                <dt>{t('kiosk.estimated')}</dt>
                <dd>{kioskWait(t, service.estimatedWaitMinutes)}</dd>
              </div>
            </dl>
          )}
          {availability === 'paused' && <div className="ck-kiosk-service-paused">{t('kiosk.paused')}</div>}
          {priorityReason && (
            <div className="ck-kiosk-priority-on ck-kiosk-priority-on-compact">
              <HeartFilled />
              <div className="ck-kiosk-priority-on-text">
                <strong>{t('kiosk.priority.active', { reason: t(`kiosk.priority.reasons.${priorityReason}`) })}</strong>
              </div>
              <button type="button" className="ck-kiosk-btn ck-kiosk-btn-ghost" onClick={onCancelPriority}>
                <CloseOutlined /> {t('kiosk.priority.cancel')}
              </button>
            </div>
          )}
        </div>
        <div className="ck-kiosk-actions ck-kiosk-confirm-actions">
          <button type="button" className="ck-kiosk-btn ck-kiosk-btn-default" onClick={onBack} disabled={submitting}>
            {t('kiosk.confirm.back')}
          </button>
          <button
            type="button"
            className="ck-kiosk-btn ck-kiosk-btn-primary ck-kiosk-btn-wide"
            disabled={!canSubmit}
            onClick={() => onSubmit(state === 'valid' ? phone : null)}
          >
            {submitting ? t('kiosk.confirm.submitting') : t('kiosk.confirm.submit')}
          </button>
        </div>
        {secondsLeft <= 10 && <div className="ck-kiosk-countdown">{t('kiosk.returning', { count: secondsLeft })}</div>}
      </section>

      <section className="ck-kiosk-phone" aria-labelledby="ck-phone-title">
        <h2 id="ck-phone-title">{t('kiosk.confirm.phoneTitle')}</h2>
        <div className={`ck-kiosk-phone-field${state === 'invalid' ? ' is-invalid' : ''}`} aria-live="polite">
          {phone ? groupPhone(phone) : <span className="ck-kiosk-phone-placeholder">{t('kiosk.confirm.phonePlaceholder')}</span>}
        </div>
        <div className={`ck-kiosk-phone-hint is-${hint.tone}`}>
          {hint.tone === 'error' ? <ExclamationCircleFilled /> : hint.tone === 'ok' ? <CheckCircleFilled /> : null} {hint.text}
        </div>
        <div className="ck-kiosk-keypad">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className={`ck-kiosk-key${key.length > 1 ? ' ck-kiosk-key-fn' : ''}`}
              onClick={() => setPhone((p) => pressKey(p, key))}
              aria-label={key === 'clear' ? t('kiosk.confirm.clear') : key === 'backspace' ? t('kiosk.confirm.backspace') : key}
            >
              {key === 'clear' ? t('kiosk.confirm.clear') : key === 'backspace' ? '⌫' : key}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
