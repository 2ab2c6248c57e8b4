import { z } from 'zod';
import { enrollmentSummary } from './enrollment.ts';
import { badge, courseSort, difficulty, isoDateTime, lessonType, money, priceBand, slug, uuid } from './primitives.ts';

/**
 * The catalog: GET /api/courses (search, filters, facets), GET /api/categories and
 * GET /api/courses/:slug.
 */

/** Bounds of a catalog query, as literal types: web/ restates them under `satisfies CatalogLimits`. */
export const CATALOG_LIMITS = {
  query: 200,
  categories: 20,
  page: 10_000,
  pageSize: 50,
  defaultPageSize: 12,
} as const;
export type CatalogLimits = typeof CATALOG_LIMITS;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(CATALOG_LIMITS.categories)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

/** GET /api/courses query string; repeated keys (`category`) arrive as arrays. Unknown keys are a 400. */
export const catalogQuery = z.strictObject({
  q: z.string().trim().max(CATALOG_LIMITS.query).optional(),
  category: oneOrMany(slug).optional(),
  difficulty: difficulty.optional(),
  price: priceBand.optional(),
  sort: courseSort.optional(),
  page: z.coerce.number().int().min(1).max(CATALOG_LIMITS.page).default(1),
  pageSize: z.coerce.number().int().min(1).max(CATALOG_LIMITS.pageSize).default(CATALOG_LIMITS.defaultPageSize),
});

export const categoryRef = z.strictObject({ slug, name: z.string() });
/** A category with how many published courses (or search results) it holds. */
export const categoryFacet = categoryRef.extend({ count: z.int().min(0) });
export const categoryList = z.strictObject({ items: z.array(categoryFacet) });

export const instructorCard = z.strictObject({
  id: uuid,
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  expertise: z.array(z.string()),
  avatarUrl: z.string().nullable(),
});

export const courseCard = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  subtitle: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** When not empty, thumbnailUrl holds '{w}' and an image exists at each width (a srcset). */
  thumbnailWidths: z.array(z.int().min(16).max(4096)),
  difficulty,
  language: z.string(),
  category: categoryRef.nullable(),
  instructor: z.strictObject({ id: uuid, displayName: z.string() }),
  price: money,
  rating: z.strictObject({ average: z.number().min(0).max(5), count: z.int().min(0) }),
  enrollmentCount: z.int().min(0),
  lessonCount: z.int().min(0),
  durationMinutes: z.int().min(0),
  publishedAt: isoDateTime.nullable(),
  badges: z.array(badge),
});

export const courseList = z.strictObject({
  items: z.array(courseCard),
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  /** Facet counts over the current search, for the filter sidebar. */
  categories: z.array(categoryFacet),
});

export const syllabusLesson = z.strictObject({
  id: uuid,
  title: z.string(),
  type: lessonType,
  position: z.int(),
  durationMinutes: z.int().min(0),
  isPreview: z.boolean(),
});

export const syllabusSection = z.strictObject({
  id: uuid,
  title: z.string(),
  position: z.int(),
  lessons: z.array(syllabusLesson),
});

export const courseDetail = courseCard.extend({
  description: z.string(),
  outcomes: z.array(z.string()),
  prerequisites: z.array(z.string()),
  tags: z.array(z.string()),
  introVideoUrl: z.string().nullable(),
  instructor: instructorCard,
  sections: z.array(syllabusSection),
  /** The caller's enrollment; null when signed out or not enrolled. */
  enrollment: enrollmentSummary.nullable(),
});

/** The parsed query (defaults applied, categories always a list), as the queries receive it. */
export type CatalogQuery = z.infer<typeof catalogQuery>;
/** The query string as a client writes it. */
export type CatalogQueryInput = z.input<typeof catalogQuery>;
export type CategoryRef = z.infer<typeof categoryRef>;
export type CategoryFacet = z.infer<typeof categoryFacet>;
export type CategoryList = z.infer<typeof categoryList>;
export type InstructorCard = z.infer<typeof instructorCard>;
export type CourseCard = z.infer<typeof courseCard>;
export type CourseList = z.infer<typeof courseList>;
export type SyllabusLesson = z.infer<typeof syllabusLesson>;
export type SyllabusSection = z.infer<typeof syllabusSection>;
export type CourseDetail = z.infer<typeof courseDetail>;
