// GET /halls/{hallId}/case-extensions (docs/CASES-API.md): the hall's 延期 requests with their
// cases, paged by cursor. Kept beside the screen that uses it; the decisions themselves are
// casesApi.approveExtension / rejectExtension.
import { api, seg } from '../api/client';
import type { CaseStatus, ExtensionStatus, Light } from '../api/case-types';

export type ExtensionListStatus = 'pending' | 'decided' | 'all';

export interface Person {
  id: string;
  name: string;
}

export interface ExtensionRequest {
  id: string;
  status: ExtensionStatus;
  case: {
    id: string;
    number: string;
    status: CaseStatus;
    serviceId: string;
    serviceName: string;
    applicantName: string;
    /** 首问责任人. */
    owner: Person;
    deadline: string | null;
    originalDeadline: string | null;
    light: Light | null;
  };
  workingDays: number;
  reason: string;
  /** Where the deadline moves (pending: if approved today; approved: where it went). */
  requestedDeadline: string | null;
  previousDeadline: string | null;
  requestedBy: Person;
  requestedAt: string;
  /** null while pending; decidedBy null when the request was closed with its case. */
  decision: { note: string | null; decidedBy: Person | null; decidedAt: string; newDeadline: string | null } | null;
}

export interface ExtensionRequestPage {
  items: ExtensionRequest[];
  /** Every request of the status, on all pages. */
  total: number;
  nextCursor: string | null;
}

export interface ExtensionRequestQuery {
  status: ExtensionListStatus;
  limit?: number;
  cursor?: string;
}

export const extensionRequestsApi = {
  list: (hallId: string, query: ExtensionRequestQuery, signal?: AbortSignal) =>
    api.get<ExtensionRequestPage>(`/halls/${seg(hallId)}/case-extensions`, { query: { ...query }, signal }),
};
