// Reads the `details` of a refusal that names fields: [{path: 'field.path', message}], each
// message already in the reader's language.
import { isApiError } from '../api/client';

// invalid_hours carries one problem per interval or special date (overlap, end before start).
const FIELD_ERROR_CODES = new Set(['validation_failed', 'invalid_hours']);

export interface ValidationIssue {
  path: string;
  message: string;
}

export function validationIssues(error: unknown): ValidationIssue[] | null {
  if (!isApiError(error) || !FIELD_ERROR_CODES.has(error.code) || !Array.isArray(error.details)) return null;
  const issues: ValidationIssue[] = [];
  for (const item of error.details as unknown[]) {
    if (item && typeof item === 'object') {
      const { path, message } = item as { path?: unknown; message?: unknown };
      const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      issues.push({ path: p, message: typeof message === 'string' ? message : String(message) });
    }
  }
  return issues;
}

/** 'materials.0.name' → ['materials', 0, 'name']. */
export function pathToNamePath(path: string): Array<string | number> {
  return path
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
