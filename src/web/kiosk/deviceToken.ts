// The kiosk's device token. The first visit is `/kiosk?token=…` (the link an administrator
// copies from the devices page); the token then lives in localStorage and leaves the address
// bar, so it is not on screen or in the browser history for the next person to read.

export const KIOSK_TOKEN_KEY = 'ck.device.token.kiosk';

/** The token from a query string, and the query string without it. */
export function takeTokenFromSearch(search: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(search);
  const raw = params.get('token');
  const token = raw && raw.trim() ? raw.trim() : null;
  params.delete('token');
  const rest = params.toString();
  return { token, rest: rest ? `?${rest}` : '' };
}

export function loadToken(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveToken(key: string, token: string): void {
  try {
    window.localStorage.setItem(key, token);
  } catch {
    // Storage unavailable: the token then lasts while this page stays open.
  }
}

export function forgetToken(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}
