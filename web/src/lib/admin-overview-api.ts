import type { AdminOverview, OverviewBucket } from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { DOWNLOAD_FAILED, downloadFile } from './download.ts';

/**
 * The admin's Overview API (GET /api/admin/overview and .csv; admins only, see docs/admin.md).
 * Refusals arrive as ApiError.
 */

export interface OverviewRange {
  from: string;
  to: string;
  bucket: OverviewBucket;
}

export const overviewQuery = (r: OverviewRange) =>
  `?${new URLSearchParams({ from: r.from, to: r.to, bucket: r.bucket }).toString()}`;

export function adminOverviewApi(api: Api) {
  return {
    overview: (r: OverviewRange) => api.getJson<AdminOverview>(`/api/admin/overview${overviewQuery(r)}`),
    /** Saves the per-bucket series as CSV (formula-safe) through the browser. */
    downloadCsv: (r: OverviewRange) =>
      downloadFile(
        api,
        `/api/admin/overview.csv${overviewQuery(r)}`,
        `overview-${r.from}-to-${r.to}-${r.bucket}.csv`,
        (code) => (code === 'bad_request' ? 'Pick a range of at most 366 days, from before to.' : DOWNLOAD_FAILED),
      ),
  };
}

export type AdminOverviewApi = ReturnType<typeof adminOverviewApi>;
