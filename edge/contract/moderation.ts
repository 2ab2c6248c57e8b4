import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Reviews across the platform and reported content (docs/admin.md, migration 20261129000400).
 *
 * Learners: POST /api/reports (report a review or a live-session question), GET /api/reports/mine.
 * Admins (401 for visitors, 403 for anyone else): GET /api/admin/reviews,
 * POST /api/admin/reviews/visibility, GET /api/admin/reports, POST /api/admin/reports/resolve.
 */

export const MODERATION_LIMITS = { pageSize: 25, maxPage: 10_000, q: 200, note: 1000, bulk: 100, targets: 50 } as const;

export const reportTargetType = z.enum(['review', 'session_question']);
export const reportReason = z.enum(['spam', 'abuse', 'off_topic', 'other']);
export const reportStatus = z.enum(['open', 'actioned', 'dismissed']);

export const reportInput = z
  .strictObject({
    targetType: reportTargetType,
    targetId: uuid,
    reason: reportReason,
    note: z.string().trim().max(MODERATION_LIMITS.note).default(''),
  })
  .refine((d) => d.reason !== 'other' || d.note.length > 0, { message: 'say what is wrong', path: ['note'] });

export const myReport = z.strictObject({
  id: uuid,
  targetType: reportTargetType,
  targetId: uuid,
  reason: reportReason,
  note: z.string(),
  status: reportStatus,
  createdAt: isoDateTime,
});
export const myReportResult = z.strictObject({ report: myReport });
export const myReportList = z.strictObject({ items: z.array(myReport) });

// Reviews, for admins

export const adminReviewFilter = z.enum(['all', 'visible', 'hidden', 'reported']);
export const adminReviewQuery = z.strictObject({
  q: z.string().trim().max(MODERATION_LIMITS.q).optional(),
  status: adminReviewFilter.default('all'),
  course: uuid.optional(),
  page: z.coerce.number().int().min(1).max(MODERATION_LIMITS.maxPage).default(1),
});
export const adminReview = z.strictObject({
  id: uuid,
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  rating: z.int().min(1).max(5),
  comment: z.string(),
  author: z.string(),
  hidden: z.boolean(),
  hiddenAt: isoDateTime.nullable(),
  /** Open reports about this review. */
  openReports: z.int().min(0),
  createdAt: isoDateTime,
});
export const adminReviewList = z.strictObject({
  items: z.array(adminReview),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
  /** Courses with a review, for the filter. */
  courses: z.array(z.strictObject({ id: uuid, title: z.string() })),
});
export const reviewVisibilityInput = z.strictObject({
  ids: z.array(uuid).min(1).max(MODERATION_LIMITS.bulk),
  hidden: z.boolean(),
});
export const reviewVisibilityResult = z.strictObject({ updated: z.int().min(0) });

// Reports, for admins: grouped by the content they are about.

export const adminReportQuery = z.strictObject({
  status: reportStatus.default('open'),
  type: reportTargetType.optional(),
  page: z.coerce.number().int().min(1).max(MODERATION_LIMITS.maxPage).default(1),
});
export const adminReportEntry = z.strictObject({
  id: uuid,
  reason: reportReason,
  note: z.string(),
  status: reportStatus,
  reporter: z.strictObject({ id: uuid, name: z.string() }),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export const adminReportGroup = z.strictObject({
  targetType: reportTargetType,
  targetId: uuid,
  /** The reported content as plain text (null when it was deleted). */
  content: z
    .strictObject({
      text: z.string(),
      author: z.string(),
      hidden: z.boolean(),
      /** Where it appears: the course (reviews) or the session (questions). */
      where: z.strictObject({ label: z.string(), href: z.string() }),
    })
    .nullable(),
  reports: z.array(adminReportEntry),
  latestAt: isoDateTime,
});
export const adminReportList = z.strictObject({
  items: z.array(adminReportGroup),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  /** Targets with reports of this status. */
  total: z.int().min(0),
  /** Targets with open reports, whatever the filter. */
  openTargets: z.int().min(0),
});
export const resolveAction = z.enum(['hide', 'dismiss']);
export const resolveReportsInput = z.strictObject({
  targets: z
    .array(z.strictObject({ type: reportTargetType, id: uuid }))
    .min(1)
    .max(MODERATION_LIMITS.targets),
  action: resolveAction,
});
export const resolveReportsResult = z.strictObject({ resolved: z.int().min(0) });

export type ReportTargetType = z.infer<typeof reportTargetType>;
export type ReportReason = z.infer<typeof reportReason>;
export type ReportStatus = z.infer<typeof reportStatus>;
export type ReportInput = z.input<typeof reportInput>;
export type MyReport = z.infer<typeof myReport>;
export type MyReportResult = z.infer<typeof myReportResult>;
export type MyReportList = z.infer<typeof myReportList>;
export type AdminReviewFilter = z.infer<typeof adminReviewFilter>;
export type AdminReviewQuery = z.infer<typeof adminReviewQuery>;
export type AdminReview = z.infer<typeof adminReview>;
export type AdminReviewList = z.infer<typeof adminReviewList>;
export type ReviewVisibilityResult = z.infer<typeof reviewVisibilityResult>;
export type AdminReportQuery = z.infer<typeof adminReportQuery>;
export type AdminReportEntry = z.infer<typeof adminReportEntry>;
export type AdminReportGroup = z.infer<typeof adminReportGroup>;
export type AdminReportList = z.infer<typeof adminReportList>;
export type ResolveAction = z.infer<typeof resolveAction>;
export type ResolveReportsResult = z.infer<typeof resolveReportsResult>;
