// Ticket numbers and how the board says them (R-01 排号机 and the display board's voice, R-02
// the call is spoken, not only shown).
//
// A number is the service's prefix (one or two capital letters, set in the catalogue) and a
// sequence that restarts at 1 every hall-local day: A001 … A999. The counter is kept per
// prefix, not per service id: prefixes are unique among a hall's live services, and a
// service archived and replaced the same day under the same prefix must not hand out A001
// twice.
//
// After A999 comes A1000, not A000 or A001 again: a number must identify one ticket for the
// whole day (the board, the slip, the tracking page and the service log all go by it), and a
// fourth digit on the rare day a service passes 999 is cheaper than two citizens answering
// one call.

import type { LocalDate } from '../calendar/local-date.js';

/** As the catalogue enforces it: one or two capital Latin letters. */
const PREFIX_PATTERN = /^[A-Z]{1,2}$/;
const NUMBER_PATTERN = /^([A-Z]{1,2})(\d{3,})$/;
const SEQUENCE_DIGITS = 3;

const MANDARIN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export interface ParsedTicketNumber {
  readonly prefix: string;
  readonly seq: number;
}

/** The last number a counter handed out, on the hall-local day it did. */
export interface TicketCounter {
  readonly day: LocalDate;
  readonly seq: number;
}

export function isTicketPrefix(value: unknown): value is string {
  return typeof value === 'string' && PREFIX_PATTERN.test(value);
}

/** 'A' and 1 → 'A001'; 'A' and 1000 → 'A1000'. Throws a RangeError on a bad prefix or sequence. */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!isTicketPrefix(prefix)) throw new RangeError(`not a ticket prefix (one or two capital letters): ${String(prefix)}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer, got ${seq}`);
  return prefix + String(seq).padStart(SEQUENCE_DIGITS, '0');
}

/**
 * The prefix and sequence of a number in the form formatTicketNumber writes, else null.
 * Only the canonical spelling is accepted ('A001', 'A1000'; not 'A01', 'A0001', 'A000'), so
 * each ticket has one spelling and a lookup by number cannot match two.
 */
export function parseTicketNumber(value: unknown): ParsedTicketNumber | null {
  if (typeof value !== 'string') return null;
  const m = NUMBER_PATTERN.exec(value);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  const digits = m[2];
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  if (digits.length > SEQUENCE_DIGITS && digits.startsWith('0')) return null;
  return { prefix: m[1], seq };
}

/**
 * The sequence for the next ticket of a prefix on `today` (hall-local): 1 on a new day or
 * for a prefix never used, else one more than the last. Any day other than the counter's
 * starts again at 1, including an earlier one after a clock correction: numbers are unique
 * per day, and the earlier day's counter is a different key.
 */
export function nextTicketSequence(last: TicketCounter | null, today: LocalDate): number {
  return last !== null && last.day === today ? last.seq + 1 : 1;
}

/**
 * The number as the board's voice reads it, one character at a time: 'A001' → 'A 零 零 一'.
 * Letters stay letters (speech engines say them in English, as halls do); digits become
 * 零一二三四五六七八九 so that 001 is never read as 'one' or '一百'. One is 一, as the board's
 * specification asks, not the 幺 of phone and room numbers.
 */
export function speakableTicketNumber(number: string): string {
  const tokens: string[] = [];
  for (const ch of number) {
    if (/\s/.test(ch)) continue;
    const digit = ch >= '0' && ch <= '9' ? MANDARIN_DIGITS[ch.charCodeAt(0) - 48] : undefined;
    tokens.push(digit ?? ch);
  }
  return tokens.join(' ');
}

/**
 * What the board says when a window calls a ticket (R-02 来有迎声): '请 A 零 零 一 号 到 3 号窗口 办理'.
 * The window number stays in Arabic digits so the speech engine reads it as a number —
 * 12 号窗口 is 十二号窗口, not 一二号窗口. Spaces give the engine its pauses.
 */
export function callAnnouncement(number: string, windowNumber: number): string {
  if (!Number.isSafeInteger(windowNumber) || windowNumber < 0) {
    throw new RangeError(`window number must be a non-negative integer, got ${windowNumber}`);
  }
  return `请 ${speakableTicketNumber(number)} 号 到 ${windowNumber} 号窗口 办理`;
}
