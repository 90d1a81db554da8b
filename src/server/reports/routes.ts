// HTTP for the case report: JSON for the admin page, CSV for Excel.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { buildCaseReport, caseReportCsv, csvContentDisposition } from './case-report.js';
import { caseReportSchema, reportPeriodQuery } from './schemas.js';

const hallParams = z.object({ hallId: idParam });

export function registerReportRoutes(host: RouteHost, ctx: AppContext): void {
  const report = async (actor: Parameters<typeof authorize>[0], hallId: string, from: string, to: string) => {
    authorize(actor, 'reports.read', hallId);
    const hall = await findHall(ctx.db, hallId);
    if (!hall) throw new AppError('not_found');
    const now = ctx.now();
    // One snapshot, so a case completed while the report is read is counted once or not at all.
    return ctx.db.transaction(
      (tx) => buildCaseReport(tx, { id: hall.id, timezone: hall.timezone, casePolicy: hall.casePolicy }, from, to, now),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  };

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/reports/cases', tags: ['reports'], auth: 'user',
    summary: 'Cases, one-time notices, refusals, on-time completion and lights over hall-local days (R-11…R-15)',
    params: hallParams, query: reportPeriodQuery, response: caseReportSchema,
    handler: async ({ actor, params, query }) => report(actor, params.hallId, query.from, query.to),
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/reports/cases.csv', tags: ['reports'], auth: 'user', produces: 'text/csv',
    summary: 'The case report by service as CSV (UTF-8 with BOM, for Excel)',
    params: hallParams, query: reportPeriodQuery,
    handler: async ({ actor, params, query, reply }) => {
      const csv = caseReportCsv(await report(actor, params.hallId, query.from, query.to));
      reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', csvContentDisposition(query.from, query.to))
        .header('cache-control', 'no-store');
      reply.send(csv);
    },
  });
}
