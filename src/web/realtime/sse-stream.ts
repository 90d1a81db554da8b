// Reading a Server-Sent Events response with fetch (EventSource can neither send an
// Authorization header nor show the status, and hides the heartbeats that let silence be timed).
import { parseSseChunk, type SseMessage } from './sse-parser';

const MAX_BACKOFF_MS = 15_000;
/** Silence longer than this means a dead connection: the server sends a comment every 15 s. */
export const STALL_MS = 40_000;

/**
 * Reads the stream's messages until it ends. Silence longer than `stallMs` aborts `connection`
 * (one that died, e.g. while a phone slept, would otherwise wait forever): the read then
 * rejects, and the caller reconnects.
 */
export async function readSseStream(
  body: NonNullable<Response['body']>,
  connection: AbortController,
  onMessage: (message: SseMessage) => void,
  stallMs = STALL_MS,
): Promise<void> {
  let stall: ReturnType<typeof setTimeout> | null = null;
  const armStall = () => {
    if (stall) clearTimeout(stall);
    stall = setTimeout(() => connection.abort(), stallMs);
  };
  try {
    armStall();
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      armStall();
      buffer += value;
      const { messages, rest } = parseSseChunk(buffer);
      buffer = rest;
      for (const m of messages) onMessage(m);
    }
  } finally {
    if (stall) clearTimeout(stall);
  }
}

/** Delay before reconnect attempt n (1, 2, …): doubling up to 15 s, jittered so clients spread out. */
export function reconnectDelay(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() * 0.5);
}
