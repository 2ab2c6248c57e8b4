import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Course reviews: one per enrolled learner and course, 1-5 stars and a plain-text comment
 * (rendered as text, never as markdown or HTML), an instructor's reply, hidden by admins.
 * The average, count and distribution are kept by the database (courses.rating_*).
 */

/** Reviews per page of GET /api/courses/:slug/reviews and GET /api/teach/reviews. */
export const REVIEW_PAGE_SIZE = 10;
export const REVIEW_COMMENT_MAX = 5000;

export const review = z.strictObject({
  id: uuid,
  rating: z.int().min(1).max(5),
  comment: z.string().max(REVIEW_COMMENT_MAX),
  /** The author's first name and last initial ("Ada L."): the only thing others learn about them. */
  author: z.string(),
  /** Whether the caller wrote it. */
  mine: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: isoDateTime.nullable(),
  /** Only course managers and admins ever see hidden reviews; for others this is always false. */
  hidden: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** GET /api/courses/:slug/reviews?page=1 — the course's rating and its reviews, newest first. */
export const courseReviews = z.strictObject({
  average: z.number().min(0).max(5),
  count: z.int().min(0),
  /** Counts of 1, 2, 3, 4 and 5 stars, in that order. */
  distribution: z.array(z.int().min(0)).length(5),
  items: z.array(review).max(REVIEW_PAGE_SIZE),
  page: z.int().min(1),
  pageCount: z.int().min(0),
  /** The caller's own review (also when it is not on this page), or null. */
  mine: review.nullable(),
  /** Whether the caller may write a review (enrolled, not cancelled). */
  canReview: z.boolean(),
  /** Whether the caller may hide reviews (admins). */
  canHide: z.boolean(),
});

export const reviewsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** PUT /api/courses/:slug/review — write or change the caller's review. */
export const reviewInput = z.strictObject({
  rating: z.int().min(1).max(5),
  comment: z.string().max(REVIEW_COMMENT_MAX).default(''),
});

/** POST /api/teach/reviews/:id/reply — the course instructor's answer ('' removes it). */
export const reviewReplyInput = z.strictObject({ reply: z.string().max(REVIEW_COMMENT_MAX) });

/** POST /api/admin/reviews/:id/hide */
export const reviewHideInput = z.strictObject({ hidden: z.boolean() });

export const teachReviewsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** 'unreplied' keeps only reviews without a reply. */
  filter: z.enum(['all', 'unreplied']).default('all'),
  course: uuid.optional(),
});

/** GET /api/teach/reviews — reviews of the caller's courses (admins: all), newest first. */
export const teachReview = review.extend({ course: z.strictObject({ id: uuid, slug, title: z.string() }) });
export const teachReviewList = z.strictObject({
  items: z.array(teachReview).max(REVIEW_PAGE_SIZE),
  page: z.int().min(1),
  pageCount: z.int().min(0),
  unreplied: z.int().min(0),
});

export type Review = z.infer<typeof review>;
export type CourseReviews = z.infer<typeof courseReviews>;
export type ReviewInput = z.input<typeof reviewInput>;
export type ReviewReplyInput = z.infer<typeof reviewReplyInput>;
export type ReviewHideInput = z.infer<typeof reviewHideInput>;
export type TeachReview = z.infer<typeof teachReview>;
export type TeachReviewList = z.infer<typeof teachReviewList>;
