import { describe, expect, it } from 'vitest';
import { actionForKey, availableActions, type ConsoleAction, CONSOLE_ACTIONS, noShowIsEarly } from './actions';

const enabled = (actions: Record<ConsoleAction, boolean>) => CONSOLE_ACTIONS.filter((a) => actions[a]);

describe('availableActions', () => {
  it('offers nothing to a window that is not signed in', () => {
    expect(enabled(availableActions(null, null))).toEqual([]);
    expect(enabled(availableActions({ status: 'closed' }, null))).toEqual([]);
  });

  it('lets an idle open window call, pause or close', () => {
    expect(enabled(availableActions({ status: 'open' }, null))).toEqual(['call', 'pause', 'close']);
  });

  it('does not call a second ticket while one is held', () => {
    expect(availableActions({ status: 'open' }, { status: 'called', recalls: 0 }).call).toBe(false);
    expect(availableActions({ status: 'open' }, { status: 'serving', recalls: 0 }).call).toBe(false);
  });

  it('for a called ticket offers recall, start and no-show; recall stops at the limit', () => {
    const first = availableActions({ status: 'open' }, { status: 'called', recalls: 0 }, { maxRecalls: 2 });
    expect(enabled(first)).toEqual(['recall', 'start', 'noShow']);
    const last = availableActions({ status: 'open' }, { status: 'called', recalls: 2 }, { maxRecalls: 2 });
    expect(enabled(last)).toEqual(['start', 'noShow']);
  });

  it('leaves the recall limit to the server when it is unknown', () => {
    const actions = availableActions({ status: 'open' }, { status: 'called', recalls: 5 });
    expect(enabled(actions)).toEqual(['recall', 'start', 'noShow']);
  });

  it('does not pause or close while a called citizen walks up', () => {
    const actions = availableActions({ status: 'open' }, { status: 'called', recalls: 1 });
    expect(actions.pause).toBe(false);
    expect(actions.close).toBe(false);
  });

  it('while serving offers complete, transfer and pause, but not close', () => {
    expect(enabled(availableActions({ status: 'open' }, { status: 'serving', recalls: 0 }))).toEqual([
      'complete',
      'transfer',
      'pause',
    ]);
  });

  it('at a paused window finishes the citizen being served, resumes, or closes', () => {
    expect(enabled(availableActions({ status: 'paused' }, { status: 'serving', recalls: 0 }))).toEqual([
      'complete',
      'transfer',
      'resume',
    ]);
    expect(enabled(availableActions({ status: 'paused' }, null))).toEqual(['resume', 'close']);
  });

  it('calls nobody at a paused window', () => {
    expect(availableActions({ status: 'paused' }, { status: 'called', recalls: 0 }).recall).toBe(false);
    expect(availableActions({ status: 'paused' }, null).call).toBe(false);
  });
});

describe('noShowIsEarly', () => {
  it('is early until the number has been called 1 + maxRecalls times', () => {
    expect(noShowIsEarly({ status: 'called', recalls: 0 }, 2)).toBe(true);
    expect(noShowIsEarly({ status: 'called', recalls: 1 }, 2)).toBe(true);
    expect(noShowIsEarly({ status: 'called', recalls: 2 }, 2)).toBe(false);
    expect(noShowIsEarly({ status: 'called', recalls: 0 }, 0)).toBe(false);
  });

  it('does not know without the limit, or without a called ticket', () => {
    expect(noShowIsEarly({ status: 'called', recalls: 0 }, null)).toBeNull();
    expect(noShowIsEarly({ status: 'serving', recalls: 0 }, 2)).toBeNull();
    expect(noShowIsEarly(null, 2)).toBeNull();
  });
});

describe('actionForKey', () => {
  const idle = availableActions({ status: 'open' }, null);
  const paused = availableActions({ status: 'paused' }, null);

  it('maps F1–F5 and Space', () => {
    expect(['F1', 'F2', 'F3', 'F4', 'F5', ' '].map((k) => actionForKey(k, idle))).toEqual([
      'call',
      'recall',
      'start',
      'complete',
      'noShow',
      'call',
    ]);
  });

  it('uses F9 for pause or resume, whichever applies', () => {
    expect(actionForKey('F9', idle)).toBe('pause');
    expect(actionForKey('F9', paused)).toBe('resume');
  });

  it('ignores other keys', () => {
    expect(actionForKey('Enter', idle)).toBeNull();
    expect(actionForKey('a', idle)).toBeNull();
    expect(actionForKey('F12', idle)).toBeNull();
  });
});
