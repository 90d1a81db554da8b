import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, canAct, CASE_ACTIONS, CASE_STATUSES, isFinalStatus, nextStatus, type CaseAction, type CaseStatus } from './case-state.js';

/** Runs the legal actions of a sequence from `open`, skipping the rest; returns the statuses passed. */
function walk(actions: readonly CaseAction[]): CaseStatus[] {
  const path: CaseStatus[] = ['open'];
  for (const a of actions) {
    const next = nextStatus(path.at(-1)!, a);
    if (next !== null) path.push(next);
  }
  return path;
}

describe('case status transitions', () => {
  it('takes the lifecycle open → notice → awaiting_supplement → notice → accept → complete', () => {
    expect(walk(['issue_notice', 'update_materials', 'issue_notice', 'accept', 'request_extension', 'decide_extension', 'complete']))
      .toEqual(['open', 'awaiting_supplement', 'awaiting_supplement', 'awaiting_supplement', 'accepted', 'accepted', 'accepted', 'completed']);
  });

  it('lets a case be accepted or refused (R-13) straight from open, and after a notice', () => {
    for (const from of ['open', 'awaiting_supplement'] as const) {
      expect(nextStatus(from, 'accept')).toBe('accepted');
      expect(nextStatus(from, 'refuse')).toBe('refused');
    }
  });

  it('refuses what makes no sense: completing before acceptance, a notice or new materials after it, extensions before it', () => {
    expect(nextStatus('open', 'complete')).toBeNull();
    expect(nextStatus('awaiting_supplement', 'complete')).toBeNull();
    expect(nextStatus('accepted', 'issue_notice')).toBeNull();
    expect(nextStatus('accepted', 'update_materials')).toBeNull();
    expect(nextStatus('accepted', 'refuse')).toBeNull();
    expect(nextStatus('accepted', 'accept')).toBeNull();
    expect(nextStatus('open', 'request_extension')).toBeNull();
    expect(nextStatus('awaiting_supplement', 'decide_extension')).toBeNull();
  });

  it('offers the console the actions of each status', () => {
    expect(allowedActions('open')).toEqual(['update_materials', 'issue_notice', 'accept', 'refuse']);
    expect(allowedActions('awaiting_supplement')).toEqual(['update_materials', 'issue_notice', 'accept', 'refuse']);
    expect(allowedActions('accepted')).toEqual(['complete', 'request_extension', 'decide_extension']);
    expect(allowedActions('refused')).toEqual([]);
    expect(allowedActions('completed')).toEqual([]);
  });

  const actionsArb = fc.array(fc.constantFrom(...CASE_ACTIONS), { maxLength: 30 });

  it('never leaves refused or completed, whatever is tried', () => {
    fc.assert(fc.property(fc.constantFrom<CaseStatus>('refused', 'completed'), actionsArb, (final, actions) => {
      expect(isFinalStatus(final)).toBe(true);
      for (const a of actions) expect(nextStatus(final, a)).toBeNull();
    }));
  });

  it('never goes back: once accepted, a case is never open or awaiting a supplement again', () => {
    fc.assert(fc.property(actionsArb, (actions) => {
      const path = walk(actions);
      const accepted = path.indexOf('accepted');
      if (accepted >= 0) expect(path.slice(accepted).every((s) => s === 'accepted' || s === 'completed')).toBe(true);
      const order: Record<CaseStatus, number> = { open: 0, awaiting_supplement: 1, accepted: 2, refused: 3, completed: 3 };
      for (let i = 1; i < path.length; i++) expect(order[path[i]!]).toBeGreaterThanOrEqual(order[path[i - 1]!]);
    }));
  });

  it('only completes accepted cases, and every refused or completed case was decided from before the decision', () => {
    fc.assert(fc.property(actionsArb, (actions) => {
      const path = walk(actions);
      path.forEach((s, i) => {
        if (s === 'completed') expect(path[i - 1]).toBe('accepted');
        if (s === 'refused') expect(['open', 'awaiting_supplement']).toContain(path[i - 1]);
      });
      expect(path.filter((s) => s === 'refused' || s === 'completed').length).toBeLessThanOrEqual(1);
    }));
  });

  it('agrees between canAct, nextStatus and allowedActions for every status and action', () => {
    for (const s of CASE_STATUSES) {
      for (const a of CASE_ACTIONS) {
        expect(canAct(s, a)).toBe(nextStatus(s, a) !== null);
        expect(allowedActions(s).includes(a)).toBe(canAct(s, a));
      }
    }
    expect(nextStatus('open', 'issue_notice')).toBe('awaiting_supplement');
  });
});
