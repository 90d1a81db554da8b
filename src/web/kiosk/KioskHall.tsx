// The kiosk of one hall: start screen (services), priority choice, confirmation with an
// optional phone number, the issued ticket (printed), and the closed screen.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { changeLanguage, currentLanguage } from '../i18n/setup';
import { ClosedScreen } from './ClosedScreen';
import { ConfirmScreen } from './ConfirmScreen';
import { describeWhen } from './hours';
import { IssuedScreen } from './IssuedScreen';
import { KioskFrame } from './KioskFrame';
import { KioskGuide } from './KioskGuide';
import { kioskApi, type DeviceMe, type IssuedTicket, type PriorityReason } from './kioskApi';
import { KioskMessage } from './KioskMessage';
import { PriorityPicker } from './PriorityPicker';
import { Receipt } from './Receipt';
import { ServiceGrid } from './ServiceGrid';
import { whenText } from './text';
import { useIdle } from './useIdle';
import { useQueue } from './useQueue';

type Screen =
  | { kind: 'home' }
  | { kind: 'priority' }
  | { kind: 'guide' }
  | { kind: 'confirm'; serviceId: string }
  | { kind: 'issued'; ticket: IssuedTicket; priorityReason: PriorityReason | null; phone: string | null };

/** Back to the start screen after this long without a touch (a screen someone walked away from). */
const SCREEN_IDLE_MS = 15_000;
/** Reading a service guide takes longer than choosing a button. */
const GUIDE_IDLE_MS = 60_000;
/** On the start screen, a chosen priority or language is forgotten after this long. */
const HOME_IDLE_MS = 30_000;
/** Say the figures may be old only when the connection has been down for a while, not on every blip. */
const STALE_AFTER_MS = 8_000;

/** True once `value` has been true for `ms` without a break. */
function useLasting(value: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!value) {
      setLasting(false);
      return undefined;
    }
    const timer = window.setTimeout(() => setLasting(true), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return lasting;
}

