// The only SQL for cases, one-time notices, extensions and the yearly paper numbers; plus the
// reads of other capabilities' rows a case shows (service guide, owner, ticket, window).
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import {
  caseExtensions, caseNotices, cases, services, tickets, users, windows, windowSessions, type CaseStatus,
} from '../../db/schema.js';
import type { CaseNumberKind } from '../../core/cases/case-numbers.js';

export type CaseRow = typeof cases.$inferSelect;
export type NoticeRow = typeof caseNotices.$inferSelect;
export type ExtensionRow = typeof caseExtensions.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;

/**
 * Takes the next number of a kind for a hall and year. The UPSERT locks the counter row until
 * commit, so two desks numbering at once queue here and no number repeats or is skipped.
 */
export async function nextYearNumber(tx: Queryable, hallId: string, kind: CaseNumberKind, year: number): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(tx, sql`
    insert into hall_year_counters (hall_id, kind, year, last_value) values (${hallId}, ${kind}, ${year}, 1)
    on conflict (hall_id, kind, year) do update set last_value = hall_year_counters.last_value + 1
    returning last_value`);
  return Number(row!.last_value);
}

// ---- cases ----

export async function insertCase(tx: Queryable, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [c] = await tx.insert(cases).values(values).returning();
  return c!;
}

export async function findCase(db: Queryable, id: string): Promise<CaseRow | null> {
  const [c] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  return c ?? null;
}

/** The case row, locked for the rest of the transaction: one decision at a time per case. */
export async function lockCase(tx: Queryable, id: string): Promise<CaseRow | null> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id)).for('update').limit(1);
  return c ?? null;
}

export async function updateCase(tx: Queryable, id: string, values: Partial<typeof cases.$inferInsert>): Promise<CaseRow> {
  const [c] = await tx.update(cases).set(values).where(eq(cases.id, id)).returning();
  return c!;
}

export interface CaseFilter {
  hallId: string;
  status?: CaseStatus | undefined;
  ownerId?: string | undefined;
  ticketId?: string | undefined;
  /** Case number, applicant name or phone, partly. */
  q?: string | undefined;
}

function whereOf(f: CaseFilter): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(cases.hallId, f.hallId),
    f.status ? eq(cases.status, f.status) : undefined,
    f.ownerId ? eq(cases.ownerId, f.ownerId) : undefined,
    f.ticketId ? eq(cases.ticketId, f.ticketId) : undefined,
    like ? or(ilike(cases.number, like), sql`${cases.applicant}->>'name' ilike ${like}`, sql`${cases.applicant}->>'phone' ilike ${like}`) : undefined,
  );
}

