// A one-line summary of an audit entry from its before/after snapshots.
export type AuditChange = { kind: 'created' } | { kind: 'removed' } | { kind: 'changed'; fields: string[] } | { kind: 'none' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const IGNORED = new Set(['updatedAt', 'createdAt', 'id']);

export function describeChange(before: unknown, after: unknown): AuditChange {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && hasAfter) return { kind: 'created' };
  if (hasBefore && !hasAfter) return { kind: 'removed' };
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
