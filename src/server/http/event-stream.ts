// The opening and closing of a Server-Sent Events response, shared by the hall's stream and the
// citizen's ticket stream; what each one sends is its own.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const HEARTBEAT_MS = 15_000;

/** An SSE event id as clients send it back (Last-Event-ID): digits only, within a safe integer. */
export const EVENT_ID = /^\d{1,15}$/;

/** Open streams, so shutdown can end them instead of waiting for clients to leave. */
export class OpenStreams {
  private readonly streams = new Set<ServerResponse>();
  private ended = false;
  /** True once shutdown began: no new stream may start, or closing the server would wait on it. */
  get closing() { return this.ended; }
  add(res: ServerResponse) {
    if (res.destroyed) return; // the client already left: no 'close' will come to remove it
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }
  get size() { return this.streams.size; }
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
 * come after them.
 */
export function openEventStream(reply: FastifyReply, open: OpenStreams): EventStream {
  // Checked after the caller's awaits: a stream started once shutdown began would never end.
  if (open.closing) throw new AppError('unavailable');

  const res = reply.raw;
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
