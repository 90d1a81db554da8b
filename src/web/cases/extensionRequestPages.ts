// Paging the 延期 request list on the client: pages joined without repeats, a refresh sized to
// what is in view, and which case events make the list stale.
import type { ExtensionRequest } from './extensionRequestsApi';

export const PAGE_SIZE = 50;
/** The server's largest page. */
const MAX_PAGE = 200;

/** A later page appended to what is shown; a request already shown (the list moved) is not repeated. */
export function appendPage(shown: readonly ExtensionRequest[], next: readonly ExtensionRequest[]): ExtensionRequest[] {
  const ids = new Set(shown.map((r) => r.id));
  return [...shown, ...next.filter((r) => !ids.has(r.id))];
}

/** Events after which a list of requests reads differently: a request made or decided, a case completed (closing its request), a light. */
export function changesExtensionList(eventName: string): boolean {
  return eventName.startsWith('case.extension_') || eventName === 'case.completed' || eventName === 'case.light_changed';
}

/** How many to ask for when refreshing: at least a page, all that are in view, at most the server's limit. */
export function refreshSize(inView: number): number {
  return Math.min(MAX_PAGE, Math.max(PAGE_SIZE, inView));
}
