// Halls: name, time zone, published hours and their exceptions.
import { z } from 'zod';
import type { OpeningHours } from '../../core/hours/opening-hours.js';
import type { AppContext } from '../context.js';
import { authorize, visibleHallIds } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { presentHall } from './present.js';
import * as repo from './repo.js';
import { createHallBody, hallSchema, updateHallBody } from './schemas.js';
import { assertValidHours } from './validate-hours.js';
import { createHall } from './create-hall.js';
import { writableHall } from './writable-hall.js';

const hallParams = z.object({ hallId: idParam });

export function registerHallRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls', tags: ['halls'], auth: 'actor',
    summary: 'Halls the caller may see', response: z.object({ items: z.array(hallSchema) }),
    handler: async ({ actor }) => ({ items: (await repo.listHalls(ctx.db, visibleHallIds(actor))).map(presentHall) }),
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls', tags: ['halls'], auth: 'user', status: 201,
    summary: 'Create a hall; it starts with the State Council holiday schedules',
    body: createHallBody, response: hallSchema,
    handler: async ({ actor, body }) => {
      authorize(actor, 'hall.create', null);
      return presentHall(await createHall(ctx, actor, body));
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId', tags: ['halls'], auth: 'actor',
    summary: 'One hall', params: hallParams, response: hallSchema,
    handler: async ({ actor, params }) => {
      authorize(actor, 'hall.read', params.hallId);
      const hall = await repo.findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return presentHall(hall);
    },
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/halls/:hallId', tags: ['halls'], auth: 'user',
    summary: 'Change a hall', params: hallParams, body: updateHallBody, response: hallSchema,
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'hall.update', params.hallId);
      assertValidHours(body.openingHours as OpeningHours | undefined, body.hoursExceptions);
      return runCommand(ctx, actor, async (tx, fx) => {
        const before = await writableHall(tx, params.hallId, 'change');
        // An empty patch changes nothing (and an UPDATE without columns is not SQL).
        const after = Object.keys(body).length ? await repo.updateHall(tx, params.hallId, body) : before;
        fx.audit({ action: 'hall.updated', hallId: after.id, targetType: 'hall', targetId: after.id, before: changed(presentHall(before), body), after: body });
        fx.emit(after.id, 'hall.updated', { hallId: after.id, name: after.name });
        return presentHall(after);
      });
    },
  });

  defineRoute(host, {
    method: 'DELETE', url: '/api/v1/halls/:hallId', tags: ['halls'], auth: 'user', status: 204,
    summary: 'Archive a hall (its history stays)', params: hallParams,
    handler: async ({ actor, params }) => {
      authorize(actor, 'hall.archive', params.hallId);
      await runCommand(ctx, actor, async (tx, fx) => {
        const hall = await writableHall(tx, params.hallId, 'change');
        await repo.updateHall(tx, hall.id, { archivedAt: fx.now });
        fx.audit({ action: 'hall.archived', hallId: hall.id, targetType: 'hall', targetId: hall.id, before: { name: hall.name } });
        fx.emit(hall.id, 'hall.archived', { hallId: hall.id });
      });
    },
  });
}

/** The previous values of just the fields a patch touches, for the service log. */
function changed<T extends object>(before: T, patch: object): Partial<T> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, (before as Record<string, unknown>)[k]])) as Partial<T>;
}

