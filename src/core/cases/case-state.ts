// The life of one case (办件), as docs/CASES-API.md fixes it:
//
//   open ──notice──▶ awaiting_supplement ──notice──▶ awaiting_supplement …   (R-11 一次性告知, R-12)
//   open | awaiting_supplement ──accept──▶ accepted ──complete──▶ completed  (R-14 受理 → 办结)
//   open | awaiting_supplement ──refuse──▶ refused                           (R-13 不予受理)
//
// Materials change only before the decision (受理 or 不予受理): once a case is accepted, what was
// handed in is the record the deadline was promised on. Extensions (延期) are asked for and
// decided only while an accepted case runs. refused and completed are final.
//
// Whether the materials are complete (accept needs nothing missing, a notice needs something
// missing) is a separate check on the materials, not on the status.

export type CaseStatus = 'open' | 'awaiting_supplement' | 'accepted' | 'refused' | 'completed';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'awaiting_supplement', 'accepted', 'refused', 'completed'];

export type CaseAction =
  | 'update_materials'
  | 'issue_notice'
  | 'accept'
  | 'refuse'
  | 'complete'
  | 'request_extension'
  | 'decide_extension';

export const CASE_ACTIONS: readonly CaseAction[] = [
  'update_materials', 'issue_notice', 'accept', 'refuse', 'complete', 'request_extension', 'decide_extension',
];

const BEFORE_DECISION: readonly CaseStatus[] = ['open', 'awaiting_supplement'];

/** The statuses each action starts from, and where it leads (null: the status stays). */
const RULES: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | null }> = {
  update_materials: { from: BEFORE_DECISION, to: null },
  issue_notice: { from: BEFORE_DECISION, to: 'awaiting_supplement' },
  accept: { from: BEFORE_DECISION, to: 'accepted' },
  refuse: { from: BEFORE_DECISION, to: 'refused' },
  complete: { from: ['accepted'], to: 'completed' },
  request_extension: { from: ['accepted'], to: null },
  decide_extension: { from: ['accepted'], to: null },
};

export function canAct(status: CaseStatus, action: CaseAction): boolean {
  return RULES[action].from.includes(status);
}

/** The status after `action`, or null when the action is not allowed in `status`. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  if (!canAct(status, action)) return null;
  return RULES[action].to ?? status;
}

/** What staff may do with a case in this status (the console offers these buttons). */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => canAct(status, a));
}

export function isFinalStatus(status: CaseStatus): boolean {
  return allowedActions(status).length === 0;
}
