import { csvCell, decimals, major } from '../admin-overview/csv.ts';
import type { AdminPayouts } from '../contract/payouts.ts';

/**
 * The payout report as CSV: one row per instructor and currency for the period, amounts in major
 * units (12.50), the platform's share in percent. Cells go through the Overview's csvCell, so an
 * instructor named "=HYPERLINK(...)" reaches a spreadsheet as text, not a formula.
 */
export function payoutsCsv(p: AdminPayouts): string {
  const header = [
    'period_start',
    'period_end',
    'instructor',
    'instructor_id',
    'currency',
    'gross',
    'refunds',
    'net',
    'platform_share_percent',
    'platform_fee',
    'instructor_share',
    'paid',
    'due',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const r of p.items) {
    const places = decimals(r.currency);
    const money = (v: number) => major(v, places);
    lines.push(
      [
        p.from,
        p.to,
        r.instructorName,
        r.instructorId,
        r.currency,
        money(r.gross),
        money(r.refunds),
        money(r.net),
        (r.platformShareBps / 100).toFixed(2),
        money(r.platformFee),
        money(r.instructorShare),
        money(r.paid),
        money(r.due),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
