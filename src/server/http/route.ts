// A route is a chain: authenticate → validate (zod) → handler (which authorizes as its own
// named step, then runs a use case) → present. The same zod schemas feed the OpenAPI document,
// so what is validated and what is documented cannot drift apart.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Actor } from '../../core/access/policy.js';
import { AppError, pickLanguage, type FieldError, type Language } from './errors.js';
import { fieldErrorsOf, fieldMessage, zodErrorMap } from './field-messages.js';
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
  /** Bytes of body this route accepts, when the app-wide 1 MB is not enough (a catalogue import). */
  bodyLimit?: number;
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
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
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
      // A raw upload takes only the content types it documents: JSON, text or nothing is 415.
      if (def.rawBody && !def.rawBody.includes(mediaType(req.headers['content-type']))) throw new AppError('unsupported_media_type');
      const lang = pickLanguage(req.headers['accept-language']);
      const query = (def.query ? parseInput(def.query, req.query ?? {}, lang) : req.query) as Q;
      const body = (def.body ? parseInput(def.body, req.body ?? (def.method === 'GET' ? undefined : {}), lang) : req.body) as B;
      const unstorable = [...(def.query ? unstorableText(query) : []), ...(def.body ? unstorableText(body) : [])];
      if (unstorable.length) throw new AppError('validation_failed', unstorable);
      const result = await def.handler({
        params, query, body, actor: actor as ActorFor<M>, lang, req, reply,
      });
      if (reply.sent) return reply;
      if (def.status === 204) return reply.code(204).send();
      return reply.code(def.status ?? 200).send(result);
    },
  });
}

/** zod's own messages in the reader's language; those written in the schema are localised on the way out. */
function parseInput<T>(schema: ZodType<T>, value: unknown, lang: Language): T {
  const parsed = schema.safeParse(value, { error: zodErrorMap(lang) });
  if (!parsed.success) throw new AppError('validation_failed', fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

// PostgreSQL text and jsonb cannot hold NUL, and an unpaired UTF-16 surrogate is not text at all
// (it would fail in the database or be stored altered, breaking the service log's hashes).
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSTORABLE_MESSAGE = fieldMessage({
  zh: '含有无法保存的字符（空字符或不成对的代理字符），请删除后重试',
  en: 'contains a NUL character or an unpaired surrogate',
});

function unstorableText(value: unknown, path: (string | number)[] = [], found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push({ path: path.join('.'), message: UNSTORABLE_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableText(v, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unstorableText(v, [...path, k], found);
  }
  return found;
}

/** Path parameter: an id we issued (a UUID). */
export const idParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .transform((v) => v.toLowerCase());
