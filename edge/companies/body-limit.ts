import { MAX_IMPORT_BYTES } from './import-csv.ts';

/**
 * Employee imports carry a CSV file of up to 1 MiB (5,000 rows): that route, and only that one,
 * gets IMPORT_BODY_BYTES instead of the API-wide limit (edge/app.ts).
 */
export const IMPORT_BODY_BYTES = MAX_IMPORT_BYTES;

const IMPORT_ROUTE = /^\/api\/companies\/[0-9a-fA-F-]{36}\/imports\/?$/;

/** Whether a request may carry an import-sized body (method and path, as the API sees them). */
export function isCompanyImportRoute(method: string, path: string): boolean {
  return method === 'POST' && IMPORT_ROUTE.test(path);
}
