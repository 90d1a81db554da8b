// Checks that run on a timer, on every instance; an advisory lock makes exactly one instance
// do the work each round (R-06: a handover pause longer than 10 minutes raises an alert).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { runCommand } from '../run-command.js';
import * as repo from './repo.js';

export const HANDOVER_LIMIT_MINUTES = 10;
const LOCK_KEY = 727_100_002;

export async function checkOverdueHandovers(ctx: AppContext): Promise<number> {
  return runCommand(ctx, { type: 'system', id: null, name: 'scheduler' }, async (tx, fx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
    if (!lock?.ok) return 0;
    const overdue = await repo.overdueHandovers(tx, fx.now, HANDOVER_LIMIT_MINUTES);
    for (const p of overdue) {
      await repo.markPauseAlerted(tx, p.id);
      const minutes = Math.floor((fx.now.getTime() - new Date(p.started_at).getTime()) / 60_000);
      const payload = { kind: 'handover_overdue', windowId: p.window_id, windowNumber: p.number, minutes };
      const id = await repo.raiseAlert(tx, { hallId: p.hall_id, kind: 'handover_overdue', dedupeKey: `handover_overdue:${p.id}`, payload, raisedAt: fx.now });
      if (id) {
        fx.audit({ action: 'alert.raised', hallId: p.hall_id, targetType: 'alert', targetId: id, after: payload });
        fx.emit(p.hall_id, 'alert.raised', { ...payload, alertId: id });
      }
    }
    return overdue.length;
  });
}

/** Starts the timer; the returned function stops it. Runs once right away. */
export function startScheduledChecks(ctx: AppContext, onError: (err: unknown) => void, everyMs = 30_000): () => void {
  const run = () => { checkOverdueHandovers(ctx).catch(onError); };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
