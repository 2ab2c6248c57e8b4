import { type AdminOverviewQuery, OVERVIEW_LIMITS, type OverviewBucket } from '../contract/admin-overview.ts';
import { badRequest } from '../http/errors.ts';

const DAY_MS = 86_400_000;

export interface OverviewRange {
  from: string;
  to: string;
  bucket: OverviewBucket;
  /** from at 00:00 UTC and the day after `to` at 00:00 UTC: timestamps t with start ≤ t < end. */
  start: string;
  end: string;
  /** Every bucket's first day, in order (the first one is `from`). */
  starts: string[];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The bucket a UTC day falls in, as the SQL computes it: date_trunc, clipped to the range's first day. */
export function bucketOf(date: string, bucket: OverviewBucket, from: string): string {
  let start = date;
  if (bucket === 'week') {
    const d = new Date(ms(date));
    start = day(ms(date) - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  } else if (bucket === 'month') {
    start = `${date.slice(0, 7)}-01`;
  }
  return start < from ? from : start;
}

/**
 * The range asked for, or the last 30 days (today included) by default. Refused with a 400:
 * from after to, or more than 366 days.
 */
export function resolveRange(query: AdminOverviewQuery, now: Date): OverviewRange {
  const to = query.to ?? day(now.getTime());
  const from = query.from ?? day(ms(to) - (OVERVIEW_LIMITS.defaultDays - 1) * DAY_MS);
  if (from > to) throw badRequest('from must not be after to');
  const days = (ms(to) - ms(from)) / DAY_MS + 1;
  if (days > OVERVIEW_LIMITS.maxDays) throw badRequest(`the range may cover at most ${OVERVIEW_LIMITS.maxDays} days`);
  const starts: string[] = [];
  for (let t = ms(from); t <= ms(to); t += DAY_MS) {
    const b = bucketOf(day(t), query.bucket, from);
    if (starts[starts.length - 1] !== b) starts.push(b);
  }
  return {
    from,
    to,
    bucket: query.bucket,
    start: `${from}T00:00:00.000Z`,
    end: new Date(ms(to) + DAY_MS).toISOString(),
    starts,
  };
}
