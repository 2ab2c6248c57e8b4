import { z } from 'zod';
import { slug, uuid } from './primitives.ts';

/**
 * The admin's Overview (docs/admin.md): GET /api/admin/overview and GET /api/admin/overview.csv,
 * with ?from=YYYY-MM-DD&to=YYYY-MM-DD&bucket=day|week|month (UTC days, both ends included).
 * Admins only: 401 for visitors, 403 for anyone else. Money is integer minor units.
 */

export const OVERVIEW_LIMITS = { maxDays: 366, defaultDays: 30, topCourses: 10 } as const;

const isoDate = z.iso.date();
const count = z.int().min(0);
const amount = z.int();
const currency = z.string().regex(/^[A-Z]{3}$/);

export const overviewBucket = z.enum(['day', 'week', 'month']);

/** The range is checked further by the route (from ≤ to, at most 366 days): 400 otherwise. */
export const adminOverviewQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  bucket: overviewBucket.default('day'),
});

export const overviewPoint = z.strictObject({
  /** The bucket's first day (a Monday for weeks, the 1st for months), clipped to `from`. */
  start: isoDate,
  signups: count,
  enrollments: count,
});

export const overviewMoneyPoint = z.strictObject({ start: isoDate, gross: amount, refunds: amount, net: amount });

export const overviewRevenue = z.strictObject({
  currency,
  gross: amount,
  refunds: amount,
  net: amount,
  buckets: z.array(overviewMoneyPoint),
});

export const overviewCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  /** Enrollments made in the range. */
  enrollments: count,
  /** Paid in the range for this course (bundle lines split evenly over their courses), per currency. */
  revenue: z.array(z.strictObject({ currency, amount })),
  /** Completed ÷ all non-cancelled enrollments of the course, ever: 0..1. */
  completionRate: z.number().min(0).max(1),
});

export const adminOverview = z.strictObject({
  from: isoDate,
  to: isoDate,
  bucket: overviewBucket,
  usersByRole: z.strictObject({ student: count, instructor: count, admin: count, total: count }),
  /** Distinct learners with lesson activity in the 7 and 30 days up to now (not the range). */
  activeLearners: z.strictObject({ last7: count, last30: count }),
  totals: z.strictObject({ signups: count, enrollments: count }),
  series: z.array(overviewPoint),
  revenue: z.array(overviewRevenue),
  topCourses: z.array(overviewCourse),
});

export type OverviewBucket = z.infer<typeof overviewBucket>;
export type AdminOverviewQuery = z.infer<typeof adminOverviewQuery>;
export type OverviewPoint = z.infer<typeof overviewPoint>;
export type OverviewMoneyPoint = z.infer<typeof overviewMoneyPoint>;
export type OverviewRevenue = z.infer<typeof overviewRevenue>;
export type OverviewCourse = z.infer<typeof overviewCourse>;
export type AdminOverview = z.infer<typeof adminOverview>;
