// The display's device token. The board is opened once as /board?token=… (the token the admin
// copied from 管理后台 → 设备); the token is then kept in localStorage and taken out of the
// address bar, so it is neither left on screen nor in the browser history.
export const DISPLAY_TOKEN_KEY = 'ck.device.token.display';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The token from ?token= (stored, then removed from the URL with history.replaceState), else the
 * stored one, else null.
 */
export function takeDisplayToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token')?.trim();
  if (fromUrl) {
    try {
      storage()?.setItem(DISPLAY_TOKEN_KEY, fromUrl);
    } catch {
      // Storage full or forbidden: the token still works for this page.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return storage()?.getItem(DISPLAY_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

/** Forgets a token the server refused (revoked, or not a display's). */
export function forgetDisplayToken(token: string): void {
  try {
    const s = storage();
    if (s?.getItem(DISPLAY_TOKEN_KEY) === token) s.removeItem(DISPLAY_TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
}
