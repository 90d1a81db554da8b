// Housekeeping that any number of instances may run at once: each statement is idempotent.
import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';

export async function pruneExpired(ctx: AppContext): Promise<void> {
  const hours = ctx.env.EVENT_RETENTION_HOURS;
  // Keep each hall's newest event so a resuming client can tell "nothing missed" from "pruned".
  await ctx.db.execute(sql`delete from events e where e.created_at < now() - make_interval(hours => ${hours})
    and e.id < (select last_id from hall_event_counters c where c.hall_id = e.hall_id)`);
  await ctx.db.execute(sql`delete from sessions where expires_at < now()`);
  await ctx.db.execute(sql`delete from login_attempts where window_start < now() - interval '1 hour'`);
}
