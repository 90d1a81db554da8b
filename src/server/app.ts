// Builds the Fastify application: plugins, error handling, every capability's routes, the
// OpenAPI document and the web app. Starting and stopping live in main.ts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.js';
import { createAuthenticator } from './auth/authenticate.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerCalendarRoutes } from './calendar/routes.js';
import { registerCatalogRoutes } from './catalog/routes.js';
import { registerDeviceRoutes } from './devices/routes.js';
import { registerEventRoutes } from './events/routes.js';
import { registerHallRoutes } from './halls/routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { AppError } from './http/errors.js';
import { installErrorHandling, sendError } from './http/error-handler.js';
import { OpenStreams } from './http/event-stream.js';
import { OpenApiRegistry } from './http/openapi.js';
import type { RouteHost } from './http/route.js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from './users/photo.js';
import { registerUserRoutes } from './users/routes.js';
import { registerWindowRoutes } from './windows/routes.js';
import { registerQueueRoutes } from './queue/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerCaseRoutes } from './cases/routes.js';

export interface BuiltApp {
  app: FastifyInstance;
  streams: OpenStreams;
  /** Marks the app as stopping: health turns 503, SSE streams end. */
  beginShutdown(): void;
}

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.env.LOG_LEVEL },
    trustProxy: ctx.env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // One line per request only when debugging; errors are always logged.
    logController: new LogController({ disableRequestLogging: ctx.env.LOG_LEVEL !== 'debug' && ctx.env.LOG_LEVEL !== 'trace' }),
  });
  let closing = false;
  const streams = new OpenStreams({ publicPerAddress: ctx.env.SSE_MAX_STREAMS_PER_IP });

  await app.register(fastifyCookie);
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));
  installErrorHandling(app);

  const openapi = new OpenApiRegistry();
  const host: RouteHost = { app, openapi, authenticate: createAuthenticator(ctx) };
  registerHealthRoutes(host, ctx, () => closing);
  registerAuthRoutes(host, ctx);
  registerUserRoutes(host, ctx);
  registerHallRoutes(host, ctx);
  registerCatalogRoutes(host, ctx);
  registerWindowRoutes(host, ctx);
  registerDeviceRoutes(host, ctx);
  registerCalendarRoutes(host, ctx);
  registerAuditRoutes(host, ctx);
  registerQueueRoutes(host, ctx, streams);
  registerCaseRoutes(host, ctx);
  registerReportRoutes(host, ctx);
  registerEventRoutes(host, ctx, streams);

  const document = openapi.document();
  app.get('/api/v1/openapi.json', async () => document);

  const webDir = resolve(ctx.env.WEB_DIR);
  const hasWeb = existsSync(resolve(webDir, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false, cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed assets never change; index.html must always be fresh.
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      } });
  }

  if (hasWeb) app.get('/', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));

  app.setNotFoundHandler((req, reply) => {
    // A missing script must 404, not arrive as index.html that the browser cannot run.
    if (req.url.startsWith('/assets/')) return reply.code(404).type('text/plain').send('Not found');
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return sendError(req, reply, new AppError('route_not_found'));
    }
    // The web app routes on the client: every other GET gets index.html.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return {
    app,
    streams,
    beginShutdown() {
      closing = true;
      streams.endAll();
    },
  };
}
