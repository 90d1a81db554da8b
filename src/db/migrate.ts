// Applies the committed SQL migrations in name order, once each, on PGlite or PostgreSQL.
// Several instances may start at once against one server: an advisory lock makes the
// second wait for the first and then find nothing left to do.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 727_100_001;

export async function listMigrations(): Promise<{ name: string; sql: string }[]> {
  const names = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(migrationsDir + name, 'utf8') })));
}

/** Returns the names of the migrations it applied. */
export async function migrate(database: Database): Promise<string[]> {
  const migrations = await listMigrations();
  return database.withScriptTransaction(async (run) => {
    await run(`select pg_advisory_xact_lock(${LOCK_KEY});
      create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now());`);
    const done = new Set((await run('select name from schema_migrations')).map((r) => String(r.name)));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await run(m.sql);
      await run(`insert into schema_migrations (name) values ('${m.name.replace(/'/g, "''")}')`);
      applied.push(m.name);
    }
    return applied;
  });
}
