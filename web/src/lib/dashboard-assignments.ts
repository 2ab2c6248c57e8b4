import type { DashboardCourse } from '../../../edge/api-types.ts';

/**
 * Company assignments on the learner's dashboard (pure). Due dates show with formatDueDate
 * (lib/format.ts): the UTC day, wherever the learner is.
 */

/** Whether the course is unfinished and a company set it a due date. */
const dueAndOpen = (c: DashboardCourse) => c.state !== 'completed' && !!c.assignment?.dueAt;

/**
 * The dashboard's order: unfinished courses (in progress or not started) that a company assigned
 * with a due date first, the earliest due (so the overdue) first; then every other course in the
 * API's order (latest activity first). Stable; the input is not changed.
 */
export function sortDashboardCourses(courses: readonly DashboardCourse[]): DashboardCourse[] {
  const due = courses.filter(dueAndOpen);
  due.sort((a, b) => Date.parse(a.assignment!.dueAt!) - Date.parse(b.assignment!.dueAt!));
  return [...due, ...courses.filter((c) => !dueAndOpen(c))];
}
