// Outside opening hours the kiosk issues nothing and says when the hall opens.
import { ClockCircleOutlined, CoffeeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { closedKind, describeWhen } from './hours';
import type { QueueHall } from './kioskApi';
import { whenText } from './text';

export function ClosedScreen({ hall }: { hall: QueueHall }) {
  const { t } = useTranslation();
  const now = new Date();
  const kind = closedKind(hall, now);
  const when = hall.opensAt ? describeWhen(hall.opensAt, now, hall.timezone) : null;

  let title: string;
  let line: string;
  if (kind === 'notYetOpen' && when) {
    title = t('kiosk.closed.notYetOpenTitle');
    line = t('kiosk.closed.notYetOpen', { time: when.time });
  } else if (kind === 'break' && when) {
    title = t('kiosk.closed.breakTitle');
    line = t('kiosk.closed.break', { time: when.time });
  } else {
    title = t('kiosk.closed.closedTitle');
    line = when ? t('kiosk.closed.next', { when: whenText(t, when) }) : t('kiosk.closed.noNext');
  }

  return (
    <div className="ck-kiosk-closed" role="status">
      <div className="ck-kiosk-closed-icon">{kind === 'break' ? <CoffeeOutlined /> : <ClockCircleOutlined />}</div>
      <h1>{title}</h1>
      <p className="ck-kiosk-closed-next">{line}</p>
      <p className="ck-kiosk-closed-help">{t('kiosk.closed.help')}</p>
    </div>
  );
}
