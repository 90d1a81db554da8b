// /board — the hall's display board (叫号屏, R-01/R-02/R-05/R-25), for a 1920×1080 TV.
// Authenticated as a display device: opened once as /board?token=…, the token is then kept on
// this machine. GET /devices/me says which hall the board is for.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import './board.css';
import { type DeviceMe, boardApi } from './boardApi';
import { BoardScreen } from './BoardScreen';
import { forgetDisplayToken, takeDisplayToken } from './deviceToken';
import { BoardMessage, BoardSetup, type SetupProblem } from './BoardSetup';
import { Stage } from './Stage';

type Phase =
  | { kind: 'setup'; problem: SetupProblem }
  | { kind: 'checking'; failed: boolean }
  | { kind: 'ready'; device: DeviceMe };

const RETRY_MS = 5_000;

export default function BoardPage() {
  const { t } = useTranslation();
  const [token, setToken] = useState<string | null>(() => takeDisplayToken());
  const [phase, setPhase] = useState<Phase>(() =>
    token ? { kind: 'checking', failed: false } : { kind: 'setup', problem: 'missing' },
  );

  // Which device and hall: retried while the server cannot be reached.
  useEffect(() => {
    if (!token) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      boardApi.me(token, controller.signal).then(
        ({ data }) => {
          if (data.kind !== 'display') {
            forgetDisplayToken(token);
            setPhase({ kind: 'setup', problem: 'wrongKind' });
            return;
          }
          setPhase({ kind: 'ready', device: data });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (isApiError(error) && (error.status === 401 || error.status === 403)) {
            forgetDisplayToken(token);
            setPhase({ kind: 'setup', problem: 'invalid' });
            return;
          }
          setPhase({ kind: 'checking', failed: true });
          timer = setTimeout(check, RETRY_MS);
        },
      );
    };
    check();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [token]);

  const onUnauthorized = useCallback(() => {
    if (token) forgetDisplayToken(token);
    setToken(null);
    setPhase({ kind: 'setup', problem: 'invalid' });
  }, [token]);

  const hallName = phase.kind === 'ready' ? phase.device.hallName : '';
  useEffect(() => {
    const previous = document.title;
    document.title = hallName ? `${t('board.title')} · ${hallName}` : t('board.title');
    return () => {
      document.title = previous;
    };
  }, [hallName, t]);

  return (
    <div className="ckb-root">
      <Stage>
        {phase.kind === 'setup' && <BoardSetup problem={phase.problem} />}
        {phase.kind === 'checking' && (
          <BoardMessage title={phase.failed ? t('board.serverUnreachable') : t('board.connecting')} busy />
        )}
        {phase.kind === 'ready' && token && (
          <BoardScreen device={phase.device} token={token} onUnauthorized={onUnauthorized} />
        )}
      </Stage>
    </div>
  );
}
