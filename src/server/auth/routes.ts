// Sign in, sign out, who am I, change password.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { defineRoute, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { changePasswordBody, loginBody, userSchema } from '../users/schemas.js';
import { presentUser } from '../users/present.js';
import * as repo from '../users/repo.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { clearLoginAttempts, countLoginAttempt } from './login-throttle.js';
import { newSecretToken, tokenHash } from './tokens.js';
import { SESSION_COOKIE } from './authenticate.js';

export function registerAuthRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'POST', url: '/api/v1/auth/login', tags: ['auth'], auth: 'public',
    summary: 'Sign in with username and password; sets the session cookie',
    body: loginBody, response: z.object({ user: userSchema }),
    handler: async ({ body, req, reply }) => {
      const throttleKey = `${req.ip}|${body.username.toLowerCase()}`;
      const retryAfterSeconds = await countLoginAttempt(ctx.db, throttleKey, ctx.env.LOGIN_LIMIT_PER_MINUTE);
      if (retryAfterSeconds !== null) {
        await logThrottledLogin(ctx, body.username, req.ip, retryAfterSeconds).catch((err: unknown) => {
          // The answer stays 429 even if its row could not be written (a 500 would hide the throttle).
          req.log.error({ err }, 'service log: throttled sign-in not recorded');
        });
        throw new AppError('rate_limited', { retryAfterSeconds });
      }
      const user = await repo.findUserForLogin(ctx.db, body.username);
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok || !user.active) {
        await runCommand(ctx, { type: 'system', id: null, name: body.username }, async (_tx, fx) => {
          fx.audit({ action: 'auth.login_failed', hallId: user?.hallId ?? null, targetType: 'user', targetId: user?.id ?? body.username, after: { ip: req.ip } });
        });
        throw new AppError('invalid_credentials');
      }
      await clearLoginAttempts(ctx.db, throttleKey);
      const token = newSecretToken();
      const expiresAt = new Date(ctx.now().getTime() + ctx.env.SESSION_TTL_HOURS * 3600_000);
      const actor = { type: 'user' as const, id: user.id, username: user.username, name: user.name, role: user.role, hallId: user.hallId };
      await runCommand(ctx, actor, async (tx, fx) => {
        await repo.insertSession(tx, tokenHash(token), user.id, expiresAt);
        fx.audit({ action: 'auth.login', hallId: user.hallId, targetType: 'user', targetId: user.id, after: { ip: req.ip } });
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/', httpOnly: true, sameSite: 'lax', expires: expiresAt,
        secure: ctx.env.COOKIE_SECURE === 'true' || (ctx.env.COOKIE_SECURE === 'auto' && req.protocol === 'https'),
      });
      return { user: presentUser(user) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/auth/logout', tags: ['auth'], auth: 'user', status: 204,
    summary: 'Sign out: ends this session',
    handler: async ({ actor, req, reply }) => {
      const token = req.cookies[SESSION_COOKIE]!;
      await runCommand(ctx, actor, async (tx, fx) => {
        await repo.deleteSession(tx, tokenHash(token));
        fx.audit({ action: 'auth.logout', hallId: actor.hallId, targetType: 'user', targetId: actor.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/auth/me', tags: ['auth'], auth: 'user',
    summary: 'The signed-in user', response: z.object({ user: userSchema }),
    handler: async ({ actor }) => {
      const user = await repo.findUser(ctx.db, actor.id);
      if (!user) throw new AppError('unauthenticated');
      return { user: presentUser(user) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/auth/password', tags: ['auth'], auth: 'user', status: 204,
    summary: 'Change your own password; other sessions of yours are signed out',
    body: changePasswordBody,
    handler: async ({ actor, body, req }) => {
      const stored = await repo.findUserSecret(ctx.db, actor.id);
      if (!stored || !(await verifyPassword(body.currentPassword, stored))) throw new AppError('wrong_password');
      const passwordHash = await hashPassword(body.newPassword);
      await runCommand(ctx, actor, async (tx, fx) => {
        await repo.updateUser(tx, actor.id, { passwordHash });
        await repo.deleteSessionsOf(tx, actor.id, tokenHash(req.cookies[SESSION_COOKIE]!));
        fx.audit({ action: 'auth.password_changed', hallId: actor.hallId, targetType: 'user', targetId: actor.id });
      });
    },
  });
}

/**
 * a sign-in refused by the throttle leaves a row, as the system naming the username typed.
 * It goes to the global chain, not the hall of the person it names: refusals cost the caller
 * nothing and come as fast as one client can send them, and in a hall's chain each would take
 * the commit queue that the hall's windows wait on to call the next number (append-events.ts).
 * Not looking the person up also keeps a refusal from costing a query more.
 */
async function logThrottledLogin(ctx: AppContext, username: string, ip: string, retryAfterSeconds: number): Promise<void> {
  await runCommand(ctx, { type: 'system', id: null, name: username }, async (_tx, fx) => {
    fx.audit({ action: 'auth.login_throttled', hallId: null, targetType: 'user', targetId: username, after: { ip, retryAfterSeconds } });
  });
}
