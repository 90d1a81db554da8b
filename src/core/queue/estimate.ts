// The wait the kiosk prints and the tracking page shows (R-01: the kiosk tells the citizen
// what to expect). Deliberately simple and explainable: the typical service time of the
// service, times the people ahead, shared among the windows open for it.
//
// "No open window" is an answer of its own (null), not a very large number: the kiosk then
// says the service is not being handled right now instead of issuing a ticket nobody will
// call (R-10 午间值班 raises the matching alert on the server side).

/** Used until a service has a history of completed services. */
export const DEFAULT_SERVICE_MINUTES = 5;

/**
 * Minutes until the ticket is likely called, rounded up to whole minutes; null when no window
 * is open for the service. The typical service time is the median of `recentServiceMinutes`
 * (start → complete of recent tickets): one forgotten ticket left serving over lunch must not
 * double every estimate, which a mean would let it do. Samples that are not finite or are
 * negative are skipped (a bad row can hide data, never invent it); none left means the default.
 */
export function estimateWait(
  aheadCount: number,
  openWindowsForService: number,
  recentServiceMinutes: readonly number[],
): number | null {
  if (!Number.isSafeInteger(aheadCount) || aheadCount < 0) {
    throw new RangeError(`aheadCount must be a non-negative integer, got ${aheadCount}`);
  }
  if (!Number.isSafeInteger(openWindowsForService) || openWindowsForService < 0) {
    throw new RangeError(`openWindowsForService must be a non-negative integer, got ${openWindowsForService}`);
  }
  if (openWindowsForService === 0) return null;
  const perTicket = median(recentServiceMinutes.filter((m) => Number.isFinite(m) && m >= 0)) ?? DEFAULT_SERVICE_MINUTES;
  // Float error must not push an exact result past a whole minute (25 × 2.2 is
  // 55.00000000000001, which would round up to 56), so round to a millionth of a minute first.
  const minutes = Math.round(((aheadCount * perTicket) / openWindowsForService) * 1e6) / 1e6;
  return Math.ceil(minutes);
}

/**
 * How many windows a service's queue is shared among for the estimate. While every window of
 * the service is paused, one is counted: a pause ends and every issued ticket is served
 * so the citizen gets a figure rather than "no window" — and one, since nobody knows how
 * many come back first or when. Zero (no estimate) only when nobody is signed in for it.
 */
export function windowsSharingWait(openWindows: number, pausedWindows: number): number {
  if (openWindows > 0) return openWindows;
  return pausedWindows > 0 ? 1 : 0;
}

/** The middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? upper;
  return (lower + upper) / 2;
}