export function KioskHall({ token, device, onRevoked }: { token: string; device: DeviceMe; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { state, error, live, refetch } = useQueue(token, device.hallId, onRevoked);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [priorityReason, setPriorityReason] = useState<PriorityReason | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Guards against a double tap before the next render (two tickets for one person).
  const busy = useRef(false);

  const goHome = useCallback(() => {
    setScreen({ kind: 'home' });
    setPriorityReason(null);
    setSubmitting(false);
  }, []);

  const onHome = screen.kind === 'home';
  const secondsLeft = useIdle(screen.kind === 'guide' ? GUIDE_IDLE_MS : SCREEN_IDLE_MS, !onHome, goHome, screen);
  useIdle(
    HOME_IDLE_MS,
    onHome && (priorityReason !== null || notice !== null || currentLanguage() !== 'zh-CN'),
    () => {
      setPriorityReason(null);
      setNotice(null);
      if (currentLanguage() !== 'zh-CN') void changeLanguage('zh-CN');
    },
    `${priorityReason}|${notice}`,
  );

  const hall = state?.hall;
  const stale = useLasting(Boolean(error) || !live, STALE_AFTER_MS);
  const timezone = hall?.timezone ?? 'Asia/Shanghai';

  const issue = async (serviceId: string, phone: string | null) => {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    const serviceName = state?.services.find((s) => s.id === serviceId)?.name ?? '';
    try {
      const ticket = await kioskApi.issue(token, device.hallId, {
        serviceId,
        priority: priorityReason ? 'priority' : 'normal',
        ...(priorityReason ? { priorityReason } : {}),
        ...(phone ? { phone } : {}),
      });
      setScreen({ kind: 'issued', ticket, priorityReason, phone });
      setPriorityReason(null);
    } catch (e) {
      setScreen({ kind: 'home' });
      setNotice(issueErrorText(e, serviceName));
      if (isApiError(e) && e.status === 401) onRevoked();
    } finally {
      busy.current = false;
      setSubmitting(false);
      refetch();
    }
  };

  const issueErrorText = (e: unknown, serviceName: string): string => {
    if (!isApiError(e)) return t('kiosk.errors.failed');
    if (e.code === 'hall_closed') {
      const opensAt = (e.details as { opensAt?: unknown } | null)?.opensAt;
      const next =
        typeof opensAt === 'string'
          ? t('kiosk.closed.next', { when: whenText(t, describeWhen(opensAt, new Date(), timezone)) })
          : t('kiosk.closed.noNext');
      return t('kiosk.errors.hallClosed', { next });
    }
    if (e.code === 'no_open_window') return t('kiosk.errors.noOpenWindow', { name: serviceName });
    if (e.status === 404) return t('kiosk.errors.unknownService');
    if (e.status === 0) return t('kiosk.errors.network');
    return t('kiosk.errors.failed');
  };

  // Print the slip once the issued screen (and the receipt with its QR code) is on the page.
  const issuedId = screen.kind === 'issued' ? screen.ticket.id : null;
  useEffect(() => {
    if (!issuedId) return undefined;
    const timer = window.setTimeout(() => window.print(), 350);
    return () => window.clearTimeout(timer);
  }, [issuedId]);

  if (!state) {
    return <KioskMessage tone="wait" title={error ? t('kiosk.loadFailed') : t('kiosk.connecting')} />;
  }

  const frame = (children: ReactNode) => (
    <KioskFrame hall={state.hall} stale={stale} notice={notice} onDismissNotice={() => setNotice(null)}>
      {children}
    </KioskFrame>
  );

  if (screen.kind === 'issued') {
    return (
      <>
        {frame(
          <IssuedScreen
            ticket={screen.ticket}
            timezone={timezone}
            priorityReason={screen.priorityReason}
            phone={screen.phone}
            secondsLeft={secondsLeft}
            onPrint={() => window.print()}
            onDone={goHome}
          />,
        )}
        <Receipt ticket={screen.ticket} timezone={timezone} priorityReason={screen.priorityReason} />
      </>
    );
  }

  if (!state.hall.openNow) return frame(<ClosedScreen hall={state.hall} />);

  if (screen.kind === 'confirm') {
    const service = state.services.find((s) => s.id === screen.serviceId);
    if (service) {
      return frame(
        <ConfirmScreen
          service={service}
          priorityReason={priorityReason}
          submitting={submitting}
          secondsLeft={secondsLeft}
          onSubmit={(phone) => void issue(service.id, phone)}
          onBack={() => setScreen({ kind: 'home' })}
          onCancelPriority={() => setPriorityReason(null)}
        />,
      );
    }
  }

  return frame(
    <>
      <ServiceGrid
        services={state.services}
        priorityReason={priorityReason}
        onPriority={() => setScreen({ kind: 'priority' })}
        onCancelPriority={() => setPriorityReason(null)}
        onChoose={(serviceId) => {
          setNotice(null);
          setScreen({ kind: 'confirm', serviceId });
        }}
        onGuide={() => {
          setNotice(null);
          setScreen({ kind: 'guide' });
        }}
      />
      {screen.kind === 'guide' && (
        <KioskGuide
          hallId={device.hallId}
          services={state.services}
          canIssue={state.hall.openNow}
          secondsLeft={secondsLeft}
          onTakeTicket={(serviceId) => setScreen({ kind: 'confirm', serviceId })}
          onClose={() => setScreen({ kind: 'home' })}
        />
      )}
      {screen.kind === 'priority' && (
        <PriorityPicker
          secondsLeft={secondsLeft}
          onChoose={(reason) => {
            setPriorityReason(reason);
            setScreen({ kind: 'home' });
          }}
          onCancel={() => setScreen({ kind: 'home' })}
        />
      )}
    </>,
  );
}
