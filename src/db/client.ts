// The storage seam: PGlite (embedded, in-process) or a PostgreSQL server, chosen once at
// start-up. Nothing above src/db knows which one it is talking to, except for reporting.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import pg from 'pg';
import * as schema from './schema.js';
import { inlineLiterals } from './inline-literals.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Pick<Db, 'execute' | 'select' | 'insert' | 'update' | 'delete'>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';

/** What a write transaction's work gives back: its result and the statements that close it. */
export interface TransactionEnd<T> {
  result: T;
  /** Run last, in order, right before COMMIT; they read nothing back. */
  closing: SQL[];
}

/** Raw script execution for migrations: several statements, one transaction. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * One transaction whose closing statements travel with its COMMIT. On a PostgreSQL server
   * they and the COMMIT go in one message, so locks the closing statements take are held
   * for one round trip less, and no empty COMMIT follows. On PGlite (one connection, one
   * transaction at a time, in process) they simply run in order before the COMMIT.
   */
  writeTransaction<T>(work: (tx: Tx) => Promise<TransactionEnd<T>>): Promise<T>;
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
    writeTransaction(work) {
      return db.transaction(async (tx) => {
        const { result, closing } = await work(tx);
        for (const statement of closing) await tx.execute(statement);
        return result;
      });
    },
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

/**
 * A connection that prepares each parameterised statement once and runs it by name after that:
 * the same few dozen statement shapes run thousands of times a day, and parsing and planning
 * them again each time was half of the server's work per ticket. Statements are named by a hash
 * of their text, so the same text always maps to the same name (node-postgres keeps, per
 * connection, which names it has prepared). Statements without parameters are left alone:
 * they include multi-statement scripts, which cannot be prepared.
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config, values] = args;
    if (config && typeof config === 'object' && !('submit' in config) && Array.isArray(values) && values.length > 0) {
      const c = config as pg.QueryConfig;
      if (c.text && !c.name) {
        const name = statementName(c.text);
        if (name) args[0] = { ...c, name };
      }
    }
    return (pg.Client.prototype.query as (...a: unknown[]) => never).apply(this, args);
  }
}

const statementNames = new Map<string, string>();
/** Enough for every statement shape we have, many times over; beyond it, statements run unnamed. */
const MAX_NAMED_STATEMENTS = 5000;

function statementName(text: string): string | null {
  let name = statementNames.get(text);
  if (name) return name;
  if (statementNames.size >= MAX_NAMED_STATEMENTS) return null;
  name = `ck_${createHash('sha1').update(text).digest('base64url')}`;
  statementNames.set(text, name);
  return name;
}

function openPostgres(connectionString: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize, Client: PreparingClient });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listeners = new Set<pg.Client>();
  // A drizzle front per pooled connection, made once: the pool hands the same clients out again.
  const fronts = new WeakMap<pg.PoolClient, Tx>();
  const frontOf = (client: pg.PoolClient): Tx => {
    let front = fronts.get(client);
    if (!front) fronts.set(client, front = drizzlePg({ client }) as unknown as Tx);
    return front;
  };
  return {
    kind: 'postgres',
    db,
    async writeTransaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const { result, closing } = await work(frontOf(client));
        await client.query(closing.length ? `${closing.map(inlineLiterals).join(';\n')};\ncommit` : 'commit');
        return result;
      } catch (err) {
        // Also after a failed closing message: the statements after the failing one, COMMIT
        // included, never ran, so the transaction is still open and aborted.
        await client.query('rollback').catch(() => { broken = true; });
        throw err;
      } finally {
        // A connection that could not even roll back is dropped, not handed out again.
        client.release(broken);
      }
    },
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
