// The hall's catalogue of services (服务事项), each with its ticket prefix, its guide (办事指南,
// R-16) and materials; the catalogue document's import and export; the public guide.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { findHall } from '../halls/repo.js';
import { writableHall } from '../halls/writable-hall.js';
import { presentService } from './present.js';
import * as repo from './repo.js';
import { createServiceBody, serviceSchema, updateServiceBody } from './schemas.js';
import { assertCoherentService, withMaterialIds } from './service-rules.js';
import { registerCatalogTransferRoutes } from './transfer-routes.js';
import { registerGuideRoutes } from './guide-routes.js';

const hallParams = z.object({ hallId: idParam });
const serviceParams = z.object({ serviceId: idParam });

export function registerCatalogRoutes(host: RouteHost, ctx: AppContext): void {
  registerCatalogTransferRoutes(host, ctx);
  registerGuideRoutes(host, ctx);

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/services', tags: ['catalog'], auth: 'actor',
    summary: "The hall's services", params: hallParams, response: z.object({ items: z.array(serviceSchema) }),
    handler: async ({ actor, params }) => {
      authorize(actor, 'catalog.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      return { items: (await repo.listServices(ctx.db, params.hallId)).map(presentService) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/services', tags: ['catalog'], auth: 'user', status: 201,
    summary: 'Add a service', params: hallParams, body: createServiceBody, response: serviceSchema,
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'catalog.manage', params.hallId);
      const fields = {
        ...body,
        statutoryDays: body.statutoryDays ?? null,
        promisedDays: body.kind === 'immediate' ? null : body.promisedDays ?? null,
      };
      assertCoherentService(fields);
      return runCommand(ctx, actor, async (tx, fx) => {
        await writableHall(tx, params.hallId);
        await assertNoClash(tx, params.hallId, fields);
        const service = presentService(await repo.insertService(tx, {
          ...fields, hallId: params.hallId, materials: withMaterialIds(body.materials), createdAt: fx.now, updatedAt: fx.now,
        }));
        fx.audit({ action: 'service.created', hallId: params.hallId, targetType: 'service', targetId: service.id, after: service });
        fx.emit(params.hallId, 'service.created', { serviceId: service.id, code: service.code, name: service.name });
        return service;
      });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/services/:serviceId', tags: ['catalog'], auth: 'actor',
    summary: 'One service', params: serviceParams, response: serviceSchema,
    handler: async ({ actor, params }) => {
      const service = await repo.findService(ctx.db, params.serviceId);
      if (!service) throw new AppError('not_found');
      authorize(actor, 'catalog.read', service.hallId);
      return presentService(service);
    },
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/services/:serviceId', tags: ['catalog'], auth: 'user',
    summary: 'Change a service', params: serviceParams, body: updateServiceBody, response: serviceSchema,
    handler: async ({ actor, params, body }) => runCommand(ctx, actor, async (tx, fx) => {
      const current = await repo.findService(tx, params.serviceId);
      if (!current) throw new AppError('not_found');
      authorize(actor, 'catalog.manage', current.hallId);
      await writableHall(tx, current.hallId);
      const kind = body.kind ?? current.kind;
      const fields = {
        code: body.code ?? current.code,
        name: body.name ?? current.name,
        ticketPrefix: body.ticketPrefix ?? current.ticketPrefix,
        kind,
        statutoryDays: body.statutoryDays !== undefined ? body.statutoryDays : current.statutoryDays,
        promisedDays: kind === 'immediate' ? null : body.promisedDays !== undefined ? body.promisedDays : current.promisedDays,
      };
      assertCoherentService(fields);
      await assertNoClash(tx, current.hallId, fields, current.id);
      const materials = body.materials ? withMaterialIds(body.materials, current.materials) : current.materials;
      // The guide's fields change only when sent (drizzle leaves undefined columns alone).
      const { code: _c, name: _n, ticketPrefix: _t, kind: _k, statutoryDays: _s, promisedDays: _p, materials: _m, ...guide } = body;
      const updated = presentService(await repo.updateService(tx, current.id, { ...guide, ...fields, materials, updatedAt: fx.now }));
      fx.audit({ action: 'service.updated', hallId: current.hallId, targetType: 'service', targetId: current.id, before: presentService(current), after: updated });
      fx.emit(current.hallId, 'service.updated', { serviceId: updated.id, code: updated.code, name: updated.name });
      return updated;
    }),
  });

  defineRoute(host, {
    method: 'DELETE', url: '/api/v1/services/:serviceId', tags: ['catalog'], auth: 'user', status: 204,
    summary: 'Archive a service (tickets and cases keep referring to it)', params: serviceParams,
    handler: async ({ actor, params }) => {
      await runCommand(ctx, actor, async (tx, fx) => {
        const current = await repo.findService(tx, params.serviceId);
        if (!current) throw new AppError('not_found');
        authorize(actor, 'catalog.manage', current.hallId);
        await writableHall(tx, current.hallId);
        await repo.updateService(tx, current.id, { archivedAt: fx.now });
        fx.audit({ action: 'service.archived', hallId: current.hallId, targetType: 'service', targetId: current.id, before: { code: current.code, name: current.name } });
        fx.emit(current.hallId, 'service.archived', { serviceId: current.id });
      });
    },
  });
}

async function assertNoClash(tx: Parameters<typeof repo.findClash>[0], hallId: string, s: { code: string; ticketPrefix: string }, exceptId?: string) {
  if (await repo.findClash(tx, hallId, 'code', s.code, exceptId)) throw new AppError('service_code_taken');
  if (await repo.findClash(tx, hallId, 'ticketPrefix', s.ticketPrefix, exceptId)) throw new AppError('ticket_prefix_taken');
}
