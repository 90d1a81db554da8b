// Login attempts per IP + username, counted in the database so every instance shares the
// count: at most LOGIN_LIMIT_PER_MINUTE attempts a minute; a success clears the count.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';

/**
 * Counts one attempt. Over the limit it returns the seconds until the next attempt may be made
 * (the caller refuses with 429 and logs the refusal); within it, null.
 */
export async function countLoginAttempt(db: Queryable, key: string, limit: number): Promise<number | null> {
  const [row] = await queryRows<{ count: number; retry_after: string | number }>(db, sql`
    insert into login_attempts (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when login_attempts.window_start <= now() - interval '1 minute'
                          then now() else login_attempts.window_start end,
      count = case when login_attempts.window_start <= now() - interval '1 minute'
                   then 1 else login_attempts.count + 1 end
    returning count, ceil(extract(epoch from (window_start + interval '1 minute' - now()))) as retry_after`);
  return row && row.count > limit ? Math.max(1, Number(row.retry_after)) : null;
}

export async function clearLoginAttempts(db: Queryable, key: string): Promise<void> {
  await db.execute(sql`delete from login_attempts where key = ${key}`);
}
