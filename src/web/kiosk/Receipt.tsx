// The printed slip (80 mm thermal paper). Invisible on screen; see kiosk.css. Its page is sized
// to its own length, so a roll printer feeds and cuts exactly one slip.
import { QRCode } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../time/zone';
import { trackLink } from './IssuedScreen';
import type { IssuedTicket, PriorityReason } from './kioskApi';

const MM_PER_PX = 25.4 / 96;

export function Receipt({ ticket, timezone, priorityReason }: { ticket: IssuedTicket; timezone: string; priorityReason: PriorityReason | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [lengthMm, setLengthMm] = useState<number | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setLengthMm(Math.ceil(el.getBoundingClientRect().height * MM_PER_PX) + 2);
    measure();
    // Again once web fonts or the QR code change the slip's length.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {lengthMm !== null && <style>{`@page { size: 80mm ${lengthMm}mm; margin: 0; }`}</style>}
      <div className="ck-receipt" aria-hidden ref={ref}>
        <div className="ck-receipt-hall">{ticket.hallName}</div>
        <div className="ck-receipt-title">{t('kiosk.receipt.title')}</div>
        <div className="ck-receipt-number">{ticket.number}</div>
        <div className="ck-receipt-service">{t('kiosk.receipt.service', { name: ticket.serviceName })}</div>
        {priorityReason && (
          <div className="ck-receipt-line ck-receipt-strong">
            {t('kiosk.receipt.priority', { reason: t(`kiosk.priority.reasons.${priorityReason}`) })}
          </div>
        )}
        <div className="ck-receipt-line">{t('kiosk.receipt.ahead', { count: ticket.ahead })}</div>
        <div className="ck-receipt-line">
          {t('kiosk.receipt.issuedAt', { time: formatInZone(ticket.issuedAt, timezone, 'YYYY-MM-DD HH:mm:ss') })}
        </div>
        <div className="ck-receipt-qr">
          <QRCode value={trackLink(ticket)} type="svg" size={132} bordered={false} errorLevel="M" color="#000000" bgColor="#ffffff" />
          <div>{t('kiosk.receipt.scan')}</div>
        </div>
        <div className="ck-receipt-notice">{t('kiosk.receipt.notice')}</div>
        <div className="ck-receipt-thanks">{t('kiosk.receipt.thanks')}</div>
      </div>
    </>
  );
}
