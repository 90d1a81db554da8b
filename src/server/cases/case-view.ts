// Reading cases for screens: one case or a page of a hall's cases, with what each shows of its
// service, owner, ticket, notices and extensions, and its supervision light today.
import type { Actor } from '../../core/access/policy.js';
import { readSupervisionLight } from '../../core/cases/supervision-light.js';
import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { hallDays, type HallDays, type HallRow } from './hall-days.js';
import { presentCase, type CaseBundle, type PresentOptions } from './present.js';
import * as repo from './repo.js';
import type { CaseDto } from './schemas.js';

export async function bundlesOf(db: Queryable, rows: repo.CaseRow[]): Promise<CaseBundle[]> {
  const ids = rows.map((r) => r.id);
  const [services, owners, tickets, notices, extensions] = await Promise.all([
    repo.servicesByIds(db, rows.map((r) => r.serviceId)),
    repo.userNames(db, rows.map((r) => r.ownerId)),
    repo.ticketNumbers(db, rows.flatMap((r) => (r.ticketId ? [r.ticketId] : []))),
    repo.noticesOfCases(db, ids),
    repo.extensionsOfCases(db, ids),
  ]);
  return rows.map((row) => ({
    row,
    service: services.find((s) => s.id === row.serviceId) ?? null,
    ownerName: owners.find((u) => u.id === row.ownerId)?.name ?? '',
    ticketNumber: tickets.find((t) => t.id === row.ticketId)?.number ?? null,
    notices: notices.filter((n) => n.caseId === row.id),
    extensions: extensions.filter((e) => e.caseId === row.id),
  }));
}

export async function presentRow(db: Queryable, row: repo.CaseRow, days: HallDays, options: PresentOptions = {}): Promise<CaseDto> {
  const [bundle] = await bundlesOf(db, [row]);
  return presentCase(bundle!, days, options);
}

/** The hall a case belongs to; a case of an archived hall is gone for its screens. */
export async function hallOfCase(db: Queryable, row: repo.CaseRow): Promise<HallRow> {
  const hall = await findHall(db, row.hallId);
  if (!hall) throw new AppError('not_found');
  return hall;
}

/** A case as `cases.read` shows it (404 for an unknown id, 403 for another hall's). */
export async function readCase(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseDto> {
  const row = await repo.findCase(ctx.db, caseId);
  if (!row) throw new AppError('not_found');
  authorize(actor, 'cases.read', row.hallId);
  const hall = await hallOfCase(ctx.db, row);
  return presentRow(ctx.db, row, await hallDays(ctx.db, hall, ctx.now()));
}

export interface ListInput extends Omit<repo.CaseFilter, 'hallId'> {
  light?: 'green' | 'yellow' | 'red' | undefined;
  limit: number;
  offset: number;
}

export async function listHallCases(ctx: AppContext, hall: HallRow, input: ListInput): Promise<{ items: CaseDto[]; total: number }> {
  const days = await hallDays(ctx.db, hall, ctx.now());
  const filter: repo.CaseFilter = { hallId: hall.id, status: input.status, ownerId: input.ownerId, ticketId: input.ticketId, q: input.q };
  const page = { limit: input.limit, offset: input.offset };
  if (!input.light) {
    const [rows, total] = await Promise.all([repo.listCases(ctx.db, filter, page), repo.countCases(ctx.db, filter)]);
    const bundles = await bundlesOf(ctx.db, rows);
    return { items: bundles.map((b) => presentCase(b, days, { maskIdNumber: true })), total };
  }
  // A light belongs to accepted, unfinished cases and moves with the calendar, so it is read
  // today for each of them rather than stored.
  if (input.status && input.status !== 'accepted') return { items: [], total: 0 };
  const rows = await repo.listCases(ctx.db, { ...filter, status: 'accepted' }, null);
  const lit = rows.filter((r) => r.acceptedDay && r.deadline
    && readSupervisionLight(days.calendar, { acceptedDay: r.acceptedDay, deadline: r.deadline }, days.today, days.policy).light === input.light);
  const bundles = await bundlesOf(ctx.db, lit.slice(input.offset, input.offset + input.limit));
  return { items: bundles.map((b) => presentCase(b, days, { maskIdNumber: true })), total: lit.length };
}
