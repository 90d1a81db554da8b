// A route is a chain: authenticate → validate (zod) → handler (which authorizes as its own
// named step, then runs a use case) → present. The same zod schemas feed the OpenAPI document,
// so what is validated and what is documented cannot drift apart.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Actor } from '../../core/access/policy.js';
import { AppError, pickLanguage, type Language } from './errors.js';
import type { OpenApiRegistry } from './openapi.js';

export type AuthMode = 'public' | 'user' | 'actor';
type UserActor = Extract<Actor, { type: 'user' }>;
type ActorFor<M extends AuthMode> = M extends 'user' ? UserActor : M extends 'actor' ? Actor : Actor | null;

export interface RouteInput<P, Q, B, M extends AuthMode> {
  params: P;
  query: Q;
  body: B;
  actor: ActorFor<M>;
  lang: Language;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<P, Q, B, R, M extends AuthMode> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: M;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** For routes that take a raw body (photos): the accepted content types, documented as binary. */
  rawBody?: string[];
  response?: ZodType<R>;
  /** 204 routes return nothing. */
  status?: 200 | 201 | 204;
  /** Routes that write the response themselves (SSE, images). */
  produces?: string;
  handler: (input: RouteInput<P, Q, B, M>) => Promise<R | void>;
}

export type Authenticator = (req: FastifyRequest) => Promise<Actor | null>;

export interface RouteHost {
  app: FastifyInstance;
  openapi: OpenApiRegistry;
  authenticate: Authenticator;
}

export function defineRoute<P = unknown, Q = unknown, B = unknown, R = unknown, M extends AuthMode = AuthMode>(
  host: RouteHost,
  def: RouteDef<P, Q, B, R, M>,
): void {
  host.openapi.add(def as RouteDef<unknown, unknown, unknown, unknown, AuthMode>);
  host.app.route({
    method: def.method,
    url: def.url,
    handler: async (req, reply) => {
      const actor = await host.authenticate(req);
      if (def.auth !== 'public' && !actor) throw new AppError('unauthenticated');
      if (def.auth === 'user' && actor?.type !== 'user') throw new AppError('forbidden');
      // A malformed id in the path names nothing that can exist: 404, as for an unknown id.
      let params = req.params as P;
      if (def.params) {
        const parsed = def.params.safeParse(req.params);
        if (!parsed.success) throw new AppError('not_found');
        params = parsed.data;
      }
      const query = (def.query ? def.query.parse(req.query ?? {}) : req.query) as Q;
      const body = (def.body ? def.body.parse(req.body ?? (def.method === 'GET' ? undefined : {})) : req.body) as B;
      const result = await def.handler({
        params, query, body, actor: actor as ActorFor<M>, lang: pickLanguage(req.headers['accept-language']), req, reply,
      });
      if (reply.sent) return reply;
      if (def.status === 204) return reply.code(204).send();
      return reply.code(def.status ?? 200).send(result);
    },
  });
}

/** Path parameter: an id we issued (a UUID). */
export const idParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .transform((v) => v.toLowerCase());
