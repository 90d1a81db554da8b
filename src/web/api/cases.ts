// The cases endpoints (docs/CASES-API.md) for the console, the supervisor strip, /admin/cases
// and the public case page. Printable pages are plain URLs: they open in a frame, not as JSON.
import { api, API_BASE, seg } from './client';
import type {
  CaseDto,
  CaseExtension,
  CaseList,
  CaseListQuery,
  CreateCaseInput,
  CreatedCase,
  IssuedNotice,
  TrackedCase,
  UpdateCaseInput,
} from './case-types';

export const casesApi = {
  create: (hallId: string, input: CreateCaseInput) => api.post<CreatedCase>(`/halls/${seg(hallId)}/cases`, input),
  get: (caseId: string, signal?: AbortSignal) => api.get<CaseDto>(`/cases/${seg(caseId)}`, { signal }),
  list: (hallId: string, query: CaseListQuery = {}, signal?: AbortSignal) =>
    api.get<CaseList>(`/halls/${seg(hallId)}/cases`, { query: { ...query }, signal }),
  update: (caseId: string, input: UpdateCaseInput) => api.patch<CaseDto>(`/cases/${seg(caseId)}`, input),
  issueNotice: (caseId: string, input: { nextSteps?: string; notes?: string }) =>
    api.post<IssuedNotice>(`/cases/${seg(caseId)}/notices`, input),
  accept: (caseId: string) => api.post<CaseDto>(`/cases/${seg(caseId)}/accept`, {}),
  refuse: (caseId: string, input: { reason: string; basis: string }) => api.post<CaseDto>(`/cases/${seg(caseId)}/refuse`, input),
  complete: (caseId: string, input: { result: string; note?: string }) => api.post<CaseDto>(`/cases/${seg(caseId)}/complete`, input),
  requestExtension: (caseId: string, input: { workingDays: number; reason: string }) =>
    api.post<CaseExtension>(`/cases/${seg(caseId)}/extensions`, input),
  approveExtension: (extensionId: string, note?: string) =>
    api.post<unknown>(`/extensions/${seg(extensionId)}/approve`, note ? { note } : {}),
  rejectExtension: (extensionId: string, note?: string) =>
    api.post<unknown>(`/extensions/${seg(extensionId)}/reject`, note ? { note } : {}),
  /** Public: the case's own token (from the notice's or receipt's QR code) is the key. */
  track: (caseId: string, token: string, signal?: AbortSignal) =>
    api.get<TrackedCase>(`/cases/${seg(caseId)}/track`, { query: { token }, signal, expectUnauthorized: true }),
};

/**
 * Printable A4 pages (HTML), authorised by the session cookie like GET /cases/{id}. With the
 * case's tracking token the page also prints the QR code to the applicant's case page.
 */
const printUrl = (path: string) => `${API_BASE}${path}`;

export const casePrintUrls = {
  notice: (noticeId: string) => printUrl(`/notices/${seg(noticeId)}/print`),
  receipt: (caseId: string) => printUrl(`/cases/${seg(caseId)}/receipt/print`),
  refusal: (caseId: string) => printUrl(`/cases/${seg(caseId)}/refusal/print`),
};
