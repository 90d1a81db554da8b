// Drizzle table definitions mirroring the committed SQL migrations in ./migrations.
// The migrations are the source of truth; this file only gives queries their types.
import {
  bigint, bigserial, boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface OpeningInterval { weekday: number; open: string; close: string }
export interface HoursExceptionRow { date: string; closed: boolean; open?: string; close?: string; note?: string }
export interface MaterialRow {
  id: string; name: string; copies: number; original: boolean; required: boolean; note: string | null;
}

export const halls = pgTable('halls', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningInterval[]>().notNull(),
  hoursExceptions: jsonb('hours_exceptions').$type<HoursExceptionRow[]>().notNull(),
  address: text('address'),
  phone: text('phone'),
  queuePolicy: jsonb('queue_policy').$type<Record<string, number>>().notNull().default({}),
  openingChecklist: jsonb('opening_checklist').$type<{ id: string; label: string }[] | null>(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const services = pgTable('services', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  ticketPrefix: text('ticket_prefix').notNull(),
  kind: text('kind').$type<'immediate' | 'promised'>().notNull(),
  statutoryDays: integer('statutory_days'),
  promisedDays: integer('promised_days'),
  materials: jsonb('materials').$type<MaterialRow[]>().notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const windows = pgTable('windows', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  number: integer('number').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<'closed' | 'open' | 'paused'>().notNull().default('closed'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const windowServices = pgTable('window_services', {
  windowId: uuid('window_id').notNull(),
  serviceId: uuid('service_id').notNull(),
}, (t) => [primaryKey({ columns: [t.windowId, t.serviceId] })]);

export type Role = 'admin' | 'manager' | 'staff' | 'inspector';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  hallId: uuid('hall_id'),
  staffNumber: text('staff_number'),
  photo: bytea('photo'),
  photoType: text('photo_type'),
  photoVersion: integer('photo_version').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  expiresAt: tstz('expires_at').notNull(),
});

export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  windowStart: tstz('window_start').notNull(),
  count: integer('count').notNull(),
});

export type DeviceKind = 'kiosk' | 'display' | 'evaluator';

export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  kind: text('kind').$type<DeviceKind>().notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  revokedAt: tstz('revoked_at'),
  lastSeenAt: tstz('last_seen_at'),
});

export const hallCalendars = pgTable('hall_calendars', {
  hallId: uuid('hall_id').notNull(),
  year: integer('year').notNull(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  workdays: jsonb('workdays').$type<string[]>().notNull(),
  source: text('source'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.hallId, t.year] })]);

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chain: text('chain').notNull(),
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  hallId: uuid('hall_id'),
  at: tstz('at').notNull(),
  actorType: text('actor_type').$type<'user' | 'device' | 'system'>().notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const hallEventCounters = pgTable('hall_event_counters', {
  hallId: uuid('hall_id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
});

export const events = pgTable('events', {
  hallId: uuid('hall_id').notNull(),
  id: bigint('id', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.hallId, t.id] })]);

// ---- Queue (migration 20261126180000_queue.sql) ----

export type TicketStatusColumn = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export const ticketCounters = pgTable('ticket_counters', {
  hallId: uuid('hall_id').notNull(),
  prefix: text('prefix').notNull(),
  serviceDay: date('service_day', { mode: 'string' }).notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.hallId, t.prefix, t.serviceDay] })]);

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  number: text('number').notNull(),
  prefix: text('prefix').notNull(),
  seq: integer('seq').notNull(),
  serviceDay: date('service_day', { mode: 'string' }).notNull(),
  priority: text('priority').$type<'normal' | 'priority'>().notNull(),
  priorityReason: text('priority_reason').$type<'elderly' | 'disabled' | 'pregnant' | 'military' | 'urgent' | null>(),
  phone: text('phone'),
  status: text('status').$type<TicketStatusColumn>().notNull(),
  placement: text('placement').$type<'normal' | 'front' | 'back'>().notNull(),
  boundWindowId: uuid('bound_window_id'),
  windowId: uuid('window_id'),
  recalls: integer('recalls').notNull(),
  rejoins: integer('rejoins').notNull(),
  issuedAt: tstz('issued_at').notNull(),
  queuedAt: tstz('queued_at').notNull(),
  calledAt: tstz('called_at'),
  startedAt: tstz('started_at'),
  endedAt: tstz('ended_at'),
  outcome: text('outcome').$type<'done' | 'notice_issued' | 'refused' | 'referred' | null>(),
  note: text('note'),
  trackTokenHash: text('track_token_hash').notNull(),
  issuedByType: text('issued_by_type').$type<'user' | 'device' | 'system'>().notNull(),
  issuedById: text('issued_by_id'),
});

export const ticketCalls = pgTable('ticket_calls', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  hallId: uuid('hall_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  windowId: uuid('window_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  priority: text('priority').$type<'normal' | 'priority'>().notNull(),
  recall: boolean('recall').notNull(),
  at: tstz('at').notNull(),
});

export const windowSessions = pgTable('window_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  windowId: uuid('window_id').notNull(),
  userId: uuid('user_id').notNull(),
  openedAt: tstz('opened_at').notNull(),
  late: boolean('late').notNull(),
  checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull(),
  closedAt: tstz('closed_at'),
  closedBy: uuid('closed_by'),
  closeOverrideReason: text('close_override_reason'),
});

export type PauseReason = 'handover' | 'equipment' | 'break' | 'other';

export const windowPauses = pgTable('window_pauses', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  windowId: uuid('window_id').notNull(),
  sessionId: uuid('session_id'),
  reason: text('reason').$type<PauseReason>().notNull(),
  note: text('note'),
  startedAt: tstz('started_at').notNull(),
  endedAt: tstz('ended_at'),
  overdueAlerted: boolean('overdue_alerted').notNull().default(false),
});

export const faults = pgTable('faults', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  windowId: uuid('window_id').notNull(),
  pauseId: uuid('pause_id').notNull(),
  note: text('note'),
  openedAt: tstz('opened_at').notNull(),
  closedAt: tstz('closed_at'),
  minutesOut: integer('minutes_out'),
});

export const alerts = pgTable('alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  kind: text('kind').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  raisedAt: tstz('raised_at').notNull(),
  resolvedAt: tstz('resolved_at'),
  resolvedBy: text('resolved_by'),
});
