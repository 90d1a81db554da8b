// On an empty database the first account is `admin`, with ADMIN_PASSWORD or a random password
// that is printed once.
import { sql } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { hashPassword } from '../auth/passwords.js';
import { newReadablePassword } from '../auth/tokens.js';
import { runCommand } from '../run-command.js';

export async function ensureAdmin(ctx: AppContext, adminPassword: string | undefined): Promise<{ created: boolean; password?: string; generated?: boolean }> {
  const [{ count } = { count: 0 }] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return { created: false };
  const password = adminPassword ?? newReadablePassword();
  const passwordHash = await hashPassword(password);
  await runCommand(ctx, null, async (tx, fx) => {
    const [admin] = await tx.insert(users).values({ username: 'admin', passwordHash, name: '系统管理员', role: 'admin', hallId: null })
      .onConflictDoNothing().returning({ id: users.id });
    if (admin) fx.audit({ action: 'user.created', hallId: null, targetType: 'user', targetId: admin.id, after: { username: 'admin', role: 'admin' } });
  });
  return { created: true, password, generated: adminPassword === undefined };
}
