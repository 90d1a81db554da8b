// A window's working day: open with the checklist, pause with a reason (R-05; an
// equipment pause is a fault, R-07), resume, and close — never early while people wait and
// no other window serves them, unless a manager overrides with a reason (R-08 准时满点).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/access/policy.js';
import { openingChecklistFor, uncheckedItems } from '../../core/windows/opening-checklist.js';
import { services, tickets, windows, windowServices } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { writableHall } from '../halls/writable-hall.js';
import { hallClock } from '../halls/hall-clock.js';
import { runCommand } from '../run-command.js';
import { redirectBoundTickets, reviewCoverage } from './coverage.js';
import * as repo from './repo.js';
import { refuseSignInElsewhere } from './sign-in-elsewhere.js';
import { assertWindowOperator } from './window-access.js';
import type { PauseReason } from '../../db/schema.js';

/** staff should be at the window this many minutes before the hall opens. */
export const ARRIVE_BEFORE_OPENING_MINUTES = 10;

async function loadWindow(tx: Tx, windowId: string) {
  const w = await repo.lockWindow(tx, windowId);
  if (!w) throw new AppError('not_found');
  return w;
}

export async function openWindow(ctx: AppContext, actor: Actor, windowId: string, checklist: Record<string, boolean>) {
  if (actor.type !== 'user') throw new AppError('forbidden');
  return runCommand(ctx, actor, async (tx, fx) => {
    const w = await loadWindow(tx, windowId);
    authorize(actor, 'queue.operate', w.hallId);
    const hallRow = await writableHall(tx, w.hallId);
    const missing = uncheckedItems(openingChecklistFor(hallRow.openingChecklist, 'zh-CN'), checklist);
    if (missing.length) throw new AppError('checklist_incomplete', { missing });
    const current = await repo.openSession(tx, w.id);
    if (current) {
      if (current.session.userId === actor.id) return { windowId: w.id, alreadyOpen: true };
      throw new AppError('window_taken', { by: current.user.name });
    }
    await refuseSignInElsewhere(tx, actor.id, w.id);
    const clock = await hallClock(tx, hallRow, fx.now);
    const late = clock.firstOpenToday !== null && fx.now.getTime() > clock.firstOpenToday.getTime() - ARRIVE_BEFORE_OPENING_MINUTES * 60_000;
    const session = await repo.insertSession(tx, { hallId: w.hallId, windowId: w.id, userId: actor.id, openedAt: fx.now, late, checklist });
    await repo.setWindowStatus(tx, w.id, 'open');
    fx.audit({ action: 'window.opened', hallId: w.hallId, targetType: 'window', targetId: w.id, before: { status: w.status }, after: { status: 'open', sessionId: session.id, late, checklist } });
    fx.emit(w.hallId, 'window.opened', { windowId: w.id, number: w.number });
    if (late) {
      const payload = { kind: 'late_sign_in', windowId: w.id, windowNumber: w.number, userName: actor.name, openedAt: fx.now.toISOString() };
      const id = await repo.raiseAlert(tx, { hallId: w.hallId, kind: 'late_sign_in', dedupeKey: `late_sign_in:${session.id}`, payload, raisedAt: fx.now });
      if (id) {
        fx.audit({ action: 'alert.raised', hallId: w.hallId, targetType: 'alert', targetId: id, after: payload });
        fx.emit(w.hallId, 'alert.raised', { ...payload, alertId: id });
      }
    }
    await reviewCoverage(tx, fx, w.hallId, await repo.serviceIdsOfWindow(tx, w.id));
    return { windowId: w.id, alreadyOpen: false };
  });
}

export async function pauseWindow(ctx: AppContext, actor: Actor, windowId: string, reason: PauseReason, note: string | null) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const w = await loadWindow(tx, windowId);
    await assertWindowOperator(tx, actor, w.hallId, w.id);
    await writableHall(tx, w.hallId);
    if (w.status !== 'open') throw new AppError('window_not_open', { status: w.status });
    const session = await repo.openSession(tx, w.id);
    const pause = await repo.insertPause(tx, { hallId: w.hallId, windowId: w.id, sessionId: session?.session.id ?? null, reason, note, startedAt: fx.now });
    if (reason === 'equipment') {
      await repo.insertFault(tx, { hallId: w.hallId, windowId: w.id, pauseId: pause.id, note, openedAt: fx.now });
      const payload = { kind: 'equipment_fault', windowId: w.id, windowNumber: w.number, note };
      const id = await repo.raiseAlert(tx, { hallId: w.hallId, kind: 'equipment_fault', dedupeKey: `equipment_fault:${pause.id}`, payload, raisedAt: fx.now });
      if (id) {
        fx.audit({ action: 'alert.raised', hallId: w.hallId, targetType: 'alert', targetId: id, after: payload });
        fx.emit(w.hallId, 'alert.raised', { ...payload, alertId: id });
      }
    }
    await repo.setWindowStatus(tx, w.id, 'paused');
    fx.audit({ action: 'window.paused', hallId: w.hallId, targetType: 'window', targetId: w.id, before: { status: 'open' }, after: { status: 'paused', reason, note } });
    fx.emit(w.hallId, 'window.paused', { windowId: w.id, number: w.number, reason, note });
    await redirectBoundTickets(tx, fx, w.hallId, w.id);
    await reviewCoverage(tx, fx, w.hallId, await repo.serviceIdsOfWindow(tx, w.id));
    return { windowId: w.id };
  });
}

