// Which console buttons are live, from the window's and its ticket's state alone. The server
// decides in the end; this only keeps the staff member from pressing what it would refuse
// (ticket states as in src/core/queue/ticket-state.ts, window rules in docs/QUEUE-API.md).
import type { WindowStatus } from '../api/types';

export type ConsoleAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'complete'
  | 'noShow'
  | 'transfer'
  | 'pause'
  | 'resume'
  | 'close';

export const CONSOLE_ACTIONS: readonly ConsoleAction[] = [
  'call',
  'recall',
  'start',
  'complete',
  'noShow',
  'transfer',
  'pause',
  'resume',
  'close',
];

export interface ActionWindow {
  status: WindowStatus;
}

export interface ActionTicket {
  status: 'called' | 'serving' | string;
  recalls: number;
}

export interface ActionOptions {
  /**
   * How many recalls the hall allows before a no-show (the queue policy's maxRecalls), when
   * known. Unknown, 重呼 stays enabled and the server's 409 recall_limit_reached says when to stop.
   */
  maxRecalls?: number | null;
}

export type AvailableActions = Record<ConsoleAction, boolean>;

/**
 * - 叫号 only at an open window that holds no ticket (the server answers window_busy otherwise).
 * - 重呼, 开始办理 and 过号 only for a called ticket at an open window; 重呼 stops at the recall
 *   limit. 过号 before the limit is not a plain no-show (R-02: the citizen is owed every call):
 *   see noShowIsEarly — it needs the staff member's explicit, logged decision.
 * - 办结 and 转移 for the ticket being served, also while paused: the citizen at the counter is
 *   finished before anything else (R-04 先外后内).
 * - 暂停 at an open window that is not in the middle of calling someone: a called citizen is
 *   walking up and is owed the greeting, not a closed counter.
 * - 恢复 only when paused; 关闭窗口 when open or paused and no ticket is held.
 */
export function availableActions(
  window: ActionWindow | null,
  ticket: ActionTicket | null,
  { maxRecalls = null }: ActionOptions = {},
): AvailableActions {
  const status = window?.status ?? 'closed';
  const open = status === 'open';
  const paused = status === 'paused';
  const called = ticket?.status === 'called';
  const serving = ticket?.status === 'serving';
  const recalls = ticket?.recalls ?? 0;
  const limitKnown = typeof maxRecalls === 'number';

  return {
    call: open && !ticket,
    recall: open && called && (!limitKnown || recalls < maxRecalls),
    start: open && called,
    noShow: open && called,
    complete: (open || paused) && serving,
    transfer: (open || paused) && serving,
    pause: open && !called,
    resume: paused,
    close: (open || paused) && !ticket,
  };
}

/**
 * Whether 过号 now would come before the number has been called 1 + maxRecalls times: true or
 * false when the limit is known, null when only the server can say (409 recalls_remaining).
 * An early no-show is allowed only on demand (the citizen said they are leaving), with a note.
 */
export function noShowIsEarly(ticket: ActionTicket | null, maxRecalls: number | null | undefined): boolean | null {
  if (!ticket || ticket.status !== 'called') return null;
  if (typeof maxRecalls !== 'number') return null;
  return ticket.recalls < maxRecalls;
}

/** Keyboard shortcut per action. 叫号 also answers to Space. */
export const SHORTCUTS: Readonly<Record<ConsoleAction, string>> = {
  call: 'F1',
  recall: 'F2',
  start: 'F3',
  complete: 'F4',
  noShow: 'F5',
  transfer: 'F8',
  pause: 'F9',
  resume: 'F9',
  close: 'F10',
};

/**
 * The action a key press asks for, or null. 暂停 and 恢复 share F9: whichever is available.
 * Space calls only when nothing else would take it (the caller skips focused buttons and fields).
 */
export function actionForKey(key: string, available: AvailableActions): ConsoleAction | null {
  if (key === ' ' || key === 'Spacebar') return 'call';
  if (key === 'F9') return available.resume ? 'resume' : 'pause';
  const match = CONSOLE_ACTIONS.find((action) => SHORTCUTS[action] === key);
  return match ?? null;
}
