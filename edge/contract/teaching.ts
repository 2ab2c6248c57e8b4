import { z } from 'zod';
import { difficulty, isoDateTime, lessonType, slug, uuid } from './primitives.ts';

/**
 * The instructor side (/api/teach/...): the caller's courses, the course wizard's writes
 * (basic info, pricing, curriculum, submit for review), students, earnings and bundle tagging.
 * Every write runs as the caller under RLS: instructors change their own courses, admins any.
 */

export const courseStatus = z.enum(['draft', 'pending_review', 'published', 'archived']);

/** GET /api/teach/courses — the courses the signed-in instructor teaches (an admin: every course), newest change first. */
export const teachingCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  status: courseStatus,
  lessonCount: z.number().int().nonnegative(),
  enrollmentCount: z.number().int().nonnegative(),
  thumbnailUrl: z.string().nullable(),
  /** When not empty, thumbnailUrl holds '{w}' and an image exists at each width. */
  thumbnailWidths: z.array(z.number().int().positive()),
  updatedAt: isoDateTime,
});

export const teachingCourseList = z.strictObject({ items: z.array(teachingCourse) });

// ---------------------------------------------------------------------------
// The wizard: course basics and pricing

/** Bounds the database holds too (supabase/migrations/..._catalog_courses_and_curriculum.sql). */
export const AUTHORING_LIMITS = {
  title: 200,
  subtitle: 300,
  description: 20_000,
  listItems: 30,
  listItem: 300,
  tags: 20,
  tag: 40,
  lessonText: 200_000,
  contentEntries: 10,
  url: 2_000,
  thumbnailWidths: 8,
} as const;
export type AuthoringLimits = typeof AUTHORING_LIMITS;

const title = z.string().trim().min(1).max(AUTHORING_LIMITS.title);
const textList = z.array(z.string().trim().min(1).max(AUTHORING_LIMITS.listItem)).max(AUTHORING_LIMITS.listItems);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
/** Absolute http(s) URLs or same-site paths, as the courses table allows. */
const webUrl = z
  .string()
  .trim()
  .max(AUTHORING_LIMITS.url)
  .regex(/^(https?:\/\/|\/(?!\/))\S*$/, 'must be an http(s) URL or a path starting with /');

/** POST /api/teach/courses — a new draft; the slug comes from the title (with a suffix when taken). */
export const newCourseInput = z.strictObject({
  title,
  categoryId: uuid.nullable().optional(),
});

