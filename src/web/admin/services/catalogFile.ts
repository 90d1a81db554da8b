// Checks a picked catalogue file before anything is sent: a file over the server's limit is
// refused before it is even read (a 50 MB file would otherwise be read, parsed and uploaded
// only to come back as 413), and a file that is not JSON is named with where it breaks.
import type { TFunction } from 'i18next';
import { CATALOG_IMPORT_MAX_BYTES } from '../../../core/catalog/catalog-document';

export type CatalogFile =
  | { ok: true; document: unknown; count: number }
  | { ok: false; message: string };

const MEGABYTE = 1024 * 1024;

export const catalogImportLimitMb = (): number => CATALOG_IMPORT_MAX_BYTES / MEGABYTE;

/** The size of a refused file to one decimal; never shown as the limit itself ("10.0 MB, at most 10 MB"). */
function oversize(bytes: number): string {
  const tenths = (bytes / MEGABYTE) * 10;
  const shown = Math.round(tenths) / 10 > catalogImportLimitMb() ? Math.round(tenths) : Math.ceil(tenths);
  return (shown / 10).toFixed(1);
}

export async function readCatalogFile(file: Pick<File, 'name' | 'size' | 'text'>, t: TFunction): Promise<CatalogFile> {
  if (file.size > CATALOG_IMPORT_MAX_BYTES) {
    return { ok: false, message: t('guide.admin.importTooLarge', { size: oversize(file.size), limit: catalogImportLimitMb() }) };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: t('guide.admin.importUnreadable', { name: file.name }) };
  }
  return parseCatalogText(file.name, text, t);
}

export function parseCatalogText(name: string, text: string, t: TFunction): CatalogFile {
  if (!text.trim()) return { ok: false, message: t('guide.admin.importEmpty', { name }) };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, error);
    return {
      ok: false,
      message: where
        ? t('guide.admin.importNotJsonAt', { name, line: where.line, column: where.column })
        : t('guide.admin.importNotJson', { name }),
    };
  }
  const services = (document as { services?: unknown } | null)?.services;
  return { ok: true, document, count: Array.isArray(services) ? services.length : 0 };
}

/**
 * Where JSON.parse gave up, from its message: Firefox and recent Chrome name the line and
 * column, older Chrome and Safari only the character position, which is counted out here.
 */
export function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  const before = text.slice(0, Number(position[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}
