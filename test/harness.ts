// An app on a fresh database, driven through Fastify's inject (no sockets) unless a test
// needs a real port (SSE). Signs people in and keeps their cookies.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../src/server/app.js';
import type { AppContext } from '../src/server/context.js';
import { loadEnv, type Env } from '../src/server/env.js';
import { EventHub } from '../src/server/events/hub.js';
import { ensureAdmin } from '../src/server/bootstrap/ensure-admin.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  built: BuiltApp;
  testDb: TestDatabase;
  /** Signs in and returns a client that sends the session cookie (and a same-origin Origin). */
  login(username: string, password: string): Promise<Client>;
  admin: Client;
  anonymous: Client;
  device(token: string): Client;
  /** Starts listening on a random port; returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface Client {
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string | null;
}

function makeClient(app: FastifyInstance, baseHeaders: Record<string, string>, cookie: string | null): Client {
  const request: Client['request'] = (method, url, body, headers = {}) => app.inject({
    method, url,
    headers: {
      ...baseHeaders,
      ...(cookie ? { cookie, origin: 'http://localhost:80' } : {}),
      ...(body !== undefined && typeof body !== 'string' && !(body instanceof Buffer) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: body instanceof Buffer || typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
    put: (url, body) => request('PUT', url, body),
    delete: (url) => request('DELETE', url),
    cookie,
  };
}

export async function createTestApp(options: { env?: Record<string, string>; now?: () => Date; poolSize?: number } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase({ poolSize: options.poolSize });
  const env: Env = loadEnv({ LOG_LEVEL: 'silent', DEMO: '0', WEB_DIR: './.tmp/no-web', ...options.env });
  const hub = new EventHub(testDb.database, 1000);
  await hub.start();
  const ctx: AppContext = { env, database: testDb.database, db: testDb.database.db, hub, now: options.now ?? (() => new Date()) };
  await ensureAdmin(ctx, ADMIN_PASSWORD);
  const built = await buildApp(ctx, { logger: false });
  const app = built.app;
  await app.ready();
  const hostHeader = { host: 'localhost:80' };
  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { ...hostHeader, 'content-type': 'application/json' }, payload: JSON.stringify({ username, password }) });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('ck_session='));
    return makeClient(app, hostHeader, setCookie!.split(';')[0]!);
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  let listening: string | null = null;
  return {
    ctx, app, built, testDb, login, admin,
    anonymous: makeClient(app, hostHeader, null),
    device: (token) => makeClient(app, { ...hostHeader, authorization: `Bearer ${token}` }, null),
    async listen() {
      listening ??= await app.listen({ port: 0, host: '127.0.0.1' });
      return listening;
    },
    async close() {
      built.beginShutdown();
      await app.close();
      await hub.stop();
      await testDb.drop();
    },
  };
}
