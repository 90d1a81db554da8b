// The catalogue document (docs/CATALOG-FORMAT.md) as both ends of an import know it. The server
// refuses a larger request body (413); the admin's import dialog checks the picked file against
// the same number first, so a manager is told before a long upload rather than after it.

/** A catalogue of up to 1000 services with full guides runs to megabytes; other bodies keep the app's 1 MB. */
export const CATALOG_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
