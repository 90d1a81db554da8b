// Drizzle table definitions mirroring the committed SQL migrations in ./migrations.
// The migrations are the source of truth; this file only gives queries their types.
import {
  bigint, bigserial, boolean, customType, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid,
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
