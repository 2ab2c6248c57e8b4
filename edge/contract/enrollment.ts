import { z } from 'zod';
import { enrollmentStatus, isoDateTime, uuid } from './primitives.ts';

/** A learner's enrollment in a course: progress is computed by the database, never sent by a client. */
export const enrollmentSummary = z.strictObject({
  id: uuid,
  courseId: uuid,
  status: enrollmentStatus,
  enrolledAt: isoDateTime,
  completedLessons: z.int().min(0),
  totalLessons: z.int().min(0),
  progressPercentage: z.number().min(0).max(100),
  lastLessonId: uuid.nullable(),
  completedAt: isoDateTime.nullable(),
});

/** POST /api/enrollments (free courses; paid ones are enrolled by checkout fulfilment). */
export const enrollRequest = z.strictObject({ courseId: uuid });

/** The answer of POST /api/enrollments and POST /api/lessons/:id/complete. */
export const enrollmentResponse = z.strictObject({ enrollment: enrollmentSummary });

export type EnrollmentSummary = z.infer<typeof enrollmentSummary>;
export type EnrollRequest = z.infer<typeof enrollRequest>;
export type EnrollmentResponse = z.infer<typeof enrollmentResponse>;
