// Recomputes every chain of the service log and reports the first row that does not fit.
import { asc, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import { auditRowHash, GENESIS_HASH } from './hash.js';

export interface ChainReport {
  chain: string;
  rows: number;
  ok: boolean;
  brokenAt?: { id: number; chainSeq: number; reason: 'hash_mismatch' | 'link_broken' | 'sequence_gap' | 'head_mismatch' };
}

export async function verifyAuditChains(db: Queryable, chains?: string[]): Promise<{ ok: boolean; chains: ChainReport[] }> {
  const heads = await queryRows<{ chain: string; last_seq: string | number; last_hash: string }>(
    db, sql`select chain, last_seq, last_hash from audit_chain_heads order by chain`);
  const reports: ChainReport[] = [];
  for (const head of heads) {
    if (chains && !chains.includes(head.chain)) continue;
    reports.push(await verifyChain(db, head.chain, Number(head.last_seq), head.last_hash));
  }
  return { ok: reports.every((r) => r.ok), chains: reports };
}

const PAGE = 2000;

async function verifyChain(db: Queryable, chain: string, headSeq: number, headHash: string): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db.select().from(auditLog)
      .where(sql`${auditLog.chain} = ${chain} and ${auditLog.chainSeq} >= ${expectedSeq}`)
      .orderBy(asc(auditLog.chainSeq)).limit(PAGE);
    for (const r of rows) {
      count += 1;
      lastId = r.id;
      const at = { id: r.id, chainSeq: r.chainSeq };
      if (r.chainSeq !== expectedSeq) return { chain, rows: count, ok: false, brokenAt: { ...at, reason: 'sequence_gap' } };
      if (r.prevHash !== prevHash) return { chain, rows: count, ok: false, brokenAt: { ...at, reason: 'link_broken' } };
      const recomputed = auditRowHash(prevHash, {
        chain: r.chain, chainSeq: r.chainSeq, hallId: r.hallId, at: r.at,
        actorType: r.actorType, actorId: r.actorId, actorName: r.actorName,
        action: r.action, targetType: r.targetType, targetId: r.targetId, before: r.before, after: r.after,
      });
      if (recomputed !== r.hash) return { chain, rows: count, ok: false, brokenAt: { ...at, reason: 'hash_mismatch' } };
      prevHash = r.hash;
      expectedSeq += 1;
    }
    if (rows.length < PAGE) break;
  }
  // Rows cut off the end leave a valid-looking prefix; the head remembers how long the chain was.
  if (expectedSeq - 1 !== headSeq || prevHash !== headHash) {
    return { chain, rows: count, ok: false, brokenAt: { id: lastId, chainSeq: expectedSeq, reason: 'head_mismatch' } };
  }
  return { chain, rows: count, ok: true };
}

