import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';
import { courseStatus } from './teaching.ts';

/** The admin's course review queue: GET /api/admin/course-reviews, POST /api/admin/courses/:id/decision. */

export const courseReviewItem = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  subtitle: z.string(),
  instructor: z.strictObject({ id: uuid, displayName: z.string() }),
  category: z.string().nullable(),
  priceAmount: z.int(),
  priceCurrency: z.string(),
  sectionCount: z.int().nonnegative(),
  lessonCount: z.int().nonnegative(),
  /** When the course last changed: for a course in review, when it was submitted (or edited since). */
  submittedAt: isoDateTime,
});
/** Courses waiting for review, oldest first (at most 200). */
export const courseReviewList = z.strictObject({ items: z.array(courseReviewItem) });

export const courseDecisionInput = z
  .strictObject({ approve: z.boolean(), reason: z.string().trim().max(2000).optional() })
  .refine((d) => d.approve || (d.reason ?? '').length > 0, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });

export const courseDecision = z.strictObject({
  id: uuid,
  slug,
  status: courseStatus,
  publishedAt: isoDateTime.nullable(),
});

export type CourseReviewItem = z.infer<typeof courseReviewItem>;
export type CourseReviewList = z.infer<typeof courseReviewList>;
export type CourseDecisionInput = z.infer<typeof courseDecisionInput>;
export type CourseDecision = z.infer<typeof courseDecision>;
