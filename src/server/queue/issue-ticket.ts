// 取号: a numbered ticket for a service, only in opening hours and only for a service
// some window is serving (a ticket nobody will call is worse than none).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/access/policy.js';
import { estimateWait, windowsSharingWait } from '../../core/queue/estimate.js';
import { ticketsAhead } from '../../core/queue/ordering.js';
import { formatTicketNumber } from '../../core/queue/ticket-number.js';
import type { Queryable } from '../../db/client.js';
import { services, windows, windowServices } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { newSecretToken, tokenHash } from '../auth/tokens.js';
import { AppError } from '../http/errors.js';
import { findHall } from '../halls/repo.js';
import { hallClock } from '../halls/hall-clock.js';
import { auditActorOf, runCommand } from '../run-command.js';
import { policyOf } from './queue-policy.js';
import * as repo from './repo.js';
import { toCoreTicket } from './ticket-view.js';
import { newTicketId } from './ticket-ids.js';

export interface IssueTicketInput {
  serviceId: string;
  priority: 'normal' | 'priority';
  priorityReason?: 'elderly' | 'disabled' | 'pregnant' | 'military' | 'urgent' | undefined;
  phone?: string | undefined;
}

/** Windows of the service in these states (open: calling now; paused: will resume). */
export async function windowCountForService(db: Queryable, serviceId: string, statuses: ('open' | 'paused')[]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(windowServices)
    .innerJoin(windows, eq(windows.id, windowServices.windowId))
    .where(and(eq(windowServices.serviceId, serviceId), inArray(windows.status, statuses), isNull(windows.archivedAt)));
  return row?.n ?? 0;
}

export async function issueTicket(ctx: AppContext, actor: Actor, hallId: string, input: IssueTicketInput) {
  const hall = await findHall(ctx.db, hallId);
  if (!hall) throw new AppError('not_found');
  const now = ctx.now();
  const clock = await hallClock(ctx.db, hall, now);
  if (!clock.openNow) throw new AppError('hall_closed', { opensAt: clock.opensAt?.toISOString() ?? null });
  const trackToken = newSecretToken();
  const who = auditActorOf(actor);
  const policy = policyOf(hall);
  return runCommand(ctx, actor, async (tx, fx) => {
    const [service] = await tx.select().from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.hallId, hallId), isNull(services.archivedAt))).limit(1);
    if (!service) throw new AppError('not_found', { serviceId: input.serviceId });
    // A paused window will resume; a service nobody has signed in for cannot be served.
    const staffed = await windowCountForService(tx, service.id, ['open', 'paused']);
    if (staffed === 0) throw new AppError('no_open_window', { serviceId: service.id });
    const seq = await repo.nextTicketSeq(tx, hallId, service.ticketPrefix, clock.today);
    const row = await repo.insertTicket(tx, {
      id: newTicketId(fx.now.getTime()), hallId, serviceId: service.id, number: formatTicketNumber(service.ticketPrefix, seq),
      prefix: service.ticketPrefix, seq, serviceDay: clock.today,
      priority: input.priority, priorityReason: input.priority === 'priority' ? input.priorityReason ?? null : null,
      phone: input.phone ?? null, status: 'waiting', placement: 'normal', recalls: 0, rejoins: 0,
      issuedAt: fx.now, queuedAt: fx.now, trackTokenHash: tokenHash(trackToken), issuedByType: who.type, issuedById: who.id,
    });
    const waiting = (await repo.waitingOfService(tx, service.id)).map(toCoreTicket);
    const history = await repo.recentCalls(tx, [service.id], policy.priorityStreak);
    const ahead = ticketsAhead(toCoreTicket(row), waiting, history, policy, fx.now);
    const open = await windowCountForService(tx, service.id, ['open']);
    const estimatedWaitMinutes = estimateWait(ahead, windowsSharingWait(open, staffed - open), await repo.recentServiceMinutes(tx, service.id));
    fx.audit({
      action: 'ticket.issued', hallId, targetType: 'ticket', targetId: row.id,
      after: { number: row.number, serviceId: service.id, priority: row.priority, priorityReason: row.priorityReason },
    });
    fx.emit(hallId, 'ticket.issued', { ticketId: row.id, number: row.number, serviceId: service.id });
    return {
      id: row.id, number: row.number, serviceId: service.id, serviceName: service.name, status: row.status,
      priority: row.priority, ahead, estimatedWaitMinutes, trackToken,
      // Every window of the service is paused: the kiosk asks the citizen to bear with it.
      windowsPaused: open === 0,
      trackUrl: `/t/${row.id}?token=${trackToken}`, issuedAt: row.issuedAt.toISOString(), hallName: hall.name,
    };
  });
}
