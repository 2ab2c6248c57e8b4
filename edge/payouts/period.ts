import { resolveRange } from '../admin-overview/range.ts';
import type { PayoutPeriodQuery } from '../contract/payouts.ts';

export interface PayoutPeriod {
  from: string;
  to: string;
  /** The last day is before today (UTC): the period may be paid out. */
  closed: boolean;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first and last day (UTC) of the month holding `date`. */
export function monthOf(date: string): { start: string; end: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { start: day(Date.UTC(y, m - 1, 1)), end: day(Date.UTC(y, m, 0)) };
}

/**
 * The period asked for: by default the current month; `from` alone runs to the end of its month,
 * `to` alone from the start of its. Refused with a 400 as the Overview's range is: from after to,
 * or more than 366 days.
 */
export function resolvePeriod(query: PayoutPeriodQuery, now: Date): PayoutPeriod {
  const anchor = query.from ?? query.to ?? day(now.getTime());
  const month = monthOf(anchor);
  const from = query.from ?? month.start;
  const to = query.to ?? (query.from ? monthOf(query.from).end : month.end);
  resolveRange({ from, to, bucket: 'month' }, now);
  return { from, to, closed: to < day(now.getTime()) };
}

/** The last `count` months up to now's, the current one first. */
export function lastMonths(now: Date, count: number): { start: string; end: string }[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return Array.from({ length: count }, (_, i) => monthOf(day(Date.UTC(y, m - i, 1))));
}
