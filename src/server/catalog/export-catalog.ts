// Writes a hall's live services as the catalogue document (docs/CATALOG-FORMAT.md).
import type { Queryable } from '../../db/client.js';
import type { halls } from '../../db/schema.js';
import { catalogEntryOf } from './present.js';
import * as repo from './repo.js';
import { CATALOG_FORMAT, CATALOG_VERSION, type CatalogDocument } from './schemas.js';

export async function exportCatalog(db: Queryable, hall: typeof halls.$inferSelect, now: Date): Promise<CatalogDocument> {
  const rows = await repo.listServices(db, hall.id);
  return {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    exportedAt: now.toISOString(),
    hall: { name: hall.name },
    // By code, so two exports of one catalogue compare line by line.
    services: rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map(catalogEntryOf),
  };
}
