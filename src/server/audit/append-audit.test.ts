// R-31 服务日志 and the hall events, as runCommand closes a command: the log rows are numbered
// and hashed by the statement that writes them (under the chain's lock), and on PostgreSQL
// that statement goes to the server together with the COMMIT. These tests check what that
// must never change: the chain verifies, many rows of one command chain one after the other,
// a chain's first row starts it, commands touching the same halls in opposite orders do not
// deadlock, and a command whose closing write fails leaves nothing behind.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import { queryRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createHall } from '../../../test/factories/hall.js';
import { runCommand } from '../run-command.js';
import { auditRowTextAround } from './hash.js';
import { verifyAuditChains } from './verify-audit-chain.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const SYSTEM = { type: 'system' as const, id: null, name: 'system' };

async function logOf(chain: string) {
  return queryRows<{ chain_seq: string | number; action: string; prev_hash: string; hash: string }>(t.ctx.db,
    sql`select chain_seq, action, prev_hash, hash from audit_log where chain = ${chain} order by chain_seq`);
}

async function eventIdsOf(hallId: string) {
  const rows = await queryRows<{ id: string | number; name: string }>(t.ctx.db, sql`select id, payload->>'name' as name from events where hall_id = ${hallId} order by id`);
  return rows.map((r) => [Number(r.id), r.name]);
}

describe('the text a log row is hashed over (R-31)', () => {
  it('is the canonical JSON of the row, split around its sequence number', () => {
    const json = fc.jsonValue();
    fc.assert(fc.property(
      fc.record({
        chain: fc.string(), hallId: fc.option(fc.uuid()), at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
        actorType: fc.constantFrom('user', 'device', 'system'), actorId: fc.option(fc.string()), actorName: fc.option(fc.string()),
        action: fc.string(), targetType: fc.option(fc.string()), targetId: fc.option(fc.string()),
        // Values as jsonb gives them back (what is hashed), including keys named like the row's own.
        before: json.map((v) => JSON.parse(JSON.stringify({ chainSeq: 7, v })) as unknown), after: json.map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown),
      }),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      (row, seq) => {
        const { head, tail } = auditRowTextAround(row);
        expect(`${head}${seq}${tail}`).toBe(canonicalJson({ ...row, chainSeq: seq, at: row.at.toISOString() }));
      }));
  });
});

describe('closing a command (R-31)', () => {
  it('chains every row of a command one after the other, in two chains at once, and numbers its events without gaps', async () => {
    const a = await createHall(t.admin);
    const b = await createHall(t.admin);
    const before = (await logOf(a.id)).length;
    await runCommand(t.ctx, SYSTEM, async (_tx, fx) => {
      for (const n of [1, 2, 3]) fx.audit({ action: `test.a${n}`, hallId: a.id, after: { n, text: '您好，请稍候' } });
      fx.audit({ action: 'test.global', hallId: null });
      fx.audit({ action: 'test.b', hallId: b.id, before: { chainSeq: 99 } });
      fx.emit(b.id, 'hall.updated', { hallId: b.id, name: 'b1' });
      fx.emit(a.id, 'hall.updated', { hallId: a.id, name: 'a1' });
      fx.emit(a.id, 'hall.updated', { hallId: a.id, name: 'a2' });
    });
    const rows = (await logOf(a.id)).slice(before);
    expect(rows.map((r) => [Number(r.chain_seq), r.action])).toEqual([[before + 1, 'test.a1'], [before + 2, 'test.a2'], [before + 3, 'test.a3']]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    const [aEvents, bEvents] = [await eventIdsOf(a.id), await eventIdsOf(b.id)];
    expect(aEvents.slice(-2)).toEqual([[aEvents.length - 1, 'a1'], [aEvents.length, 'a2']]);
    expect(bEvents.at(-1)).toEqual([bEvents.length, 'b1']);
    const report = await verifyAuditChains(t.ctx.db, [a.id, b.id, 'global']);
    expect(report.chains.map((c) => [c.chain, c.ok])).toEqual(expect.arrayContaining([[a.id, true], [b.id, true], ['global', true]]));
  });

  it("starts a chain at its first row, from the genesis hash", async () => {
    const hallId = (await createHall(t.admin)).id;
    // A chain name no command has written to yet.
    const chain = hallId.replace(/^./, (c) => (c === 'f' ? '0' : 'f'));
    await runCommand(t.ctx, SYSTEM, async (_tx, fx) => { fx.audit({ action: 'test.first', hallId: chain }); });
    const rows = await logOf(chain);
    expect(rows.map((r) => [Number(r.chain_seq), r.prev_hash])).toEqual([[1, '0'.repeat(64)]]);
    expect((await verifyAuditChains(t.ctx.db, [chain])).ok).toBe(true);
  });

  it('keeps the chains valid and the event ids gap-free when commands touch the same halls in opposite orders at once', async () => {
    const a = await createHall(t.admin);
    const b = await createHall(t.admin);
    const rounds = 15;
    const command = (first: string, second: string, i: number) => runCommand(t.ctx, SYSTEM, async (_tx, fx) => {
      fx.audit({ action: 'test.cross', hallId: first, after: { i } });
      fx.audit({ action: 'test.cross', hallId: second, after: { i } });
      fx.emit(first, 'hall.updated', { hallId: first, name: `x${i}` });
      fx.emit(second, 'hall.updated', { hallId: second, name: `x${i}` });
    });
    const before = [(await eventIdsOf(a.id)).length, (await eventIdsOf(b.id)).length];
    await Promise.all(Array.from({ length: rounds }, (_, i) => (i % 2 ? command(a.id, b.id, i) : command(b.id, a.id, i))));
    expect((await verifyAuditChains(t.ctx.db, [a.id, b.id])).ok).toBe(true);
    for (const [k, hall] of [a, b].entries()) {
      const ids = (await eventIdsOf(hall.id)).map(([id]) => id);
      expect(ids).toEqual(Array.from({ length: before[k]! + rounds }, (_, i) => i + 1));
    }
  });

  it('commits nothing of a command whose closing write fails', async () => {
    const hallId = (await createHall(t.admin)).id;
    const rowsBefore = (await logOf(hallId)).length;
    const eventsBefore = (await eventIdsOf(hallId)).length;
    // jsonb refuses a \u0000 in a string: the log row cannot be stored.
    await expect(runCommand(t.ctx, SYSTEM, async (tx, fx) => {
      await tx.execute(sql`update halls set name = '改名未成' where id = ${hallId}`);
      fx.audit({ action: 'test.fails', hallId, after: { name: 'bad\u0000' } });
      fx.emit(hallId, 'hall.updated', { hallId, name: '改名未成' });
    })).rejects.toThrow();
    const [hall] = await queryRows<{ name: string }>(t.ctx.db, sql`select name from halls where id = ${hallId}`);
    expect(hall!.name).not.toBe('改名未成');
    expect((await logOf(hallId)).length).toBe(rowsBefore);
    expect((await eventIdsOf(hallId)).length).toBe(eventsBefore);
    // The connection that carried it is still good for the next command.
    await runCommand(t.ctx, SYSTEM, async (_tx, fx) => { fx.audit({ action: 'test.after', hallId }); });
    expect((await logOf(hallId)).at(-1)!.action).toBe('test.after');
  });
});
