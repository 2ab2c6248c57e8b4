import { z } from 'zod';
import { isoDateTime, SLUG_RULES, slug, uuid } from './primitives.ts';
import { courseStatus } from './teaching.ts';

/**
 * The admin's courses screen, categories and tags (docs/admin.md, migration 20261129000400).
 * Admins only: 401 for visitors, 403 for anyone else. Every change is audited by the database.
 *
 * GET /api/admin/courses, POST /api/admin/courses/feature, POST /api/admin/courses/status,
 * GET/POST /api/admin/course-categories, PATCH/DELETE /api/admin/course-categories/:id,
 * GET /api/admin/tags, POST /api/admin/tags/rename.
 */

export const ADMIN_CATALOG_LIMITS = {
  pageSize: 25,
  maxPage: 10_000,
  q: 200,
  bulk: 100,
  reason: 2000,
  featured: 12,
  tag: 40,
} as const;

export const adminCourseSort = z.enum(['updated', 'newest', 'title', 'enrollments', 'rating']);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const adminCourseQuery = z.strictObject({
  q: z.string().trim().max(ADMIN_CATALOG_LIMITS.q).optional(),
  status: courseStatus.optional(),
  category: uuid.optional(),
  instructor: uuid.optional(),
  featured: flag.optional(),
  sort: adminCourseSort.default('updated'),
  page: z.coerce.number().int().min(1).max(ADMIN_CATALOG_LIMITS.maxPage).default(1),
});

export const adminCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  status: courseStatus,
  instructor: z.strictObject({ id: uuid, displayName: z.string() }),
  category: z.strictObject({ id: uuid, name: z.string() }).nullable(),
  tags: z.array(z.string()),
  enrollments: z.int().min(0),
  ratingAverage: z.number().min(0).max(5),
  ratingCount: z.int().min(0),
  featured: z.boolean(),
  priceAmount: z.int().min(0),
  priceCurrency: z.string(),
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});

export const adminCourseList = z.strictObject({
  items: z.array(adminCourse),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
  /** Courses waiting in the approval queue. */
  pendingReview: z.int().min(0),
  featuredCount: z.int().min(0),
  featuredLimit: z.int().min(1),
  /** Every instructor with a course, for the filter. */
  instructors: z.array(z.strictObject({ id: uuid, displayName: z.string() })),
});

const courseIds = z.array(uuid).min(1).max(ADMIN_CATALOG_LIMITS.bulk);

export const featureCoursesInput = z.strictObject({ ids: courseIds, featured: z.boolean() });
export const featureCoursesResult = z.strictObject({ featuredCourseIds: z.array(uuid) });

export const courseStatusAction = z.enum(['unpublish', 'archive', 'restore']);
export const courseStatusInput = z
  .strictObject({
    ids: courseIds,
    action: courseStatusAction,
    reason: z.string().trim().max(ADMIN_CATALOG_LIMITS.reason).optional(),
  })
  .refine((d) => d.action !== 'unpublish' || (d.reason ?? '').length > 0, {
    message: 'say why: the instructor is told',
    path: ['reason'],
  });
export const courseStatusResult = z.strictObject({
  items: z.array(z.strictObject({ id: uuid, slug, title: z.string(), status: courseStatus })),
});

// Categories

export const courseCategory = z.strictObject({
  id: uuid,
  slug,
  name: z.string(),
  description: z.string(),
  position: z.int(),
  active: z.boolean(),
  /** Courses in this category, any status. */
  courseCount: z.int().min(0),
});
export const courseCategoryList = z.strictObject({ items: z.array(courseCategory) });

export const courseCategoryInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slug: z
    .string()
    .trim()
    .max(SLUG_RULES.maxLength)
    .regex(new RegExp(SLUG_RULES.pattern), 'lower-case words and dashes'),
  description: z.string().trim().max(1000).default(''),
  position: z.int().min(-10_000).max(10_000).default(0),
  active: z.boolean().default(true),
});
export const courseCategoryPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    slug: z
      .string()
      .trim()
      .max(SLUG_RULES.maxLength)
      .regex(new RegExp(SLUG_RULES.pattern), 'lower-case words and dashes'),
    description: z.string().trim().max(1000),
    position: z.int().min(-10_000).max(10_000),
    active: z.boolean(),
  })
  .partial()
  .refine((d) => Object.keys(d).length > 0, { message: 'change at least one field' });
export const courseCategoryDeleteQuery = z.strictObject({ moveTo: uuid.optional() });
export const courseCategoryResult = z.strictObject({ item: courseCategory });

// Tags

export const tagQuery = z.strictObject({ q: z.string().trim().max(ADMIN_CATALOG_LIMITS.tag).optional() });
export const tagList = z.strictObject({ items: z.array(z.strictObject({ tag: z.string(), courses: z.int().min(1) })) });
export const tagRenameInput = z.strictObject({
  from: z.string().min(1).max(ADMIN_CATALOG_LIMITS.tag),
  to: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(ADMIN_CATALOG_LIMITS.tag)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} +#.-]*$/u, 'letters, digits, spaces and + # . -'),
});
export const tagRenameResult = z.strictObject({
  from: z.string(),
  to: z.string(),
  courses: z.int().min(1),
  /** Whether some course already had the new tag (a merge). */
  merged: z.boolean(),
});

export type AdminCourseSort = z.infer<typeof adminCourseSort>;
export type AdminCourseQuery = z.infer<typeof adminCourseQuery>;
export type AdminCourse = z.infer<typeof adminCourse>;
export type AdminCourseList = z.infer<typeof adminCourseList>;
export type FeatureCoursesInput = z.infer<typeof featureCoursesInput>;
export type FeatureCoursesResult = z.infer<typeof featureCoursesResult>;
export type CourseStatusAction = z.infer<typeof courseStatusAction>;
export type CourseStatusInput = z.infer<typeof courseStatusInput>;
export type CourseStatusResult = z.infer<typeof courseStatusResult>;
export type CourseCategory = z.infer<typeof courseCategory>;
export type CourseCategoryList = z.infer<typeof courseCategoryList>;
export type CourseCategoryInput = z.input<typeof courseCategoryInput>;
export type CourseCategoryPatch = z.infer<typeof courseCategoryPatch>;
export type CourseCategoryResult = z.infer<typeof courseCategoryResult>;
export type TagList = z.infer<typeof tagList>;
export type TagRenameInput = z.infer<typeof tagRenameInput>;
export type TagRenameResult = z.infer<typeof tagRenameResult>;
