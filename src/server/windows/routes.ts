// Service windows (窗口): a number the public sees, a name, and the services it serves.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { findHall } from '../halls/repo.js';
import { writableHall } from '../halls/writable-hall.js';
import type { Queryable } from '../../db/client.js';
import { presentWindow, windowLogSummary } from './present.js';
import * as repo from './repo.js';
import { createWindowBody, updateWindowBody, windowSchema } from './schemas.js';
import { windowStates } from '../queue/queue-state.js';

const hallParams = z.object({ hallId: idParam });
const windowParams = z.object({ windowId: idParam });

export function registerWindowRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/windows', tags: ['windows'], auth: 'actor',
    summary: "The hall's windows", params: hallParams, response: z.object({ items: z.array(windowSchema) }),
    handler: async ({ actor, params, lang }) => {
      authorize(actor, 'windows.read', params.hallId);
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return { items: (await repo.listWindows(ctx.db, params.hallId)).map((w) => presentWindow(w, lang, hall.openingChecklist)) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/windows', tags: ['windows'], auth: 'user', status: 201,
    summary: 'Add a window', params: hallParams, body: createWindowBody, response: windowSchema,
    handler: async ({ actor, params, body, lang }) => {
      authorize(actor, 'windows.manage', params.hallId);
      return runCommand(ctx, actor, async (tx, fx) => {
        await writableHall(tx, params.hallId);
        if (await repo.numberTaken(tx, params.hallId, body.number)) throw new AppError('window_number_taken');
        await assertServicesOfHall(tx, params.hallId, body.serviceIds);
        const w = await repo.insertWindow(tx, { hallId: params.hallId, number: body.number, name: body.name }, body.serviceIds);
        fx.audit({ action: 'window.created', hallId: w.hallId, targetType: 'window', targetId: w.id, after: windowLogSummary(w) });
        fx.emit(w.hallId, 'window.created', { windowId: w.id, number: w.number, name: w.name });
        return presentWindow(w, lang);
      });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/windows/:windowId', tags: ['windows'], auth: 'actor',
    summary: 'One window with its opening checklist', params: windowParams, response: windowSchema,
    handler: async ({ actor, params, lang }) => {
      const w = await repo.findWindow(ctx.db, params.windowId);
      if (!w) throw new AppError('not_found');
      authorize(actor, 'windows.read', w.hallId);
      // The working state (who is signed in, pause, current ticket) for the staff console.
      const state = (await windowStates(ctx.db, w.hallId)).find((x) => x.id === w.id);
      const hall = await findHall(ctx.db, w.hallId);
      return { ...presentWindow(w, lang, hall?.openingChecklist ?? null), session: state?.session ?? null, pause: state?.pause ?? null, currentTicket: state?.currentTicket ?? null, staff: state?.staff ?? null };
    },
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/windows/:windowId', tags: ['windows'], auth: 'user',
    summary: 'Change a window', params: windowParams, body: updateWindowBody, response: windowSchema,
    handler: async ({ actor, params, body, lang }) => runCommand(ctx, actor, async (tx, fx) => {
      const before = await repo.findWindow(tx, params.windowId);
      if (!before) throw new AppError('not_found');
      authorize(actor, 'windows.manage', before.hallId);
      await writableHall(tx, before.hallId);
      if (body.number !== undefined && await repo.numberTaken(tx, before.hallId, body.number, before.id)) throw new AppError('window_number_taken');
      if (body.serviceIds) await assertServicesOfHall(tx, before.hallId, body.serviceIds);
      await repo.updateWindow(tx, before.id, {
        ...(body.number !== undefined && { number: body.number }),
        ...(body.name !== undefined && { name: body.name }),
      }, body.serviceIds);
      const after = (await repo.findWindow(tx, before.id))!;
      fx.audit({ action: 'window.updated', hallId: after.hallId, targetType: 'window', targetId: after.id, before: windowLogSummary(before), after: windowLogSummary(after) });
      fx.emit(after.hallId, 'window.updated', { windowId: after.id, number: after.number, name: after.name });
      return presentWindow(after, lang);
    }),
  });

  defineRoute(host, {
    method: 'DELETE', url: '/api/v1/windows/:windowId', tags: ['windows'], auth: 'user', status: 204,
    summary: 'Archive a window', params: windowParams,
    handler: async ({ actor, params }) => {
      await runCommand(ctx, actor, async (tx, fx) => {
        const w = await repo.findWindow(tx, params.windowId);
        if (!w) throw new AppError('not_found');
        authorize(actor, 'windows.manage', w.hallId);
        await writableHall(tx, w.hallId);
        await repo.updateWindow(tx, w.id, { archivedAt: fx.now });
        fx.audit({ action: 'window.archived', hallId: w.hallId, targetType: 'window', targetId: w.id, before: windowLogSummary(w) });
        fx.emit(w.hallId, 'window.archived', { windowId: w.id, number: w.number });
      });
    },
  });
}

async function assertServicesOfHall(tx: Queryable, hallId: string, serviceIds: string[]) {
  const live = await repo.liveServiceIds(tx, hallId, serviceIds);
  const details = serviceIds.flatMap((id, i) => (live.has(id) ? [] : [fieldProblem(`serviceIds.${i}`, { zh: '不是本大厅的服务事项', en: 'not a service of this hall' })]));
  if (details.length) throw new AppError('validation_failed', details);
}
