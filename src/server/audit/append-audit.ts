// Writes service-log rows inside the caller's transaction. The chain head row is locked
// (FOR UPDATE) so concurrent writers on one chain queue up instead of forking it.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import { auditRowHash, chainFor, GENESIS_HASH } from './hash.js';

export interface AuditActor {
  type: 'user' | 'device' | 'system';
  id: string | null;
  name: string | null;
}

export interface AuditEntry {
  action: string;
  hallId: string | null;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(tx: Queryable, actor: AuditActor, entries: AuditEntry[], at: Date): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainFor(e.hallId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
  }
  // Lock chains in a fixed order so two commands touching the same chains cannot deadlock.
  for (const chain of [...byChain.keys()].sort()) {
    await tx.execute(sql`insert into audit_chain_heads (chain, last_seq, last_hash)
      values (${chain}, 0, ${GENESIS_HASH}) on conflict (chain) do nothing`);
    const [head] = await queryRows<{ last_seq: string | number; last_hash: string }>(
      tx, sql`select last_seq, last_hash from audit_chain_heads where chain = ${chain} for update`);
    let seq = Number(head!.last_seq);
    let prevHash = head!.last_hash;
    const rows = [];
    for (const e of byChain.get(chain)!) {
      seq += 1;
      const content = {
        chain, chainSeq: seq, hallId: e.hallId, at,
        actorType: actor.type, actorId: actor.id, actorName: actor.name,
        action: e.action, targetType: e.targetType ?? null, targetId: e.targetId ?? null,
        before: normalise(e.before), after: normalise(e.after),
      };
      const hash = auditRowHash(prevHash, content);
      rows.push({ ...content, prevHash, hash });
      prevHash = hash;
    }
    await tx.insert(auditLog).values(rows);
    await tx.execute(sql`update audit_chain_heads set last_seq = ${seq}, last_hash = ${prevHash} where chain = ${chain}`);
  }
}

/** What jsonb gives back is what must be hashed: drop undefined, turn dates into strings. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
