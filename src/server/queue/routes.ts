// HTTP for the queue: issuing tickets, the window's work, the screens' read models, alerts.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { fieldMessage, fieldProblem } from '../http/field-messages.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { findHall } from '../halls/repo.js';
import { writableHall } from '../halls/writable-hall.js';
import { runCommand } from '../run-command.js';
import { callNextTicket } from './call-next-ticket.js';
import { issueTicket } from './issue-ticket.js';
import type { OpenStreams } from '../http/event-stream.js';
import { boardSnapshot, queueSnapshot, windowStates } from './queue-state.js';
import * as repo from './repo.js';
import { actOnTicket, type TicketAction } from './ticket-actions.js';
import { closeWindow, openWindow, pauseWindow, resumeWindow } from './window-shifts.js';
import { registerTrackStream, trackedTicket, trackingView, trackQuery } from './track-stream.js';

const hallParams = z.object({ hallId: idParam });
const windowParams = z.object({ windowId: idParam });
const ticketParams = z.object({ ticketId: idParam });
const uuid = z.string().uuid().transform((v) => v.toLowerCase());

const issueBody = z.object({
  serviceId: uuid,
  priority: z.enum(['normal', 'priority']).default('normal'),
  priorityReason: z.enum(['elderly', 'disabled', 'pregnant', 'military', 'urgent']).optional(),
  phone: z.string().regex(/^1\d{10}$/, fieldMessage({ zh: '应为 11 位手机号码', en: 'an 11-digit mobile number' })).optional(),
}).strict();

const ticketSchema = z.object({
  id: z.string(), number: z.string(), serviceId: z.string(), serviceName: z.string(), status: z.string(),
  priority: z.string(), priorityReason: z.string().nullable(), issuedAt: z.string(), queuedAt: z.string(),
  calledAt: z.string().nullable(), startedAt: z.string().nullable(), endedAt: z.string().nullable(), recalls: z.number(),
  windowId: z.string().nullable(), boundWindowId: z.string().nullable(), placement: z.string(), outcome: z.string().nullable(),
  waitedMinutes: z.number(),
});

