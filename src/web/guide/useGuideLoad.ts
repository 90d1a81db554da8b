// Loads public guide data for a page: its own loading and error states, shown on the page
// itself (no admin toasts), and a retry.
import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api/client';

export interface GuideLoad<T> {
  data: T | undefined;
  /** true when the server says there is no such hall or service. */
  notFound: boolean;
  failed: boolean;
  retry: () => void;
}

export function useGuideLoad<T>(loader: (signal: AbortSignal) => Promise<T>, deps: DependencyList): GuideLoad<T> {
  const [state, setState] = useState<{ data?: T; notFound: boolean; failed: boolean }>({ notFound: false, failed: false });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ notFound: false, failed: false });
    loader(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, notFound: false, failed: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = isApiError(error) && error.status === 404;
        setState({ notFound, failed: !notFound });
      },
    );
    return () => controller.abort();
    // `deps` say when the loader really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  const retry = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, notFound: state.notFound, failed: state.failed, retry };
}
