// The public ticket lookup: no login, the ticket's own token (from the slip's QR code) is the key.
import { api, seg } from '../api/client';
import type { TrackedTicket } from './status';

export const trackApi = {
  get: (ticketId: string, token: string, signal?: AbortSignal) =>
    api.get<TrackedTicket>(`/tickets/${seg(ticketId)}`, { query: { token }, signal, expectUnauthorized: true }),
};
