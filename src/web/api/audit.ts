import { api } from './client';
import type { AuditPage, AuditVerifyResult } from './types';

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  list: (hallId: string | null, cursor: string | null, signal?: AbortSignal) =>
    api.get<AuditPage>('/audit', { query: { hallId, cursor, limit: AUDIT_PAGE_SIZE }, signal }),
  verify: (hallId: string | null) => api.get<AuditVerifyResult>('/audit/verify', { query: { hallId } }),
};
