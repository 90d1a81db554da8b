// The applicant's case page behind the QR code on the one-time notice and the receipt
// (/c/:caseId?token=…): phone-sized, no login. It says where the case stands in words, what is
// still to be brought (R-11: with counts and form), the deadline once accepted (R-14), and the
// hall's phone number.
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, ExclamationCircleFilled, FileSearchOutlined, PhoneOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { CASE_STATUSES, type CaseStatus } from '../../api/case-types';
import dayjs from '../../time/dayjs';
import { Fact, StaleNotice, TrackFoot, TrackPlaceholder, TrackTop } from '../../track/TrackParts';
import { amountText } from '../MaterialAmount';
import { useTrackedCase } from './useTrackedCase';
import '../../track/track.css';
import './case-track.css';

const TONES: Record<CaseStatus, string> = {
  open: 'waiting',
  awaiting_supplement: 'supplement',
  accepted: 'accepted',
  refused: 'cancelled',
  completed: 'done',
};

function StatusIcon({ status }: { status: CaseStatus | null }) {
  switch (status) {
    case 'awaiting_supplement':
      return <ExclamationCircleFilled />;
    case 'accepted':
      return <FileSearchOutlined />;
    case 'completed':
      return <CheckCircleFilled />;
    case 'refused':
      return <CloseCircleFilled />;
    default:
      return <ClockCircleOutlined />;
  }
}

export default function CaseTrackPage() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { data, notFound, stale, updatedAt, refresh } = useTrackedCase(caseId, token);
  const status = data && (CASE_STATUSES as readonly string[]).includes(data.status) ? (data.status as CaseStatus) : null;

  useEffect(() => {
    document.title = data ? `${data.number} · ${status ? t(`cases.track.status.${status}`) : t('cases.track.title')}` : t('cases.track.title');
  }, [data, status, t]);

  if (!data) return <TrackPlaceholder title={t('cases.track.title')} notFound={notFound} notFoundText={t('cases.track.notFound')} stale={stale} />;

  const statusWords = status ? t(`cases.track.status.${status}`) : (data.statusText ?? t('track.status.unknown'));
  const body =
    status === 'awaiting_supplement' && data.windowNumber === null
      ? t('cases.track.supplementAnyWindow')
      : status
        ? t(`cases.track.body.${status}`, { window: data.windowNumber ?? '' })
        : data.statusText;

  return (
    <div className={`ck-track ck-case-track is-${status ? TONES[status] : 'waiting'}`} data-testid="case-track">
      <TrackTop title={t('cases.track.title')} hall={data.hallName} />

      <section className="ck-track-hero">
        <div className="ck-track-label">{t('cases.track.number')}</div>
        <div className="ck-case-track-number" data-testid="case-track-number">
          {data.number}
        </div>
        <div className="ck-track-service">{data.serviceName}</div>
        <div className="ck-track-status" data-testid="case-track-status">
          <StatusIcon status={status} /> {statusWords}
        </div>
        {status === 'accepted' && data.deadline && (
          <div className="ck-case-track-deadline" data-testid="case-track-deadline">
            <div className="ck-track-label">{t('cases.track.deadline')}</div>
            <div className="ck-case-track-deadline-value">{data.deadline}</div>
          </div>
        )}
      </section>

      {stale && <StaleNotice />}

      {data.missing.length > 0 && status !== 'completed' && status !== 'refused' && (
        <section className="ck-track-card ck-case-track-missing" data-testid="case-track-missing">
          <h2>{t('cases.track.missingTitle', { count: data.missing.length })}</h2>
          <ol>
            {data.missing.map((m, i) => (
              <li key={`${m.name}-${i}`}>
                <div className="ck-case-track-missing-name">{m.name}</div>
                <div className="ck-case-track-missing-amount">{amountText(t, m)}</div>
                {m.defect && <div className="ck-case-track-missing-defect">{t('cases.track.defect', { reason: m.defect })}</div>}
                {m.note && <div className="ck-case-track-missing-note">{m.note}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="ck-track-card" style={{ marginTop: 12 }}>
        {body && <p className="ck-track-body">{body}</p>}
        {status === 'refused' && data.refusal && (
          <p className="ck-track-body">
            {t('cases.refuse.reasonIs', { reason: data.refusal.reason })}
            <br />
            {t('cases.refuse.basisIs', { basis: data.refusal.basis })}
          </p>
        )}
        <dl className="ck-track-facts">
          <Fact label={t('cases.track.service')}>{data.serviceName}</Fact>
          {data.deadline && status !== 'accepted' && <Fact label={t('cases.track.deadline')}>{data.deadline}</Fact>}
          {data.windowNumber !== null && <Fact label={t('track.window')}>{t('track.windowValue', { window: data.windowNumber })}</Fact>}
          {data.notices.map((n) => (
            <Fact key={n.number} label={t('cases.track.notice')}>
              {n.number}
              <span className="ck-case-track-sub">{dayjs(n.issuedAt).format('YYYY-MM-DD')}</span>
            </Fact>
          ))}
          <Fact label={t('track.hall')}>{data.hallName}</Fact>
          {data.hallPhone && (
            <Fact label={t('cases.track.phone')}>
              <a href={`tel:${data.hallPhone.replace(/[^\d+]/g, '')}`} className="ck-case-track-phone" data-testid="case-track-phone">
                <PhoneOutlined /> {data.hallPhone}
              </a>
            </Fact>
          )}
        </dl>
      </section>

      <TrackFoot onRefresh={refresh} freshness={<span>{updatedAt ? t('track.updated', { time: dayjs(updatedAt).format('HH:mm:ss') }) : ''}</span>} />
    </div>
  );
}
