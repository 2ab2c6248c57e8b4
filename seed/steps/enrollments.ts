import { COURSES, ENROLLMENTS } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';

/** Demo learners' enrollments and completed lessons: only added, never reset. */
export const seedEnrollments: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  for (const e of ENROLLMENTS) {
    const userId = ctx.userIds.get(e.email);
    const courseId = owned.get(e.course);
    const course = COURSES.find((c) => c.slug === e.course);
    if (!userId || !courseId || !course) continue;
    const enrolledAt = new Date(ctx.now.getTime() - e.enrolledDaysAgo * DAY);
    // Completions spread over the days since enrollment, the last one yesterday at most.
    const completedAt = (k: number) =>
      new Date(
        enrolledAt.getTime() + ((k + 1) * (e.enrolledDaysAgo - 1) * DAY) / e.completed.length + 3_600_000,
      ).toISOString();
    const last = e.completed.at(-1);
    // Inserted as the owner, like an admin enrollment; an existing enrollment is kept.
    await sql.query(
      `insert into public.enrollments (id, user_id, course_id, status, source, enrolled_at, last_lesson_id, last_activity_at)
       values ($1, $2, $3, 'active', 'free', $4, $5, $6)
       on conflict (user_id, course_id) do nothing`,
      [
        ids.enrollment(e.email, e.course),
        userId,
        courseId,
        enrolledAt.toISOString(),
        last ? ids.lesson(e.course, last[0], last[1]) : null,
        last ? completedAt(e.completed.length - 1) : null,
      ],
    );
    for (const [k, [s, l]] of e.completed.entries()) {
      const at = completedAt(k);
      await sql.query(
        `insert into public.lesson_progress (id, user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
         values ($1, $2, $3, $4, 'completed', true, $5::timestamptz - interval '20 minutes', $5::timestamptz)
         on conflict (user_id, lesson_id) do nothing`,
        [ids.progress(e.email, e.course, s, l), userId, ids.lesson(e.course, s, l), courseId, at],
      );
    }
    // The enrollment's counters come from lesson_progress; recompute only when they differ (lessons
    // of type quiz/assignment/lab count through their items: seed/steps/assessments.ts).
    await sql.query(
      `select private.recompute_enrollment(e.user_id, e.course_id)
       from public.enrollments e
       where e.user_id = $1 and e.course_id = $2 and e.status <> 'cancelled'
         and (e.total_lessons, e.completed_lessons) is distinct from (
           (select count(*)::int from public.lessons l where l.course_id = e.course_id and l.status = 'published'
              and l.content_type in ('text', 'video', 'pdf', 'slides')),
           (select count(*)::int from public.lesson_progress p
              join public.lessons l on l.id = p.lesson_id and l.status = 'published'
                and l.content_type in ('text', 'video', 'pdf', 'slides')
             where p.user_id = e.user_id and p.course_id = e.course_id and p.is_completed))`,
      [userId, courseId],
    );
  }
  // courses.enrollment_count keeps the seeded number (the demo's "history") plus these
  // enrollments: the enrollments trigger counts by deltas, it never recounts.
};
