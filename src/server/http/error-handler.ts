// Turns anything thrown into the contract's error shape. Bad input is always 4xx with a
// code; only a real fault is a 500, and that one is logged with its stack.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, messageFor, pickLanguage, type ErrorCode } from './errors.js';
import { fieldErrorsOf, isFieldErrorList, localiseFieldErrors } from './field-messages.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

// Unique-index names → the conflict a person understands, for the rare race past our checks.
const uniqueIndexCodes: Record<string, ErrorCode> = {
  users_username: 'username_taken',
  services_hall_code_live: 'service_code_taken',
  services_hall_prefix_live: 'ticket_prefix_taken',
  windows_hall_number_live: 'window_number_taken',
};

function databaseConflict(err: unknown): ErrorCode | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint && uniqueIndexCodes[constraint]) return uniqueIndexCodes[constraint];
  }
  return null;
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  // Requests are parsed in defineRoute, worded in the request's language; this is a parse
  // elsewhere, worded by zod's default (English) but for the messages we wrote.
  if (err instanceof ZodError) return new AppError('validation_failed', fieldErrorsOf(err.issues));
  const fe = err as FastifyError;
  if (fe?.code && fastifyCodes[fe.code]) return new AppError(fastifyCodes[fe.code]!);
  if (fe?.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP')) return new AppError('invalid_json');
  // Plugins (static files) signal client errors with a status of their own.
  if (fe?.statusCode === 404) return new AppError('not_found');
  if (fe?.statusCode === 403) return new AppError('forbidden');
  if (fe?.statusCode === 413) return new AppError('payload_too_large');
  const conflict = databaseConflict(err);
  if (conflict) return new AppError(conflict);
  return null;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = pickLanguage(req.headers['accept-language']);
  if (error.code === 'rate_limited' && error.details && 'retryAfterSeconds' in error.details) {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  const details = isFieldErrorList(error.details) ? localiseFieldErrors(error.details, lang) : error.details;
  return reply.code(error.status).send({
    error: { code: error.code, message: messageFor(error.code, lang), ...(details ? { details } : {}) },
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const known = toAppError(err);
    if (known) return sendError(req, reply, known);
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError('internal_error'));
  });
}
