// Login attempts per IP + username, counted in the database so every instance shares the
// count: at most LOGIN_LIMIT_PER_MINUTE attempts a minute; a success clears the count.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import { AppError } from '../http/errors.js';

export async function countLoginAttempt(db: Queryable, key: string, limit: number): Promise<void> {
  const [row] = await queryRows<{ count: number; retry_after: string | number }>(db, sql`
    insert into login_attempts (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when login_attempts.window_start <= now() - interval '1 minute'
                          then now() else login_attempts.window_start end,
      count = case when login_attempts.window_start <= now() - interval '1 minute'
                   then 1 else login_attempts.count + 1 end
    returning count, ceil(extract(epoch from (window_start + interval '1 minute' - now()))) as retry_after`);
  if (row && row.count > limit) {
    throw new AppError('rate_limited', { retryAfterSeconds: Math.max(1, Number(row.retry_after)) });
  }
}

export async function clearLoginAttempts(db: Queryable, key: string): Promise<void> {
  await db.execute(sql`delete from login_attempts where key = ${key}`);
}
