// Reading and verifying the service log (R-31 服务日志基础台帐).
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { defineRoute, type RouteHost } from '../http/route.js';
import { chainFor } from './hash.js';
import { verifyAuditChains } from './verify-audit-chain.js';

const entrySchema = z.object({
  id: z.string(), at: z.string(), hallId: z.string().nullable(),
  actor: z.object({ type: z.enum(['user', 'device', 'system']), id: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(), targetType: z.string().nullable(), targetId: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), hash: z.string(),
});

export function registerAuditRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/audit', tags: ['audit'], auth: 'user',
    summary: 'The service log of a hall, newest first (without hallId: the global part, admins only)',
    query: z.object({
      hallId: z.string().uuid().transform((v) => v.toLowerCase()).optional(),
      cursor: z.string().regex(/^\d{1,18}$/).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    response: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }),
    handler: async ({ actor, query }) => {
      authorize(actor, 'audit.read', query.hallId ?? null);
      const rows = await ctx.db.select().from(auditLog)
        .where(and(
          query.hallId ? eq(auditLog.hallId, query.hallId) : isNull(auditLog.hallId),
          query.cursor ? lt(auditLog.id, Number(query.cursor)) : undefined,
        ))
        .orderBy(desc(auditLog.id)).limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((r) => ({
          id: String(r.id), at: r.at.toISOString(), hallId: r.hallId,
          actor: { type: r.actorType, id: r.actorId, name: r.actorName },
          action: r.action, targetType: r.targetType, targetId: r.targetId, before: r.before, after: r.after, hash: r.hash,
        })),
        nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
      };
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/audit/verify', tags: ['audit'], auth: 'user',
    summary: 'Recompute the hash chain: a changed, removed or reordered row is reported',
    query: z.object({ hallId: z.string().uuid().transform((v) => v.toLowerCase()).optional() }),
    response: z.object({
      ok: z.boolean(),
      chains: z.array(z.object({
        chain: z.string(), rows: z.number(), ok: z.boolean(),
        brokenAt: z.object({ id: z.number(), chainSeq: z.number(), reason: z.string() }).optional(),
      })),
    }),
    handler: async ({ actor, query }) => {
      authorize(actor, 'audit.read', query.hallId ?? null);
      return verifyAuditChains(ctx.db, query.hallId ? [chainFor(query.hallId)] : undefined);
    },
  });
}
