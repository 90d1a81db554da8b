// A fresh database for one test file (or one test): a copy of the run's migrated template.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrlWith, openDatabase, type Database } from '../src/db/client.js';

export interface TestDatabase {
  database: Database;
  /** Set for PostgreSQL: the URL of this copy, for spawning server processes against it. */
  url: string | null;
  drop(): Promise<void>;
}

let templateBytes: Buffer | null = null;

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `ck_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const url = databaseUrlWith(serverUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize: options.poolSize ?? 10 });
    return {
      database,
      url,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  templateBytes ??= readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(templateBytes)]) });
  const database = await openDatabase({ pglite: client });
  return { database, url: null, drop: () => database.close() };
}

export const onPostgres = Boolean(process.env.DATABASE_URL);
