// Who is calling: a signed-in person (session cookie) or a device (Bearer token).
// Cookie-authenticated writes must come from our own origin (CSRF defence): browsers always
// send Origin on cross-site POST/PUT/PATCH/DELETE, so a foreign Origin is refused; clients
// that send no Origin at all are not browsers and cannot be tricked into sending the cookie.
import type { FastifyRequest } from 'fastify';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../../core/access/policy.js';
import { devices, sessions, users } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'ck_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const actorCache = new WeakMap<FastifyRequest, Promise<Actor | null>>();

export function createAuthenticator(ctx: AppContext) {
  return (req: FastifyRequest): Promise<Actor | null> => {
    let cached = actorCache.get(req);
    if (!cached) {
      cached = resolveActor(ctx, req);
      actorCache.set(req, cached);
    }
    return cached;
  };
}

async function resolveActor(ctx: AppContext, req: FastifyRequest): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return deviceActor(ctx, header.slice(7).trim());
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const actor = await sessionActor(ctx, token);
  if (actor && !SAFE_METHODS.has(req.method)) checkOrigin(ctx, req);
  return actor;
}

async function deviceActor(ctx: AppContext, token: string): Promise<Actor> {
  const [device] = await ctx.db.select().from(devices)
    .where(and(eq(devices.tokenHash, tokenHash(token)), isNull(devices.revokedAt))).limit(1);
  if (!device) throw new AppError('unauthenticated');
  const now = ctx.now();
  // A heartbeat for R-01 (devices working), written at most once a minute per device.
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > 60_000) {
    await ctx.db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, device.id));
  }
  return { type: 'device', id: device.id, name: device.name, kind: device.kind, hallId: device.hallId };
}

export async function sessionActor(ctx: AppContext, token: string): Promise<Actor | null> {
  const [row] = await ctx.db.select({ user: users }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, ctx.now()), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const u = row.user;
  return { type: 'user', id: u.id, username: u.username, name: u.name, role: u.role, hallId: u.hallId };
}

function checkOrigin(ctx: AppContext, req: FastifyRequest): void {
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') throw new AppError('origin_rejected');
  if (!origin) return;
  const allowed = new Set(ctx.env.PUBLIC_ORIGIN.map((o) => new URL(o).origin));
  const host = req.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw new AppError('origin_rejected');
}
