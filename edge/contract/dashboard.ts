import { z } from 'zod';
import { courseCard } from './catalog.ts';
import { enrollmentSummary } from './enrollment.ts';
import { appRole, isoDateTime, uuid } from './primitives.ts';

/** GET /api/me/dashboard — the signed-in learner's courses and learning stats. */

export const learningState = z.enum(['not-started', 'in-progress', 'completed']);

export const dashboardCourse = z.strictObject({
  course: courseCard
    .pick({ id: true, slug: true, title: true, subtitle: true, thumbnailUrl: true, thumbnailWidths: true })
    .extend({ instructor: z.strictObject({ displayName: z.string() }) }),
  enrollment: enrollmentSummary,
  state: learningState,
  /** The lesson "Continue learning" opens. */
  nextLessonId: uuid.nullable(),
  /**
   * The caller's active company assignment of this course (the earliest due when several
   * companies assigned it), or null. overdue: past its due date and the course not completed.
   */
  assignment: z
    .strictObject({ companyName: z.string(), dueAt: isoDateTime.nullable(), overdue: z.boolean() })
    .nullable(),
});

export const dashboard = z.strictObject({
  profile: z.strictObject({
    id: uuid,
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    role: appRole,
  }),
  stats: z.strictObject({
    inProgress: z.int().min(0),
    completed: z.int().min(0),
    notStarted: z.int().min(0),
    learningMinutes: z.int().min(0),
  }),
  courses: z.array(dashboardCourse),
});

export type LearningState = z.infer<typeof learningState>;
export type DashboardCourse = z.infer<typeof dashboardCourse>;
export type DashboardAssignment = NonNullable<DashboardCourse['assignment']>;
export type Dashboard = z.infer<typeof dashboard>;
