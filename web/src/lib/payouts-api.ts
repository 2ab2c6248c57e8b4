import type {
  AdminPayouts,
  Payout,
  RecordPayoutInput,
  RevenueShare,
  RevenueShareInput,
  TeachPayouts,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { DOWNLOAD_FAILED, downloadFile } from './download.ts';

/**
 * Instructor payouts (docs/commerce.md "Payouts"): the admins' report, CSV, marking a period paid
 * and the platform's share; the instructor's own earnings and payouts. Refusals arrive as ApiError.
 */

export interface PayoutPeriod {
  from: string;
  to: string;
}

const periodQuery = (p: PayoutPeriod) => `?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`;

export function payoutsApi(api: Api) {
  return {
    report: (p: PayoutPeriod) => api.getJson<AdminPayouts>(`/api/admin/payouts${periodQuery(p)}`),
    /** Saves the payout report (formula-safe CSV) through the browser. */
    downloadCsv: (p: PayoutPeriod) =>
      downloadFile(api, `/api/admin/payouts.csv${periodQuery(p)}`, `payouts-${p.from}-to-${p.to}.csv`, (code) =>
        code === 'bad_request' ? 'Pick a period of at most 366 days, from before to.' : DOWNLOAD_FAILED,
      ),
    markPaid: (input: RecordPayoutInput) => api.postJson<Payout>('/api/admin/payouts', input),
    setShare: (input: RevenueShareInput) =>
      api.send<RevenueShare>('/api/admin/payouts/share', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      }),
    mine: () => api.getJson<TeachPayouts>('/api/teach/payouts'),
  };
}

export type PayoutsApi = ReturnType<typeof payoutsApi>;