export async function resumeWindow(ctx: AppContext, actor: Actor, windowId: string) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const w = await loadWindow(tx, windowId);
    await assertWindowOperator(tx, actor, w.hallId, w.id);
    await writableHall(tx, w.hallId);
    if (w.status !== 'paused') throw new AppError('invalid_transition', { status: w.status });
    const pause = await repo.openPause(tx, w.id);
    if (pause) {
      await repo.endPause(tx, pause.id, fx.now);
      await repo.closeFaultOfPause(tx, pause.id, fx.now);
      for (const key of [`equipment_fault:${pause.id}`, `handover_overdue:${pause.id}`]) {
        for (const r of await repo.resolveAlertsByKey(tx, w.hallId, key, fx.now, 'resumed')) {
          fx.audit({ action: 'alert.resolved', hallId: w.hallId, targetType: 'alert', targetId: r.id, after: { by: 'window resumed' } });
        }
      }
    }
    await repo.setWindowStatus(tx, w.id, 'open');
    const minutes = pause ? Math.ceil((fx.now.getTime() - pause.startedAt.getTime()) / 60_000) : 0;
    fx.audit({ action: 'window.resumed', hallId: w.hallId, targetType: 'window', targetId: w.id, before: { status: 'paused', reason: pause?.reason }, after: { status: 'open', pausedMinutes: minutes } });
    fx.emit(w.hallId, 'window.resumed', { windowId: w.id, number: w.number });
    await reviewCoverage(tx, fx, w.hallId, await repo.serviceIdsOfWindow(tx, w.id));
    return { windowId: w.id };
  });
}

export async function closeWindow(ctx: AppContext, actor: Actor, windowId: string, override: { override: boolean; reason?: string | undefined }) {
  return runCommand(ctx, actor, async (tx, fx) => {
    const w = await loadWindow(tx, windowId);
    await assertWindowOperator(tx, actor, w.hallId, w.id);
    await writableHall(tx, w.hallId);
    if (w.status === 'closed') return { windowId: w.id };
    if (await repo.activeTicketOfWindow(tx, w.id)) throw new AppError('window_busy');
    const serviceIds = await repo.serviceIdsOfWindow(tx, w.id);
    const stranded = await strandedServices(tx, w.hallId, w.id, serviceIds);
    if (stranded.length) {
      if (!override.override) throw new AppError('tickets_waiting', { services: stranded });
      authorize(actor, 'queue.override_close', w.hallId);
      if (!override.reason?.trim()) {
        throw new AppError('validation_failed', [fieldProblem('reason', { zh: '负责人强制关闭窗口须说明原因', en: 'a manager override needs a reason' })]);
      }
    }
    const session = await repo.openSession(tx, w.id);
    if (session) {
      await repo.closeSession(tx, session.session.id, {
        closedAt: fx.now, closedBy: actor.type === 'user' ? actor.id : null, closeOverrideReason: stranded.length ? override.reason!.trim() : null,
      });
    }
    const pause = await repo.openPause(tx, w.id);
    if (pause) {
      await repo.endPause(tx, pause.id, fx.now);
      await repo.closeFaultOfPause(tx, pause.id, fx.now);
      // A closed window has nothing left to hand over or repair at the counter.
      for (const key of [`equipment_fault:${pause.id}`, `handover_overdue:${pause.id}`]) {
        for (const r of await repo.resolveAlertsByKey(tx, w.hallId, key, fx.now, 'closed')) {
          fx.audit({ action: 'alert.resolved', hallId: w.hallId, targetType: 'alert', targetId: r.id, after: { by: 'window closed' } });
        }
      }
    }
    await repo.setWindowStatus(tx, w.id, 'closed');
    fx.audit({
      action: stranded.length ? 'window.closed_override' : 'window.closed', hallId: w.hallId, targetType: 'window', targetId: w.id,
      before: { status: w.status }, after: { status: 'closed', ...(stranded.length ? { override: true, reason: override.reason, stranded } : {}) },
    });
    fx.emit(w.hallId, 'window.closed', { windowId: w.id, number: w.number });
    await redirectBoundTickets(tx, fx, w.hallId, w.id);
    await reviewCoverage(tx, fx, w.hallId, serviceIds);
    return { windowId: w.id };
  });
}

/**
 * Services of this window with people waiting that no other open window serves. A paused
 * window does not count: its staff may be gone for the day, and R-08 asks that someone serve
 * the people who are here now.
 */
async function strandedServices(tx: Tx, hallId: string, windowId: string, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  const covered = new Set((await tx.select({ serviceId: windowServices.serviceId }).from(windowServices)
    .innerJoin(windows, eq(windows.id, windowServices.windowId))
    .where(and(eq(windows.hallId, hallId), eq(windows.status, 'open'), isNull(windows.archivedAt),
      sql`${windows.id} <> ${windowId}`, inArray(windowServices.serviceId, serviceIds)))).map((r) => r.serviceId));
  const waiting = await tx.select({ serviceId: tickets.serviceId, name: services.name, count: sql<number>`count(*)::int` })
    .from(tickets).innerJoin(services, eq(services.id, tickets.serviceId))
    .where(and(eq(tickets.status, 'waiting'), inArray(tickets.serviceId, serviceIds)))
    .groupBy(tickets.serviceId, services.name);
  return waiting.filter((s) => !covered.has(s.serviceId)).map((s) => ({ serviceId: s.serviceId, name: s.name, waiting: s.count }));
}
