import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/setup';
import { ApiError, onUnauthorized, request } from './client';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers }));
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends JSON with the UI language and same-origin credentials', async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    await expect(request('POST', '/halls', { json: { name: 'A' }, query: { hallId: 'h', cursor: null } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/halls?hallId=h');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' });
  });

  it('asks for English once the UI is in English, so field problems come back in the language shown', async () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal('fetch', fetchMock);
    try {
      await i18n.changeLanguage('en');
      await request('POST', '/halls/h/catalog/import', { json: {} });
      expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({ 'Accept-Language': 'en' });
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('throws ApiError with code, details and the wait of a rate limit', async () => {
    vi.stubGlobal('fetch', respond(429, { error: { code: 'rate_limited', message: 'slow down', details: { retryAfterSeconds: 42 } } }));
    const error = await request('POST', '/auth/login').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: 'slow down', retryAfterSeconds: 42 });
  });

  it('reports an ended session, but not a wrong password', async () => {
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    vi.stubGlobal('fetch', respond(401, { error: { code: 'invalid_credentials', message: 'no' } }));
    await request('GET', '/x').catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', respond(401, { error: { code: 'unauthenticated', message: 'no' } }));
    await request('GET', '/x').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    off();
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', respond(204, undefined));
    await expect(request('DELETE', '/devices/1')).resolves.toBeUndefined();
  });
});
