// Turns anything thrown by an API call into one polite, localised sentence.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

function alreadySignedInWindow(code: string, details: unknown): number | null {
  if (code !== 'already_signed_in' || !details || typeof details !== 'object') return null;
  const number = (details as { windowNumber?: unknown }).windowNumber;
  return typeof number === 'number' ? number : null;
}

export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return t('errors.generic', { message });
  }
  if (error.code === 'invalid_credentials') return t('errors.invalidCredentials');
  if (error.code === 'rate_limited' || error.status === 429) {
    return error.retryAfterSeconds !== null
      ? t('errors.rateLimited', { seconds: Math.max(1, error.retryAfterSeconds) })
      : t('errors.rateLimitedGeneric');
  }
  if (error.code === 'network_error' || error.status === 0) return t('errors.network');
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status === 403) return t('errors.forbidden');
  // One window a person: name the window they are still signed in to.
  const signedInAt = alreadySignedInWindow(error.code, error.details);
  if (signedInAt !== null) return t('errors.alreadySignedIn', { number: signedInAt });
  // The server localises its messages by Accept-Language; prefer them where they are specific.
  if (error.message && !error.message.startsWith('HTTP ')) return error.message;
  if (error.status === 404) return t('errors.notFound');
  if (error.status >= 500) return t('errors.server');
  return t('errors.generic', { message: error.code });
}