export function registerQueueRoutes(host: RouteHost, ctx: AppContext, streams: OpenStreams): void {
  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/tickets', tags: ['queue'], auth: 'actor', status: 201,
    summary: 'Issue a ticket (取号): kiosk device or staff; only in opening hours and for a staffed service',
    params: hallParams, body: issueBody,
    response: z.object({
      id: z.string(), number: z.string(), serviceId: z.string(), serviceName: z.string(), status: z.string(), priority: z.string(),
      ahead: z.number(), estimatedWaitMinutes: z.number().nullable(), trackToken: z.string(), trackUrl: z.string(), issuedAt: z.string(), hallName: z.string(),
      windowsPaused: z.boolean(),
    }),
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'queue.issue', params.hallId);
      if (body.priority === 'normal' && body.priorityReason) {
        throw new AppError('validation_failed', [fieldProblem('priorityReason', { zh: '只有优先号需要填写优先原因', en: 'only for priority tickets' })]);
      }
      return issueTicket(ctx, actor, params.hallId, body);
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/tickets/:ticketId', tags: ['queue'], auth: 'public',
    summary: "A ticket's status for the citizen's phone (needs the ticket's token)",
    params: ticketParams, query: trackQuery,
    handler: async ({ params, query }) => {
      // The same check and the same view as the live stream below.
      const view = await trackingView(ctx, await trackedTicket(ctx.db, params.ticketId, query.token));
      if (!view) throw new AppError('not_found');
      return view;
    },
  });

  registerTrackStream(host, ctx, streams);

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/queue', tags: ['queue'], auth: 'actor',
    summary: "The hall's queue now: hours, services with waiting counts and estimates, windows, open alerts",
    params: hallParams,
    handler: async ({ actor, params }) => {
      authorize(actor, 'queue.read', params.hallId);
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return queueSnapshot(ctx.db, hall, ctx.now());
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/board', tags: ['queue'], auth: 'actor',
    summary: 'What the display board shows: windows with staff badges (R-25), recent calls, waiting counts',
    params: hallParams,
    handler: async ({ actor, params }) => {
      authorize(actor, 'queue.read', params.hallId);
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return boardSnapshot(ctx.db, hall, ctx.now());
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/windows/:windowId/state', tags: ['queue'], auth: 'user',
    summary: "A window's working state: session, pause, current ticket",
    params: windowParams,
    handler: async ({ actor, params }) => {
      const w = await repo.findWindowRow(ctx.db, params.windowId);
      if (!w) throw new AppError('not_found');
      authorize(actor, 'queue.read', w.hallId);
      return (await windowStates(ctx.db, w.hallId)).find((x) => x.id === w.id)!;
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/windows/:windowId/open', tags: ['queue'], auth: 'user',
    summary: 'Sign in to a window with the opening checklist (R-09 五个到位)',
    params: windowParams, body: z.object({ checklist: z.record(z.string().max(64), z.boolean()) }).strict(),
    handler: async ({ actor, params, body }) => {
      await openWindow(ctx, actor, params.windowId, body.checklist);
      return stateOf(params.windowId);
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/windows/:windowId/pause', tags: ['queue'], auth: 'user',
    summary: 'Pause with a reason (R-05); the board shows 暂停服务 at once',
    params: windowParams,
    body: z.object({ reason: z.enum(['handover', 'equipment', 'break', 'other']), note: z.string().trim().max(200).optional() }).strict(),
    handler: async ({ actor, params, body }) => {
      if (body.reason === 'other' && !body.note) throw new AppError('validation_failed', [fieldProblem('note', { zh: '请说明暂停的原因', en: 'say why' })]);
      await pauseWindow(ctx, actor, params.windowId, body.reason, body.note ?? null);
      return stateOf(params.windowId);
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/windows/:windowId/resume', tags: ['queue'], auth: 'user',
    summary: 'Resume after a pause', params: windowParams,
    handler: async ({ actor, params }) => {
      await resumeWindow(ctx, actor, params.windowId);
      return stateOf(params.windowId);
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/windows/:windowId/close', tags: ['queue'], auth: 'user',
    summary: 'Close the window; refused while people wait with no other window (R-08) unless a manager overrides with a reason',
    params: windowParams,
    body: z.object({ override: z.boolean().default(false), reason: z.string().trim().max(200).optional() }).strict(),
    handler: async ({ actor, params, body }) => {
      await closeWindow(ctx, actor, params.windowId, body);
      return stateOf(params.windowId);
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/windows/:windowId/call-next', tags: ['queue'], auth: 'user',
    summary: 'Call the next ticket (叫号); 204 when nobody waits', params: windowParams,
    response: z.object({ ticket: ticketSchema }),
    handler: async ({ actor, params, reply }) => {
      const ticket = await callNextTicket(ctx, actor, params.windowId);
      if (!ticket) { reply.code(204).send(); return; }
      return { ticket };
    },
  });

  const action = (path: string, summary: string, body: z.ZodType | undefined, toAction: (b: never) => TicketAction) =>
    defineRoute(host, {
      method: 'POST', url: `/api/v1/tickets/:ticketId/${path}`, tags: ['queue'], auth: 'user', summary,
      params: ticketParams, ...(body ? { body } : {}), response: z.object({ ticket: ticketSchema }),
      handler: async ({ actor, params, body: b }) => ({ ticket: await actOnTicket(ctx, actor, params.ticketId, toAction(b as never)) }),
    });
  action('recall', 'Call the same number again (重呼)', undefined, () => ({ type: 'recall' }));
  action('start', 'The citizen is at the window: start serving', undefined, () => ({ type: 'start' }));
  action('no-show', 'Mark a called number as not present (过号): after the recalls, or at once with onDemand',
    z.object({ onDemand: z.boolean().optional(), note: z.string().trim().max(500).optional() }).strict(),
    (b: { onDemand?: boolean; note?: string }) => ({ type: 'no_show', onDemand: b.onDemand, note: b.note }));
  action('cancel', 'Cancel a waiting or called ticket', undefined, () => ({ type: 'cancel' }));
  action('rejoin', 'Put a no-show back at the front of its queue, within the rejoin time', undefined, () => ({ type: 'rejoin' }));
  action('complete', 'Finish serving, with the outcome',
    z.object({ outcome: z.enum(['done', 'notice_issued', 'refused', 'referred']), note: z.string().trim().max(500).optional() }).strict(),
    (b: { outcome: 'done' | 'notice_issued' | 'refused' | 'referred'; note?: string }) => ({ type: 'complete', outcome: b.outcome, note: b.note }));
  action('transfer', 'Send the ticket to another service or window, at the front or the back',
    z.object({ serviceId: uuid.optional(), windowId: uuid.optional(), position: z.enum(['front', 'back']).default('front'), note: z.string().trim().max(500).optional() })
      .strict().refine((b) => Boolean(b.serviceId) !== Boolean(b.windowId), {
        message: fieldMessage({ zh: '请选择转往的事项或窗口（二选一）', en: 'give exactly one of serviceId or windowId' }), path: ['serviceId'],
      }),
    (b: { serviceId?: string; windowId?: string; position: 'front' | 'back'; note?: string }) => ({ type: 'transfer', ...b }));

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/alerts', tags: ['queue'], auth: 'user',
    summary: "The hall's alerts (R-06, R-07, R-09, R-10)", params: hallParams,
    query: z.object({ status: z.enum(['open', 'all']).default('open') }),
    handler: async ({ actor, params, query }) => {
      authorize(actor, 'queue.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const rows = await repo.alertsOfHall(ctx.db, params.hallId, query.status === 'open');
      return { items: rows.map((a) => ({ id: a.id, kind: a.kind, payload: a.payload, raisedAt: a.raisedAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null })) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/alerts/:alertId/resolve', tags: ['queue'], auth: 'user', status: 204,
    summary: 'Mark an alert as dealt with', params: z.object({ alertId: idParam }),
    handler: async ({ actor, params }) => {
      const alert = await repo.findAlert(ctx.db, params.alertId);
      if (!alert) throw new AppError('not_found');
      authorize(actor, 'alerts.resolve', alert.hallId);
      if (alert.resolvedAt) return;
      await runCommand(ctx, actor, async (tx, fx) => {
        await writableHall(tx, alert.hallId);
        await repo.resolveAlert(tx, alert.id, fx.now, actor.username);
        fx.audit({ action: 'alert.resolved', hallId: alert.hallId, targetType: 'alert', targetId: alert.id, before: { kind: alert.kind } });
      });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/devices/me', tags: ['devices'], auth: 'actor',
    summary: 'The calling device: its kind and hall',
    handler: async ({ actor }) => {
      if (actor.type !== 'device') throw new AppError('forbidden');
      const hall = await findHall(ctx.db, actor.hallId);
      if (!hall) throw new AppError('not_found');
      return { id: actor.id, kind: actor.kind, name: actor.name, hallId: hall.id, hallName: hall.name };
    },
  });

  async function stateOf(windowId: string) {
    const w = await repo.findWindowRow(ctx.db, windowId);
    return (await windowStates(ctx.db, w!.hallId)).find((x) => x.id === windowId)!;
  }
}
