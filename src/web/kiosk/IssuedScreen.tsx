// The ticket, big, while it prints; a QR code for following the queue on a phone.
import { HeartFilled, MessageOutlined, PrinterOutlined } from '@ant-design/icons';
import { QRCode } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../time/zone';
import type { IssuedTicket, PriorityReason } from './kioskApi';
import { maskPhone } from './phone';
import { kioskWait } from './text';

export function trackLink(ticket: IssuedTicket): string {
  return `${window.location.origin}${ticket.trackUrl}`;
}

export function IssuedScreen({
  ticket,
  timezone,
  priorityReason,
  phone,
  secondsLeft,
  onPrint,
  onDone,
}: {
  ticket: IssuedTicket;
  timezone: string;
  priorityReason: PriorityReason | null;
  phone: string | null;
  secondsLeft: number;
  onPrint: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ck-kiosk-issued">
      <div className="ck-kiosk-ticket">
        <div className="ck-kiosk-ticket-label">{t('kiosk.ticket.yourNumber')}</div>
        <div className="ck-kiosk-ticket-number" data-testid="ticket-number">
          {ticket.number}
        </div>
        <div className="ck-kiosk-ticket-service">{ticket.serviceName}</div>
        {priorityReason && (
          <div className="ck-kiosk-ticket-priority">
            <HeartFilled /> {t('kiosk.ticket.priority', { reason: t(`kiosk.priority.reasons.${priorityReason}`) })}
          </div>
        )}
        <div className="ck-kiosk-ticket-ahead">
          {ticket.ahead > 0 ? t('kiosk.ticket.ahead', { count: ticket.ahead }) : t('kiosk.ticket.aheadNone')}
        </div>
        {ticket.ahead > 0 && (
          <div className="ck-kiosk-ticket-wait">{t('kiosk.ticket.estimated', { wait: kioskWait(t, ticket.estimatedWaitMinutes) })}</div>
        )}
        {ticket.windowsPaused && (
          <div className="ck-kiosk-ticket-paused" role="status" data-testid="ticket-paused">
            {t('kiosk.ticket.paused')}
          </div>
        )}
        <div className="ck-kiosk-ticket-time">
          {t('kiosk.ticket.issuedAt', { time: formatInZone(ticket.issuedAt, timezone, 'YYYY-MM-DD HH:mm') })}
        </div>
        {phone && (
          <div className="ck-kiosk-ticket-sms">
            <MessageOutlined /> {t('kiosk.ticket.sms', { phone: maskPhone(phone) })}
          </div>
        )}
      </div>
      <div className="ck-kiosk-issued-side">
        <div className="ck-kiosk-ticket-qr">
          <QRCode value={trackLink(ticket)} type="svg" size={220} bordered={false} errorLevel="M" />
          <div>{t('kiosk.ticket.scan')}</div>
        </div>
        <div className="ck-kiosk-printing" role="status">
          <PrinterOutlined /> {t('kiosk.ticket.printing')}
        </div>
        <div className="ck-kiosk-actions">
          <button type="button" className="ck-kiosk-btn ck-kiosk-btn-default" onClick={onPrint}>
            <PrinterOutlined /> {t('kiosk.ticket.reprint')}
          </button>
          <button type="button" className="ck-kiosk-btn ck-kiosk-btn-primary ck-kiosk-btn-wide" onClick={onDone}>
            {t('kiosk.ticket.done')}
          </button>
        </div>
        <div className="ck-kiosk-countdown">{t('kiosk.returning', { count: secondsLeft })}</div>
      </div>
    </div>
  );
}
