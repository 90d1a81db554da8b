// The public service guide (办事指南, R-16): what anyone may read without signing in — the live
// halls, a hall's live services, and one service's full guide. Archived halls and services are
// not found.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { findHall, listHalls } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { listWindows } from '../windows/repo.js';
import { presentGuideItem, presentGuideSummary, presentPublicHall } from './present.js';
import * as repo from './repo.js';
import { guideItemSchema, guideSummarySchema, publicHallSchema } from './schemas.js';

const hallParams = z.object({ hallId: idParam });
const itemParams = z.object({ hallId: idParam, serviceId: idParam });

export function registerGuideRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/public/halls', tags: ['guide'], auth: 'public',
    summary: 'The live halls, to pick one for the service guide',
    response: z.object({ items: z.array(publicHallSchema) }),
    handler: async () => ({ items: (await listHalls(ctx.db, null)).map(presentPublicHall) }),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/public/halls/:hallId/guide', tags: ['guide'], auth: 'public',
    summary: "The hall's service guide: its live services", params: hallParams,
    response: z.object({ hall: publicHallSchema, items: z.array(guideSummarySchema) }),
    handler: async ({ params }) => {
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      const items = (await repo.listServices(ctx.db, hall.id)).map(presentGuideSummary);
      return { hall: presentPublicHall(hall), items };
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/public/halls/:hallId/guide/:serviceId', tags: ['guide'], auth: 'public',
    summary: "One service's guide: conditions, materials, steps, time limits, fees, where, when and whom to call",
    params: itemParams, response: guideItemSchema,
    handler: async ({ params }) => {
      const hall = await findHall(ctx.db, params.hallId);
      const service = hall ? await repo.findService(ctx.db, params.serviceId) : null;
      if (!hall || !service || service.hallId !== hall.id) throw new AppError('not_found');
      const windows = (await listWindows(ctx.db, hall.id))
        .filter((w) => w.serviceIds.includes(service.id))
        .map((w) => ({ number: w.number, name: w.name }));
      return presentGuideItem(service, hall, windows);
    },
  });
}
