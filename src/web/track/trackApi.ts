// The public ticket lookup: no login, the ticket's own token (from the slip's QR code) is the key.
import { api, buildUrl, seg } from '../api/client';
import type { TrackedTicket } from './status';

export const trackApi = {
  get: (ticketId: string, token: string, signal?: AbortSignal) =>
    api.get<TrackedTicket>(`/tickets/${seg(ticketId)}`, { query: { token }, signal, expectUnauthorized: true }),
  /** The same view, live (Server-Sent Events `ticket`); the stream ends once the ticket is done or cancelled. */
  streamUrl: (ticketId: string, token: string) => buildUrl(`/tickets/${seg(ticketId)}/events`, { token }),
};
