// The only SQL for tickets, calls, window sessions, pauses, faults and alerts.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.js';
import type { WaitingTicket } from '../../core/queue/ordering.js';
import {
  alerts, faults, halls, services, ticketCalls, tickets, users, windowPauses, windows, windowServices, windowSessions,
} from '../../db/schema.js';

export type TicketRow = typeof tickets.$inferSelect;
export type WindowRow = typeof windows.$inferSelect;

/** Takes the next number for a prefix on a hall-local day; the row lock serialises kiosks. */
export async function nextTicketSeq(tx: Queryable, hallId: string, prefix: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last_seq: number }>(tx, sql`
    insert into ticket_counters (hall_id, prefix, service_day, last_seq) values (${hallId}, ${prefix}, ${day}, 1)
    on conflict (hall_id, prefix, service_day) do update set last_seq = ticket_counters.last_seq + 1
    returning last_seq`);
  return Number(row!.last_seq);
}

export async function insertTicket(tx: Queryable, values: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [t] = await tx.insert(tickets).values(values).returning();
  return t!;
}

export async function findTicket(db: Queryable, id: string): Promise<TicketRow | null> {
  const [t] = await db.select().from(tickets).where(eq(tickets.id, id)).limit(1);
  return t ?? null;
}

/**
 * The ticket, locked, with what acting on it needs in the same statement: its hall's queue
 * policy and whether the hall is archived, the number of the window holding it and who is
 * signed in there, and its service's name. Null when there is no such ticket.
 */
