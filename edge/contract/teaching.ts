import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/** GET /api/teach/courses — the courses the signed-in instructor teaches (an admin: every course), newest change first. */

export const courseStatus = z.enum(['draft', 'pending_review', 'published', 'archived']);

export const teachingCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  status: courseStatus,
  lessonCount: z.number().int().nonnegative(),
  enrollmentCount: z.number().int().nonnegative(),
  thumbnailUrl: z.string().nullable(),
  updatedAt: isoDateTime,
});

export const teachingCourseList = z.strictObject({ items: z.array(teachingCourse) });

export type CourseStatus = z.infer<typeof courseStatus>;
export type TeachingCourse = z.infer<typeof teachingCourse>;
export type TeachingCourseList = z.infer<typeof teachingCourseList>;
