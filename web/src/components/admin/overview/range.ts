import type { OverviewBucket } from '../../../../../edge/api-types.ts';
import type { OverviewRange } from '../../../lib/admin-overview-api.ts';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const MAX_DAYS = 366;

export interface Preset {
  id: string;
  label: string;
  days: number;
  bucket: OverviewBucket;
}

/** The quick ranges: each ends today (UTC) and picks the bucket that reads best at its length. */
export const PRESETS: Preset[] = [
  { id: '7d', label: 'Last 7 days', days: 7, bucket: 'day' },
  { id: '30d', label: 'Last 30 days', days: 30, bucket: 'day' },
  { id: '90d', label: 'Last 90 days', days: 90, bucket: 'week' },
  { id: '12m', label: 'Last 12 months', days: 365, bucket: 'month' },
];

export function presetRange(p: Preset, now = new Date()): OverviewRange {
  const to = day(now.getTime());
  return { from: day(Date.parse(`${to}T00:00:00Z`) - (p.days - 1) * DAY_MS), to, bucket: p.bucket };
}

/** Why a typed range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!from || !to) return 'Enter both dates.';
  if (from > to) return 'The start date must not be after the end date.';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_DAYS) return `Pick at most ${MAX_DAYS} days.`;
  return null;
}
