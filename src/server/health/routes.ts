import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { defineRoute, type RouteHost } from '../http/route.js';

export function registerHealthRoutes(host: RouteHost, ctx: AppContext, isClosing: () => boolean): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/health', tags: ['health'], auth: 'public',
    summary: 'Ready to serve: the database answers',
    response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
    handler: async () => {
      if (isClosing()) throw new AppError('unavailable');
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  });
}
