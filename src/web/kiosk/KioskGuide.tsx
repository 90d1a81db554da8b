// 办事指南 on the kiosk (R-01 touch screen, R-16): pick a service, see in large type what to
// bring — each material with whether it is needed and in how many originals and copies —
// then take a ticket for it or go back.
import { CheckCircleFilled, CloseOutlined, FileTextOutlined, LeftOutlined, ReadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guideApi, type GuideItem } from '../guide/guideApi';
import { kindLabel, needOf } from '../guide/guideText';
import type { QueueService } from './kioskApi';
import './kiosk-guide.css';

export function KioskGuide({
  hallId,
  services,
  canIssue,
  secondsLeft,
  onTakeTicket,
  onClose,
}: {
  hallId: string;
  services: QueueService[];
  /** Whether a ticket can be taken now (the hall is open). */
  canIssue: boolean;
  secondsLeft: number;
  onTakeTicket: (serviceId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [item, setItem] = useState<GuideItem | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!serviceId) return undefined;
    const controller = new AbortController();
    setItem(null);
    setFailed(false);
    guideApi.item(hallId, serviceId, controller.signal).then(
      (loaded) => !controller.signal.aborted && setItem(loaded),
      () => !controller.signal.aborted && setFailed(true),
    );
    return () => controller.abort();
  }, [hallId, serviceId]);

  const service = services.find((s) => s.id === serviceId);
  const available = canIssue && service !== undefined && service.estimatedWaitMinutes !== null;

  return (
    <div className="ck-kiosk-overlay ck-kiosk-guide-overlay" role="dialog" aria-modal aria-label={t('guide.kiosk.title')}>
      <div className="ck-kiosk-dialog ck-kiosk-guide">
        <div className="ck-kiosk-guide-head">
          <h2>
            <ReadOutlined /> {serviceId ? (item?.name ?? service?.name ?? t('guide.kiosk.title')) : t('guide.kiosk.title')}
          </h2>
          <button type="button" className="ck-kiosk-guide-close" onClick={onClose} aria-label={t('guide.kiosk.close')}>
            <CloseOutlined />
          </button>
        </div>

        <div className="ck-kiosk-guide-body">
          {!serviceId ? (
            <>
              <p className="ck-kiosk-guide-lead">{t('guide.kiosk.choose')}</p>
              <div className="ck-kiosk-guide-services">
                {services.map((s) => (
                  <button key={s.id} type="button" className="ck-kiosk-guide-service" onClick={() => setServiceId(s.id)}>
                    <span className="ck-kiosk-service-prefix" aria-hidden>
                      {s.ticketPrefix}
                    </span>
                    <span>{s.name}</span>
                  </button>
                ))}
              </div>
            </>
          ) : failed ? (
            <p className="ck-kiosk-guide-lead">{t('guide.kiosk.failed')}</p>
          ) : !item ? (
            <p className="ck-kiosk-guide-lead">{t('guide.kiosk.loading')}</p>
          ) : (
            <>
              <p className="ck-kiosk-guide-lead">
                <span className={`ck-kiosk-guide-kind is-${item.kind}`}>{kindLabel(t, item.kind, item.promisedDays)}</span>
                {item.location && <span>{t('guide.kiosk.where', { location: item.location })}</span>}
              </p>
              <h3 className="ck-kiosk-guide-sub">{t('guide.kiosk.materials')}</h3>
              <ol className="ck-kiosk-guide-materials" data-testid="kiosk-guide-materials">
                {item.materials.map((m) => {
                  const need = needOf(m);
                  return (
                    <li key={m.id} className={`is-${need}`}>
                      {need === 'required' ? <CheckCircleFilled className="ck-kiosk-guide-icon" /> : <FileTextOutlined className="ck-kiosk-guide-icon" />}
                      <span className="ck-kiosk-guide-material">
                        <strong>{m.name}</strong>
                        <span className="ck-kiosk-guide-meta">
                          <span className={`ck-kiosk-guide-need is-${need}`}>
                            {need === 'conditional' ? t('guide.kiosk.conditional', { condition: m.condition }) : t(`guide.kiosk.${need}`)}
                          </span>
                          {m.originals > 0 && <span>{t('guide.kiosk.originals', { count: m.originals })}</span>}
                          {m.copies > 0 && <span>{t('guide.kiosk.copies', { count: m.copies })}</span>}
                        </span>
                        {m.note && <span className="ck-kiosk-guide-note">{m.note}</span>}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>

        <div className="ck-kiosk-actions">
          {serviceId && (
            <button type="button" className="ck-kiosk-btn ck-kiosk-btn-default" onClick={() => setServiceId(null)}>
              <LeftOutlined /> {t('guide.kiosk.back')}
            </button>
          )}
          {serviceId && available ? (
            <button type="button" className="ck-kiosk-btn ck-kiosk-btn-primary ck-kiosk-btn-wide" onClick={() => onTakeTicket(serviceId)}>
              {t('guide.kiosk.takeTicket')}
            </button>
          ) : (
            <button type="button" className="ck-kiosk-btn ck-kiosk-btn-default ck-kiosk-btn-wide" onClick={onClose}>
              {t('guide.kiosk.close')}
            </button>
          )}
        </div>
        <div className="ck-kiosk-countdown">{t('kiosk.returning', { count: secondsLeft })}</div>
      </div>
    </div>
  );
}
