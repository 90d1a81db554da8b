// The hall's 延期 requests of one status, page by page (GET /halls/{hallId}/case-extensions),
// refreshed when a case event arrives. A refresh asks again for as many as are in view, so a
// manager who loaded more keeps them; "more" continues from the cursor of the last page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useReportError } from '../errors/useReportError';
import { useReloadOnCaseEvents } from './caseEvents';
import { appendPage, changesExtensionList, PAGE_SIZE, refreshSize } from './extensionRequestPages';
import { type ExtensionListStatus, type ExtensionRequest, type ExtensionRequestPage, extensionRequestsApi } from './extensionRequestsApi';

export interface ExtensionRequestList {
  items: ExtensionRequest[];
  total: number;
  hasMore: boolean;
  /** The first answer has not come yet. */
  loading: boolean;
  /** The last refresh failed (the error was shown); `reload` tries again. */
  failed: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Takes a decided request off a pending list at once, before the refresh confirms it. */
  remove: (id: string) => void;
}

export function useExtensionRequests(hallId: string, status: ExtensionListStatus, enabled = true): ExtensionRequestList {
  const reportError = useReportError();
  const [page, setPage] = useState<ExtensionRequestPage | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  // Each refresh supersedes answers still on their way (older refreshes and "more").
  const generation = useRef(0);
  const inView = useRef(0);
  inView.current = page?.items.length ?? 0;

  const reload = useCallback(() => {
    const current = ++generation.current;
    extensionRequestsApi.list(hallId, { status, limit: refreshSize(inView.current) }).then(
      (answer) => {
        if (current !== generation.current) return;
        setPage(answer);
        setFailed(false);
      },
      (error: unknown) => {
        if (current !== generation.current) return;
        setFailed(true);
        reportError(error);
      },
    );
  }, [hallId, status, reportError]);

  useEffect(() => {
    setPage(null);
    setFailed(false);
    inView.current = 0;
    if (enabled) reload();
    else generation.current++;
  }, [enabled, reload]);

  const loadMore = useCallback(() => {
    const cursor = page?.nextCursor;
    if (!cursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    extensionRequestsApi
      .list(hallId, { status, limit: PAGE_SIZE, cursor })
      .then(
        (answer) => {
          if (current !== generation.current) return;
          setPage((p) => p && { items: appendPage(p.items, answer.items), total: answer.total, nextCursor: answer.nextCursor });
        },
        (error: unknown) => {
          if (current === generation.current) reportError(error);
        },
      )
      .finally(() => setLoadingMore(false));
  }, [hallId, status, page?.nextCursor, loadingMore, reportError]);

  const remove = useCallback((id: string) => {
    setPage((p) => p && { ...p, items: p.items.filter((r) => r.id !== id), total: Math.max(0, p.total - 1) });
  }, []);

  useReloadOnCaseEvents(reload, enabled, changesExtensionList);

  return {
    items: page?.items ?? [],
    total: page?.total ?? 0,
    hasMore: Boolean(page?.nextCursor),
    loading: enabled && page === null && !failed,
    failed,
    loadingMore,
    loadMore,
    reload,
    remove,
  };
}
