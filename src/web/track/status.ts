// What the public tracking page says about a ticket, and when it should buzz the phone.

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface TrackedTicket {
  id: string;
  number: string;
  status: TicketStatus | string;
  serviceName: string;
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  windowNumber: number | null;
  windowName: string | null;
  issuedAt: string;
  calledAt: string | null;
  hallId: string;
  hallName: string;
  /** The hall's IANA zone, when the server sends it; else the phone's own zone is used. */
  timezone?: string | null;
}

export type Tone = 'waiting' | 'called' | 'serving' | 'done' | 'missed' | 'cancelled' | 'unknown';

export function toneOf(status: string): Tone {
  switch (status) {
    case 'waiting':
      return 'waiting';
    case 'called':
      return 'called';
    case 'serving':
      return 'serving';
    case 'done':
      return 'done';
    case 'no_show':
      return 'missed';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

/** Nothing more will happen to the ticket: stop polling. A no-show may still rejoin, so it is not final. */
export function isFinal(status: string): boolean {
  return status === 'done' || status === 'cancelled';
}

/**
 * Buzz when the ticket is (newly) called: the first call, or a recall (a new calledAt), or a
 * call to a different window. Not on the first load of a page that was already called.
 */
export function shouldAlert(previous: Pick<TrackedTicket, 'status' | 'calledAt' | 'windowNumber'> | null, next: Pick<TrackedTicket, 'status' | 'calledAt' | 'windowNumber'>): boolean {
  if (next.status !== 'called') return false;
  if (!previous) return false;
  if (previous.status !== 'called') return true;
  return previous.calledAt !== next.calledAt || previous.windowNumber !== next.windowNumber;
}

/** A vibration pattern long enough to notice in a pocket: three long pulses. */
export const CALL_VIBRATION = [600, 250, 600, 250, 900];
