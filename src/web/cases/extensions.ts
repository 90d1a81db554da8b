// 延期 requests waiting for the manager, read from the cases that carry them: oldest first, so
// the one that has waited longest is decided first.
import type { CaseDto, CaseExtension } from '../api/case-types';

export interface PendingExtension {
  case: CaseDto;
  extension: CaseExtension;
}

export function pendingExtensions(cases: readonly CaseDto[]): PendingExtension[] {
  return cases
    .flatMap((c) => c.extensions.filter((e) => e.status === 'pending').map((extension) => ({ case: c, extension })))
    .sort((a, b) => (a.extension.requestedAt < b.extension.requestedAt ? -1 : a.extension.requestedAt > b.extension.requestedAt ? 1 : 0));
}
