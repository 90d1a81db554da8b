// Database.writeTransaction: a command's closing statements go with its COMMIT. What a caller
// relies on: everything or nothing is kept, literals survive the trip intact, and a failure
// leaves the connection usable for the next command. Runs on PGlite and, in CI, PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '../../test/test-database.js';
import { queryRows, type Database } from './client.js';

let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  // One connection: a connection left in a failed transaction would break the next test.
  t = await createTestDatabase({ poolSize: 1 });
  db = t.database;
  await db.db.execute(sql`create table wt_notes (id int primary key, body text not null, flag boolean)`);
});
afterAll(async () => { await t?.drop(); });

const bodies = async () =>
  (await queryRows<{ id: number; body: string }>(db.db, sql`select id, body from wt_notes order by id`)).map((r) => `${r.id}:${r.body}`);

describe('writeTransaction', () => {
  it('keeps the work and the closing statements together, with their values exactly as given', async () => {
    const awkward = `it's "quoted" \\ back\\slash; drop table wt_notes; -- $1 and 你好`;
    const result = await db.writeTransaction(async (tx) => {
      await tx.execute(sql`insert into wt_notes (id, body) values (${1}, ${'work'})`);
      return { result: 'ok', closing: [sql`insert into wt_notes (id, body, flag) values (${2}, ${awkward}, ${true})`, sql`update wt_notes set flag = ${null} where id = ${1}`] };
    });
    expect(result).toBe('ok');
    expect(await bodies()).toEqual(['1:work', `2:${awkward}`]);
  });

  it('keeps nothing when a closing statement fails, and the next transaction works', async () => {
    await expect(db.writeTransaction(async (tx) => {
      await tx.execute(sql`insert into wt_notes (id, body) values (${3}, ${'lost with the failure'})`);
      return { result: null, closing: [sql`insert into wt_notes (id, body) values (${4}, ${'fine'})`, sql`insert into wt_notes (id, body) values (${1}, ${'duplicate key'})`] };
    })).rejects.toThrow();
    expect(await bodies()).not.toContain('3:lost with the failure');
    expect(await bodies()).not.toContain('4:fine');
    await db.writeTransaction(async (tx) => {
      await tx.execute(sql`insert into wt_notes (id, body) values (${5}, ${'after'})`);
      return { result: null, closing: [] };
    });
    expect(await bodies()).toContain('5:after');
  });

  it('keeps nothing when the work throws', async () => {
    await expect(db.writeTransaction(async (tx) => {
      await tx.execute(sql`insert into wt_notes (id, body) values (${6}, ${'half done'})`);
      throw new Error('the work changed its mind');
    })).rejects.toThrow('the work changed its mind');
    expect(await bodies()).not.toContain('6:half done');
  });

  // PGlite runs closing statements with their parameters; only PostgreSQL writes them as literals.
  it.skipIf(!onPostgres)('refuses to write a value it cannot quote safely as a literal, and keeps nothing', async () => {
    await expect(db.writeTransaction(async (tx) => {
      await tx.execute(sql`insert into wt_notes (id, body) values (${7}, ${'before the bad value'})`);
      return { result: null, closing: [sql`insert into wt_notes (id, body) values (${8}, ${{ not: 'a literal' }})`] };
    })).rejects.toThrow(/cannot write a value of type object as a literal/);
    expect(await bodies()).not.toContain('7:before the bad value');
  });

  it.skipIf(!onPostgres)('runs a repeated statement by name after the first time, on the same connection', async () => {
    for (let i = 0; i < 3; i++) await db.db.execute(sql`select count(*) from wt_notes where id > ${i}`);
    const [row] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from pg_prepared_statements where statement like ${'%from wt_notes where id >%'}`);
    expect(row!.n).toBe(1);
  });
});
