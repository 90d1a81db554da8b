// 取号机: the ticket kiosk of a hall, a touch screen that runs unattended. It knows its
// hall from its device token; everything else comes from the hall's queue state.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { KIOSK_TOKEN_KEY, loadToken, saveToken, takeTokenFromSearch } from './deviceToken';
import { KioskHall } from './KioskHall';
import { kioskApi, type DeviceMe } from './kioskApi';
import { KioskMessage } from './KioskMessage';
import './kiosk.css';

type DeviceState =
  | { kind: 'loading' }
  | { kind: 'ready'; me: DeviceMe }
  | { kind: 'invalid' }
  | { kind: 'wrongKind' }
  | { kind: 'unreachable' };

const RETRY_MS = 5000;

/** The token from the address (first visit; then stored and removed from the address) or from storage. */
function useKioskToken(): [string | null, (token: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [token, setToken] = useState<string | null>(() => {
    const fromUrl = takeTokenFromSearch(location.search).token;
    if (fromUrl) {
      saveToken(KIOSK_TOKEN_KEY, fromUrl);
      return fromUrl;
    }
    return loadToken(KIOSK_TOKEN_KEY);
  });

  useEffect(() => {
    const { token: fromUrl, rest } = takeTokenFromSearch(location.search);
    if (!fromUrl) return;
    if (fromUrl !== token) {
      saveToken(KIOSK_TOKEN_KEY, fromUrl);
      setToken(fromUrl);
    }
    void navigate({ pathname: location.pathname, search: rest, hash: location.hash }, { replace: true });
  }, [location.search, location.pathname, location.hash, navigate, token]);

  return [token, setToken];
}

export default function KioskPage() {
  const { t } = useTranslation();
  const [token] = useKioskToken();
  const [device, setDevice] = useState<DeviceState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return undefined;
    const controller = new AbortController();
    let retry: number | null = null;
    kioskApi.me(token, controller.signal).then(
      (me) => setDevice(me.kind === 'kiosk' ? { kind: 'ready', me } : { kind: 'wrongKind' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && (error.status === 401 || error.status === 403)) {
          setDevice({ kind: 'invalid' });
          return;
        }
        setDevice({ kind: 'unreachable' });
        retry = window.setTimeout(() => setAttempt((a) => a + 1), RETRY_MS);
      },
    );
    return () => {
      controller.abort();
      if (retry !== null) window.clearTimeout(retry);
    };
  }, [token, attempt]);

  useEffect(() => {
    document.title = t('kiosk.title');
  }, [t]);

  if (!token) {
    return <KioskMessage tone="setup" title={t('kiosk.setup.title')} lines={[t('kiosk.setup.body'), t('kiosk.setup.help')]} />;
  }
  switch (device.kind) {
    case 'loading':
      return <KioskMessage tone="wait" title={t('kiosk.connecting')} />;
    case 'unreachable':
      return <KioskMessage tone="wait" title={t('kiosk.loadFailed')} />;
    case 'invalid':
      return (
        <KioskMessage
          tone="setup"
          title={t('kiosk.setup.title')}
          lines={[t('kiosk.setup.invalid'), t('kiosk.setup.body'), t('kiosk.setup.help')]}
        />
      );
    case 'wrongKind':
      return <KioskMessage tone="setup" title={t('kiosk.setup.title')} lines={[t('kiosk.setup.wrongKind'), t('kiosk.setup.help')]} />;
    case 'ready':
      return (
        <KioskHall
          key={device.me.hallId}
          token={token}
          device={device.me}
          onRevoked={() => {
            // Keep the stored token: an administrator may restore the device; the screen says what to do.
            setDevice({ kind: 'invalid' });
          }}
        />
      );
  }
}