export async function listCases(db: Queryable, f: CaseFilter, page: { limit: number; offset: number } | null): Promise<CaseRow[]> {
  const q = db.select().from(cases).where(whereOf(f)).orderBy(desc(cases.createdAt), desc(cases.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

export async function countCases(db: Queryable, f: CaseFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cases).where(whereOf(f));
  return Number(row?.n ?? 0);
}

// ---- notices ----

export async function insertNotice(tx: Queryable, values: typeof caseNotices.$inferInsert): Promise<NoticeRow> {
  const [n] = await tx.insert(caseNotices).values(values).returning();
  return n!;
}

export async function findNotice(db: Queryable, id: string): Promise<NoticeRow | null> {
  const [n] = await db.select().from(caseNotices).where(eq(caseNotices.id, id)).limit(1);
  return n ?? null;
}

export function noticesOfCases(db: Queryable, caseIds: string[]): Promise<NoticeRow[]> {
  if (!caseIds.length) return Promise.resolve([]);
  return db.select().from(caseNotices).where(inArray(caseNotices.caseId, caseIds)).orderBy(asc(caseNotices.round));
}

// ---- extensions ----

export async function insertExtension(tx: Queryable, values: typeof caseExtensions.$inferInsert): Promise<ExtensionRow> {
  const [e] = await tx.insert(caseExtensions).values(values).returning();
  return e!;
}

export async function lockExtension(tx: Queryable, id: string): Promise<ExtensionRow | null> {
  const [e] = await tx.select().from(caseExtensions).where(eq(caseExtensions.id, id)).for('update').limit(1);
  return e ?? null;
}

export async function findExtension(db: Queryable, id: string): Promise<ExtensionRow | null> {
  const [e] = await db.select().from(caseExtensions).where(eq(caseExtensions.id, id)).limit(1);
  return e ?? null;
}

export async function pendingExtension(db: Queryable, caseId: string): Promise<ExtensionRow | null> {
  const [e] = await db.select().from(caseExtensions)
    .where(and(eq(caseExtensions.caseId, caseId), eq(caseExtensions.status, 'pending'))).limit(1);
  return e ?? null;
}

export async function updateExtension(tx: Queryable, id: string, values: Partial<typeof caseExtensions.$inferInsert>): Promise<ExtensionRow> {
  const [e] = await tx.update(caseExtensions).set(values).where(eq(caseExtensions.id, id)).returning();
  return e!;
}

export function extensionsOfCases(db: Queryable, caseIds: string[]): Promise<ExtensionRow[]> {
  if (!caseIds.length) return Promise.resolve([]);
  return db.select().from(caseExtensions).where(inArray(caseExtensions.caseId, caseIds)).orderBy(asc(caseExtensions.requestedAt));
}

export type ExtensionListStatus = 'pending' | 'decided' | 'all';

// Waiting requests come longest-waiting first (the manager decides the oldest first); answered
// ones and the whole history newest first. Each order ends on the id, so every row has one place
// and a page boundary between two requests made in the same millisecond loses neither.
const extensionOrders: Record<ExtensionListStatus, { column: 'requested_at' | 'decided_at'; ascending: boolean }> = {
  pending: { column: 'requested_at', ascending: true },
  decided: { column: 'decided_at', ascending: false },
  all: { column: 'requested_at', ascending: false },
};

function extensionsWhere(hallId: string, status: ExtensionListStatus): SQL | undefined {
  return and(
    eq(caseExtensions.hallId, hallId),
    status === 'pending' ? eq(caseExtensions.status, 'pending') : status === 'decided' ? isNotNull(caseExtensions.decidedAt) : undefined,
  );
}

/**
 * A page of a hall's extension requests, after the request `afterId` in the list's order. The
 * position is read from that row as stored (exact to the microsecond) in the same statement;
 * it need not still match the filter, as when the last request of a pending page was decided since.
 */
export function listHallExtensions(
  db: Queryable, hallId: string, status: ExtensionListStatus, afterId: string | null, limit: number,
): Promise<ExtensionRow[]> {
  const order = extensionOrders[status];
  const column = sql.raw(order.column);
  const direction = sql.raw(order.ascending ? 'asc' : 'desc');
  return db.select().from(caseExtensions)
    .where(and(
      extensionsWhere(hallId, status),
      afterId
        ? sql`(case_extensions.${column}, case_extensions.id) ${sql.raw(order.ascending ? '>' : '<')}
            (select p.${column}, p.id from case_extensions p where p.id = ${afterId})`
        : undefined,
    ))
    .orderBy(sql`case_extensions.${column} ${direction}`, sql`case_extensions.id ${direction}`)
    .limit(limit);
}

export async function countHallExtensions(db: Queryable, hallId: string, status: ExtensionListStatus): Promise<number> {
  const [row] = await db.select({ n: count() }).from(caseExtensions).where(extensionsWhere(hallId, status));
  return Number(row?.n ?? 0);
}

export function casesByIds(db: Queryable, ids: string[]): Promise<CaseRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select().from(cases).where(inArray(cases.id, [...new Set(ids)]));
}

// ---- what a case shows of other capabilities ----

/** A live service of the hall: only those take new cases. */
export async function findLiveService(db: Queryable, hallId: string, id: string): Promise<ServiceRow | null> {
  const [s] = await db.select().from(services)
    .where(and(eq(services.id, id), eq(services.hallId, hallId), isNull(services.archivedAt))).limit(1);
  return s ?? null;
}

/** Services by id, archived ones too: a case outlives its service's changes. */
export function servicesByIds(db: Queryable, ids: string[]): Promise<ServiceRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select().from(services).where(inArray(services.id, [...new Set(ids)]));
}

export function userNames(db: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
}

export function ticketNumbers(db: Queryable, ids: string[]): Promise<{ id: string; number: string }[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, [...new Set(ids)]));
}

export async function findTicketOfHall(db: Queryable, hallId: string, id: string) {
  const [t] = await db.select({ id: tickets.id, windowId: tickets.windowId }).from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.hallId, hallId))).limit(1);
  return t ?? null;
}

export async function findLiveWindowOfHall(db: Queryable, hallId: string, id: string) {
  const [w] = await db.select({ id: windows.id, number: windows.number }).from(windows)
    .where(and(eq(windows.id, id), eq(windows.hallId, hallId), isNull(windows.archivedAt))).limit(1);
  return w ?? null;
}

export async function windowNumber(db: Queryable, id: string | null): Promise<number | null> {
  if (!id) return null;
  const [w] = await db.select({ number: windows.number }).from(windows).where(eq(windows.id, id)).limit(1);
  return w?.number ?? null;
}

/** The window the user is signed in to in this hall right now, if any (the desk a paper is issued at). */
export async function signedInWindowOf(db: Queryable, hallId: string, userId: string): Promise<string | null> {
  const [s] = await db.select({ windowId: windowSessions.windowId }).from(windowSessions)
    .where(and(eq(windowSessions.hallId, hallId), eq(windowSessions.userId, userId), isNull(windowSessions.closedAt))).limit(1);
  return s?.windowId ?? null;
}
