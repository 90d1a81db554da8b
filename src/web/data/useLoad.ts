// Loads data for a component, reloading when `deps` change; stale responses are dropped.
import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { useReportError } from '../errors/useReportError';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Replace the loaded data locally (after a successful write). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

interface State<T> {
  key: string;
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

export function useLoad<T>(loader: (signal: AbortSignal) => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const reportError = useReportError();
  const depsKey = JSON.stringify(deps);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<State<T>>({ key: depsKey, data: undefined, loading: enabled, error: null });

  useEffect(() => {
    if (!enabled) {
      setState({ key: depsKey, data: undefined, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ key: depsKey, data: s.key === depsKey ? s.data : undefined, loading: true, error: null }));
    loader(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key: depsKey, data, loading: false, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error }));
        reportError(error);
      },
    );
    return () => controller.abort();
    // The loader is recreated on every render; `deps` say when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [depsKey, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  const fresh = state.key === depsKey;
  return {
    data: fresh ? state.data : undefined,
    loading: fresh ? state.loading : enabled,
    error: fresh ? state.error : null,
    reload,
    setData,
  };
}
