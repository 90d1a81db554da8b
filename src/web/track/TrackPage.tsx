// The public tracking page behind the slip's QR code (/t/:ticketId?token=…): a phone-sized page,
// no login, that says where the ticket stands and shouts when it is called.
import { BellFilled, CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import dayjs from '../time/dayjs';
import { formatInZone } from '../time/zone';
import { trackWait } from '../kiosk/text';
import { isFinal, toneOf, type Tone, type TrackedTicket } from './status';
import { Fact, StaleNotice, TrackFoot, TrackPlaceholder, TrackTop } from './TrackParts';
import { useTrackedTicket } from './useTrackedTicket';
import './track.css';

function time(iso: string | null, timezone: string | null | undefined): string {
  if (!iso) return '';
  return timezone ? formatInZone(iso, timezone, 'HH:mm') : dayjs(iso).format('HH:mm');
}

function headline(t: TFunction, ticket: TrackedTicket, tone: Tone): string {
  switch (tone) {
    case 'called':
      return ticket.windowNumber !== null ? t('track.status.called', { window: ticket.windowNumber }) : t('track.status.calledNoWindow');
    case 'waiting':
      return t('track.status.waiting');
    case 'serving':
      return t('track.status.serving');
    case 'done':
      return t('track.status.done');
    case 'missed':
      return t('track.status.missed');
    case 'cancelled':
      return t('track.status.cancelled');
    default:
      return t('track.status.unknown');
  }
}

function body(t: TFunction, ticket: TrackedTicket, tone: Tone): string | null {
  switch (tone) {
    case 'waiting':
      return t('track.waitingBody');
    case 'serving':
      return ticket.windowNumber !== null ? t('track.servingBody', { window: ticket.windowNumber }) : null;
    case 'done':
      return t('track.doneBody');
    case 'missed':
      return t('track.missedBody');
    case 'cancelled':
      return t('track.cancelledBody');
    default:
      return null;
  }
}

function StatusIcon({ tone }: { tone: Tone }) {
  switch (tone) {
    case 'called':
      return <BellFilled />;
    case 'serving':
    case 'done':
      return <CheckCircleFilled />;
    case 'missed':
      return <ExclamationCircleFilled />;
    case 'cancelled':
      return <CloseCircleFilled />;
    default:
      return <ClockCircleOutlined />;
  }
}

export default function TrackPage() {
  const { t } = useTranslation();
  const { ticketId } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { ticket, notFound, stale, live, updatedAt, refresh } = useTrackedTicket(ticketId, token);
  const tone: Tone = ticket ? toneOf(ticket.status) : 'unknown';

  useEffect(() => {
    if (!ticket) {
      document.title = t('track.title');
      return;
    }
    const words = headline(t, ticket, tone);
    document.title = tone === 'called' ? `【${words}】${ticket.number}` : `${ticket.number} · ${words}`;
  }, [t, ticket, tone]);

  if (!ticket) return <TrackPlaceholder title={t('track.title')} notFound={notFound} notFoundText={t('track.notFound')} stale={stale} />;

  // The hero already names the window when called; the facts keep to the number, which fits a phone line.
  const windowText =
    ticket.windowNumber !== null
      ? tone === 'serving' && ticket.windowName
        ? t('track.calledWindowName', { window: ticket.windowNumber, name: ticket.windowName })
        : t('track.windowValue', { window: ticket.windowNumber })
      : null;
  const text = body(t, ticket, tone);

  return (
    <div className={`ck-track is-${tone}`}>
      <TrackTop title={t('track.title')} hall={ticket.hallName} />

      <section className="ck-track-hero" aria-live="assertive">
        {tone === 'called' ? (
          <>
            <div className="ck-track-bell" aria-hidden>
              <BellFilled />
            </div>
            <div className="ck-track-called-head">{t('track.calledHeadline')}</div>
            <div className="ck-track-number">{ticket.number}</div>
            <div className="ck-track-called-window">{headline(t, ticket, tone)}</div>
            {ticket.windowName && <div className="ck-track-called-name">{ticket.windowName}</div>}
          </>
        ) : (
          <>
            <div className="ck-track-label">{t('track.yourNumber')}</div>
            <div className="ck-track-number">{ticket.number}</div>
            <div className="ck-track-service">{ticket.serviceName}</div>
            <div className="ck-track-status">
              <StatusIcon tone={tone} /> {headline(t, ticket, tone)}
            </div>
          </>
        )}
      </section>

      {stale && <StaleNotice />}

      <section className="ck-track-card">
        {text && <p className="ck-track-body">{text}</p>}
        <dl className="ck-track-facts">
          {tone === 'waiting' && (
            <>
              <Fact label={t('track.ahead')} strong>
                {t('track.aheadValue', { count: ticket.ahead ?? 0 })}
              </Fact>
              <Fact label={t('track.estimated')} strong>
                {trackWait(t, ticket.estimatedWaitMinutes)}
              </Fact>
            </>
          )}
          {(tone === 'called' || tone === 'serving') && windowText && (
            <Fact label={t('track.window')} strong>
              {windowText}
            </Fact>
          )}
          {tone === 'called' && ticket.calledAt && <Fact label={t('track.calledAt')}>{time(ticket.calledAt, ticket.timezone)}</Fact>}
          <Fact label={t('track.service')}>{ticket.serviceName}</Fact>
          <Fact label={t('track.issuedAt')}>{time(ticket.issuedAt, ticket.timezone)}</Fact>
          <Fact label={t('track.hall')}>{ticket.hallName}</Fact>
        </dl>
      </section>

      <TrackFoot
        onRefresh={refresh}
        freshness={
          <span data-testid="track-freshness">
            {isFinal(ticket.status) ? '' : live ? t('track.live') : updatedAt ? t('track.updated', { time: dayjs(updatedAt).format('HH:mm:ss') }) : ''}
          </span>
        }
      />
    </div>
  );
}
