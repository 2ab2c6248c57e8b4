import { z } from 'zod';
import { syllabusLesson, syllabusSection } from './catalog.ts';
import { enrollmentSummary } from './enrollment.ts';
import { isoDateTime, lessonType, slug, uuid } from './primitives.ts';

/** The course player: GET /api/courses/:slug/player and GET /api/lessons/:id. */

export const playerLesson = syllabusLesson.extend({
  completed: z.boolean(),
  /** False while drip-locked; then availableAt says when it opens. */
  available: z.boolean(),
  availableAt: isoDateTime.nullable(),
});

/** GET /api/courses/:slug/player — the course player for an enrolled learner. */
export const coursePlayer = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  enrollment: enrollmentSummary,
  sections: z.array(syllabusSection.extend({ lessons: z.array(playerLesson) })),
});

/** GET /api/lessons/:id — one lesson's content, if the caller may read it. */
export const lessonContent = z.strictObject({
  id: uuid,
  courseId: uuid,
  title: z.string(),
  type: lessonType,
  textContent: z.string().nullable(),
  contentUrl: z.array(z.strictObject({ type: z.string(), url: z.string() })),
  completed: z.boolean(),
});

export type PlayerLesson = z.infer<typeof playerLesson>;
export type CoursePlayer = z.infer<typeof coursePlayer>;
export type LessonContent = z.infer<typeof lessonContent>;
