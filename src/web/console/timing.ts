// Minutes as the console and the supervisor strip show them, computed from server timestamps.

/** Whole minutes from `fromIso` to `now`; null without a valid start. Never negative. */
export function minutesSince(fromIso: string | null | undefined, now: number): number | null {
  if (!fromIso) return null;
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return null;
  return Math.max(0, Math.floor((now - from) / 60_000));
}

/** Minutes and seconds, 'm:ss', for a running timer. */
export function clock(fromIso: string | null | undefined, now: number): string | null {
  if (!fromIso) return null;
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return null;
  const seconds = Math.max(0, Math.floor((now - from) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * How long the citizen waited before being called: the server's figure when it sent one,
 * else from when they joined the queue (or took the ticket) to the call.
 */
export function waitedMinutes(ticket: {
  waitedMinutes?: number | null;
  queuedAt?: string | null;
  issuedAt?: string | null;
  calledAt?: string | null;
}): number | null {
  if (typeof ticket.waitedMinutes === 'number') return ticket.waitedMinutes;
  const start = ticket.queuedAt ?? ticket.issuedAt;
  if (!start || !ticket.calledAt) return null;
  return minutesSince(start, Date.parse(ticket.calledAt));
}
