import { z } from 'zod';

/**
 * The building blocks of the data API's contract: identifiers, dates, money and the closed
 * vocabularies (enums) that the database, the API and the web app share. The enums mirror
 * Postgres enum types; edge/contract/contract.test.ts checks them against the database.
 */

/** The slug rule, as literal types too: web/ restates it under `satisfies SlugRules` and the compiler holds both equal. */
export const SLUG_RULES = { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 } as const;
export type SlugRules = typeof SLUG_RULES;

export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');
export const slug = z.string().max(SLUG_RULES.maxLength).regex(new RegExp(SLUG_RULES.pattern), 'must be a slug');

/** Timestamps leave the API as `Date#toISOString()` (UTC, `Z`). */
export const isoDateTime = z.iso.datetime();

/** Integer minor units with an ISO 4217 currency code. */
export const money = z.strictObject({
  amount: z.int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const difficulty = z.enum(['beginner', 'intermediate', 'advanced']);
export const priceBand = z.enum(['free', 'under-50', '50-100', '100-plus']);
export const courseSort = z.enum(['popular', 'newest', 'rating', 'price-asc', 'price-desc', 'relevance']);
export const badge = z.enum(['popular', 'new', 'free']);
export const lessonType = z.enum(['text', 'video', 'pdf', 'slides', 'quiz', 'lab', 'assignment']);
export const enrollmentStatus = z.enum(['active', 'completed', 'cancelled']);
export const appRole = z.enum(['student', 'instructor', 'admin']);

export type Difficulty = z.infer<typeof difficulty>;
export type PriceBand = z.infer<typeof priceBand>;
export type CourseSort = z.infer<typeof courseSort>;
export type Badge = z.infer<typeof badge>;
export type LessonType = z.infer<typeof lessonType>;
export type EnrollmentStatus = z.infer<typeof enrollmentStatus>;
export type AppRole = z.infer<typeof appRole>;
export type Money = z.infer<typeof money>;
