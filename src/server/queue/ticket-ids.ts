// Ticket ids are UUIDv7: time-ordered, so two tickets issued in the same millisecond still
// queue in the order they were issued (the core breaks waiting-time ties by id).
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function newTicketId(nowMs = Date.now()): string {
  if (nowMs <= lastMs) {
    counter += 1;
    // 12 bits of counter per millisecond; past that, borrow the next millisecond.
    if (counter > 0xfff) { lastMs += 1; counter = 0; }
  } else {
    lastMs = nowMs;
    counter = 0;
  }
  const bytes = randomBytes(16);
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
