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
