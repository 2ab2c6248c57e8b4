import { COURSES, ENROLLMENTS } from '../data/index.ts';
import { seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';

/**
 * One scheduled live session ("Office hours") in each course the demo learners take, a week
 * after the first seed at 17:00 UTC for an hour, hosted by the course's instructor. Added once,
 * never moved: a second run leaves the row as it is.
 */
export const seedLiveSessions: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  const starts = new Date(ctx.now.getTime() + 7 * DAY);
  starts.setUTCHours(17, 0, 0, 0);
  const ends = new Date(starts.getTime() + 3_600_000);
  for (const slug of new Set(ENROLLMENTS.map((e) => e.course))) {
    const courseId = owned.get(slug);
    const course = COURSES.find((c) => c.slug === slug);
    if (!courseId || !course) continue;
    await sql.query(
      `insert into public.live_sessions (id, course_id, title, starts_at, ends_at, status, created_by)
       select $1, c.id, $3, $4, $5, 'scheduled', i.user_id
       from public.courses c join public.instructors i on i.id = c.instructor_id
       where c.id = $2
       on conflict (id) do nothing`,
      [
        seedId(`live-session:${slug}:office-hours`),
        courseId,
        `Office hours: ${course.title}`.slice(0, 200),
        starts.toISOString(),
        ends.toISOString(),
      ],
    );
  }
};
