import type { InstructorEarnings } from '../../../../../edge/api-types.ts';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const MAX_PERIOD_DAYS = 366;

export interface Period {
  from: string;
  to: string;
}

/** The UTC calendar month `offset` months from now's (0: this month, -1: the previous one). */
export function monthPeriod(offset: number, now = new Date()): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + offset;
  return { from: day(Date.UTC(y, m, 1)), to: day(Date.UTC(y, m + 1, 0)) };
}

/** Why a typed period cannot be asked for, or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (!from || !to) return 'Enter both dates.';
  if (from > to) return 'The start date must not be after the end date.';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) return `Pick at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

/** "30%" or "27.5%" for basis points. */
export const percent = (bps: number) => `${Number((bps / 100).toFixed(2))}%`;

/** "27.5" -> 2750; null unless a plain percentage 0..100 with at most two decimals. */
export function percentToBps(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  return bps <= 10_000 ? bps : null;
}

/** Rows whose instructor's name holds every word of `q` (case-insensitive). */
export function filterEarnings(items: readonly InstructorEarnings[], q: string): InstructorEarnings[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((r) => words.every((w) => r.instructorName.toLowerCase().includes(w)));
}
