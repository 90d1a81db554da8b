// Shapes of the /api/v1 resources, as the server sends them. Times are ISO-8601 UTC strings.

export type Role = 'admin' | 'manager' | 'staff' | 'inspector';
export const ROLES: readonly Role[] = ['admin', 'manager', 'staff', 'inspector'];

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  hallId: string | null;
  staffNumber: string | null;
  photoUrl: string | null;
  active: boolean;
  createdAt: string;
}

/** weekday: 1 = Monday … 7 = Sunday; open/close are 'HH:MM' in the hall's time zone. */
export interface OpeningInterval {
  weekday: number;
  open: string;
  close: string;
}

export interface HoursException {
  date: string;
  closed: boolean;
  open?: string;
  close?: string;
  note?: string;
}

export interface Hall {
  id: string;
  name: string;
  timezone: string;
  openingHours: OpeningInterval[];
  hoursExceptions: HoursException[];
  address: string | null;
  phone: string | null;
  /** the hall's own opening checklist; null = the default 五个到位. */
  openingChecklist: { id: string; label: string }[] | null;
  createdAt: string;
}

export type HallInput = Omit<Hall, 'id' | 'createdAt'>;

export type ServiceKind = 'immediate' | 'promised';

/** 事项类型 (GB/T 39046). */
export type ItemType = 'licensing' | 'confirmation' | 'payment' | 'adjudication' | 'reward' | 'other_power' | 'public_service';
export const ITEM_TYPES: readonly ItemType[] = ['licensing', 'confirmation', 'payment', 'adjudication', 'reward', 'other_power', 'public_service'];
export type MaterialForm = 'paper' | 'electronic' | 'either';
export const MATERIAL_FORMS: readonly MaterialForm[] = ['paper', 'electronic', 'either'];
export type MaterialSource = 'applicant' | 'government' | 'intermediary' | 'other';
export const MATERIAL_SOURCES: readonly MaterialSource[] = ['applicant', 'government', 'intermediary', 'other'];

/** 申请材料. Not required with a condition: needed when the condition holds; without one: optional. */
export interface Material {
  id: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm;
  required: boolean;
  condition: string | null;
  source: MaterialSource;
  sourceNote: string | null;
  note: string | null;
  blankFormUrl: string | null;
  sampleUrl: string | null;
}

export interface ProcessStep {
  title: string;
  description: string | null;
}

/** 收费: no fees means 不收费. */
export interface Fee {
  item: string;
  amount: string;
  basis: string;
}

/** The service guide's fields (办事指南). */
export interface ServiceGuide {
  itemType: ItemType;
  department: string | null;
  resultName: string | null;
  acceptanceConditions: string | null;
  legalBasis: string | null;
  processSteps: ProcessStep[];
  fees: Fee[];
  location: string | null;
  serviceHours: string | null;
  consultationPhone: string | null;
  supervisionPhone: string | null;
  onlineUrl: string | null;
}

export interface Service extends ServiceGuide {
  id: string;
  hallId: string;
  code: string;
  name: string;
  ticketPrefix: string;
  kind: ServiceKind;
  statutoryDays: number | null;
  promisedDays: number | null;
  materials: Material[];
  createdAt: string;
  updatedAt: string;
}

/** Materials without an id are new; with an id they keep it. */
export interface ServiceInput extends ServiceGuide {
  code: string;
  name: string;
  ticketPrefix: string;
  kind: ServiceKind;
  statutoryDays: number | null;
  promisedDays: number | null;
  materials: Array<Omit<Material, 'id'> & { id?: string }>;
}

export type WindowStatus = 'closed' | 'open' | 'paused';

export interface ServiceWindow {
  id: string;
  hallId: string;
  number: number;
  name: string;
  serviceIds: string[];
  status: WindowStatus;
  createdAt: string;
}

export interface WindowInput {
  number: number;
  name: string;
  serviceIds: string[];
}

export interface UserCreateInput {
  username: string;
  password: string;
  name: string;
  role: Role;
  hallId?: string | null;
  staffNumber?: string | null;
}

export interface UserUpdateInput {
  name?: string;
  role?: Role;
  hallId?: string | null;
  staffNumber?: string | null;
  active?: boolean;
  password?: string;
}

export type DeviceKind = 'kiosk' | 'display' | 'evaluator';
export const DEVICE_KINDS: readonly DeviceKind[] = ['kiosk', 'display', 'evaluator'];

export interface Device {
  id: string;
  hallId: string;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export type CreatedDevice = Device & { token: string };

export interface YearCalendar {
  year: number;
  holidays: string[];
  /** Make-up workdays (调休上班): Saturdays or Sundays that are working days. */
  workdays: string[];
  /** Where the dates came from (e.g. the State Council notice), when the server knows. */
  source?: string | null;
}

export interface WorkingDaysResult {
  from: string;
  add: number;
  date: string;
  missingYears: number[];
}

export type ActorType = 'user' | 'device' | 'system';

export interface AuditEntry {
  id: string;
  at: string;
  hallId: string | null;
  actor: { type: ActorType; id: string | null; name: string | null };
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditChainResult {
  chain: string;
  rows: number;
  ok: boolean;
  brokenAt?: { id: string | number; chainSeq?: number; reason: string };
}

export interface AuditVerifyResult {
  ok: boolean;
  chains: AuditChainResult[];
}

export interface ListResponse<T> {
  items: T[];
}
