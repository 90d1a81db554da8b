// Case rows → the wire shapes of docs/CASES-API.md. Raw rows never leave the server.
import { allowedActions } from '../../core/cases/case-state.js';
import { materialStates } from '../../core/cases/case-materials.js';
import { extendedDeadline } from '../../core/cases/deadline.js';
import { readSupervisionLight } from '../../core/cases/supervision-light.js';
import type { MaterialRow } from '../../db/schema.js';
import type { HallDays } from './hall-days.js';
import type { CaseRow, ExtensionRow, NoticeRow, ServiceRow } from './repo.js';
import type { CaseDto, ExtensionRequestDto, NoticeDto } from './schemas.js';

/** A case with what it shows of its service, owner, ticket, notices and extensions. */
export interface CaseBundle {
  row: CaseRow;
  service: ServiceRow | null;
  ownerName: string;
  ticketNumber: string | null;
  notices: NoticeRow[];
  extensions: ExtensionRow[];
}

export interface PresentOptions {
  /** Lists show the identity number masked; one case, opened by hall staff, shows it whole. */
  maskIdNumber?: boolean;
  /** The response that created the case also names the token on its own. */
  trackToken?: string;
}

/** 330102199001011234 → 3301**********1234: enough to tell two applicants apart on a list. */
export function maskIdNumber(id: string | null): string | null {
  if (id === null) return null;
  if (id.length <= 8) return id.length <= 2 ? '*'.repeat(id.length) : `${id[0]}${'*'.repeat(id.length - 2)}${id.at(-1)}`;
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function guideOf(service: ServiceRow | null): MaterialRow[] {
  return service?.materials ?? [];
}

export function caseMaterialStates(row: CaseRow, service: ServiceRow | null) {
  return materialStates(guideOf(service), { submitted: row.submitted, applicable: row.applicable, defective: row.defective });
}

export function trackPath(caseId: string, token?: string): string {
  return token ? `/c/${caseId}?token=${encodeURIComponent(token)}` : `/c/${caseId}`;
}

export function presentCase(b: CaseBundle, days: HallDays, options: PresentOptions = {}): CaseDto {
  const r = b.row;
  const materials = caseMaterialStates(r, b.service);
  const running = r.status === 'accepted' && r.acceptedDay !== null && r.deadline !== null;
  // A finished case's working time is read as of the day it was completed.
  const readOn = r.status === 'completed' ? r.completedDay : running ? days.today : null;
  const reading = readOn && r.acceptedDay && r.deadline
    ? readSupervisionLight(days.calendar, { acceptedDay: r.acceptedDay, deadline: r.deadline }, readOn, days.policy)
    : null;
  return {
    id: r.id, hallId: r.hallId, number: r.number,
    serviceId: r.serviceId, serviceName: b.service?.name ?? '',
    serviceKind: r.kind ?? b.service?.kind ?? 'immediate',
    promisedDays: r.kind ? r.promisedDays : b.service?.promisedDays ?? null,
    ticketId: r.ticketId, ticketNumber: b.ticketNumber, windowId: r.windowId,
    owner: { id: r.ownerId, name: b.ownerName },
    applicant: {
      name: r.applicant.name,
      idNumber: options.maskIdNumber ? maskIdNumber(r.applicant.idNumber) : r.applicant.idNumber,
      phone: r.applicant.phone,
    },
    status: r.status,
    allowedActions: allowedActions(r.status),
    materials, missingCount: materials.filter((m) => m.missing).length,
    notices: b.notices.map((n) => ({
      id: n.id, number: n.number, round: n.round, issuedAt: n.issuedAt.toISOString(), missingCount: n.missing.length, breach: n.breach,
    })),
    acceptedAt: r.acceptedAt?.toISOString() ?? null, acceptedDay: r.acceptedDay,
    deadline: r.deadline, originalDeadline: r.originalDeadline,
    light: running && reading ? reading.light : null,
    usedWorkingDays: reading?.usedWorkingDays ?? null,
    promisedWorkingDays: reading?.promisedWorkingDays ?? null,
    refusal: r.refusedAt && r.refusalNumber
      ? { number: r.refusalNumber, reason: r.refusalReason ?? '', basis: r.refusalBasis ?? '', at: r.refusedAt.toISOString() }
      : null,
    completion: r.completedAt && r.completedDay
      ? { result: r.result ?? '', note: r.resultNote, at: r.completedAt.toISOString(), day: r.completedDay, onTime: r.onTime ?? false }
      : null,
    extensions: b.extensions.map(presentExtension),
    trackUrl: trackPath(r.id, r.trackToken),
    ...(options.trackToken ? { trackToken: options.trackToken } : {}),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentExtension(e: ExtensionRow) {
  return {
    id: e.id, caseId: e.caseId, workingDays: e.workingDays, reason: e.reason, status: e.status,
    requestedAt: e.requestedAt.toISOString(), decidedAt: e.decidedAt?.toISOString() ?? null, decisionNote: e.decisionNote,
    previousDeadline: e.previousDeadline, newDeadline: e.newDeadline,
  };
}

/** An extension request with its case, the case's service name and the names of the people involved. */
export interface ExtensionRequestBundle {
  ext: ExtensionRow;
  row: CaseRow;
  serviceName: string;
  nameOf: (userId: string) => string;
}

export function presentExtensionRequest(b: ExtensionRequestBundle, days: HallDays): ExtensionRequestDto {
  const { ext, row } = b;
  const person = (id: string) => ({ id, name: b.nameOf(id) });
  const running = row.status === 'accepted' && row.acceptedDay !== null && row.deadline !== null;
  // A waiting request would move the case's deadline as it stands today; an answered one asked
  // to move the deadline it was made against (approval recorded where it actually went).
  const askedFrom = ext.status === 'pending' ? row.deadline : ext.previousDeadline;
  const requestedDeadline = ext.status === 'approved'
    ? ext.newDeadline
    : askedFrom ? extendedDeadline(days.calendar, askedFrom, ext.workingDays) : null;
  return {
    id: ext.id, status: ext.status,
    case: {
      id: row.id, number: row.number, status: row.status,
      serviceId: row.serviceId, serviceName: b.serviceName, applicantName: row.applicant.name,
      owner: person(row.ownerId),
      deadline: row.deadline, originalDeadline: row.originalDeadline,
      light: running
        ? readSupervisionLight(days.calendar, { acceptedDay: row.acceptedDay!, deadline: row.deadline! }, days.today, days.policy).light
        : null,
    },
    workingDays: ext.workingDays, reason: ext.reason,
    requestedDeadline, previousDeadline: ext.previousDeadline,
    requestedBy: person(ext.requestedBy), requestedAt: ext.requestedAt.toISOString(),
    decision: ext.status !== 'pending' && ext.decidedAt
      ? {
        note: ext.decisionNote,
        decidedBy: ext.decidedBy ? person(ext.decidedBy) : null,
        decidedAt: ext.decidedAt.toISOString(),
        newDeadline: ext.status === 'approved' ? ext.newDeadline : null,
      }
      : null,
  };
}

export function presentNotice(n: NoticeRow, caseNumber: string, windowNumber: number | null): NoticeDto {
  return {
    id: n.id, caseId: n.caseId, caseNumber, number: n.number, round: n.round,
    missing: n.missing, nextSteps: n.nextSteps, notes: n.notes,
    breach: n.breach, breachMaterialIds: n.breachMaterialIds,
    windowNumber, issuedAt: n.issuedAt.toISOString(), issuedDay: n.issuedDay,
  };
}
