// Shapes of the cases API (docs/CASES-API.md): service-guide materials, cases (办件), one-time
// notices, refusals, deadlines, supervision lights, extensions.
// Days (`acceptedDay`, `deadline`) are hall-local 'YYYY-MM-DD'; times are ISO-8601 UTC instants.

// The guide's material is the catalogue's (types.ts): one shape for the admin and the counter.
import type { Material, MaterialForm, MaterialSource } from './types';

export type { MaterialForm, MaterialSource };
/** A material of a service's guide (办事指南, R-16). */
export type GuideMaterial = Material;

export type CaseStatus = 'open' | 'awaiting_supplement' | 'accepted' | 'refused' | 'completed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'awaiting_supplement', 'accepted', 'refused', 'completed'];
export type Light = 'green' | 'yellow' | 'red';
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green'];

/** One row per material of the service, in the service's order. */
export interface CaseMaterialState {
  materialId: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm | string;
  required: boolean;
  condition: string | null;
  /** The guide's note on the material, when the server sends it. */
  note?: string | null;
  /** required, or conditional and marked applicable. */
  needed: boolean;
  applicable: boolean;
  submitted: boolean;
  /** The reason, when a submitted material was found defective. */
  defect: string | null;
  /** needed && (!submitted || defect !== null) */
  missing: boolean;
}

export interface CaseApplicant {
  name: string;
  /** Masked in lists. */
  idNumber: string | null;
  phone: string | null;
}

export interface CaseNoticeSummary {
  id: string;
  number: string;
  round: number;
  issuedAt: string;
  missingCount: number;
  breach: 'second_round' | null;
}

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

export interface CaseExtension {
  id: string;
  workingDays: number;
  reason: string;
  status: ExtensionStatus;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote?: string | null;
  previousDeadline?: string | null;
  newDeadline: string | null;
}

export interface CaseDto {
  id: string;
  hallId: string;
  /** "2026-000042", per hall and year. */
  number: string;
  serviceId: string;
  serviceName: string;
  serviceKind: 'immediate' | 'promised';
  promisedDays: number | null;
  ticketId: string | null;
  ticketNumber: string | null;
  windowId: string | null;
  /** 首问责任人. */
  owner: { id: string; name: string };
  applicant: CaseApplicant;
  status: CaseStatus;
  /** What the server would allow now (accept, refuse, notice, …), when it says. */
  allowedActions?: string[];
  materials: CaseMaterialState[];
  missingCount: number;
  notices: CaseNoticeSummary[];
  acceptedAt: string | null;
  acceptedDay: string | null;
  deadline: string | null;
  originalDeadline: string | null;
  /** Accepted and unfinished only. */
  light: Light | null;
  usedWorkingDays: number | null;
  promisedWorkingDays: number | null;
  refusal: { number: string; reason: string; basis: string; at: string } | null;
  completion: { result: string; note: string | null; at: string; day?: string; onTime: boolean } | null;
  extensions: CaseExtension[];
  /** "/c/{id}?token=…"; the token only in the create and receipt answers. */
  trackUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** The create answer also carries the tracking token, once. */
export type CreatedCase = CaseDto & { trackToken?: string };

export interface CaseList {
  items: CaseDto[];
  total: number;
}

export interface CaseListQuery {
  status?: CaseStatus;
  light?: Light;
  ownerId?: string;
  ticketId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface CreateCaseInput {
  serviceId: string;
  ticketId?: string;
  windowId?: string;
  applicant: { name: string; idNumber?: string; phone?: string };
  submitted: string[];
  applicable?: string[];
}

export interface DefectInput {
  materialId: string;
  reason: string;
}

export interface UpdateCaseInput {
  submitted?: string[];
  applicable?: string[];
  defective?: DefectInput[];
  /** null clears a field; a field left out stays as recorded. */
  applicant?: { name?: string; idNumber?: string | null; phone?: string | null };
}

/** A missing material as a notice lists it, in the service's wording at issue time. */
export interface NoticeMaterial {
  materialId: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm | string;
  note: string | null;
  condition?: string | null;
  defect: string | null;
}

export interface IssuedNotice {
  id: string;
  /** "一告〔2026〕0007号" */
  number: string;
  round: number;
  missing: NoticeMaterial[];
  nextSteps: string;
  notes: string | null;
  /** a later round asking for something the first could have asked for. */
  breach: 'second_round' | null;
  breachMaterialIds: string[];
}

/** The public case page's answer (GET /cases/{id}/track?token=…). */
export interface TrackedCase {
  number: string;
  hallName: string;
  serviceName: string;
  status: CaseStatus | string;
  deadline: string | null;
  acceptedDay?: string | null;
  /** Status in words, when the server sends it. */
  statusText?: string | null;
  missing: { name: string; originals: number; copies: number; form: MaterialForm | string; note: string | null; defect: string | null }[];
  notices: { number: string; issuedAt: string }[];
  windowNumber: number | null;
  hallPhone: string | null;
  completedDay?: string | null;
  refusal?: { reason: string; basis: string } | null;
}
