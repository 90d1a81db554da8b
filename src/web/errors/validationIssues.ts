// Reads the `details` of a 400 validation_failed error: [{path: 'field.path', message}].
import { isApiError } from '../api/client';

export interface ValidationIssue {
  path: string;
  message: string;
}

export function validationIssues(error: unknown): ValidationIssue[] | null {
  if (!isApiError(error) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return null;
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