export async function lockTicketForAction(tx: Queryable, id: string) {
  const [row] = await tx.select({
    ticket: tickets,
    queuePolicy: halls.queuePolicy,
    hallArchived: sql<boolean>`${halls.archivedAt} is not null`,
    windowNumber: windows.number,
    windowOperatorId: operatorOf(tickets.windowId),
    serviceName: services.name,
  }).from(tickets)
    .innerJoin(halls, eq(halls.id, tickets.hallId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .leftJoin(windows, eq(windows.id, tickets.windowId))
    .where(eq(tickets.id, id)).for('update', { of: tickets }).limit(1);
  return row ?? null;
}

export async function updateTicket(tx: Queryable, id: string, values: Partial<typeof tickets.$inferInsert>): Promise<TicketRow> {
  const [t] = await tx.update(tickets).set(values).where(eq(tickets.id, id)).returning();
  return t!;
}

// ---- call-next: four statements, each doing what used to take several ----

/** Who is signed in to the window a row refers to (null: nobody), read in the same statement. */
const operatorOf = (windowId: typeof windows.id | typeof tickets.windowId) => sql<string | null>`(select ${windowSessions.userId}
  from ${windowSessions} where ${windowSessions.windowId} = ${windowId} and ${windowSessions.closedAt} is null limit 1)`;

/**
 * Locks the window row for a call (one call at a time per window) and reads its hall's queue
 * policy, whether the hall is archived, and who is signed in to the window.
 */
export async function lockWindowForCall(tx: Queryable, id: string) {
  const [row] = await tx.select({
    id: windows.id, hallId: windows.hallId, number: windows.number, status: windows.status, queuePolicy: halls.queuePolicy,
    hallArchived: sql<boolean>`${halls.archivedAt} is not null`, operatorId: operatorOf(windows.id),
  })
    .from(windows).innerJoin(halls, eq(halls.id, windows.hallId))
    .where(and(eq(windows.id, id), isNull(windows.archivedAt))).for('update', { of: windows }).limit(1);
  return row ?? null;
}

/** A waiting ticket as call-next ranks it; `cutoff` marks the last one loaded of a queue that has more. */
export interface CallCandidate extends WaitingTicket { cutoff: boolean }

/**
 * What call-next decides on, read in one statement after the window is locked: whether the
 * window already holds a ticket, its services, the waiting tickets it may call, and the
 * fairness history (the last `streak` calls of their services).
 *
 * Only the columns ranking needs, and at most `perQueue` tickets of each queue — a service's
 * front-placed, priority and other tickets — in the order ranking gives them within that queue
 * (longest waiting first: the core orders by milliseconds, so the database does too). The
 * ranking of a ticket never depends on other tickets, so the first `perQueue` of each queue
 * rank exactly as they would among all of them, up to the last loaded ticket of a queue that
 * has more (`cutoff`): a ticket of that queue not loaded could come next.
 */
export async function callCandidates(tx: Queryable, windowId: string, perQueue: number | null, streak: number) {
  const limit = perQueue ?? 2_147_483_647;
  const [row] = await queryRows<{
    busy: boolean; service_ids: string[];
    waiting: [string, string, 'normal' | 'priority', 'normal' | 'front' | 'back', string | null, number, number, boolean][];
    history: [string, 'normal' | 'priority'][];
  }>(tx, sql`
    with own_services as (
      select ws.service_id from window_services ws join services s on s.id = ws.service_id
      where ws.window_id = ${windowId} and s.archived_at is null
    ), callable as (
      select t.id, t.service_id, t.priority, t.placement, t.bound_window_id, t.issued_at, t.queued_at,
        row_number() over in_order as place, count(*) over queue as queue_length
      from tickets t
      where t.status = 'waiting' and (t.bound_window_id = ${windowId}
        or (t.bound_window_id is null and t.service_id in (select service_id from own_services)))
      window queue as (partition by t.service_id, t.placement = 'front', t.priority),
        in_order as (queue order by date_trunc('milliseconds', t.queued_at), date_trunc('milliseconds', t.issued_at), t.id)
    ), loaded as (
      select * from callable where place <= ${limit}
    )
    select
      exists (select 1 from tickets where window_id = ${windowId} and status in ('called', 'serving')) as busy,
      coalesce((select json_agg(service_id) from own_services), '[]') as service_ids,
      coalesce((select json_agg(json_build_array(id, service_id, priority, placement, bound_window_id,
        floor(extract(epoch from issued_at) * 1000), floor(extract(epoch from queued_at) * 1000),
        place = ${limit} and queue_length > ${limit})) from loaded), '[]') as waiting,
      coalesce((select json_agg(json_build_array(c.service_id, c.priority) order by c.id)
        from (select distinct service_id from loaded) s cross join lateral (
          select service_id, priority, id from ticket_calls
          where service_id = s.service_id and recall = false order by id desc limit ${streak}) c), '[]') as history`);
  return {
    busy: row!.busy,
    serviceIds: row!.service_ids,
    waiting: row!.waiting.map(([id, serviceId, priority, placement, boundWindowId, issuedMs, queuedMs, cutoff]): CallCandidate => ({
      id, serviceId, priority, placement, boundWindowId, issuedAt: new Date(Number(issuedMs)), queuedAt: new Date(Number(queuedMs)), cutoff,
    })),
    history: row!.history.map(([serviceId, priority]) => ({ serviceId, priority })),
  };
}

/**
 * Claims the first of `ranked` that is still waiting, still callable by the window and not
 * being claimed by another window right now (SKIP LOCKED), in one statement; with its service's name.
 */
export async function claimFirstWaiting(tx: Queryable, windowId: string, serviceIds: string[], ranked: string[]) {
  if (!ranked.length) return null;
  // Ids and service ids come from the database: a literal array of uuids is safe and is one parameter.
  const ids = `{${ranked.join(',')}}`;
  const own = `{${serviceIds.join(',')}}`;
  // The rank comes with each id from unnest … with ordinality: array_position per row is slow.
  const [row] = await tx.select({ ticket: tickets, serviceName: services.name }).from(tickets)
    .innerJoin(sql`unnest(${ids}::uuid[]) with ordinality as ranked(id, place)`, sql`ranked.id = ${tickets.id}`)
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .where(and(eq(tickets.status, 'waiting'),
      sql`(${tickets.boundWindowId} = ${windowId} or (${tickets.boundWindowId} is null and ${tickets.serviceId} = any(${own}::uuid[])))`))
    .orderBy(sql`ranked.place`)
    .limit(1).for('update', { of: tickets, skipLocked: true });
  return row ?? null;
}

/** Stores a call: the ticket's new state and its row in ticket_calls, in one statement. */
export async function recordCall(tx: Queryable, ticket: TicketRow, changes: Partial<typeof tickets.$inferInsert>, windowId: string, at: Date) {
  // Drizzle wraps the embedded UPDATE in the parentheses a CTE needs.
  await tx.execute(sql`with called as ${tx.update(tickets).set(changes).where(eq(tickets.id, ticket.id))}
    insert into ticket_calls (hall_id, ticket_id, window_id, service_id, priority, recall, at)
    values (${ticket.hallId}, ${ticket.id}, ${windowId}, ${ticket.serviceId}, ${ticket.priority}, false, ${at.toISOString()}::timestamptz)`);
}

export function waitingOfService(db: Queryable, serviceId: string) {
  return db.select().from(tickets).where(and(eq(tickets.serviceId, serviceId), eq(tickets.status, 'waiting')));
}

export function waitingInHall(db: Queryable, hallId: string) {
  return db.select().from(tickets).where(and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting'))).orderBy(asc(tickets.queuedAt));
}

export function activeTicketsInHall(db: Queryable, hallId: string) {
  return db.select().from(tickets)
    .where(and(eq(tickets.hallId, hallId), inArray(tickets.status, ['called', 'serving'])));
}

export async function activeTicketOfWindow(db: Queryable, windowId: string): Promise<TicketRow | null> {
  const [t] = await db.select().from(tickets)
    .where(and(eq(tickets.windowId, windowId), inArray(tickets.status, ['called', 'serving']))).limit(1);
  return t ?? null;
}

/**
 * The last few non-recall calls per service, oldest first, for the R-03 fairness streak.
 * One index walk per service (ticket_calls_service, newest first, stopping after
 * `perService`): ticket_calls is the permanent record, and a row_number() over each
 * service's whole history made every call-next and every issue slower as the months went by.
 */
export async function recentCalls(db: Queryable, serviceIds: string[], perService: number) {
  if (!serviceIds.length) return [];
  const rows = await queryRows<{ service_id: string; priority: 'normal' | 'priority'; id: string | number }>(db, sql`
    select s.service_id, c.priority, c.id
    from unnest(array[${sql.join(serviceIds.map((s) => sql`${s}::uuid`), sql`, `)}]) as s(service_id)
    cross join lateral (
      select priority, id from ticket_calls
      where service_id = s.service_id and recall = false order by id desc limit ${perService}
    ) c order by c.id asc`);
  return rows.map((r) => ({ serviceId: r.service_id, priority: r.priority }));
}

export async function insertCall(tx: Queryable, values: typeof ticketCalls.$inferInsert) {
  await tx.insert(ticketCalls).values(values);
}

export async function lastCalls(db: Queryable, hallId: string, limit: number) {
  return db.select({
    ticketId: ticketCalls.ticketId, at: ticketCalls.at, recall: ticketCalls.recall,
    number: tickets.number, windowNumber: windows.number,
  }).from(ticketCalls)
    .innerJoin(tickets, eq(tickets.id, ticketCalls.ticketId))
    .innerJoin(windows, eq(windows.id, ticketCalls.windowId))
    .where(eq(ticketCalls.hallId, hallId)).orderBy(desc(ticketCalls.id)).limit(limit);
}

/** Minutes from start to completion of the service's recent tickets, for wait estimates. */
export async function recentServiceMinutes(db: Queryable, serviceId: string, limit = 20): Promise<number[]> {
  const rows = await queryRows<{ minutes: string | number }>(db, sql`
    select extract(epoch from (ended_at - started_at)) / 60 as minutes from tickets
    where service_id = ${serviceId} and status = 'done' and started_at is not null and ended_at is not null
    order by ended_at desc limit ${limit}`);
  return rows.map((r) => Number(r.minutes));
}

// ---- windows at work ----

export async function lockWindow(tx: Queryable, id: string): Promise<WindowRow | null> {
  const [w] = await tx.select().from(windows).where(and(eq(windows.id, id), isNull(windows.archivedAt))).for('update').limit(1);
  return w ?? null;
}

export async function findWindowRow(db: Queryable, id: string): Promise<WindowRow | null> {
  const [w] = await db.select().from(windows).where(and(eq(windows.id, id), isNull(windows.archivedAt))).limit(1);
  return w ?? null;
}

export async function setWindowStatus(tx: Queryable, id: string, status: WindowRow['status']) {
  await tx.update(windows).set({ status }).where(eq(windows.id, id));
}

export async function serviceIdsOfWindow(db: Queryable, windowId: string): Promise<string[]> {
  const rows = await db.select({ id: windowServices.serviceId }).from(windowServices)
    .innerJoin(services, eq(services.id, windowServices.serviceId))
    .where(and(eq(windowServices.windowId, windowId), isNull(services.archivedAt)));
  return rows.map((r) => r.id);
}

export async function windowsOfHall(db: Queryable, hallId: string) {
  const ws = await db.select().from(windows).where(and(eq(windows.hallId, hallId), isNull(windows.archivedAt))).orderBy(asc(windows.number));
  const links = ws.length ? await db.select().from(windowServices)
    .innerJoin(services, eq(services.id, windowServices.serviceId))
    .where(and(inArray(windowServices.windowId, ws.map((w) => w.id)), isNull(services.archivedAt))) : [];
  return ws.map((w) => ({ ...w, serviceIds: links.filter((l) => l.window_services.windowId === w.id).map((l) => l.window_services.serviceId) }));
}

export async function openSession(db: Queryable, windowId: string) {
  const [s] = await db.select({ session: windowSessions, user: { id: users.id, name: users.name, staffNumber: users.staffNumber, photoVersion: users.photoVersion } })
    .from(windowSessions).innerJoin(users, eq(users.id, windowSessions.userId))
    .where(and(eq(windowSessions.windowId, windowId), isNull(windowSessions.closedAt))).limit(1);
  return s ?? null;
}

export async function openSessionsOfHall(db: Queryable, hallId: string) {
  return db.select({ session: windowSessions, user: { id: users.id, name: users.name, staffNumber: users.staffNumber, photoVersion: users.photoVersion } })
    .from(windowSessions).innerJoin(users, eq(users.id, windowSessions.userId))
    .where(and(eq(windowSessions.hallId, hallId), isNull(windowSessions.closedAt)));
}

export async function insertSession(tx: Queryable, values: typeof windowSessions.$inferInsert) {
  const [s] = await tx.insert(windowSessions).values(values).returning();
  return s!;
}

export async function closeSession(tx: Queryable, id: string, values: { closedAt: Date; closedBy: string | null; closeOverrideReason: string | null }) {
  await tx.update(windowSessions).set(values).where(eq(windowSessions.id, id));
}

export async function openPause(db: Queryable, windowId: string) {
  const [p] = await db.select().from(windowPauses).where(and(eq(windowPauses.windowId, windowId), isNull(windowPauses.endedAt))).limit(1);
  return p ?? null;
}

export async function openPausesOfHall(db: Queryable, hallId: string) {
  return db.select().from(windowPauses).where(and(eq(windowPauses.hallId, hallId), isNull(windowPauses.endedAt)));
}

export async function insertPause(tx: Queryable, values: typeof windowPauses.$inferInsert) {
  const [p] = await tx.insert(windowPauses).values(values).returning();
  return p!;
}

export async function endPause(tx: Queryable, id: string, endedAt: Date) {
  await tx.update(windowPauses).set({ endedAt }).where(eq(windowPauses.id, id));
}

export async function insertFault(tx: Queryable, values: typeof faults.$inferInsert) {
  await tx.insert(faults).values(values);
}

export async function closeFaultOfPause(tx: Queryable, pauseId: string, closedAt: Date) {
  await tx.execute(sql`update faults set closed_at = ${closedAt},
    minutes_out = ceil(extract(epoch from (${closedAt}::timestamptz - opened_at)) / 60)
    where pause_id = ${pauseId} and closed_at is null`);
}

/** Handover pauses open longer than `minutes` that have not been alerted yet (R-06). */
export async function overdueHandovers(tx: Queryable, now: Date, minutes: number) {
  return queryRows<{ id: string; hall_id: string; window_id: string; number: number; started_at: Date }>(tx, sql`
    select p.id, p.hall_id, p.window_id, w.number, p.started_at from window_pauses p join windows w on w.id = p.window_id
    where p.reason = 'handover' and p.ended_at is null and not p.overdue_alerted
      and p.started_at < ${now}::timestamptz - make_interval(mins => ${minutes})
    for update of p skip locked`);
}

export async function markPauseAlerted(tx: Queryable, id: string) {
  await tx.update(windowPauses).set({ overdueAlerted: true }).where(eq(windowPauses.id, id));
}

// ---- alerts ----

/** Raises an alert unless one with the same key is open; returns it when newly raised. */
export async function raiseAlert(tx: Queryable, values: { hallId: string; kind: string; dedupeKey: string; payload: Record<string, unknown>; raisedAt: Date }) {
  const rows = await queryRows<{ id: string }>(tx, sql`
    insert into alerts (hall_id, kind, dedupe_key, payload, raised_at)
    values (${values.hallId}, ${values.kind}, ${values.dedupeKey}, ${JSON.stringify(values.payload)}::jsonb, ${values.raisedAt})
    on conflict (hall_id, dedupe_key) where resolved_at is null do nothing returning id`);
  return rows[0]?.id ?? null;
}

export async function resolveAlertsByKey(tx: Queryable, hallId: string, dedupeKey: string, resolvedAt: Date, resolvedBy: string) {
  return tx.update(alerts).set({ resolvedAt, resolvedBy })
    .where(and(eq(alerts.hallId, hallId), eq(alerts.dedupeKey, dedupeKey), isNull(alerts.resolvedAt))).returning({ id: alerts.id });
}

export function openAlerts(db: Queryable, hallId: string) {
  return db.select().from(alerts).where(and(eq(alerts.hallId, hallId), isNull(alerts.resolvedAt))).orderBy(desc(alerts.raisedAt));
}

export function alertsOfHall(db: Queryable, hallId: string, onlyOpen: boolean) {
  return db.select().from(alerts).where(and(eq(alerts.hallId, hallId), onlyOpen ? isNull(alerts.resolvedAt) : undefined))
    .orderBy(desc(alerts.raisedAt)).limit(200);
}

export async function findAlert(db: Queryable, id: string) {
  const [a] = await db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  return a ?? null;
}

export async function resolveAlert(tx: Queryable, id: string, resolvedAt: Date, resolvedBy: string) {
  await tx.update(alerts).set({ resolvedAt, resolvedBy }).where(and(eq(alerts.id, id), isNull(alerts.resolvedAt)));
}

/** Live services of a hall by id, for names in payloads. */
export async function servicesOfHall(db: Queryable, hallId: string) {
  return db.select().from(services).where(and(eq(services.hallId, hallId), isNull(services.archivedAt))).orderBy(asc(services.ticketPrefix));
}
