// The storage seam: PGlite (embedded, in-process) or a PostgreSQL server, chosen once at
// start-up. Nothing above src/db knows which one it is talking to, except for reporting.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Pick<Db, 'execute' | 'select' | 'insert' | 'update' | 'delete'>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';

/** Raw script execution for migrations: several statements, one transaction. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `fn` with a raw script runner inside one transaction (used by the migrator). */
  withScriptTransaction<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already created PGlite instance (tests load one from a template dump). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const client = options.pglite ?? (await PGlite.create(options.dataDir ?? 'memory://'));
  return wrapPglite(client);
}

function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onNotify) {
      const unsubscribe = await client.listen(channel, onNotify);
      return async () => { await unsubscribe(); };
    },
    withScriptTransaction(fn) {
      return client.transaction(async (tx) =>
        fn(async (script) => {
          const results = await tx.exec(script);
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
        }));
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

function openPostgres(connectionString: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    db,
    async listen(channel, onNotify) {
      // A dedicated connection: LISTEN is per session and pooled clients are shared.
      let client: pg.Client | null = null;
      let stopped = false;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        c.on('notification', (msg) => {
          if (msg.channel === channel && msg.payload !== undefined) onNotify(msg.payload);
        });
        c.on('error', () => {
          listeners.delete(c);
          c.end().catch(() => {});
          // Reconnect after a short pause; the event hub also polls, so nothing is lost meanwhile.
          if (!stopped) setTimeout(() => { connect().catch(() => {}); }, 1000).unref();
        });
        await c.connect();
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        if (stopped) { await c.end(); return; }
        client = c;
        listeners.add(c);
      };
      await connect();
      return async () => {
        stopped = true;
        if (client) { listeners.delete(client); await client.end().catch(() => {}); }
      };
    },
    async withScriptTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async (script) => {
          const r = await client.query(script);
          const last = Array.isArray(r) ? r.at(-1) : r;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      for (const c of listeners) await c.end().catch(() => {});
      listeners.clear();
      await pool.end();
    },
  };
}

/** Rows of a raw SQL query, whichever driver runs it. */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = await q.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** The same server URL, pointing at another database on it (tests and benchmarks make their own). */
export function databaseUrlWith(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
