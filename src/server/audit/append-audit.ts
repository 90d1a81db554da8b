// Writes service-log rows (R-31) inside the caller's transaction.
//
// A chain's rows are hashed in order, each over the one before, so writers on one chain must
// queue: the chain's head row is locked, its last hash read under that lock, the new rows
// hashed onto it and written with the new head — and the lock is only released by COMMIT.
// Every writer of a hall waits meanwhile, so that stretch must not wait on this process: the
// head is read, the rows hashed and everything written by one statement, sent with the
// COMMIT (see run-command.ts). Node prepares each row's canonical JSON (the core's
// canonicalJson, split around the sequence number, which is only known under the lock); the
// statement numbers the rows and hashes them with Postgres's sha256() — the same
// sha256(prev_hash ‖ "\n" ‖ canonical JSON) that verify-audit-chain.ts recomputes in Node.
import { sql, type SQL } from 'drizzle-orm';
import { auditRowTextAround, chainFor, GENESIS_HASH } from './hash.js';

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

/** A command's log rows, ready to be chained by the statement that writes them. */
export interface PreparedAudit {
  actor: AuditActor;
  at: Date;
  /** Sorted, as the commit queue and the heads are taken in key order. */
  chains: string[];
  rows: {
    chain: string; ord: number; head: string; tail: string; hall_id: string | null; action: string;
    target_type: string | null; target_id: string | null; before: unknown; after: unknown;
  }[];
}

export function prepareAudit(actor: AuditActor, entries: AuditEntry[], at: Date): PreparedAudit {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainFor(e.hallId);
    const list = byChain.get(chain);
    if (list) list.push(e); else byChain.set(chain, [e]);
  }
  const chains = [...byChain.keys()].sort();
  const rows = chains.flatMap((chain) => byChain.get(chain)!.map((e, i) => {
    const content = {
      chain, hallId: e.hallId, at, actorType: actor.type, actorId: actor.id, actorName: actor.name,
      action: e.action, targetType: e.targetType ?? null, targetId: e.targetId ?? null,
      before: normalise(e.before), after: normalise(e.after),
    };
    const { head, tail } = auditRowTextAround(content);
    return {
      chain, ord: i + 1, head, tail, hall_id: e.hallId, action: e.action, target_type: content.targetType,
      target_id: content.targetId, before: content.before, after: content.after,
    };
  }));
  return { actor, at, chains, rows };
}

/**
 * The service-log part of a command's closing statement, as CTEs of a WITH RECURSIVE, run
 * once `queued` (an expression of that statement) holds the hall's commit queue
 * (events/append-events.ts). No one else then takes these rows; the FOR UPDATE stays as the
 * row lock the chain is documented to live under, and it reads the head's latest committed
 * version even though the statement's snapshot is older than the wait for the queue.
 *   audit_heads_locked — the heads, in chain order (ensureChainHeads created any missing);
 *   audit_starts — each chain's head, or the genesis of a chain without one;
 *   audit_chained — the rows numbered and hashed one after the other from there;
 *   audit_rows, audit_heads — the inserts, and the heads moved on.
 */
export function auditCtes(log: PreparedAudit, queued: SQL): SQL {
  const chains = sql.join(log.chains.map((c) => sql`${c}::text`), sql`, `);
  return sql`audit_heads_locked as (
    select chain, last_seq, last_hash from audit_chain_heads where chain in (${chains}) and ${queued} order by chain for update
  ), audit_starts as (
    select c.chain, coalesce(h.last_seq, 0) as last_seq, coalesce(h.last_hash, ${GENESIS_HASH}::text) as last_hash
    from unnest(array[${chains}]) as c(chain) left join audit_heads_locked h on h.chain = c.chain
  ), audit_pending as (
    select * from jsonb_to_recordset(${JSON.stringify(log.rows)}::jsonb) as p(chain text, ord int, head text, tail text,
      hall_id uuid, action text, target_type text, target_id text, before jsonb, after jsonb)
  ), audit_chained (chain, ord, seq, prev_hash, hash) as (
    select chain, 0, last_seq, null::text, last_hash from audit_starts
    union all
    select c.chain, c.ord + 1, c.seq + 1, c.hash,
      encode(sha256(convert_to(c.hash || chr(10) || p.head || (c.seq + 1)::text || p.tail, 'UTF8')), 'hex')
    from audit_chained c join audit_pending p on p.chain = c.chain and p.ord = c.ord + 1
  ), audit_rows as (
    insert into audit_log (chain, chain_seq, hall_id, at, actor_type, actor_id, actor_name, action, target_type, target_id, before, after, prev_hash, hash)
    select c.chain, c.seq, p.hall_id, ${log.at.toISOString()}::timestamptz, ${log.actor.type}::text, ${log.actor.id}::text,
      ${log.actor.name}::text, p.action, p.target_type, p.target_id, p.before, p.after, c.prev_hash, c.hash
    from audit_chained c join audit_pending p on p.chain = c.chain and p.ord = c.ord
    order by c.chain, c.ord
  ), audit_heads as (
    insert into audit_chain_heads (chain, last_seq, last_hash)
    select c.chain, c.seq, c.hash
    from audit_chained c join (select chain, max(ord) as ord from audit_pending group by chain) l on l.chain = c.chain and l.ord = c.ord
    on conflict (chain) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash
  )`;
}

/**
 * Creates the heads a command's chains lack (a chain's very first row), before the commit
 * queue is taken, so that the closing statement's snapshot has every head. An existing head
 * is only looked at, never locked or waited for; two first writers of one chain meet on the
 * unique key, and the second waits for the first and adds nothing.
 */
export function ensureChainHeads(log: PreparedAudit): SQL {
  return sql`insert into audit_chain_heads (chain, last_seq, last_hash)
    select c.chain, 0, ${GENESIS_HASH}::text from unnest(array[${sql.join(log.chains.map((c) => sql`${c}::text`), sql`, `)}]) as c(chain)
    where not exists (select 1 from audit_chain_heads h where h.chain = c.chain)
    on conflict (chain) do nothing`;
}

/** What jsonb gives back is what must be hashed: drop undefined, turn dates into strings. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
