import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseUrlWith, openDatabase } from './client.js';
import { listMigrations, migrate } from './migrate.js';

describe('migrations', () => {
  it('apply once on an empty embedded database and are a no-op the second time', async () => {
    const database = await openDatabase({ pglite: await PGlite.create() });
    try {
      const all = (await listMigrations()).map((m) => m.name);
      expect(await migrate(database)).toEqual(all);
      expect(await migrate(database)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)('let several instances start together on one PostgreSQL database', async () => {
    const server = process.env.DATABASE_URL!;
    const name = `ck_m_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = databaseUrlWith(server, name);
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, poolSize: 2 })));
    try {
      const applied = await Promise.all(instances.map((d) => migrate(d)));
      const all = (await listMigrations()).map((m) => m.name);
      // Exactly one instance applied everything; the others waited on the lock and found nothing to do.
      expect(applied.filter((a) => a.length > 0)).toEqual([all]);
      expect(applied.filter((a) => a.length === 0)).toHaveLength(2);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
