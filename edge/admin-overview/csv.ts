import type { AdminOverview } from '../contract/admin-overview.ts';

/**
 * A cell made safe for spreadsheets: one that starts with =, +, - or @ (a formula to Excel and
 * friends) gets a leading ', and a cell holding a comma, quote or line break is quoted.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** How many decimals a currency's minor unit has (2 for EUR, 0 for JPY). */
export function decimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export const major = (minor: number, places: number) => (minor / 10 ** places).toFixed(places);

/**
 * The per-bucket series as CSV: bucket start, sign-ups, enrollments, then gross, refunds and net
 * per currency (in major units, e.g. 12.50), one row per bucket.
 */
export function overviewCsv(o: AdminOverview): string {
  const header = ['bucket_start', 'signups', 'enrollments'];
  for (const r of o.revenue) header.push(`gross_${r.currency}`, `refunds_${r.currency}`, `net_${r.currency}`);
  const lines = [header.map(csvCell).join(',')];
  o.series.forEach((p, i) => {
    const cells: (string | number)[] = [p.start, p.signups, p.enrollments];
    for (const r of o.revenue) {
      const b = r.buckets[i]!;
      const places = decimals(r.currency);
      cells.push(major(b.gross, places), major(b.refunds, places), major(b.net, places));
    }
    lines.push(cells.map(csvCell).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
