// The start screen: one big button per service, and the priority path (R-03 先急后缓).
import { ClockCircleOutlined, CloseOutlined, HeartFilled, PauseCircleOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { serviceAvailability } from './availability';
import type { PriorityReason, QueueService } from './kioskApi';
import { kioskWaitLine } from './text';

export function ServiceGrid({
  services,
  priorityReason,
  onPriority,
  onCancelPriority,
  onChoose,
  onGuide,
}: {
  services: QueueService[];
  priorityReason: PriorityReason | null;
  onPriority: () => void;
  onCancelPriority: () => void;
  onChoose: (serviceId: string) => void;
  /** Opens the service guide (办事指南, R-16). */
  onGuide?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ck-kiosk-home">
      <div className="ck-kiosk-home-head">
        <h1 className="ck-kiosk-prompt">{t('kiosk.chooseService')}</h1>
        <div className="ck-kiosk-home-tools">
          {priorityReason ? (
            <div className="ck-kiosk-priority-on" role="status">
              <HeartFilled />
              <div className="ck-kiosk-priority-on-text">
                <strong>{t('kiosk.priority.active', { reason: t(`kiosk.priority.reasons.${priorityReason}`) })}</strong>
                <span>{t('kiosk.priority.activeHint')}</span>
              </div>
              <button type="button" className="ck-kiosk-btn ck-kiosk-btn-ghost" onClick={onCancelPriority}>
                <CloseOutlined /> {t('kiosk.priority.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="ck-kiosk-priority-btn" onClick={onPriority}>
              <HeartFilled className="ck-kiosk-priority-icon" />
              <span className="ck-kiosk-priority-text">
                <strong>{t('kiosk.priority.button')}</strong>
                <span>{t('kiosk.priority.hint')}</span>
              </span>
            </button>
          )}
          {onGuide && (
            <button type="button" className="ck-kiosk-guide-btn" onClick={onGuide}>
              <ReadOutlined aria-hidden />
              <span>
                <strong>{t('guide.kiosk.button')}</strong>
                <span>{t('guide.kiosk.hint')}</span>
              </span>
            </button>
          )}
        </div>
      </div>
      {services.length === 0 ? (
        <p className="ck-kiosk-empty">{t('kiosk.noServices')}</p>
      ) : (
        <div className={`ck-kiosk-services${services.length > 6 ? ' ck-kiosk-services-many' : ''}`}>
          {services.map((s) => {
            const availability = serviceAvailability(s);
            const unavailable = availability === 'unstaffed';
            return (
              <button
                key={s.id}
                type="button"
                className={`ck-kiosk-service${unavailable ? ' is-unavailable' : ''}${priorityReason ? ' is-priority' : ''}`}
                data-testid={`kiosk-service-${s.ticketPrefix}`}
                disabled={unavailable}
                aria-disabled={unavailable}
                onClick={() => onChoose(s.id)}
              >
                <span className="ck-kiosk-service-prefix" aria-hidden>
                  {s.ticketPrefix}
                </span>
                <span className="ck-kiosk-service-body">
                  <span className="ck-kiosk-service-name">{s.name}</span>
                  {unavailable ? (
                    <span className="ck-kiosk-service-closed">{t('kiosk.noWindow')}</span>
                  ) : (
                    <span className="ck-kiosk-service-stats">
                      <span>
                        <TeamOutlined /> {t('kiosk.waiting', { count: s.waiting })}
                      </span>
                      <span className="ck-kiosk-service-wait">
                        <ClockCircleOutlined /> {kioskWaitLine(t, s.estimatedWaitMinutes)}
                      </span>
                      {availability === 'paused' && (
                        <span className="ck-kiosk-service-paused" data-testid="kiosk-service-paused">
                          <PauseCircleOutlined /> {t('kiosk.paused')}
                        </span>
                      )}
                    </span>
                  )}
                </span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
