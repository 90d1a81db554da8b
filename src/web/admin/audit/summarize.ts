// A one-line summary of an audit entry from its action and before/after snapshots.
export type AuditChange =
  | { kind: 'created' }
  | { kind: 'removed' }
  | { kind: 'changed'; fields: string[] }
  | { kind: 'details'; text: string }
  | { kind: 'none' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const IGNORED = new Set(['updatedAt', 'createdAt', 'id']);
const CREATING = /creat|seed|add/i;
const REMOVING = /delet|archiv|revok|deactivat|remov/i;

function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "ip=127.0.0.1, kind=kiosk" from a snapshot's first few fields. */
function details(snapshot: unknown): AuditChange {
  if (!isRecord(snapshot)) return snapshot === null || snapshot === undefined ? { kind: 'none' } : { kind: 'details', text: brief(snapshot) };
  const pairs = Object.entries(snapshot)
    .filter(([k]) => !IGNORED.has(k))
    .slice(0, 3)
    .map(([k, v]) => `${k}=${brief(v)}`);
  return pairs.length ? { kind: 'details', text: pairs.join(', ') } : { kind: 'none' };
}

export function describeChange(action: string, before: unknown, after: unknown): AuditChange {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && hasAfter) return CREATING.test(action) ? { kind: 'created' } : details(after);
  if (hasBefore && !hasAfter) return REMOVING.test(action) ? { kind: 'removed' } : details(before);
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const fields = [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return fields.length ? { kind: 'changed', fields } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** A short label for the audited object: its name or number when the snapshot has one. */
export function targetLabel(before: unknown, after: unknown): string | null {
  const snapshot = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!snapshot) return null;
  for (const key of ['name', 'username', 'code', 'number', 'year']) {
    const value = snapshot[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}
