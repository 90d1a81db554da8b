// HTTP for cases (办件): intake, one-time notices, acceptance with a working-day
// deadline, refusal with reason and basis, completion, extensions, the printed
// papers and the applicant's tracking page. docs/CASES-API.md is the contract.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { acceptCase } from './accept-case.js';
import { trackCase } from './case-tracking.js';
import { listHallCases, readCase } from './case-view.js';
import { completeCase } from './complete-case.js';
import { createCase } from './create-case.js';
import { listExtensionRequests } from './extension-requests.js';
import { decideExtension, requestExtension } from './extensions.js';
import { issueNotice } from './issue-notice.js';
import { noticePrint } from './print/notice-print.js';
import { receiptPrint } from './print/receipt-print.js';
import { refusalPrint } from './print/refusal-print.js';
import { refuseCase } from './refuse-case.js';
import {
  acceptBody, caseSchema, completeBody, createCaseBody, decisionBody, extensionBody, extensionRequestListSchema, extensionRequestsQuery,
  extensionSchema, issueNoticeBody, listQuery, noticeSchema, refuseBody, trackingSchema, trackQuery, updateCaseBody,
} from './schemas.js';
import { updateCaseMaterials } from './update-case-materials.js';

const hallParams = z.object({ hallId: idParam });
const caseParams = z.object({ caseId: idParam });
const noticeParams = z.object({ noticeId: idParam });
const extensionParams = z.object({ extensionId: idParam });

/** Where the applicant's phone opens the tracking link printed as a QR code: this server, as reached. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function registerCaseRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/cases', tags: ['cases'], auth: 'user', status: 201,
    summary: 'Open a case (收件) for a service with what the applicant handed in; the creator is its first-responsible owner. '
      + 'The response alone carries the tracking token.',
    params: hallParams, body: createCaseBody, response: caseSchema,
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'cases.operate', params.hallId);
      return createCase(ctx, actor, params.hallId, body);
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/cases', tags: ['cases'], auth: 'user',
    summary: "The hall's cases, newest first; `light` filters accepted, unfinished cases by their supervision light today (R-15)",
    params: hallParams, query: listQuery, response: z.object({ items: z.array(caseSchema), total: z.number() }),
    handler: async ({ actor, params, query }) => {
      authorize(actor, 'cases.read', params.hallId);
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return listHallCases(ctx, hall, query);
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/cases/:caseId', tags: ['cases'], auth: 'user',
    summary: 'One case: materials and what is missing, notices, deadline and light, refusal, completion, extensions',
    params: caseParams, response: caseSchema,
    handler: async ({ actor, params }) => readCase(ctx, actor, params.caseId),
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/cases/:caseId', tags: ['cases'], auth: 'user',
    summary: 'Change what was handed in (submitted, applicable conditions, defects with reasons) or the applicant, before the decision',
    params: caseParams, body: updateCaseBody, response: caseSchema,
    handler: async ({ actor, params, body }) => updateCaseMaterials(ctx, actor, params.caseId, body),
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/cases/:caseId/notices', tags: ['cases'], auth: 'user', status: 201,
    summary: 'Issue the numbered one-time notice (一次性告知书, R-11) of everything missing; a later notice asking for a material '
      + 'the first could have asked for is recorded as a second-round breach (R-12)',
    params: caseParams, body: issueNoticeBody, response: noticeSchema,
    handler: async ({ actor, params, body }) => issueNotice(ctx, actor, params.caseId, body),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/notices/:noticeId/print', tags: ['cases'], auth: 'user', produces: 'text/html',
    summary: 'The one-time notice as a printable A4 page, with a QR code to the applicant\'s tracking page',
    params: noticeParams,
    handler: async ({ actor, params, req, reply }) => {
      sendHtml(reply, await noticePrint(ctx, actor, params.noticeId, originOf(req)));
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/cases/:caseId/accept', tags: ['cases'], auth: 'user',
    summary: 'Accept (受理) a case with nothing missing; the deadline comes from the hall\'s working-day calendar (R-14)',
    params: caseParams, body: acceptBody, response: caseSchema,
    handler: async ({ actor, params }) => acceptCase(ctx, actor, params.caseId),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/cases/:caseId/receipt/print', tags: ['cases'], auth: 'user', produces: 'text/html',
    summary: 'The acceptance receipt (受理回执) with the deadline, as a printable A4 page, with a QR code to the tracking page',
    params: caseParams,
    handler: async ({ actor, params, req, reply }) => {
      sendHtml(reply, await receiptPrint(ctx, actor, params.caseId, originOf(req)));
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/cases/:caseId/refuse', tags: ['cases'], auth: 'user',
    summary: 'Refuse (不予受理) with a written reason and its basis (R-13); without either: 400 refusal_basis_required',
    params: caseParams, body: refuseBody, response: caseSchema,
    handler: async ({ actor, params, body }) => refuseCase(ctx, actor, params.caseId, body),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/cases/:caseId/refusal/print', tags: ['cases'], auth: 'user', produces: 'text/html',
    summary: 'The refusal notice (不予受理告知书) as a printable A4 page',
    params: caseParams,
    handler: async ({ actor, params, reply }) => {
      sendHtml(reply, await refusalPrint(ctx, actor, params.caseId));
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/cases/:caseId/complete', tags: ['cases'], auth: 'user',
    summary: 'Complete (办结) an accepted case with its result; on time when on or before the deadline day',
    params: caseParams, body: completeBody, response: caseSchema,
    handler: async ({ actor, params, body }) => completeCase(ctx, actor, params.caseId, body),
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/cases/:caseId/extensions', tags: ['cases'], auth: 'user', status: 201,
    summary: 'Ask for an extension (延期) of an accepted case by some working days, with a reason; one may wait at a time',
    params: caseParams, body: extensionBody, response: extensionSchema,
    handler: async ({ actor, params, body }) => requestExtension(ctx, actor, params.caseId, body),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/case-extensions', tags: ['cases'], auth: 'user',
    summary: "The hall's extension requests (延期) with their cases: `pending` (default) longest-waiting first, `decided` "
      + 'latest decision first, `all` newest first; pages by `cursor` (the `nextCursor` of the page before)',
    params: hallParams, query: extensionRequestsQuery, response: extensionRequestListSchema,
    handler: async ({ actor, params, query }) => listExtensionRequests(ctx, actor, params.hallId, query),
  });

  for (const [verb, approve] of [['approve', true], ['reject', false]] as const) {
    defineRoute(host, {
      method: 'POST', url: `/api/v1/extensions/:extensionId/${verb}`, tags: ['cases'], auth: 'user',
      summary: approve
        ? "Approve an extension (the hall's manager): the deadline moves that many working days past the current one"
        : "Reject an extension (the hall's manager): the deadline stays",
      params: extensionParams, body: decisionBody, response: caseSchema,
      handler: async ({ actor, params, body }) => decideExtension(ctx, actor, params.extensionId, approve, body.note),
    });
  }

  defineRoute(host, {
    method: 'GET', url: '/api/v1/cases/:caseId/track', tags: ['cases'], auth: 'public',
    summary: "The applicant's view of their case (needs the case's tracking token): status, what is missing, deadline",
    params: caseParams, query: trackQuery, response: trackingSchema,
    handler: async ({ params, query }) => trackCase(ctx, params.caseId, query.token),
  });
}

function sendHtml(reply: import('fastify').FastifyReply, html: string): void {
  // Papers carry names and numbers: never kept by a shared cache.
  reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