/** PATCH /api/teach/courses/:id — basic info and pricing; only the fields sent change. */
export const coursePatch = z
  .strictObject({
    title,
    subtitle: z.string().trim().max(AUTHORING_LIMITS.subtitle),
    description: z.string().max(AUTHORING_LIMITS.description),
    outcomes: textList,
    prerequisites: textList,
    tags: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .min(1)
          .max(AUTHORING_LIMITS.tag)
          .regex(/^[\p{L}\p{N}][\p{L}\p{N} +#.-]*$/u, 'letters, digits, spaces and + # . -'),
      )
      .max(AUTHORING_LIMITS.tags),
    categoryId: uuid.nullable(),
    difficulty,
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en or pt-BR'),
    priceAmount: z.int().min(0).max(100_000_000),
    priceCurrency: currency,
    thumbnailUrl: webUrl.nullable(),
    thumbnailWidths: z.array(z.int().min(16).max(4096)).max(AUTHORING_LIMITS.thumbnailWidths),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field')
  .refine((p) => !p.thumbnailWidths?.length || p.thumbnailUrl === undefined || p.thumbnailUrl?.includes('{w}'), {
    message: 'with thumbnailWidths, thumbnailUrl must contain {w}',
    path: ['thumbnailUrl'],
  });

export const lessonMaterial = z.strictObject({
  type: z.enum(['video', 'pdf', 'slides', 'download', 'link']),
  /** An http(s) URL, a same-site path, or a file of the course's media library (`course-media:<courseId>/media/<file>`). */
  url: z
    .string()
    .trim()
    .min(1)
    .max(AUTHORING_LIMITS.url)
    .regex(/^(https?:\/\/|\/(?!\/)|course-media:)\S+$/, 'must be an http(s) URL, a path, or a media library file'),
  name: z.string().trim().max(200).optional(),
});

export const sectionInput = z.strictObject({ title });
export const sectionPatch = z.strictObject({ title });

const lessonFields = {
  title,
  type: lessonType,
  durationMinutes: z.int().min(0).max(1440),
  isPreview: z.boolean(),
  status: z.enum(['draft', 'published']),
  dripDays: z.int().min(0).max(3650).nullable(),
  dripDate: isoDateTime.nullable(),
  videoSeconds: z.int().min(1).max(86_400).nullable(),
  completeAtShare: z.number().min(0.1).max(1),
  textContent: z.string().max(AUTHORING_LIMITS.lessonText).nullable(),
  contentUrl: z.array(lessonMaterial).max(AUTHORING_LIMITS.contentEntries),
};

/** POST /api/teach/sections/:id/lessons — a lesson at the end of the section (a draft unless status says otherwise). */
export const lessonInput = z.strictObject(lessonFields).partial().required({ title: true });
/** PATCH /api/teach/lessons/:id */
export const lessonPatch = z
  .strictObject(lessonFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field');

/** POST /api/teach/courses/:id/reorder — every section of the course, in order, each with every lesson it holds. */
export const reorderInput = z.strictObject({
  sections: z
    .array(z.strictObject({ id: uuid, lessonIds: z.array(uuid).max(500) }))
    .min(1)
    .max(200),
});

export const editorLesson = z.strictObject({
  id: uuid,
  sectionId: uuid,
  title: z.string(),
  type: lessonType,
  position: z.int(),
  durationMinutes: z.int(),
  isPreview: z.boolean(),
  status: z.enum(['draft', 'published']),
  dripDays: z.int().nullable(),
  dripDate: isoDateTime.nullable(),
  videoSeconds: z.int().nullable(),
  completeAtShare: z.number(),
  textContent: z.string().nullable(),
  contentUrl: z.array(z.strictObject({ type: z.string(), url: z.string(), name: z.string().optional() })),
});

export const editorSection = z.strictObject({
  id: uuid,
  title: z.string(),
  position: z.int(),
  lessons: z.array(editorLesson),
});

export const editorCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  subtitle: z.string(),
  description: z.string(),
  outcomes: z.array(z.string()),
  prerequisites: z.array(z.string()),
  tags: z.array(z.string()),
  categoryId: uuid.nullable(),
  difficulty,
  language: z.string(),
  priceAmount: z.int(),
  priceCurrency: z.string(),
  thumbnailUrl: z.string().nullable(),
  thumbnailWidths: z.array(z.int()),
  status: courseStatus,
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  instructor: z.strictObject({ id: uuid, displayName: z.string() }),
});

/** GET /api/teach/courses/:id/editor — everything the wizard edits, lessons' content included. */
export const courseEditor = z.strictObject({
  course: editorCourse,
  sections: z.array(editorSection),
  categories: z.array(z.strictObject({ id: uuid, slug, name: z.string() })),
  /** What submitting for review still needs (empty: ready). */
  missing: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

// ---------------------------------------------------------------------------
// Dashboard, students, bundles

const currencyTotals = z.strictObject({
  currency: z.string(),
  grossMinor: z.int(),
  refundedMinor: z.int(),
  netMinor: z.int(),
});

/** GET /api/teach/overview — public.instructor_overview() (an admin: every course). */
export const teachingOverview = z.strictObject({
  students: z.int().nonnegative(),
  courses: z.int().nonnegative(),
  averageRating: z.number().nullable(),
  ratingCount: z.int().nonnegative(),
  reviewsLast30Days: z.int().nonnegative(),
  earnings: z.array(currencyTotals),
});

export const courseEarnings = z.strictObject({
  courseId: uuid,
  courseTitle: z.string(),
  currency: z.string(),
  orders: z.int().nonnegative(),
  grossMinor: z.int(),
  refundedMinor: z.int(),
  netMinor: z.int(),
});
/** GET /api/teach/earnings — public.instructor_earnings(), largest net first. */
export const courseEarningsList = z.strictObject({ items: z.array(courseEarnings) });

export const STUDENT_PAGE = { max: 100, default: 25 } as const;
export const studentsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(STUDENT_PAGE.max).default(STUDENT_PAGE.default),
  status: z.enum(['active', 'completed', 'cancelled']).optional(),
});

export const courseStudent = z.strictObject({
  enrollmentId: uuid,
  /** "Learner 7f3a…" unless the database tells the course's managers more. */
  name: z.string(),
  status: z.enum(['active', 'completed', 'cancelled']),
  progressPercent: z.number().min(0).max(100),
  enrolledAt: isoDateTime,
  lastActivityAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
});
/** GET /api/teach/courses/:id/students — the course's learners, latest activity first, paged. */
export const courseStudentList = z.strictObject({
  items: z.array(courseStudent),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});

export const teachingBundle = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  status: z.string(),
  currency: z.string(),
  included: z.boolean(),
});
/** GET /api/teach/courses/:id/bundles — the bundles open to instructors, and whether the course is in each. */
export const teachingBundleList = z.strictObject({ items: z.array(teachingBundle) });
/** PUT /api/teach/courses/:id/bundles — the open bundles the course should be in (others are left alone). */
export const teachingBundlesInput = z.strictObject({ bundleIds: z.array(uuid).max(100) });

export type CourseStatus = z.infer<typeof courseStatus>;
export type TeachingCourse = z.infer<typeof teachingCourse>;
export type TeachingCourseList = z.infer<typeof teachingCourseList>;
export type NewCourseInput = z.infer<typeof newCourseInput>;
export type CoursePatch = z.infer<typeof coursePatch>;
export type LessonMaterial = z.infer<typeof lessonMaterial>;
export type SectionInput = z.infer<typeof sectionInput>;
export type LessonInput = z.infer<typeof lessonInput>;
export type LessonPatch = z.infer<typeof lessonPatch>;
export type ReorderInput = z.infer<typeof reorderInput>;
export type EditorLesson = z.infer<typeof editorLesson>;
export type EditorSection = z.infer<typeof editorSection>;
export type EditorCourse = z.infer<typeof editorCourse>;
export type CourseEditor = z.infer<typeof courseEditor>;
export type TeachingOverview = z.infer<typeof teachingOverview>;
export type CourseEarnings = z.infer<typeof courseEarnings>;
export type CourseEarningsList = z.infer<typeof courseEarningsList>;
export type StudentsQuery = z.infer<typeof studentsQuery>;
export type CourseStudent = z.infer<typeof courseStudent>;
export type CourseStudentList = z.infer<typeof courseStudentList>;
export type TeachingBundle = z.infer<typeof teachingBundle>;
export type TeachingBundleList = z.infer<typeof teachingBundleList>;
export type TeachingBundlesInput = z.infer<typeof teachingBundlesInput>;
