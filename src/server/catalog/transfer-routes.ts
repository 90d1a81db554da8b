// The catalogue document over HTTP: export a hall's services, import a document into a hall.
import { z } from 'zod';
import { CATALOG_IMPORT_MAX_BYTES } from '../../core/catalog/catalog-document.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { findHall } from '../halls/repo.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { exportCatalog } from './export-catalog.js';
import { importCatalog } from './import-catalog.js';
import { catalogDocumentInput, catalogDocumentSchema, importResultSchema } from './schemas.js';

const hallParams = z.object({ hallId: idParam });

export function registerCatalogTransferRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/catalog/export', tags: ['catalog'], auth: 'actor',
    summary: "The hall's live services as a catalogue document (docs/CATALOG-FORMAT.md)", params: hallParams,
    response: catalogDocumentSchema,
    handler: async ({ actor, params }) => {
      authorize(actor, 'catalog.read', params.hallId);
      const hall = await findHall(ctx.db, params.hallId);
      if (!hall) throw new AppError('not_found');
      return exportCatalog(ctx.db, hall, ctx.now());
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/catalog/import', tags: ['catalog'], auth: 'user',
    summary: 'Load a catalogue document: services upserted by code in one transaction; any problem (400 with paths) writes nothing',
    params: hallParams, body: catalogDocumentInput, response: importResultSchema, bodyLimit: CATALOG_IMPORT_MAX_BYTES,
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'catalog.manage', params.hallId);
      return importCatalog(ctx, actor, params.hallId, body);
    },
  });
}
