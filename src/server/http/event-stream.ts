// The opening and closing of a Server-Sent Events response, shared by the hall's stream and the
// citizen's ticket stream; what each one sends is its own.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { clientNetwork } from './client-network.js';

const HEARTBEAT_MS = 15_000;

/** An SSE event id as clients send it back (Last-Event-ID): digits only, within a safe integer. */
export const EVENT_ID = /^\d{1,15}$/;

/**
 * Who may open a stream. A public stream needs only a ticket's token, which anyone holding the
 * printed slip has, so one client could open thousands: those are capped per client address.
 * Signed-in people's and devices' streams (the hall's events) are not — they are authenticated
 * and authorized to the hall, and a hall may run many display boards behind one NAT address.
 */
export type StreamAccess = 'public' | 'authenticated';

export interface StreamLimits {
  /** Public streams one client (an IPv4 address, an IPv6 /64) may hold open at once; 0 means no cap. */
  publicPerAddress: number;
}

/**
 * Open streams, so shutdown can end them instead of waiting for clients to leave, and the
 * public ones counted per client address while they are open.
 */
export class OpenStreams {
  private readonly streams = new Set<ServerResponse>();
  private readonly publicByAddress = new Map<string, number>();
  private ended = false;
  constructor(private readonly limits: StreamLimits = { publicPerAddress: 0 }) {}
  /** True once shutdown began: no new stream may start, or closing the server would wait on it. */
  get closing() { return this.ended; }
  add(res: ServerResponse) {
    if (res.destroyed) return; // the client already left: no 'close' will come to remove it
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }
  get size() { return this.streams.size; }
  /** Public streams open from this address now. */
  publicFrom(address: string) { return this.publicByAddress.get(address) ?? 0; }
  /**
   * Counts a public stream against its client's address until the response closes; throws 429
   * too_many_streams, before anything is sent, when the address holds its share already.
   */
  claimPublic(res: ServerResponse, address: string) {
    const held = this.publicFrom(address);
    const cap = this.limits.publicPerAddress;
    if (cap > 0 && held >= cap) throw new AppError('too_many_streams');
    if (res.destroyed) return; // as in add(): nothing would count it down
    this.publicByAddress.set(address, held + 1);
    res.once('close', () => {
      const left = this.publicFrom(address) - 1;
      if (left > 0) this.publicByAddress.set(address, left);
      else this.publicByAddress.delete(address);
    });
  }
  endAll() { this.ended = true; for (const s of this.streams) s.end(); this.streams.clear(); }
}

/** The id a reconnecting client resumes after (its Last-Event-ID header), when it sent a valid one. */
export function lastEventId(req: FastifyRequest): number | null {
  const header = req.headers['last-event-id'];
  return typeof header === 'string' && EVENT_ID.test(header) ? Number(header) : null;
}

export interface EventStream {
  /** True once the client left or the stream was ended (by us or by shutdown). */
  stopped(): boolean;
  /** Writes a chunk unless stopped: a write after end is an 'error' event on the response. */
  write(chunk: string): void;
  /** Runs `cleanup` once when the stream stops — at once if it already has. */
  onStop(cleanup: () => void): void;
  /** Ends the stream from our side. */
  end(): void;
}

/**
 * Takes the response over from Fastify and starts the stream, with a heartbeat so proxies keep it
 * open. Call it after the route's own awaits (authorization, lookups): the shutdown check must
 * come after them, and so must the public cap's, which counts the stream in the same step.
 */
export function openEventStream(reply: FastifyReply, open: OpenStreams, access: StreamAccess): EventStream {
  // Checked after the caller's awaits: a stream started once shutdown began would never end.
  if (open.closing) throw new AppError('unavailable');

  const res = reply.raw;
  // Still an ordinary reply here: a refusal is the usual JSON error. The address is Fastify's
  // request.ip, so behind a reverse proxy TRUST_PROXY must be on, or every phone shares its.
  if (access === 'public') open.claimPublic(res, clientNetwork(reply.request.ip));
  reply.hijack();
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  open.add(res);

  // The client may leave at any moment, also during the caller's awaits that follow (its 'close'
  // would then come before a listener added after them): listen now, and let the caller check
  // stopped() after each await.
  let gone = res.destroyed;
  const cleanups: (() => void)[] = [];
  const stopped = () => gone || res.writableEnded;
  const write = (chunk: string) => { if (!stopped()) res.write(chunk); };
  const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    gone = true;
    clearInterval(heartbeat);
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  res.on('close', release);
  if (gone) release();

  return {
    stopped,
    write,
    onStop(cleanup) {
      if (stopped()) cleanup();
      else cleanups.push(cleanup);
    },
    end() {
      release();
      if (!res.writableEnded) res.end();
    },
  };
}
