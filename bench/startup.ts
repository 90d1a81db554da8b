// Start-up time of the whole server on the embedded database, fresh and existing data dir,
// as a ratio to a baseline measured in the same process: PGlite opening the same kind of
// data dir with nothing of ours on top. Ratios survive a noisy 2-core machine; raw ms do not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadEnv } from '../src/server/env.js';
import { startServer } from '../src/server/start-server.js';

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchStartup(rounds = 3) {
  const fresh: number[] = [], existing: number[] = [], baseFresh: number[] = [], baseExisting: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const baseDir = mkdtempSync(join(tmpdir(), 'ck-bench-base-'));
    const [bf, pg] = await time(() => PGlite.create(baseDir));
    await pg.close();
    const [be, pg2] = await time(() => PGlite.create(baseDir));
    await pg2.close();
    baseFresh.push(bf); baseExisting.push(be);
    rmSync(baseDir, { recursive: true, force: true });

    const dir = mkdtempSync(join(tmpdir(), 'ck-bench-'));
    const env = loadEnv({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-pass-1', DEMO: '1' });
    const [f, s1] = await time(() => startServer(env, { logger: false }));
    await s1.stop();
    const [e, s2] = await time(() => startServer(env, { logger: false }));
    await s2.stop();
    fresh.push(f); existing.push(e);
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    freshMs: median(fresh), existingMs: median(existing),
    baselineFreshMs: median(baseFresh), baselineExistingMs: median(baseExisting),
    freshRatio: median(fresh) / median(baseFresh), existingRatio: median(existing) / median(baseExisting),
  };
}
