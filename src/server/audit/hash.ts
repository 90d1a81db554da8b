// R-31 服务日志: each row's hash covers its content and the previous row's hash, so changing,
// removing or reordering any row breaks every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditContent {
  chain: string;
  chainSeq: number;
  hallId: string | null;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export function auditRowHash(prevHash: string, row: HashedAuditContent): string {
  const content = canonicalJson({ ...row, at: row.at.toISOString(), before: row.before ?? null, after: row.after ?? null });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export function chainFor(hallId: string | null): string {
  return hallId ?? 'global';
}

/**
 * The text auditRowHash hashes, split around the chain sequence number, for a writer that
 * learns the number only under the chain's lock: text = head + String(chainSeq) + tail.
 * canonicalJson sorts keys, so the keys before "chainSeq" and those after it are each their
 * own canonical object, joined at the number.
 */
export function auditRowTextAround(row: Omit<HashedAuditContent, 'chainSeq'>): { head: string; tail: string } {
  const entries = Object.entries({ ...row, at: row.at.toISOString(), before: row.before ?? null, after: row.after ?? null });
  const left = canonicalJson(Object.fromEntries(entries.filter(([k]) => k < 'chainSeq')));
  const right = canonicalJson(Object.fromEntries(entries.filter(([k]) => k > 'chainSeq')));
  return { head: `${left.slice(0, -1)},"chainSeq":`, tail: `,${right.slice(1)}` };
}
