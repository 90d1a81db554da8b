// Boot: configuration → database → migrations → first admin → demo hall → HTTP. Shutdown in
// reverse: stop taking requests, end SSE streams, let requests finish, close the database.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { buildApp } from './app.js';
import { ensureAdmin } from './bootstrap/ensure-admin.js';
import type { AppContext } from './context.js';
import { seedDemoHall, type DemoSeed } from './demo/seed-demo-hall.js';
import type { Env } from './env.js';
import { EventHub } from './events/hub.js';
import { pruneExpired } from './maintenance.js';
import { startScheduledChecks } from './queue/scheduled-checks.js';
import { startSupervisionChecks } from './cases/supervision-check.js';

export interface RunningServer {
  url: string;
  ctx: AppContext;
  admin: Awaited<ReturnType<typeof ensureAdmin>>;
  demo: DemoSeed | null;
  stop(): Promise<void>;
}

/** PGlite is one process's database: a second server on the same folder would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = resolve(dataDir, 'chuangkou.pid');
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(`${dataDir} is in use by process ${pid}. Stop it first, or use DATABASE_URL to share one PostgreSQL server between instances.`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

export async function startServer(env: Env, options: { logger?: boolean; database?: Database } = {}): Promise<RunningServer> {
  const unlock = env.DATABASE_URL || options.database ? () => {} : lockDataDir(resolve(env.DATA_DIR));
  const database = options.database ?? await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR), poolSize: env.DB_POOL_SIZE });
  await migrate(database);
  const hub = new EventHub(database);
  await hub.start();
  const ctx: AppContext = { env, database, db: database.db, hub, now: () => new Date() };
  const admin = await ensureAdmin(ctx, env.ADMIN_PASSWORD);
  const demo = env.DEMO ? await seedDemoHall(ctx) : null;
  const built = await buildApp(ctx, { logger: options.logger });
  await pruneExpired(ctx);
  const stopChecks = startScheduledChecks(ctx, (err) => built.app.log.warn({ err }, 'scheduled check failed'));
  const stopSupervision = startSupervisionChecks(ctx, (err) => built.app.log.warn({ err }, 'supervision-light check failed'));
  const maintenance = setInterval(() => { pruneExpired(ctx).catch((err) => built.app.log.warn({ err }, 'prune failed')); }, 10 * 60_000);
  maintenance.unref();
  await built.app.listen({ port: env.PORT, host: env.HOST });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://localhost:${port}`,
    ctx,
    admin,
    demo,
    stop() {
      stopping ??= (async () => {
        clearInterval(maintenance);
        stopChecks();
        stopSupervision();
        built.beginShutdown();
        await built.app.close();
        await hub.stop();
        if (!options.database) await database.close();
        unlock();
      })();
      return stopping;
    },
  };
}
