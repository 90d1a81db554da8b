// The hall's extension requests (延期) as a list of their own: what the manager has to decide,
// longest-waiting first, and what was decided. Read from the requests, not from a page of
// cases, so a request on the 201st accepted case is still on the list.
//
// Authorised by cases.read, not cases.approve_extension: every hall role already sees each
// request on its case (GET /cases/{id}), inspectors supervise extensions as part of 电子监察,
// and staff follow the requests they made. Deciding one still needs the manager.
import type { Actor } from '../../core/access/policy.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { hallDays } from './hall-days.js';
import { presentExtensionRequest } from './present.js';
import * as repo from './repo.js';
import type { ExtensionRequestDto } from './schemas.js';

export interface ExtensionRequestsInput {
  status: repo.ExtensionListStatus;
  limit: number;
  /** The last request of the page before (its id), as `nextCursor` gave it. */
  cursor?: string | undefined;
}

export interface ExtensionRequestPage {
  items: ExtensionRequestDto[];
  total: number;
  nextCursor: string | null;
}

export async function listExtensionRequests(
  ctx: AppContext, actor: Actor, hallId: string, input: ExtensionRequestsInput,
): Promise<ExtensionRequestPage> {
  authorize(actor, 'cases.read', hallId);
  const hall = await findHall(ctx.db, hallId);
  if (!hall) throw new AppError('not_found');
  if (input.cursor) await checkCursor(ctx, hallId, input);
  const [rows, total, days] = await Promise.all([
    // One more than asked: whether it exists says if there is a next page.
    repo.listHallExtensions(ctx.db, hallId, input.status, input.cursor ?? null, input.limit + 1),
    repo.countHallExtensions(ctx.db, hallId, input.status),
    hallDays(ctx.db, hall, ctx.now()),
  ]);
  const page = rows.slice(0, input.limit);
  const caseRows = await repo.casesByIds(ctx.db, page.map((e) => e.caseId));
  const [services, people] = await Promise.all([
    repo.servicesByIds(ctx.db, caseRows.map((c) => c.serviceId)),
    repo.userNames(ctx.db, [
      ...page.flatMap((e) => (e.decidedBy ? [e.requestedBy, e.decidedBy] : [e.requestedBy])),
      ...caseRows.map((c) => c.ownerId),
    ]),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  const items = page.map((ext) => {
    const row = caseRows.find((c) => c.id === ext.caseId)!;
    return presentExtensionRequest({
      ext, row,
      serviceName: services.find((s) => s.id === row.serviceId)?.name ?? '',
      nameOf: (id) => names.get(id) ?? '',
    }, days);
  });
  return { items, total, nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}

/** A cursor names a request of this hall that can stand in the list asked for. */
async function checkCursor(ctx: AppContext, hallId: string, input: ExtensionRequestsInput): Promise<void> {
  const at = await repo.findExtension(ctx.db, input.cursor!);
  if (at && at.hallId === hallId && (input.status !== 'decided' || at.decidedAt)) return;
  throw new AppError('validation_failed', [fieldProblem('cursor', {
    zh: '翻页位置已失效，请从第一页重新查看',
    en: 'is not a position in this list; start again from the first page',
  })]);
}
