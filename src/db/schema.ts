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
/** A material of a service's guide (申请材料, R-16); see docs/CASES-API.md. */
export interface MaterialRow {
  id: string; name: string;
  originals: number; copies: number;
  form: 'paper' | 'electronic' | 'either';
  /** false with a condition: needed only when the condition holds (e.g. "委托办理的"); without one: optional. */
  required: boolean; condition: string | null;
  source: 'applicant' | 'government' | 'intermediary' | 'other'; sourceNote: string | null;
  note: string | null;
  blankFormUrl: string | null; sampleUrl: string | null;
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
  casePolicy: jsonb('case_policy').$type<Record<string, number>>().notNull().default({}),
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
  // The service guide (办事指南, R-16): see migrations/20261126200000_service_guide.sql.
  itemType: text('item_type').$type<ItemType>().notNull().default('public_service'),
  department: text('department'),
  resultName: text('result_name'),
  acceptanceConditions: text('acceptance_conditions'),
  legalBasis: text('legal_basis'),
  processSteps: jsonb('process_steps').$type<ProcessStepRow[]>().notNull().default([]),
  fees: jsonb('fees').$type<FeeRow[]>().notNull().default([]),
  location: text('location'),
  serviceHours: text('service_hours'),
  consultationPhone: text('consultation_phone'),
  supervisionPhone: text('supervision_phone'),
  onlineUrl: text('online_url'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});
/** 事项类型 (GB/T 39046): 行政许可, 行政确认, 行政给付, 行政裁决, 行政奖励, 其他行政权力, 公共服务. */
export type ItemType = 'licensing' | 'confirmation' | 'payment' | 'adjudication' | 'reward' | 'other_power' | 'public_service';
export interface ProcessStepRow { title: string; description: string | null }
/** 收费项目: what, how much (收费标准, as published) and on what basis (收费依据). */
export interface FeeRow { item: string; amount: string; basis: string }

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

// Cases (办件) and what hangs off them: see migrations/20261126201000_cases.sql.
export interface CaseApplicantRow { name: string; idNumber: string | null; phone: string | null }
export interface DefectiveMaterialRow { materialId: string; reason: string }
export interface NoticeMaterialRow {
  materialId: string; name: string; originals: number; copies: number; form: string;
  note: string | null; condition: string | null; defect: string | null;
}
export type CaseStatus = 'open' | 'awaiting_supplement' | 'accepted' | 'refused' | 'completed';

export const hallYearCounters = pgTable('hall_year_counters', {
  hallId: uuid('hall_id').notNull(),
  kind: text('kind').$type<'case' | 'notice' | 'refusal'>().notNull(),
  year: integer('year').notNull(),
  lastValue: integer('last_value').notNull(),
}, (t) => [primaryKey({ columns: [t.hallId, t.kind, t.year] })]);

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey(),
  hallId: uuid('hall_id').notNull(),
  number: text('number').notNull(),
  serviceId: uuid('service_id').notNull(),
  ticketId: uuid('ticket_id'),
  windowId: uuid('window_id'),
  ownerId: uuid('owner_id').notNull(),
  applicant: jsonb('applicant').$type<CaseApplicantRow>().notNull(),
  status: text('status').$type<CaseStatus>().notNull(),
  submitted: jsonb('submitted').$type<string[]>().notNull().default([]),
  applicable: jsonb('applicable').$type<string[]>().notNull().default([]),
  defective: jsonb('defective').$type<DefectiveMaterialRow[]>().notNull().default([]),
  trackToken: text('track_token').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
  kind: text('kind').$type<'immediate' | 'promised'>(),
  promisedDays: integer('promised_days'),
  acceptedAt: tstz('accepted_at'),
  acceptedBy: uuid('accepted_by'),
  acceptedDay: text('accepted_day'),
  deadline: text('deadline'),
  originalDeadline: text('original_deadline'),
  refusedAt: tstz('refused_at'),
  refusedBy: uuid('refused_by'),
  refusalNumber: text('refusal_number'),
  refusalReason: text('refusal_reason'),
  refusalBasis: text('refusal_basis'),
  completedAt: tstz('completed_at'),
  completedBy: uuid('completed_by'),
  completedDay: text('completed_day'),
  result: text('result'),
  resultNote: text('result_note'),
  onTime: boolean('on_time'),
  lightAlerted: text('light_alerted').$type<'yellow' | 'red'>(),
});

export const caseNotices = pgTable('case_notices', {
  id: uuid('id').primaryKey(),
  hallId: uuid('hall_id').notNull(),
  caseId: uuid('case_id').notNull(),
  number: text('number').notNull(),
  round: integer('round').notNull(),
  missing: jsonb('missing').$type<NoticeMaterialRow[]>().notNull(),
  nextSteps: text('next_steps').notNull(),
  notes: text('notes'),
  serviceMaterialIds: jsonb('service_material_ids').$type<string[]>().notNull(),
  breach: text('breach').$type<'second_round'>(),
  breachMaterialIds: jsonb('breach_material_ids').$type<string[]>().notNull().default([]),
  issuedBy: uuid('issued_by').notNull(),
  windowId: uuid('window_id'),
  issuedAt: tstz('issued_at').notNull(),
  issuedDay: text('issued_day').notNull(),
});

export const caseExtensions = pgTable('case_extensions', {
  id: uuid('id').primaryKey().defaultRandom(),
  hallId: uuid('hall_id').notNull(),
  caseId: uuid('case_id').notNull(),
  workingDays: integer('working_days').notNull(),
  reason: text('reason').notNull(),
  status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: tstz('requested_at').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: tstz('decided_at'),
  decisionNote: text('decision_note'),
  previousDeadline: text('previous_deadline'),
  newDeadline: text('new_deadline'),
});
